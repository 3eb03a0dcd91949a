/**
 * `npm run bench`: builds, then runs every benchmark, prints a table per benchmark and a
 * summary, and writes each benchmark's figures to dist/bench/<name>.json.
 * Run `npx tsx scripts/bench/index.ts` to skip the build when dist/ is current, and name
 * benchmarks to run only those: `npx tsx scripts/bench/index.ts aging`.
 * A missed target is reported, not fatal: figures vary with the machine. An error is fatal.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAgingBench } from './aging.bench';
import { runBehaviourBench } from './behaviour.bench';
import { runExportsBench } from './exports.bench';
import { runHeadlessBench } from './headless.bench';
import { runImportBench } from './import.bench';
import { runLettersBench } from './letters.bench';
import { runOutboxBench } from './outbox.bench';
import { runPlansBench } from './plans.bench';
import { cleanUp } from './processes';
import { runRemindersBench } from './reminders.bench';
import { runToneBench } from './tone.bench';
import { formatTable, verdictOf, type BenchResult } from './report';

const benches: { name: string; run: () => Promise<BenchResult> }[] = [
  { name: 'headless', run: runHeadlessBench },
  { name: 'aging', run: runAgingBench },
  { name: 'behaviour', run: runBehaviourBench },
  { name: 'reminders', run: runRemindersBench },
  { name: 'letters', run: runLettersBench },
  { name: 'tone', run: runToneBench },
  { name: 'outbox', run: runOutboxBench },
  { name: 'plans', run: runPlansBench },
  { name: 'import', run: runImportBench },
  { name: 'exports', run: runExportsBench },
];

const outDir = fileURLToPath(new URL('../../dist/bench/', import.meta.url));

function gitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim();
    return `${commit.trim()}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

function environment() {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    commit: gitDescription(),
    at: new Date().toISOString(),
  };
}

/** The benchmarks named on the command line, or all of them. */
function chosenBenches(names: readonly string[]) {
  const unknown = names.filter((name) => !benches.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `No benchmark called ${unknown.join(', ')}; there are: ${benches.map((b) => b.name).join(', ')}.`,
    );
  }
  return names.length === 0 ? benches : benches.filter((bench) => names.includes(bench.name));
}

async function main() {
  const chosen = chosenBenches(process.argv.slice(2));
  const env = environment();
  console.log(`Goodwill benchmarks: node ${env.node}, ${env.platform}, ${env.cpu}`);
  console.log(`commit ${env.commit}, ${env.at}\n`);
  await mkdir(outDir, { recursive: true });

  let passed = 0;
  let missed = 0;
  const summary: string[] = [];
  for (const bench of chosen) {
    console.log(`Running ${bench.name} ...`);
    const started = performance.now();
    const result = await bench.run();
    const seconds = (performance.now() - started) / 1000;
    const file = `${outDir}${result.name}.json`;
    await writeFile(file, `${JSON.stringify({ environment: env, ...result }, null, 2)}\n`);

    const verdicts = result.rows.map(verdictOf).filter((verdict) => verdict !== undefined);
    const benchPassed = verdicts.filter((verdict) => verdict === 'PASS').length;
    passed += benchPassed;
    missed += verdicts.length - benchPassed;
    console.log(`\n${result.title}\n`);
    console.log(formatTable(result.rows));
    console.log('');
    for (const note of result.notes) console.log(`- ${note}`);
    console.log(`\nWritten to ${relative(process.cwd(), file)} (${seconds.toFixed(1)} s)\n`);
    summary.push(`${result.name}: ${benchPassed}/${verdicts.length} targets met`);
  }
  console.log(`Summary: ${summary.join('; ')}. ${passed} PASS, ${missed} MISS.`);
}

// Ctrl+C or a kill: stop the children and remove the temporary folders before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
