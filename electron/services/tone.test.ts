/** letters.toneCheck through the API registry, as IPC and HTTP call it. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ToneReport } from '../../shared/letters/tone';
import { startLedgerApp } from '../testing/ledger-app';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const running: { close(): Promise<void> }[] = [];
// Registered after the temp folders, so it runs first: close, then remove.
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

async function app() {
  const ledger = await startLedgerApp(await tempDir());
  running.push(ledger.app);
  return ledger;
}

describe('letters.toneCheck', () => {
  it('answers with findings whose offsets point into the text as sent, untrimmed', async () => {
    const { ok } = await app();
    const text = '  Dear Sam,\n\nA late fee of £40 has been added. Pay now!!';
    const report = await ok<ToneReport>('letters.toneCheck', { text });
    expect(report.findings.map((f) => [f.category, text.slice(f.start, f.end)])).toEqual([
      ['fees', 'late fee'],
      ['exclamation', '!!'],
    ]);
    expect(report.readingLevel.sentences).toBe(3);
    expect(report.score).toBe(60);

    const agreed = await ok<ToneReport>('letters.toneCheck', {
      text,
      feesAgreed: true,
      locale: 'en-US',
    });
    expect(agreed.findings.map((f) => f.category)).toEqual(['exclamation']);
  });

  it('refuses bad input with invalid_input naming the field, and writes nothing', async () => {
    const { call, fingerprint } = await app();
    const before = fingerprint();
    const cases: [unknown, string][] = [
      [{ text: 'a'.repeat(50_001) }, 'text'],
      [{ text: 42 }, 'text'],
      [{}, 'text'],
      [{ text: 'Hello', locale: 'fr-FR' }, 'locale'],
      [{ text: 'Hello', feesAgreed: 'yes' }, 'feesAgreed'],
      [{ text: 'Hello', finalStep: 1 }, 'finalStep'],
    ];
    for (const [input, field] of cases) {
      expect(
        await call('letters.toneCheck', input),
        JSON.stringify(input).slice(0, 40),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    }
    expect(await call('letters.toneCheck', { text: 'Hi', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(fingerprint()).toBe(before);
  });

  it('takes a text at the limit', async () => {
    const { ok } = await app();
    const text = 'Thank you for your payment. '.repeat(1785).slice(0, 50_000);
    const report = await ok<ToneReport>('letters.toneCheck', { text });
    expect(report.findings).toEqual([]);
  });
});
