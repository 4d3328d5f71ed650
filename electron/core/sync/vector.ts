// Version vectors: for each replica, the highest sequence number held.
import type Database from 'better-sqlite3';
import { replicaHeads } from '../events/heads';

export type Vector = Record<string, number>;

export function storeVector(db: Database.Database): Vector {
  return Object.fromEntries(replicaHeads(db).map((h) => [h.replica, h.seq]));
}
