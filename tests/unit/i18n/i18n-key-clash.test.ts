import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../shared/error-messages.js';

/** The page's message tables, read file by file (the merged table cannot show what was overwritten). */
describe('i18n feature tables', () => {
  // Each feature's table is spread into one object, so a key written in two files silently keeps only
  // the last text: a label would read as an error sentence, or a button as another button.
  it('has no key defined by two feature tables (nor by a table and the error catalog)', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const dir = fileURLToPath(new URL(`../../../renderer/src/i18n/${lang}/`, import.meta.url));
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      const note = (key: string, where: string): void => {
        const before = seen.get(key);
        if (before !== undefined && before !== where) clashes.push(`${key}: ${before} and ${where}`);
        seen.set(key, where);
      };
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        const mod = (await import(join(dir, file))) as Record<string, Record<string, string> | undefined>;
        // The table spread into the language is the export named after its file (en/library-sources.ts → librarySources).
        const name = file.slice(0, -'.ts'.length).replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
        const table = mod[name];
        expect(table, `${file} exports ${name}`).toBeTypeOf('object');
        for (const key of Object.keys(table ?? {})) note(key, `${lang}/${name}.ts`);
      }
      if (lang === 'en') for (const key of Object.keys(ERROR_MESSAGES)) if (seen.has(key) && !(seen.get(key) ?? '').startsWith('en/errors.ts')) clashes.push(`${key}: error catalog and ${seen.get(key) ?? ''}`);
      expect(clashes, lang).toEqual([]);
    }
  });

});
