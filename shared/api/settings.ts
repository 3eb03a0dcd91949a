/** settings.*: the business's own details, read at start and edited on the Settings screen. */
import { z } from 'zod';
import { isKnownCurrency } from '../currencies';
import { isValidTimeZone } from '../dates';
import { isSupportedLocale, type SupportedLocale } from '../locales';
import { timeOfDayPattern, weekdays, type Settings } from '../settings';
import { emptyInput, method } from './method';

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

const businessName = z
  .string()
  .trim()
  .min(1, 'Please enter the name your customers know you by.')
  .max(200, 'Please keep the business name under 200 characters.');

const email = z
  .string()
  .trim()
  .pipe(z.email('Please enter an email address like name@example.com.'))
  .pipe(z.string().max(254, 'That email address is too long.'));

const phone = text(50, 'Please keep the phone number under 50 characters.').refine(
  (value) => value === '' || /^[+()\d\s.\-/]*(?:\s*(?:ext|x)\.?\s*\d+)?$/i.test(value),
  'A phone number has digits, spaces and + ( ) - only.',
);

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, 'Please choose a currency from the list (for example GBP).');

const locale = z
  .string()
  .trim()
  .refine(isSupportedLocale, 'Please choose a language and region from the list.')
  .transform((value) => value as SupportedLocale);

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, 'Please choose a time zone from the list (for example Europe/London).');

const timeOfDay = z.string().regex(timeOfDayPattern, 'Please enter a time like 08:00.');

const bothTimes = (w: { start: string; end: string }) =>
  timeOfDayPattern.test(w.start) && timeOfDayPattern.test(w.end);

const contactWindow = z
  .object({
    days: z
      .array(z.enum(weekdays, 'Days are mon, tue, wed, thu, fri, sat or sun.'))
      .min(1, 'Please choose at least one day.')
      .refine((days) => new Set(days).size === days.length, 'Each day only once, please.')
      .transform((days) => weekdays.filter((day) => days.includes(day))),
    start: timeOfDay,
    end: timeOfDay,
  })
  .strict()
  // Compared only when both are valid times; a bad time is reported on its own field.
  .refine((w) => !bothTimes(w) || w.start < w.end, {
    message: 'The window must end after it starts.',
    path: ['end'],
  });

const businessFields = {
  businessName,
  address: text(1000, 'Please keep the address under 1,000 characters.'),
  email,
  phone,
  paymentInstructions: text(2000, 'Please keep the payment details under 2,000 characters.'),
  invoicePrefix: z
    .string()
    .trim()
    .max(20, 'Please keep the prefix under 20 characters.')
    .regex(/^[A-Za-z0-9/._-]*$/, 'A prefix has letters, digits and - _ / . only.'),
  currency,
  locale,
  timeZone,
  contactWindow,
};

/** Every field may be left out; those given must be valid. */
export const settingsPatchSchema = z.object(businessFields).partial().strict();

/** The first-run setup: name, email, currency, locale and zone are needed to start. */
export const onboardingSchema = z
  .object({
    ...businessFields,
    address: businessFields.address.default(''),
    phone: businessFields.phone.default(''),
    paymentInstructions: businessFields.paymentInstructions.default(''),
    invoicePrefix: businessFields.invoicePrefix.default('INV-'),
  })
  .strict();

export type SettingsPatch = z.input<typeof settingsPatchSchema>;
export type OnboardingInput = z.input<typeof onboardingSchema>;

export const settingsMethods = {
  'settings.get': method(emptyInput).returns<Settings>(),
  'settings.update': method(settingsPatchSchema).returns<Settings>(),
  'settings.completeOnboarding': method(onboardingSchema).returns<Settings>(),
};
