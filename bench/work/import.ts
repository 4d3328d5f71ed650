// One import of a bundle into a fresh store, in a process of its own (so its peak memory is its own):
// the full pipeline — verify, preview (dry run), apply. Prints {"ms", "peakMb", "applied"}.
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setIdentity } from '../../electron/core/identity';
import { openStore } from '../../electron/core/store/open-store';
import { importBundle } from '../../electron/core/sync/import';
import { peakRssMb } from './peak';

const bytes = readFileSync(process.argv[2]!);
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const store = openStore(join(dir, 'ledger.db'));
setIdentity(store, { office: '市发改局', role: 'taskforce', battle: 1 });
const t0 = performance.now();
await importBundle(store, bytes, { dryRun: true, trust: true });
const r = await importBundle(store, bytes, { trust: true });
const ms = performance.now() - t0;
store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms, peakMb: peakRssMb(), applied: r.applied }));
