/** The command line of `npm run seed`, checked with messages that say what to type instead. */
import { parseArgs } from 'node:util';
import { isCalendarDate, type CalendarDate } from '../../shared/dates';

export const defaultSeed = 42;
/** The day the e2e tests and benchmarks pin with GOODWILL_NOW, so a seeded ledger and the app
 *  agree on "today" there; any other day can be given with --today. */
export const defaultToday = '2027-03-15';

export const seedUsage = `Usage: npm run seed -- --customers N --invoices N --payments N --data-dir DIR [options]

Fills a new Goodwill data folder with a realistic sample ledger. The same options always
make the same ledger.

  --customers N     how many customers (1 to 1,000,000)
  --invoices N      how many invoices over about 4.5 years (0 to 10,000,000)
  --payments N      how many payments (0 to 10,000,000)
  --data-dir DIR    the data folder to create the ledger in (goodwill.db)
  --seed N          the random seed, a whole number (default ${defaultSeed})
  --today DATE      the business's "today", YYYY-MM-DD; nothing is dated after it
                    (default ${defaultToday}: open the app with
                    GOODWILL_NOW=${defaultToday}T09:00:00Z to see it as of that day)
  --force           replace a ledger already in the data folder
  --help            show this

Example: npm run seed -- --customers 5000 --invoices 300000 --payments 200000 --data-dir /tmp/gw`;

export class SeedArgsError extends Error {
  override name = 'SeedArgsError';
}

export interface SeedArgs {
  customers: number;
  invoices: number;
  payments: number;
  dataDir: string;
  seed: number;
  today: CalendarDate;
  force: boolean;
}

function wholeNumber(
  flag: string,
  text: string | undefined,
  range: { min: number; max: number },
  example: string,
): number {
  if (text === undefined) {
    throw new SeedArgsError(
      `--${flag} is missing: give a whole number, e.g. --${flag} ${example}.`,
    );
  }
  // Digits only (underscores allowed as separators): no signs, decimals or exponents.
  if (!/^\d[\d_]*$/.test(text)) {
    throw new SeedArgsError(`--${flag} must be a whole number, e.g. ${example} (got "${text}").`);
  }
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new SeedArgsError(
      `--${flag} must be from ${range.min.toLocaleString('en-GB')} to ${range.max.toLocaleString('en-GB')} (got ${text}).`,
    );
  }
  return value;
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        customers: { type: 'string' },
        invoices: { type: 'string' },
        payments: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // node:util's own messages name the option; ours add where to look.
    const why = error instanceof Error ? error.message : String(error);
    throw new SeedArgsError(`${why}\nRun \`npm run seed -- --help\` for the options.`);
  }
}

/** Parses the arguments after `npm run seed --`; `null` means help was asked for. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs | null {
  const values = parseFlags(argv);
  if (values.help) return null;

  const customers = wholeNumber('customers', values.customers, { min: 1, max: 1_000_000 }, '5000');
  const invoices = wholeNumber('invoices', values.invoices, { min: 0, max: 10_000_000 }, '300000');
  const payments = wholeNumber('payments', values.payments, { min: 0, max: 10_000_000 }, '200000');
  if (payments > 0 && invoices === 0) {
    throw new SeedArgsError('--payments needs invoices to pay: give --invoices more than 0.');
  }
  const dataDir = values['data-dir']?.trim();
  if (!dataDir) {
    throw new SeedArgsError('--data-dir is missing: say which folder to create the ledger in.');
  }
  const seed =
    values.seed === undefined
      ? defaultSeed
      : wholeNumber('seed', values.seed, { min: 0, max: 2 ** 32 - 1 }, '42');
  const today = values.today ?? defaultToday;
  if (!isCalendarDate(today) || today < '1990-01-01' || today > '2199-12-31') {
    throw new SeedArgsError(
      `--today must be a real date written YYYY-MM-DD between 1990 and 2199, e.g. ${defaultToday} (got "${today}").`,
    );
  }
  return { customers, invoices, payments, dataDir, seed, today, force: values.force ?? false };
}
