import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fromColumns } from '../shared/columns';
import { newInvoiceSchema } from '../shared/api/invoices';
import { createApp } from '../electron/app';
import { fixedClock } from '../electron/clock';
import { createMemoryLogger } from '../electron/logger';
import { useTempDirs } from '../electron/testing/temp-dir';
import { defaultToday, parseSeedArgs, SeedArgsError, type SeedArgs } from './seed/args';
import { seedLedger } from './seed/seed-ledger';

const tempDir = useTempDirs();
const small = { customers: 50, invoices: 500, payments: 300, seed: 42, today: defaultToday };

async function seedSmall(overrides: Partial<SeedArgs> = {}) {
  const args: SeedArgs = { ...small, dataDir: await tempDir(), force: false, ...overrides };
  const report = await seedLedger(args);
  return { args, report };
}

/** Every row of every table, in key order, hashed. */
function fingerprint(file: string): string {
  const sqlite = new Database(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash
        .update(table)
        .update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()));
    }
    return hash.digest('hex');
  } finally {
    sqlite.close();
  }
}

function queryAll<T>(file: string, sql: string): T[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare(sql).all() as T[];
  } finally {
    sqlite.close();
  }
}

const count = (file: string, sql: string) =>
  queryAll<{ n: number }>(file, `SELECT count(*) AS n FROM (${sql})`)[0]!.n;

describe('the sample ledger', () => {
  it('is the same for the same options, and another for another seed', async () => {
    const first = await seedSmall();
    const second = await seedSmall();
    const other = await seedSmall({ seed: 7 });
    expect(first.report.counts).toEqual(second.report.counts);
    expect(fingerprint(first.report.databaseFile)).toBe(fingerprint(second.report.databaseFile));
    expect(fingerprint(other.report.databaseFile)).not.toBe(fingerprint(first.report.databaseFile));
  });

  it('has the size asked for and a bit of everything', async () => {
    const { report } = await seedSmall();
    expect(report.counts).toMatchObject({ customers: 50, invoices: 500, payments: 300 });
    // Enough of each kind for the checks below to mean something.
    for (const table of ['allocations', 'credit_notes', 'write_offs', 'refunds'] as const) {
      expect(report.counts[table], table).toBeGreaterThan(0);
    }
    expect(report.counts.invoice_lines).toBeGreaterThanOrEqual(500);
    expect(report.openInvoices).toBeGreaterThan(0);
    expect(report.openInvoices).toBeLessThan(500);
    const file = report.databaseFile;
    expect(count(file, "SELECT DISTINCT currency FROM invoices WHERE currency = 'GBP'")).toBe(1);
    expect(count(file, 'SELECT DISTINCT kind FROM customers')).toBeGreaterThan(1);
    expect(count(file, "SELECT 1 FROM invoices WHERE issue_date > '2027-03-15'")).toBe(0);
    expect(count(file, "SELECT 1 FROM payments WHERE date > '2027-03-15'")).toBe(0);
    // Some overpayments stay as credit on the account.
    expect(
      count(
        file,
        `SELECT p.id FROM payments p
         WHERE p.amount > coalesce((SELECT sum(amount) FROM allocations WHERE payment_id = p.id), 0)
             + coalesce((SELECT sum(amount) FROM refunds WHERE payment_id = p.id), 0)`,
      ),
    ).toBeGreaterThan(0);
  });

  it('keeps settled_amount equal to allocations, credit notes and write-offs', async () => {
    const { report } = await seedSmall();
    const file = report.databaseFile;
    expect(
      count(
        file,
        `SELECT i.id FROM invoices i
         WHERE i.settled_amount <>
             coalesce((SELECT sum(amount) FROM allocations WHERE invoice_id = i.id), 0)
           + coalesce((SELECT sum(amount) FROM credit_notes WHERE invoice_id = i.id), 0)
           + coalesce((SELECT sum(amount) FROM write_offs WHERE invoice_id = i.id), 0)`,
      ),
    ).toBe(0);
    // And the totals are the lines' exact sums.
    expect(
      count(
        file,
        `SELECT i.id FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
         GROUP BY i.id HAVING sum(l.net_amount) <> i.net_amount OR sum(l.tax_amount) <> i.tax_amount`,
      ),
    ).toBe(0);
  });

  it('never allocates or refunds more than a payment, nor across customers or currencies', async () => {
    const { report } = await seedSmall();
    const file = report.databaseFile;
    expect(
      count(
        file,
        `SELECT p.id FROM payments p
         WHERE coalesce((SELECT sum(amount) FROM allocations WHERE payment_id = p.id), 0)
             + coalesce((SELECT sum(amount) FROM refunds WHERE payment_id = p.id), 0) > p.amount`,
      ),
    ).toBe(0);
    expect(
      count(
        file,
        `SELECT a.id FROM allocations a
         JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
         WHERE p.customer_id <> i.customer_id OR p.currency <> i.currency
            OR i.issue_date > p.date OR i.is_draft = 1 OR i.voided_at IS NOT NULL`,
      ),
    ).toBe(0);
  });

  it('opens in the app, onboarded, with aging equal to the open amounts in SQL', async () => {
    const { args, report } = await seedSmall();
    const app = await createApp({
      dataDir: args.dataDir,
      clock: fixedClock(new Date(`${args.today}T09:00:00Z`)),
      mode: 'headless',
      log: createMemoryLogger(),
    });
    try {
      const settings = await app.services.settings.get();
      expect(settings).toMatchObject({
        onboardingComplete: true,
        currency: 'GBP',
        locale: 'en-GB',
      });
      const aging = await app.services.ledger.aging({});
      expect(aging.asOf).toBe(args.today);

      const expected = queryAll<{ customer_id: number; currency: string; open: number }>(
        report.databaseFile,
        `SELECT customer_id, currency, sum(total_amount - settled_amount) AS open FROM invoices
         WHERE settled_amount < total_amount AND voided_at IS NULL AND is_draft = 0
         GROUP BY customer_id, currency ORDER BY customer_id, currency`,
      );
      const fromApp = fromColumns(aging.rows)
        .map((row) => ({ customer_id: row.customerId, currency: row.currency, open: row.total }))
        .sort((a, b) => a.customer_id - b.customer_id || a.currency.localeCompare(b.currency));
      expect(fromApp).toEqual(expected);

      const perCurrency = new Map<string, number>();
      for (const row of expected) {
        perCurrency.set(row.currency, (perCurrency.get(row.currency) ?? 0) + row.open);
      }
      expect(Object.fromEntries(aging.totals.map((t) => [t.currency, t.total]))).toEqual(
        Object.fromEntries(perCurrency),
      );

      // The app carries on where the ledger ends: its next invoice number follows on.
      const next = await app.services.invoices.create(
        newInvoiceSchema.parse({
          customerId: 1,
          issueDate: args.today,
          dueDate: '2027-04-14',
          currency: 'GBP',
          lines: [{ description: 'Tap washer', quantity: '1', unitPrice: 250 }],
        }),
      );
      expect(next.number).toBe('INV-0501');
    } finally {
      await app.close();
    }
  });

  it('refuses to replace a ledger unless forced', async () => {
    const { args, report } = await seedSmall({ invoices: 20, payments: 5 });
    await expect(seedLedger(args)).rejects.toThrow(SeedArgsError);
    await expect(seedLedger(args)).rejects.toThrow(/already exists.*--force/);
    const replaced = await seedLedger({ ...args, force: true });
    expect(fingerprint(replaced.databaseFile)).toBe(fingerprint(report.databaseFile));
  });
});

