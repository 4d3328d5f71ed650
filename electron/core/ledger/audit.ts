// The audit trail of a task, read from the event log itself: every change to the task, its progress lines and
// its close-out records, problems raised on it and 表扬/督办/约谈 naming it, with the office and person of the installation that made it, old value → new value.
import type { AuditEntry } from '../../../shared/workflow';
import { listTypeLabel } from '../../../shared/labels';
import { periodLabel } from '../../../shared/period';
import type { LedgerEvent } from '../events/event';
import { parseHlc } from '../events/hlc';
import type { Store } from '../store/store';
import { unitNames } from '../app/units';

export const FIELD_LABEL: Record<string, string> = {
  title: '任务名称',
  content: '任务内容',
  listType: '清单类型',
  leadUnitIds: '牵头单位',
  coUnitIds: '配合单位',
  leadPerson: '牵头负责人',
  handler: '具体承办人',
  responsibleSection: '责任股室',
  dueDate: '完成时限',
  milestones: '时间节点',
  percent: '完成进度',
  text: '进展情况',
  period: '报告期',
  statement: '销号申请说明',
  state: '销号状态',
  reason: '理由',
  deadline: '时限',
  matter: '事由',
  outcome: '结果',
  heldOn: '日期',
  participants: '约谈人',
  clearedOn: '清零日期',
  deleted: '删除',
  voidReason: '作废理由',
  answer: '说明',
};

const STATE_LABEL: Record<string, string> = { pending: '待审批', approved: '已销号', rejected: '已退回', reopened: '重新打开', withdrawn: '已撤回', open: '整改中', cleared: '已清零' };
const SUPERVISION_LABEL: Record<string, string> = { commend: '通报表扬', notice: '下发督办单', interview: '约谈' };
const HIDDEN = new Set(['kind', 'taskIds', 'number', 'byUnitId', 'source', 'sourceId', 'foundOn', 'reply', 'planId', 'battleId', 'sectionId', 'ord', 'code', 'taskId', 'unitId', 'evidence', 'reportedOn', 'requestedOn', 'decidedOn', 'deciderUnitId', 'answeredOn', 'withdrawnOn', 'voidedOn', 'deleted', 'changedOn', 'createdOn', 'group', 'clause', 'leadByOrder', 'parentId']);

function show(field: string, value: unknown, units: Map<string, string>): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (field === 'leadUnitIds' || field === 'coUnitIds') return (value as string[]).map((u) => units.get(u) ?? u).join('、') || '（空）';
  if (field === 'listType') return listTypeLabel[value as keyof typeof listTypeLabel] ?? String(value);
  if (field === 'state') return STATE_LABEL[String(value)] ?? String(value);
  if (field === 'percent') return `${String(value)}%`;
  if (field === 'period') return periodLabel(String(value));
  if (field === 'milestones') return (value as { date: string; percent: number }[]).map((m) => `${m.date} 达到${m.percent}%`).join('；') || '（空）';
  return String(value);
}

function when(hlc: string): string {
  const { wall } = parseHlc(hlc);
  if (wall === 0) return '';
  const d = new Date(wall);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const VOID_WHAT: Record<string, string> = { task: '任务', progress: '进展', closeout: '销号记录', problem: '问题' };

function actionOf(e: LedgerEvent, isNew: boolean): string {
  if (e.fields.voidedOn !== undefined) return `作废${VOID_WHAT[e.entity] ?? '记录'}`;
  if (e.entity === 'progress') return isNew ? '报送进展' : '更正进展';
  if (e.entity === 'closeout') {
    const state = e.fields.state;
    if (isNew) return '申请销号';
    if (state === 'withdrawn') return '撤回销号申请';
    if (e.fields.answer !== undefined) return '对退回意见作出说明';
    return state === 'approved' ? '批准销号' : state === 'rejected' ? '退回销号申请' : state === 'reopened' ? '重新打开' : '修改销号申请';
  }
  if (e.entity === 'problem') return isNew ? '交办问题' : e.fields.state === 'cleared' ? '问题整改清零' : '修改问题';
  if (e.entity === 'supervision') {
    const kind = SUPERVISION_LABEL[String(e.fields.kind)] ?? '督办';
    return isNew ? kind : `修改${kind}`;
  }
  return isNew ? '建立任务' : '修改任务';
}

export function taskAudit(store: Store, taskId: string): AuditEntry[] {
  const rows = store.sqlite
    .prepare(
      // What was folded: a quarantined or held record never happened here, and may not even be readable.
      `SELECT body FROM events WHERE quarantined = 0 AND ((entity = 'task' AND entity_id = ?)
          OR (entity = 'progress' AND entity_id IN (SELECT id FROM progress WHERE task_id = ?))
          OR (entity = 'closeout' AND entity_id IN (SELECT id FROM closeouts WHERE task_id = ?))
          OR (entity = 'problem' AND entity_id IN (SELECT id FROM problems WHERE task_id = ?))
          OR (entity = 'supervision' AND entity_id IN (SELECT s.id FROM supervisions s, json_each(s.task_ids) j WHERE j.value = ?)))
        ORDER BY hlc, replica, seq`,
    )
    .all(taskId, taskId, taskId, taskId, taskId) as { body: string }[];
  const units = unitNames(store);
  const who = new Map(
    (store.sqlite.prepare('SELECT r.id, r.office_unit_id AS office, r.operator FROM replicas r').all() as { id: string; office: string; operator: string }[]).map(
      (r) => [r.id, { office: units.get(r.office) ?? '', operator: r.operator }],
    ),
  );
  const state = new Map<string, Record<string, unknown>>();
  const out: (Omit<AuditEntry, 'voided'> & { key: string })[] = [];
  for (const { body } of rows) {
    const e = JSON.parse(body) as LedgerEvent;
    const key = `${e.entity}:${e.entityId}`;
    const before = state.get(key);
    const fields = e.op === 'delete' ? { deleted: true } : e.fields;
    const changes = Object.entries(fields)
      .filter(([f, v]) => !HIDDEN.has(f) && JSON.stringify(before?.[f] ?? '') !== JSON.stringify(v))
      .map(([f, v]) => ({ field: FIELD_LABEL[f] ?? f, from: before ? show(f, before[f], units) : '', to: show(f, v, units) }));
    state.set(key, { ...before, ...fields });
    const author = who.get(e.replica);
    out.push({
      key,
      at: when(e.hlc),
      office: author?.office ?? (before === undefined && e.hlc.startsWith('000000000000000') ? '实施方案（内置）' : '未知单位'),
      operator: author?.operator ?? '',
      action: actionOf(e, before === undefined),
      changes,
    });
  }
  // Every entry of a record voided since is marked, so the trail shows what no longer counts.
  const voided = new Set([...state].filter(([, s]) => s.deleted === true && s.voidedOn).map(([k]) => k));
  return out.map(({ key, ...a }) => ({ ...a, voided: voided.has(key) }));
}
