/** Payment and late-payment terms: the business's row and customers' own. */
import type { Kysely, Transaction } from 'kysely';
import {
  defaultPaymentTerms,
  lateTermsOff,
  type LateTerms,
  type PaymentTermsSetting,
} from '../../shared/interest/terms';
import type { DB } from './schema';

export interface StoredBusinessTerms {
  payment: PaymentTermsSetting;
  late: LateTerms;
  updatedAt: string | null;
}

export async function readBusinessTerms(db: Kysely<DB>): Promise<StoredBusinessTerms> {
  const row = await db.selectFrom('business_terms').selectAll().executeTakeFirst();
  if (!row) return { payment: defaultPaymentTerms, late: lateTermsOff, updatedAt: null };
  return {
    payment: JSON.parse(row.payment_terms) as PaymentTermsSetting,
    late: JSON.parse(row.late_terms) as LateTerms,
    updatedAt: row.updated_at,
  };
}

export async function saveBusinessTerms(
  trx: Transaction<DB>,
  terms: { payment: PaymentTermsSetting; late: LateTerms },
  at: string,
) {
  const values = {
    payment_terms: JSON.stringify(terms.payment),
    late_terms: JSON.stringify(terms.late),
    updated_at: at,
  };
  await trx
    .insertInto('business_terms')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export interface StoredCustomerTerms {
  payment: PaymentTermsSetting | null;
  late: LateTerms | null;
}

export async function readCustomerTerms(
  db: Kysely<DB>,
  customerId: number,
): Promise<StoredCustomerTerms> {
  const row = await db
    .selectFrom('customer_terms')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return {
    payment: row?.payment_terms ? (JSON.parse(row.payment_terms) as PaymentTermsSetting) : null,
    late: row?.late_terms ? (JSON.parse(row.late_terms) as LateTerms) : null,
  };
}

export async function saveCustomerTerms(
  trx: Transaction<DB>,
  customerId: number,
  terms: StoredCustomerTerms,
  at: string,
) {
  const values = {
    payment_terms: terms.payment ? JSON.stringify(terms.payment) : null,
    late_terms: terms.late ? JSON.stringify(terms.late) : null,
    updated_at: at,
  };
  await trx
    .insertInto('customer_terms')
    .values({ customer_id: customerId, ...values })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet(values))
    .execute();
}

/** The late-payment terms that apply to a customer: their own, else the business's. */
export async function effectiveLateTerms(db: Kysely<DB>, customerId: number): Promise<LateTerms> {
  const own = await readCustomerTerms(db, customerId);
  return own.late ?? (await readBusinessTerms(db)).late;
}

/** The payment terms for a customer's new invoices: their own, else the business's. */
export async function effectivePaymentTerms(
  db: Kysely<DB>,
  customerId: number,
): Promise<PaymentTermsSetting> {
  const own = await readCustomerTerms(db, customerId);
  return own.payment ?? (await readBusinessTerms(db)).payment;
}
