// The records voided in the current plan (作废), newest first: what was voided, why, when and by which office —
// read from the rows kept with deleted = 1 and the event that voided each.
import type { VoidedRecord } from '../../../shared/daily';
import { periodLabel } from '../../../shared/period';
import { compareTaskCodes } from '../../../shared/task-code';
import { currentPlan } from '../plan/plans';
import type { Store } from '../store/store';
import { unitNames } from '../app/units';
import { taskAudit } from '../ledger/audit';

const SOURCES: { entity: VoidedRecord['entity']; sql: string }[] = [
  { entity: 'task', sql: `SELECT t.id, t.code, t.code || ' ' || t.title AS label, t.void_reason AS reason, t.voided_on AS voidedOn FROM tasks t WHERE t.plan_id = ?` },
  {
    entity: 'progress',
    sql: `SELECT p.id, t.code, t.code || ' ' || p.period || '|' || p.unit_id || '|' || p.text AS label, p.void_reason AS reason, p.voided_on AS voidedOn
            FROM progress p JOIN tasks t ON t.id = p.task_id WHERE t.plan_id = ?`,
  },
  { entity: 'closeout', sql: `SELECT c.id, t.code, t.code || ' 销号申请：' || c.statement AS label, c.void_reason AS reason, c.voided_on AS voidedOn FROM closeouts c JOIN tasks t ON t.id = c.task_id WHERE t.plan_id = ?` },
  { entity: 'problem', sql: `SELECT p.id, t.code, t.code || ' 问题：' || p.text AS label, p.void_reason AS reason, p.voided_on AS voidedOn FROM problems p JOIN tasks t ON t.id = p.task_id WHERE t.plan_id = ?` },
  { entity: 'instruction', sql: `SELECT i.id, t.code, t.code || ' 领导批示：' || i.text AS label, i.void_reason AS reason, i.voided_on AS voidedOn FROM instructions i JOIN tasks t ON t.id = i.task_id WHERE t.plan_id = ?` },
  { entity: 'decision', sql: `SELECT d.id, '' AS code, m.month || ' 调度会决定：' || d.text AS label, d.void_reason AS reason, d.voided_on AS voidedOn FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE ? <> ''` },
];

export function voidedRecords(store: Store): VoidedRecord[] {
  const plan = currentPlan(store);
  const names = unitNames(store);
  const by = store.sqlite.prepare(
    `SELECT r.office_unit_id FROM events e JOIN replicas r ON r.id = e.replica
      WHERE e.entity = ? AND e.entity_id = ? AND e.quarantined = 0 AND json_extract(e.body, '$.fields.voidedOn') IS NOT NULL ORDER BY e.hlc DESC LIMIT 1`,
  );
  const out: (VoidedRecord & { code: string })[] = [];
  for (const s of SOURCES) {
    const alias = s.sql.match(/FROM \w+ (\w)/)![1];
    const rows = store.sqlite.prepare(`${s.sql} AND ${alias}.deleted = 1 AND ${alias}.voided_on <> ''`).all(plan.id) as { id: string; code: string; label: string; reason: string; voidedOn: string }[];
    for (const r of rows) {
      let label = r.label;
      if (s.entity === 'progress') {
        const [head, unitId, text] = label.split('|');
        const [code, period] = (head ?? '').split(' ');
        label = `${code} ${names.get(unitId ?? '') ?? ''}${periodLabel(period ?? '')}进展：${text ?? ''}`;
      }
      const office = by.pluck().get(s.entity, r.id) as string | undefined;
      out.push({ entity: s.entity, id: r.id, code: r.code, label: label.slice(0, 200), reason: r.reason, voidedOn: r.voidedOn, by: names.get(office ?? '') ?? '', audit: s.entity === 'task' ? taskAudit(store, r.id) : [] });
    }
  }
  // A day's records by their tasks' codes (1.1.1-2 before 1.1.1-10), which the labels' text order would not give.
  return out
    .sort((a, b) => b.voidedOn.localeCompare(a.voidedOn) || compareTaskCodes(a.code, b.code) || a.label.localeCompare(b.label, 'zh-CN'))
    .map(({ code: _code, ...r }) => r);
}
