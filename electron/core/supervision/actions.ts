// 通报表扬 / 督办单 / 约谈: recorded against a unit and its tasks, in the audit trail like every change. A
// 督办单 is numbered per year.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import { isIsoDate } from '../../../shared/period';
import type { Supervision, SupervisionKind } from '../../../shared/supervision';
import type { Identity } from '../../../shared/workflow';
import { requirePermission } from '../ledger/permissions';
import { planInfo, taskScope } from '../ledger/queries';
import type { Store } from '../store/store';
import { resolveUnitId, unitNames } from '../app/units';

export interface SupervisionInput {
  kind: SupervisionKind;
  unit: string;
  taskIds: string[];
  matter: string;
  deadline?: string;
  reply?: string;
  heldOn?: string;
  participants?: string;
  outcome?: string;
}


export function addSupervision(store: Store, who: Identity, input: SupervisionInput, today: string): { id: string; number: number } {
  const unitId = resolveUnitId(store, input.unit);
  const scopes = input.taskIds.map((id) => taskScope(store, id));
  // Tasks of one battle: its taskforce may act; otherwise only the center.
  const battles = new Set(scopes.map((s) => s.battle));
  requirePermission(who, 'supervision.act', { battle: battles.size === 1 ? [...battles][0]! : 0, leadUnitIds: [], coUnitIds: [] });
  const matter = input.matter.trim();
  if (matter.length < 4) throw new AppError('bad_input', '请写明事由（至少四个字）。', 'short matter');
  const year = planInfo(store).year;
  for (const [name, date] of [['办理时限', input.deadline], ['约谈日期', input.heldOn]] as const) {
    if (date && (!isIsoDate(date) || !date.startsWith(`${year}-`))) throw new AppError('bad_input', `${name}应为${year}年内的日期，如 ${year}-04-30。`, `${name} ${date}`);
  }
  if (input.kind === 'notice' && !input.deadline) throw new AppError('bad_input', '督办单须写明办理时限。', 'notice without deadline');
  if (input.kind === 'interview' && !input.heldOn) throw new AppError('bad_input', '约谈须写明日期。', 'interview without date');
  const number =
    input.kind === 'notice'
      ? ((store.sqlite.prepare("SELECT max(number) AS n FROM supervisions WHERE kind = 'notice' AND by_unit_id = ? AND deleted = 0").get(who.officeUnitId) as { n: number | null }).n ?? 0) + 1
      : 0;
  const id = uuidv7();
  store.log.append([
    {
      entity: 'supervision',
      entityId: id,
      op: 'put',
      fields: {
        kind: input.kind,
        unitId,
        taskIds: input.taskIds,
        matter: matter.slice(0, 2000),
        number,
        deadline: input.deadline ?? '',
        reply: (input.reply ?? '').trim().slice(0, 1000),
        heldOn: input.heldOn ?? (input.kind === 'interview' ? '' : today),
        participants: (input.participants ?? '').trim().slice(0, 300),
        outcome: (input.outcome ?? '').trim().slice(0, 2000),
        byUnitId: who.officeUnitId,
      },
    },
  ]);
  return { id, number };
}

export function listSupervisions(store: Store): Supervision[] {
  const units = unitNames(store);
  const tasks = new Map(
    (store.sqlite.prepare('SELECT id, code, title FROM tasks').all() as { id: string; code: string; title: string }[]).map((t) => [t.id, t]),
  );
  const rows = store.sqlite.prepare('SELECT * FROM supervisions WHERE deleted = 0 ORDER BY id DESC').all() as Record<string, string | number>[];
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind) as SupervisionKind,
    unit: units.get(String(r.unit_id)) ?? '',
    tasks: (JSON.parse(String(r.task_ids)) as string[]).flatMap((id) => (tasks.has(id) ? [tasks.get(id)!] : [])),
    matter: String(r.matter),
    number: Number(r.number),
    deadline: String(r.deadline),
    reply: String(r.reply),
    heldOn: String(r.held_on),
    participants: String(r.participants),
    outcome: String(r.outcome),
    by: units.get(String(r.by_unit_id)) ?? '',
    at: String(r.held_on),
  }));
}
