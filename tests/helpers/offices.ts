// Installations of different offices in temp folders, each with its own store, key and identity.
import { readFileSync } from 'node:fs';
import { dispatch } from '../../electron/core/dispatch';
import { createOutbox } from '../../electron/core/files/outbox';
import { createHandlers, type Handlers } from '../../electron/core/handlers';
import { setSettings } from '../../electron/core/settings';
import { buildBundle } from '../../electron/core/sync/export';
import { importBundle, type BundleSource, type ImportOptions } from '../../electron/core/sync/import';
import { tempStore } from './temp-store';

/** A channel's data, or an error carrying its Chinese message and English detail. */
export function caller(h: Handlers) {
  return async <T = unknown>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(h, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message} (${r.error.detail})`);
    return r.data as T;
  };
}

export function installation(identity: Record<string, unknown>, now: () => number = Date.now) {
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
