/**
 * The only places the app will open in the person's browser. Anything else a
 * page asks for (a link in a provider error, an injected script) is dropped:
 * `shell.openExternal` on an arbitrary URL can launch local handlers
 * (file:, smb:, custom app schemes), which is how many Electron RCEs start.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['apimart.ai', 'www.apimart.ai', 'docs.apimart.ai']);
export const APIMART_DOCS_URL = 'https://docs.apimart.ai/';

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_HOSTS.has(u.hostname) && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}
