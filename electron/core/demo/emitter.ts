/**
 * A tiny typed event emitter: node:events would type every payload as any,
 * and tests want to await e.g. 'stalled' with its real payload type.
 */
export class TypedEmitter<M extends { [K in keyof M]: unknown }> {
  private readonly handlers: { [K in keyof M]?: Set<(info: M[K]) => void> } = {};

  on<E extends keyof M>(event: E, cb: (info: M[E]) => void): () => void {
    const set = (this.handlers[event] ??= new Set<(info: M[E]) => void>());
    set.add(cb);
    return () => {
      set.delete(cb);
    };
  }

  emit<E extends keyof M>(event: E, info: M[E]): void {
    // Copy first so a handler that unsubscribes itself does not skip the next one.
    for (const cb of [...(this.handlers[event] ?? [])]) cb(info);
  }
}
