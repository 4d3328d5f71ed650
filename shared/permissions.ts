// Who may do what (docs/architecture.md, "Roles"). The core enforces it; the interface uses the same function to
// hide what it would refuse, so the two cannot disagree.
import type { Identity } from './workflow';

export type Action =
  | 'task.edit' // every field, add and split tasks
  | 'task.assign' // 牵头负责人 / 具体承办人 / 责任股室
  | 'progress.report'
  | 'closeout.request'
  | 'closeout.decide'
  | 'indicator.define' // add or edit an indicator of a battle
  | 'indicator.report' // enter an actual (the owner unit)
  | 'problem.raise'
  | 'problem.clear' // the unit it is assigned to, with a statement
  | 'supervision.act' // 表扬 / 督办单 / 约谈
  | 'meeting.record'; // the monthly 调度分析会: the center's

export interface TaskScope {
  battle: number;
  leadUnitIds: readonly string[];
  coUnitIds: readonly string[];
}

function runsBattle(who: Identity, battle: number): boolean {
  return who.role === 'center' || (who.role === 'taskforce' && who.battle === battle);
}

export function can(who: Identity, action: Action, task: TaskScope): boolean {
  const lead = task.leadUnitIds.includes(who.officeUnitId);
  const involved = lead || task.coUnitIds.includes(who.officeUnitId);
  switch (action) {
    case 'task.edit':
    case 'closeout.decide':
      return runsBattle(who, task.battle);
    case 'task.assign':
      return runsBattle(who, task.battle) || lead;
    case 'progress.report':
      return runsBattle(who, task.battle) || involved;
    case 'closeout.request':
    case 'indicator.report':
    case 'problem.clear':
      return runsBattle(who, task.battle) || lead;
    case 'indicator.define':
    case 'problem.raise':
    case 'supervision.act':
    case 'meeting.record':
      return runsBattle(who, task.battle);
  }
}

/** Task fields a unit may set on its own tasks (who handles them), not the task itself. */
const ASSIGNEE_FIELDS = new Set(['leadPerson', 'handler', 'responsibleSection']);
/** Written with every edit of a task: the ledger date of the change (documents read tasks as they stood). */
const STAMP_FIELDS = new Set(['changedOn']);

/** Whether a task edit sets only who handles the task (with its date stamp): `task.assign`, not `task.edit`. */
export function onlyAssignees(fields: readonly string[]): boolean {
  return fields.some((f) => ASSIGNEE_FIELDS.has(f)) && fields.every((f) => ASSIGNEE_FIELDS.has(f) || STAMP_FIELDS.has(f));
}
