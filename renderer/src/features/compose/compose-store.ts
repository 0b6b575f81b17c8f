import { create } from 'zustand';
import { api } from '../../api';
import { toAppError } from '../../app-error';
import { useQueueStore } from '../queue/queue-store';

/**
 * The prompt being written and the state of its submission. The prompt stays
 * after a submit: people iterate on a prompt far more often than they start over.
 */
interface ComposeState {
  prompt: string;
  submitting: boolean;
  /** A message for the person (from AppError.message), or a key-less local hint. */
  error: { message: string; field?: string } | undefined;
  /** Id of the job the last submit created (for the "Queued" confirmation). */
  lastJobId: string | undefined;
  setPrompt(prompt: string): void;
  /** Resolves to false when nothing was sent (empty prompt, already sending). */
  submit(emptyMessage: string): Promise<boolean>;
}

export const useComposeStore = create<ComposeState>()((set, get) => ({
  prompt: '',
  submitting: false,
  error: undefined,
  lastJobId: undefined,
  // Editing the prompt retires the last outcome: an old error or "Queued" no longer describes what is typed.
  setPrompt: (prompt) => set({ prompt, ...(get().error || get().lastJobId ? { error: undefined, lastJobId: undefined } : {}) }),
  async submit(emptyMessage) {
    const { prompt, submitting } = get();
    if (submitting) return false;
    if (prompt.trim() === '') {
      set({ error: { message: emptyMessage, field: 'prompt' }, lastJobId: undefined });
      return false;
    }
    set({ submitting: true, error: undefined, lastJobId: undefined });
    try {
      const job = await api.jobs.submit({ request: { prompt } });
      useQueueStore.getState().apply([job]);
      set({ submitting: false, lastJobId: job.id });
      return true;
    } catch (err) {
      const e = toAppError(err);
      set({ submitting: false, error: { message: e.message, ...(e.field ? { field: e.field } : {}) } });
      return false;
    }
  },
}));
