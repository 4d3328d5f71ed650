// Who may do what (ARCHITECTURE.md, "Roles"). Enforced here, in the core, for the interface, the CLI and
// (later) imported events alike; the interface only hides what this says no to.
import { AppError } from '../../../shared/errors';
import type { Identity } from '../../../shared/workflow';

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

const BATTLE_ORDINAL = ['', '一', '二', '三', '四', '五', '六'];

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

const REFUSAL: Record<Action, (battle: string) => string> = {
  'task.edit': (b) => `只有第${b}仗工作专班或总指挥中心可以修改该任务。`,
  'task.assign': (b) => `只有牵头单位、第${b}仗工作专班或总指挥中心可以填写负责人和承办人。`,
  'progress.report': () => '只有该任务的牵头单位、配合单位或其工作专班可以报送进展。',
  'closeout.request': () => '只有该任务的牵头单位（或其工作专班代为）可以申请销号。',
  'closeout.decide': (b) => `销号由第${b}仗工作专班或总指挥中心审批，本机无权审批。`,
};

export function requirePermission(who: Identity, action: Action, task: TaskScope): void {
  if (can(who, action, task)) return;
  throw new AppError('forbidden', `${who.officeName}：${REFUSAL[action](BATTLE_ORDINAL[task.battle] ?? String(task.battle))}`, `${who.role} ${who.officeName} may not ${action} in battle ${task.battle}`);
}
