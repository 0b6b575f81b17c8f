import { errorText } from '../../error-text';
import type { MessageKey, Translate } from '../../i18n';
import type { SettingsProblem } from './settings-store';

const FIELD_LABELS: Record<string, MessageKey> = {
  outputDir: 'settings.field.outputDir',
  nameTemplate: 'settings.field.nameTemplate',
  concurrency: 'settings.field.concurrency',
  language: 'settings.field.language',
  theme: 'settings.field.theme',
  demoMode: 'settings.field.demoMode',
  demoChosen: 'settings.field.demoMode',
  dailyCapUsd: 'settings.field.dailyCapUsd',
  monthlyCapUsd: 'settings.field.monthlyCapUsd',
  key: 'settings.field.key',
};

/** "Output folder: The output folder … cannot be written to" — main's error in the page's words, prefixed with the field it named. */
export function problemText(t: Translate, problem: SettingsProblem): string {
  const label = problem.field ? FIELD_LABELS[problem.field] : undefined;
  const text = errorText(t, problem);
  return label ? t('settings.fieldError', { field: t(label), message: text }) : text;
}
