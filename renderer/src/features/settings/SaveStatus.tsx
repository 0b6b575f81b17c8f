import { useT } from '../../i18n';
import { problemText } from './problem-text';
import type { SettingsProblem } from './settings-store';

/** The outcome of saving one settings form: the problem in words (announced), or "Saved". */
export function SaveStatus({ problem, done }: { problem: SettingsProblem | undefined; done: boolean }) {
  const t = useT();
  if (problem) {
    return (
      <p className="form-error" role="alert">
        {problemText(t, problem)}
      </p>
    );
  }
  return done ? (
    <p className="form-ok" role="status">
      {t('settings.saved')}
    </p>
  ) : null;
}
