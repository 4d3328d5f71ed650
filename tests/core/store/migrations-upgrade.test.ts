// A store left by every earlier version opens in this one. For each migration N before the latest: a database
// with exactly migrations 0..N applied, recorded in __drizzle_migrations as drizzle's migrator records them, holding
// what a program of that version would have written — the seeded plan, an added task, an edit, a split, progress,
// a 销号 request, a problem, a 领导批示, a void, a 催报, a meeting, a report and a unit's line received by
// file, each as far as that schema could hold it — is opened by the program's own start-up. Then: the schema is
// the latest, every event is there unchanged, the tables equal what folding those same events afresh gives, what
// the program derives on upgrade (task_facts, the pins' granted roles) is filled in, the handlers read the data,
// and the log goes on from where it was.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { entitySpecs } from '../../../electron/core/events/entities';
import { getIdentity } from '../../../electron/core/app/identity';
import { GENESIS_HASH, sealEvent, type LedgerEvent, type SealedEvent } from '../../../electron/core/events/event';
import { EventLog } from '../../../electron/core/events/log';
import { resourcePaths } from '../../../electron/core/paths';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { setSettings } from '../../../electron/core/app/settings';
import { openStore } from '../../../electron/core/store/open-store';
import type { Store } from '../../../electron/core/store/store';
import { checkBackupFile, listBackups } from '../../../electron/core/store/backups';
import { startStore } from '../../../electron/core/store/startup';
import { buildBundle } from '../../../electron/core/sync/export';
import { importBundle } from '../../../electron/core/sync/import';
import { loadSigner } from '../../../electron/core/sync/keys';
import { caller } from '../../helpers/call';

const MIGRATIONS = resourcePaths().migrationsDir;
const journal = (JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; when: number; tag: string }[] }).entries;
const LATEST = journal.length;
const PLAN = '吉政发〔2023〕3号';
const TASK = seedIds.task(PLAN, '1.1.1'); // lead 市商务局; battle 1
const TODAY = new Date('2023-07-02T10:00:00');

const sqlOf = (tag: string) => readFileSync(join(MIGRATIONS, `${tag}.sql`), 'utf8');

/** Migrations 0..n as drizzle's migrator applies them: its table, each statement, a row of hash and `when`. */
function applyMigrations(db: Database.Database, n: number): void {
  db.transaction(() => {
    db.prepare('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (\n id SERIAL PRIMARY KEY,\n hash text NOT NULL,\n created_at numeric\n )').run();
    for (const e of journal.slice(0, n + 1)) {
      const sql = sqlOf(e.tag);
      for (const stmt of sql.split('--> statement-breakpoint')) db.prepare(stmt).run();
      db.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)').run(createHash('sha256').update(sql).digest('hex'), e.when);
    }
  })();
}

const columnsOf = (db: Database.Database, table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
const tablesOf = (db: Database.Database) =>
  new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]);

/** A table's rows on the given columns, in one order whatever the order they were written in. */
function rowsOf(db: Database.Database, table: string, columns: readonly string[]): unknown[][] {
  const cols = columns.map((c) => `"${c}"`).join(', ');
  return db.prepare(`SELECT ${cols} FROM "${table}" ORDER BY ${cols}`).raw().all() as unknown[][];
}

