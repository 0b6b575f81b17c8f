import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../shared/domain/file-name-template.js';
import { SettingsSchema } from '../../../shared/ipc/views.js';
import { problemText, templateProblem } from '../../../renderer/src/features/settings/problem-text.js';
import { translate, type Language, type MessageKey, type Translate } from '../../../renderer/src/i18n/index.js';

/**
 * Settings problems in the page's words: main's message prefixed with the
 * field it named, and the shared template validator's English mapped to the
 * page's language (its sentences are matched by pattern, so a reworded
 * message must still land on a translation, not fall through in English).
 */

const tIn =
  (language: Language): Translate =>
  (key, vars) =>
    translate(language, key, vars);
const en = tIn('en');
const ko = tIn('ko');

describe('problemText', () => {
  it('prefixes main’s words with the field it named', () => {
    expect(problemText(en, { field: 'outputDir', message: 'That folder cannot be written to.' })).toBe('Output folder: That folder cannot be written to.');
    expect(problemText(ko, { field: 'outputDir', message: 'x' })).toBe(translate('ko', 'settings.fieldError', { field: translate('ko', 'settings.field.outputDir'), message: 'x' }));
  });

  it('gives main’s words alone when no field, or a field it has no name for, is named', () => {
    expect(problemText(en, { message: 'Something failed.' })).toBe('Something failed.');
    expect(problemText(en, { field: 'first_frame_image', message: 'Something failed.' })).toBe('Something failed.');
  });

  it.each([...Object.keys(SettingsSchema.shape), 'key'])('names the field %s', (field) => {
    expect(problemText(en, { field, message: 'm' })).not.toBe('m');
  });
});

describe('templateProblem', () => {
  const cases: [string, string, MessageKey, Record<string, string>?][] = [
    ['an empty template', '   ', 'settings.template.err.empty'],
    ['a template over the limit', `{date}${'x'.repeat(200)}`, 'settings.template.err.long'],
    ['a slash', '{date}/{prompt}', 'settings.template.err.slash'],
    ['a backslash', '{date}\\{prompt}', 'settings.template.err.slash'],
    ['an unknown token', '{date}_{nope}', 'settings.template.err.unknown', { token: '{nope}' }],
    ['a lone brace', '{date}_{prompt', 'settings.template.err.brace'],
    ['a name that comes out empty', '...', 'settings.template.err.emptyName'],
  ];

  it.each(cases)('%s → its own translated sentence', (_name, template, key, vars) => {
    const check = validateTemplate(template);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    for (const language of ['en', 'ko'] as const) {
      expect(templateProblem(tIn(language), check.message)).toBe(translate(language, key, vars));
    }
  });

  it('passes a message it does not know through as it is', () => {
    expect(templateProblem(ko, 'Some new problem.')).toBe('Some new problem.');
  });
});
