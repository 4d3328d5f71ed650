// The whole surface between the renderer and the core. Electron IPC, the browser-mode host and the CLI
// all dispatch through this map, so adding a channel here is the only way to add a capability.
import { z } from 'zod';
import { channelNames, type ChannelName } from './channels';
import { appErrorSchema } from './errors';
import { planDraftSchema, planImportResultSchema, planListSchema } from './plan-import';
import { planSeedSchema } from './plan-seed';
import { reportDocSchema, reportFiguresSchema, reportKinds, reportRequestSchema } from './report';
import { importColumnFields, xlsxImportResultSchema } from './xlsx-import';
import { dailyContract } from './contract/daily';
import { indicatorEditSchema, indicatorLights, indicatorSchema } from './indicators';
import { candidateSchema, decisionKinds, decisionSchema, problemCountSchema, problemSchema, problemSources, supervisionKinds, supervisionSchema, unitRankSchema } from './dispatch';
import { battleCodeSchema, battleSummarySchema, listTypes, planInfoSchema, taskRowSchema, taskStatuses, unitSchema } from './domain';
import {
  auditEntrySchema,
  closeoutSchema,
  identityInputSchema,
  identitySchema,
  lights,
  progressLineSchema,
  settingsSchema,
  taskEditSchema,
} from './workflow';

const empty = z.object({}).strict();
/**
 * A file the person picked, by reference: its path in Electron, an upload's id in browser mode. Large files
 * (a year's bundle of a prefecture is 80 MB) never travel as base64 inside a request.
 */
export const pickedFileSchema = z.object({ name: z.string().max(255), ref: z.string().min(1).max(4096) }).strict();
export type PickedFileRef = z.infer<typeof pickedFileSchema>;
const OK = z.object({ ok: z.literal(true) });
const agendaTask = z.object({ id: z.string(), code: z.string(), title: z.string(), units: z.string(), dueDate: z.string(), percent: z.number().nullable() });

const taskFilterSchema = z
  .object({
    battle: battleCodeSchema.optional(),
    search: z.string().max(200).optional(),
    listType: z.enum(listTypes).optional(),
    unit: z.string().max(60).optional(),
    status: z.enum(taskStatuses).optional(),
    light: z.enum(lights).optional(),
    /** A plan other than the current one. */
    planId: z.string().max(100).optional(),
  })
  .strict();

