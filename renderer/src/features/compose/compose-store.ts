import { create } from 'zustand';
import { IpcLineageSchema } from '../../../../shared/ipc/request-schemas.js';
import type { FrameView, JobView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { useQueueStore } from '../queue/queue-store';
import { DRAFT_FIELDS, everyDraftField, pickDraft, randomSeed, type ComposeFrame, type Draft, type FrameRole } from './draft';
import { submitInput, withLineageRule, type DraftLineage } from './draft-lineage';
import { closeTab, openTab, reuseInto, switchTab, undoLast, withLive, type DraftTab, type DraftUndo, type TabsChange } from './draft-tabs';
import { loadDraftTabs, saveDraftTabs } from './draft-tabs-storage';
import { rememberPrompt } from './prompt-history';
import { checkFile, fromFrameView, importFile, type FrameProblem } from './frames';
import { DEFAULT_DRAFT, draftFromRequest, type FieldIssues, type IpcRequest } from './request';
import { validate } from './request-check';

/**
 * The job being composed (the draft, persisted, one per draft tab) and the
 * state of its submission. The active tab's draft is the store's flat fields;
 * the other tabs wait in `tabs`. Other features use these entry points:
 *   useComposeStore.getState().setFrame('first' | 'last', frameView)   (into the current draft)
 *   useComposeStore.getState().openWithFrame('first' | 'last', frameView)   (a new tab: the current settings and a frame)
 *   useComposeStore.getState().openDraft(draft)   (a new tab: "Continue from this frame" builds a draft with its lineage)
 *   useComposeStore.getState().loadRequest(job.request, job.lineage)   (a new tab, unless the current one is blank)
 */

export type FrameStatus = { busy: boolean; problem?: FrameProblem | { kind: 'import'; error: CallError } };

interface ComposeState extends Draft {
  submitting: boolean;
  /** Set once Generate was pressed, so "prompt is required" is not shown to someone who has not typed yet. */
  attempted: boolean;
  /** The reason main gave for refusing the last submit. */
  error: CallError | undefined;
  /** Main held a submit back: the same job was queued `seconds` ago. The page asks before sending this request again. */
  duplicate: { seconds: number; request: IpcRequest; lineage?: DraftLineage } | undefined;
  lastJobId: string | undefined;
  frameStatus: Record<FrameRole, FrameStatus>;
  /** How many frames of a loaded request could not be reused (a local file outside the frame store). */
  droppedFrames: number;
  /** Every draft tab; the active one's `draft` is stale (the flat fields are its live copy). */
  tabs: DraftTab[];
  activeTab: string;
  /** What Ctrl/Cmd+Z (outside a text field) brings back: closed, replaced or pushed-aside drafts. Not persisted. */
  draftUndo: DraftUndo[];
  newTab(): void;
  switchTab(id: string): void;
  closeTab(id: string): void;
  /** Opens a new tab with this draft. */
  openDraft(draft: Draft): void;
  /** Opens a new tab with the current settings, no words, and this frame: "Continue from this frame". */
  openWithFrame(role: FrameRole, frame: FrameView): void;
  /** False when there was nothing to undo. */
  undoDraft(): boolean;
  update(patch: Partial<Draft>): void;
  rollSeed(): void;
  setFrame(role: FrameRole, frame: FrameView): void;
  addFile(role: FrameRole, file: File): Promise<void>;
  clearFrame(role: FrameRole): void;
  dismissFrameProblem(role: FrameRole): void;
  swapFrames(): void;
  /** `lineage`: the job or video continued a library clip; the reused draft does too while it keeps that first frame. */
  loadRequest(request: JobView['request'], lineage?: JobView['lineage']): void;
  /** Field issues of the current draft (the shared schema's messages). */
  errors(): FieldIssues;
  /** Resolves to false when nothing was queued. */
  submit(): Promise<boolean>;
  /** The person asked for the held-back job once more: sends it, saying so. */
  confirmDuplicate(): Promise<boolean>;
  cancelDuplicate(): void;
}

const idle: FrameStatus = { busy: false };
const stored = loadDraftTabs();
const storedLive = stored.tabs.find((t) => t.id === stored.active)?.draft ?? DEFAULT_DRAFT;

export const useComposeStore = create<ComposeState>()((set, get) => ({
  ...storedLive,
  tabs: stored.tabs,
  activeTab: stored.active,
  draftUndo: [],
  submitting: false,
  attempted: false,
  error: undefined,
  duplicate: undefined,
  lastJobId: undefined,
  frameStatus: { first: idle, last: idle },
  droppedFrames: 0,

  // Any edit retires the last outcome: an old error or "Queued" no longer describes the form.
  update: (patch) => set({ ...withLineageRule(get(), patch), error: undefined, lastJobId: undefined, droppedFrames: 0 }),
  rollSeed: () => get().update({ seedMode: 'fixed', seed: randomSeed() }),

  setFrame: (role, frame) => putFrame(role, fromFrameView(frame)),

  async addFile(role, file) {
    const problem = checkFile(file);
    if (problem) return setStatus(role, { busy: false, problem });
    setStatus(role, { busy: true });
    try {
      putFrame(role, await importFile(file));
      setStatus(role, idle);
    } catch (err) {
      setStatus(role, { busy: false, problem: { kind: 'import', error: toAppError(err) } });
    }
  },

  clearFrame(role) {
    // Without a first frame a last frame means nothing to the model: clearing the first clears both.
    get().update(role === 'first' ? { first: undefined, last: undefined } : { last: undefined });
    setStatus(role, idle);
  },

  dismissFrameProblem: (role) => setStatus(role, idle),

  swapFrames() {
    const { first, last } = get();
    if (!first || !last) return;
    get().update({ first: last, last: first });
  },

  loadRequest(request, lineage) {
    const { draft, droppedFrames } = draftFromRequest(request);
    // A lineage read back from a sidecar anyone may edit is kept only if main would take it in a submit.
    const kept = draft.first ? IpcLineageSchema.safeParse(lineage) : undefined;
    applyTabs(reuseInto(tabsOf(get()), pickDraft(get()), kept?.success ? { ...draft, lineage: kept.data } : draft));
    set({ droppedFrames });
  },

  newTab: () => applyTabs(openTab(tabsOf(get()), pickDraft(get()), newDraftLike(get()))),
  switchTab: (id) => applyTabs(switchTab(tabsOf(get()), pickDraft(get()), id)),
  closeTab: (id) => applyTabs(closeTab(tabsOf(get()), pickDraft(get()), id)),
  openDraft: (draft) => applyTabs(openTab(tabsOf(get()), pickDraft(get()), draft)),
  openWithFrame: (role, frame) => applyTabs(openTab(tabsOf(get()), pickDraft(get()), { ...newDraftLike(get()), [role]: fromFrameView(frame) })),
  undoDraft: () => applyTabs(undoLast(tabsOf(get()), pickDraft(get()))),

  errors() {
    const result = validate(get());
    return result.errors ?? {};
  },

  async submit() {
    // While the question about a duplicate is open, another press is no answer to it.
    if (get().submitting || get().duplicate) return false;
    set({ attempted: true });
    const result = validate(get());
    if (!result.request) {
      set({ lastJobId: undefined });
      return false;
    }
    return send(result.request, get().lineage, false);
  },

  async confirmDuplicate() {
    const held = get().duplicate;
    if (!held || get().submitting) return false;
    set({ duplicate: undefined });
    // The request main held back, not the draft: what the person was asked about is what is sent.
    return send(held.request, held.lineage, true);
  },

  cancelDuplicate: () => set({ duplicate: undefined }),
}));

const tabsOf = (s: ComposeState) => ({ tabs: s.tabs, active: s.activeTab, undo: s.draftUndo });

/** A new tab keeps the current settings (model, length, aspect…) and starts with an empty prompt, no frames and no lineage. */
function newDraftLike(s: ComposeState): Draft {
  const { first: _first, last: _last, lineage: _lineage, ...rest } = pickDraft(s);
  return { ...rest, prompt: '', negative_prompt: '' };
}

/** Puts a tab change in the store: the new live draft in the flat fields, a clean slate for its outcome. */
function applyTabs(change: TabsChange | undefined): boolean {
  if (!change) return false;
  useComposeStore.setState({
    ...everyDraftField(change.live),
    tabs: change.tabs,
    activeTab: change.active,
    draftUndo: change.undo,
    error: undefined,
    lastJobId: undefined,
    attempted: false,
    droppedFrames: 0,
    frameStatus: { first: idle, last: idle },
  });
  return true;
}

async function send(request: IpcRequest, lineage: DraftLineage | undefined, confirmDuplicate: boolean): Promise<boolean> {
  useComposeStore.setState({ submitting: true, error: undefined, lastJobId: undefined });
  try {
    const job = await api.jobs.submit(submitInput(request, lineage, confirmDuplicate));
    rememberPrompt(request.prompt);
    useQueueStore.getState().apply([job]);
    // A fixed seed stays; a random one is re-drawn by the provider on every job.
    useComposeStore.setState({ submitting: false, lastJobId: job.id, attempted: false });
    return true;
  } catch (err) {
    const error = toAppError(err);
    if (error.code === 'duplicate_submit') {
      useComposeStore.setState({ submitting: false, duplicate: { seconds: secondsOf(error.params?.seconds), request, ...(lineage ? { lineage } : {}) } });
    } else {
      useComposeStore.setState({ submitting: false, error });
    }
    return false;
  }
}

/** Main says how long ago as a number; anything else still reads as "moments ago". */
function secondsOf(value: string | number | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) && n >= 1 ? Math.round(n) : 1;
}

function putFrame(role: FrameRole, frame: ComposeFrame): void {
  useComposeStore.getState().update(role === 'first' ? { first: frame } : { last: frame });
  setStatus(role, idle);
}

function setStatus(role: FrameRole, status: FrameStatus): void {
  useComposeStore.setState((s) => ({ frameStatus: { ...s.frameStatus, [role]: status } }));
}

// Every tab's draft survives reload and restart.
useComposeStore.subscribe((s, prev) => {
  if (s.tabs !== prev.tabs || s.activeTab !== prev.activeTab || DRAFT_FIELDS.some((k) => s[k] !== prev[k])) {
    saveDraftTabs({ tabs: withLive({ tabs: s.tabs, active: s.activeTab }, pickDraft(s)), active: s.activeTab });
  }
});
