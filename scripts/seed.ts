/**
 * `npm run seed -- --customers 5000 --invoices 300000 --payments 200000 --data-dir DIR`:
 * a new data folder with a realistic sample ledger, the same for the same options.
 * See scripts/seed/generate.ts for how the ledger behaves, `--help` for the options.
 */
import { parseSeedArgs, SeedArgsError, seedUsage } from './seed/args';
import { describeSeedReport, seedLedger } from './seed/seed-ledger';

async function main() {
  const args = parseSeedArgs(process.argv.slice(2));
  if (!args) {
    console.log(seedUsage);
    return;
  }
  const report = await seedLedger(args);
  console.log(describeSeedReport(args, report));
}

main().catch((error: unknown) => {
  if (error instanceof SeedArgsError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
