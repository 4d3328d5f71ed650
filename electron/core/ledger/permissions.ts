// Enforcement of the role rules in shared/permissions.ts, for the interface, the CLI and (later) imported
// events alike: a refusal is an AppError naming the office and who may.
import { AppError } from '../../../shared/errors';
import { can, type Action, type TaskScope } from '../../../shared/permissions';
import type { Identity } from '../../../shared/workflow';

export { can, type Action, type TaskScope } from '../../../shared/permissions';

const BATTLE_ORDINAL = ['', '一', '二', '三', '四', '五', '六'];

const REFUSAL: Record<Action, (battle: string) => string> = {
  'task.edit': (b) => `只有第${b}仗工作专班或总指挥中心可以修改该任务。`,
  'task.assign': (b) => `只有牵头单位、第${b}仗工作专班或总指挥中心可以填写负责人和承办人。`,
  'progress.report': () => '只有该任务的牵头单位、配合单位或其工作专班可以报送进展。',
  'closeout.request': () => '只有该任务的牵头单位（或其工作专班代为）可以申请销号。',
  'closeout.decide': (b) => `销号由第${b}仗工作专班或总指挥中心审批，本机无权审批。`,
  'indicator.define': (b) => (b ? `只有第${b}仗工作专班或总指挥中心可以设定该仗的指标。` : '只有总指挥中心可以设定全市指标。'),
  'indicator.report': () => '只有该指标的责任单位（或其工作专班、总指挥中心）可以填报完成值。',
  'problem.raise': (b) => `只有第${b}仗工作专班或总指挥中心可以交办问题。`,
  'problem.clear': () => '只有问题交办的单位（或其工作专班、总指挥中心）可以报告整改完成。',
  'supervision.act': (b) => (b ? `只有第${b}仗工作专班或总指挥中心可以表扬、督办或约谈。` : '只有总指挥中心可以表扬、督办或约谈。'),
  'meeting.record': () => '调度分析会由总指挥中心记录。',
};

export function requirePermission(who: Identity, action: Action, task: TaskScope): void {
  if (can(who, action, task)) return;
  throw new AppError('forbidden', `${who.officeName}：${REFUSAL[action](BATTLE_ORDINAL[task.battle] ?? String(task.battle))}`, `${who.role} ${who.officeName} may not ${action} in battle ${task.battle}`);
}
