// Installations of different offices in temp folders, each with its own store, key and identity.
import { readFileSync } from 'node:fs';
import { createOutbox } from '../../electron/core/files/outbox';
import { createHandlers } from '../../electron/core/handlers';
import { setSettings } from '../../electron/core/app/settings';
import { buildBundle } from '../../electron/core/sync/export';
import { importBundle, type BundleSource, type ImportOptions } from '../../electron/core/sync/import';
import type { ChannelInput } from '../../shared/contract';
import { caller } from './call';
import { tempStore } from './temp-store';

export function installation(identity: ChannelInput<'identity.set'>, now: () => number = Date.now) {
  const store = tempStore({ now });
  // Made files are read back from the outbox, as a shell would deliver them.
  const outbox = createOutbox();
  const h = createHandlers({ store, version: '0', now: () => new Date('2023-07-02T10:00:00'), outbox });
  const call = caller(h);
  const ready = call('identity.set', identity).then(() => setSettings(store, { asOf: '2023-07-02' }));
  const bundleFor = (peer?: string) => Buffer.from(JSON.stringify(buildBundle(store, peer ? { forPeer: peer } : {})));
  const receive = (bytes: Uint8Array | BundleSource, options: ImportOptions = { trust: true }) => importBundle(store, bytes, options);
  const made = (file: { ref: string }) => readFileSync(outbox.pathOf(file.ref));
  return { store, call, ready, bundleFor, receive, made };
}
