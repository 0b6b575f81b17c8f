import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserLanguage, loadLanguage, useLanguageStore } from './i18n';
import { startUrlSync } from './selection/url-sync';
import { startSync } from './sync';

/**
 * The app itself, loaded by main.tsx once the socket to main is on its way.
 */

// Before the first render: a reload (or a link) opens straight on the view and clip the address names.
startUrlSync();

// The browser's language until the settings say otherwise; its table (when not English) before the
// first render, so the page never flashes in English.
await loadLanguage(browserLanguage).catch(() => undefined);
useLanguageStore.getState().setLanguage(browserLanguage);

// The stores start mirroring main now, not in an effect after the first render: the library's first
// page (asked for by the boot script) is in its store by the time the Library is opened.
startSync();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
