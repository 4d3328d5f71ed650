// Run as a separate process by crash.test.ts, which kills it with SIGKILL part-way through.
//   import STORE BUNDLE   |   export STORE DIR
import { readFileSync } from 'node:fs';
import { openStore } from '../../../electron/core/store/open-store';
import { writeBundle } from '../../../electron/core/sync/export';
import { importBundle } from '../../../electron/core/sync/import';

const [mode, storePath, arg] = process.argv.slice(2);
const store = openStore(storePath!);
process.stdout.write('ready\n');
if (mode === 'import') await importBundle(store, readFileSync(arg!), { trust: true });
else writeBundle(store, arg!);
process.stdout.write('done\n');
store.close();
