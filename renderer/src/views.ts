/**
 * Which top-level view is showing. Any feature may switch it, e.g.
 * `useNavigationStore.getState().go('settings')` from a "missing key" error.
 */
export type View = 'studio' | 'library' | 'spending' | 'settings' | 'compare';
/** The views the header switches between. Compare is opened on clips (from the library or the viewer) and left with Escape. */
export const VIEWS: readonly Exclude<View, 'compare'>[] = ['studio', 'library', 'spending', 'settings'];