describe('the seed command line', () => {
  const base = ['--customers', '5', '--invoices', '20', '--payments', '10', '--data-dir', 'x'];

  it('reads the options, with defaults for the seed and the day', () => {
    expect(parseSeedArgs(base)).toEqual({
      customers: 5,
      invoices: 20,
      payments: 10,
      dataDir: 'x',
      seed: 42,
      today: defaultToday,
      force: false,
    });
    expect(parseSeedArgs([...base, '--seed=7', '--today', '2026-02-28', '--force'])).toMatchObject({
      seed: 7,
      today: '2026-02-28',
      force: true,
    });
    expect(parseSeedArgs(['--help'])).toBeNull();
  });

  it.each([
    [['--invoices', '1', '--payments', '0', '--data-dir', 'x'], /--customers is missing/],
    [['--customers', '-5', '--invoices', '1', '--payments', '0', '--data-dir', 'x'], /--customers/],
    [[...base.slice(0, 2), '--invoices', '1.5', ...base.slice(4)], /whole number.*"1\.5"/],
    [[...base.slice(0, 2), '--invoices', '0', ...base.slice(4)], /--payments needs invoices/],
    [['--customers', '0', ...base.slice(2)], /from 1 to 1,000,000/],
    [base.slice(0, 6), /--data-dir is missing/],
    [[...base, '--today', '2027-02-30'], /--today must be a real date/],
    [[...base, '--colour', 'red'], /Unknown option '--colour'/],
    [[...base, 'stray'], /stray/],
  ])('explains a bad command line: %j', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(SeedArgsError);
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });

  it('puts the ledger in the named folder', async () => {
    const dataDir = await tempDir();
    const args = parseSeedArgs([...base.slice(0, 6), '--data-dir', dataDir])!;
    const report = await seedLedger(args);
    expect(report.databaseFile).toBe(join(dataDir, 'goodwill.db'));
  });
});
