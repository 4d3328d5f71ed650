// The core as the shells reach it — through dispatch, so the contract checks every input and output — typed by
// the contract, so a test reads an answer's fields without restating its shape.
import { dispatch } from '../../electron/core/dispatch';
import type { Handlers } from '../../electron/core/handlers';
import type { Channel, ChannelInput, ChannelOutput, Result } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';

/** A channel's refusal as a thrown error: the person's Chinese message, with its code and English detail kept. */
export class ChannelError extends Error {
  constructor(
    readonly channel: Channel,
    readonly code: ErrorCode,
    readonly detail: string,
    chinese: string,
  ) {
    super(`${channel}: ${chinese} (${detail})`);
    this.name = 'ChannelError';
  }
}

export interface Call {
  /** The channel's data; throws ChannelError when it refuses. */
  <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The whole Result, for tests about the refusal itself. */
  attempt<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
}

/** One channel with its input, for a test that walks a list of them. */
export type Request = { [C in Channel]: [channel: C, input: ChannelInput<C>] }[Channel];

export function caller(handlers: Handlers): Call {
  // dispatch is untyped by design (the transports hand it whatever arrived); the contract ties channel to output.
  const attempt = <C extends Channel>(channel: C, input: ChannelInput<C>) => dispatch(handlers, channel, input) as Promise<Result<ChannelOutput<C>>>;
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const r = await attempt(channel, input);
    if (!r.ok) throw new ChannelError(channel, r.error.code, r.error.detail, r.error.message);
    return r.data;
  };
  return Object.assign(call, { attempt });
}
