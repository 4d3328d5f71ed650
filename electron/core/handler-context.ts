// What every domain's handlers are given, and the type each domain's handler module implements: the channels
// of its contract module, each taking the contract's parsed input and answering its output.
import type { z } from 'zod';
import type { Contract } from '../../shared/contract';
import type { Identity, Settings } from '../../shared/workflow';
import { createOutbox, type Outbox } from './files/outbox';
import { requireIdentity } from './app/identity';
import { filesByPath, type PickedFiles } from './files/picked-files';
import { getSettings } from './app/settings';
import type { Store } from './store/store';

type ChannelSchemas = Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>;

/** One handler per channel of a contract module. */
export type HandlersOf<D extends ChannelSchemas> = {
  [C in keyof D]: (input: z.output<D[C]['input']>) => z.output<D[C]['output']> | Promise<z.output<D[C]['output']>>;
};

export type Handlers = HandlersOf<Contract>;

export interface HandlerContext {
  store: Store;
  version: string;
  /** The wall clock, injectable for tests. */
  now?: () => Date;
  /** What a picked file's reference means in this shell; by default its path. */
  files?: PickedFiles;
  /** Where made files wait for the shell to deliver them; by default a private temporary folder. */
  outbox?: Outbox;
}

export interface CoreContext {
  store: Store;
  version: string;
  now: () => Date;
  files: PickedFiles;
  outbox: Outbox;
  /** 设置 as they stand now. */
  settings(): Settings;
  /**
   * The ledger date (设置; today unless set otherwise). Every record is dated at it, so a document of a period
   * reads the same dates the records were entered with, never the computer's clock beside the ledger's.
   */
  today(): string;
  /** This installation's office and role; a Chinese error before it is set up. */
  who(): Identity;
}

export function coreContext({ store, version, now = () => new Date(), files = filesByPath, outbox = createOutbox() }: HandlerContext): CoreContext {
  const settings = () => getSettings(store, now());
  return { store, version, now, files, outbox, settings, today: () => settings().asOf, who: () => requireIdentity(store) };
}
