/**
 * The transaction guard on a real SQLite file: `db` used inside its own transaction throws at
 * once instead of hanging, and the transaction rolls back; a second, independent call made
 * while a transaction is open still waits its turn and runs; work the transaction leaves
 * behind may use `db` once it has ended.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir';
import { closeConnection, openConnection } from './connection';
import { migrate } from './migrator';
import { migrations } from './migrations';
import { TransactionWaitsOnItself } from './transaction-guard';

const tempDir = useTempDirs();

async function ledger() {
  const connection = openConnection(join(await tempDir(), 'goodwill.db'));
  await migrate(connection.db, migrations, { now: () => new Date('2027-03-15T09:00:00Z') });
  const customers = () =>
    connection.sqlite.prepare('SELECT name FROM customers ORDER BY id').pluck().all();
  const insert = (name: string) => ({
    name,
    kind: 'company' as const,
    created_at: '2027-03-15T09:00:00.000Z',
    updated_at: '2027-03-15T09:00:00.000Z',
  });
  return { connection, db: connection.db, customers, insert };
}

describe('a query on db inside its own transaction', () => {
  it('throws at once, naming the fix, and the transaction writes nothing', async () => {
    const { connection, db, customers, insert } = await ledger();
    const attempt = db.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values(insert('Ana Pereira')).execute();
      // The mistake: db, not trx.
      await db.selectFrom('customers').select('id').execute();
    });
    await expect(attempt).rejects.toBeInstanceOf(TransactionWaitsOnItself);
    await expect(attempt).rejects.toThrow(/use the transaction \(`trx`\) instead/);
    expect(customers()).toEqual([]);
    // The connection is free again.
    await db.insertInto('customers').values(insert('Bob Okafor')).execute();
    expect(customers()).toEqual(['Bob Okafor']);
    await closeConnection(connection);
  });
});

describe('calls that are not inside the transaction', () => {
  it('wait their turn while it is open, then run', async () => {
    const { connection, db, customers, insert } = await ledger();
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values(insert('Ana Pereira')).execute();
      inside();
      await held;
    });
    await started;
    // Another request, from outside (here the very code that started the transaction and did
    // not wait for it): it waits for the connection rather than failing.
    const other = db.insertInto('customers').values(insert('Bob Okafor')).execute();
    letGo();
    await Promise.all([transaction, other]);
    expect(customers()).toEqual(['Ana Pereira', 'Bob Okafor']);
    await closeConnection(connection);
  });

  it('work started inside it may use db once it has ended', async () => {
    const { connection, db, customers, insert } = await ledger();
    let later!: Promise<unknown>;
    let ended!: () => void;
    const afterCommit = new Promise<void>((resolve) => (ended = resolve));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values(insert('Ana Pereira')).execute();
      // Left to run after the transaction, as a wake-up of the outbox would be.
      later = afterCommit.then(() =>
        db.insertInto('customers').values(insert('Bob Okafor')).execute(),
      );
    });
    ended();
    await later;
    expect(customers()).toEqual(['Ana Pereira', 'Bob Okafor']);
    await closeConnection(connection);
  });

  it('work the callback leaves running while it is open is refused; the transaction still commits', async () => {
    const { connection, db, customers, insert } = await ledger();
    let leftBehind!: Promise<unknown>;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values(insert('Ana Pereira')).execute();
      leftBehind = db.selectFrom('customers').select('id').execute();
      // Settled before the callback returns, so it cannot hang the transaction.
      await leftBehind.catch(() => undefined);
    });
    await expect(leftBehind).rejects.toBeInstanceOf(TransactionWaitsOnItself);
    expect(customers()).toEqual(['Ana Pereira']);
    await closeConnection(connection);
  });
});
