// The office PC switched off mid-import or mid-export: SIGKILL at random moments. The store must pass
import { backupsDir } from '../../../electron/core/store/backup-names';
// integrity_check and hold either the state before or the state after; no half bundle under the final name.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { setIdentity } from '../../../electron/core/app/identity';
import { openStore } from '../../../electron/core/store/open-store';
import { stateDigest } from '../../../electron/core/sync/digest';
import { buildBundle } from '../../../electron/core/sync/export';
import { importBundle } from '../../../electron/core/sync/import';
import { runAndKill as runWorker, timeFromReady } from '../../helpers/kill';
import { tempDir } from '../../helpers/temp-store';

const worker = join(import.meta.dirname, 'crash-worker.ts');


function bigBundle(dir: string): string {
  const a = openStore(join(dir, 'author.db'));
  setIdentity(a, { office: '总指挥中心', role: 'center' });
  const tasks = (a.sqlite.prepare('SELECT id FROM tasks').all() as { id: string }[]).map((r) => r.id);
  a.log.append(Array.from({ length: 20_000 }, (_, i) => ({ entity: 'task', entityId: tasks[i % tasks.length]!, op: 'put' as const, fields: { handler: `承办人${i}` } })));
  const path = join(dir, 'big.ledger.json');
  writeFileSync(path, JSON.stringify(buildBundle(a)));
  a.close();
  return path;
}

function integrityOk(path: string): boolean {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

describe('SIGKILL in the middle', () => {
  it('of an import leaves the store as before or as after, and intact', async () => {
    const dir = tempDir();
    const bundle = bigBundle(dir);
    // The "after" state, for comparison.
    const ref = openStore(join(dir, 'ref.db'));
    setIdentity(ref, { office: '市发改局', role: 'taskforce', battle: 1 });
    ref.close();
    const outcomes: string[] = [];
    let killedAfterBackup = 0;
    // Verification comes first, the backup and the one transaction last: most kills are aimed at the second half
    // of an uninterrupted run's time, where a half-applied import would show.
    const warm = join(dir, 'warm.db');
    const w = openStore(warm);
    setIdentity(w, { office: '市发改局', role: 'taskforce', battle: 1 });
    w.close();
    const whole = await timeFromReady(worker, ['import', warm, bundle]);
    for (const [i, delay] of [5, 0.4, 0.55, 0.65, 0.75, 0.82, 0.9, 0.96].map((f) => (f < 1 ? Math.round(f * whole) : f)).entries()) {
      const path = join(dir, `victim${i}.db`);
      const v = openStore(path);
      setIdentity(v, { office: '市发改局', role: 'taskforce', battle: 1 });
      const before = stateDigest(v);
      v.close();
      const backups = () => (existsSync(backupsDir(path)) ? readdirSync(backupsDir(path)).length : 0);
      const backupsBefore = backups();
      const outcome = await runWorker(worker, ['import', path, bundle], delay);
      outcomes.push(outcome);
      expect(integrityOk(path)).toBe(true);
      // The backup is taken right before the transaction: a kill after it fell in the writing phase.
      if (outcome === 'killed' && backups() > backupsBefore) killedAfterBackup++;
      const after = openStore(path);
      const digest = stateDigest(after);
      const imported = (after.sqlite.prepare('SELECT count(*) AS n FROM import_log').get() as { n: number }).n;
      // Either nothing of the bundle, or all of it.
      if (imported === 0) expect(digest).toBe(before);
      else {
        const again = await importBundle(after, readFileSyncBuffer(bundle), { trust: true });
        expect(again.applied).toBe(0);
      }
      after.close();
    }
    expect(outcomes).toContain('killed');
    expect(killedAfterBackup).toBeGreaterThan(0);
    console.log(`import of ${Math.round(whole)} ms; kills: ${outcomes.join(', ')}; killed after the backup: ${killedAfterBackup}`);
  }, 180_000);

  it('of an export leaves no half bundle under the final name', async () => {
    const dir = tempDir();
    const author = openStore(join(dir, 'author.db'));
    setIdentity(author, { office: '总指挥中心', role: 'center' });
    const tasks = (author.sqlite.prepare('SELECT id FROM tasks').all() as { id: string }[]).map((r) => r.id);
    author.log.append(Array.from({ length: 20_000 }, (_, i) => ({ entity: 'task', entityId: tasks[i % tasks.length]!, op: 'put' as const, fields: { handler: `承办人${i}` } })));
    author.close();
    const stick = join(dir, 'stick');
    (await import('node:fs')).mkdirSync(stick);
    for (const delay of [10, 300, 800]) await runWorker(worker, ['export', join(dir, 'author.db'), stick], delay);
    for (const name of readdirSync(stick).filter((f) => f.endsWith('.ledger.json'))) {
      // Anything under a final name is a complete, valid bundle.
      const { verifyBundleBytes } = await import('../../../electron/core/sync/verify');
      expect(() => verifyBundleBytes(readFileSyncBuffer(join(stick, name)))).not.toThrow();
    }
    expect(integrityOk(join(dir, 'author.db'))).toBe(true);
  }, 180_000);
});

function readFileSyncBuffer(path: string): Buffer {
  return readFileSync(path);
}
