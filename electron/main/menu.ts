import type { MenuItemConstructorOptions } from 'electron';
import { APIMART_DOCS_URL } from './external-links.js';

/**
 * The native menu. "Generate" is sent to the page as an app command; it is
 * only shown when the contract has a channel to carry it (proposed:
 * `events.app.command: { command: 'generate' | … }`), because a menu
 * accelerator swallows Ctrl/Cmd+Enter that the page would otherwise handle.
 */
export type AppCommand = 'generate';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  devTools: boolean;
  /** Undefined while the contract has no app command event. */
  sendCommand: ((command: AppCommand) => void) | undefined;
  openDocs: (url: string) => void;
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = o.platform === 'darwin';
  const send = o.sendCommand;
  const file: MenuItemConstructorOptions[] = [
    ...(send ? [{ label: 'Generate', accelerator: 'CmdOrCtrl+Enter', click: () => send('generate') }, { type: 'separator' as const }] : []),
    isMac ? { role: 'close' } : { role: 'quit' },
  ];
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    // Devtools and reload exist only in development: in production they are a console into the page.
    ...(o.devTools ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
  ];
  return [
    ...(isMac ? [{ label: o.appName, role: 'appMenu' as const }] : []),
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'APIMart documentation', click: () => o.openDocs(APIMART_DOCS_URL) }] },
  ];
}
