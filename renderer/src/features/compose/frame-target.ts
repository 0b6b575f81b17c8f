import { useComposeStore } from './compose-store';
import type { FrameRole } from './draft';

/** Where a pasted or dropped image goes: the focused chip, else the first empty slot, else the first frame. */
export function frameTarget(target: EventTarget | null): FrameRole {
  const zone = target instanceof Element ? target.closest<HTMLElement>('[data-frame-zone]') : null;
  const role = zone?.dataset.frameZone;
  const s = useComposeStore.getState();
  if ((role === 'first' || role === 'last') && !(role === 'last' && !s.first)) return role;
  return s.first && !s.last ? 'last' : 'first';
}
