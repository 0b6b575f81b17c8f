import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { usePopover } from '../../components/use-popover';
import { useT, type MessageKey } from '../../i18n';
import { useFrameFileDrop } from '../library/video-frame-drop';
import { aspectDiffers } from './aspect';
import { useComposeStore } from './compose-store';
import type { FrameRole } from './draft';
import { ACCEPT_ATTR, fileFrom, frameSrc } from './frames';
import { FrameCard } from './FrameCard';
import { FrameProblemText } from './FrameProblemText';
import { SETTING_UI } from './settings-ui';

const ROLE_KEY: Record<FrameRole, MessageKey> = { first: SETTING_UI.first_frame_image.label, last: SETTING_UI.last_frame_image.label };
const SHORT_KEY: Record<FrameRole, MessageKey> = { first: 'compose.frame.firstShort', last: 'compose.frame.lastShort' };

/**
 * One frame slot as a chip at the left of the prompt bar: drop an image file
 * from the OS, paste while it is focused (the prompt bar routes pastes), or
 * press it to browse. Once set it shows the frame; pressing it opens the
 * frame's card (size, aspect warning, replace, remove).
 */
export function FrameZone({ role, disabled }: { role: FrameRole; disabled: boolean }) {
  const t = useT();
  const frame = useComposeStore((s) => s[role]);
  const status = useComposeStore((s) => s.frameStatus[role]);
  const addFile = useFrameFileDrop();
  const aspect = useComposeStore((s) => s.aspect_ratio);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [natural, setNatural] = useState<{ w: number; h: number } | undefined>();
  const [broken, setBroken] = useState(false);
  const card = usePopover<HTMLDivElement>();
  const roleName = t(ROLE_KEY[role]);

  const onDragOver = (e: DragEvent): void => {
    e.preventDefault();
    // The prompt bar around the chips takes drops too: this one is the chip's.
    e.stopPropagation();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(!disabled);
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const file = fileFrom(e.dataTransfer);
    if (file && !disabled) void addFile(role, file);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    if (frame) card.toggle();
    else if (!disabled) input.current?.click();
  };

  const src = frame ? frameSrc(frame) : undefined;
  const w = frame?.width ?? natural?.w;
  const h = frame?.height ?? natural?.h;
  const mismatch = w !== undefined && h !== undefined && aspectDiffers(w, h, aspect);
  const state = status.busy ? 'busy' : frame ? 'filled' : disabled ? 'disabled' : 'empty';
  const hint = disabled ? t('compose.frame.needFirst') : `${t('compose.frame.drop')} · ${t('compose.frame.types')}`;
  return (
    <div
      ref={card.ref}
      className={`frame-zone${over ? ' frame-zone-over' : ''}`}
      data-frame-zone={role}
      data-state={state}
      role="group"
      aria-labelledby={`frame-${role}-title`}
      aria-describedby={`frame-${role}-help`}
      aria-disabled={disabled || undefined}
      // Empty, its button takes the focus; filled, the chip itself does (Enter opens the card, a paste replaces the frame).
      tabIndex={frame ? 0 : -1}
      title={frame ? (frame.name ?? roleName) : hint}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
    >
      <span id={`frame-${role}-title`} className="visually-hidden">
        {roleName}
      </span>
      <span id={`frame-${role}-help`} className="visually-hidden">
        {frame ? (frame.name ?? '') : hint}
      </span>
      {frame ? (
        <>
          {src && !broken ? (
            <img
              className="frame-chip-thumb"
              src={src}
              alt={t('compose.frame.preview', { role: roleName })}
              draggable={false}
              onClick={card.toggle}
              onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
              onError={() => setBroken(true)}
            />
          ) : (
            <span className="frame-chip-thumb frame-thumb-none" onClick={card.toggle}>
              {t('compose.frame.noPreview')}
            </span>
          )}
          {mismatch ? (
            <span className="frame-chip-warn" title={t('compose.frame.aspectShort')} aria-hidden="true">
              !
            </span>
          ) : null}
          <span className="frame-chip-role" aria-hidden="true">
            {t(SHORT_KEY[role])}
          </span>
        </>
      ) : (
        <button type="button" className="frame-chip-empty" disabled={disabled || status.busy} onClick={() => input.current?.click()}>
          <span className="frame-chip-plus" aria-hidden="true">
            {status.busy ? '…' : '+'}
          </span>
          <span className="frame-chip-label">{t(SHORT_KEY[role])}</span>
          <span className="visually-hidden">{` — ${t('compose.frame.browse')}`}</span>
        </button>
      )}
      {frame && card.open ? (
        <div className="frame-pop" role="dialog" aria-label={roleName}>
          <FrameCard role={role} roleName={roleName} frame={frame} onBrowse={() => input.current?.click()} onClose={() => card.setOpen(false)} />
        </div>
      ) : null}
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT_ATTR}
        aria-label={t('compose.frame.browseLabel', { role: roleName })}
        data-frame-input={role}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void addFile(role, file);
        }}
      />
      <FrameProblemText role={role} />
    </div>
  );
}
