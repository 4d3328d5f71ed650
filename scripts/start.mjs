// npm start: the desktop app when the Electron binary is installed, otherwise browser mode, so the main
// job runs on any machine. npm run start:web forces browser mode. Extra arguments go to the host
// (--db FILE, --port N, --no-open).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const hostArgs = args.filter((a) => a !== '--web');

// Looks for the binary the way the electron package records it (path.txt under dist/), without
// require('electron'), which would try to download a missing binary: no network calls from here.
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : undefined;
  }
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const p = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(p) ? p : undefined;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function rendererIsStale() {
  const built = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  return sources > statSync(built).mtimeMs;
}

// Browser mode runs the host as one bundled module: loading it is about twice as fast as compiling the
// TypeScript sources at every start (measured by the benchmark's cold start).
function hostIsStale() {
  const built = join(root, 'out', 'host', 'index.mjs');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(root, 'electron')), newestMtime(join(root, 'shared')));
  return sources > statSync(built).mtimeMs;
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function forward(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const electron = forceWeb ? undefined : electronBinary();

if (electron) {
  run(bin('electron-vite'), ['build']);
  const db = hostArgs.indexOf('--db');
  const electronArgs = db >= 0 && hostArgs[db + 1] ? [`--db=${hostArgs[db + 1]}`] : [];
  forward(spawn(electron, [root, ...electronArgs], { cwd: root, stdio: 'inherit' }));
} else {
  if (!forceWeb) {
    console.log('未找到 Electron 运行文件，改用浏览器模式启动。 Electron binary not found; starting browser mode instead.');
  }
  if (rendererIsStale()) run(bin('vite'), ['build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  if (hostIsStale()) run(process.execPath, [join(root, 'scripts', 'build-host.mjs')]);
  forward(spawn(process.execPath, [join(root, 'out', 'host', 'index.mjs'), ...hostArgs], { cwd: root, stdio: 'inherit' }));
}
