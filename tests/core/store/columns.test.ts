// Column names are written three times: in the drizzle schema (schema.ts), in the migrations' SQL (hand-checked,
// sometimes hand-written), and in the fold's entity map (events/entities.ts), whose SQL is built from strings at
// run time. None of them checks the others, so a migrated store is compared with both.
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { derivedTableNames, entitySpecs, type FieldKind } from '../../../electron/core/events/entities';
import { resourcePaths } from '../../../electron/core/paths';
import * as schema from '../../../electron/core/store/schema';
import { openDatabase } from '../../../electron/core/store/store';
import { tempDir } from '../../helpers/temp-store';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

const drizzleTables = (Object.values(schema) as unknown[])
  .filter((v): v is SQLiteTable => is(v, SQLiteTable))
  .map((t) => getTableConfig(t));

const sqlType: Record<FieldKind, string> = { text: 'TEXT', json: 'TEXT', int: 'INTEGER', bool: 'INTEGER', real: 'REAL' };

/** A default as the migration's SQL spells it (what PRAGMA table_info shows). */
function sqlLiteral(value: unknown): string | undefined {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number') return String(value);
  return undefined; // an SQL expression: not compared
}

describe('the store’s columns', () => {
  let sqlite: Database.Database;
  let tables: Map<string, ColumnInfo[]>;

  beforeAll(() => {
    ({ sqlite } = openDatabase(join(tempDir(), 'l.db'), { migrationsDir: resourcePaths().migrationsDir }));
    const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'").pluck().all() as string[];
    tables = new Map(names.map((n) => [n, sqlite.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(n) as ColumnInfo[]]));
  });
  afterAll(() => sqlite?.close());

  it('the migrations make exactly the tables the drizzle schema declares', () => {
    expect(drizzleTables.length).toBeGreaterThan(20);
    expect([...tables.keys()].sort()).toEqual(drizzleTables.map((t) => t.name).sort());
  });

  it('each with the drizzle schema’s columns: names, types, NOT NULL, primary key and defaults', () => {
    const differences: string[] = [];
    for (const t of drizzleTables) {
      const actual = new Map((tables.get(t.name) ?? []).map((c) => [c.name, c]));
      const compositeKey = new Set(t.primaryKeys.flatMap((k) => k.columns.map((c) => c.name)));
      for (const col of t.columns) {
        const c = actual.get(col.name);
        const where = `${t.name}.${col.name}`;
        if (!c) {
          differences.push(`${where}: in schema.ts, not in the migrated store`);
          continue;
        }
        if (c.type.toUpperCase() !== col.getSQLType().toUpperCase()) differences.push(`${where}: ${c.type} in the store, ${col.getSQLType()} in schema.ts`);
        if (!!c.notnull !== col.notNull && !col.primary) differences.push(`${where}: NOT NULL ${!!c.notnull} in the store, ${col.notNull} in schema.ts`);
        if (!!c.pk !== (col.primary || compositeKey.has(col.name))) differences.push(`${where}: primary key ${!!c.pk} in the store, not so in schema.ts`);
        const literal = col.hasDefault ? sqlLiteral(col.default) : null;
        if (literal !== undefined && c.dflt_value !== literal) differences.push(`${where}: default ${c.dflt_value} in the store, ${literal} in schema.ts`);
      }
      const declared = new Set(t.columns.map((c) => c.name));
      for (const name of actual.keys()) if (!declared.has(name)) differences.push(`${t.name}.${name}: in the migrated store, not in schema.ts`);
    }
    expect(differences, differences.join('\n')).toEqual([]);
  });

  it('and the drizzle schema’s indexes, on the same columns', () => {
    const differences: string[] = [];
    for (const t of drizzleTables) {
      const made = new Map(
        (sqlite.prepare("SELECT name, \"unique\" FROM pragma_index_list(?) WHERE origin = 'c'").all(t.name) as { name: string; unique: number }[]).map((i) => [
          i.name,
          { unique: !!i.unique, columns: sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(i.name) as string[] },
        ]),
      );
      for (const { config } of t.indexes) {
        const m = made.get(config.name);
        const columns = config.columns.map((c) => (c as { name: string }).name);
        if (!m) differences.push(`${t.name}: index ${config.name} in schema.ts, not in the migrated store`);
        else if (m.unique !== !!config.unique || m.columns.join() !== columns.join()) differences.push(`${t.name}: index ${config.name} differs (store ${m.unique ? 'unique ' : ''}${m.columns.join()}, schema.ts ${config.unique ? 'unique ' : ''}${columns.join()})`);
        made.delete(config.name);
      }
      for (const name of made.keys()) differences.push(`${t.name}: index ${name} in the migrated store, not in schema.ts`);
    }
    expect(differences, differences.join('\n')).toEqual([]);
  });

  it('every table and column the fold’s entity map names, with a type its kind fits', () => {
    const differences: string[] = [];
    for (const [entity, spec] of Object.entries(entitySpecs)) {
      const actual = new Map((tables.get(spec.table) ?? []).map((c) => [c.name, c]));
      if (!actual.size) {
        differences.push(`${entity}: table ${spec.table} is not in the migrated store`);
        continue;
      }
      if (actual.get('id')?.pk !== 1) differences.push(`${entity}: ${spec.table} has no primary key id (the fold writes rows by id)`);
      for (const [field, { column, kind }] of Object.entries(spec.fields) as [string, { column: string; kind: FieldKind }][]) {
        const c = actual.get(column);
        if (!c) differences.push(`${entity}.${field}: column ${spec.table}.${column} is not in the migrated store`);
        else if (c.type.toUpperCase() !== sqlType[kind]) differences.push(`${entity}.${field}: ${spec.table}.${column} is ${c.type}, a ${kind} field needs ${sqlType[kind]}`);
        // A row the fold creates is inserted with its id alone: every other column needs a default.
        else if (c.notnull && c.dflt_value === null) differences.push(`${entity}.${field}: ${spec.table}.${column} is NOT NULL without a default`);
      }
    }
    for (const name of derivedTableNames) if (!tables.has(name)) differences.push(`derived table ${name} is not in the migrated store`);
    expect(differences, differences.join('\n')).toEqual([]);
  });
});
