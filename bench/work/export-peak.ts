// Peak memory of exporting every event of an author store through the sync.export channel, in a process of
// its own. file: as the channel works now (the bundle written to the outbox, a reference answered);
// base64: as it answered before (the bundle's bytes as base64 inside the JSON answer). Prints {"peakMb", "ms"}.
import { writeFileSync } from 'node:fs';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { openStore } from '../../electron/core/store/open-store';
import { bundleFileName, exportBundle } from '../../electron/core/sync/export';
import { peakRssMb } from './peak';
import { createOutbox } from '../../electron/core/files/outbox';

const [mode, storePath] = process.argv.slice(2) as ['file' | 'base64', string];
const store = openStore(storePath, { create: false });
const outbox = createOutbox();
const t0 = performance.now();
let answer: string;
if (mode === 'file') {
  const h = createHandlers({ store, version: 'bench', outbox });
  answer = JSON.stringify(await dispatch(h, 'sync.export', {}));
} else {
  const bundle = exportBundle(store);
  const data = { fileName: bundleFileName(store, bundle), contentBase64: bundle.bytes.toString('base64'), count: bundle.manifest.count };
  answer = JSON.stringify({ ok: true, data });
  // What the shell then did with it: decode and write.
  writeFileSync(`${outbox.dir}/old.json`, Buffer.from(data.contentBase64, 'base64'));
}
const ms = performance.now() - t0;
outbox.clear();
store.close();
process.stdout.write(JSON.stringify({ peakMb: peakRssMb(), ms, answerBytes: answer.length }));
