/** The details pane's <video>, for the view's keyboard shortcuts and "use current frame". */
export const player: { el: HTMLVideoElement | null } = { el: null };

export const FRAME_S = 1 / 30;

export function togglePlay(): void {
  const v = player.el;
  if (!v) return;
  if (v.paused) void v.play().catch(() => undefined);
  else v.pause();
}

export function stepFrame(dir: 1 | -1): void {
  const v = player.el;
  if (!v) return;
  v.pause();
  const end = Number.isFinite(v.duration) ? v.duration : Infinity;
  v.currentTime = Math.min(end, Math.max(0, v.currentTime + dir * FRAME_S));
}
