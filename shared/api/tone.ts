/** letters.toneCheck: the tone check of shared/letters/tone behind the API. */
import { z } from 'zod';
import { supportedLocales, type SupportedLocale } from '../locales';
import type { ToneReport } from '../letters/tone/types';
import { method } from './method';

const localeCodes = supportedLocales.map((locale) => locale.code) as [
  SupportedLocale,
  ...SupportedLocale[],
];

export const toneTextLimit = 50_000;

export const toneCheckSchema = z
  .object({
    // Not trimmed: the findings' offsets point into the text exactly as the editor holds it.
    text: z
      .string('Please give the text to check as text.')
      .max(
        toneTextLimit,
        `Please keep the text under ${toneTextLimit.toLocaleString('en-GB')} characters.`,
      ),
    locale: z.enum(localeCodes, `The locale is one of ${localeCodes.join(', ')}.`).optional(),
    /** True when the customer agreed to late fees or interest in the terms. */
    feesAgreed: z.boolean('Please say true or false for feesAgreed.').optional(),
    /** True for the ladder's final notice or agency notice, where "final notice" is true. */
    finalStep: z.boolean('Please say true or false for finalStep.').optional(),
  })
  .strict();

export const toneMethods = {
  'letters.toneCheck': method(toneCheckSchema).returns<ToneReport>(),
};
