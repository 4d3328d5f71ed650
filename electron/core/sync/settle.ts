// Settling a conflict: keep the value the merge kept, or write the other one as a new edit. That edit has
// seen both values, so when it travels it resolves the conflict in every office.
import { AppError } from '../../../shared/errors';
import type { Json } from '../events/canonical';
import { requireIdentity } from '../app/identity';
import type { Store } from '../store/store';

export function settleConflict(store: Store, id: string, useOther: boolean): void {
  const c = store.sqlite.prepare('SELECT entity, entity_id AS entityId, field, loser_value AS other FROM conflicts WHERE id = ? AND settled = 0').get(id) as
    | { entity: string; entityId: string; field: string; other: string }
    | undefined;
  if (!c) throw new AppError('not_found', '这条冲突已处理或已不存在。', `no open conflict ${id}`);
  requireIdentity(store);
  store.sqlite.transaction(() => {
    if (useOther) store.log.append([{ entity: c.entity, entityId: c.entityId, op: 'put', fields: { [c.field]: JSON.parse(c.other) as Json } }]);
    store.sqlite.prepare('UPDATE conflicts SET settled = 1 WHERE id = ?').run(id);
  })();
}
