import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REPO } from '../host-process.js';

/** Real images for the drop tests (the demo provider's stills). */
export const FIXTURES = join(REPO, 'electron', 'core', 'demo', 'fixtures');
export const fixtureBytes = (name: string): number[] => [...readFileSync(join(FIXTURES, name))];

/**
 * Drops a file on an element the way the OS does: a real `drop` event whose
 * DataTransfer holds a File (built in the page from bytes read here).
 */
export async function dropFile(page: Page, selector: string, file: { name: string; type: string; bytes: number[] }): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, type, bytes }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
    return dt;
  }, file);
  const target = page.locator(selector);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}
