import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type OpenStoreOptions, type Store } from '../../electron/core/store/open-store';

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
