import { create } from 'zustand';
import { BATCH_TEXT_MAX } from '../../../../shared/ipc/request-schemas.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { pickDraft } from '../compose/draft';
import { useComposeStore } from '../compose/compose-store';
import { emptyForm, inputKey, kindOfFile, planRequest, queueInput, type BatchForm, type BatchPlanView, type LocalProblem, type PlanInput } from './batch-form';
import { useBatchesStore } from './batches-store';

/**
 * The batch dialog: its form, the dry run of what the form says now, and the
 * queueing of it. Every edit counts; a plan answers the form as it was at one
 * count, an answer for a form since edited is dropped, and Queue sends only
 * the input of a plan that answers the form as it is: what was checked and
 * priced is what is queued.
 */

export type FileProblem = { kind: 'unreadable'; message: string } | { kind: 'too_large' };

interface BatchDialogState {
  open: boolean;
  form: BatchForm;
  /** How many edits the form has had. */
  edits: number;
  /** The plan on screen, the input it answers and the form's edit count it answers. */
  plan: { key: string; input: PlanInput; view: BatchPlanView; edits: number } | undefined;
  planning: boolean;
  /** Why the form cannot be planned as it is (checked in the page). */
  localProblem: LocalProblem | undefined;
  /** The plan call failed (the draft's own settings refused, the connection gone…). */
  planError: CallError | undefined;
  fileProblem: FileProblem | undefined;
  queueing: boolean;
  queueError: CallError | undefined;
  /** The batch queued last from this dialog, whose progress it shows. */
  queuedId: string | undefined;
  show(): void;
  hide(): void;
  edit(patch: Partial<BatchForm>): void;
  importFile(file: File): Promise<void>;
  /** Plans the form as it is now (the dialog calls it a moment after each edit). */
  runPlan(): Promise<void>;
  /** Resolves to whether a batch was queued. */
  queue(): Promise<boolean>;
}

const currentDraft = () => pickDraft(useComposeStore.getState());

export const useBatchDialogStore = create<BatchDialogState>()((set, get) => ({
  open: false,
  form: emptyForm(),
  edits: 0,
  plan: undefined,
  planning: false,
  localProblem: undefined,
  planError: undefined,
  fileProblem: undefined,
  queueing: false,
  queueError: undefined,
  queuedId: undefined,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
  edit: (patch) => set({ form: { ...get().form, ...patch }, edits: get().edits + 1, queueError: undefined, fileProblem: undefined }),

  async importFile(file) {
    // A file larger than a batch may be is refused before it is read into memory as text.
    if (file.size > BATCH_TEXT_MAX * 4) return set({ fileProblem: { kind: 'too_large' } });
    try {
      const text = await file.text();
      if (text.length > BATCH_TEXT_MAX) return set({ fileProblem: { kind: 'too_large' } });
      get().edit({ mode: 'list', kind: kindOfFile(file.name), text, fileName: file.name });
    } catch (err) {
      set({ fileProblem: { kind: 'unreadable', message: toAppError(err).message } });
    }
  },

  async runPlan() {
    const { form, edits, plan } = get();
    const asked = planRequest(form, currentDraft());
    if (asked.state !== 'ready') {
      set({ plan: undefined, planning: false, planError: undefined, localProblem: asked.state === 'problem' ? asked.problem : undefined });
      return;
    }
    const key = inputKey(asked.input);
    // An edit that changes nothing sent (the batch's name) keeps the plan, and a sweep's drawn seeds with it.
    if (plan?.key === key) return set({ plan: { ...plan, edits }, planning: false, localProblem: undefined });
    set({ planning: true, localProblem: undefined });
    try {
      const view = await api.batch.plan(asked.input);
      if (get().edits === edits) set({ plan: { key, input: asked.input, view, edits }, planning: false, planError: undefined });
    } catch (err) {
      if (get().edits === edits) set({ plan: undefined, planning: false, planError: toAppError(err) });
    }
  },

  async queue() {
    const { plan, queueing, form, edits } = get();
    if (queueing || !plan || !plan.view.ok || plan.edits !== edits || !stillAsked(plan.key)) return false;
    set({ queueing: true, queueError: undefined });
    try {
      const name = form.name.trim();
      const batch = await api.batch.queue({ ...queueInput(plan.input, plan.view), ...(name ? { name } : {}) });
      useBatchesStore.getState().apply([batch]);
      // The form starts over: the same rows pressed again would be queued (and paid for) twice.
      set({ queueing: false, queuedId: batch.id, plan: undefined, form: { ...emptyForm(), mode: form.mode, kind: form.kind }, edits: get().edits + 1 });
      return true;
    } catch (err) {
      set({ queueing: false, queueError: toAppError(err) });
      return false;
    }
  },
}));

/** Whether the form, with the draft as it is now, still asks for the input of this key. */
function stillAsked(key: string): boolean {
  const asked = planRequest(useBatchDialogStore.getState().form, currentDraft());
  return asked.state === 'ready' && inputKey(asked.input) === key;
}

/** Whether the plan on screen answers the form as it is. */
export const planIsCurrent = (s: Pick<BatchDialogState, 'plan' | 'edits'>): boolean => s.plan !== undefined && s.plan.edits === s.edits;
