// The demo's played March (scripts/demo-march.ts) in a temp store closed after the test, with handlers at
// the end of the month and a call that returns a channel's data or throws.
import { createHandlers } from '../../electron/core/handlers';
import { playMarch } from '../../scripts/demo-march';
import { caller } from './call';
import { tempStore } from './temp-store';

export async function playedMarch(at = '2023-03-31T10:00:00') {
  const store = tempStore();
  await playMarch(store);
  const handlers = createHandlers({ store, version: '0', now: () => new Date(at) });
  return { store, handlers, call: caller(handlers) };
}
