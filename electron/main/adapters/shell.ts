import type { BrowserWindow, Dialog, NativeImage, Notification as ElectronNotification, NotificationConstructorOptions, Shell } from 'electron';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { startDrag } from './drag.js';
import type { ShellPort } from '../../services/types.js';

/**
 * Desktop integration for the services. Every path arrives from the services
 * (resolved from an opaque id inside the library), never from the page, so
 * nothing here opens or trashes a path the renderer chose.
 */
export interface ElectronShellDeps {
  shell: Pick<Shell, 'showItemInFolder' | 'trashItem'>;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  Notification: { new (options: NotificationConstructorOptions): ElectronNotification; isSupported(): boolean };
  /** The window, if one is open (dialogs are modal to it; the progress bar lives on it). */
  window: () => BrowserWindow | undefined;
  /** The small image under the cursor while a video is dragged out. */
  dragIcon: () => NativeImage;
}

export function createElectronShell(d: ElectronShellDeps): ShellPort {
  const liveWindow = (): BrowserWindow | undefined => {
    const w = d.window();
    return w && !w.isDestroyed() ? w : undefined;
  };
  return {
    async reveal(path) {
      d.shell.showItemInFolder(path);
    },
    async trash(path) {
      // To the OS trash, not unlink. Called only once a clip's undo window has ended (services/trash-bin.ts):
      // Electron cannot take a file back out of the OS trash, so "Undo" works on the app's own folder before that.
      await d.shell.trashItem(path);
    },
    async chooseFolder(current) {
      const options = { defaultPath: current, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const w = liveWindow();
      const res = w ? await d.dialog.showOpenDialog(w, options) : await d.dialog.showOpenDialog(options);
      return res.canceled ? undefined : res.filePaths[0];
    },
    notify(title, body) {
      if (d.Notification.isSupported()) new d.Notification({ title, body }).show();
    },
    async startDrag(path) {
      const w = liveWindow();
      if (!w || !startDrag(w.webContents, path, d.dragIcon())) {
        throw appFailure('io', errorMessage('library.drag_failed'), { retryable: false });
      }
    },
    setProgress(fraction) {
      // -1 removes the bar; Electron wants 0..1 otherwise.
      liveWindow()?.setProgressBar(fraction === undefined ? -1 : Math.min(1, Math.max(0, fraction)));
    },
  };
}
