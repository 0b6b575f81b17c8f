import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './client.js';

/**
 * Sandboxed preload (bundled into one CommonJS file, dist-electron/preload.cjs,
 * because a sandboxed preload cannot load local modules). It exposes exactly
 * one thing to the page: `window.api`, built from the IPC contract.
 */
contextBridge.exposeInMainWorld('api', createApi(ipcRenderer));
