// The single entry every transport uses: validate input against the contract, run the handler, validate
// the output, and turn any failure into a Result carrying a Chinese message and an English detail.
import { contract, isChannel, type Channel, type ChannelOutput, type Result } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import type { Handlers } from './handler-context';

export type Logger = (line: string) => void;

export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown, log: Logger = () => {}): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('bad_input', `未知的操作：${channel}`, `unknown channel: ${channel}`);
    const input = contract[channel].input.parse(rawInput ?? {});
    const handler = handlers[channel] as (i: unknown) => unknown;
    const result = await handler(input);
    // An answer that fails its own schema is this program's fault, never the person's input.
    const checked = contract[channel].output.safeParse(result);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new AppError('internal', '操作未完成：本机台账中有无法显示的数据，请把此信息告知技术支持。', `output of ${channel} fails its schema at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
    }
    const output = checked.data as ChannelOutput<Channel>;
    return { ok: true, data: output };
  } catch (err) {
    const e = toAppError(err);
    log(`[${channel}] ${e.code}: ${e.detail}`);
    return { ok: false, error: e.toJSON() };
  }
}
