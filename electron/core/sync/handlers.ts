// sync.*, conflicts.settle (shared/contract/sync.ts).
import type { syncContract } from '../../../shared/contract/sync';
import { FILE_MAX_BYTES } from '../../../shared/limits';
import type { CoreContext, HandlersOf } from '../handler-context';
import { bundleFileName, exportBundle, markExported } from './export';
import { importBundle } from './import';
import { grantRole, releaseQuarantined } from './release';
import { settleConflict } from './settle';
import { syncInfo } from './sync-info';
import { writeFileSync } from 'node:fs';

export function syncHandlers({ store, today, who, files, outbox }: CoreContext): HandlersOf<typeof syncContract> {
  return {
    'sync.info': () => syncInfo(store),
    'sync.release': ({ eventId, reason }) => ({ released: releaseQuarantined(store, who(), eventId, reason, today()) }),
    'sync.grant': (input) => ({ released: grantRole(store, who(), input, today()) }),
    'conflicts.settle': ({ id, useOther }) => {
      settleConflict(store, id, useOther);
      return { ok: true as const };
    },
    // The bundle counts as sent to its peer only once a shell delivered the whole file (file.delivered).
    'sync.export': async ({ forPeer }) => {
      const options = forPeer ? { forPeer } : {};
      const bundle = exportBundle(store, options);
      const file = await outbox.put(bundleFileName(store, bundle, options), (to) => writeFileSync(to, bundle.bytes), () => markExported(store, bundle));
      return { file, count: bundle.manifest.count };
    },
    'sync.import': async ({ file, dryRun, trust }) => {
      const { applied_, bundleId: _id, ...r } = await importBundle(store, files.open(file.ref, FILE_MAX_BYTES.bundle), { dryRun, trust, fileName: file.name });
      return { ...r, saved: applied_ };
    },
  };
}
