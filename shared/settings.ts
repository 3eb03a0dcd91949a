/** The business's own settings: who it is, how it gets paid, where and when it may contact. */
import type { SupportedLocale } from './locales';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** When customers may be contacted, in their local time (the business's when unknown). */
export interface ContactWindow {
  days: Weekday[];
  /** `HH:MM`, 24-hour, inclusive. */
  start: string;
  /** `HH:MM`, 24-hour, exclusive; after `start`. */
  end: string;
}

export interface BusinessSettings {
  businessName: string;
  address: string;
  email: string;
  phone: string;
  /** Bank details, a pay link: every way to pay, printed on invoices and letters. */
  paymentInstructions: string;
  /** Goes before the number of every invoice made here: "INV-" gives INV-0001. */
  invoicePrefix: string;
  /** ISO 4217 code of the currency new invoices use unless told otherwise. */
  currency: string;
  locale: SupportedLocale;
  /** IANA zone; "today" and contact windows are reckoned in it. */
  timeZone: string;
  contactWindow: ContactWindow;
}

export interface Settings extends BusinessSettings {
  /** False until the first-run setup has been finished. */
  onboardingComplete: boolean;
  /** When the settings last changed (UTC instant), or null if never saved. */
  updatedAt: string | null;
}

/** The gentle default: weekdays, office hours. */
export const defaultContactWindow: ContactWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '08:00',
  end: '20:00',
};

export const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
