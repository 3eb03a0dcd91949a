/**
 * A per-customer answer read from the whole ledger, kept with the newest timeline event it has
 * seen. Every change to the ledger appends an event naming its customer in the same
 * transaction, so on the next call only the customers named since are read again, and a
 * business-wide event (no customer) or a long list reads all again.
 */
import type { Kysely } from 'kysely';
import { customersChangedSince, latestEventId } from '../db/behaviour.repository';
import type { DB } from '../db/schema';

/** Beyond this many customers changed since the last read, reading all again is quicker. */
const rereadAllAbove = 200;

/**
 * `read` puts into `into` the answer for each customer named (every customer when null);
 * a customer it leaves out has none. The map handed back is never changed afterwards.
 */
export function keptPerCustomer<T>(
  db: Kysely<DB>,
  read: (customerIds: readonly number[] | null, into: Map<number, T>) => Promise<void>,
): () => Promise<ReadonlyMap<number, T>> {
  let kept: { eventId: number; byCustomer: Map<number, T> } | null = null;
  return async () => {
    const eventId = await latestEventId(db);
    if (kept && kept.eventId === eventId) return kept.byCustomer;
    const changed = kept ? await customersChangedSince(db, kept.eventId) : null;
    let byCustomer: Map<number, T>;
    if (kept && changed && !changed.includes(null) && changed.length <= rereadAllAbove) {
      const ids = changed as number[];
      // A copy: a caller may still hold the map handed back before.
      byCustomer = new Map(kept.byCustomer);
      for (const id of ids) byCustomer.delete(id);
      await read(ids, byCustomer);
    } else {
      byCustomer = new Map();
      await read(null, byCustomer);
    }
    kept = { eventId, byCustomer };
    return byCustomer;
  };
}
