// zh-CN words the interface and documents show for domain values; the plan's own vocabulary.
import type { ListType, TaskStatus } from './domain';
import type { Light } from './enums';

export const taskStatusLabel: Record<TaskStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  lagging: '滞后',
  pending_closeout: '待销号',
  closed: '已销号',
};

/** Every light has its word, for colour-blind users and black-and-white printing. */
export const lightLabel: Record<Light, string> = {
  green: '正常',
  blue: '临近',
  yellow: '预警',
  red: '逾期',
  done: '已销号',
};

export const listTypeLabel: Record<ListType, string> = {
  project: '项目清单',
  work: '工作清单',
  responsibility: '责任清单',
};

export const appTitle = '专班台账';

/** "吉首市打好发展“六仗”总体实施方案" → "打好发展“六仗”": the name people use for the plan. */
export function planShortName(title: string): string {
  return /打好[^“”]*“[^”]+”/.exec(title)?.[0] ?? title;
}

export const roleLabel: Record<string, string> = { center: '总指挥中心', taskforce: '工作专班', unit: '成员单位' };

/** An office's identity as a key announces it or was granted it: 市发改局 · 工作专班（第1仗）. */
export function identityLabel(k: { office: string; role: string; battle: number }, separator = ' · '): string {
  if (!k.role) return '未声明单位和角色';
  return `${k.office || '未知单位'}${separator}${roleLabel[k.role] ?? k.role}${k.role === 'taskforce' ? `（第${k.battle}仗）` : ''}`;
}
