import { beforeAll, describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../shared/domain/file-name-template.js';
import { SettingsSchema } from '../../../shared/ipc/views.js';
import { errorText } from '../../../renderer/src/error-text.js';
import { problemText } from '../../../renderer/src/features/settings/problem-text.js';
import { loadLanguage, translate, type Language, type Translate } from '../../../renderer/src/i18n/index.js';

// Korean's messages load when first wanted; these cases read them directly.
beforeAll(() => loadLanguage('ko'));

/**
 * Settings problems in the page's words: main's message prefixed with the
 * field it named, and each of the shared template validator's refusals in the
 * page's language, from its catalog key (never its English).
 */

const tIn =
  (language: Language): Translate =>
  (key, vars) =>
    translate(language, key, vars);
const en = tIn('en');
const ko = tIn('ko');

describe('problemText', () => {
  it('prefixes main’s words with the field it named', () => {
    const shown = errorText(en, { code: 'io', message: 'That folder cannot be written to.' });
    expect(problemText(en, { code: 'io', field: 'outputDir', message: 'That folder cannot be written to.' })).toBe(`Output folder: ${shown}`);
    expect(problemText(ko, { code: 'io', field: 'outputDir', message: 'x' })).toBe(translate('ko', 'settings.fieldError', { field: translate('ko', 'settings.field.outputDir'), message: errorText(ko, { code: 'io', message: 'x' }) }));
  });

  it('gives main’s words alone when no field, or a field it has no name for, is named', () => {
    const alone = errorText(en, { code: 'io', message: 'Something failed.' });
    expect(problemText(en, { code: 'io', message: 'Something failed.' })).toBe(alone);
    expect(problemText(en, { code: 'io', field: 'first_frame_image', message: 'Something failed.' })).toBe(alone);
  });

  it.each([...Object.keys(SettingsSchema.shape), 'key'])('names the field %s', (field) => {
    expect(problemText(en, { code: 'io', field, message: 'm' })).not.toBe(errorText(en, { code: 'io', message: 'm' }));
  });
});

describe('template refusals', () => {
  const cases: [string, string, string][] = [
    ['an empty template', '   ', 'name_template.empty'],
    ['a template over the limit', `{date}${'x'.repeat(200)}`, 'name_template.too_long'],
    ['a slash', '{date}/{prompt}', 'name_template.slash'],
    ['a backslash', '{date}\\{prompt}', 'name_template.slash'],
    ['an unknown token', '{date}_{nope}', 'name_template.unknown_token'],
    ['a lone brace', '{date}_{prompt', 'name_template.brace'],
    ['a name that comes out empty', '...', 'name_template.empty_name'],
  ];

  it.each(cases)('%s → its own sentence in each language', (_name, template, key) => {
    const check = validateTemplate(template);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.key).toBe(key);
    const english = errorText(en, { code: 'invalid_request', ...check });
    const korean = errorText(ko, { code: 'invalid_request', ...check });
    expect(english).toBe(check.message);
    expect(korean).not.toBe(english);
    expect(korean).toMatch(/[\uac00-\ud7a3]/);
  });

  it('names the unknown token in both languages', () => {
    const check = validateTemplate('{date}_{nope}');
    if (check.ok) throw new Error('expected a refusal');
    expect(errorText(ko, { code: 'invalid_request', ...check })).toContain('{nope}');
  });
});
