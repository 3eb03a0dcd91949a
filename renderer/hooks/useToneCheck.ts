/**
 * The tone check as the owner types: asked for once the text has been still for a moment,
 * with the last answer's findings carried across the typing meanwhile, so the marks follow the
 * words instead of blinking. A failed check says so and leaves the text alone.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ToneReport } from '../../shared/letters/tone';
import { isFinalStep, type Occasion } from '../../shared/letters/occasions';
import { isSupportedLocale } from '../../shared/locales';
import { call } from '../api';
import { carryFindings } from '../screens/letters/letter-edit';
import { useDebouncedValue } from '@mantine/hooks';

export const toneCheckDelay = 300;

/**
 * What the check needs to know about a letter besides its words: the spelling of its
 * suggestions, and whether it is the last step, where "final notice" is the plain truth.
 */
export function toneContextFor(occasion: Occasion, locale: string) {
  return {
    ...(isSupportedLocale(locale) ? { locale } : {}),
    finalStep: isFinalStep(occasion),
  };
}

export interface ToneState {
  /** The last report, its findings moved to where their words now are. */
  report: ToneReport | null;
  /** True while the text has changed since the last report. */
  checking: boolean;
  error: Error | null;
}

export function useToneCheck(text: string, occasion: Occasion, locale: string): ToneState {
  const [settled] = useDebouncedValue(text, toneCheckDelay);
  const [answer, setAnswer] = useState<{
    text: string;
    report: ToneReport | null;
    error: Error | null;
  } | null>(null);

  useEffect(() => {
    let live = true;
    call('letters.toneCheck', { text: settled, ...toneContextFor(occasion, locale) }).then(
      (report) => live && setAnswer({ text: settled, report, error: null }),
      (error: unknown) =>
        live &&
        setAnswer((previous) => ({
          text: settled,
          report: previous?.report ?? null,
          error: error as Error,
        })),
    );
    return () => {
      live = false;
    };
  }, [settled, occasion, locale]);

  return useMemo(() => {
    if (!answer) return { report: null, checking: true, error: null };
    const report = answer.report && {
      ...answer.report,
      findings: carryFindings(answer.text, text, answer.report.findings),
    };
    return { report, checking: answer.text !== text, error: answer.error };
  }, [answer, text]);
}
