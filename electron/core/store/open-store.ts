// Opens (or creates) a ledger store and makes it ready to use: the file opened and migrated (store.ts), then the
// tables derived from others filled, this installation's identity and key, on first creation the seeded plan, and
// a restore that could not finish continued. Callers get a `Store` (its type is in store.ts).
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { registerDerivedTables } from '../derived-tables';
import { registeredDerived } from '../events/fold';
import { EventLog } from '../events/log';
import { loadSeedFile } from '../plan/load-seed';
import { seedEvents } from '../plan/seed-events';
import { resourcePaths } from '../paths';
import { loadSigner } from '../sync/keys';
import { continueAsNewReplica } from './backups';
import { openDatabase, type Store } from './store';

export interface OpenStoreOptions {
  /** false: the file must already exist (CLI read commands); never create one by accident. */
  create?: boolean;
  migrationsDir?: string;
  seedFile?: string;
  /** A new store for a plan of the user's own document: no built-in plan is seeded. */
  withoutSeed?: boolean;
  /** Injected clock for tests. */
  now?: () => number;
}

/**
 * Tables derived from others that a migration adds empty (task_facts, 0009): filled once from the tables, then
 * kept by the fold. (A restore folds the backup's events into the full schema, filling them as it goes.)
 */
function fillDerivedTables(sqlite: Database.Database): void {
  for (const derived of registeredDerived()) {
    const mark = `${derived.table}_filled`;
    if (readMeta(sqlite, mark)) continue;
    sqlite.transaction(() => {
      derived.refresh(sqlite, null);
      sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(mark, '1');
    })();
  }
}

function readMeta(sqlite: Database.Database, key: string): string | undefined {
  return (sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  registerDerivedTables();
  const res = resourcePaths();
  const migrationsDir = options.migrationsDir ?? res.migrationsDir;
  // Parsed before anything is created, so a bad seed leaves no half-made file behind.
  const seed = existsSync(path) || options.withoutSeed || options.create === false ? undefined : loadSeedFile(options.seedFile ?? res.seedFile);

  const opened = openDatabase(path, { create: options.create, migrationsDir });
  const { sqlite } = opened;
  try {
    fillDerivedTables(sqlite);

    let replicaId = readMeta(sqlite, 'replica_id');
    if (!replicaId) {
      replicaId = uuidv7();
      sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('replica_id', replicaId);
    }
    const installationId = readMeta(sqlite, 'installation_id') ?? replicaId;
    if (!readMeta(sqlite, 'installation_id')) sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('installation_id', installationId);
    let signer = loadSigner(sqlite);
    let log = new EventLog(sqlite, replicaId, options.now, signer.sign);
    if (seed && opened.created && !readMeta(sqlite, 'seeded_plan')) {
      sqlite.transaction(() => {
        log.ingest(seedEvents(seed));
        sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('seeded_plan', seed.plan.code);
      })();
    }
    const store: Store = {
      path,
      sqlite,
      get log() {
        return log;
      },
      get replicaId() {
        return replicaId!;
      },
      get publicKey() {
        return signer.publicKey;
      },
      schemaVersion: opened.schemaVersion,
      migrationsDir,
      installationId,
      adoptNewReplica() {
        sqlite.transaction(() => {
          replicaId = uuidv7();
          sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'replica_id'").run(replicaId);
          sqlite.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('installation_id', ?)").run(installationId);
          sqlite.prepare("DELETE FROM meta WHERE key IN ('signing_key', 'public_key')").run();
          signer = loadSigner(sqlite);
        })();
        log = new EventLog(sqlite, replicaId!, options.now, signer.sign);
      },
      close: () => sqlite.close(),
    };
    // Put back from a backup while it could not be opened: continue as a new replica before anything else.
    if (readMeta(sqlite, 'restored_pending')) continueAsNewReplica(store);
    return store;
  } catch (err) {
    opened.abandon();
    throw err;
  }
}
