import { expect, test } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startHostProcess, type HostProcess } from './host-process.js';
import { dropFile, fixtureBytes } from './support/compose-drop.js';
import { openActivity } from './support/studio-page.js';

/**
 * Compose with images: first and last frame dropped as files (a real drop
 * event with a DataTransfer) on the prompt bar's frame chips, uploaded by the
 * core, and their URLs in the generation body. Plus the refusals that happen
 * before anything is sent, and the draft surviving a reload.
 */

const TEST_KEY = 'sk-e2e-compose-frames-41b2';

let fake: FakeApimart | undefined;
let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

test('image-to-video: first and last frame dropped as files reach the provider', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'time', durationMs: 1500 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  await page.goto(host.url);

  const first = page.locator('[data-frame-zone="first"]');
  const last = page.locator('[data-frame-zone="last"]');
  // No last frame without a first one: the zone says so and its button is off.
  await expect(last).toHaveAttribute('data-state', 'disabled');
  await expect(last.getByRole('button', { name: 'Browse…' })).toBeDisabled();

  await dropFile(page, '[data-frame-zone="first"]', { name: 'start.jpg', type: 'image/jpeg', bytes: fixtureBytes('demo-16x9-smptebars.jpg') });
  await expect(first).toHaveAttribute('data-state', 'filled');
  await expect(first.getByRole('img', { name: 'Preview of the First frame' })).toBeVisible();
  // The chip opens the frame's card: its size, its name.
  await first.getByRole('img', { name: 'Preview of the First frame' }).click();
  await expect(first.locator('[data-frame-facts]')).toContainText(/\d+ × \d+ · \d+(\.\d)? (KB|MB)/);
  await expect(first.locator('.frame-card').getByText('start.jpg')).toBeVisible();
  // The thumbnail really loaded from the media route.
  await expect
    .poll(() => first.getByRole('img', { name: 'Preview of the First frame' }).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);

  await dropFile(page, '[data-frame-zone="last"]', { name: 'end.jpg', type: 'image/jpeg', bytes: fixtureBytes('demo-16x9-testsrc2.jpg') });
  await expect(last).toHaveAttribute('data-state', 'filled');
  // Resize mode (under "More") only appears once there is a first frame.
  await page.getByText('More', { exact: true }).click();
  await expect(page.getByRole('group', { name: 'Fit the first frame' })).toBeVisible();

  await page.getByLabel('Prompt', { exact: true }).fill('The test card dissolves into the second pattern');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByText('Queued: it is at the top of the results.')).toBeVisible();

  await openActivity(page);
  const row = page.locator('li.job').first();
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  expect(fake.stats.uploads.map((u) => u.filename)).toHaveLength(2);
  expect(fake.stats.submitBodies).toHaveLength(1);
  const body = fake.stats.submitBodies[0]?.body as Record<string, unknown>;
  const urls = fake.stats.uploads.map((u) => u.url);
  expect(body.first_frame_image).toBe(urls[0]);
  expect(body.last_frame_image).toBe(urls[1]);
  expect(body.resize_mode).toBe('pad');
  expect(body.prompt).toBe('The test card dissolves into the second pattern');
  expect(body).not.toHaveProperty('enhance_prompt', false);
  expect(problems).toEqual([]);
});

