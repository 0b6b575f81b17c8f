import { expect, test } from '@playwright/test';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary, shownCount } from './support/library-page.js';

/**
 * Opening the Library asks main nothing more: the grid shows the page the
 * start-up load already fetched (over HTTP, POST /ipc/call). A load on opening
 * would, at start-up, drop the reply on its way and make the first grid paint
 * wait for a second query.
 */

let host: LibraryHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('opening the Library view shows the loaded page without querying again', async ({ page }) => {
  host = await startLibraryHost({ count: 30 });
  const queries: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/ipc/call' && (req.postData() ?? '').includes('"library:query"')) queries.push(req.postData() ?? '');
  });
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString();
      if (text.includes('"library:query"')) queries.push(text);
    }),
  );
  await page.goto(host.url);
  // The start-up load has been sent (and, the count being shown later, answered).
  await expect.poll(() => queries.length).toBe(1);
  await openLibrary(page);
  await expect.poll(() => shownCount(page)).toBe(30);
  // A query made after opening: every frame before it was sent by now, in order, on the one socket.
  await page.getByLabel('Search prompts').fill('fox');
  await expect.poll(() => queries.length).toBeGreaterThanOrEqual(2);
  expect(queries.slice(1).map((q) => (JSON.parse(q) as { input: { text?: string } }).input.text)).toEqual(['fox']);
});
