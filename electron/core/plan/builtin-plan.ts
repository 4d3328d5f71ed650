// The built-in plan (吉首市 打好发展“六仗” 2023, also the demo): chosen at first start, or seeded by `init`
// without --plan. Its events come from the seed replica, byte for byte the same on every machine.
import { AppError } from '../../../shared/errors';
import type { PlanImportResult } from '../../../shared/plan-import';
import { resourcePaths } from '../paths';
import type { Store } from '../store/store';
import { loadSeedFile } from './load-seed';
import { summarizeSeed } from './plan-draft';
import { markHomePlan, requirePlanAuthor, usePlan } from './plans';
import { seedEvents } from './seed-events';
import { seedIds } from './seed-ids';

export function seedBuiltinPlan(store: Store, seedFile = resourcePaths().seedFile): PlanImportResult & { planId: string } {
  requirePlanAuthor(store);
  const seed = loadSeedFile(seedFile);
  const planId = seedIds.plan(seed.plan.code);
  if (store.sqlite.prepare('SELECT 1 FROM plans WHERE id = ?').get(planId)) {
    throw new AppError('bad_input', `内置的实施方案“${seed.plan.docNo}”已在台账中。`, 'builtin plan already present');
  }
  store.sqlite.transaction(() => {
    store.log.ingest(seedEvents(seed));
    store.sqlite.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded_plan', ?)").run(seed.plan.code);
    markHomePlan(store, planId);
    usePlan(store, planId);
  })();
  return { ...summarizeSeed(seed, [], 0, true), planId };
}
