// Who may do what (ARCHITECTURE.md, "Roles"). The core enforces it; the interface uses the same function to
// hide what it would refuse, so the two cannot disagree.
import type { Identity } from './workflow';

export type Action =
  | 'task.edit' // every field, add and split tasks
  | 'task.assign' // 牵头负责人 / 具体承办人 / 责任股室
  | 'progress.report'
  | 'closeout.request'
  | 'closeout.decide';

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
      return runsBattle(who, task.battle) || lead;
  }
}
