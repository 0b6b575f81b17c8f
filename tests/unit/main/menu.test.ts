import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu.js';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
const build = (o: Partial<MenuOptions> = {}) =>
  flatten(buildMenuTemplate({ platform: 'linux', appName: 'Keyframe', devTools: false, sendCommand: undefined, openDocs: vi.fn(), ...o }));

describe('application menu', () => {
  it('has no devtools or reload in production, and has them in development', () => {
    expect(build().some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(build({ devTools: true }).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('offers Generate (Ctrl/Cmd+Enter) only when the command can reach the page', () => {
    expect(build().some((i) => i.label === 'Generate')).toBe(false);
    const sendCommand = vi.fn();
    const generate = build({ sendCommand }).find((i) => i.label === 'Generate');
    expect(generate?.accelerator).toBe('CmdOrCtrl+Enter');
    (generate?.click as (() => void) | undefined)?.();
    expect(sendCommand).toHaveBeenCalledWith('generate');
  });

  it('opens the APIMart docs from Help, and has the app menu on macOS only', () => {
    const openDocs = vi.fn();
    const docs = build({ openDocs }).find((i) => i.label === 'APIMart documentation');
    (docs?.click as (() => void) | undefined)?.();
    expect(openDocs).toHaveBeenCalledWith('https://docs.apimart.ai/');
    expect(build().some((i) => i.role === 'appMenu')).toBe(false);
    expect(build({ platform: 'darwin' }).some((i) => i.role === 'appMenu')).toBe(true);
  });
});
