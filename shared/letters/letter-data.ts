/**
 * What a letter is written from: figures straight from the ledger (amounts in minor units,
 * calendar dates), never typed in. The view builder turns them into the words and amounts a
 * template shows, formatted for the customer's locale.
 */
import type { CalendarDate } from '../dates';

export interface LetterInvoice {
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  total: number;
  open: number;
}

export interface LetterPayment {
  date: CalendarDate;
  amount: number;
  currency: string;
  reference: string;
}

export interface LetterPlan {
  currency: string;
  total: number;
  frequency: 'weekly' | 'fortnightly' | 'monthly';
  instalments: { date: CalendarDate; amount: number }[];
  /** For a missed-instalment note. */
  missed?: { date: CalendarDate; amount: number } | undefined;
}

export interface LetterData {
  locale: string;
  today: CalendarDate;
  business: {
    name: string;
    address: string;
    email: string;
    phone: string;
    paymentInstructions: string;
  };
  customer: {
    name: string;
    contactPerson: string;
    address: string;
  };
  /** The invoices the letter is about, open amounts as they are today. */
  invoices: LetterInvoice[];
  /** Payments received since the last contact (acknowledged with thanks). */
  paymentsReceived: LetterPayment[];
  /** How the terms read on the invoices, for the firm reminder. */
  terms?: string | undefined;
  promise?: { date: CalendarDate; amount: number; currency: string } | undefined;
  plan?: LetterPlan | undefined;
  dispute?: { reason: string } | undefined;
  agency?: { name: string; contact: string; payDirectUntil: CalendarDate } | undefined;
  /** The one real next step a final notice names, and its date. */
  nextStep?: { text: string; date: CalendarDate } | undefined;
}
