/**
 * Frozen once released. Terms, fees and interest: the business's payment and late-payment
 * terms (late charges off), a customer's own (null: the business's), the central-bank
 * reference rates statutory interest is built on, and the late charges the owner claimed,
 * each with its workings and the invoice it was raised as, and what was waived of them.
 *
 * Seeded reference rates (the owner keeps them up to date on Settings → Terms):
 * - Bank of England Bank Rate, each change since 2009 with the date it took effect, from the
 *   Bank of England's "Official Bank Rate history" (bankofengland.co.uk, Bank Rate database);
 *   the 2024–25 cuts cross-checked with Focus Economics' Bank Rate summary (Aug 2024 5.00,
 *   Nov 2024 4.75, Feb 2025 4.50, May 2025 4.25, Aug 2025 4.00, Dec 2025 3.75).
 * - ECB main refinancing operations rate, each change since 2014 with the date it took
 *   effect, from the ECB's "Key ECB interest rates" table (ecb.europa.eu, as mirrored by
 *   Banka Slovenije, bsi.si), the 2025 cuts to 2.40 on 23 Apr 2025; 2.15 from 11 Jun 2025 per
 *   the ECB's decision of 5 June 2025.
 */
import { sql, type Kysely } from 'kysely';

export const name = '0009_terms_fees_interest';

const calendarDate = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${sql.ref(column)}) = ${sql.ref(column)}`;
const instant = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'`;
const currency = (column: string) =>
  sql`length(${sql.ref(column)}) = 3 AND ${sql.ref(column)} GLOB '[A-Z][A-Z][A-Z]'`;
const decimal = (column: string) =>
  sql`${sql.ref(column)} GLOB '[0-9]*' AND ${sql.ref(column)} NOT GLOB '*[^0-9.]*' AND ${sql.ref(column)} NOT GLOB '*.*.*' AND ${sql.ref(column)} NOT GLOB '*.'`;

const boeBase: [string, string][] = [
  ['2009-03-05', '0.5'],
  ['2016-08-04', '0.25'],
  ['2017-11-02', '0.5'],
  ['2018-08-02', '0.75'],
  ['2020-03-11', '0.25'],
  ['2020-03-19', '0.1'],
  ['2021-12-16', '0.25'],
  ['2022-02-03', '0.5'],
  ['2022-03-17', '0.75'],
  ['2022-05-05', '1'],
  ['2022-06-16', '1.25'],
  ['2022-08-04', '1.75'],
  ['2022-09-22', '2.25'],
  ['2022-11-03', '3'],
  ['2022-12-15', '3.5'],
  ['2023-02-02', '4'],
  ['2023-03-23', '4.25'],
  ['2023-05-11', '4.5'],
  ['2023-06-22', '5'],
  ['2023-08-03', '5.25'],
  ['2024-08-01', '5'],
  ['2024-11-07', '4.75'],
  ['2025-02-06', '4.5'],
  ['2025-05-08', '4.25'],
  ['2025-08-07', '4'],
  ['2025-12-18', '3.75'],
];

const ecbMro: [string, string][] = [
  ['2014-06-11', '0.15'],
  ['2014-09-10', '0.05'],
  ['2016-03-16', '0'],
  ['2022-07-27', '0.5'],
  ['2022-09-14', '1.25'],
  ['2022-11-02', '2'],
  ['2022-12-21', '2.5'],
  ['2023-02-08', '3'],
  ['2023-03-22', '3.5'],
  ['2023-05-10', '3.75'],
  ['2023-06-21', '4'],
  ['2023-08-02', '4.25'],
  ['2023-09-20', '4.5'],
  ['2024-06-12', '4.25'],
  ['2024-09-18', '3.65'],
  ['2024-10-23', '3.4'],
  ['2024-12-18', '3.15'],
  ['2025-02-05', '2.9'],
  ['2025-03-12', '2.65'],
  ['2025-04-23', '2.4'],
  ['2025-06-11', '2.15'],
];

const seededAt = '2026-12-02T00:00:00.000Z';

