// A ledger of 50,000 tasks has a few hundred distinct unit lists and a few thousand distinct combinations of
// due date, percent and close-out. Both the overview and the ledger list compute each once per request.
import type { TaskStatus } from '../../../shared/domain';
import { closeoutStates, type CloseoutState, type Light, type Milestone, type Settings } from '../../../shared/workflow';
import { computeLight } from './lights';
import type { TaskFacts } from './task-facts';
import { deriveStatus } from './task-status';

/** Shared by every task without milestones: read, never change. */
export const NO_MILESTONES: readonly Milestone[] = Object.freeze([]);

/** A JSON list parsed once per distinct text; the arrays are shared between tasks: read, never change. */
export function listMemo(): (json: string) => string[] {
  const lists = new Map<string, string[]>();
  return (json) => {
    let list = lists.get(json);
    if (!list) lists.set(json, (list = JSON.parse(json) as string[]));
    return list;
  };
}

const CLOSEOUT_CODES = closeoutStates.length + 1;
const closeoutCode = (c: CloseoutState | null) => (c === null ? 0 : closeoutStates.indexOf(c) + 1);

/**
 * A task's light and status. Without milestones they depend only on its due date, percent and close-out: each
 * combination is computed once (per due date, by percent and close-out), with no key string built per task.
 */
export function lightMemo(
  settings: Settings,
  planYear: number,
): (dueDate: string, percent: number | null, closeout: CloseoutState | null, milestones: readonly Milestone[] | null, startedOn?: string) => readonly [Light, TaskStatus] {
  const plain = new Map<string, (readonly [Light, TaskStatus] | undefined)[]>();
  const compute = (dueDate: string, f: TaskFacts, milestones: readonly Milestone[], startedOn: string) => {
    const light = computeLight({ closed: f.closeout === 'approved', dueDate, milestones, percent: f.percent, planYear, startedOn }, settings);
    return [light, deriveStatus(f, light)] as const;
  };
  return (dueDate, percent, closeout, milestones, startedOn = '') => {
    if (milestones !== null && milestones.length) return compute(dueDate, { percent, closeout }, milestones, startedOn);
    // Tasks of the plan have no start of their own: the key is the due date alone for all but the few added later.
    const key = startedOn ? `${dueDate}|${startedOn}` : dueDate;
    let byFacts = plain.get(key);
    if (!byFacts) plain.set(key, (byFacts = []));
    const k = (percent === null ? 0 : percent + 1) * CLOSEOUT_CODES + closeoutCode(closeout);
    return (byFacts[k] ??= compute(dueDate, { percent, closeout }, NO_MILESTONES, startedOn));
  };
}
