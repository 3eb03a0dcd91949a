import type { Bridge } from '../shared/api/contract';

declare global {
  interface Window {
    /** Present only inside the Electron window, where the preload exposes it. */
    goodwill?: Bridge;
  }
}
