// Export of every event of an author store (the file's bytes, as writeBundle writes them) against
// JSON.stringify of the same events already in memory. Prints {"ms", "baselineMs"}.
import { openStore } from '../../electron/core/store/open-store';
import { exportBundle } from '../../electron/core/sync/export';

const store = openStore(process.argv[2]!, { create: false });
const t0 = performance.now();
const { bytes } = exportBundle(store);
const ms = performance.now() - t0;
const events = store.sqlite.prepare('SELECT body, sig FROM events WHERE sig IS NOT NULL').all();
const t1 = performance.now();
const plain = JSON.stringify(events);
const baselineMs = performance.now() - t1;
store.close();
process.stdout.write(JSON.stringify({ ms, baselineMs, bytes: bytes.length, plainBytes: plain.length }));
