import type { ShuttleKey } from '../viewer/shuttle';

/**
 * The comparison's keys, as commands (pure: the view runs them). The viewer's transport keys mean the
 * same here (Space, , . with Shift for 10, J K L, M); 1–4 solo a take, P picks and X rejects the
 * focused one, \ flips A/B and W toggles the wipe (two clips), Escape goes back.
 */

export type CompareCommand =
  | { kind: 'togglePlay' }
  | { kind: 'step'; delta: number }
  | { kind: 'shuttle'; key: ShuttleKey }
  | { kind: 'solo'; index: number }
  | { kind: 'pick' }
  | { kind: 'reject' }
  | { kind: 'flip' }
  | { kind: 'wipe' }
  | { kind: 'mute' }
  | { kind: 'leave' }
  | { kind: 'undo' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const LETTERS: Record<string, CompareCommand> = {
  j: { kind: 'shuttle', key: 'j' },
  k: { kind: 'shuttle', key: 'k' },
  l: { kind: 'shuttle', key: 'l' },
  p: { kind: 'pick' },
  x: { kind: 'reject' },
  w: { kind: 'wipe' },
  m: { kind: 'mute' },
};

export function commandFor(e: KeyPress): CompareCommand | undefined {
  if (e.altKey) return undefined;
  if (e.ctrlKey || e.metaKey) return (e.key === 'z' || e.key === 'Z') && !e.shiftKey ? { kind: 'undo' } : undefined;
  switch (e.key) {
    case ' ':
      return { kind: 'togglePlay' };
    case ',':
    case '<':
      return { kind: 'step', delta: e.shiftKey ? -10 : -1 };
    case '.':
    case '>':
      return { kind: 'step', delta: e.shiftKey ? 10 : 1 };
    case '\\':
    case '|':
      return { kind: 'flip' };
    case 'Escape':
      return { kind: 'leave' };
    case '1':
    case '2':
    case '3':
    case '4':
      return { kind: 'solo', index: Number(e.key) - 1 };
    default:
      return LETTERS[e.key.toLowerCase()];
  }
}
