// The whole surface between the renderer and the core. Electron IPC, the browser-mode host and the CLI
// all dispatch through this map, so adding a channel here is the only way to add a capability.
import { z } from 'zod';
import { channelNames, type ChannelName } from './channels';
import { appErrorSchema } from './errors';
import { planImportResultSchema } from './plan-import';
import { battleCodeSchema, battleSummarySchema, planInfoSchema, taskRowSchema, unitSchema } from './domain';

const empty = z.object({}).strict();

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
    input: z
      .object({
        battle: battleCodeSchema.optional(),
        search: z.string().max(200).optional(),
      })
      .strict(),
    output: z.object({
      total: z.number().int().nonnegative(),
      tasks: z.array(taskRowSchema),
    }),
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
