/**
 * What a letter is written from: figures straight from the ledger (amounts in minor units,
 * calendar dates), never typed in. The view builder turns them into the words and amounts a
 * template shows, formatted for the customer's locale.
 */
import type { BucketAmounts } from '../aging';
import type { CalendarDate } from '../dates';
import type { ChargeLine } from '../interest/charges';
import type { LateTerms } from '../interest/terms';

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
  /** For a check-in before a payment: the payment coming up (what is still owed on it). */
  next?: { date: CalendarDate; amount: number } | undefined;
  /** A hardship plan: its letters keep the door open and name free advice. */
  hardship?: boolean | undefined;
}

/** A late charge the owner claimed and that is still owed, with its workings. */
export interface LetterCharge {
  invoiceNumber: string;
  currency: string;
  terms: LateTerms;
  lines: ChargeLine[];
  /** Waived so far (the rest is `open` unless paid). */
  waived: number;
  open: number;
}

/** A waiver made since the last contact: the next letter says so, kindly. */
export interface LetterWaiver {
  invoiceNumber: string;
  currency: string;
  amount: number;
  /** True when nothing of that claim is left to pay. */
  whole: boolean;
}

/** A statement's figures for the statement letter, per currency (the PDF has every line). */
export interface LetterStatement {
  from: CalendarDate;
  /** The as-of date: the closing balance and the aging are on this day. */
  to: CalendarDate;
  sections: {
    currency: string;
    opening: number;
    invoiced: number;
    /** Paid, credited and written off, less refunds: everything that brought the balance down. */
    received: number;
    closing: number;
    aging: BucketAmounts & { total: number };
  }[];
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
  /** Late charges claimed and still owed, and waivers since the last contact. */
  lateCharges?: { claims: LetterCharge[]; waivers: LetterWaiver[] } | undefined;
  /** The statement a statement letter goes with. */
  statement?: LetterStatement | undefined;
  /** The one real next step a final notice names, and its date. */
  nextStep?: { text: string; date: CalendarDate } | undefined;
}
