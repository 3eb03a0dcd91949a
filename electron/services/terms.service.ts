/**
 * Payment terms and late-payment terms: the business's default and a customer's own. Each
 * change is one transaction with its timeline event. Statutory interest is refused for a
 * consumer customer, with the field named and nothing written.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Clock } from '../../shared/dates';
import {
  isStatutory,
  lateTermNames,
  statutoryAllowedFor,
  type BusinessTerms,
  type CustomerTerms,
  type LateTerms,
  type PaymentTermsSetting,
} from '../../shared/interest/terms';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import {
  readBusinessTerms,
  readCustomerTerms,
  saveBusinessTerms,
  saveCustomerTerms,
} from '../db/terms.repository';
import { requireCustomer } from './lookups';

export interface TermsService {
  get(): Promise<BusinessTerms>;
  update(input: {
    payment?: PaymentTermsSetting | undefined;
    late?: LateTerms | undefined;
  }): Promise<BusinessTerms>;
  customer(customerId: number): Promise<CustomerTerms>;
  setCustomer(input: {
    customerId: number;
    payment?: PaymentTermsSetting | null | undefined;
    late?: LateTerms | null | undefined;
  }): Promise<CustomerTerms>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createTermsService(deps: { db: Kysely<DB>; clock: Clock }): TermsService {
  const { db, clock } = deps;

  async function customer(customerId: number): Promise<CustomerTerms> {
    const row = await requireCustomer(db, customerId);
    const [own, business] = await Promise.all([
      readCustomerTerms(db, customerId),
      readBusinessTerms(db),
    ]);
    return {
      customerId,
      kind: row.kind,
      own,
      effective: { payment: own.payment ?? business.payment, late: own.late ?? business.late },
    };
  }

  return {
    get: () => readBusinessTerms(db),

    async update(input) {
      await db.transaction().execute(async (trx) => {
        const before = await readBusinessTerms(trx);
        const after = { payment: input.payment ?? before.payment, late: input.late ?? before.late };
        if (same(before.payment, after.payment) && same(before.late, after.late)) return;
        const now = clock.now();
        await saveBusinessTerms(trx, after, now.toISOString());
        const parts: string[] = [];
        if (!same(before.payment, after.payment)) parts.push('payment terms');
        if (!same(before.late, after.late))
          parts.push(`late charges: ${lateTermNames[after.late.kind]}`);
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'terms.updated',
          summary: `Terms changed (${parts.join('; ')}).`,
          details: {
            before: { payment: before.payment, late: before.late },
            after,
          },
        });
      });
      return readBusinessTerms(db);
    },

    customer,

    async setCustomer(input) {
      await db.transaction().execute(async (trx) => {
        const row = await requireCustomer(trx, input.customerId);
        if (input.late && isStatutory(input.late) && !statutoryAllowedFor(row.kind)) {
          throw new AppError(
            'invalid_input',
            `${row.name} is a consumer: statutory late-payment interest is only for business customers.`,
            'late.kind',
          );
        }
        const before = await readCustomerTerms(trx, input.customerId);
        const after = {
          payment: input.payment === undefined ? before.payment : input.payment,
          late: input.late === undefined ? before.late : input.late,
        };
        if (same(before, after)) return;
        const now = clock.now();
        await saveCustomerTerms(trx, input.customerId, after, now.toISOString());
        const late = after.late ? lateTermNames[after.late.kind] : "the business's";
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'terms.customer_updated',
          summary: `Terms for ${row.name} changed: payment terms ${after.payment ? 'their own' : "the business's"}; late charges ${late}.`,
          details: { before, after },
          customerId: input.customerId,
        });
      });
      return customer(input.customerId);
    },
  };
}
