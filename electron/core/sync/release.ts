// Records held back on arrival, looked at again: the centre may release one it has examined (an event of its
// own, so every office that receives it releases the same record); records dated ahead are never released by a
// person — they apply by themselves once this machine's clock reaches them.
import { AppError } from '../../../shared/errors';
import type { Identity } from '../../../shared/workflow';
import type { LedgerEvent } from '../events/event';
import type { Store } from '../store/store';
import { resolveUnitId } from '../app/units';
import { admissionReason, pinnedPeers, type AdmissionContext } from './admission';

/** What admission needs to know of the keys pinned here. */
export function pinnedContext(store: Store): AdmissionContext {
  const byReplica = new Map(pinnedPeers(store.sqlite).map((p) => [p.replica, p]));
  return {
    self: store.replicaId,
    pinned: (r) => byReplica.get(r),
    keyOf: (r) => (r === store.replicaId ? store.publicKey : byReplica.get(r)?.key),
  };
}

/** Folds what may be folded now among the records held back; how many were. */
export function reconsiderQuarantine(store: Store): number {
  const ctx = pinnedContext(store);
  return store.log.reconsider((e: LedgerEvent, state, again) => admissionReason(store.sqlite, state, e, ctx, again));
}

export function releaseQuarantined(store: Store, who: Identity, eventId: string, reason: string, today: string): number {
  if (who.role !== 'center') throw new AppError('forbidden', `${who.officeName}：只有总指挥中心可以放行隔离的记录。`, `${who.role} may not release`);
  const row = store.sqlite.prepare('SELECT kind FROM quarantine WHERE event_id = ?').get(eventId) as { kind: string } | undefined;
  if (!row) throw new AppError('not_found', '找不到这条隔离的记录（可能已经放行）。', `no quarantined event ${eventId}`);
  if (row.kind === 'content') throw new AppError('bad_input', '这条记录格式错误，本程序无法应用，不能放行。', `event ${eventId} is malformed`);
  // Folded now, a record dated ahead would outrank every later edit of its fields until its date, and drag clocks.
  if (row.kind === 'clock') throw new AppError('bad_input', '时间异常的记录不能放行：到它所记的时间后自动生效。请让对方校正电脑日期后重新录入。', `event ${eventId} is held for its clock`);
  store.log.append([{ entity: 'release', entityId: eventId, op: 'put', fields: { reason: reason.trim(), releasedOn: today } }]);
  return reconsiderQuarantine(store);
}

/**
 * The centre's word on who a key is: its office, role and battle, which every office that receives the grant
 * judges its events by from then on (a unit reassigned, a key pinned with the wrong claim). Then looks again at
 * what was quarantined: the grant may allow it.
 */
export function grantRole(store: Store, who: Identity, input: { replica: string; office: string; role: string; battle: number; reason: string }, today: string): number {
  if (who.role !== 'center') throw new AppError('forbidden', `${who.officeName}：只有总指挥中心可以确认单位的角色。`, `${who.role} may not grant`);
  if (input.replica === store.replicaId) throw new AppError('bad_input', '本机的单位和角色请在“设置 → 本机身份”中设定。', 'grant to self');
  if (!store.sqlite.prepare('SELECT 1 FROM peers WHERE replica_id = ?').get(input.replica)) {
    throw new AppError('not_found', '还没有与这个单位交换过（须先导入它的同步包并核对指纹）。', `no pinned peer ${input.replica}`);
  }
  if (input.role === 'taskforce' && !(input.battle >= 1)) throw new AppError('bad_input', '工作专班须选择所属的仗。', 'taskforce without battle');
  const officeUnitId = resolveUnitId(store, input.office);
  store.log.append([
    { entity: 'grant', entityId: input.replica, op: 'put', fields: { officeUnitId, role: input.role, battle: input.role === 'taskforce' ? input.battle : 0, reason: `${today} ${input.reason.trim()}` } },
  ]);
  return reconsiderQuarantine(store);
}
