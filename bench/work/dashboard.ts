// Opening a large store (with its start-up check) and answering the dashboard. Prints {"openMs", "ms", "peakMb"}.
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { openStore } from '../../electron/core/store/open-store';
import { peakRssMb } from './peak';

const t0 = performance.now();
const store = openStore(process.argv[2]!, { create: false });
const openMs = performance.now() - t0;
const h = createHandlers({ store, version: 'bench', now: () => new Date('2023-07-02T10:00:00') });
const t1 = performance.now();
const r = await dispatch(h, 'dashboard.get', {});
const ms = performance.now() - t1;
if (!r.ok) throw new Error(r.error.detail);
store.close();
process.stdout.write(JSON.stringify({ openMs, ms, peakMb: peakRssMb() }));
