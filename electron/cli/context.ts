// What every CLI command shares: output, the handler object over an opened store, and how failures map
// to exit codes (2: bad arguments or files; 3: the installation's role may not do it).
import type { ChannelOutput, Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { dispatch } from '../core/dispatch';
import { createHandlers, type Handlers } from '../core/handlers';
import { openStore } from '../core/store/open-store';
import type { Store } from '../core/store/store';
import { appVersion } from '../core/version';

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

export async function call<C extends keyof Handlers>(h: Handlers, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const r = (await dispatch(h, channel, input)) as Result<ChannelOutput<C>>;
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.detail);
  return r.data;
}

export function withStore<T>(path: string, create: boolean, fn: (store: Store, h: Handlers) => Promise<T>, withoutSeed = false): Promise<T> {
  const store = openStore(path, { create, withoutSeed });
  const h = createHandlers({ store, version: appVersion() });
  return fn(store, h).finally(() => store.close());
}

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