test('refusals before sending: a wrong file type, an empty prompt; the draft survives a reload', async ({ page }) => {
  host = await startHostProcess();
  await page.goto(host.url);
  const first = page.locator('[data-frame-zone="first"]');

  await dropFile(page, '[data-frame-zone="first"]', { name: 'notes.txt', type: 'text/plain', bytes: [...Buffer.from('not an image')] });
  await expect(first.getByRole('alert')).toHaveText('“notes.txt” is not an image Keyframe can use. Use a JPEG, PNG, WebP or GIF.');
  await expect(first).toHaveAttribute('data-state', 'empty');

  const prompt = page.getByLabel('Prompt', { exact: true });
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.locator('#prompt-error')).toHaveText('Write a prompt first: describe the video you want.');
  await expect(prompt).toHaveAttribute('aria-invalid', 'true');
  await expect(prompt).toBeFocused();

  // A portrait image in a landscape video: the aspect warning explains pad.
  await dropFile(page, '[data-frame-zone="first"]', { name: 'tall.jpg', type: 'image/jpeg', bytes: fixtureBytes('demo-9x16-mandelbrot.jpg') });
  await expect(first).toHaveAttribute('data-state', 'filled');
  await first.getByRole('img', { name: 'Preview of the First frame' }).click();
  await expect(first.locator('.frame-warn')).toContainText('This image is 9:16, the video is 16:9. Pad keeps the whole image');

  await prompt.fill('A slow dolly shot through a greenhouse');
  await page.getByText('More', { exact: true }).click();
  await page.getByLabel('Avoid').fill('blur');
  await page.getByRole('group', { name: 'Duration' }).getByRole('radio', { name: '4 s' }).check();
  await page.getByRole('group', { name: 'Model' }).getByRole('radio', { name: 'Quality' }).check();
  await expect(page.locator('[data-cost]')).toContainText('≈ $0.64 · 4 s × 1 × $0.16/s');
  // 4K is priced too (main's table, with its date).
  await page.getByRole('group', { name: 'Resolution' }).getByRole('radio', { name: '4K' }).check();
  await expect(page.locator('[data-cost]')).toContainText('≈ $1.28 · 4 s × 1 × $0.32/s');
  await expect(page.locator('[data-cost]')).toHaveAttribute('data-price-as-of', '2026-09-14');
  await page.getByRole('button', { name: 'Pick a random seed' }).click();
  const seed = await page.getByLabel('Seed value').inputValue();
  expect(seed).toMatch(/^\d+$/);

  await page.reload();
  await expect(prompt).toHaveValue('A slow dolly shot through a greenhouse');
  await expect(page.getByLabel('Avoid')).toHaveValue('blur');
  await expect(page.getByRole('group', { name: 'Duration' }).getByLabel('4 s')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Model' }).getByLabel('Quality')).toBeChecked();
  await expect(page.getByLabel('Seed value')).toHaveValue(seed);
  await expect(first).toHaveAttribute('data-state', 'filled');
  await expect.poll(() => first.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);

  // A corrupt draft is ignored, not half-applied.
  await page.evaluate(() => localStorage.setItem('keyframe.drafts.v1', '{"active": "a", "tabs": [{"id": "a", "n": 1, "draft": {"prompt": 42}}]}'));
  await page.reload();
  await expect(prompt).toHaveValue('');
});

test('paste into a focused zone, browse with the file picker, swap and clear', async ({ page }) => {
  host = await startHostProcess();
  await page.goto(host.url);
  const first = page.locator('[data-frame-zone="first"]');
  const last = page.locator('[data-frame-zone="last"]');

  // Paste: a ClipboardEvent carrying an image file, on the focused first zone.
  await first.focus();
  await first.evaluate((zone, bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'pasted.jpg', { type: 'image/jpeg' }));
    zone.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, fixtureBytes('demo-16x9-smptebars.jpg'));
  await expect(first).toHaveAttribute('data-state', 'filled');
  await expect(first).toContainText('pasted.jpg');

  // Browse: the hidden file input behind "Browse…".
  await last.locator('input[type=file]').setInputFiles({ name: 'picked.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(fixtureBytes('demo-16x9-testsrc2.jpg')) });
  await expect(last).toHaveAttribute('data-state', 'filled');
  await expect(last).toContainText('picked.jpg');

  await page.getByRole('button', { name: 'Swap first and last' }).click();
  await expect(first).toContainText('picked.jpg');
  await expect(last).toContainText('pasted.jpg');

  await first.getByRole('img', { name: 'Preview of the First frame' }).click();
  await page.getByRole('button', { name: 'Remove the First frame' }).click();
  await expect(first).toHaveAttribute('data-state', 'empty');
  await expect(last).toHaveAttribute('data-state', 'disabled');
});
