/**
 * A query on `db` from inside `db.transaction().execute(trx => ...)` waits for the one
 * connection the transaction holds, which is only let go when the callback ends: the call
 * waits on itself for ever, and the app hangs with no error (reading settings that way did
 * it once). This driver makes that mistake throw at once, naming the fix.
 *
 * It knows the difference from a second, independent call waiting its turn (which is right,
 * and must still wait) by the async context: the transaction marks the context its callback
 * runs in, and only calls made from that context are refused, and only while it is open.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';

interface OpenTransaction {
  open: boolean;
}

const transactionOfContext = new AsyncLocalStorage<OpenTransaction>();

export class TransactionWaitsOnItself extends Error {
  constructor() {
    super(
      'A query on `db` was made inside a transaction, where it would wait for ever for the ' +
        'connection the transaction holds: use the transaction (`trx`) instead, or read what ' +
        'you need (settings, say) before the transaction starts.',
    );
    this.name = 'TransactionWaitsOnItself';
  }
}

class GuardedDriver implements Driver {
  readonly #inner: Driver;
  readonly #transactions = new WeakMap<DatabaseConnection, OpenTransaction>();

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    if (transactionOfContext.getStore()?.open) {
      return Promise.reject(new TransactionWaitsOnItself());
    }
    return this.#inner.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const transaction = { open: true };
    this.#transactions.set(connection, transaction);
    // Called (and awaited) by Kysely just before it runs the callback: marking the context
    // here marks what the callback runs in. Work the callback leaves behind sees `open`
    // turn false when the transaction ends, and is free again then.
    transactionOfContext.enterWith(transaction);
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.#end(connection);
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#end(connection);
    return this.#inner.rollbackTransaction(connection);
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#inner.savepoint!(connection, name, compile);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#inner.rollbackToSavepoint!(connection, name, compile);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#inner.releaseSavepoint!(connection, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }

  #end(connection: DatabaseConnection): void {
    const transaction = this.#transactions.get(connection);
    if (transaction) transaction.open = false;
    this.#transactions.delete(connection);
  }
}

/** Kysely's SQLite dialect, with the guard above around its driver. */
export class GuardedSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new GuardedDriver(super.createDriver());
  }
}
