// How long the window's process is kept from its work while a 100,000-event bundle is imported. A 16 ms timer
// stands for the frames and input the main process must pass on; the largest and the 99th-percentile gap
// between its ticks are what a person would feel as a frozen window.
//   inline: the core runs in this process, as the Electron shell ran it before (the baseline);
//   process: the core runs in a process of its own (electron/core-process), this process only relays.
// Prints {"ms", "maxGapMs", "p99GapMs", "ticks", "applied"}.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { openStore } from '../../electron/core/store/open-store';
import type { Result } from '../../shared/contract';
import { CoreClient, type CoreChild } from '../../electron/main/core-client';

const [mode, bundle, coreEntry] = process.argv.slice(2) as ['inline' | 'process', string, string];
const dir = mkdtempSync(join(tmpdir(), 'bench-responsive-'));
const dbPath = join(dir, 'ledger.db');
openStore(dbPath).close();

const gaps: number[] = [];
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  gaps.push(now - last);
  last = now;
}, 16);

let call: (channel: string, input: unknown) => Promise<Result<unknown>>;
let stop = async () => {};
if (mode === 'inline') {
  const store = openStore(dbPath, { create: false });
  const h = createHandlers({ store, version: 'bench' });
  call = (c, i) => dispatch(h, c, i);
  stop = async () => store.close();
} else {
  const child = fork(coreEntry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const port = { postMessage: (m: unknown) => void child.send(m as never), on: (e: string, l: (...a: unknown[]) => void) => child.on(e, l), kill: () => child.kill() } as unknown as CoreChild;
  const core = new CoreClient(port, () => {});
  const started = await core.start({ type: 'start', dbPath, outboxDir: join(dir, 'outbox'), version: 'bench' });
  if (!started.ok) throw new Error(started.error.detail);
  call = core.call;
  stop = () => core.stop();
}
const ok = async (c: string, i: unknown) => {
  const r = await call(c, i);
  if (!r.ok) throw new Error(`${c}: ${r.error.detail}`);
  return r.data as { applied: number };
};
await ok('identity.set', { office: '市发改局', role: 'taskforce', battle: 1 });
// Ticks before the import are not counted.
await new Promise((r) => setTimeout(r, 100));
gaps.length = 0;
last = performance.now();
const t0 = performance.now();
const file = { name: 'bench.ledger.json', ref: resolve(bundle) };
await ok('sync.import', { file, dryRun: true, trust: true });
const r = await ok('sync.import', { file, dryRun: false, trust: true });
const ms = performance.now() - t0;
gaps.push(performance.now() - last);
clearInterval(ticker);
await stop();
rmSync(dir, { recursive: true, force: true });
const sorted = [...gaps].sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ ms, maxGapMs: sorted.at(-1), p99GapMs: sorted[Math.floor(sorted.length * 0.99)], ticks: gaps.length, applied: r.applied }));
