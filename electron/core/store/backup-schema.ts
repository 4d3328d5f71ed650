// Whether a backup file's schema is exactly one this program writes: the schema the first N of its own migrations
// produce, N being the number the file records (and those records must be this program's migrations, by hash).
// A trigger, a view, an index or a column of anyone else's is refused before a row of the file is read: a trigger
// would run on the restored store's next write, and a view can stand where a table of keys should be.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

/** What differs, for the message (Chinese) and the log (English); null when the schema is this program's. */
export interface SchemaDifference {
  /** 'extra': something this program never creates; 'other': missing or defined differently. */
  kind: 'extra' | 'other' | 'history';
  what: string;
  detail: string;
}

const TYPE_NAMES: Record<string, string> = { trigger: '触发器', view: '视图', index: '索引', table: '表' };

// SQLite's own bookkeeping: created by SQLite itself (ANALYZE, AUTOINCREMENT), holds no code, and is never read
// from a backup.
const SQLITE_OWN = new Set(['sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4', 'sqlite_sequence']);

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function objectsOf(db: Database.Database): Map<string, SchemaObject> {
  const out = new Map<string, SchemaObject>();
  for (const r of db.prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_master').all() as SchemaObject[]) {
    if (r.type === 'table' && SQLITE_OWN.has(r.name)) continue;
    // Two rows of one name only come from editing sqlite_master by hand: the second counts as extra.
    const key = out.has(`${r.type} ${r.name}`) ? `${r.type} ${r.name} (2)` : `${r.type} ${r.name}`;
    out.set(key, r);
  }
  return out;
}

const expected = new Map<string, Database.Database>();

/**
 * A database in memory with the first `count` migrations applied by drizzle's own migrator, the way every store
 * got its schema. Kept per folder and count: a handful at most.
 */
function expectedDatabase(migrationsDir: string, count: number): Database.Database {
  const key = `${migrationsDir}\n${count}`;
  let db = expected.get(key);
  if (!db) {
    db = new Database(':memory:');
    const migrations = readMigrationFiles({ migrationsFolder: migrationsDir }).slice(0, count);
    // The migrator's one entry point takes a folder; the dialect under it takes the list, so a prefix can be applied.
    const orm = drizzle(db) as unknown as { dialect: { migrate(m: unknown, s: unknown, c: unknown): void }; session: unknown };
    orm.dialect.migrate(migrations, orm.session, { migrationsFolder: migrationsDir });
    expected.set(key, db);
  }
  return db;
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
  hidden: number;
}

function columnsOf(db: Database.Database, table: string): Column[] {
  return db.pragma(`table_xinfo(${quoteIdent(table)})`) as Column[];
}

const describeColumn = (c: Column) => JSON.stringify([c.type, c.notnull, c.dflt_value, c.pk, c.hidden]);

/** The columns' difference, in words, when a table of ours is defined otherwise in the file. */
function tableDifference(file: Database.Database, ours: Database.Database, table: string): SchemaDifference {
  const a = columnsOf(file, table);
  const b = new Map(columnsOf(ours, table).map((c) => [c.name, c]));
  const extra = a.filter((c) => !b.has(c.name)).map((c) => c.name);
  if (extra.length) return { kind: 'extra', what: `表 ${table} 的列 ${extra.join('、')}`, detail: `table ${table}: extra column(s) ${extra.join(', ')}` };
  const names = new Set(a.map((c) => c.name));
  const missing = [...b.keys()].filter((n) => !names.has(n));
  if (missing.length) return { kind: 'other', what: `表 ${table} 缺少列 ${missing.join('、')}`, detail: `table ${table}: missing column(s) ${missing.join(', ')}` };
  const changed = a.filter((c) => describeColumn(c) !== describeColumn(b.get(c.name)!)).map((c) => c.name);
  if (changed.length) return { kind: 'other', what: `表 ${table} 的列 ${changed.join('、')} 定义不同`, detail: `table ${table}: column(s) ${changed.join(', ')} defined otherwise` };
  return { kind: 'other', what: `表 ${table} 的定义不同`, detail: `table ${table}: definition differs` };
}

/** Compares a backup (open read-only) with this program's schema for the migrations it records. */
export function schemaDifference(file: Database.Database, migrationsDir: string): SchemaDifference | null {
  const ours = readMigrationFiles({ migrationsFolder: migrationsDir });
  const hasHistory = file.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const history = hasHistory ? (file.prepare('SELECT hash, created_at AS at FROM __drizzle_migrations ORDER BY created_at').all() as { hash: unknown; at: unknown }[]) : [];
  if (history.length === 0 || history.length > ours.length) return { kind: 'history', what: '', detail: `${history.length} migrations recorded, this program has ${ours.length}` };
  for (let i = 0; i < history.length; i++) {
    const h = history[i]!;
    if (h.hash !== ours[i]!.hash || Number(h.at) !== ours[i]!.folderMillis) return { kind: 'history', what: '', detail: `migration ${i} recorded as ${String(h.hash)} at ${String(h.at)}` };
  }

  const oursDb = expectedDatabase(migrationsDir, history.length);
  const want = objectsOf(oursDb);
  const have = objectsOf(file);
  const extras = [...have.entries()].filter(([key]) => !want.has(key)).map(([, o]) => o);
  // The ones that can act on their own first: a trigger runs, a view answers in a table's place.
  for (const type of ['trigger', 'view', 'index', 'table']) {
    const o = extras.find((x) => x.type === type) ?? (type === 'table' ? extras[0] : undefined);
    if (o) return { kind: 'extra', what: `${TYPE_NAMES[o.type] ?? o.type} ${o.name}`, detail: `${o.type} ${o.name} on ${o.tblName}: ${o.sql ?? ''}` };
  }
  for (const [key, o] of want) {
    const h = have.get(key);
    if (!h) return { kind: 'other', what: `缺少${TYPE_NAMES[o.type] ?? o.type} ${o.name}`, detail: `missing ${o.type} ${o.name}` };
    if (h.sql === o.sql && h.tblName === o.tblName) continue;
    if (o.type === 'table') return tableDifference(file, oursDb, o.name);
    return { kind: 'other', what: `${TYPE_NAMES[o.type] ?? o.type} ${o.name} 的定义不同`, detail: `${o.type} ${o.name} defined as ${h.sql ?? ''}` };
  }
  return null;
}
