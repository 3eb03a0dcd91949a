/**
 * terms.* and interest.*: payment terms (the business's and a customer's own), late-payment
 * terms (off by default), the reference rates statutory interest is built on, and late
 * charges: previewed with their workings, claimed as a charge of their own, waived as a gesture.
 */
import { z } from 'zod';
import type { InterestClaim, InterestPreview } from '../interest/claims';
import { rateSources, type ReferenceRate } from '../interest/rates';
import type { BusinessTerms, CustomerTerms } from '../interest/terms';
import { parseDecimal } from '../money';
import { calendarDate, id, positiveAmount, text } from './fields';
import { discountSchema, termsSchema } from './invoices';
import { emptyInput, method } from './method';

/** A yearly rate as a decimal string: from 0% to 100% a year. */
const yearlyRate = (what: string) =>
  z
    .string(`Please give the ${what} as a number such as "8".`)
    .trim()
    .superRefine((value, ctx) => {
      const rate = parseDecimal(value);
      if (!rate || rate.scale > 4) {
        ctx.addIssue({
          code: 'custom',
          message: `The ${what} must be a number such as "8" or "4.25".`,
        });
      } else if (rate.digits < 0n) {
        ctx.addIssue({ code: 'custom', message: `The ${what} cannot be below 0%.` });
      } else if (rate.digits > 100n * 10n ** BigInt(rate.scale)) {
        ctx.addIssue({ code: 'custom', message: `The ${what} is at most 100% a year.` });
      }
    })
    .transform((value) => value.replace(/^\+/, ''));

const graceDays = z
  .number('Please give the grace period in days.')
  .int('The grace period is whole days.')
  .min(0, 'A grace period cannot be negative.')
  .max(365, 'A grace period is at most a year (365 days).');

const feeAmount = z
  .string('Please give the fee as an amount such as "25.00".')
  .trim()
  .superRefine((value, ctx) => {
    const fee = parseDecimal(value);
    if (!fee || fee.scale > 3 || fee.digits <= 0n) {
      ctx.addIssue({
        code: 'custom',
        message: 'The fee must be an amount above zero, such as "25.00".',
      });
    }
  });

export const lateTermsSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('off') }).strict(),
    z.object({ kind: z.literal('flat_fee'), amount: feeAmount, graceDays }).strict(),
    z
      .object({ kind: z.literal('percent_fee'), percent: yearlyRate('percentage'), graceDays })
      .strict(),
    z
      .object({
        kind: z.literal('simple_interest'),
        ratePercent: yearlyRate('interest rate'),
        graceDays,
      })
      .strict(),
    z.object({ kind: z.literal('uk_statutory'), graceDays: graceDays.default(0) }).strict(),
    z.object({ kind: z.literal('eu_statutory'), graceDays: graceDays.default(0) }).strict(),
  ],
  'Late terms are off, flat_fee, percent_fee, simple_interest, uk_statutory or eu_statutory.',
);

export const paymentTermsSettingSchema = z
  .object({
    terms: termsSchema.refine(
      (terms) => terms.kind !== 'fixed_date',
      'A fixed date is set on each invoice; the default is on receipt, net or end of month.',
    ),
    discount: discountSchema.nullable(),
  })
  .strict();

const customerIdInput = z.object({ customerId: id }).strict();

export const setCustomerTermsSchema = z
  .object({
    customerId: id,
    /** Null: the business's terms. Left out: unchanged. */
    payment: paymentTermsSettingSchema.nullable().optional(),
    late: lateTermsSchema.nullable().optional(),
  })
  .strict();

export const saveRateSchema = z
  .object({
    source: z.enum(rateSources, 'The source is boe_base or ecb_mro.'),
    effectiveFrom: calendarDate,
    ratePercent: yearlyRate('rate'),
  })
  .strict();

export const claimSchema = z
  .object({
    customerId: id,
    /** Left out: every invoice with something to claim. */
    invoiceIds: z
      .array(id)
      .min(1, 'Please choose at least one invoice.')
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'Each invoice once, please.')
      .optional(),
  })
  .strict();

export const waiveSchema = z
  .object({
    claimId: id,
    /** Left out: all that is left of the claim. */
    amount: positiveAmount.optional(),
    note: text(500, 'note').optional(),
  })
  .strict();

export const interestMethods = {
  'terms.get': method(emptyInput).returns<BusinessTerms>(),
  'terms.update': method(
    z
      .object({ payment: paymentTermsSettingSchema.optional(), late: lateTermsSchema.optional() })
      .strict(),
  ).returns<BusinessTerms>(),
  'terms.customer': method(customerIdInput).returns<CustomerTerms>(),
  'terms.setCustomer': method(setCustomerTermsSchema).returns<CustomerTerms>(),
  'interest.rates': method(emptyInput).returns<ReferenceRate[]>(),
  /** Adds a rate, or changes the one with the same source and date. */
  'interest.saveRate': method(saveRateSchema).returns<ReferenceRate[]>(),
  'interest.removeRate': method(saveRateSchema.pick({ source: true, effectiveFrom: true })).returns<
    ReferenceRate[]
  >(),
  'interest.preview': method(
    z.object({ customerId: id, asOf: calendarDate.optional() }).strict(),
  ).returns<InterestPreview>(),
  'interest.claim': method(claimSchema).returns<InterestClaim[]>(),
  'interest.waive': method(waiveSchema).returns<InterestClaim>(),
  /** Every claim for the customer, with its workings: for letters and the agency dossier. */
  'interest.claims': method(customerIdInput).returns<InterestClaim[]>(),
};
