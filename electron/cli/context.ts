// What every CLI command shares: output, the handler object over an opened store, and how failures map
// to exit codes (2: bad arguments or files; 3: the installation's role may not do it).
import type { Channel, ChannelInput, ChannelOutput, OutgoingFile, Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { dispatch } from '../core/dispatch';
import { createHandlers, type Handlers } from '../core/handlers';
import { openStore } from '../core/store/open-store';
import type { Store } from '../core/store/store';
import { appVersion } from '../core/app/version';
import { createOutbox } from '../core/files/outbox';
import { copyAtomically } from './write-file';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_FORBIDDEN = 3;

export function exitCodeOf(err: AppError): number {
  return err.code === 'forbidden' ? EXIT_FORBIDDEN : EXIT_USAGE;
}

export async function call<C extends Channel>(h: Handlers, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = (await dispatch(h, channel, input)) as Result<ChannelOutput<C>>;
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.detail);
  return r.data;
}

export function withStore<T>(path: string, create: boolean, fn: (store: Store, h: Handlers, save: SaveOutgoing) => Promise<T>, withoutSeed = false): Promise<T> {
  const store = openStore(path, { create, withoutSeed });
  const outbox = createOutbox();
  const h = createHandlers({ store, version: appVersion(), outbox });
  // The CLI delivers a made file by copying it where --out says, and only then tells the core it was.
  const save: SaveOutgoing = async (file, to) => {
    await copyAtomically(outbox.pathOf(file.ref), to);
    await call(h, 'file.delivered', { ref: file.ref });
  };
  return fn(store, h, save).finally(() => {
    outbox.clear();
    store.close();
  });
}

export type SaveOutgoing = (file: OutgoingFile, to: string) => Promise<void>;

/** A task by the code the document gives it ("1.3.2", "2.表.5", "1.1.1-2"). */
export async function taskByCode(h: Handlers, code: string) {
  const { tasks } = await call(h, 'tasks.list', {});
  const task = tasks.find((t) => t.code === code.trim());
  if (!task) {
    const { records } = await call(h, 'voided.list', {});
    const voided = records.find((r) => r.entity === 'task' && r.label.startsWith(`${code.trim()} `));
    if (voided) throw new AppError('not_found', `任务 ${code.trim()} 已于 ${voided.voidedOn} 作废（理由：${voided.reason}），不能再对它操作。`, `task ${code} voided`);
    throw new AppError('not_found', `没有编号为“${code}”的任务。编号如 1.3.2（第一仗第三方面第2项）或 2.表.5（任务分解表第5行）。`, `no task ${code}`);
  }
  return task;
}

export function requireOption(value: string | undefined, flag: string, hint: string): string {
  if (value === undefined || value.trim() === '') throw new AppError('bad_input', `缺少 ${flag}：${hint}`, `missing ${flag}`);
  return value;
}
