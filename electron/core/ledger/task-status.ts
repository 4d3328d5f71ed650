// A task's status is derived, never typed: from its close-out state, its progress and its light.
import type { TaskStatus } from '../../../shared/domain';
import type { Light } from '../../../shared/workflow';
import type { TaskFacts } from './task-facts';

export function deriveStatus(f: TaskFacts, light: Light): TaskStatus {
  if (f.closeout === 'approved') return 'closed';
  if (f.closeout === 'pending') return 'pending_closeout';
  if (f.percent === null) return 'not_started';
  return light === 'yellow' || light === 'red' ? 'lagging' : 'in_progress';
}
