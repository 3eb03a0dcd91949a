/** Late charges as the API returns them: the preview (computed) and the claims (posted). */
import type { CalendarDate } from '../dates';
import type { CustomerKind } from '../ledger';
import type { Minor } from '../money';
import type { ChargeLine, InvoiceCharges } from './charges';
import type { LateTerms } from './terms';

export interface InterestPreview {
  customerId: number;
  customerKind: CustomerKind;
  asOf: CalendarDate;
  /** The late-payment terms that apply to this customer. */
  terms: LateTerms;
  /** Every open invoice of theirs, with what could be claimed on it today and why. */
  invoices: InvoiceCharges[];
  /** What could be claimed now, per currency. */
  totals: { currency: string; amount: Minor }[];
}

/** What a claim stores: the terms it was worked out under and its lines, as claimed. */
export interface ClaimWorkings {
  terms: LateTerms;
  asOf: CalendarDate;
  lines: ChargeLine[];
}

export interface InterestWaiver {
  amount: Minor;
  note: string;
  waivedOn: CalendarDate;
}

export interface InterestClaim {
  id: number;
  customerId: number;
  /** The late invoice. */
  invoiceId: number;
  invoiceNumber: string;
  /** The invoice the charge was raised as. */
  chargeInvoiceId: number;
  chargeNumber: string;
  currency: string;
  amount: Minor;
  waived: Minor;
  /** Still owed on the charge (claimed less waived and paid). */
  open: Minor;
  claimedOn: CalendarDate;
  interestFrom: CalendarDate | null;
  interestThrough: CalendarDate | null;
  terms: LateTerms;
  lines: ChargeLine[];
  waivers: InterestWaiver[];
}
