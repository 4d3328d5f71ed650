// The single entry every transport uses: validate input against the contract, run the handler, validate
// the output, and turn any failure into a Result carrying a Chinese message and an English detail.
import { contract, isChannel, type Channel, type ChannelOutput, type Result } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import type { Handlers } from './handlers';

export type Logger = (line: string) => void;

export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown, log: Logger = () => {}): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('bad_input', `未知的操作：${channel}`, `unknown channel: ${channel}`);
    const input = contract[channel].input.parse(rawInput ?? {});
    const handler = handlers[channel] as (i: unknown) => unknown;
    const output = contract[channel].output.parse(await handler(input)) as ChannelOutput<Channel>;
    return { ok: true, data: output };
  } catch (err) {
    const e = toAppError(err);
    log(`[${channel}] ${e.code}: ${e.detail}`);
    return { ok: false, error: e.toJSON() };
  }
}
