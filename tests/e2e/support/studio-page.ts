import { expect, type Locator, type Page } from '@playwright/test';

/** Page helpers for the Studio workspace: the activity drawer, the notices popover, what is on screen. */

const ACTIVITY = { en: 'Activity', ko: '작업 현황' } as const;
const CLOSE_ACTIVITY = { en: 'Close activity', ko: '작업 현황 닫기' } as const;

/** The activity drawer (opened from the header if it is closed). */
export async function openActivity(page: Page, lang: 'en' | 'ko' = 'en'): Promise<Locator> {
  const drawer = activityDrawer(page, lang);
  if (!(await drawer.isVisible())) await page.getByRole('banner').getByRole('button', { name: ACTIVITY[lang] }).click();
  await expect(drawer).toBeVisible();
  return drawer;
}

/** Closes the activity drawer if it is open (it lies over the prompt bar's end on narrow windows). */
export async function closeActivity(page: Page, lang: 'en' | 'ko' = 'en'): Promise<void> {
  const drawer = activityDrawer(page, lang);
  if (await drawer.isVisible()) await drawer.getByRole('button', { name: CLOSE_ACTIVITY[lang] }).click();
  await expect(drawer).toBeHidden();
}

export function activityDrawer(page: Page, lang: 'en' | 'ko' = 'en'): Locator {
  return page.getByRole('region', { name: ACTIVITY[lang], exact: true });
}

/** Opens the header's notices popover (demo mode, no key, …) and returns it. */
export async function openNotices(page: Page): Promise<Locator> {
  const popover = page.locator('.status-popover');
  if (!(await popover.isVisible())) await page.locator('.status-chip').click();
  await expect(popover).toBeVisible();
  return popover;
}

/** The results feed's job whose prompt starts with `prompt`. */
export function feedJob(page: Page, prompt: string): Locator {
  return page.locator('.feed-job').filter({ has: page.locator('.feed-prompt', { hasText: prompt.slice(0, 40) }) });
}

/** The page itself does not scroll: everything scrolls inside its own pane. */
export async function expectNoPageScroll(page: Page): Promise<void> {
  const { scrollHeight, scrollWidth, innerHeight, innerWidth } = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(scrollHeight, 'page height').toBeLessThanOrEqual(innerHeight);
  expect(scrollWidth, 'page width').toBeLessThanOrEqual(innerWidth);
}

/** The element's whole box is inside the window (not merely in the page). Retried while the element renders. */
export async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      if (!box) return `${what}: no box`;
      const outside = [
        box.x < 0 ? `left ${box.x}` : '',
        box.y < 0 ? `top ${box.y}` : '',
        box.x + box.width > size.width ? `right ${box.x + box.width} > ${size.width}` : '',
        box.y + box.height > size.height ? `bottom ${box.y + box.height} > ${size.height}` : '',
      ].filter(Boolean);
      return outside.length ? `${what}: ${outside.join(', ')}` : 'inside';
    })
    .toBe('inside');
}

/** How many <video> elements are on the page. */
export const videoCount = (page: Page): Promise<number> => page.evaluate(() => document.querySelectorAll('video').length);

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
}
