import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { MOVING_MP4 } from './support/library-fixture.js';
import { openLibrary } from './support/library-page.js';
import { activityDrawer, openActivity } from './support/studio-page.js';

/**
 * "Continue from last frame" on a 24 fps clip whose every frame differs: the
 * job it queues uploads a PNG that IS the clip's last frame (pixel for pixel,
 * and not the frame before it), the video it makes names the clip as its
 * parent in its sidecar, and the Lineage tab shows the family both ways.
 */

const TEST_KEY = 'sk-e2e-lineage-7c41';
const PARENT_ID = 'lib00000-0';

let fake: FakeApimart | undefined;
let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

/** Mean absolute pixel difference between an imported frame and the middle of frames n and n-1 of the clip, decoded by a fresh <video>. */
async function frameVsClip(page: Page, frameId: string, clipSrc: string, n: number): Promise<{ size: string; toFrame: number; toPrevious: number }> {
  return page.evaluate(
    async ({ frameId, clipSrc, n }) => {
      const token = sessionStorage.getItem('keyframe.token') ?? '';
      const image = await createImageBitmap(await (await fetch(`/media/frame/${frameId}?t=${token}`)).blob());
      const pixels = (source: CanvasImageSource, w: number, h: number): Uint8ClampedArray => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const ctx = c.getContext('2d');
        if (!ctx) throw new Error('no canvas');
        ctx.drawImage(source, 0, 0);
        return ctx.getImageData(0, 0, w, h).data;
      };
      const ref = document.createElement('video');
      ref.crossOrigin = 'anonymous';
      ref.muted = true;
      ref.preload = 'auto';
      ref.src = clipSrc;
      await new Promise((resolve) => ref.addEventListener('loadeddata', resolve, { once: true }));
      const seek = (t: number) =>
        new Promise<void>((resolve) => {
          ref.addEventListener('seeked', () => resolve(), { once: true });
          ref.currentTime = t;
        });
      const grabbed = pixels(image, image.width, image.height);
      const diff = (other: Uint8ClampedArray) => grabbed.reduce((sum, x, i) => sum + Math.abs(x - (other[i] ?? 0)), 0) / grabbed.length;
      await seek((n + 0.5) / 24);
      const toFrame = diff(pixels(ref, ref.videoWidth, ref.videoHeight));
      await seek((n - 0.5) / 24);
      const toPrevious = diff(pixels(ref, ref.videoWidth, ref.videoHeight));
      const size = `${image.width}x${image.height} of ${ref.videoWidth}x${ref.videoHeight}`;
      ref.removeAttribute('src');
      ref.load();
      return { size, toFrame, toPrevious };
    },
    { frameId, clipSrc, n },
  );
}

