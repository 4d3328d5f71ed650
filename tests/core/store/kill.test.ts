// The office PC switched off at any moment: a worker that writes, backs up and imports in a loop is SIGKILLed
// at random times, a hundred times, restarted on the same store each time. After every kill the store passes
// integrity_check, every operation is whole (a batch's five events all there or none), each log is gap-free,
// and every backup under its final name passes its own check.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { backupsDir } from '../../../electron/core/store/backup-names';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { setIdentity } from '../../../electron/core/app/identity';
import { checkBackupFile } from '../../../electron/core/store/backups';
import { openStore } from '../../../electron/core/store/open-store';
import { buildBundle } from '../../../electron/core/sync/export';
import { runAndKill as runWorker } from '../../helpers/kill';
import { tempDir } from '../../helpers/temp-store';

const worker = join(import.meta.dirname, 'churn-worker.ts');
const KILLS = Number(process.env.KILL_RUNS ?? 100);


/** Three chunks of another office's log, as three bundles, so imports keep having something to do. */
function bundles(dir: string): string {
  const out = join(dir, 'bundles');
  mkdirSync(out);
  const a = openStore(join(dir, 'author.db'));
  setIdentity(a, { office: '总指挥中心', role: 'center' });
  const tasks = (a.sqlite.prepare('SELECT id FROM tasks').all() as { id: string }[]).map((r) => r.id);
  const peer = openStore(join(dir, 'peer.db'));
  for (let chunk = 0; chunk < 3; chunk++) {
    a.log.append(Array.from({ length: 400 }, (_, i) => ({ entity: "task", entityId: tasks[i % tasks.length]!, op: "put" as const, fields: { leadPerson: `负责人${chunk}-${i}` } })));
    writeFileSync(join(out, `${chunk}.ledger.json`), JSON.stringify(buildBundle(a)));
  }
  a.close();
  peer.close();
  return out;
}

const checkedBackups = new Set<string>();

function check(path: string): string[] {
  const problems: string[] = [];
  const db = new Database(path, { readonly: true });
  try {
    const ic = db.pragma('integrity_check', { simple: true });
    if (ic !== 'ok') problems.push(`integrity_check: ${String(ic)}`);
    const batches = db
      .prepare("SELECT json_extract(body, '$.fields.handler') AS h FROM events WHERE entity = 'task' AND json_extract(body, '$.fields.handler') LIKE 'B%'")
      .all() as { h: string }[];
    const per = new Map<string, number>();
    for (const { h } of batches) per.set(h.split(':')[0]!, (per.get(h.split(':')[0]!) ?? 0) + 1);
    for (const [b, n] of per) if (n !== 5) problems.push(`batch ${b} has ${n} of 5 events`);
    const logs = db.prepare('SELECT replica, count(*) AS n, max(seq) AS m FROM events GROUP BY replica').all() as { replica: string; n: number; m: number }[];
    for (const l of logs) if (l.n !== l.m) problems.push(`log ${l.replica} has gaps: ${l.n} events up to #${l.m}`);
  } finally {
    db.close();
  }
  const backups = backupsDir(path);
  // A backup under its final name never changes again: each is checked once, when it first appears.
  for (const f of readdirSync(backups).filter((x) => x.endsWith('.db') && !checkedBackups.has(x))) {
    const c = checkBackupFile(join(backups, f));
    if (!c.ok) problems.push(`backup ${f}: ${c.why}`);
    checkedBackups.add(f);
  }
  return problems;
}

describe('SIGKILL at random moments', () => {
  it(`during writes, backups and imports, ${KILLS} times: every store intact and every operation whole`, async () => {
    const dir = tempDir();
    const bundleDir = bundles(dir);
    const store = join(dir, 'office.db');
    const s = openStore(store);
    setIdentity(s, { office: '市发改局', role: 'taskforce', battle: 1 });
    s.close();
    mkdirSync(backupsDir(store), { recursive: true });
    let seed = 20230316;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const failures: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      // The worker loops for ever: it only ends by the kill.
      expect(await runWorker(worker, [store, bundleDir, String(k + 1)], Math.floor(rand() * 1000))).toBe('killed');
      for (const p of check(store)) failures.push(`kill ${k + 1}: ${p}`);
    }
    expect(failures).toEqual([]);
    // The kills landed on real work: batches, backups and imports all happened.
    const db = new Database(store, { readonly: true });
    const batches = (db.prepare("SELECT count(*) AS n FROM events WHERE json_extract(body, '$.fields.handler') LIKE 'B%'").get() as { n: number }).n;
    const imported = (db.prepare("SELECT count(*) AS n FROM events WHERE json_extract(body, '$.fields.leadPerson') LIKE '负责人%'").get() as { n: number }).n;
    db.close();
    expect(batches).toBeGreaterThan(0);
    expect(imported).toBeGreaterThan(0);
    expect(readdirSync(backupsDir(join(dir, 'office.db'))).filter((f) => f.endsWith('.db')).length).toBeGreaterThan(0);
  }, 600_000);
});
