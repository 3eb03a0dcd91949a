/**
 * The locales Goodwill writes in. They decide how dates and amounts are shown and which
 * spelling the default letters use; every one is English for now, since the letter
 * templates are.
 */
export const supportedLocales = [
  { code: 'en-GB', label: 'English (United Kingdom)', currency: 'GBP' },
  { code: 'en-US', label: 'English (United States)', currency: 'USD' },
  { code: 'en-AU', label: 'English (Australia)', currency: 'AUD' },
  { code: 'en-NZ', label: 'English (New Zealand)', currency: 'NZD' },
  { code: 'en-IE', label: 'English (Ireland)', currency: 'EUR' },
  { code: 'en-CA', label: 'English (Canada)', currency: 'CAD' },
  { code: 'en-ZA', label: 'English (South Africa)', currency: 'ZAR' },
  { code: 'en-IN', label: 'English (India)', currency: 'INR' },
] as const;

export type SupportedLocale = (typeof supportedLocales)[number]['code'];

export const defaultLocale: SupportedLocale = 'en-GB';

export function isSupportedLocale(code: string): code is SupportedLocale {
  return supportedLocales.some((locale) => locale.code === code);
}

/**
 * The closest supported locale to one a browser or operating system reports
 * ("en-GB", "en_AU.UTF-8", "en"), falling back to the default.
 */
export function closestSupportedLocale(reported: string | undefined): SupportedLocale {
  const normalised = (reported ?? '').split('.')[0]?.replace('_', '-') ?? '';
  const exact = supportedLocales.find((l) => l.code.toLowerCase() === normalised.toLowerCase());
  return exact?.code ?? defaultLocale;
}

/** The currency most businesses in the locale's country invoice in. */
export function usualCurrencyFor(locale: SupportedLocale): string {
  return supportedLocales.find((l) => l.code === locale)?.currency ?? 'GBP';
}
