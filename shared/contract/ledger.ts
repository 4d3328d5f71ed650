// The ledger (台账) and 拉单销号: tasks, their progress lines and evidence, 销号 requests and decisions, the overview.
import { z } from 'zod';
import { indicatorLights } from '../indicators';
import { taskRowSchema, taskStatuses } from '../domain';
import { evidenceFilesSchema, optionalText, percentSchema, progressTextSchema, TEXT_MAX, writtenText } from '../limits';
import { auditEntrySchema, closeoutSchema, isoDateSchema, lights, periodSchema, progressLineSchema, taskEditSchema } from '../workflow';
import { empty, OK, outgoingFileSchema, taskFilterSchema } from './common';

/** A task added to a section or split off another: what the person creating it gives. */
const newTaskFields = z.object({
  title: writtenText(TEXT_MAX.title, '请填写任务名称'),
  content: optionalText(TEXT_MAX.content).default(''),
  leadUnits: z.array(z.string()).max(20),
  coUnits: z.array(z.string()).max(40).default([]),
  dueDate: isoDateSchema.optional(),
});

export const ledgerContract = {
  'tasks.list': {
    input: taskFilterSchema,
    output: z.object({ total: z.number().int().nonnegative(), tasks: z.array(taskRowSchema) }),
  },
  'dashboard.get': {
    input: empty,
    output: z.object({
      battles: z.array(
        z.object({
          battle: z.number().int(),
          total: z.number().int(),
          byStatus: z.record(z.enum(taskStatuses), z.number().int()),
          byLight: z.record(z.enum(lights), z.number().int()),
        }),
      ),
      /** The most overdue first, at most a hundred; the counts say how many there are in all. */
      overdue: z.array(taskRowSchema),
      dueSoon: z.array(taskRowSchema),
      overdueCount: z.number().int(),
      dueSoonCount: z.number().int(),
      units: z.array(z.object({ unit: z.string(), lead: z.number().int(), red: z.number().int(), yellow: z.number().int(), closed: z.number().int() })),
      /** Indicators whose latest actual is behind (明显滞后 first). */
      indicatorsBehind: z.array(z.object({ id: z.string(), name: z.string(), battleName: z.string(), light: z.enum(indicatorLights), completion: z.number().nullable(), period: z.string() })),
      openProblems: z.number().int(),
      overdueProblems: z.number().int(),
      pendingCloseouts: z.number().int(),
    }),
  },
  'task.detail': {
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.object({
      task: taskRowSchema,
      progress: z.array(progressLineSchema),
      closeouts: z.array(closeoutSchema),
      audit: z.array(auditEntrySchema),
    }),
  },
  'task.update': { input: z.object({ id: z.string().min(1), edit: taskEditSchema }).strict(), output: z.object({ task: taskRowSchema }) },
  'task.split': { input: newTaskFields.extend({ parentId: z.string().min(1) }).strict(), output: z.object({ id: z.string() }) },
  'task.add': { input: newTaskFields.extend({ section: z.string().max(20) }).strict(), output: z.object({ id: z.string(), code: z.string() }) },
  'progress.report': {
    input: z
      .object({
        taskId: z.string().min(1),
        period: periodSchema,
        percent: percentSchema,
        text: progressTextSchema,
        /** Reported on behalf of this unit (a taskforce entering a paper report); default: this office. */
        unit: z.string().max(TEXT_MAX.unit).optional(),
        /** Optional evidence files; never required. */
        evidence: evidenceFilesSchema.optional(),
      })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  /** An evidence file to keep, under the name it was attached with. */
  'evidence.get': { input: z.object({ sha256: z.string(), name: z.string().max(TEXT_MAX.fileName).default('') }).strict(), output: z.object({ file: outgoingFileSchema }) },
  'closeout.request': {
    // belowFull: the unit confirms a request for a task reported below 100 % (the statement says why).
    input: z.object({ taskId: z.string().min(1), statement: optionalText(TEXT_MAX.statement), belowFull: z.boolean().default(false) }).strict(),
    output: z.object({ id: z.string() }),
  },
  /** 退回 needs a reason (checked with the decision, since 批准 does not). */
  'closeout.decide': { input: z.object({ taskId: z.string().min(1), approve: z.boolean(), reason: optionalText(TEXT_MAX.reason).default('') }).strict(), output: OK },
  'closeout.reopen': { input: z.object({ taskId: z.string().min(1), reason: writtenText(TEXT_MAX.reason, '重新打开已销号任务须写明理由') }).strict(), output: OK },
  'closeout.queue': { input: empty, output: z.object({ items: z.array(closeoutSchema) }) },
} as const;
