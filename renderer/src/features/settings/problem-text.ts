import type { MessageKey, Translate } from '../../i18n';
import type { SettingsProblem } from './settings-store';

const FIELD_LABELS: Record<string, MessageKey> = {
  outputDir: 'settings.field.outputDir',
  nameTemplate: 'settings.field.nameTemplate',
  concurrency: 'settings.field.concurrency',
  language: 'settings.field.language',
  theme: 'settings.field.theme',
  demoMode: 'settings.field.demoMode',
  key: 'settings.field.key',
};

/** "Output folder: The output folder … cannot be written to" — main's words, prefixed with the field it named. */
export function problemText(t: Translate, problem: SettingsProblem): string {
  const label = problem.field ? FIELD_LABELS[problem.field] : undefined;
  return label ? t('settings.fieldError', { field: t(label), message: problem.message }) : problem.message;
}

/** validateTemplate's words (English, shared with main and the CLI) in the page's language. */
export function templateProblem(t: Translate, message: string): string {
  const unknown = /Unknown token (\{[^}]*\})/.exec(message);
  if (unknown) return t('settings.template.err.unknown', { token: unknown[1] ?? '' });
  if (/is empty/.test(message)) return t('settings.template.err.empty');
  if (/too long/.test(message)) return t('settings.template.err.long');
  if (/cannot contain/.test(message)) return t('settings.template.err.slash');
  if (/without its partner/.test(message)) return t('settings.template.err.brace');
  if (/empty name/.test(message)) return t('settings.template.err.emptyName');
  return message;
}
