import { VIEWS, type View } from '../views';

/**
 * The address as a route: `#/library?v=<clip id>`. The view and the primary clip are all it holds, so a
 * reload or a copied link opens the same clip in the same view; a comparison also holds its clips
 * (`#/compare?ids=a,b,c`, `&v=` when the focused one is not the first). Pure: url-sync.ts does the reading and writing.
 */

export interface Route {
  view: View;
  /** The primary clip, if any. */
  clip?: string;
  /** Compare: the clips side by side, in order. */
  ids?: readonly string[];
}

/** A comparison shows at most this many clips (a 2×2). */
export const COMPARE_MAX = 4;

const CLIP_ID = /^[A-Za-z0-9_-]{1,120}$/;
const isView = (s: string): s is View => s === 'compare' || (VIEWS as readonly string[]).includes(s);

/** The route a hash names; undefined for a hash that names none (empty, or the host's bare `#token=…`). */
export function parseRoute(hash: string): Route | undefined {
  const body = hash.replace(/^#/, '');
  // `#video=<id>`: links made before routes existed (an old bookmark of a queue result) still open the clip.
  const legacy = /(?:^|&)video=([^&]*)/.exec(body)?.[1];
  if (legacy !== undefined && !body.startsWith('/')) return CLIP_ID.test(legacy) ? { view: 'library', clip: legacy } : undefined;
  const m = /^\/([a-z]+)(?:\?(.*))?$/.exec(body);
  if (!m?.[1] || !isView(m[1])) return undefined;
  const params = new URLSearchParams(m[2] ?? '');
  const clip = params.get('v') ?? undefined;
  if (m[1] === 'compare') return compareRoute(params.get('ids') ?? '', clip);
  return clip !== undefined && CLIP_ID.test(clip) ? { view: m[1], clip } : { view: m[1] };
}

/** A comparison of the valid ids named (each once, at most COMPARE_MAX); naming none, it is the library. */
function compareRoute(list: string, clip: string | undefined): Route {
  const ids = [...new Set(list.split(',').filter((id) => CLIP_ID.test(id)))].slice(0, COMPARE_MAX);
  const first = ids[0];
  if (first === undefined) return { view: 'library' };
  return { view: 'compare', ids, clip: clip !== undefined && ids.includes(clip) ? clip : first };
}

export function formatRoute(route: Route): string {
  if (route.view === 'compare' && route.ids && route.ids.length > 0) {
    const focus = route.clip && route.clip !== route.ids[0] ? `&v=${route.clip}` : '';
    return `#/compare?ids=${route.ids.join(',')}${focus}`;
  }
  return `#/${route.view}${route.clip ? `?v=${route.clip}` : ''}`;
}

/**
 * The hash with the browser host's `token=…` taken out (and what else it held kept): the token must
 * not stay in the address bar, a bookmark or a screenshot, but the route beside it must survive.
 */
export function hashWithoutToken(hash: string): string {
  const body = hash.replace(/^#/, '');
  const [path, query] = body.startsWith('/') ? splitOnce(body, '?') : ['', body];
  const rest = query
    .split('&')
    .filter((p) => p !== '' && !p.startsWith('token='))
    .join('&');
  const kept = path + (rest ? (path ? '?' : '') + rest : '');
  return kept ? `#${kept}` : '';
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}
