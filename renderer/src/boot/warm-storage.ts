/**
 * The first touch of localStorage in a page is a synchronous round trip to the
 * browser process that loads the whole storage area, which blocks the page for
 * tens of milliseconds on a busy machine. The app's stores read it while they
 * are created (drafts, prompt history, panel state); touched here instead, just
 * after the app's code was asked for, that wait overlaps the download.
 */
export function warmLocalStorage(): void {
  try {
    void localStorage.length;
  } catch {
    // Storage disabled: the stores fall back on their defaults, as they would anyway.
  }
}
