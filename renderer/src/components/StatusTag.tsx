import { Tag } from 'antd';
import type { TaskStatus } from '../../../shared/domain';
import { taskStatusLabel } from '../../../shared/labels';

// Never colour alone: the word is always there, for colour-blind users and black-and-white printing.
const COLOR: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  lagging: 'warning',
  pending_closeout: 'purple',
  closed: 'success',
};

export function StatusTag({ status }: { status: TaskStatus }) {
  return <Tag color={COLOR[status]}>{taskStatusLabel[status]}</Tag>;
}