let dir: string;
/** The centre's store as this version leaves it after a morning's work, with a unit's line received by file. */
let centre: Store;
let unit: Store;
let added: string;
let split: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-upgrade-'));
  unit = openStore(join(dir, 'unit.db'));
  const u = caller(createHandlers({ store: unit, version: '0', now: () => TODAY }));
  await u('identity.set', { office: '市商务局', role: 'unit', operator: '李娜' });
  setSettings(unit, { asOf: '2023-07-02' });
  await u('progress.report', { taskId: TASK, period: '2023-06-3', percent: 40, text: '春季车展已办' });

  centre = openStore(join(dir, 'centre.db'));
  const c = caller(createHandlers({ store: centre, version: '0', now: () => TODAY }));
  await c('identity.set', { office: '总指挥中心', role: 'center', operator: '张伟' });
  setSettings(centre, { asOf: '2023-07-02' });
  await importBundle(centre, Buffer.from(JSON.stringify(buildBundle(unit))), { trust: true });
  added = (await c('task.add', { section: '1.5', title: '举办跨境电商对接会', leadUnits: ['市商务局'], coUnits: ['市发改局'], dueDate: '2023-09-30' })).id;
  await c('task.update', { id: TASK, edit: { leadPerson: '王强', dueDate: '2023-10-31', milestones: [{ date: '2023-08-31', percent: 60, text: '过半' }] } });
  split = (await c('task.split', { parentId: TASK, title: '秋季车展', leadUnits: ['市商务局'] })).id;
  await c('progress.report', { taskId: added, period: '2023-06-3', percent: 100, text: '对接会已举办', unit: '市商务局' });
  await c('closeout.request', { taskId: added, statement: '对接会已举办，签约3项', belowFull: false });
  await c('problem.raise', { taskId: TASK, unit: '市商务局', text: '展馆资金未到位', deadline: '2023-07-31' });
  await c('instruction.add', { taskId: TASK, leader: '王市长', text: '加快推进秋季车展筹备', unit: '市商务局', replyBy: '2023-07-20' });
  await c('record.void', { entity: 'task', id: split, reason: '重复录入' });
  await c('reporting.urge', { period: '2023-06-3', units: ['市商务局'] });
  await c('meeting.save', { month: '2023-06', heldOn: '2023-06-28', chair: '王市长', minutes: '听取各仗进展汇报' });
  await c('meeting.decide', { month: '2023-06', kind: 'note', text: '各单位按旬报送进展' });
  await c('report.export', { kind: 'monthly', period: '2023-06' });
}, 60_000);

