import { useState } from 'react';
import { useT } from '../../i18n';
import { frameNoteText } from '../library/lineage-text';
import { aspectDiffers, ratioLabel } from './aspect';
import { useComposeStore } from './compose-store';
import type { ComposeFrame, FrameRole } from './draft';
import { formatBytes, frameSrc } from './frames';

/** A set frame's card (opened from its chip): a larger preview, size and dimensions, an aspect warning, Replace and Remove. */
export function FrameCard({ role, roleName, frame, onBrowse, onClose }: { role: FrameRole; roleName: string; frame: ComposeFrame; onBrowse(): void; onClose(): void }) {
  const t = useT();
  const aspect = useComposeStore((s) => s.aspect_ratio);
  // Unset is the provider's default, pad.
  const resizeMode = useComposeStore((s) => s.resize_mode ?? 'pad');
  const clearFrame = useComposeStore((s) => s.clearFrame);
  const lineage = useComposeStore((s) => (role === 'first' ? s.lineage : undefined));
  const [natural, setNatural] = useState<{ w: number; h: number } | undefined>();
  const [broken, setBroken] = useState(false);
  const src = frameSrc(frame);
  const w = frame.width ?? natural?.w;
  const h = frame.height ?? natural?.h;

  const facts = [w && h ? `${w} × ${h}` : undefined, frame.bytes !== undefined ? formatBytes(frame.bytes) : undefined].filter(Boolean);
  const origin = frame.ref.kind === 'url' ? t('compose.frame.url') : frame.bytes === undefined ? t('compose.frame.fromJob') : frame.name;

  return (
    <div className="frame-card">
      <div className="frame-card-head">
        <strong>{roleName}</strong>
        <button type="button" className="quiet icon-button" aria-label={t('compose.frame.closeCard')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {src && !broken ? (
        // The chip's thumbnail carries the name; this larger copy is decoration.
        <img
          className="frame-thumb"
          src={src}
          alt=""
          onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          onError={() => setBroken(true)}
        />
      ) : (
        <div className="frame-thumb frame-thumb-none">{t('compose.frame.noPreview')}</div>
      )}
      <div className="frame-info">
        {origin ? <span className="frame-name">{origin}</span> : null}
        <span className="frame-facts" data-frame-facts={role}>
          {facts.join(' · ')}
        </span>
        {w && h && aspectDiffers(w, h, aspect) ? (
          <p className="frame-warn" role="status">
            {t('compose.frame.aspectWarn', { ratio: ratioLabel(w, h), aspect })}{' '}
            {t(resizeMode === 'pad' ? 'compose.resize.padHint' : 'compose.resize.cropHint')}
          </p>
        ) : null}
        {lineage ? (
          <p className="frame-lineage" data-lineage-parent={lineage.parentId}>
            {frameNoteText(t, lineage.frame)}
          </p>
        ) : null}
      </div>
      <div className="frame-card-actions">
        <button type="button" className="small" onClick={onBrowse}>
          {t('compose.frame.replace')}
        </button>
        <button
          type="button"
          className="quiet small"
          onClick={() => {
            clearFrame(role);
            onClose();
          }}
          aria-label={t('compose.frame.clearLabel', { role: roleName.toLowerCase() })}
        >
          {t('compose.frame.clear')}
        </button>
      </div>
    </div>
  );
}
