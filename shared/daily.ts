// The daily work of each office: what is waiting for it (我的待办), who has reported for a period (报送率), and
// records voided by mistake. Shapes shared by the core, the CLI and the pages.
import { z } from 'zod';
import { auditEntrySchema } from './workflow';

export const todoKinds = [
  'rejected', // a unit's 销号 request sent back, until it answers
  'urged', // a 催报 to this unit for a period, while a task it names is still not reported
  'answered', // a unit answered a rejection: the taskforce reads it
  'pending', // a 销号 request waiting for this office's decision
  'unreported', // a task of this unit without a line for the current period
  'unitsUnreported', // a unit of this battle that has not reported for the current period
  'overdue',
  'dueSoon',
  'problem', // an open problem assigned to this unit (or, for a taskforce, overdue in its battle)
  'instruction', // a 领导批示 assigned to this unit awaiting its reply (for a taskforce or the centre: overdue ones)
  'decided', // a recent decision on this unit's request, with its opinion
] as const;
export type TodoKind = (typeof todoKinds)[number];

export const todoKindLabel: Record<TodoKind, string> = {
  rejected: '销号被退回',
  urged: '催报',
  answered: '退回后已说明',
  pending: '待审批销号',
  unreported: '本期未报送',
  unitsUnreported: '未报送的单位',
  overdue: '已逾期',
  dueSoon: '临近时限',
  problem: '问题整改',
  instruction: '领导批示',
  decided: '最近的审批',
};

export const todoItemSchema = z.object({
  kind: z.enum(todoKinds),
  /** '' for an item about a unit rather than a task. */
  taskId: z.string(),
  taskCode: z.string(),
  title: z.string(),
  /** Why it is here, in one sentence: the rejection's reason, the days overdue, the period not reported. */
  reason: z.string(),
  /** The date it is due by ('' when none). */
  due: z.string(),
  unit: z.string(),
  battle: z.number().int(),
  /** The record the item is about (a closeout, a problem), for the action taken on it. */
  refId: z.string(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const todoSchema = z.object({
  asOf: z.string(),
  /** The period this office reports for now (the current 旬). */
  period: z.string(),
  items: z.array(todoItemSchema),
  counts: z.record(z.string(), z.number().int()),
});
export type Todo = z.infer<typeof todoSchema>;

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);

export const reportingTaskSchema = z.object({ taskId: z.string(), code: z.string(), title: z.string(), reported: z.boolean(), reportedOn: z.string(), late: z.boolean() });

export const reportingUnitSchema = z.object({
  unitId: z.string(),
  unit: z.string(),
  /** Tasks this unit leads that were open in the period. */
  tasks: count,
  reported: count,
  rate,
  items: z.array(reportingTaskSchema),
});
export type ReportingUnit = z.infer<typeof reportingUnitSchema>;

export const reportingSchema = z.object({
  period: z.string(),
  asOf: z.string(),
  /** What is counted, in words, so a reader knows what the rate means. */
  rule: z.string(),
  tasks: count,
  reported: count,
  rate,
  battles: z.array(z.object({ battle: z.number().int(), name: z.string(), tasks: count, reported: count, rate, unitsMissing: count })),
  units: z.array(reportingUnitSchema),
  /** Names of the units with at least one task not reported, in order of most missing. */
  missing: z.array(z.string()),
});
export type Reporting = z.infer<typeof reportingSchema>;

export const voidableEntities = ['task', 'progress', 'closeout', 'problem', 'decision', 'instruction'] as const;
export type VoidableEntity = (typeof voidableEntities)[number];
export const voidableLabel: Record<VoidableEntity, string> = { task: '任务', progress: '进展', closeout: '销号记录', problem: '问题', decision: '决定事项', instruction: '领导批示' };

export const voidedRecordSchema = z.object({
  entity: z.enum(voidableEntities),
  id: z.string(),
  label: z.string(),
  reason: z.string(),
  voidedOn: z.string(),
  by: z.string(),
  /** A voided task's audit trail (its own history stays readable after it left the ledger). */
  audit: z.array(auditEntrySchema),
});
export type VoidedRecord = z.infer<typeof voidedRecordSchema>;

/** The date a 催报 asks for the missing lines by: three days after the ledger date. */
export function urgeReplyBy(asOf: string): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 3);
  return d.toISOString().slice(0, 10);
}
