// Set from package.json by the build (esbuild and Vitest `define`).
declare const __GOODWILL_VERSION__: string | undefined;

export const appVersion: string =
  typeof __GOODWILL_VERSION__ === 'string' ? __GOODWILL_VERSION__ : '0.0.0-dev';
