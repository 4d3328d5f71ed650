// indicators.list, indicator.* (shared/contract/indicators.ts).
import type { indicatorsContract } from '../../../shared/contract/indicators';
import { indicatorLights } from '../../../shared/indicators';
import type { CoreContext, HandlersOf } from '../handler-context';
import { battleSummaries, planInfo } from '../ledger/queries';
import { addIndicator, listIndicators, updateIndicator } from './dictionary';
import { setIndicatorValue } from './values';

export function indicatorsHandlers({ store, today, who }: CoreContext): HandlersOf<typeof indicatorsContract> {
  return {
    'indicators.list': () => {
      const indicators = listIndicators(store);
      const battles = battleSummaries(store, planInfo(store).id).map((b) => {
        const counts = Object.fromEntries(indicatorLights.map((l) => [l, 0])) as Record<(typeof indicatorLights)[number], number>;
        for (const i of indicators) if (i.battle === b.code) counts[i.assessment.light]++;
        return { battle: b.code, name: b.shortName || b.name, counts };
      });
      return { indicators, battles };
    },
    'indicator.update': ({ id, edit }) => {
      updateIndicator(store, who(), id, edit);
      return { ok: true as const };
    },
    'indicator.add': ({ battle, edit }) => ({ id: addIndicator(store, who(), battle, edit) }),
    'indicator.setValue': (input) => {
      setIndicatorValue(store, who(), input, today());
      return { ok: true as const };
    },
  };
}
