/** Customers: created, changed and archived, each change one transaction with its event. */
import { sql, type Kysely, type Updateable } from 'kysely';
import type { CustomerPatch, NewCustomer } from '../../shared/api/customers';
import type { Clock } from '../../shared/dates';
import type {
  Balance,
  Customer,
  CustomerDetail,
  CustomerSummary,
  TimelineEntry,
} from '../../shared/ledger';
import {
  findCustomer,
  insertCustomer,
  listCustomers,
  updateCustomer,
} from '../db/customers.repository';
import { appendEvent } from '../db/events.repository';
import type { CustomersTable, DB } from '../db/schema';
import { minorFromSql } from '../db/sql-helpers';
import { matchesSearch } from '../../shared/search';
import { customerFromRow } from './ledger-mapping';
import { requireCustomer } from './lookups';
import type { InvoicesService } from './invoices.service';
import type { PaymentsService } from './payments.service';

export interface CustomersService {
  create(input: NewCustomer): Promise<Customer>;
  update(input: CustomerPatch): Promise<Customer>;
  get(id: number): Promise<CustomerDetail>;
  list(options: {
    search?: string | undefined;
    includeArchived?: boolean | undefined;
  }): Promise<CustomerSummary[]>;
  archive(id: number): Promise<Customer>;
  restore(id: number): Promise<Customer>;
  timeline(id: number, limit: number): Promise<TimelineEntry[]>;
  balances(customerIds?: readonly number[]): Promise<Map<number, Balance[]>>;
}

type CustomerColumns = Updateable<CustomersTable>;

function toColumns(input: Omit<CustomerPatch, 'id'>): CustomerColumns {
  const columns: CustomerColumns = {};
  if (input.name !== undefined) columns.name = input.name;
  if (input.company !== undefined) columns.company = input.company;
  if (input.kind !== undefined) columns.kind = input.kind;
  if (input.contactPerson !== undefined) columns.contact_person = input.contactPerson;
  if (input.email !== undefined) columns.email = input.email;
  if (input.ccEmails !== undefined) columns.cc_emails = JSON.stringify(input.ccEmails);
  if (input.phone !== undefined) columns.phone = input.phone;
  if (input.address !== undefined) columns.address = input.address;
  if (input.locale !== undefined) columns.locale = input.locale;
  if (input.timeZone !== undefined) columns.time_zone = input.timeZone;
  if (input.notes !== undefined) columns.notes = input.notes;
  if (input.tags !== undefined) columns.tags = JSON.stringify(input.tags);
  if (input.doNotContact !== undefined) {
    columns.do_not_contact = input.doNotContact ? 1 : 0;
    columns.do_not_contact_reason = input.doNotContact?.reason ?? '';
    columns.do_not_contact_until = input.doNotContact?.until ?? null;
  }
  if (input.creditHold !== undefined) {
    columns.credit_hold = input.creditHold ? 1 : 0;
    columns.credit_hold_reason = input.creditHold?.reason ?? '';
  }
  return columns;
}

const fieldLabels: Partial<Record<keyof Customer, string>> = {
  name: 'name',
  company: 'company',
  kind: 'kind',
  contactPerson: 'contact person',
  email: 'email',
  ccEmails: 'copy addresses',
  phone: 'phone',
  address: 'address',
  locale: 'language',
  timeZone: 'time zone',
  notes: 'notes',
  tags: 'tags',
};

