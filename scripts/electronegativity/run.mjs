#!/usr/bin/env node
/**
 * Electronegativity security scan of the Electron main-process code (electron/), with an
 * allow-list. `node scripts/electronegativity/run.mjs` (or `npm run security:electron`).
 *
 * Exit codes: 0 = no finding of MEDIUM or HIGH severity outside the allow-list;
 *             1 = at least one such finding (each is named);
 *             2 = the scan itself could not be trusted (install failed, the tool threw, a file
 *                 could not be parsed, nothing was parsed, a bad allow-list...).
 *
 * How and why:
 * - The tool (@doyensec/electronegativity, pinned in ./package.json, locked in
 *   ./package-lock.json) lives in this folder with its own node_modules, because its
 *   dependencies clash with the root's TypeScript. If that node_modules is missing, or holds
 *   another version than the pin, `npm ci` is run here first so a clean clone works. Its only
 *   dependency with an install script is es5-ext (a postinstall that prints a message in some
 *   time zones and does nothing else); it is denied in allowScripts, and --ignore-scripts keeps
 *   older npm versions from running it too. Nothing in the tree needs an install script.
 * - We scan the TypeScript SOURCE, not a transpiled copy (so findings point at our real lines):
 *   the tool parses .ts with @babel/parser 7.29 and its typescript plugin, which reads all of
 *   electron/ and newer syntax too (`satisfies`, `override`, `const` type parameters, `using`,
 *   import attributes); `accessor` fields also need the babel plugin decoratorAutoAccessors,
 *   which we add (the tool's `-l` option). If a file ever fails to parse, the fallback is to
 *   scan an esbuild-transpiled copy of electron/. A file the tool cannot parse is NOT reported by its CLI in a useful way: it prints
 *   "Error parsing <file>" and still exits 0, and with `-o report.csv` it prints nothing at all,
 *   so the file is silently unscanned. That is why this script calls the tool's programmatic
 *   API (the same `run()` its CLI calls), which returns parse errors alongside the issues, and
 *   fails on any of them. It also counts the files actually parsed and fails if there are none,
 *   and fails on .mjs/.cjs/.mts/.cts files, which the tool skips without a word.
 * - Offline: the tool makes two kinds of network request. (a) On every start it fetches
 *   translations from an S3 bucket (1 s timeout, then it goes on). No flag turns that off, so
 *   `got` is replaced, for the tool only, by a stub that answers "unavailable"; the bundled
 *   en-US texts are used. (b) AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release
 *   list from GitHub; it is disabled with the tool's exclude option (`-x
 *   AvailableSecurityFixesGlobalCheck` on its CLI). It could only ever report on an `electron`
 *   entry of a package.json inside the scanned folder, and electron/ has none; keeping Electron
 *   itself patched is `npm audit`'s job. The stub refuses any other request, so a future
 *   version cannot go online unnoticed (the URL is printed).
 * - The Electron version given to the tool (its `-e`) is read from the root package.json, so it
 *   follows upgrades; it decides which webPreferences defaults the checks assume.
 * - Severity scale of the tool: INFORMATIONAL < LOW < MEDIUM < HIGH (there is no CRITICAL).
 *   MEDIUM and HIGH fail unless allow-listed; lower ones are shown but never fail. (An explicit
 *   `nodeIntegration: true` is only INFORMATIONAL to the tool, but such a window without
 *   `sandbox: true` also gets SANDBOX_JS_CHECK, MEDIUM, and with it Node is off anyway.)
 * - Test code (*.test.ts, *.spec.ts, and files under testing/ or __tests__/) is left out of the
 *   scan: it does not ship, and its mocks could satisfy the global checks that look for a call
 *   such as setPermissionRequestHandler() anywhere, hiding that the real one was removed.
 * - What the tool can see: it reads webPreferences only from an object literal written inside
 *   `new BrowserWindow(...)`. That is why createSecureWindow() in electron/security.ts writes the
 *   options out there rather than in a helper object: the scan checks our real settings, and a
 *   weakened one fails it as well as electron/security.test.ts. The global checks fail the scan
 *   if setPermissionRequestHandler() or setWindowOpenHandler() disappears from security.ts (not
 *   if only the will-navigate handler does; the unit test covers that).
 * - Allow-list (allowlist.json): entries { "check", "file", "reason", "count"? }. `file` is
 *   relative to the repository root with forward slashes, or "N/A" for application-wide
 *   findings (the tool's own term). `count` (default 1) is how many findings of that check in
 *   that file are accepted, so a second, new occurrence in an allow-listed file still fails.
 *   Entries that match nothing are printed as stale (a warning, not a failure).
 * - Report: scripts/electronegativity/report/findings.json (every finding with its allow-list
 *   status, the files parsed, parse errors). The tool's own -o CSV is not used: besides hiding
 *   parse errors, it writes header and rows with two racing async writes.
 *
 * Environment:
 *   ELECTRONEGATIVITY_TARGET   folder (or file) to scan instead of electron/; for testing that
 *                              the scan catches things, e.g. a temp folder holding
 *                              `new BrowserWindow({ webPreferences: { nodeIntegration: true } })`.
 *   ELECTRONEGATIVITY_ALLOWLIST another allow-list file, for the same kind of test (files outside
 *                              the repository are named by their absolute path).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const toolDir = join(here, 'node_modules', '@doyensec', 'electronegativity');
const reportDir = join(here, 'report');
const allowlistPath = resolve(
  process.env.ELECTRONEGATIVITY_ALLOWLIST || join(here, 'allowlist.json'),
);
const target = resolve(process.env.ELECTRONEGATIVITY_TARGET || join(repoRoot, 'electron'));

const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const FAIL_FROM = SEVERITIES.indexOf('MEDIUM');
/** Extensions the tool's file lister ignores although they hold code. */
const UNSCANNED_CODE = /\.(mjs|cjs|mts|cts)$/i;

