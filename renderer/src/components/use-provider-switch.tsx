import { useState, type ReactNode } from 'react';
import { useSettingsStore, type SettingsProblem } from '../features/settings/settings-store';
import { problemText } from '../features/settings/problem-text';
import { useT, type MessageKey } from '../i18n';
import { useNavigationStore } from '../navigation-store';
import { ConfirmDialog } from './ConfirmDialog';

/** What the person is asked: to go live, to go to demo, or (no key yet) to add a key first. */
type Question = 'live' | 'demo' | 'key';

const WORDS: Record<Question, { title: MessageKey; body: MessageKey; confirm: MessageKey }> = {
  live: { title: 'provider.toLive.title', body: 'provider.toLive.body', confirm: 'provider.toLive.confirm' },
  demo: { title: 'provider.toDemo.title', body: 'provider.toDemo.body', confirm: 'provider.toDemo.confirm' },
  key: { title: 'provider.needKey.title', body: 'provider.needKey.body', confirm: 'provider.needKey.confirm' },
};

export interface ProviderSwitch {
  /** Whether new jobs run on the demo provider; undefined until the settings are known. */
  demo: boolean | undefined;
  /** Asks before switching to the other provider (never switches without an answer). */
  ask(): void;
  /** The question, to render beside the control that asks it. */
  dialog: ReactNode;
}

/**
 * Switching between the demo provider and APIMart, with a question first:
 * going live means real charges, and going to demo means sample videos
 * instead of the real ones. Without a key, going live starts with the key.
 */
export function useProviderSwitch(): ProviderSwitch {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const [question, setQuestion] = useState<Question | undefined>();
  const [problem, setProblem] = useState<SettingsProblem | undefined>();

  const close = (): void => {
    setQuestion(undefined);
    setProblem(undefined);
  };
  const ask = (): void => {
    if (!settings) return;
    setProblem(undefined);
    setQuestion(!settings.demoMode ? 'demo' : settings.hasApiKey ? 'live' : 'key');
  };
  const confirm = async (): Promise<void> => {
    if (question === 'key') {
      close();
      useNavigationStore.getState().go('settings');
      return;
    }
    const failed = await useSettingsStore.getState().update({ demoMode: question === 'demo' });
    if (failed) setProblem({ field: 'demoMode', ...failed });
    else close();
  };

  const words = question ? WORDS[question] : undefined;
  const dialog = (
    <ConfirmDialog
      open={words !== undefined}
      title={words ? t(words.title) : ''}
      body={
        <>
          {words ? t(words.body) : ''}
          {problem ? (
            <span className="form-error" role="alert">
              {' '}
              {problemText(t, problem)}
            </span>
          ) : null}
        </>
      }
      confirmLabel={words ? t(words.confirm) : ''}
      cancelLabel={t('provider.cancel')}
      onConfirm={() => void confirm()}
      onCancel={close}
    />
  );
  return { demo: settings?.demoMode, ask, dialog };
}
