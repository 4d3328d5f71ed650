// This installation's identity: the office it belongs to and its role. It is announced as an event of the
// installation's own log (entity "replica"), so other offices learn who wrote what when logs travel.
import type { z } from 'zod';
import type { Identity } from '../../../shared/workflow';
import { identityInputSchema } from '../../../shared/workflow';
import { AppError } from '../../../shared/errors';
import type { Store } from '../store/store';
import { resolveUnitId } from './units';

export function getIdentity(store: Store): Identity | null {
  const row = store.sqlite
    .prepare(
      `SELECT r.id AS replicaId, r.office_unit_id AS officeUnitId, u.name AS officeName, r.role, r.battle, r.operator
         FROM replicas r JOIN units u ON u.id = r.office_unit_id WHERE r.id = ? AND r.deleted = 0`,
    )
    .get(store.replicaId) as Identity | undefined;
  return row && row.role ? row : null;
}

/** This office and its role, as identity.set's contract states them (its defaults applied here for direct callers). */
export function setIdentity(store: Store, raw: z.input<typeof identityInputSchema>): Identity {
  const input = identityInputSchema.parse(raw);
  const officeUnitId = resolveUnitId(store, input.office);
  store.log.append([
    {
      entity: 'replica',
      entityId: store.replicaId,
      op: 'put',
      fields: { officeUnitId, role: input.role, battle: input.role === 'taskforce' ? input.battle : 0, operator: input.operator, publicKey: store.publicKey },
    },
  ]);
  return getIdentity(store)!;
}

export function requireIdentity(store: Store): Identity {
  const id = getIdentity(store);
  if (!id) throw new AppError('forbidden', '请先设置本机所属单位和角色（设置 → 本机身份）。', 'installation identity not set');
  return id;
}
