// The role rules, applied again to events arriving from other offices: an event its author may not write is
// quarantined (kept in the chain, shown with the reason, never folded). The author's office, role and battle are
// the ones granted to its key — by the centre (a "grant" event), or by a person here who confirmed its fingerprint
// and the identity it announced then — never what its own later events say of it: a unit that re-announces itself
// as the centre is still a unit. Whose record it is counts too: a unit writes progress, requests and actuals only
// in its own name, and never touches another office's lines.
import { can, onlyAssignees, type Action, type TaskScope } from '../../../shared/permissions';
import type { Identity, Role } from '../../../shared/workflow';
import type { LedgerEvent } from '../events/event';
import type { FoldReader } from '../events/fold';
import type Database from 'better-sqlite3';

// The state is read through the folder (`FoldReader`): as folded up to the event before, in memory while a
// bundle is being ingested — an import of 100,000 events asks these questions 100,000 times.

const PLAN_ENTITIES = new Set(['plan', 'battle', 'section', 'target', 'unit']);
const IDENTITY_FIELDS = ['officeUnitId', 'role', 'battle'] as const;
const DECISION_FIELDS = ['deciderUnitId', 'reason', 'decidedOn'];

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** An office's identity as granted here. */
export interface Grant {
  officeUnitId: string;
  role: string;
  battle: number;
}

/** The keys pinned here, each with the identity granted to it when it was pinned. */
export function pinnedPeers(db: Database.Database): ({ replica: string; key: string } & Grant)[] {
  return db.prepare('SELECT replica_id AS replica, public_key AS key, office_unit_id AS officeUnitId, role, battle FROM peers').all() as ({ replica: string; key: string } & Grant)[];
}

/** What admission knows beyond the folded state: who this installation is, and what was granted to each key. */
export interface AdmissionContext {
  self: string;
  /** Other replicas of this installation (before a restore): their events are its own. */
  own?(replica: string): boolean;
  /** The identity a person here granted to this key when pinning it. */
  pinned(replica: string): Grant | undefined;
  /** The key this replica's events are verified with. */
  keyOf(replica: string): string | undefined;
}

/** The centre's grant, where it made one; otherwise the one made here when the key was pinned. */
function granted(state: FoldReader, ctx: AdmissionContext, replica: string): Grant | undefined {
  const role = state.value('grant', replica, 'role');
  if (role !== undefined && !state.value('grant', replica, 'deleted') && role) {
    return { officeUnitId: str(state.value('grant', replica, 'officeUnitId')), role: str(role), battle: Number(state.value('grant', replica, 'battle') ?? 0) };
  }
  return ctx.pinned(replica);
}

function author(state: FoldReader, ctx: AdmissionContext, replica: string): Identity | null {
  // This installation's own identity is what it set itself.
  const claimed = () => ({ officeUnitId: str(state.value('replica', replica, 'officeUnitId')), role: str(state.value('replica', replica, 'role')), battle: Number(state.value('replica', replica, 'battle') ?? 0) });
  const g: Grant | undefined = replica === ctx.self || ctx.own?.(replica) ? claimed() : granted(state, ctx, replica);
  if (!g || !g.role || !g.officeUnitId) return null;
  return { replicaId: replica, officeUnitId: g.officeUnitId, officeName: '', role: g.role as Role, battle: g.battle, operator: '' };
}

const battleCode = (state: FoldReader, battleId: unknown) => {
  const code = state.value('battle', str(battleId), 'code');
  return code === undefined || code === null ? undefined : Number(code);
};

/** A task's scope, with the task it is of (for its history: see `everOnTask`). */
interface LocatedScope extends TaskScope {
  taskId?: string;
}

