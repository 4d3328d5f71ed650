// plan.* (shared/contract/plan.ts).
import { FILE_MAX_BYTES } from '../../../shared/limits';
import type { planContract } from '../../../shared/contract/plan';
import type { PickedFileRef } from '../../../shared/contract';
import type { CoreContext, HandlersOf } from '../handler-context';
import { battleSummaries, countTasks, listUnits, planInfo } from '../ledger/queries';
import type { PickedFiles } from '../files/picked-files';
import { seedBuiltinPlan } from './builtin-plan';
import { carryOver } from './carry-over';
import { importPlanIntoStore } from './import-into-store';
import { draftPlanDocument, savePlanDraft, storeUnits } from './plan-draft';
import { listPlans, usePlan } from './plans';

/** A picked plan document, read whole: the readers take bytes, and it is at most 20 MB. */
function documentBytes(files: PickedFiles, file: PickedFileRef): Buffer {
  const b = files.open(file.ref, FILE_MAX_BYTES.planDocument).bytes();
  try {
    return b.slice(0, b.size);
  } finally {
    b.close();
  }
}

export function planHandlers({ store, files, who }: CoreContext): HandlersOf<typeof planContract> {
  return {
    'plan.overview': () => {
      const plan = planInfo(store);
      return { plan, battles: battleSummaries(store, plan.id), taskCount: countTasks(store, plan.id), unitCount: listUnits(store).length };
    },
    'plan.import': ({ file, dryRun }) => importPlanIntoStore(store, documentBytes(files, file), file.name, dryRun),
    'plan.draft': ({ file }) => draftPlanDocument(documentBytes(files, file), file.name, storeUnits(store).entries),
    'plan.save': ({ seed }) => savePlanDraft(store, seed),
    'plan.list': () => listPlans(store),
    'plan.builtin': () => seedBuiltinPlan(store),
    'plan.carryOver': (input) => carryOver(store, who(), input),
    'plan.use': ({ planId }) => {
      usePlan(store, planId);
      return listPlans(store);
    },
  };
}