/** A task added to a section or split off another: what the person creating it gives. */
const newTaskFields = z.object({
  title: z.string().max(120),
  content: z.string().max(5000).default(''),
  leadUnits: z.array(z.string()).max(20),
  coUnits: z.array(z.string()).max(40).default([]),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const contract = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      storePath: z.string(),
      replicaId: z.string(),
      schemaVersion: z.number().int(),
      eventCount: z.number().int().nonnegative(),
    }),
  },
  'plan.overview': {
    input: empty,
    output: z.object({
      plan: planInfoSchema,
      battles: z.array(battleSummarySchema),
      taskCount: z.number().int().nonnegative(),
      unitCount: z.number().int().nonnegative(),
    }),
  },
  'tasks.list': {
    input: taskFilterSchema,
    output: z.object({
      total: z.number().int().nonnegative(),
      tasks: z.array(taskRowSchema),
    }),
  },
  'identity.get': { input: empty, output: z.object({ identity: identitySchema.nullable() }) },
  'identity.set': { input: identityInputSchema, output: identitySchema },
  'settings.get': { input: empty, output: settingsSchema },
  'settings.set': { input: settingsSchema.partial().strict(), output: settingsSchema },
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
      /** The most overdue first, at most LIST_CAP; the counts say how many there are in all. */
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
        period: z.string().max(10),
        percent: z.number(),
        text: z.string().max(2000),
        unit: z.string().max(60).optional(),
        /** Optional evidence files; never required. */
        evidence: z
          .array(z.object({ name: z.string().min(1).max(200), contentBase64: z.string().max(28 * 1024 * 1024) }).strict())
          .max(5)
          .optional(),
      })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  'evidence.get': {
    input: z.object({ sha256: z.string() }).strict(),
    output: z.object({ contentBase64: z.string() }),
  },
  'closeout.request': {
    // belowFull: the unit confirms a request for a task reported below 100 % (the statement says why).
    input: z.object({ taskId: z.string().min(1), statement: z.string().max(2000), belowFull: z.boolean().default(false) }).strict(),
    output: z.object({ id: z.string() }),
  },
  'closeout.decide': {
    input: z.object({ taskId: z.string().min(1), approve: z.boolean(), reason: z.string().max(1000).default('') }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'closeout.reopen': { input: z.object({ taskId: z.string().min(1), reason: z.string().max(1000) }).strict(), output: z.object({ ok: z.literal(true) }) },
  'closeout.queue': { input: empty, output: z.object({ items: z.array(closeoutSchema) }) },
  ...dailyContract,
  'sync.info': {
    input: empty,
    output: z.object({
      replicaId: z.string(),
      fingerprint: z.string(),
      office: z.string(),
      ownEvents: z.number().int(),
      peers: z.array(
        z.object({
          replica: z.string(),
          office: z.string(),
          fingerprint: z.string(),
          pinnedAt: z.string(),
          lastImportAt: z.string(),
          lastExportAt: z.string(),
          /** This office's own changes the peer is not known to have. */
          unsent: z.number().int(),
          /** The office, role and battle its events are judged by: the centre's grant, else the one confirmed here. */
          grantedOffice: z.string(),
          role: z.string(),
          battle: z.number().int(),
          grantedBy: z.enum(['center', 'pin']),
        }),
      ),
      history: z.array(
        z.object({ bundleId: z.string(), fileName: z.string(), exporter: z.string(), office: z.string(), importedAt: z.string(), applied: z.number().int(), skipped: z.number().int() }),
      ),
      /** kind: role (its author may not write it), content (malformed, never folded), clock (时间异常, held). */
      quarantined: z.array(
        z.object({ eventId: z.string(), replica: z.string(), office: z.string(), seq: z.number().int(), entity: z.string(), reason: z.string(), at: z.string(), kind: z.enum(['role', 'content', 'clock']) }),
      ),
      /** The centre's releases of quarantined or held records: which, by whom, when and why. */
      releases: z.array(z.object({ eventId: z.string(), office: z.string(), reason: z.string(), releasedOn: z.string(), applied: z.boolean() })),
      /** Concurrent edits of one field not yet looked at by a person. */
      conflicts: z.array(z.object({ id: z.string(), what: z.string(), field: z.string(), kept: z.string(), keptBy: z.string(), other: z.string(), otherBy: z.string() })),
    }),
  },
  /** The centre releases a quarantined or held record (not a malformed one), with its reason: synced like any change. */
  'sync.release': { input: z.object({ eventId: z.string().min(1).max(64), reason: z.string().trim().min(2, '请写明放行的理由（至少两个字）').max(500) }).strict(), output: z.object({ released: z.number().int() }) },
  /** The centre grants an installation's key its office, role and battle (e.g. after a reassignment): synced. */
  'sync.grant': {
    input: z
      .object({
        replica: z.string().regex(/^[0-9a-f-]{36}$/),
        office: z.string().trim().min(1).max(60),
        role: z.enum(['center', 'taskforce', 'unit']),
        battle: z.number().int().min(0).max(99).default(0),
        reason: z.string().trim().min(2, '请写明确认的理由（至少两个字）').max(500),
      })
      .strict(),
    output: z.object({ released: z.number().int() }),
  },
  'conflicts.settle': { input: z.object({ id: z.string().min(1), useOther: z.boolean() }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Makes a bundle (for one peer, or full) and hands it over to be saved on the stick. */
  'sync.export': {
    input: z.object({ forPeer: z.string().optional() }).strict(),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), count: z.number().int() }),
  },
  'sync.import': {
    input: z
      .object({ file: pickedFileSchema, dryRun: z.boolean(), trust: z.boolean().default(false) })
      .strict(),
    output: z.object({
      exporter: z.string(),
      exporterOffice: z.string(),
      createdAt: z.string(),
      /** Each new key with the office, role and battle it announces: confirming the fingerprint grants them. */
      newKeys: z.array(
        z.object({
          replica: z.string(),
          fingerprint: z.string(),
          office: z.string(),
          role: z.string(),
          battle: z.number().int(),
          /** The fingerprint of a key already trusted for the same office (or as the centre), if any. */
          sameOfficeAs: z.string(),
        }),
      ),
      events: z.number().int(),
      applied: z.number().int(),
      skipped: z.number().int(),
      quarantined: z.number().int(),
      released: z.number().int(),
      byEntity: z.record(z.string(), z.number().int()),
      tasks: z.array(z.string()),
      gaps: z.array(z.object({ replica: z.string(), from: z.number().int(), to: z.number().int() })),
      futureClocks: z.number().int(),
      alreadyImported: z.boolean(),
      saved: z.boolean(),
    }),
  },
  /** The document a request would produce, with its editable parts, for the preview. Changes nothing. */
  'report.preview': { input: reportRequestSchema, output: reportDocSchema },
  /** The .docx to save; numbers it and enters it in this office's register. */
  'report.export': {
    input: reportRequestSchema,
    output: z.object({ fileName: z.string(), contentBase64: z.string(), number: z.number().int(), figures: reportFiguresSchema }),
  },
  'report.list': {
    input: empty,
    output: z.object({
      issued: z.array(z.object({ kind: z.enum(reportKinds), period: z.string(), number: z.number().int(), title: z.string(), issuedOn: z.string() })),
    }),
  },
  /** The ledger, or the filtered view, as a 任务分解表 .xlsx. */
  'ledger.exportXlsx': {
    input: taskFilterSchema,
    output: z.object({ fileName: z.string(), contentBase64: z.string(), count: z.number().int() }),
  },
  /** A 任务分解表 .xlsx into one section: a preview with the guessed columns, then all rows in one transaction. */
  'ledger.importXlsx': {
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        // 10 MB as base64.
        contentBase64: z.string().max(14 * 1024 * 1024),
        section: z.string().max(20).default(''),
        columns: z.array(z.enum(importColumnFields)).max(40).optional(),
        dryRun: z.boolean(),
      })
      .strict(),
    output: xlsxImportResultSchema,
  },
  'indicators.list': {
    input: empty,
    output: z.object({
      indicators: z.array(indicatorSchema),
      battles: z.array(z.object({ battle: z.number().int(), name: z.string(), counts: z.record(z.enum(indicatorLights), z.number().int()) })),
    }),
  },
  'indicator.update': { input: z.object({ id: z.string().min(1), edit: indicatorEditSchema }).strict(), output: OK },
  'indicator.add': { input: z.object({ battle: battleCodeSchema, edit: indicatorEditSchema }).strict(), output: z.object({ id: z.string() }) },
  /** One actual for one period; a second entry for the period is refused unless `replace`. */
  'indicator.setValue': {
    input: z.object({ id: z.string().min(1), period: z.string().max(10), value: z.number(), note: z.string().max(200).optional(), replace: z.boolean().optional() }).strict(),
    output: OK,
  },
  'problems.list': {
    input: empty,
    output: z.object({
      problems: z.array(problemSchema),
      byUnit: z.array(problemCountSchema),
      byBattle: z.array(problemCountSchema),
      series: z.array(z.object({ date: z.string(), open: z.number().int() })),
    }),
  },
  'problem.raise': {
    input: z
      .object({ taskId: z.string().min(1), unit: z.string().max(60).optional(), text: z.string().max(1000), deadline: z.string().max(10), source: z.enum(problemSources).optional() })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  'problem.clear': { input: z.object({ id: z.string().min(1), statement: z.string().max(2000) }).strict(), output: OK },
  'supervision.overview': {
    input: empty,
    output: z.object({ actions: z.array(supervisionSchema), candidates: z.array(candidateSchema), ranking: z.array(unitRankSchema) }),
  },
  'supervision.add': {
    input: z
      .object({
        kind: z.enum(supervisionKinds),
        unit: z.string().min(1).max(60),
        taskIds: z.array(z.string()).max(100),
        matter: z.string().max(2000),
        deadline: z.string().max(10).optional(),
        reply: z.string().max(1000).optional(),
        heldOn: z.string().max(10).optional(),
        participants: z.string().max(300).optional(),
        outcome: z.string().max(2000).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), number: z.number().int() }),
  },
  /** A month's 调度分析会: the agenda from the ledger, the record, its decisions. */
  'meeting.get': {
    input: z.object({ month: z.string().max(7) }).strict(),
    output: z.object({
      agenda: z.object({
        asOf: z.string(),
        overdue: z.array(agendaTask),
        warned: z.array(agendaTask),
        problems: z.array(problemSchema),
        indicators: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            battleName: z.string(),
            latest: z.object({ period: z.string(), value: z.number(), note: z.string() }),
            completion: z.number().nullable(),
            schedule: z.number(),
            light: z.enum(indicatorLights),
          }),
        ),
      }),
      meeting: z.object({ month: z.string(), heldOn: z.string(), place: z.string(), chair: z.string(), attendees: z.string(), minutes: z.string() }).nullable(),
      decisions: z.array(decisionSchema),
    }),
  },
  'meeting.save': {
    input: z
      .object({
        month: z.string().max(7),
        heldOn: z.string().max(10),
        place: z.string().max(100).optional(),
        chair: z.string().max(60).optional(),
        attendees: z.string().max(1000).optional(),
        minutes: z.string().max(20000).optional(),
      })
      .strict(),
    output: OK,
  },
  /** A decision; kind task or problem creates that record in the same transaction. */
  'meeting.decide': {
    input: z.discriminatedUnion('kind', [
      z.object({ month: z.string().max(7), kind: z.literal(decisionKinds[0]), text: z.string().max(2000) }).strict(),
      z
        .object({
          month: z.string().max(7),
          kind: z.literal(decisionKinds[1]),
          text: z.string().max(2000),
          section: z.string().max(20),
          lead: z.array(z.string()).min(1).max(20),
          co: z.array(z.string()).max(40).optional(),
          dueDate: z.string().max(10).optional(),
        })
        .strict(),
      z
        .object({ month: z.string().max(7), kind: z.literal(decisionKinds[2]), text: z.string().max(2000), taskId: z.string().min(1), unit: z.string().max(60).optional(), deadline: z.string().max(10) })
        .strict(),
    ]),
    output: z.object({ id: z.string(), ref: z.string() }),
  },
  'backup.list': {
    input: empty,
    output: z.object({
      dir: z.string(),
      backups: z.array(z.object({ file: z.string(), at: z.string(), reason: z.enum(['daily', 'import', 'migration', 'manual', 'before-restore']), size: z.number().int() })),
    }),
  },
  'backup.create': { input: empty, output: z.object({ file: z.string(), size: z.number().int() }) },
  /** Restores one of this store's backups (by file name, from its backups folder); the current store is backed up first. */
  'backup.restore': {
    input: z.object({ file: z.string().min(1).max(120) }).strict(),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string(), fingerprint: z.string(), events: z.number().int() }),
  },
  'units.list': {
    input: empty,
    output: z.object({ units: z.array(unitSchema) }),
  },
  /** Reads an implementation-plan document (.docx/.txt) and drafts it; saves it when dryRun is false. */
  'plan.import': {
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        // 20 MB of document as base64.
        contentBase64: z.string().max(28 * 1024 * 1024),
        dryRun: z.boolean(),
      })
      .strict(),
    output: planImportResultSchema,
  },
  /** Reads a plan document into a draft; nothing is saved. */
  'plan.draft': {
    input: z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().max(28 * 1024 * 1024) }).strict(),
    output: planDraftSchema,
  },
  /** Saves a (possibly edited) draft as a plan of this ledger, in one transaction, and makes it the current plan. */
  'plan.save': {
    input: z.object({ seed: planSeedSchema }).strict(),
    output: planImportResultSchema.extend({ planId: z.string() }),
  },
  'plan.list': { input: empty, output: planListSchema },
  /** First start without a document of one's own: the built-in 吉首 2023 plan. */
  'plan.builtin': { input: empty, output: planImportResultSchema.extend({ planId: z.string() }) },
  /** Unfinished tasks of one plan carried into another (结转), linked to their origin; the centre only. */
  'plan.carryOver': {
    input: z.object({ fromPlanId: z.string().min(1).max(100), toPlanId: z.string().min(1).max(100), taskIds: z.array(z.string().min(1).max(100)).min(1).max(5000) }).strict(),
    output: z.object({ carried: z.array(z.object({ from: z.string(), code: z.string() })) }),
  },
  /** Which plan the pages, documents and figures show (this installation only). */
  'plan.use': { input: z.object({ planId: z.string().min(1).max(100) }).strict(), output: planListSchema },
} as const satisfies Record<ChannelName, { input: z.ZodTypeAny; output: z.ZodTypeAny }>;

// Fails to compile when contract and channelNames disagree in either direction.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameChannels: Exactly<keyof typeof contract, ChannelName> = true;
void _sameChannels;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels: readonly Channel[] = channelNames;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What crosses a process boundary: thrown errors do not survive IPC intact, so failures travel as values. */
export const resultSchema = <T extends z.ZodTypeAny>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);

export type Result<T> = { ok: true; data: T } | { ok: false; error: z.infer<typeof appErrorSchema> };

export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };
