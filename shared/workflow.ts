// The daily workflow's vocabulary: who this installation is, warning lights, progress lines, close-out
// (销号) records, the audit trail, and the settings that drive the lights.
import { z } from 'zod';
import { listTypes, roles } from './enums';
import { TEXT_MAX, writtenText } from './limits';

export { lights, roles, type Light, type Role } from './enums';

export const identitySchema = z.object({
  replicaId: z.string(),
  officeUnitId: z.string(),
  officeName: z.string(),
  role: z.enum(roles),
  /** The battle a taskforce runs; 0 for center and units. */
  battle: z.number().int().min(0).max(99),
  operator: z.string(),
});
export type Identity = z.infer<typeof identitySchema>;

export const identityInputSchema = z
  .object({
    office: z.string().trim().min(1, '请选择本机所属单位').max(60),
    role: z.enum(roles),
    battle: z.number().int().min(0).max(99).default(0),
    operator: z.string().trim().max(30).default(''),
  })
  .strict()
  .refine((v) => v.role !== 'taskforce' || (v.battle >= 1 && v.battle <= 99), { message: '工作专班须选择所负责的仗', path: ['battle'] });

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2023-03-16');
const isoDate = isoDateSchema;

export const settingsSchema = z
  .object({
    /** The date the ledger is read at (today by default; a past date to review a past period). */
    asOf: isoDate,
    /** Blue when the due date is this many days away or fewer. */
    dueSoonDays: z.number().int().min(1).max(90),
    /** Yellow when reported progress trails 序时进度 by more than this many percentage points. */
    behindPoints: z.number().int().min(1).max(100),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** 2023-03-3 (下旬 of March) or 2023-03 (the month). */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-[123])?$/, '报告期应为 2023-03-3（旬）或 2023-03（月）');

/** A checkpoint: by this date, this much done ("6月底完成 50%"). */
export const milestoneSchema = z
  .object({ date: isoDate, percent: z.number().int().min(1).max(100), text: z.string().trim().max(200).default('') })
  .strict();
export type Milestone = z.infer<typeof milestoneSchema>;

export const evidenceRefSchema = z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() });
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const progressLineSchema = z.object({
  id: z.string(),
  unit: z.string(),
  period: z.string(),
  percent: z.number().int().min(0).max(100),
  text: z.string(),
  reportedOn: z.string(),
  evidence: z.array(evidenceRefSchema),
});
export type ProgressLine = z.infer<typeof progressLineSchema>;

/** withdrawn: the requesting unit took back its pending request (撤回). */
export const closeoutStates = ['pending', 'approved', 'rejected', 'reopened', 'withdrawn'] as const;
export type CloseoutState = (typeof closeoutStates)[number];

/** A record about one task by one unit (a 销号 request, a problem): what lists show to name both. */
export const taskItemFields = {
  id: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  battle: z.number().int(),
  unit: z.string(),
};

export const closeoutSchema = z.object({
  ...taskItemFields,
  statement: z.string(),
  requestedOn: z.string(),
  state: z.enum(closeoutStates),
  decider: z.string(),
  /** 审批意见 with an approval, 退回理由 with a rejection, the reason of a reopening. */
  reason: z.string(),
  decidedOn: z.string(),
  /** The unit's answer to a rejection (说明) and its date; '' until it answers. */
  answer: z.string(),
  answeredOn: z.string(),
  withdrawnOn: z.string(),
});
export type Closeout = z.infer<typeof closeoutSchema>;

export const auditEntrySchema = z.object({
  at: z.string(),
  office: z.string(),
  operator: z.string(),
  action: z.string(),
  /** The record this entry is about has since been voided (作废): shown struck through. */
  voided: z.boolean(),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const taskEditSchema = z
  .object({
    listType: z.enum(listTypes).optional(),
    leadPerson: z.string().trim().max(TEXT_MAX.person, `牵头负责人不能超过 ${TEXT_MAX.person} 字`).optional(),
    handler: z.string().trim().max(TEXT_MAX.person, `具体承办人不能超过 ${TEXT_MAX.person} 字`).optional(),
    responsibleSection: z.string().trim().max(TEXT_MAX.leader, `责任股室不能超过 ${TEXT_MAX.leader} 字`).optional(),
    dueDate: z.union([isoDate, z.literal('')]).optional(),
    milestones: z.array(milestoneSchema).max(24).optional(),
    title: writtenText(TEXT_MAX.title, '请填写任务名称').optional(),
    content: writtenText(TEXT_MAX.content, '请填写工作内容').optional(),
  })
  .strict();
export type TaskEdit = z.infer<typeof taskEditSchema>;

/** Why a record is voided (作废/撤销): kept with it, shown in the audit trail. */
export const voidReasonSchema = writtenText(TEXT_MAX.shortReason, '请写明作废的理由（至少两个字）');
