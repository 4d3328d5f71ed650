// Who may do what (ARCHITECTURE.md, "Roles"). The core enforces it; the interface uses the same function to
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
