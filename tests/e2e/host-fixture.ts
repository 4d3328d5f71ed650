// Starts the real browser-mode host (`electron/host/index.ts`) on a fresh store made by the real CLI, with
// an identity and a ledger date, and hands the test its URL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { ledger } from '../helpers/cli';
import { startHostProcess } from '../helpers/host';

const root = resolve(import.meta.dirname, '../..');

export interface Host {
  url: string;
  origin: string;
  token: string;
  db: string;
  startupMs: number;
}

export interface HostOptions {
  /** `init` identity flags; null for a store whose office is not set yet (first start). */
  identity?: string[] | null;
  asOf?: string;
  /** No store at all: the host creates it at first start, as a new installation does (no plan yet). */
  fresh?: boolean;
  /** Play a realistic March 2023 into the store first (scripts/demo-march.ts); the ledger date becomes 2023-03-31. */
  march?: boolean;
}

export { ledger };

export async function startHost(options: HostOptions = {}): Promise<{ host: Host; stop: () => void }> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    throw new Error('renderer not built: run `npm run build:renderer` (npm test does it for you)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const db = join(dir, 'e2e.db');
  const identity = options.identity === undefined ? ['--office', '总指挥中心', '--role', 'center', '--operator', '测试员'] : options.identity;
  if (!options.fresh) ledger('init', '--db', db, ...(identity ?? []));
  if (options.march) {
    // March is played by the center and reaches this office as a bundle, as it would by USB stick.
    const center = join(dir, 'center.db');
    ledger('init', '--db', center, '--office', '总指挥中心', '--role', 'center', '--operator', '调度员');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/demo-march.ts'), '--db', center], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`demo-march failed: ${r.stderr}`);
    const { path } = JSON.parse(ledger('bundle', 'export', '--db', center, '--out', dir, '--full', '--json')) as { path: string };
    ledger('bundle', 'import', path, '--db', db, '--trust');
  }
  if (!options.fresh) ledger('settings', '--db', db, '--as-of', options.asOf ?? (options.march ? '2023-03-31' : '2023-07-02'));
  const started = performance.now();
  const { child, url, origin, token } = await startHostProcess(['--import', 'tsx', join(root, 'electron/host/index.ts'), '--no-open', '--db', db], 20_000);
  return {
    host: { url, origin, token, db, startupMs: performance.now() - started },
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A test on a store and host of its own, stopped whatever happens. */
export async function withHost(options: HostOptions, fn: (host: Host) => Promise<void>): Promise<void> {
  const { host, stop } = await startHost(options);
  try {
    await fn(host);
  } finally {
    stop();
  }
}

export const test = base.extend<object, { host: Host }>({
  host: [
    async ({}, use) => {
      const { host, stop } = await startHost();
      await use(host);
      stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
