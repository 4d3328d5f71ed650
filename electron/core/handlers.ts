// One object implementing every channel of the contract. Electron IPC, the browser-mode host and the CLI
// all call it (through dispatch), so the three cannot drift apart.
import type { Channel, ChannelOutput } from '../../shared/contract';
import type { z } from 'zod';
import type { contract } from '../../shared/contract';
import { importPlanIntoStore } from './plan/import-into-store';
import { battleSummaries, countTasks, listTasks, listUnits, planInfo } from './ledger/queries';
import type { Store } from './store/open-store';

export type Handlers = {
  [C in Channel]: (input: z.output<(typeof contract)[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface HandlerContext {
  store: Store;
  version: string;
}

export function createHandlers({ store, version }: HandlerContext): Handlers {
  return {
    'app.info': () => ({
      version,
      storePath: store.path,
      replicaId: store.replicaId,
      schemaVersion: store.schemaVersion,
      eventCount: (store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    }),
    'plan.overview': () => {
      const plan = planInfo(store);
      return {
        plan,
        battles: battleSummaries(store, plan.id),
        taskCount: countTasks(store, plan.id),
        unitCount: listUnits(store).length,
      };
    },
    'tasks.list': (input) => {
      const tasks = listTasks(store, input);
      return { total: tasks.length, tasks };
    },
    'units.list': () => ({ units: listUnits(store) }),
    'plan.import': (input) => importPlanIntoStore(store, Buffer.from(input.contentBase64, 'base64'), input.fileName, input.dryRun),
  };
}