class ScanError extends Error {}

const started = Date.now();
let finished = false;
process.on('exit', (code) => {
  // The tool has process.exit() calls of its own; never let one of them pass for success.
  if (!finished && code === 0) {
    console.error('electronegativity: the scan ended before it finished.');
    process.exitCode = 2;
  }
});

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof ScanError) console.error(`electronegativity: ${error.message}`);
  else console.error('electronegativity: the scan failed:', error);
  process.exitCode = 2;
}
finished = true;

async function main() {
  ensureInstalled();
  const allowlist = readAllowlist();
  const electronVersion = readElectronVersion();
  if (!existsSync(target)) throw new ScanError(`nothing to scan at ${target}`);

  const skipped = listFiles(target).filter((file) => UNSCANNED_CODE.test(file));
  if (skipped.length > 0) {
    throw new ScanError(
      `the tool does not scan these files (it only reads .js .jsx .ts .tsx .html): ${skipped
        .map(displayPath)
        .join(', ')}`,
    );
  }

  const { result, parsed, skippedTests, networkAttempts } = await scan(electronVersion);

  for (const url of networkAttempts) console.warn(`note: blocked a network request to ${url}`);
  const brokenFiles = result.errors.filter((error) => !error.tolerable);
  for (const error of result.errors) {
    const level = error.tolerable ? 'warning' : 'error';
    console.error(`${level}: could not fully parse ${displayPath(error.file)}: ${error.message}`);
  }
  const parsedCode = parsed.filter((file) => file.ok && /\.(js|jsx|ts|tsx)$/i.test(file.file));
  if (result.globalChecks === 0 || result.atomicChecks === 0) {
    throw new ScanError('the tool loaded no checks');
  }

  const findings = result.issues.map((issue) => normalise(issue));
  const { stale } = applyAllowlist(findings, allowlist);
  const failing = findings.filter((finding) => finding.status === 'FAIL');

  printTable(findings);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nScanned ${displayPath(target)}: ${parsedCode.length} code file(s) parsed ` +
      `(${skippedTests.length} test file(s) left out), Electron ` +
      `${electronVersion}, ${result.globalChecks} global + ${result.atomicChecks} atomic checks, ` +
      `${findings.length} finding(s), ${seconds} s.`,
  );
  for (const entry of stale) {
    console.warn(
      `warning: stale allow-list entry, matched nothing: ${entry.check} in ${entry.file}`,
    );
  }

  writeFileSync(
    join(reportDir, 'findings.json'),
    `${JSON.stringify(
      {
        tool: `@doyensec/electronegativity ${toolVersion()}`,
        target: displayPath(target),
        electronVersion,
        failAtOrAbove: SEVERITIES[FAIL_FROM],
        filesParsed: parsed.filter((file) => file.ok).map((file) => displayPath(file.file)),
        testFilesLeftOut: skippedTests.map((file) => displayPath(file)),
        parseErrors: result.errors.map((error) => ({ ...error, file: displayPath(error.file) })),
        findings,
        staleAllowlistEntries: stale,
      },
      null,
      2,
    )}\n`,
  );

  if (brokenFiles.length > 0) {
    throw new ScanError(
      `${brokenFiles.length} file(s) could not be parsed, so they were not scanned (see above)`,
    );
  }
  if (parsedCode.length === 0) throw new ScanError(`no code file was parsed under ${target}`);

  if (failing.length > 0) {
    console.error(
      `\nFAILED: ${failing.length} finding(s) at or above MEDIUM not on the allow-list:`,
    );
    for (const finding of failing) {
      console.error(
        `  ${finding.check} (${finding.severity}, ${finding.confidence}) at ${where(finding)}: ` +
          `${finding.description}` +
          `${finding.note ? ` [${finding.note}]` : ''}\n    ${finding.url}`,
      );
    }
    console.error(
      'Fix the code, or, if it is a false positive or accepted, add it to ' +
        `${displayPath(allowlistPath)} with a one-sentence reason.`,
    );
    return 1;
  }
  console.log('OK: no unexplained finding at or above MEDIUM.');
  return 0;
}

/** Installs the pinned tool into this folder if it is missing or another version. */
function ensureInstalled() {
  const wanted = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies[
    '@doyensec/electronegativity'
  ];
  if (toolVersion() === wanted) return;
  console.log(
    `Installing @doyensec/electronegativity ${wanted} in ${displayPath(here)} (npm ci)...`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: here,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (install.error) throw new ScanError(`could not run npm ci: ${install.error.message}`);
  if (install.status !== 0) throw new ScanError(`npm ci failed with status ${install.status}`);
  if (toolVersion() !== wanted) {
    throw new ScanError(`npm ci did not install @doyensec/electronegativity ${wanted}`);
  }
}

function toolVersion() {
  try {
    return JSON.parse(readFileSync(join(toolDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function readElectronVersion() {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /^[\^~=v]*(\d+\.\d+\.\d+)$/.exec(spec ?? '')?.[1];
  if (!version) throw new ScanError(`no exact electron version in package.json (found ${spec})`);
  return version;
}

function readAllowlist() {
  let entries;
  try {
    entries = JSON.parse(readFileSync(allowlistPath, 'utf8'));
  } catch (error) {
    throw new ScanError(`cannot read ${displayPath(allowlistPath)}: ${error.message}`);
  }
  if (!Array.isArray(entries)) throw new ScanError('allowlist.json must be an array');
  const seen = new Set();
  return entries.map((entry, index) => {
    const where = `allowlist.json entry ${index + 1}`;
    const keys = Object.keys(entry ?? {});
    const unknown = keys.filter((key) => !['check', 'file', 'reason', 'count'].includes(key));
    if (unknown.length > 0) throw new ScanError(`${where}: unknown field(s) ${unknown.join(', ')}`);
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        throw new ScanError(`${where}: "${key}" must be a non-empty string`);
      }
    }
    const count = entry.count ?? 1;
    if (!Number.isInteger(count) || count < 1) {
      throw new ScanError(`${where}: "count" must be a positive integer`);
    }
    const key = `${entry.check}\0${entry.file}`;
    if (seen.has(key)) throw new ScanError(`${where}: duplicate of an earlier entry`);
    seen.add(key);
    return { check: entry.check, file: entry.file, reason: entry.reason, count };
  });
}

/** Runs the tool in-process, offline, and notes which files it parsed. */
async function scan(electronVersion) {
  const requireTool = createRequire(join(toolDir, 'dist', 'runner.js'));
  const toolPackage = JSON.parse(readFileSync(join(toolDir, 'package.json'), 'utf8'));

  // (a) No network: the tool's `got` becomes a stub (see the comment at the top).
  const networkAttempts = [];
  const offlineGot = (url) => {
    const text = String(url);
    if (text.startsWith(toolPackage.i18nSource)) {
      return Promise.resolve({ statusCode: 503, headers: {}, body: '' });
    }
    networkAttempts.push(text);
    return Promise.reject(new Error(`network access disabled by run.mjs: ${text}`));
  };
  offlineGot.head = offlineGot;
  offlineGot.get = offlineGot;
  for (const from of ['locales/i18n.js', 'finder/checks/GlobalChecks/index.js']) {
    const gotPath = createRequire(join(toolDir, 'dist', from)).resolve('got');
    requireTool.cache[gotPath] = {
      id: gotPath,
      filename: gotPath,
      loaded: true,
      exports: offlineGot,
    };
  }

  // Which files the tool really parsed (its result only lists failures), and test code left
  // out: the runner skips a file whose parse returns no data.
  const parsed = [];
  const skippedTests = [];
  const { Parser } = requireTool('./parser/parser.js');
  const parse = Parser.prototype.parse;
  Parser.prototype.parse = function (filename, ...rest) {
    if (isTestCode(filename)) {
      skippedTests.push(filename);
      return [undefined, null, '', undefined];
    }
    try {
      const out = parse.call(this, filename, ...rest);
      parsed.push({ file: filename, ok: out[1] !== null });
      return out;
    } catch (error) {
      parsed.push({ file: filename, ok: false });
      throw error;
    }
  };

  mkdirSync(reportDir, { recursive: true });
  const run = requireTool('./runner.js');
  const result = await run(
    {
      input: target,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'], // (b): fetches from GitHub
      isRelative: false,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      parserPlugins: ['decoratorAutoAccessors'],
    },
    false,
  );
  return { result, parsed, skippedTests, networkAttempts };
}

/** Tests and their helpers: not shipped, and they may mention the APIs the checks look for. */
function isTestCode(file) {
  const parts = relative(target, resolve(file)).split(sep);
  return (
    /\.(test|spec)\.[cm]?[jt]sx?$/i.test(parts.at(-1)) ||
    parts.slice(0, -1).some((dir) => dir === 'testing' || dir === '__tests__')
  );
}

function normalise(issue) {
  return {
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file === 'N/A' ? 'N/A' : displayPath(issue.file),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    manualReview: Boolean(issue.manualReview),
    description: issue.description,
    sample: issue.sample,
    url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
  };
}

/** Sets each finding's status (allowed, FAIL or below) and returns the stale entries. */
function applyAllowlist(findings, allowlist) {
  const stale = [];
  const claimed = new Set();
  for (const entry of allowlist) {
    const matches = findings.filter((f) => f.check === entry.check && f.file === entry.file);
    if (matches.length === 0) stale.push(entry);
    for (const finding of matches) {
      claimed.add(finding);
      if (matches.length > entry.count) {
        finding.status = SEVERITIES.indexOf(finding.severity) >= FAIL_FROM ? 'FAIL' : 'below';
        finding.note = `${matches.length} findings of this check in this file, the allow-list accepts ${entry.count}`;
      } else {
        finding.status = 'allowed';
        finding.reason = entry.reason;
      }
    }
  }
  for (const finding of findings) {
    if (claimed.has(finding)) continue;
    finding.status = SEVERITIES.indexOf(finding.severity) >= FAIL_FROM ? 'FAIL' : 'below';
  }
  return { stale };
}

function printTable(findings) {
  if (findings.length === 0) {
    console.log('No findings.');
    return;
  }
  const order = (f) => -SEVERITIES.indexOf(f.severity);
  const rows = [...findings]
    .sort((a, b) => order(a) - order(b) || a.check.localeCompare(b.check))
    .map((f) => [
      f.status,
      `${f.severity}/${f.confidence}${f.manualReview ? ' (review)' : ''}`,
      f.check,
      where(f),
    ]);
  const table = [['Status', 'Severity/Confidence', 'Check', 'Where'], ...rows];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const [index, row] of table.entries()) {
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function where(finding) {
  return finding.file === 'N/A'
    ? 'N/A (whole app)'
    : `${finding.file}:${finding.line}:${finding.column}`;
}

/** Relative to the repo root with forward slashes if inside it, else absolute. */
function displayPath(file) {
  const rel = relative(repoRoot, resolve(file));
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : resolve(file)).split(sep).join('/');
}

function listFiles(root) {
  if (statSync(root).isFile()) return [root];
  const out = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
