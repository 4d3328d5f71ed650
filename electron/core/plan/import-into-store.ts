// Importing a plan document into a store: read it, draft it against the store's unit directory, and
// (unless it is a dry run) save the whole draft as this installation's events in one transaction.
import type { PlanImportResult } from '../../../shared/plan-import';
import { AppError } from '../../../shared/errors';
import { importPlanText } from './import/import-plan';
import { readPlanDocument } from './import/read-document';
import type { UnitEntry } from './import/unit-directory';
import { seedDrafts } from './seed-events';
import { seedIds } from './seed-ids';
import type { PlanSeed } from './seed-format';
import type { Store } from '../store/open-store';

function storeUnits(store: Store): { entries: UnitEntry[]; ids: Map<string, string> } {
  const rows = store.sqlite.prepare('SELECT id, name, aliases, kind FROM units WHERE deleted = 0').all() as {
    id: string;
    name: string;
    aliases: string;
    kind: string;
  }[];
  return {
    entries: rows.map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) as string[], kind: r.kind === 'group' ? 'group' : 'unit' })),
    ids: new Map(rows.map((r) => [r.name, r.id])),
  };
}

function summarize(draft: PlanSeed, problems: string[], newUnits: string[], saved: boolean): PlanImportResult {
  return {
    plan: { title: draft.plan.title, docNo: draft.plan.docNo, issuer: draft.plan.issuer, issuedOn: draft.plan.issuedOn },
    battles: draft.battles.map((b) => ({
      code: b.code,
      name: b.name,
      office: b.office,
      sections: draft.sections
        .filter((s) => s.battle === b.code)
        .map((s) => ({
          code: s.code,
          title: s.title,
          tasks: draft.tasks.filter((t) => t.section === s.code).map((t) => ({ code: t.code, title: t.title, leadUnits: t.leadUnits, targets: t.targets.length })),
        })),
    })),
    counts: {
      battles: draft.battles.length,
      sections: draft.sections.length,
      tasks: draft.tasks.length,
      targets: draft.tasks.reduce((n, t) => n + t.targets.length, 0) + draft.battles.reduce((n, b) => n + b.targets.length, 0),
      units: draft.units.length,
      newUnits: newUnits.length,
    },
    problems,
    saved,
  };
}

export async function importPlanIntoStore(store: Store, bytes: Uint8Array, fileName: string, dryRun: boolean): Promise<PlanImportResult> {
  const text = await readPlanDocument(bytes, fileName);
  const units = storeUnits(store);
  let result;
  try {
    result = importPlanText(text, units.entries);
  } catch (err) {
    throw new AppError('bad_input', `“${fileName}”中没有找到实施方案的内容。`, `import failed: ${(err as Error).message}`);
  }
  const { draft, problems, newUnits } = result;
  if (draft.battles.length === 0 || draft.tasks.length === 0) {
    throw new AppError('bad_input', `“${fileName}”中没有找到可导入的任务（需要“附件N”及其“工作任务”一章）。`, 'no battles or tasks found');
  }
  if (dryRun) return summarize(draft, problems, newUnits, false);

  const planId = seedIds.plan(draft.plan.code);
  if (store.sqlite.prepare('SELECT 1 FROM plans WHERE id = ? AND deleted = 0').get(planId)) {
    throw new AppError('bad_input', `实施方案“${draft.plan.docNo || draft.plan.title}”已在台账中，未重复导入。`, `plan ${draft.plan.code} already present`);
  }
  // Same derived ids as a seed: two offices importing the same document create the same records.
  // Units the store knows keep their ids (and any renaming done since); only new ones are created.
  store.log.append(seedDrafts(draft, { existingUnitIds: units.ids }));
  return summarize(draft, problems, newUnits, true);
}
