// The physical baseline: raw better-sqlite3 inserting the bundle's events as rows of the same columns and width
// into a fresh database, in one transaction. Prints {"ms"}.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bundle = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { events: string };
const events = (typeof bundle.events === 'string' ? JSON.parse(bundle.events) : bundle.events) as { body: string; sig: string }[];
const rows = events.map((e) => {
  const b = JSON.parse(e.body) as Record<string, unknown>;
  return { ...b, body: e.body, sig: e.sig };
}) as Record<string, unknown>[];
const dir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
const db = new Database(join(dir, 'raw.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE events (id TEXT PRIMARY KEY, replica TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, entity TEXT NOT NULL,
  entity_id TEXT NOT NULL, op TEXT NOT NULL, schema_version INTEGER NOT NULL, prev_hash TEXT NOT NULL, body TEXT NOT NULL, hash TEXT NOT NULL, sig TEXT)`);
const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const t0 = performance.now();
db.transaction(() => {
  for (const r of rows) insert.run(r.id, r.replica, r.seq, r.hlc, r.entity, r.entityId, r.op, r.schemaVersion, r.prevHash, r.body, String(r.hash ?? ''), r.sig);
})();
const ms = performance.now() - t0;
db.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms, rows: rows.length }));
