// The monthly notice (.docx) of 2023-03 from a store. Prints {"ms", "bytes"}.
import { getIdentity } from '../../electron/core/app/identity';
import { issueReport } from '../../electron/core/reports/report';
import { getSettings } from '../../electron/core/app/settings';
import { openStore } from '../../electron/core/store/open-store';

const store = openStore(process.argv[2]!, { create: false });
const who = getIdentity(store)!;
const t0 = performance.now();
const { bytes } = await issueReport(store, who, { ...getSettings(store), asOf: '2023-03-31' }, { kind: 'monthly', period: '2023-03' });
const ms = performance.now() - t0;
store.close();
process.stdout.write(JSON.stringify({ ms, bytes: bytes.length }));