/** The change in plain words: flags as sentences of their own, other fields listed. */
function describeChanges(
  changes: Record<string, { before: unknown; after: unknown }>,
  after: Customer,
) {
  const sentences: string[] = [];
  if ('doNotContact' in changes) {
    sentences.push(
      after.doNotContact
        ? `Marked do not contact: ${after.doNotContact.reason}${after.doNotContact.until ? ` (until ${after.doNotContact.until})` : ''}.`
        : 'Contact allowed again.',
    );
  }
  if ('creditHold' in changes) {
    sentences.push(
      after.creditHold ? `Credit put on hold: ${after.creditHold.reason}.` : 'Credit hold lifted.',
    );
  }
  const fields = Object.keys(changes)
    .map((key) => fieldLabels[key as keyof Customer])
    .filter((label): label is string => label !== undefined);
  if (fields.length > 0) {
    const list =
      fields.length === 1 ? fields[0]! : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)!}`;
    sentences.push(`Changed ${list}.`);
  }
  return sentences.join(' ');
}

function changesBetween(before: Customer, after: Customer) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Customer)[]) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { before: before[key], after: after[key] };
    }
  }
  return changes;
}

export function createCustomersService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  invoices: () => InvoicesService;
  payments: () => PaymentsService;
}): CustomersService {
  const { db, clock } = deps;

  const mustFind = (id: number, trxDb: Kysely<DB> = db) => requireCustomer(trxDb, id, 'id');

  async function balances(customerIds?: readonly number[]): Promise<Map<number, Balance[]>> {
    const ids = customerIds ? [...customerIds] : undefined;
    const open = await db
      .selectFrom('invoices')
      .select([
        'customer_id',
        'currency',
        sql<number>`sum(total_amount - settled_amount)`.as('open'),
      ])
      .where('voided_at', 'is', null)
      .where('is_draft', '=', 0)
      .where(sql<boolean>`settled_amount < total_amount`)
      .$if(ids !== undefined, (q) => q.where('customer_id', 'in', ids!))
      .groupBy(['customer_id', 'currency'])
      .execute();
    const credit = await db
      .selectFrom('payments as p')
      .select([
        'p.customer_id',
        'p.currency',
        sql<number>`sum(p.amount
          - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.payment_id = p.id), 0)
          - coalesce((SELECT sum(r.amount) FROM refunds r WHERE r.payment_id = p.id), 0))`.as(
          'unapplied',
        ),
      ])
      .$if(ids !== undefined, (q) => q.where('p.customer_id', 'in', ids!))
      .groupBy(['p.customer_id', 'p.currency'])
      .execute();
    const result = new Map<number, Map<string, Balance>>();
    const entry = (customerId: number, currency: string) => {
      let byCurrency = result.get(customerId);
      if (!byCurrency) result.set(customerId, (byCurrency = new Map()));
      let balance = byCurrency.get(currency);
      if (!balance) byCurrency.set(currency, (balance = { currency, open: 0, unappliedCredit: 0 }));
      return balance;
    };
    for (const row of open) entry(row.customer_id, row.currency).open = minorFromSql(row.open);
    for (const row of credit) {
      if (minorFromSql(row.unapplied) > 0)
        entry(row.customer_id, row.currency).unappliedCredit = minorFromSql(row.unapplied);
    }
    return new Map(
      [...result].map(([id, byCurrency]) => [
        id,
        [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
      ]),
    );
  }

  return {
    balances,

    async create(input) {
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await insertCustomer(trx, {
          name: input.name,
          kind: input.kind ?? 'company',
          ...toColumns(input),
          created_at: now,
          updated_at: now,
        });
        await appendEvent(trx, {
          occurredAt: clock.now(),
          kind: 'customer.created',
          summary: `${input.name} was added as a customer.`,
          details: { customer: input },
          customerId: newId,
        });
        return newId;
      });
      return customerFromRow(await mustFind(id));
    },

    async update(input) {
      const { id, ...patch } = input;
      await db.transaction().execute(async (trx) => {
        const before = customerFromRow(await mustFind(id, trx));
        const columns = toColumns(patch);
        if (Object.keys(columns).length === 0) return;
        await updateCustomer(trx, id, { ...columns, updated_at: clock.now().toISOString() });
        const after = customerFromRow((await findCustomer(trx, id))!);
        const changes = changesBetween(before, after);
        if (Object.keys(changes).length === 0) return;
        await appendEvent(trx, {
          occurredAt: clock.now(),
          kind: 'customer.updated',
          summary: describeChanges(changes, after),
          details: { changes },
          customerId: id,
        });
      });
      return customerFromRow(await mustFind(id));
    },

    async get(id) {
      const customer = customerFromRow(await mustFind(id));
      const [customerBalances, openInvoices, payments] = await Promise.all([
        balances([id]),
        deps
          .invoices()
          .list({ customerId: id, states: ['open', 'partially_paid'], limit: 1000, offset: 0 }),
        deps.payments().listFor(id),
      ]);
      return {
        customer,
        balances: customerBalances.get(id) ?? [],
        openInvoices: openInvoices.invoices,
        payments,
      };
    },

    async list(options) {
      const search = options.search ?? '';
      const rows = (await listCustomers(db, options)).filter((row) =>
        matchesSearch([row.name, row.company, row.email, row.contact_person], search),
      );
      const all = await balances();
      const withAgency = new Set(
        (
          await db
            .selectFrom('handoffs')
            .select('customer_id')
            .where('taken_back_at', 'is', null)
            .execute()
        ).map((row) => row.customer_id),
      );
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        company: row.company,
        kind: row.kind,
        email: row.email,
        archived: row.archived_at !== null,
        handedOver: withAgency.has(row.id),
        balances: all.get(row.id) ?? [],
      }));
    },

    async archive(id) {
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(id, trx);
        if (row.archived_at) return;
        const now = clock.now();
        await updateCustomer(trx, id, {
          archived_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'customer.archived',
          summary: `${row.name} was archived. Their history is kept.`,
          details: {},
          customerId: id,
        });
      });
      return customerFromRow(await mustFind(id));
    },

    async restore(id) {
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(id, trx);
        if (!row.archived_at) return;
        const now = clock.now();
        await updateCustomer(trx, id, { archived_at: null, updated_at: now.toISOString() });
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'customer.restored',
          summary: `${row.name} was restored from the archive.`,
          details: {},
          customerId: id,
        });
      });
      return customerFromRow(await mustFind(id));
    },

    async timeline(id, limit) {
      await mustFind(id);
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('customer_id', '=', id)
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at,
        kind: row.kind,
        summary: row.summary,
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
    },
  };
}
