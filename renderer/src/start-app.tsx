import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { earlyHost } from './boot/early-host';
import { firstLibraryPageIn } from './features/library/first-page-in';
import { browserLanguage, loadLanguage, useLanguageStore } from './i18n';
import { startUrlSync } from './selection/url-sync';
import { startSync } from './sync';

/**
 * The app itself, evaluated right after the boot modules (main.tsx) have set
 * the socket to main and the library's first page on their way.
 */

/** How long the first render waits for the library's first page, at most (it is usually in flight by then). */
const FIRST_PAGE_WAIT_MS = 40;

// Before the first render: a reload (or a link) opens straight on the view and clip the address names.
startUrlSync();

// The browser's language until the settings say otherwise; its table (when not English) before the
// first render, so the page never flashes in English.
await loadLanguage(browserLanguage).catch(() => undefined);
useLanguageStore.getState().setLanguage(browserLanguage);

// The stores start mirroring main now, not in an effect after the first render. The library's first
// page, asked for by the boot module (browser host), is usually in flight by now: the first render
// waits a moment for it to reach its store.
startSync();
if (earlyHost) await firstLibraryPageIn(FIRST_PAGE_WAIT_MS);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Rendered at once, not in a scheduled task: the shell is the first thing to paint, and its effects
// (the stores' subscriptions among them) have run before anything else happens, so a click on the
// navigation in the very next moment is rendered in the click's own task.
flushSync(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
