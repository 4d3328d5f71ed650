// The shape of the handler object, apart from handlers.ts: the modules that implement some of its channels
// (ledger/daily-handlers.ts) are imported by handlers.ts and so cannot import it back.
import type { z } from 'zod';
import type { Channel, ChannelOutput, contract } from '../../shared/contract';

export type Handlers = {
  [C in Channel]: (input: z.output<(typeof contract)[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};
