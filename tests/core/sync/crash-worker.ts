// Run as a separate process by crash.test.ts, which kills it with SIGKILL part-way through.
//   import STORE BUNDLE   |   export STORE DIR (the `ledger bundle export` command, as a person runs it)
import { readFileSync } from 'node:fs';
import { runCli } from '../../../electron/cli/run';
import { openStore } from '../../../electron/core/store/open-store';
import { importBundle } from '../../../electron/core/sync/import';

const [mode, storePath, arg] = process.argv.slice(2);
if (mode === 'import') {
  const store = openStore(storePath!);
  process.stdout.write('ready\n');
  await importBundle(store, readFileSync(arg!), { trust: true });
  store.close();
} else {
  process.stdout.write('ready\n');
  const code = await runCli(['bundle', 'export', '--db', storePath!, '--out', arg!], { out: () => {}, err: (t) => process.stderr.write(`${t}\n`), env: process.env });
  if (code !== 0) process.exit(code);
}
process.stdout.write('done\n');
