// The role rules, applied again to events arriving from other offices: an event its author's role may not
// write is quarantined (kept, shown, never applied). The author's role is what its own log announced.
import { can, type Action, type TaskScope } from '../../../shared/permissions';
import type { Identity, Role } from '../../../shared/workflow';
import type { LedgerEvent } from '../events/event';
import type { Store } from '../store/open-store';

const ASSIGNEE_FIELDS = new Set(['leadPerson', 'handler', 'responsibleSection']);
const PLAN_ENTITIES = new Set(['plan', 'battle', 'section', 'target', 'unit']);

function author(store: Store, replica: string): Identity | null {
  const r = store.sqlite.prepare('SELECT office_unit_id AS office, role, battle FROM replicas WHERE id = ? AND deleted = 0').get(replica) as
    | { office: string; role: Role | ''; battle: number }
    | undefined;
  if (!r || !r.role) return null;
  return { replicaId: replica, officeUnitId: r.office, officeName: '', role: r.role, battle: r.battle, operator: '' };
}

function taskScopeOf(store: Store, taskId: string, fields: Record<string, unknown>): TaskScope | null {
  const row = store.sqlite
    .prepare('SELECT b.code AS battle, t.lead_unit_ids AS lead, t.co_unit_ids AS co FROM tasks t JOIN battles b ON b.id = t.battle_id WHERE t.id = ?')
    .get(taskId) as { battle: number; lead: string; co: string } | undefined;
  if (row) return { battle: row.battle, leadUnitIds: JSON.parse(row.lead), coUnitIds: JSON.parse(row.co) };
  // A task being created: its battle comes with it.
  const battle = store.sqlite.prepare('SELECT code FROM battles WHERE id = ?').get(String(fields.battleId ?? '')) as { code: number } | undefined;
  return battle ? { battle: battle.code, leadUnitIds: [], coUnitIds: [] } : null;
}

const NOT_ALLOWED: Record<Action, string> = {
  'task.edit': '无权修改该任务',
  'task.assign': '无权填写该任务的负责人',
  'progress.report': '无权报送该任务的进展',
  'closeout.request': '无权申请该任务销号',
  'closeout.decide': '无权审批该任务销号',
};

/** null when the event may be applied; otherwise why not, in Chinese. */
export function admissionReason(store: Store, e: LedgerEvent): string | null {
  if (e.entity === 'replica') return e.entityId === e.replica ? null : '冒充其他单位修改其身份';
  const who = author(store, e.replica);
  if (!who) return '作者未设置单位和角色';
  if (PLAN_ENTITIES.has(e.entity)) return who.role === 'center' ? null : '只有总指挥中心可以修改实施方案和单位名录';
  const check = (action: Action, scope: TaskScope | null) => (!scope ? '找不到所涉及的任务' : can(who, action, scope) ? null : NOT_ALLOWED[action]);
  if (e.entity === 'task') {
    const onlyAssignees = Object.keys(e.fields).every((f) => ASSIGNEE_FIELDS.has(f));
    return check(onlyAssignees ? 'task.assign' : 'task.edit', taskScopeOf(store, e.entityId, e.fields));
  }
  if (e.entity === 'progress') {
    const existing = store.sqlite.prepare('SELECT task_id AS taskId FROM progress WHERE id = ?').get(e.entityId) as { taskId: string } | undefined;
    return check('progress.report', taskScopeOf(store, String(e.fields.taskId ?? existing?.taskId ?? ''), {}));
  }
  if (e.entity === 'closeout') {
    const existing = store.sqlite.prepare('SELECT task_id AS taskId FROM closeouts WHERE id = ?').get(e.entityId) as { taskId: string } | undefined;
    const decides = e.fields.state !== undefined && e.fields.state !== 'pending';
    return check(decides ? 'closeout.decide' : 'closeout.request', taskScopeOf(store, String(e.fields.taskId ?? existing?.taskId ?? ''), {}));
  }
  if (e.entity === 'report') {
    // An office numbers and records only its own documents.
    const existing = store.sqlite.prepare('SELECT office_unit_id AS office FROM reports WHERE id = ?').get(e.entityId) as { office: string } | undefined;
    const office = String(e.fields.officeUnitId ?? existing?.office ?? '');
    return office === who.officeUnitId && (!existing || existing.office === office) ? null : '不能以其他单位的名义登记公文';
  }
  return `未知的记录类型 ${e.entity}`;
}
