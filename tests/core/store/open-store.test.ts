import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { readEvents } from '../../../electron/core/events/read';
import { openStore } from '../../../electron/core/store/open-store';
import { resolveStorePath, defaultDataDir } from '../../../electron/core/store/data-dir';
import { tempDir, tempStore } from '../../helpers/temp-store';

function expectAppError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('openStore', () => {
  it('creates a WAL store, runs the migrations and seeds the plan once', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const s = openStore(path);
    expect(s.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const migrations = (s.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    expect(migrations).toBe(s.schemaVersion);
    const events = (s.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    expect(events).toBeGreaterThan(100);
    expect((s.sqlite.prepare('SELECT count(*) AS n FROM battles').get() as { n: number }).n).toBe(6);
    const replica = s.replicaId;
    s.close();

    const again = openStore(path);
    expect(again.replicaId).toBe(replica);
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(events);
    again.close();
  });

  it('seeds identical events on two independent installations, so they can sync without duplicates', () => {
    const a = tempStore();
    const b = tempStore();
    expect(a.replicaId).not.toBe(b.replicaId);
    const hashes = (s: typeof a) => readEvents(s.sqlite).map((e) => `${e.event.id}:${e.hash}`);
    expect(hashes(a)).toEqual(hashes(b));
    const ids = (s: typeof a) => s.sqlite.prepare('SELECT id FROM tasks ORDER BY id').all();
    expect(ids(a)).toEqual(ids(b));
  });

  it('refuses to create a file when asked to open an existing one only', () => {
    const path = join(tempDir(), 'missing.db');
    expectAppError(() => openStore(path, { create: false }), 'store_missing');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a file that is not a ledger and leaves it byte for byte unchanged', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, '这不是数据库 — just some text that a user saved with the wrong name');
    const before = readFileSync(path);
    expectAppError(() => openStore(path), 'store_corrupt');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a damaged database without writing to it', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    openStore(path).close();
    const bytes = readFileSync(path);
    // Overwrite the middle of the file (table pages) and keep the valid header.
    bytes.fill(0xab, 4096 * 2, 4096 * 6);
    writeFileSync(path, bytes);
    expectAppError(() => openStore(path), 'store_corrupt');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a store written by a newer version of the program', () => {
    const path = join(tempDir(), 'ledger.db');
    openStore(path).close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 1e9);
    raw.close();
    expectAppError(() => openStore(path), 'store_newer');
  });

  it('leaves no half-made file behind when creation fails', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const badSeed = join(dir, 'seed.json');
    writeFileSync(badSeed, '{"format":"something else"}');
    expect(() => openStore(path, { seedFile: badSeed })).toThrow(AppError);
    expect(existsSync(path)).toBe(false);
  });
});

describe('store location', () => {
  it('prefers --db, then LEDGER_DB, then the per-user data folder', () => {
    expect(resolveStorePath('a.db', { INIT_CWD: '/home/u/work' }, '/repo')).toBe('/home/u/work/a.db');
    expect(resolveStorePath(undefined, { LEDGER_DB: '/data/x.db' }, '/repo')).toBe('/data/x.db');
    expect(resolveStorePath(undefined, { XDG_CONFIG_HOME: '/home/u/.config' }, '/repo')).toBe('/home/u/.config/zhuanban-ledger/ledger.db');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('zhuanban-ledger');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('Roaming');
  });
});