export function up(db: Kysely<any>) {
  return [
    db.schema
      .createTable('business_terms')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      /** JSON: { terms, discount } for new invoices. */
      .addColumn('payment_terms', 'text', (c) => c.notNull().check(sql`json_valid(payment_terms)`))
      /** JSON LateTerms (shared/interest/terms.ts); `{"kind":"off"}` unless the owner says. */
      .addColumn('late_terms', 'text', (c) => c.notNull().check(sql`json_valid(late_terms)`))
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .modifyEnd(sql`strict`),

    db.schema
      .createTable('customer_terms')
      .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id'))
      /** Null: the business's. */
      .addColumn('payment_terms', 'text', (c) => c.check(sql`json_valid(payment_terms)`))
      .addColumn('late_terms', 'text', (c) => c.check(sql`json_valid(late_terms)`))
      .addColumn('updated_at', 'text', (c) => c.notNull().check(instant('updated_at')))
      .modifyEnd(sql`strict`),

    db.schema
      .createTable('reference_rates')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('boe_base', 'ecb_mro')`))
      .addColumn('effective_from', 'text', (c) => c.notNull().check(calendarDate('effective_from')))
      /** Percent a year, a plain decimal string ("4.25"). */
      .addColumn('rate_percent', 'text', (c) => c.notNull().check(decimal('rate_percent')))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addUniqueConstraint('reference_rates_source_date', ['source', 'effective_from'])
      .modifyEnd(sql`strict`),
    db.insertInto('reference_rates').values([
      ...boeBase.map(([from, rate]) => ({
        source: 'boe_base',
        effective_from: from,
        rate_percent: rate,
        created_at: seededAt,
      })),
      ...ecbMro.map(([from, rate]) => ({
        source: 'ecb_mro',
        effective_from: from,
        rate_percent: rate,
        created_at: seededAt,
      })),
    ]),

    db.schema
      .createTable('interest_claims')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      /** The late invoice the charge is for. */
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
      /** The invoice the charge was raised as: it is what aging, balances and payments see. */
      .addColumn('charge_invoice_id', 'integer', (c) =>
        c.notNull().unique().references('invoices.id'),
      )
      .addColumn('currency', 'text', (c) => c.notNull().check(currency('currency')))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      /** The days of interest claimed, both counted; null when the claim holds none. */
      .addColumn('interest_from', 'text', (c) => c.check(calendarDate('interest_from')))
      .addColumn('interest_through', 'text', (c) => c.check(calendarDate('interest_through')))
      /** 1 when a fixed sum or fee was claimed with it (never twice per invoice). */
      .addColumn('one_off', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`one_off IN (0, 1)`),
      )
      /** JSON: the terms and the charge lines with their periods, as claimed. */
      .addColumn('workings', 'text', (c) => c.notNull().check(sql`json_valid(workings)`))
      .addColumn('claimed_on', 'text', (c) => c.notNull().check(calendarDate('claimed_on')))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .addCheckConstraint(
        'interest_claims_period',
        sql`(interest_from IS NULL) = (interest_through IS NULL) AND (interest_from IS NULL OR interest_from <= interest_through)`,
      )
      .modifyEnd(sql`strict`),
    db.schema
      .createIndex('interest_claims_by_invoice')
      .on('interest_claims')
      .columns(['invoice_id', 'interest_through']),
    db.schema
      .createIndex('interest_claims_by_customer')
      .on('interest_claims')
      .column('customer_id'),

    db.schema
      .createTable('interest_waivers')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('claim_id', 'integer', (c) => c.notNull().references('interest_claims.id'))
      /** The credit note that took it off the charge. */
      .addColumn('credit_note_id', 'integer', (c) =>
        c.notNull().unique().references('credit_notes.id'),
      )
      .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('waived_on', 'text', (c) => c.notNull().check(calendarDate('waived_on')))
      .addColumn('created_at', 'text', (c) => c.notNull().check(instant('created_at')))
      .modifyEnd(sql`strict`),
    db.schema.createIndex('interest_waivers_by_claim').on('interest_waivers').column('claim_id'),
  ];
}
