import { useEffect, useState } from 'react';
import type { LineageView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';

export type LineageState = { kind: 'loading' } | { kind: 'ready'; view: LineageView } | { kind: 'failed'; error: CallError };

/**
 * A clip's family (parent, children, other takes), asked of main when the clip
 * changes and again whenever the library does: a continuation finishing adds
 * a child to a clip already on screen. An answer for a clip no longer shown
 * is dropped, so the pane never lists another clip's family.
 */
export function useLineage(id: string): LineageState {
  const [state, setState] = useState<{ id: string; value: LineageState }>({ id, value: { kind: 'loading' } });
  useEffect(() => {
    let live = true;
    const ask = (): void => {
      api.library.lineage({ id }).then(
        (view) => live && setState({ id, value: { kind: 'ready', view } }),
        (err: unknown) => live && setState({ id, value: { kind: 'failed', error: toAppError(err) } }),
      );
    };
    ask();
    const off = api.library.onChanged(ask);
    return () => {
      live = false;
      off();
    };
  }, [id]);
  return state.id === id ? state.value : { kind: 'loading' };
}
