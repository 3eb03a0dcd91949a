// `npm start`: the desktop app where Electron can run; otherwise headless mode, said in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** The Electron binary if it is on disk, without triggering electron's own lazy download. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { packageDir, binary: null };
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return { packageDir, binary: existsSync(binary) ? binary : null };
}

function ensureElectron() {
  const found = electronBinary();
  if (!found) return null;
  if (found.binary) return found.binary;
  // The electron package fetches its binary on first use; try once, quietly, and bounded.
  const install = spawnSync(process.execPath, [join(found.packageDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return install.status === 0 ? (electronBinary()?.binary ?? null) : null;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

const binary = ensureElectron();
if (binary) {
  run(binary, ['.', ...args]);
} else {
  console.log(
    'Electron cannot run on this machine (its binary could not be downloaded), so Goodwill starts in headless mode: open the address below in a browser.',
  );
  run(process.execPath, ['dist/electron/headless.js', ...args]);
}
