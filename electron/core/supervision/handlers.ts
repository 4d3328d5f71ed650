// supervision.overview, supervision.add (shared/contract/supervision.ts).
import type { supervisionContract } from '../../../shared/contract/supervision';
import type { CoreContext, HandlersOf } from '../handler-context';
import { listTasks } from '../ledger/queries';
import { listProblems } from '../problems/problems';
import { addSupervision, listSupervisions } from './actions';
import { candidates, unitRanking } from './candidates';

export function supervisionHandlers({ store, settings, today, who }: CoreContext): HandlersOf<typeof supervisionContract> {
  return {
    'supervision.overview': () => {
      const s = settings();
      return { actions: listSupervisions(store), candidates: candidates(store, s), ranking: unitRanking(listTasks(store, s), listProblems(store, s.asOf)) };
    },
    'supervision.add': (input) => addSupervision(store, who(), input, today()),
  };
}