test('"Continue from last frame": a new draft whose job uploads the last frame and whose video names its parent; the Lineage tab shows both', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'time', durationMs: 1500 } });
  host = await startLibraryHost({ count: 1, video: MOVING_MP4 }, { key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(host.url);

  // Something already being written stays in its own tab.
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('a draft in progress');
  await openLibrary(page);
  await page.locator('.lib-scroll').getByRole('option').first().click();
  const clip = page.locator('.viewer video');
  await expect(clip).toHaveAttribute('data-frames', '48');
  const clipSrc = await clip.getAttribute('src');
  const parentPrompt = await page.locator('.lib-prompt').innerText();

  await page.getByRole('button', { name: 'Continue from last frame' }).click();

  // The studio, on a new draft: the parent's prompt, its last frame as the first frame.
  const tabs = page.getByRole('navigation', { name: 'Drafts' });
  await expect(tabs.locator('[aria-current="true"]')).toHaveText('Draft 2');
  await expect(prompt).toHaveValue(parentPrompt);
  const first = page.locator('[data-frame-zone="first"]');
  await expect(first).toHaveAttribute('data-state', 'filled');
  await expect(first).toContainText('clip-00000-f48.png');
  await expect(page.locator('[data-frame-zone="last"]')).not.toHaveAttribute('data-state', 'filled');

  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await openActivity(page);
  await expect(page.locator('li.job').first()).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  // The provider received one PNG, the clip's size, and the generation used it as the first frame.
  expect(fake.stats.uploads).toHaveLength(1);
  const upload = fake.stats.uploads[0];
  if (!upload) throw new Error('no upload');
  expect(upload.contentType).toBe('image/png');
  const body = fake.stats.submitBodies[0]?.body as Record<string, unknown>;
  expect(body.first_frame_image).toBe(upload.url);
  expect(body).not.toHaveProperty('last_frame_image');
  expect(body.prompt).toBe(parentPrompt);
  // The frame store keeps frames by the hash of their bytes: the upload is that stored frame, byte for byte.
  const stored = readdirSync(join(host.dataDir, 'frames')).filter((f) => f.startsWith(upload.sha256));
  expect(stored).toEqual([`${upload.sha256}.png`]);
  const png = readFileSync(join(host.dataDir, 'frames', `${upload.sha256}.png`));
  expect(png.length).toBe(upload.bytes);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 180]);
  // And it is the clip's last frame (48 of 48), not the one before it.
  const compared = await frameVsClip(page, upload.sha256, clipSrc ?? '', 47);
  expect(compared.size).toBe('320x180 of 320x180');
  expect(compared.toFrame).toBe(0);
  expect(compared.toPrevious).toBeGreaterThan(1);

  // The new video's sidecar, on disk, names its parent and the frame it starts from.
  const sidecars = readdirSync(host.outDir).filter((f) => f.endsWith('.keyframe.json') && !f.startsWith('clip-'));
  expect(sidecars).toHaveLength(1);
  const sidecar = JSON.parse(readFileSync(join(host.outDir, sidecars[0] ?? ''), 'utf8')) as { id: string; lineage?: unknown };
  expect(sidecar.lineage).toEqual({ parentId: PARENT_ID, frame: 'last' });

  // The child in the viewer (the drawer put away): its Lineage tab shows the parent, which opens with its own lineage listing the child.
  await page.getByRole('banner').getByRole('button', { name: 'Activity' }).click();
  await expect(activityDrawer(page)).toBeHidden();
  await page.locator(`.feed-job [data-tile-state="clip"][data-video-id="${sidecar.id}"]`).click();
  const pane = page.locator(`.lib-details[data-video-id="${sidecar.id}"]`);
  await pane.getByRole('tab', { name: 'Lineage' }).click();
  await expect(pane.getByRole('tab', { name: 'Lineage' })).toHaveAttribute('aria-selected', 'true');
  const parentGroup = pane.getByRole('region', { name: 'Continues' });
  await expect(parentGroup.locator(`[data-video-id="${PARENT_ID}"]`)).toContainText('from its last frame');
  await expect(pane.getByRole('region', { name: 'Continued by' })).toContainText('No clip continues it yet');
  await parentGroup.locator(`[data-video-id="${PARENT_ID}"]`).click();

  const parentPane = page.locator(`.lib-details[data-video-id="${PARENT_ID}"]`);
  await expect(parentPane.getByRole('tab', { name: 'Lineage' })).toHaveAttribute('aria-selected', 'true');
  await expect(parentPane.getByRole('region', { name: 'Continues' })).toContainText('It does not continue another clip.');
  await expect(parentPane.getByRole('region', { name: 'Continued by' }).locator(`[data-video-id="${sidecar.id}"]`)).toBeVisible();
  expect(problems).toEqual([]);
});

test('"Continue from here" starts from the frame the viewer shows, and the draft names it by its time', async ({ page }) => {
  host = await startLibraryHost({ count: 1, video: MOVING_MP4 });
  await page.goto(host.url);
  await openLibrary(page);
  await page.locator('.lib-scroll').getByRole('option').first().click();
  await expect(page.locator('.viewer video')).toHaveAttribute('data-frames', '48');
  await page.getByRole('listbox', { name: 'Videos' }).focus();
  for (let n = 0; n < 12; n++) await page.keyboard.press('.');
  await expect(page.getByTestId('frame-counter')).toHaveText('f 13 / 48');

  await page.getByRole('button', { name: 'Continue from here' }).click();
  const first = page.locator('[data-frame-zone="first"]');
  await expect(first).toContainText('clip-00000-f13.png');
  // Frame 13 of a 24 fps clip starts at 0.5 s: that is the frame the lineage will name.
  const drafts = await page.evaluate(() => JSON.parse(localStorage.getItem('keyframe.drafts.v1') ?? '{}') as { active: string; tabs: { id: string; draft: { lineage?: unknown } }[] });
  expect(drafts.tabs.find((tab) => tab.id === drafts.active)?.draft.lineage).toEqual({ parentId: PARENT_ID, frame: 0.5 });
  // The frame's card says where it came from.
  await first.getByRole('img').first().click();
  await expect(first.locator(`[data-lineage-parent="${PARENT_ID}"]`)).toHaveText(
    'The frame at 0.5 s of a library clip: the new video will name that clip as the one it continues.',
  );
  // Removing the first frame makes it another job: the lineage goes with the frame.
  await page.getByRole('button', { name: 'Remove the First frame' }).click();
  await expect(first).toHaveAttribute('data-state', 'empty');
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('keyframe.drafts.v1') ?? '{}') as { active: string; tabs: { id: string; draft: { lineage?: unknown } }[] });
  expect(after.tabs.find((tab) => tab.id === after.active)?.draft).not.toHaveProperty('lineage');
});
