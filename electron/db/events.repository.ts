import type { Transaction } from 'kysely';
import type { DB } from './schema';

export interface NewEventInput {
  occurredAt: Date;
  kind: string;
  summary: string;
  details: Record<string, unknown>;
  /** Puts the event on this customer's timeline. */
  customerId?: number;
}

/** Appends to the timeline; only inside the transaction that makes the change it records. */
export async function appendEvent(trx: Transaction<DB>, event: NewEventInput): Promise<void> {
  await trx
    .insertInto('events')
    .values({
      occurred_at: event.occurredAt.toISOString(),
      kind: event.kind,
      summary: event.summary,
      details: JSON.stringify(event.details),
      customer_id: event.customerId ?? null,
    })
    .execute();
}
