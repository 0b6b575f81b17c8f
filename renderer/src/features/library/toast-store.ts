import { create } from 'zustand';
import type { CallError } from '../../app-error';
import type { MessageKey } from '../../i18n';

/**
 * The library's one toast: a short line with at most one action ("Undo"), gone after its time. A new
 * toast replaces the one showing (the latest trash is the one "Undo" takes back).
 */

export interface Toast {
  text: MessageKey;
  vars?: Record<string, string | number>;
  action?: { label: MessageKey; run(): Promise<CallError | undefined> };
}

interface ToastState {
  toast: (Toast & { serial: number }) | undefined;
  /** The action's failure, said in the toast instead of its line. */
  error: CallError | undefined;
  busy: boolean;
  show(toast: Toast, forMs: number): void;
  /** Runs the toast's action once; the toast goes when it worked. */
  act(): Promise<void>;
  dismiss(): void;
}

let serial = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export const useToastStore = create<ToastState>()((set, get) => ({
  toast: undefined,
  error: undefined,
  busy: false,
  show(toast, forMs) {
    clearTimeout(timer);
    const mine = ++serial;
    set({ toast: { ...toast, serial: mine }, error: undefined, busy: false });
    timer = setTimeout(() => {
      if (get().toast?.serial === mine) set({ toast: undefined, error: undefined });
    }, forMs);
  },
  async act() {
    const t = get().toast;
    if (!t?.action || get().busy) return;
    set({ busy: true });
    const error = await t.action.run();
    if (get().toast?.serial !== t.serial) return;
    if (error) set({ error, busy: false });
    else {
      clearTimeout(timer);
      set({ toast: undefined, error: undefined, busy: false });
    }
  },
  dismiss() {
    clearTimeout(timer);
    set({ toast: undefined, error: undefined, busy: false });
  },
}));
