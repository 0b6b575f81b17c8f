/**
 * The first touch of localStorage in a page is a synchronous round trip to the
 * browser process that loads the whole storage area, which blocks the page for
 * milliseconds, tens on a busy machine. The app's stores read it while they
 * are created (drafts, prompt history, panel state, library layout); touched
 * here, by the boot module that runs while the app's files are still
 * compiling, that wait is off the first paint's path.
 */
export function warmLocalStorage(): void {
  try {
    void localStorage.length;
  } catch {
    // Storage disabled: the stores fall back on their defaults, as they would anyway.
  }
}
