// Records held back on arrival, looked at again: the centre may release one it has examined (an event of its
// own, so every office that receives it releases the same record), and records dated ahead apply by themselves
// once this machine's clock reaches them.
import { AppError } from '../../../shared/errors';
import type { Identity } from '../../../shared/workflow';
import type { LedgerEvent } from '../events/event';
import type { Store } from '../store/open-store';
import { admissionReason, type AdmissionContext, type Grant } from './admission';

/** What admission needs to know of the keys pinned here. */
export function pinnedContext(store: Store): AdmissionContext {
  const rows = store.sqlite.prepare('SELECT replica_id AS r, public_key AS k, office_unit_id AS officeUnitId, role, battle FROM peers').all() as ({ r: string; k: string } & Grant)[];
  const byReplica = new Map(rows.map((p) => [p.r, p]));
  return {
    self: store.replicaId,
    pinned: (r) => byReplica.get(r),
    keyOf: (r) => (r === store.replicaId ? store.publicKey : byReplica.get(r)?.k),
  };
}

/** Folds what may be folded now among the records held back; how many were. */
export function reconsiderQuarantine(store: Store): number {
  const ctx = pinnedContext(store);
  return store.log.reconsider((e: LedgerEvent, state) => admissionReason(store.sqlite, state, e, ctx));
}

export function releaseQuarantined(store: Store, who: Identity, eventId: string, reason: string, today: string): number {
  if (who.role !== 'center') throw new AppError('forbidden', `${who.officeName}：只有总指挥中心可以放行隔离的记录。`, `${who.role} may not release`);
  const row = store.sqlite.prepare('SELECT kind FROM quarantine WHERE event_id = ?').get(eventId) as { kind: string } | undefined;
  if (!row) throw new AppError('not_found', '找不到这条隔离的记录（可能已经放行）。', `no quarantined event ${eventId}`);
  if (row.kind === 'content') throw new AppError('bad_input', '这条记录格式错误，本程序无法应用，不能放行。', `event ${eventId} is malformed`);
  store.log.append([{ entity: 'release', entityId: eventId, op: 'put', fields: { reason: reason.trim(), releasedOn: today } }]);
  return reconsiderQuarantine(store);
}
