// Next year's plan: unfinished tasks of an earlier plan carried into it (结转), by choice and never by default.
// Each becomes a task of the new plan, in a section of carried tasks of the group of the same name (or the
// first), linked to the task it carries on; the old task and its history stay where they are.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import type { Identity } from '../../../shared/workflow';
import type { EventDraft } from '../events/event';
import { getSettings } from '../app/settings';
import { listTasks } from '../ledger/queries';
import type { Store } from '../store/store';
import { planById } from './plans';

export interface CarryOverInput {
  fromPlanId: string;
  toPlanId: string;
  taskIds: string[];
}

interface BattleRow { id: string; code: number; name: string }

export function carryOver(store: Store, who: Identity, input: CarryOverInput): { carried: { from: string; code: string }[] } {
  if (who.role !== 'center') throw new AppError('forbidden', '只有总指挥中心可以把任务结转到新的实施方案。', `role ${who.role} may not carry tasks over`);
  const from = planById(store, input.fromPlanId);
  const to = planById(store, input.toPlanId);
  if (from.id === to.id) throw new AppError('bad_input', '结转须从一个方案到另一个方案。', 'same plan');
  if (to.year < from.year) throw new AppError('bad_input', `结转只能从较早的方案到较新的方案（“${from.title}”是${from.year}年的，“${to.title}”是${to.year}年的）。`, 'carry into an older plan');
  // A sub-task (a 任务分解表 row under its item, or a split) goes with its task, never on its own.
  const open = new Map(listTasks(store, getSettings(store), {}, from).filter((t) => t.status !== 'closed' && !t.parentId).map((t) => [t.id, t]));
  const chosen = [...new Set(input.taskIds)];
  const notOpen = chosen.filter((id) => !open.has(id));
  if (notOpen.length) throw new AppError('bad_input', `有 ${notOpen.length} 项任务不是“${from.title}”中未完成的任务（分解表的子任务随所属任务结转），未结转。`, `not open in source plan: ${notOpen.join(',')}`);
  const already = new Set(store.sqlite.prepare("SELECT origin_task_id AS o FROM tasks WHERE plan_id = ? AND deleted = 0 AND origin_task_id != ''").pluck().all(to.id) as string[]);
  const twice = chosen.filter((id) => already.has(id));
  if (twice.length) throw new AppError('bad_input', `有 ${twice.length} 项任务已结转到“${to.title}”，未重复结转。`, 'already carried');

  const battles = store.sqlite.prepare('SELECT id, code, name FROM battles WHERE plan_id = ? AND deleted = 0 ORDER BY code').all(to.id) as BattleRow[];
  if (battles.length === 0) throw new AppError('bad_input', `“${to.title}”中没有可放入任务的板块。`, 'target plan has no battles');
  const sections = new Map<string, { id: string; code: string; n: number }>();
  const drafts: EventDraft[] = [];
  const carried: { from: string; code: string }[] = [];
  for (const id of chosen) {
    const t = open.get(id)!;
    const battle = battles.find((b) => b.name === t.battleName) ?? battles.find((b) => b.code === t.battle) ?? battles[0]!;
    let section = sections.get(battle.id);
    if (!section) {
      const code = `${battle.code}.转`;
      const existing = store.sqlite.prepare('SELECT id FROM sections WHERE battle_id = ? AND code = ? AND deleted = 0').get(battle.id, code) as { id: string } | undefined;
      const n = existing ? (store.sqlite.prepare("SELECT count(*) FROM tasks WHERE section_id = ? AND parent_id = ''").pluck().get(existing.id) as number) : 0;
      section = { id: existing?.id ?? uuidv7(), code, n };
      if (!existing) {
        const title = `${from.year}年结转任务`;
        drafts.push({ entity: 'section', entityId: section.id, op: 'put', fields: { battleId: battle.id, code, ord: 1000, title, content: `${title}（自《${from.title}》）` } });
      }
      sections.set(battle.id, section);
    }
    section.n += 1;
    const code = `${section.code}.${section.n}`;
    drafts.push({
      entity: 'task',
      entityId: uuidv7(),
      op: 'put',
      fields: {
        planId: to.id,
        battleId: battle.id,
        sectionId: section.id,
        parentId: '',
        originId: t.id,
        code,
        ord: 100000 + section.n,
        title: t.title,
        content: t.content,
        listType: t.listType,
        leadUnitIds: t.leadUnitIds,
        coUnitIds: t.coUnitIds,
        clause: `结转自${from.year}年任务 ${t.code}${t.clause ? `；${t.clause}` : ''}`,
        // The old due date has passed or belongs to the old year: the new one is set in the new plan.
        dueDate: '',
      },
    });
    carried.push({ from: t.code, code });
  }
  store.sqlite.transaction(() => store.log.append(drafts))();
  return { carried };
}
