import type { ViewerController } from './viewer-controller';

/**
 * The viewer's keys, for whichever view holds the keyboard (the Library now, the Studio later): the
 * view calls viewerKey() from its keydown handler and the viewer on screen acts. One viewer is
 * active at a time: the last one mounted.
 */

let active: ViewerController | undefined;

export function setActiveViewer(c: ViewerController): () => void {
  active = c;
  return () => {
    if (active === c) active = undefined;
  };
}

export interface KeyLike {
  key: string;
  shiftKey: boolean;
}

/** Acts on a key if it is one of the viewer's; true when it did (the caller then prevents the default). */
export function viewerKey(e: KeyLike, toggleMute: () => void): boolean {
  const v = active;
  if (!v) return false;
  switch (e.key) {
    case ' ':
      v.togglePlay();
      return true;
    case ',':
    case '<':
      v.step(e.shiftKey ? -10 : -1);
      return true;
    case '.':
    case '>':
      v.step(e.shiftKey ? 10 : 1);
      return true;
    case 'j':
    case 'J':
      v.shuttle('j');
      return true;
    case 'k':
    case 'K':
      v.shuttle('k');
      return true;
    case 'l':
    case 'L':
      v.shuttle('l');
      return true;
    case 'i':
    case 'I':
      v.mark('in');
      return true;
    case 'o':
    case 'O':
      v.mark('out');
      return true;
    case 'm':
    case 'M':
      toggleMute();
      return true;
    default:
      return false;
  }
}
