// app.*, identity.*, settings.*, units.list (shared/contract/app.ts).
import type { appContract } from '../../../shared/contract/app';
import type { CoreContext, HandlersOf } from '../handler-context';
import { getIdentity, setIdentity } from './identity';
import { listUnits } from '../ledger/queries';
import { setSettings } from './settings';

export function appHandlers({ store, version, settings }: CoreContext): HandlersOf<typeof appContract> {
  return {
    'app.info': () => ({
      version,
      storePath: store.path,
      replicaId: store.replicaId,
      schemaVersion: store.schemaVersion,
      eventCount: (store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    }),
    'identity.get': () => ({ identity: getIdentity(store) }),
    'identity.set': (input) => setIdentity(store, input),
    'settings.get': () => settings(),
    'settings.set': (input) => setSettings(store, input),
    'units.list': () => ({ units: listUnits(store) }),
  };
}
