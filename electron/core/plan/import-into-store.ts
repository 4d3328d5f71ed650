// `plan.import`: read a plan document against the store's units and, unless it is a dry run, save it whole.
import type { PlanImportResult } from '../../../shared/plan-import';
import { AppError } from '../../../shared/errors';
import { draftPlanDocument, savePlanDraft, storeUnits, summarizeSeed } from './plan-draft';
import type { Store } from '../store/store';

export async function importPlanIntoStore(store: Store, bytes: Uint8Array, fileName: string, dryRun: boolean): Promise<PlanImportResult> {
  const draft = await draftPlanDocument(bytes, fileName, storeUnits(store).entries);
  if (draft.seed.tasks.length === 0) {
    throw new AppError('bad_input', `“${fileName}”中没有找到写明责任单位的任务，未导入。${draft.problems[0] ?? ''}`, 'no tasks found');
  }
  if (dryRun) return summarizeSeed(draft.seed, draft.problems, draft.newUnits.length, false);
  const saved = savePlanDraft(store, draft.seed);
  return { ...saved, problems: draft.problems };
}
