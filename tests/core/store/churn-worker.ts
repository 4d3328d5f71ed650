// Run by kill.test.ts, which SIGKILLs it at a random moment: writes batches of five events (one operation each),
// makes backups and imports bundle chunks, in a loop, on the same store every time it is restarted.
//   node --import tsx churn-worker.ts STORE BUNDLE_DIR SEED
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBackup } from '../../../electron/core/store/backups';
import { openStore } from '../../../electron/core/store/open-store';
import { importBundle } from '../../../electron/core/sync/import';

const [storePath, bundleDir, seedArg] = process.argv.slice(2);
const store = openStore(storePath!);
let seed = Number(seedArg);
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const tasks = (store.sqlite.prepare('SELECT id FROM tasks ORDER BY id LIMIT 50').all() as { id: string }[]).map((r) => r.id);
const bundles = readdirSync(bundleDir!).sort().map((f) => readFileSync(join(bundleDir!, f)));
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const r = rand();
  if (r < 0.7) {
    const batch = `B${seedArg}-${n}`;
    store.log.append(tasks.slice(0, 5).map((id, i) => ({ entity: 'task', entityId: id, op: 'put' as const, fields: { handler: `${batch}:${i}` } })));
  } else if (r < 0.85) {
    await makeBackup(store, 'manual');
  } else {
    await importBundle(store, bundles[Math.floor(rand() * bundles.length)]!, { trust: true }).catch(() => undefined);
  }
}