afterAll(() => {
  centre?.close();
  unit?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The centre's log as a program of version n would have written it: records of tables it did not have yet are
 * not there, fields of columns it did not have are not in them (nor the fields' clocks, `basis`, before 0004),
 * a unit's lines only once stores could exchange files (0003); each author's chain sealed and signed again. The
 * plan's seeded events too: that version's seed wrote only the fields it had.
 */
function logAt(db: Database.Database): SealedEvent[] {
  const tables = tablesOf(db);
  const columns = new Map([...tables].map((t) => [t, new Set(columnsOf(db, t))]));
  const signers = new Map([
    [centre.replicaId, loadSigner(centre.sqlite).sign],
    [unit.replicaId, loadSigner(unit.sqlite).sign],
  ]);
  const heads = new Map<string, { seq: number; hash: string }>();
  const out: SealedEvent[] = [];
  for (const body of centre.sqlite.prepare('SELECT body FROM events ORDER BY rowid').pluck().all() as string[]) {
    const e = JSON.parse(body) as LedgerEvent;
    if (e.replica === unit.replicaId && !tables.has('peers')) continue;
    const spec = entitySpecs[e.entity as keyof typeof entitySpecs];
    const cols = columns.get(spec.table);
    if (!cols) continue;
    const has = (f: string) => cols.has((spec.fields as Record<string, { column: string }>)[f]!.column);
    const fields = Object.fromEntries(Object.entries(e.fields).filter(([f]) => has(f)));
    if (e.op === 'put' && Object.keys(fields).length === 0) continue;
    const basis = columns.get('field_clocks')!.has('basis') && e.basis ? Object.fromEntries(Object.entries(e.basis).filter(([f]) => has(f))) : undefined;
    const head = heads.get(e.replica) ?? { seq: 0, hash: GENESIS_HASH };
    const { basis: _b, ...rest } = e;
    const event: LedgerEvent = { ...rest, ...(basis && Object.keys(basis).length ? { basis } : {}), fields, seq: head.seq + 1, prevHash: head.hash };
    const sealed = sealEvent(event);
    const sign = signers.get(e.replica);
    if (sign) sealed.sig = sign(sealed.body);
    heads.set(e.replica, { seq: event.seq, hash: sealed.hash });
    out.push(sealed);
  }
  return out;
}

/** Tables the fold writes: the records' own, and what it derives from them. */
const FOLDED = [...new Set(Object.values(entitySpecs).map((s) => s.table)), 'field_clocks', 'task_units', 'task_facts', 'conflicts'];
/** Local state no event carries, taken from the centre's store as it was. */
const LOCAL = ['peers', 'import_log'];

interface Old {
  path: string;
  /** The tables version n had. */
  tables: Set<string>;
  events: unknown[][];
  /** The same events folded afresh by this program, in a store of the full schema. */
  fresh: Store;
}

/** A database at migration n with the centre's data as that version held it. */
function storeAt(n: number): Old {
  const path = join(dir, `at-${n}.db`);
  const old = new Database(path);
  applyMigrations(old, n);
  const log = logAt(old);

  const fresh = openStore(join(dir, `fresh-${n}.db`), { withoutSeed: true });
  const folded = new EventLog(fresh.sqlite, centre.replicaId).ingest(log);
  expect(folded.quarantined).toBe(0);

  const tables = tablesOf(old);
  old.transaction(() => {
    const eventCols = columnsOf(old, 'events');
    const insert = old.prepare(`INSERT INTO events (${eventCols.join(', ')}) VALUES (${eventCols.map(() => '?').join(', ')})`);
    for (const s of log) {
      const e = s.event;
      const row: Record<string, unknown> = {
        id: e.id, replica: e.replica, seq: e.seq, hlc: e.hlc, entity: e.entity, entity_id: e.entityId, op: e.op, schema_version: e.schemaVersion,
        prev_hash: e.prevHash, body: s.body, hash: s.hash, sig: s.sig ?? null, quarantined: 0,
      };
      insert.run(...eventCols.map((c) => row[c]));
    }
    for (const t of [...FOLDED, ...LOCAL].filter((x) => tables.has(x))) {
      const cols = columnsOf(old, t);
      const from = LOCAL.includes(t) ? centre.sqlite : fresh.sqlite;
      const put = old.prepare(`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (const r of rowsOf(from, t, cols)) put.run(...r);
    }
    const meta = old.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    for (const key of ['replica_id', 'signing_key', 'public_key', 'seeded_plan', 'settings']) {
      meta.run(key, centre.sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string);
    }
    // The version that added task_facts filled it when it first opened the store.
    if (tables.has('task_facts')) meta.run('task_facts_filled', '1');
  })();
  const events = rowsOf(old, 'events', ['id', 'replica', 'seq', 'hlc', 'entity', 'entity_id', 'op', 'schema_version', 'prev_hash', 'body', 'hash', 'sig']);
  old.close();
  return { path, tables, events, fresh };
}

describe('a store of every earlier version opens in this one', () => {
  it('has migrations to test', () => {
    expect(LATEST).toBeGreaterThan(1);
    expect(journal.map((e) => e.idx)).toEqual([...Array(LATEST).keys()]);
  });

  it.each([...Array(LATEST - 1).keys()])('from migration %i', async (n) => {
    const { path, tables: tablesBefore, events, fresh } = storeAt(n);
    let store: Store | undefined;
    try {
      const started = await startStore(path);
      if (!started.ok) throw new Error(`${started.error.message} (${started.error.detail})`);
      store = started.store;
      const db = store.sqlite;

      // The latest schema, recorded as drizzle records it, the same as a new store's to the letter.
      expect(store.schemaVersion).toBe(LATEST);
      expect(db.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').raw().all()).toEqual(
        journal.map((e) => [createHash('sha256').update(sqlOf(e.tag)).digest('hex'), e.when]),
      );
      const schema = (s: Database.Database) =>
        s.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY type, name").raw().all();
      expect(schema(db)).toEqual(schema(fresh.sqlite));

      // The store as it was is kept before the migrations change it.
      const copies = listBackups(path).filter((b) => b.reason === 'migration');
      expect(copies).toHaveLength(1);
      expect(checkBackupFile(copies[0]!.path)).toMatchObject({ ok: true, migrations: n + 1, events: events.length });

      // Every event as it was; the tables as folding the same events afresh makes them.
      expect(rowsOf(db, 'events', ['id', 'replica', 'seq', 'hlc', 'entity', 'entity_id', 'op', 'schema_version', 'prev_hash', 'body', 'hash', 'sig'])).toEqual(events);
      expect(db.prepare('SELECT count(*) FROM events WHERE quarantined <> 0').pluck().get()).toBe(0);
      for (const t of FOLDED) {
        const cols = columnsOf(db, t);
        expect(rowsOf(db, t, cols), `${t} after migration ${n}`).toEqual(rowsOf(fresh.sqlite, t, cols));
      }
      // What the program derives once on upgrade: the task facts, and the role a pin was granted (0010).
      expect(db.prepare("SELECT value FROM meta WHERE key = 'task_facts_filled'").pluck().get()).toBe('1');
      if (tablesBefore.has('progress')) expect(db.prepare('SELECT percent, closeout FROM task_facts WHERE task_id = ?').raw().get(added)).toEqual([100, 'pending']);
      if (tablesBefore.has('peers')) {
        const businessId = seedIds.unit('市商务局');
        expect(db.prepare('SELECT replica_id, office_unit_id, role, battle FROM peers').raw().all()).toEqual([[unit.replicaId, businessId, 'unit', 0]]);
      }

      // Read through the handlers as the pages read it.
      const call = caller(createHandlers({ store, version: '0', now: () => TODAY }));
      const { tasks } = await call('tasks.list', {});
      const byId = new Map(tasks.map((t) => [t.id, t]));
      expect(tasks.length).toBe(198);
      expect(byId.get(added)).toMatchObject({ code: '1.5.4', title: '举办跨境电商对接会', leadUnits: ['市商务局'], dueDate: '2023-09-30' });
      expect(byId.get(TASK)).toMatchObject({ code: '1.1.1', leadPerson: '王强', dueDate: '2023-10-31' });
      expect(byId.has(split)).toBe(false);
      const detail = (id: string) => call('task.detail', { id });
      if (tablesBefore.has('progress')) {
        expect(byId.get(added)).toMatchObject({ percent: 100, status: 'pending_closeout' });
        expect((await detail(added)).closeouts.map((c) => c.statement)).toEqual(['对接会已举办，签约3项']);
        expect((await detail(TASK)).progress.map((p) => `${p.unit}：${p.text}`)).toEqual(tablesBefore.has('peers') ? ['市商务局：春季车展已办'] : []);
        expect(await call('identity.get', {})).toEqual({ identity: getIdentity(centre) });
      } else {
        // Before 0002 there were no progress lines and no identity: the office says who it is once more.
        expect(byId.get(added)).toMatchObject({ percent: null, status: 'not_started' });
        await call('identity.set', { office: '总指挥中心', role: 'center', operator: '张伟' });
      }
      expect((await detail(added)).audit.length).toBeGreaterThan(0);

      // The log goes on from where it was: the next event follows the centre's last one in its chain.
      const head = db.prepare('SELECT seq, hash FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1').get(store.replicaId) as { seq: number; hash: string };
      await call('progress.report', { taskId: added, period: '2023-07-1', percent: 100, text: '签约项目开工', unit: '市商务局' });
      const next = db.prepare('SELECT seq, prev_hash AS prevHash FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1').get(store.replicaId);
      expect(next).toEqual({ seq: head.seq + 1, prevHash: head.hash });
      expect((await detail(added)).progress.map((p) => p.text)).toContain('签约项目开工');
    } finally {
      store?.close();
      fresh.close();
    }
  });
});
