// A task's status is derived, never typed: from its close-out state and progress. Progress reports and
// close-out requests arrive with the ledger workflow; until a task has any, it has not started.
import type { TaskStatus } from '../../../shared/domain';

export interface StatusFacts {
  closed: boolean;
  closeoutRequested: boolean;
  lastPercent: number | null;
  behindSchedule: boolean;
}

export function deriveStatus(f: StatusFacts): TaskStatus {
  if (f.closed) return 'closed';
  if (f.closeoutRequested) return 'pending_closeout';
  if (f.lastPercent === null) return 'not_started';
  return f.behindSchedule ? 'lagging' : 'in_progress';
}

export const NO_PROGRESS: StatusFacts = { closed: false, closeoutRequested: false, lastPercent: null, behindSchedule: false };
