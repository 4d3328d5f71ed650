// The whole surface between the renderer and the core, one module per domain in contract/ (beside each, the
// core's handlers live in electron/core/<domain>/handlers.ts). Electron IPC, the browser-mode host and the CLI
// all dispatch through this map, so adding a channel here is the only way to add a capability.
import { z } from 'zod';
import { channelNames, type ChannelName } from './channels';
import { appErrorSchema } from './errors';
import { appContract } from './contract/app';
import { dailyContract } from './contract/daily';
import { filesContract } from './contract/files';
import { indicatorsContract } from './contract/indicators';
import { instructionsContract } from './contract/instructions';
import { ledgerContract } from './contract/ledger';
import { meetingsContract } from './contract/meetings';
import { planContract } from './contract/plan';
import { problemsContract } from './contract/problems';
import { reportsContract } from './contract/reports';
import { storeContract } from './contract/store';
import { supervisionContract } from './contract/supervision';
import { syncContract } from './contract/sync';
import { xlsxContract } from './contract/xlsx';

export { outgoingFileSchema, pickedFileSchema, type OutgoingFile, type PickedFileRef } from './contract/common';
export { pageChannelNames, shellOnlyChannels } from './channels';

export const contract = {
  ...appContract,
  ...planContract,
  ...ledgerContract,
  ...dailyContract,
  ...instructionsContract,
  ...xlsxContract,
  ...syncContract,
  ...reportsContract,
  ...indicatorsContract,
  ...problemsContract,
  ...supervisionContract,
  ...meetingsContract,
  ...storeContract,
  ...filesContract,
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
