import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assetPath } from './assets-path';

describe('assetPath', () => {
  it('finds the fonts from the source folder', () => {
    expect(existsSync(assetPath('fonts/DejaVuSans.ttf'))).toBe(true);
  });

  it('finds them from where the bundle and the packaged app run', () => {
    const root = new URL('..', import.meta.url);
    for (const module of ['dist/electron/main.js', 'dist/electron/chunks/chunk-abc.js']) {
      const from = new URL(module, root).href;
      expect(assetPath('fonts/DejaVuSans-Bold.ttf', from)).toBe(
        new URL('assets/fonts/DejaVuSans-Bold.ttf', root).pathname,
      );
    }
  });

  it('says which file is missing', () => {
    expect(() => assetPath('fonts/Nothing.ttf', pathToFileURL('/tmp/x.js').href)).toThrow(
      /assets\/fonts\/Nothing\.ttf is missing/,
    );
  });
});
