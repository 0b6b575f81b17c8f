import { useCallback, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useComposeStore } from '../compose/compose-store';
import type { FrameRole } from '../compose/draft';
import { giveFrame } from './bridges';
import { frameFileName, grabFileFrame, isVideoFile, type WhichFrame } from './video-file-frame';
import './video-frame-drop.css';

/**
 * A video dropped on a frame zone: a small choice beside the zone, "its first frame" or "its last
 * frame" (continuing from where a clip ends is the usual wish), then that frame is grabbed in the
 * page and imported as the zone's image. Images go straight on, as before.
 *
 * The zone calls one hook (`const addFile = useFrameFileDrop();`); the choice is drawn in a root of
 * its own on <body>, so the zone's markup does not change and the popover is never clipped by it.
 */

interface Offer {
  role: FrameRole;
  file: File;
  /** Where the zone is on screen when the video was dropped. */
  anchor: { left: number; top: number; bottom: number };
  busy: boolean;
  error: CallError | undefined;
}

const useOffer = create<{ offer: Offer | undefined }>()(() => ({ offer: undefined }));

const close = () => useOffer.setState({ offer: undefined });

function zoneBox(role: FrameRole): Offer['anchor'] {
  const r = document.querySelector(`[data-frame-zone="${role}"]`)?.getBoundingClientRect();
  return r ? { left: r.left, top: r.top, bottom: r.bottom } : { left: 16, top: 16, bottom: 16 };
}

/** Opens the choice for a video dropped on `role`'s zone. */
export function offerVideoFrame(role: FrameRole, file: File): void {
  mountOnce();
  useOffer.setState({ offer: { role, file, anchor: zoneBox(role), busy: false, error: undefined } });
}

async function take(which: WhichFrame): Promise<void> {
  const offer = useOffer.getState().offer;
  if (!offer || offer.busy) return;
  useOffer.setState({ offer: { ...offer, busy: true, error: undefined } });
  try {
    const dataBase64 = await grabFileFrame(offer.file, which);
    const frame = await api.frames.import({ name: frameFileName(offer.file.name, which), dataBase64 });
    await giveFrame(offer.role, frame);
    if (useOffer.getState().offer?.file === offer.file) close();
  } catch (err) {
    if (useOffer.getState().offer?.file === offer.file) useOffer.setState({ offer: { ...offer, busy: false, error: toAppError(err) } });
  }
}

/** What the frame zone uses in place of compose's addFile: videos get the choice, anything else goes to compose. */
export function useFrameFileDrop(): (role: FrameRole, file: File) => Promise<void> {
  const addFile = useComposeStore((s) => s.addFile);
  return useCallback((role: FrameRole, file: File) => (isVideoFile(file) ? Promise.resolve(offerVideoFrame(role, file)) : addFile(role, file)), [addFile]);
}

/** The widest the choice gets (its CSS max-width): kept inside the window. */
const POP_WIDTH = 360;
const POP_HEIGHT = 150;

/** The choice itself: two buttons and Cancel; Escape or a press elsewhere closes it. */
export function FrameChoice() {
  const t = useT();
  const offer = useOffer((s) => s.offer);
  const box = useRef<HTMLDivElement>(null);
  const file = offer?.file;
  useEffect(() => {
    if (!file) return;
    box.current?.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    const onDown = (e: PointerEvent) => !box.current?.contains(e.target as Node) && close();
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [file]);
  if (!offer) return null;
  // Below the zone when there is room, else above it (the zone may sit at the bottom of the window).
  const below = offer.anchor.bottom + 6 + POP_HEIGHT <= window.innerHeight;
  const style = {
    left: Math.max(8, Math.min(offer.anchor.left, window.innerWidth - POP_WIDTH - 8)),
    ...(below ? { top: offer.anchor.bottom + 6 } : { bottom: window.innerHeight - offer.anchor.top + 6 }),
  };
  const role = offer.role === 'first' ? t('library.frameDrop.asFirst') : t('library.frameDrop.asLast');
  return (
    <div ref={box} className="frame-choice" role="dialog" aria-label={t('library.frameDrop.title', { name: offer.file.name })} style={style} data-frame-choice={offer.role}>
      <p className="frame-choice-title">{t('library.frameDrop.title', { name: offer.file.name })}</p>
      <p className="frame-choice-role">{role}</p>
      <div className="frame-choice-row">
        <button type="button" className="primary" disabled={offer.busy} onClick={() => void take('first')}>
          {t('library.frameDrop.first')}
        </button>
        <button type="button" className="primary" disabled={offer.busy} onClick={() => void take('last')}>
          {t('library.frameDrop.last')}
        </button>
        <button type="button" className="quiet" onClick={close}>
          {t('library.frameDrop.cancel')}
        </button>
      </div>
      {offer.busy ? (
        <p className="frame-choice-status" role="status">
          {t('library.frameDrop.reading')}
        </p>
      ) : null}
      {offer.error ? (
        <p className="form-error" role="alert">
          {errorText(t, offer.error)}
        </p>
      ) : null}
    </div>
  );
}

let mounted = false;
function mountOnce(): void {
  if (mounted) return;
  mounted = true;
  const host = document.createElement('div');
  host.className = 'frame-choice-host';
  document.body.appendChild(host);
  createRoot(host).render(<FrameChoice />);
}
