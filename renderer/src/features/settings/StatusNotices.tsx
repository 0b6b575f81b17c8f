import { create } from 'zustand';
import type { SettingsView } from '../../../../shared/ipc/views.js';
import type { CallError } from '../../app-error';
import { Notice } from '../../components/Notice';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useSettingsStore } from './settings-store';

type StatusNotice = 'error' | 'demo' | 'noKey' | 'plainKey';
export type NoticeKind = 'info' | 'warning' | 'error';

const KIND: Record<StatusNotice, NoticeKind> = { error: 'error', demo: 'info', noKey: 'warning', plainKey: 'info' };

/** "Where the key is kept" is said once a session: dismissing it survives the popover closing. */
const usePlainKeySeen = create<{ seen: boolean }>()(() => ({ seen: false }));

function which(settings: SettingsView | undefined, error: CallError | undefined, plainKeySeen: boolean): StatusNotice[] {
  if (error) return ['error'];
  if (!settings) return [];
  const out: StatusNotice[] = [];
  if (settings.demoMode) out.push('demo');
  if (!settings.demoMode && !settings.hasApiKey) out.push('noKey');
  if (settings.hasApiKey && settings.keyStorage === 'plain-file' && !plainKeySeen) out.push('plainKey');
  return out;
}

/** The kinds of the settings notices in force (for the header's status chip). */
export function useStatusNoticeKinds(): NoticeKind[] {
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  const seen = usePlainKeySeen((s) => s.seen);
  return which(settings, error, seen).map((n) => KIND[n]);
}

/** Demo mode, a missing key, and where the key is kept: said plainly, once, in the status popover. */
export function StatusNotices() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const seen = usePlainKeySeen((s) => s.seen);
  return (
    <>
      {which(settings, error, seen).map((n) => {
        switch (n) {
          case 'error':
            return error ? (
              <Notice key={n} kind="error">
                {errorText(t, error)}
              </Notice>
            ) : null;
          case 'demo':
            return (
              <Notice key={n} kind="info">
                {t('notice.demo')}
              </Notice>
            );
          case 'noKey':
            return (
              <Notice
                key={n}
                kind="warning"
                action={
                  <button type="button" onClick={() => void update({ demoMode: true })}>
                    {t('notice.useDemo')}
                  </button>
                }
              >
                {t('notice.noKey')}
              </Notice>
            );
          case 'plainKey':
            return (
              <Notice
                key={n}
                kind="info"
                action={
                  <button type="button" className="quiet" onClick={() => usePlainKeySeen.setState({ seen: true })}>
                    {t('notice.dismiss')}
                  </button>
                }
              >
                {t('notice.plainKey')}
              </Notice>
            );
        }
      })}
    </>
  );
}
