// What the 同步 page shows: this installation's fingerprint, the offices it exchanges with, what came in,
// and what was quarantined.
import { getIdentity } from '../app/identity';
import { FIELD_LABEL } from '../ledger/audit';
import type { Store } from '../store/store';
import { fingerprint } from './keys';
import { storeVector } from './vector';

export function syncInfo(store: Store) {
  const offices = new Map(
    (store.sqlite.prepare('SELECT r.id, u.name FROM replicas r JOIN units u ON u.id = r.office_unit_id').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]),
  );
  // An office whose events are all held has no folded identity yet: the one granted when its key was pinned.
  const granted = new Map(
    (store.sqlite.prepare('SELECT p.replica_id AS id, u.name FROM peers p JOIN units u ON u.id = p.office_unit_id').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]),
  );
  const mine = storeVector(store.sqlite)[store.replicaId] ?? 0;
  const peers = (
    store.sqlite
      .prepare(
        `SELECT p.replica_id AS replica, p.fingerprint, p.pinned_at AS pinnedAt, p.known_vector AS v, p.last_import_at AS lastImportAt, p.last_export_at AS lastExportAt,
                coalesce(gu.name, pu.name, '') AS grantedOffice, coalesce(g.role, p.role) AS role, coalesce(g.battle, p.battle) AS battle, CASE WHEN g.id IS NULL THEN 'pin' ELSE 'center' END AS grantedBy
           FROM peers p LEFT JOIN grants g ON g.id = p.replica_id AND g.deleted = 0 AND g.role <> ''
           LEFT JOIN units gu ON gu.id = g.office_unit_id LEFT JOIN units pu ON pu.id = p.office_unit_id ORDER BY p.pinned_at`,
      )
      .all() as { replica: string; fingerprint: string; pinnedAt: string; v: string; lastImportAt: string; lastExportAt: string; grantedOffice: string; role: string; battle: number; grantedBy: 'center' | 'pin' }[]
  ).map(({ v, ...p }) => ({ ...p, office: offices.get(p.replica) || p.grantedOffice, unsent: Math.max(0, mine - ((JSON.parse(v) as Record<string, number>)[store.replicaId] ?? 0)) }));
  const history = (
    store.sqlite.prepare('SELECT bundle_id AS bundleId, file_name AS fileName, exporter, imported_at AS importedAt, applied, skipped FROM import_log ORDER BY imported_at DESC LIMIT 200').all() as {
      bundleId: string;
      fileName: string;
      exporter: string;
      importedAt: string;
      applied: number;
      skipped: number;
    }[]
  ).map((h) => ({ ...h, office: offices.get(h.exporter) ?? '' }));
  const quarantined = (
    store.sqlite.prepare('SELECT event_id AS eventId, replica, seq, reason, at, body, kind FROM quarantine ORDER BY at DESC LIMIT 200').all() as {
      eventId: string;
      replica: string;
      seq: number;
      reason: string;
      at: string;
      body: string;
      kind: 'role' | 'content' | 'clock';
    }[]
  ).map(({ body, ...q }) => ({ ...q, office: offices.get(q.replica) || granted.get(q.replica) || '', entity: entityOf(body) }));
  const releases = (
    store.sqlite
      .prepare(
        `SELECT r.id AS eventId, r.reason, r.released_on AS releasedOn, (SELECT e.replica FROM events e WHERE e.entity = 'release' AND e.entity_id = r.id AND e.quarantined = 0 ORDER BY e.hlc DESC LIMIT 1) AS by,
                NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.event_id = r.id) AS applied
           FROM releases r WHERE r.deleted = 0 ORDER BY r.released_on DESC LIMIT 200`,
      )
      .all() as { eventId: string; reason: string; releasedOn: string; by: string | null; applied: number }[]
  ).map(({ by, applied, ...r }) => ({ ...r, office: (by && offices.get(by)) || '', applied: !!applied }));
  const tasks = new Map((store.sqlite.prepare('SELECT id, code, title FROM tasks').all() as { id: string; code: string; title: string }[]).map((t) => [t.id, t]));
  const conflicts = (
    store.sqlite
      .prepare('SELECT id, entity, entity_id AS entityId, field, winner_value AS w, winner_replica AS wr, loser_value AS l, loser_replica AS lr FROM conflicts WHERE settled = 0 ORDER BY id')
      .all() as { id: string; entity: string; entityId: string; field: string; w: string; wr: string; l: string; lr: string }[]
  ).map((c) => {
    const task = tasks.get(c.entityId);
    const show = (v: string) => {
      const parsed = JSON.parse(v) as unknown;
      return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
    };
    return {
      id: c.id,
      what: task ? `${task.code} ${task.title}` : `${c.entity} ${c.entityId.slice(0, 8)}`,
      field: FIELD_LABEL[c.field] ?? c.field,
      kept: show(c.w),
      keptBy: offices.get(c.wr) ?? '',
      other: show(c.l),
      otherBy: offices.get(c.lr) ?? '',
    };
  });
  return {
    conflicts,
    replicaId: store.replicaId,
    fingerprint: fingerprint(store.publicKey),
    office: getIdentity(store)?.officeName ?? '',
    ownEvents: mine,
    peers,
    history,
    quarantined,
    releases,
  };
}

/** A body as stored may be anything its author signed: the list must show it, not fail on it. */
function entityOf(body: string): string {
  try {
    const e = JSON.parse(body) as { entity?: unknown };
    return typeof e.entity === 'string' ? e.entity.slice(0, 40) : '';
  } catch {
    return '';
  }
}
