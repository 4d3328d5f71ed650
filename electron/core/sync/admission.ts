// The role rules, applied again to events arriving from other offices: an event its author's role may not
// write is quarantined (kept, shown, never applied). The author's role is what its own log announced.
import { can, type Action, type TaskScope } from '../../../shared/permissions';
import type { Identity, Role } from '../../../shared/workflow';
import type { LedgerEvent } from '../events/event';
import type Database from 'better-sqlite3';
import type { Store } from '../store/open-store';

/** Admission runs once per imported event: its statements are prepared once per store. */
const statements = new WeakMap<object, Map<string, Database.Statement>>();

function stmt(store: Store, sql: string): Database.Statement {
  let cache = statements.get(store.sqlite);
  if (!cache) statements.set(store.sqlite, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = store.sqlite.prepare(sql)));
  return s;
}

const ASSIGNEE_FIELDS = new Set(['leadPerson', 'handler', 'responsibleSection']);
const PLAN_ENTITIES = new Set(['plan', 'battle', 'section', 'target', 'unit']);

function author(store: Store, replica: string): Identity | null {
  const r = stmt(store, 'SELECT office_unit_id AS office, role, battle FROM replicas WHERE id = ? AND deleted = 0').get(replica) as
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
  const battle = stmt(store, 'SELECT code FROM battles WHERE id = ?').get(String(fields.battleId ?? '')) as { code: number } | undefined;
  return battle ? { battle: battle.code, leadUnitIds: [], coUnitIds: [] } : null;
}

function existingField(store: Store, table: string, id: string, column: string): string {
  const row = stmt(store, `SELECT ${column} AS v FROM ${table} WHERE id = ?`).get(id) as { v: string } | undefined;
  return row?.v ?? '';
}

/** An indicator's battle and owner: its own row, the fields it arrives with, or the plan target it edits. */
function indicatorAdmissionScope(store: Store, id: string, fields: Record<string, unknown>): TaskScope | null {
  const row = store.sqlite
    .prepare('SELECT b.code AS battle, i.owner_unit_id AS owner FROM indicators i JOIN battles b ON b.id = i.battle_id WHERE i.id = ?')
    .get(id) as { battle: number; owner: string } | undefined;
  if (row) return { battle: row.battle, leadUnitIds: [String(fields.ownerUnitId ?? row.owner)], coUnitIds: [] };
  const battleId = fields.battleId ?? existingField(store, 'targets', id, 'owner_id');
  const battle = stmt(store, 'SELECT code FROM battles WHERE id = ?').get(String(battleId)) as { code: number } | undefined;
  if (!battle) return null;
  // A plan indicator nobody has edited yet: its owner is its battle's office.
  const owner = fields.ownerUnitId ?? stmt(store, 'SELECT u.id FROM battles b JOIN units u ON u.name = b.office WHERE b.id = ?').pluck().get(String(battleId));
  return { battle: battle.code, leadUnitIds: [String(owner ?? '')], coUnitIds: [] };
}

const NOT_ALLOWED: Record<Action, string> = {
  'task.edit': '无权修改该任务',
  'task.assign': '无权填写该任务的负责人',
  'progress.report': '无权报送该任务的进展',
  'closeout.request': '无权申请该任务销号',
  'closeout.decide': '无权审批该任务销号',
  'indicator.define': '无权设定该指标',
  'indicator.report': '无权填报该指标',
  'problem.raise': '无权交办该问题',
  'problem.clear': '无权报告该问题整改完成',
  'supervision.act': '无权表扬、督办或约谈',
  'meeting.record': '无权记录调度分析会',
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
    const existing = stmt(store, 'SELECT task_id AS taskId FROM progress WHERE id = ?').get(e.entityId) as { taskId: string } | undefined;
    return check('progress.report', taskScopeOf(store, String(e.fields.taskId ?? existing?.taskId ?? ''), {}));
  }
  if (e.entity === 'closeout') {
    const existing = stmt(store, 'SELECT task_id AS taskId FROM closeouts WHERE id = ?').get(e.entityId) as { taskId: string } | undefined;
    const decides = e.fields.state !== undefined && e.fields.state !== 'pending';
    return check(decides ? 'closeout.decide' : 'closeout.request', taskScopeOf(store, String(e.fields.taskId ?? existing?.taskId ?? ''), {}));
  }
  if (e.entity === 'indicator' || e.entity === 'indicatorValue') {
    const indicatorId = e.entity === 'indicator' ? e.entityId : String(e.fields.indicatorId ?? existingField(store, 'indicator_values', e.entityId, 'indicator_id'));
    const scope = indicatorAdmissionScope(store, indicatorId, e.entity === 'indicator' ? e.fields : {});
    return check(e.entity === 'indicator' ? 'indicator.define' : 'indicator.report', scope);
  }
  if (e.entity === 'problem') {
    const taskId = String(e.fields.taskId ?? existingField(store, 'problems', e.entityId, 'task_id'));
    const unitId = String(e.fields.unitId ?? existingField(store, 'problems', e.entityId, 'unit_id'));
    const task = taskScopeOf(store, taskId, {});
    const clears = e.fields.state === 'cleared' && Object.keys(e.fields).every((f) => ['state', 'clearedOn', 'statement'].includes(f));
    return clears ? check('problem.clear', task && { battle: task.battle, leadUnitIds: [unitId], coUnitIds: [] }) : check('problem.raise', task);
  }
  if (e.entity === 'supervision') {
    const ids = (e.fields.taskIds as string[] | undefined) ?? (JSON.parse(existingField(store, 'supervisions', e.entityId, 'task_ids') || '[]') as string[]);
    const battles = new Set(ids.map((id) => taskScopeOf(store, id, {})?.battle));
    return check('supervision.act', { battle: battles.size === 1 ? ([...battles][0] ?? 0) : 0, leadUnitIds: [], coUnitIds: [] });
  }
  if (e.entity === 'meeting' || e.entity === 'decision') return check('meeting.record', { battle: 0, leadUnitIds: [], coUnitIds: [] });
  if (e.entity === 'report') {
    // An office numbers and records only its own documents.
    const existing = stmt(store, 'SELECT office_unit_id AS office FROM reports WHERE id = ?').get(e.entityId) as { office: string } | undefined;
    const office = String(e.fields.officeUnitId ?? existing?.office ?? '');
    return office === who.officeUnitId && (!existing || existing.office === office) ? null : '不能以其他单位的名义登记公文';
  }
  return `未知的记录类型 ${e.entity}`;
}