function taskScopeOf(state: FoldReader, taskId: string, fields: Record<string, unknown>): LocatedScope | null {
  const battleId = state.value('task', taskId, 'battleId');
  const battle = battleId === undefined ? undefined : battleCode(state, battleId);
  if (battle !== undefined) return { taskId, battle, leadUnitIds: ids(state.value('task', taskId, 'leadUnitIds')), coUnitIds: ids(state.value('task', taskId, 'coUnitIds')) };
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

/** What a unit may do as a task's lead or co-unit. */
const AS_A_UNIT_OF_THE_TASK = new Set<Action>(['progress.report', 'closeout.request', 'task.assign']);

/**
 * Every unit that has ever led or cooperated on the task, by the folded events of its log. A unit's right to
 * report on a task is judged against this, not only the current lists: a taskforce that removes a co-unit while
 * that unit (not having seen it) reports would otherwise have the report refused where the removal came first
 * and applied where it came second — offices would end differently by the order of their imports. This way the
 * answer only grows as events arrive, and what was refused for want of a task's history is looked at again.
 */
function everOnTask(db: Database.Database, taskId: string): { lead: string[]; co: string[] } {
  const of = (field: string) =>
    db
      .prepare("SELECT DISTINCT j.value FROM events e, json_each(e.body, '$.fields.' || ?) j WHERE e.entity = 'task' AND e.entity_id = ? AND e.quarantined = 0")
      .pluck()
      .all(field, taskId) as string[];
  return { lead: of('leadUnitIds'), co: of('coUnitIds') };
}

/** The verdict on the task as it stands, else (for a unit's own part in the task) on the task's whole history. */
function unitVerdict(db: Database.Database, who: Identity, action: Action, scope: LocatedScope | null): string | null {
  const now = verdict(who, action, scope);
  if (!now || !scope?.taskId || who.role !== 'unit' || !AS_A_UNIT_OF_THE_TASK.has(action)) return now;
  // The log is read, not the folded tables: every event of this batch is in it already (a dry run excepted, whose
  // preview may then show as quarantined what the import releases at its end).
  const ever = everOnTask(db, scope.taskId);
  return verdict(who, action, { ...scope, leadUnitIds: [...scope.leadUnitIds, ...ever.lead], coUnitIds: [...scope.coUnitIds, ...ever.co] });
}

const runsBattle = (who: Identity, battle: number) => who.role === 'center' || (who.role === 'taskforce' && who.battle === battle);

/** A unit writes lines only in its own name: the line's unit as it arrives and as it stands must be its office. */
function ownLine(who: Identity, scope: TaskScope | null, state: FoldReader, e: LedgerEvent): string | null {
  if (!scope || runsBattle(who, scope.battle)) return null;
  // Whose record it is, by a unit written to it: a decision relayed ahead of its request makes the row without one.
  const written = state.clock(e.entity as 'progress', e.entityId, 'unitId') !== null;
  const existing = written ? state.value(e.entity as 'progress', e.entityId, 'unitId') : undefined;
  if (existing !== undefined && str(existing) !== who.officeUnitId) return '不能修改或删除其他单位的记录';
  if (e.fields.unitId !== undefined && str(e.fields.unitId) !== who.officeUnitId) return '不能以其他单位的名义报送';
  if (e.op === 'delete' && state.value(e.entity as 'progress', e.entityId, 'taskId') === undefined) return '不能删除不存在的记录';
  return null;
}

/** Scope of the task a line belongs to; a line moved to another task must be allowed on both. */
function lineScopes(state: FoldReader, e: LedgerEvent): (LocatedScope | null)[] {
  const before = state.value(e.entity as 'progress', e.entityId, 'taskId');
  const after = e.fields.taskId;
  const out = [taskScopeOf(state, str(after ?? before), {})];
  if (before !== undefined && after !== undefined && str(before) !== str(after)) out.push(taskScopeOf(state, str(before), {}));
  return out;
}

const first = (...reasons: (string | null)[]) => reasons.find((r) => r !== null) ?? null;

function closeoutReason(db: Database.Database, state: FoldReader, who: Identity, e: LedgerEvent): string | null {
  const scopes = lineScopes(state, e);
  const f = e.fields;
  // The requester's own moves on its record: asking (a new row, pending), taking back (withdrawnOn alone), answering
  // a rejection (answer). Voiding, every other state and the decision fields are the taskforce's.
  const decides = e.op === 'delete' || f.deleted !== undefined || f.voidReason !== undefined || (f.state !== undefined && f.state !== 'pending') || DECISION_FIELDS.some((k) => f[k] !== undefined);
  if (decides) return first(...scopes.map((s) => verdict(who, 'closeout.decide', s)));
  const runs = scopes.every((s) => s !== null && runsBattle(who, s.battle));
  const stateClock = state.clock('closeout', e.entityId, 'state');
  if (!runs && stateClock) {
    // A record already asked: it stays on its task, and what the requester writes after it is only a withdrawal or
    // an answer. A request arriving after its own decision (relayed out of order) is older than the state: it passes.
    const wasOn = state.clock('closeout', e.entityId, 'taskId') ? str(state.value('closeout', e.entityId, 'taskId')) : undefined;
    if (f.taskId !== undefined && wasOn !== undefined && str(f.taskId) !== wasOn) return '不能把销号记录移到其他任务';
    const after = stateClock.hlc < e.hlc || (stateClock.hlc === e.hlc && stateClock.replica < e.replica);
    const fields = Object.keys(f).filter((k) => k !== 'taskId');
    const withdraws = fields.every((k) => k === 'withdrawnOn');
    const answers = fields.every((k) => k === 'answer' || k === 'answeredOn');
    if (after && f.state === 'pending' && state.value('closeout', e.entityId, 'state') !== 'pending') return '不能撤销专班对销号申请的审批';
    if (after && !withdraws && !answers) return '销号申请提交后不能修改，只能撤回或对退回意见作出说明';
    if (after && answers && state.value('closeout', e.entityId, 'state') !== 'rejected') return '只能对已退回的销号申请作出说明';
  }
  return first(...scopes.map((s) => unitVerdict(db, who, 'closeout.request', s)), ownLine(who, scopes[0] ?? null, state, e));
}

function identityReason(state: FoldReader, ctx: AdmissionContext, e: LedgerEvent): string | null {
  if (e.entityId !== e.replica) return '冒充其他单位修改其身份';
  if (e.op === 'delete') return '不能删除本单位的身份';
  if (e.replica === ctx.self || ctx.own?.(e.replica)) return null;
  if (e.fields.publicKey !== undefined && e.fields.publicKey !== ctx.keyOf(e.replica)) return '身份中的公钥与签名所用的密钥不一致';
  const g = granted(state, ctx, e.replica);
  if (!g || !g.role) return '该单位的身份未经本机确认（核对指纹时未记录其单位和角色），须由总指挥中心确认';
  for (const k of IDENTITY_FIELDS) {
    if (e.fields[k] !== undefined && str(e.fields[k]) !== str(g[k])) return '不能自行更改本单位的单位、角色或所属的仗（须由总指挥中心确认）';
  }
  return null;
}

/** null when the event may be applied; otherwise why not, in Chinese. */
export function admissionReason(db: Database.Database, state: FoldReader, e: LedgerEvent, ctx: AdmissionContext, again = false): string | null {
  // The centre has released this very event: it applies, whatever its author's role. Asked only of an event held
  // back before: an event whose release came first is quarantined on arrival and released by the look that ends
  // every import — asking 100,000 arriving events about releases cost 200 MB of folder rows.
  if (again && state.value('release', e.id, 'reason') !== undefined && !state.value('release', e.id, 'deleted')) return null;
  if (e.entity === 'replica') return identityReason(state, ctx, e);
  const who = author(state, ctx, e.replica);
  if (!who) return '作者的单位和角色未经确认';
  if (e.entity === 'grant' || e.entity === 'release') return who.role === 'center' ? null : e.entity === 'grant' ? '只有总指挥中心可以确认单位的角色' : '只有总指挥中心可以放行隔离的记录';
  if (PLAN_ENTITIES.has(e.entity)) return who.role === 'center' ? null : '只有总指挥中心可以修改实施方案和单位名录';
  if (e.entity === 'task') {
    const assignOnly = e.op === 'put' && onlyAssignees(Object.keys(e.fields));
    const action = assignOnly ? 'task.assign' : 'task.edit';
    const scope = taskScopeOf(state, e.entityId, e.fields);
    // Moved to another battle: allowed only where the author runs both.
    const moved = e.fields.battleId !== undefined && state.value('task', e.entityId, 'battleId') !== undefined ? battleCode(state, e.fields.battleId) : undefined;
    return first(unitVerdict(db, who, action, scope), moved !== undefined && scope && moved !== scope.battle ? verdict(who, action, { ...scope, battle: moved }) : null);
  }
  if (e.entity === 'progress') {
    const scopes = lineScopes(state, e);
    return first(...scopes.map((s) => unitVerdict(db, who, 'progress.report', s)), ownLine(who, scopes[0] ?? null, state, e));
  }
  if (e.entity === 'closeout') return closeoutReason(db, state, who, e);
  // A record moved (to another task, indicator or battle) must be allowed where it was and where it goes.
  if (e.entity === 'indicator' || e.entity === 'indicatorValue') {
    if (e.entity === 'indicator') {
      const was = state.value('indicator', e.entityId, 'battleId');
      const scope = indicatorAdmissionScope(db, state, e.entityId, e.fields);
      const moved = was !== undefined && e.fields.battleId !== undefined && str(was) !== str(e.fields.battleId);
      const to = battleCode(state, e.fields.battleId);
      return first(verdict(who, 'indicator.define', scope), moved ? verdict(who, 'indicator.define', to === undefined ? null : { battle: to, leadUnitIds: [], coUnitIds: [] }) : null);
    }
    const was = state.value('indicatorValue', e.entityId, 'indicatorId');
    const to = str(e.fields.indicatorId ?? was);
    const scope = indicatorAdmissionScope(db, state, to, {});
    const from = was !== undefined && str(was) !== to ? indicatorAdmissionScope(db, state, str(was), {}) : undefined;
    return first(verdict(who, 'indicator.report', scope), from === undefined ? null : verdict(who, 'indicator.report', from), ownLine(who, scope, state, e));
  }
  if (e.entity === 'problem') {
    const was = state.value('problem', e.entityId, 'taskId');
    const taskId = str(e.fields.taskId ?? was);
    const unitId = str(state.value('problem', e.entityId, 'unitId') ?? e.fields.unitId);
    const task = taskScopeOf(state, taskId, {});
    const clears = e.op === 'put' && e.fields.state === 'cleared' && Object.keys(e.fields).every((f) => ['state', 'clearedOn', 'statement'].includes(f));
    if (clears) return verdict(who, 'problem.clear', task && { battle: task.battle, leadUnitIds: [unitId], coUnitIds: [] });
    return first(verdict(who, 'problem.raise', task), was !== undefined && str(was) !== taskId ? verdict(who, 'problem.raise', taskScopeOf(state, str(was), {})) : null);
  }
  if (e.entity === 'instruction') {
    // Recorded by the office running the task's battle; the reply alone by the office it is assigned to.
    const was = state.value('instruction', e.entityId, 'taskId');
    const task = taskScopeOf(state, str(e.fields.taskId ?? was), {});
    const unitId = str(state.value('instruction', e.entityId, 'unitId') ?? e.fields.unitId);
    const replies = e.op === 'put' && Object.keys(e.fields).every((f) => ['reply', 'repliedOn'].includes(f));
    if (replies) return task && (runsBattle(who, task.battle) || who.officeUnitId === unitId) ? null : '只有批示交办的单位可以回复';
    const no = first(verdict(who, 'problem.raise', task), was !== undefined && str(was) !== str(e.fields.taskId ?? was) ? verdict(who, 'problem.raise', taskScopeOf(state, str(was), {})) : null);
    return no && no !== '找不到所涉及的任务' ? '无权记录或修改领导批示' : no;
  }
  if (e.entity === 'supervision') {
    // Every task it names now or named before: one battle the author runs, or the centre.
    const taskIds = [...ids(state.value('supervision', e.entityId, 'taskIds')), ...(e.fields.taskIds !== undefined ? ids(e.fields.taskIds) : [])];
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
