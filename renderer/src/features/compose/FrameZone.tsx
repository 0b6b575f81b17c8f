import { useRef, useState, type DragEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { useFrameFileDrop } from '../library/video-frame-drop';
import { useComposeStore } from './compose-store';
import type { FrameRole } from './draft';
import { ACCEPT_ATTR, fileFrom } from './frames';
import { FrameCard } from './FrameCard';
import { FrameProblemText } from './FrameProblemText';
import { SETTING_UI } from './settings-ui';

const ROLE_KEY: Record<FrameRole, MessageKey> = { first: SETTING_UI.first_frame_image.label, last: SETTING_UI.last_frame_image.label };

/**
 * One frame slot: drop an image file from the OS, paste while it is focused
 * (handled by the compose panel), or browse. Shows the frame once set.
 */
export function FrameZone({ role, disabled }: { role: FrameRole; disabled: boolean }) {
  const t = useT();
  const frame = useComposeStore((s) => s[role]);
  const status = useComposeStore((s) => s.frameStatus[role]);
  const addFile = useFrameFileDrop();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const roleName = t(ROLE_KEY[role]);

  const onDragOver = (e: DragEvent): void => {
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(!disabled);
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    const file = fileFrom(e.dataTransfer);
    if (file && !disabled) void addFile(role, file);
  };

  const state = status.busy ? 'busy' : frame ? 'filled' : disabled ? 'disabled' : 'empty';
  return (
    <div
      className={`frame-zone${over ? ' frame-zone-over' : ''}`}
      data-frame-zone={role}
      data-state={state}
      role="group"
      aria-labelledby={`frame-${role}-title`}
      aria-describedby={`frame-${role}-help`}
      aria-disabled={disabled || undefined}
      tabIndex={disabled ? -1 : 0}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span id={`frame-${role}-title`} className="frame-zone-title">
        {roleName}
      </span>
      {frame ? (
        <FrameCard role={role} roleName={roleName} frame={frame} />
      ) : (
        <div className="frame-empty">
          <span className="frame-drop-icon" aria-hidden="true">
            ⬇
          </span>
          <span>{status.busy ? t('compose.frame.importing') : disabled ? t('compose.frame.needFirst') : t('compose.frame.drop')}</span>
          <button type="button" disabled={disabled || status.busy} onClick={() => input.current?.click()}>
            {t('compose.frame.browse')}
          </button>
        </div>
      )}
      <span id={`frame-${role}-help`} className={frame ? 'visually-hidden' : 'hint'}>
        {t('compose.frame.types')}
      </span>
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
