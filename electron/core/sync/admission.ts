// The role rules, applied again to events arriving from other offices: an event its author's role may not
// write is quarantined (kept, shown, never applied). The author's role is what its own log announced.
import { can, type Action, type TaskScope } from '../../../shared/permissions';
import type { Identity, Role } from '../../../shared/workflow';
import type { LedgerEvent } from '../events/event';
import type { FoldReader } from '../events/fold';
import type Database from 'better-sqlite3';

// The state is read through the folder (`FoldReader`): as folded up to the event before, in memory while a
// bundle is being ingested — an import of 100,000 events asks these questions 100,000 times.

const ASSIGNEE_FIELDS = new Set(['leadPerson', 'handler', 'responsibleSection']);
const PLAN_ENTITIES = new Set(['plan', 'battle', 'section', 'target', 'unit']);

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

function author(state: FoldReader, replica: string): Identity | null {
  const role = state.value('replica', replica, 'role');
  if (role === undefined || state.value('replica', replica, 'deleted') || !role) return null;
  const office = str(state.value('replica', replica, 'officeUnitId'));
  const battle = Number(state.value('replica', replica, 'battle') ?? 0);
  return { replicaId: replica, officeUnitId: office, officeName: '', role: role as Role, battle, operator: '' };
}

const battleCode = (state: FoldReader, battleId: unknown) => {
  const code = state.value('battle', str(battleId), 'code');
  return code === undefined || code === null ? undefined : Number(code);
};

function taskScopeOf(state: FoldReader, taskId: string, fields: Record<string, unknown>): TaskScope | null {
  const battleId = state.value('task', taskId, 'battleId');
  const battle = battleId === undefined ? undefined : battleCode(state, battleId);
  if (battle !== undefined) return { battle, leadUnitIds: ids(state.value('task', taskId, 'leadUnitIds')), coUnitIds: ids(state.value('task', taskId, 'coUnitIds')) };
  // A task being created: its battle comes with it.
  const created = battleCode(state, fields.battleId);
  return created !== undefined ? { battle: created, leadUnitIds: [], coUnitIds: [] } : null;
}

/** An indicator's battle and owner: its own row, the fields it arrives with, or the plan target it edits. */
function indicatorAdmissionScope(db: Database.Database, state: FoldReader, id: string, fields: Record<string, unknown>): TaskScope | null {
  const ownBattle = state.value('indicator', id, 'battleId');
  const battleOfRow = ownBattle === undefined ? undefined : battleCode(state, ownBattle);
  if (battleOfRow !== undefined) return { battle: battleOfRow, leadUnitIds: [str(fields.ownerUnitId ?? state.value('indicator', id, 'ownerUnitId'))], coUnitIds: [] };
  const battleId = fields.battleId ?? state.value('target', id, 'ownerId') ?? '';
  const battle = battleCode(state, battleId);
  if (battle === undefined) return null;
  // A plan indicator nobody has edited yet: its owner is its battle's office, found by name.
  let owner = fields.ownerUnitId;
  if (owner === undefined) {
    state.flush();
    owner = db.prepare('SELECT id FROM units WHERE name = ?').pluck().get(str(state.value('battle', str(battleId), 'office')));
  }
  return { battle, leadUnitIds: [str(owner)], coUnitIds: [] };
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

const verdict = (who: Identity, action: Action, scope: TaskScope | null) => (!scope ? '找不到所涉及的任务' : can(who, action, scope) ? null : NOT_ALLOWED[action]);

/** null when the event may be applied; otherwise why not, in Chinese. */
export function admissionReason(db: Database.Database, state: FoldReader, e: LedgerEvent): string | null {
  if (e.entity === 'replica') return e.entityId === e.replica ? null : '冒充其他单位修改其身份';
  const who = author(state, e.replica);
  if (!who) return '作者未设置单位和角色';
  if (PLAN_ENTITIES.has(e.entity)) return who.role === 'center' ? null : '只有总指挥中心可以修改实施方案和单位名录';
  if (e.entity === 'task') {
    const onlyAssignees = Object.keys(e.fields).every((f) => ASSIGNEE_FIELDS.has(f));
    return verdict(who, onlyAssignees ? 'task.assign' : 'task.edit', taskScopeOf(state, e.entityId, e.fields));
  }
  if (e.entity === 'progress') {
    return verdict(who, 'progress.report', taskScopeOf(state, str(e.fields.taskId ?? state.value('progress', e.entityId, 'taskId')), {}));
  }
  if (e.entity === 'closeout') {
    const decides = e.fields.state !== undefined && e.fields.state !== 'pending';
    return verdict(who, decides ? 'closeout.decide' : 'closeout.request', taskScopeOf(state, str(e.fields.taskId ?? state.value('closeout', e.entityId, 'taskId')), {}));
  }
  if (e.entity === 'indicator' || e.entity === 'indicatorValue') {
    const indicatorId = e.entity === 'indicator' ? e.entityId : str(e.fields.indicatorId ?? state.value('indicatorValue', e.entityId, 'indicatorId'));
    const scope = indicatorAdmissionScope(db, state, indicatorId, e.entity === 'indicator' ? e.fields : {});
    return verdict(who, e.entity === 'indicator' ? 'indicator.define' : 'indicator.report', scope);
  }
  if (e.entity === 'problem') {
    const taskId = str(e.fields.taskId ?? state.value('problem', e.entityId, 'taskId'));
    const unitId = str(e.fields.unitId ?? state.value('problem', e.entityId, 'unitId'));
    const task = taskScopeOf(state, taskId, {});
    const clears = e.fields.state === 'cleared' && Object.keys(e.fields).every((f) => ['state', 'clearedOn', 'statement'].includes(f));
    return clears ? verdict(who, 'problem.clear', task && { battle: task.battle, leadUnitIds: [unitId], coUnitIds: [] }) : verdict(who, 'problem.raise', task);
  }
  if (e.entity === 'supervision') {
    const taskIds = e.fields.taskIds !== undefined ? ids(e.fields.taskIds) : ids(state.value('supervision', e.entityId, 'taskIds'));
    const battles = new Set(taskIds.map((id) => taskScopeOf(state, id, {})?.battle));
    return verdict(who, 'supervision.act', { battle: battles.size === 1 ? ([...battles][0] ?? 0) : 0, leadUnitIds: [], coUnitIds: [] });
  }
  if (e.entity === 'meeting' || e.entity === 'decision') return verdict(who, 'meeting.record', { battle: 0, leadUnitIds: [], coUnitIds: [] });
  if (e.entity === 'report') {
    // An office numbers and records only its own documents.
    const existing = state.value('report', e.entityId, 'officeUnitId');
    const office = str(e.fields.officeUnitId ?? existing);
    return office === who.officeUnitId && (existing === undefined || str(existing) === office) ? null : '不能以其他单位的名义登记公文';
  }
  return `未知的记录类型 ${e.entity}`;
}
