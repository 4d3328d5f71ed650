// problems.list, problem.raise|clear (shared/contract/problems.ts). Records are dated at the ledger date.
import type { problemsContract } from '../../../shared/contract/problems';
import type { CoreContext, HandlersOf } from '../handler-context';
import { battleSummaries, planInfo } from '../ledger/queries';
import { clearProblem, listProblems, openSeries, problemCounts, raiseProblem } from './problems';

export function problemsHandlers({ store, today, who }: CoreContext): HandlersOf<typeof problemsContract> {
  return {
    'problems.list': () => {
      const asOf = today();
      const problems = listProblems(store, asOf);
      const battleName = new Map(battleSummaries(store, planInfo(store).id).map((b) => [b.code, b.shortName || b.name]));
      return {
        problems,
        byUnit: problemCounts(problems, (p) => p.unit),
        byBattle: problemCounts(problems, (p) => battleName.get(p.battle) ?? String(p.battle)),
        series: openSeries(problems, asOf),
      };
    },
    'problem.raise': (input) => ({ id: raiseProblem(store, who(), input, today()) }),
    'problem.clear': ({ id, statement }) => {
      clearProblem(store, who(), id, statement, today());
      return { ok: true as const };
    },
  };
}
