import type { Session, WebContents } from 'electron';
import { isAllowedExternal } from './external-links.js';

/**
 * What the page may NOT do, applied to every webContents the app creates:
 * navigate away (a navigated window keeps our preload and its `api`), open
 * windows, attach <webview>s, or get any browser permission. Allow-listed
 * https links go to the system browser instead.
 */

export type OpenExternal = (url: string) => Promise<void>;

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
interface PreventableEvent {
  preventDefault(): void;
}

// The window guards its own contents and `web-contents-created` guards everything: apply once.
const guarded = new WeakSet<object>();

export function guardWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const refuse = (event: PreventableEvent, url: string): void => {
    event.preventDefault();
    if (isAllowedExternal(url)) void openExternal(url).catch(() => undefined);
  };
  // Our UI never navigates: it is one page served from keyframe://app, so every navigation is refused.
  contents.on('will-navigate', (event, url) => refuse(event, url));
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/**
 * No permission for anything: no camera, microphone, notifications-from-page,
 * geolocation, clipboard-read, HID/serial/USB, fullscreen requests, etc.
 * Desktop notifications come from main (ShellPort.notify), not the page.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
