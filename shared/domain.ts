// Domain vocabulary shared by every process. Names follow docs/glossary.md.
import { z } from 'zod';
import { lights, listTypes, taskStatuses } from './enums';
import { closeoutStates, milestoneSchema } from './workflow';

export { listTypes, taskStatuses, type ListType, type TaskStatus } from './enums';

export const targetKinds = ['growth', 'absolute', 'count', 'ratio'] as const;
export type TargetKind = (typeof targetKinds)[number];

export const comparisons = ['gte', 'lte', 'about', 'eq'] as const;
export type Comparison = (typeof comparisons)[number];

export const battleCodeSchema = z.number().int().min(1).max(99);

export const targetSchema = z.object({
  id: z.string(),
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  kind: z.enum(targetKinds),
  comparison: z.enum(comparisons),
  text: z.string(),
});
export type Target = z.infer<typeof targetSchema>;

export const battleSummarySchema = z.object({
  id: z.string(),
  code: battleCodeSchema,
  name: z.string(),
  shortName: z.string(),
  office: z.string(),
  taskCount: z.number().int().nonnegative(),
});
export type BattleSummary = z.infer<typeof battleSummarySchema>;

export const taskRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  battle: battleCodeSchema,
  battleName: z.string(),
  section: z.string(),
  /** The section's own code ("1.3", "2.表"). */
  sectionCode: z.string(),
  /** 工作内容 of a 任务分解表 row; empty for tasks of the text. */
  group: z.string(),
  title: z.string(),
  content: z.string(),
  listType: z.enum(listTypes),
  leadUnits: z.array(z.string()),
  coUnits: z.array(z.string()),
  leadUnitIds: z.array(z.string()),
  coUnitIds: z.array(z.string()),
  /** The responsibility clause as the document wrote it. */
  clause: z.string(),
  /** The lead was taken from the order of names: the clause did not say 牵头. */
  leadByOrder: z.boolean(),
  status: z.enum(taskStatuses),
  light: z.enum(lights),
  /** Latest reported percent (the lead units' lines), null before any report. */
  percent: z.number().int().min(0).max(100).nullable(),
  dueDate: z.string(),
  milestones: z.array(milestoneSchema),
  leadPerson: z.string(),
  handler: z.string(),
  responsibleSection: z.string(),
  parentId: z.string(),
  /** The ledger date it was added on; '' for the plan's own tasks. */
  createdOn: z.string(),
  /** The state of its latest 销号 record (rejected shows as 已退回 until answered or asked again). */
  closeout: z.enum(closeoutStates).nullable(),
  targets: z.array(targetSchema),
});
export type TaskRow = z.infer<typeof taskRowSchema>;

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  /** 'group' for a collective name (各成员单位, 各乡镇街道): never supervised, commended or ranked as a unit. */
  kind: z.enum(['unit', 'group']),
});
export type Unit = z.infer<typeof unitSchema>;

export const planInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNo: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  year: z.number().int(),
});
export type PlanInfo = z.infer<typeof planInfoSchema>;
