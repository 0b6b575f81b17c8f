import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startUrlSync } from './selection/url-sync';

/**
 * The app itself, loaded by main.tsx once the socket to main is on its way.
 */

// Before the first render: a reload (or a link) opens straight on the view and clip the address names.
startUrlSync();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
