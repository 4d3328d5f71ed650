// How a task's 销号 records add up, in one place for the tables (SQL) and the replay (JS). The requester's
// taking back (撤回) is its own field (withdrawn_on), never the state: a withdrawal crossing an approval on the
// way leaves the approval standing at every office, whatever order the two arrive in. And an approval stands
// until the taskforce reopens it: a later request (forged, or crossing) does not undo it.
import type { CloseoutState } from '../../../shared/workflow';

/** A record's state as it counts: a pending request taken back is withdrawn. `c` is the closeouts alias. */
export const effectiveStateSql = (c: string) => `CASE WHEN ${c}.state = 'pending' AND ${c}.withdrawn_on <> '' THEN 'withdrawn' ELSE ${c}.state END`;

export function effectiveState(state: string, withdrawnOn: string): CloseoutState {
  return (state === 'pending' && withdrawnOn ? 'withdrawn' : state || 'pending') as CloseoutState;
}

