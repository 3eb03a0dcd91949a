/**
 * The only bridge between the window and the main process: `window.goodwill`, one function
 * per API method and nothing else. Bundled to CommonJS, as sandboxed preloads must be.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames, type Bridge } from '../shared/api/contract';
import { ipcChannelOf } from './api/ipc';

// Typed as the contract's Bridge; preload.test.ts checks it holds exactly the contract's methods.
const bridge = Object.fromEntries(
  methodNames.map((name) => [
    name,
    (input?: unknown) => ipcRenderer.invoke(ipcChannelOf(name), input),
  ]),
) as Bridge;

contextBridge.exposeInMainWorld('goodwill', bridge);
