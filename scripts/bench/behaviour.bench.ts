/**
 * Payment behaviour and expected cash at the seeded scale: 5,000 customers, 300,000 invoices,
 * 200,000 payments (scripts/seed.ts, seed 42), measured in this process with the app's own
 * services on the seeded file.
 *
 * 1. customers.behaviours (every customer's figures) on a fresh service: the full pass over
 *    every paid invoice, against the floor: that pass's SQL alone, run with better-sqlite3 on
 *    a second connection in the same rounds.
 * 2. The same on a service that has read it once (what the Overdue screen meets after the
 *    first time), and after a payment is recorded (only that customer read again). Before
 *    timing, the kept and brought-up-to-date answer is checked equal to a fresh full read.
 * 3. cash.expected (the 13 weeks) on a service that has read the behaviour once, against the
 *    floor: its open-invoice query alone; and on fresh services, each checked equal to the
 *    kept answer.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import { paidInvoicesPacked } from '../../electron/db/behaviour.repository';
import { openInvoicesForCash } from '../../electron/db/cash.repository';
import type { DB } from '../../electron/db/schema';
import { createBehaviourService } from '../../electron/services/behaviour.service';
import { createCashService } from '../../electron/services/cash.service';
import { createPaymentsService } from '../../electron/services/payments.service';
import { seedLedger } from '../seed/seed-ledger';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize } from './stats';

const scale = { customers: 5000, invoices: 300_000, payments: 200_000 };
const seed = 42;
const today = '2027-03-15';

const coldRuns = 5;
const warmUps = 2;
const runs = 20;
const afterPaymentRuns = 10;

const behaviourTargetMs = 500;
const cashTargetMs = 300;

async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function openServices(file: string) {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const context = () => Promise.resolve({ today, locale: 'en-GB' });
  const fresh = () => {
    const behaviour = createBehaviourService({ db, sqlite, context });
    const cash = createCashService({ db, sqlite, context, behaviour: () => behaviour });
    return { behaviour, cash };
  };
  const clock = { now: () => new Date(`${today}T09:00:00Z`) };
  const payments = createPaymentsService({ db, clock, context });
  return { sqlite, db, fresh, payments };
}

export async function runBehaviourBench(): Promise<BenchResult> {
  const dataDir = await makeTempFolder('goodwill-bench-behaviour-');
  try {
    process.stderr.write(
      `  seeding ${scale.customers} customers, ${scale.invoices} invoices, ${scale.payments} payments ...\n`,
    );
    const seeded = await seedLedger({ ...scale, seed, today, dataDir, force: false });
    if (!existsSync(seeded.databaseFile)) throw new Error('The seeded ledger is missing.');
    const app = openServices(seeded.databaseFile);
    const floorDb = new Database(seeded.databaseFile, { readonly: true, fileMustExist: true });
    const floorKysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: floorDb }) });
    try {
      // 1. Fresh services: the full pass, each round against its SQL alone.
      process.stderr.write('  customers.behaviours on fresh services, against the floor ...\n');
      const cold: number[] = [];
      const floor: number[] = [];
      let paidRows = 0;
      let customers = 0;
      for (let run = 0; run < coldRuns + 1; run++) {
        const service = app.fresh().behaviour;
        const list = await timeAsync(() => service.list());
        const sql = await timeAsync(() => paidInvoicesPacked(floorKysely, floorDb, null));
        // One row per customer, each with its invoices joined: count the invoices.
        paidRows = sql.value.reduce((count, row) => count + row[1].split(',').length, 0);
        customers = list.value.rows.customerId.length;
        if (run === 0) continue;
        cold.push(list.ms);
        floor.push(sql.ms);
      }

      // 2. Kept: no change, then one payment recorded before each call.
      process.stderr.write('  customers.behaviours kept, and after a payment ...\n');
      const services = app.fresh();
      await services.behaviour.list();
      const warm: number[] = [];
      for (let run = 0; run < warmUps + runs; run++) {
        const list = await timeAsync(() => services.behaviour.list());
        if (run >= warmUps) warm.push(list.ms);
      }
      const open = await openInvoicesForCash(app.db, app.sqlite);
      const afterPayment: number[] = [];
      for (let run = 0; run < afterPaymentRuns; run++) {
        const invoice = open[run * 97]!;
        await app.payments.record({
          customerId: invoice.customerId,
          date: today,
          amount: 1,
          currency: invoice.currency,
          allocations: [{ invoiceId: invoice.id, amount: 1 }],
        });
        const list = await timeAsync(() => services.behaviour.list());
        afterPayment.push(list.ms);
      }
      const kept = await services.behaviour.list();
      const full = await app.fresh().behaviour.list();
      if (!isDeepStrictEqual(kept, full)) {
        throw new Error('The kept behaviour figures differ from a fresh read of the ledger.');
      }

      // 3. Expected cash: kept behaviour, against its open-invoice query; then fresh.
      process.stderr.write('  cash.expected ...\n');
      const cash: number[] = [];
      const cashFloor: number[] = [];
      let openRows = 0;
      for (let run = 0; run < warmUps + runs; run++) {
        const call = await timeAsync(() => services.cash.expected());
        const sql = await timeAsync(() => openInvoicesForCash(floorKysely, floorDb));
        openRows = sql.value.length;
        if (run < warmUps) continue;
        cash.push(call.ms);
        cashFloor.push(sql.ms);
      }
      const cashCold: number[] = [];
      const keptCash = await services.cash.expected();
      for (let run = 0; run < coldRuns; run++) {
        const fresh = app.fresh();
        const call = await timeAsync(() => fresh.cash.expected());
        if (!isDeepStrictEqual(call.value, keptCash)) {
          throw new Error('Expected cash on a fresh service differs from the kept answer.');
        }
        cashCold.push(call.ms);
      }
      const rowsCall = await timeAsync(() =>
        services.cash.expectedRows({ currency: 'GBP', bar: 0 }),
      );

      const coldSummary = summarize(cold);
      const floorSummary = summarize(floor);
      const warmSummary = summarize(warm);
      const cashSummary = summarize(cash);
      const cashFloorSummary = summarize(cashFloor);
      const rows: Row[] = [
        {
          label: `behaviour of all ${customers.toLocaleString('en-GB')} customers, kept`,
          unit: 'ms',
          summary: warmSummary,
          target: { figure: 'median', below: behaviourTargetMs },
        },
        {
          label: '  after one payment (that customer read again)',
          unit: 'ms',
          summary: summarize(afterPayment),
          target: { figure: 'median', below: behaviourTargetMs },
        },
        {
          label: '  first read: a fresh service',
          unit: 'ms',
          summary: coldSummary,
          target: { figure: 'median', below: behaviourTargetMs },
        },
        {
          label: `  floor: the paid-invoice pass alone (${paidRows.toLocaleString('en-GB')} invoices)`,
          unit: 'ms',
          summary: floorSummary,
        },
        {
          label: '  ratio first read / floor (medians)',
          unit: '×',
          value: coldSummary.median / floorSummary.median,
        },
        {
          label: 'cash.expected, 13 weeks, behaviour kept',
          unit: 'ms',
          summary: cashSummary,
          target: { figure: 'median', below: cashTargetMs },
        },
        {
          label: `  floor: the open-invoice query alone (${openRows.toLocaleString('en-GB')} rows)`,
          unit: 'ms',
          summary: cashFloorSummary,
        },
        {
          label: '  ratio cash.expected / floor (medians)',
          unit: '×',
          value: cashSummary.median / cashFloorSummary.median,
        },
        {
          label: '  on a fresh service (usual days late read first)',
          unit: 'ms',
          summary: summarize(cashCold),
          target: { figure: 'median', below: cashTargetMs },
        },
        { label: '  cash.expectedRows, week 1 (one call)', unit: 'ms', value: rowsCall.ms },
      ];
      return {
        name: 'behaviour',
        title: `Behaviour and expected cash at ${scale.customers.toLocaleString('en-GB')} customers, ${scale.invoices.toLocaleString('en-GB')} invoices, ${scale.payments.toLocaleString('en-GB')} payments`,
        notes: [
          `Ledger: scripts/seed.ts --customers ${scale.customers} --invoices ${scale.invoices} --payments ${scale.payments} --seed ${seed} --today ${today}; ${paidRows.toLocaleString('en-GB')} invoices paid in full (some since written off in part, left out of the figures).`,
          `In this process, the app's services on the seeded file (better-sqlite3 + Kysely, WAL), today pinned to ${today}. Kept: ${warmUps} warm-ups then ${runs} calls; after a payment: ${afterPaymentRuns} rounds of payments.record (1 minor unit on an open invoice) then one call, timed; first read: ${coldRuns} fresh services (one untimed before), each round also running the floor query on a read-only connection.`,
          'The kept and brought-up-to-date answer is checked equal to a fresh full read before the cash rounds.',
        ],
        rows,
        details: {
          targets: { behaviourMs: behaviourTargetMs, cashMs: cashTargetMs },
          seed: { ...scale, seed, today, ...seeded },
          samples: {
            cold: cold.map((ms) => round(ms)),
            floor: floor.map((ms) => round(ms)),
            warm: warm.map((ms) => round(ms)),
            afterPayment: afterPayment.map((ms) => round(ms)),
            cash: cash.map((ms) => round(ms)),
            cashFloor: cashFloor.map((ms) => round(ms)),
            cashCold: cashCold.map((ms) => round(ms)),
          },
        },
      };
    } finally {
      await floorKysely.destroy();
      await app.db.destroy();
    }
  } finally {
    await removeTempFolder(dataDir);
  }
}
