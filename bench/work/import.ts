// One import of a bundle into a fresh store, in a process of its own (so its peak memory is its own):
// the full pipeline as the application runs it for a picked file — read from a private copy, verify, preview
// (dry run), apply. Prints {"ms", "peakMb", "applied"}.
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { filesByPath } from '../../electron/core/files/picked-files';
import { MAX_BUNDLE_BYTES } from '../../electron/core/sync/bundle-format';
import { setIdentity } from '../../electron/core/app/identity';
import { openStore } from '../../electron/core/store/open-store';
import { importBundle } from '../../electron/core/sync/import';
import { peakRssMb } from './peak';

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const store = openStore(join(dir, 'ledger.db'));
setIdentity(store, { office: '市发改局', role: 'taskforce', battle: 1 });
const t0 = performance.now();
const file = filesByPath.open(resolve(process.argv[2]!), MAX_BUNDLE_BYTES);
await importBundle(store, file, { dryRun: true, trust: true });
const r = await importBundle(store, file, { trust: true });
const ms = performance.now() - t0;
store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms, peakMb: peakRssMb(), applied: r.applied }));
