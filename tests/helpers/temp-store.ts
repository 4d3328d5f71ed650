import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type OpenStoreOptions } from '../../electron/core/store/open-store';
import type { Store } from '../../electron/core/store/store';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new seeded store in a temp folder, closed after the test. */
export function tempStore(options: OpenStoreOptions = {}): Store {
  const store = openStore(join(tempDir(), 'ledger.db'), options);
  cleanups.push(() => {
    try {
      store.close();
    } catch {
      // already closed by the test
    }
  });
  return store;
}

/**
 * Private copies of picked files made while the test runs, counted in a temporary folder of this test file's own
 * (each file runs in its own process), so other files' imports running meanwhile do not change the count.
 */
export function countPrivateCopies(): () => number {
  const own = mkdtempSync(join(tmpdir(), 'ledger-tmp-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = own;
  cleanups.push(() => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(own, { recursive: true, force: true });
  });
  return () => readdirSync(own).filter((n) => n.startsWith('zhuanban-import-')).length;
}
