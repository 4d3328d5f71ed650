// For the end-to-end tests: forges, in a unit's store, what a hostile (or careless) holder of its key would send —
// a claim to be the centre, its own 销号 approved, a change dated three days ahead, and an edit of the task's title
// (a taskforce's edit). Usage: forge-cli.ts --db FILE
import { openStore } from '../../electron/core/store/open-store';
import { forge } from './forge';

const db = process.argv[process.argv.indexOf('--db') + 1]!;
const store = openStore(db);
const own = store.sqlite.prepare('SELECT office_unit_id FROM replicas WHERE id = ?').pluck().get(store.replicaId) as string;
const closeout = store.sqlite.prepare('SELECT id, task_id AS taskId FROM closeouts').get() as { id: string; taskId: string };
forge(store, [
  { entity: 'replica', entityId: store.replicaId, fields: { officeUnitId: own, role: 'center', battle: 0 } },
  { entity: 'closeout', entityId: closeout.id, fields: { taskId: closeout.taskId, state: 'approved', decidedOn: '2023-07-02' } },
  { entity: 'task', entityId: closeout.taskId, fields: { title: '开展促消费系列活动（更正错字）' } },
  // Last: forge() dates each event after the one before.
  { entity: 'task', entityId: closeout.taskId, fields: { handler: '三天后的承办人' }, wall: Date.now() + 3 * 86_400_000 },
]);
store.close();
