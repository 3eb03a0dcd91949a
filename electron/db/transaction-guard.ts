/**
 * A query on `db` from inside `db.transaction().execute(trx => ...)` waits for the one
 * connection the transaction holds, which is only let go when the callback ends: the call
 * waits on itself for ever, and the app hangs with no error (reading settings that way did
 * it once). Here that mistake throws at once, naming the fix.
 *
 * It knows the difference from a second, independent call waiting its turn (which is right,
 * and must still wait) by the async context: the transaction's callback runs inside a mark
 * (`AsyncLocalStorage.run`, so the mark reaches the callback and what it starts, nothing
 * else), and only calls made under the mark, while the transaction is open, are refused.
 * Work the callback starts and leaves to run later is refused too while the transaction is
 * open (it would have waited for the commit, reading what the callback could not yet see);
 * once the transaction has ended it runs as usual.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type Transaction,
  type TransactionBuilder,
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

/** Kysely's driver, refusing a connection to a call made under an open transaction's mark. */
class GuardedDriver implements Driver {
  readonly #inner: Driver;

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
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
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
}

/** Kysely's SQLite dialect, with the guard above around its driver. */
export class GuardedSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new GuardedDriver(super.createDriver());
  }
}

/** Kysely whose transactions run their callback under the mark the driver looks for. */
export class GuardedKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    const builder = super.transaction();
    const execute = <T>(callback: (trx: Transaction<DB>) => Promise<T>): Promise<T> => {
      const transaction: OpenTransaction = { open: true };
      return builder
        .execute((trx) => transactionOfContext.run(transaction, () => callback(trx)))
        .finally(() => {
          transaction.open = false;
        });
    };
    // Only `execute` changes; the rest (isolation level, access mode) is the builder's own.
    return new Proxy(builder, {
      get(target, key) {
        if (key === 'execute') return execute;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}
