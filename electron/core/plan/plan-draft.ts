// From a plan document to a draft a person can edit, and from the (edited) draft to the ledger. The six-battles
// reader serves documents shaped like 吉政发〔2023〕3号 (annexes, each with its 工作任务 chapter and 任务分解表);
// every other document goes through the generic reader. Neither is a gate: the worst a document gets is an
// empty draft with the reasons.
import { AppError } from '../../../shared/errors';
import type { PlanDraft, PlanImportResult } from '../../../shared/plan-import';
import { planSeedSchema, type PlanSeed } from '../../../shared/plan-seed';
import { readPlan } from './import/generic/read-plan';
import { readPlanToSeed } from './import/generic/to-seed';
import { importPlanText } from './import/import-plan';
import { readPlanDocument } from './import/read-document';
import type { UnitEntry } from './import/unit-directory';
import { markHomePlan, requirePlanAuthor, usePlan } from './plans';
import { seedDrafts } from './seed-events';
import { seedIds } from './seed-ids';
import type { Store } from '../store/store';

export function storeUnits(store: Store): { entries: UnitEntry[]; ids: Map<string, string> } {
  const rows = store.sqlite.prepare('SELECT id, name, aliases, kind FROM units WHERE deleted = 0').all() as { id: string; name: string; aliases: string; kind: string }[];
  return {
    entries: rows.map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) as string[], kind: r.kind === 'group' ? 'group' : 'unit' })),
    ids: new Map(rows.map((r) => [r.name, r.id])),
  };
}

function sixBattles(text: string, directory: readonly UnitEntry[]): Omit<PlanDraft, 'fileName'> | null {
  if (!/附\s*件\s*\d/.test(text) || !/打好[\u4e00-\u9fff]{2,12}?仗/.test(text)) return null;
  try {
    const { draft, problems, newUnits } = importPlanText(text, directory);
    if (draft.battles.length === 0 || draft.tasks.length === 0) return null;
    return { seed: draft, unplaced: [], problems, newUnits, merged: [] };
  } catch {
    return null;
  }
}

/** Reads the text of a plan into a draft against a unit directory (the store's, or none for a new ledger). */
export function draftFromText(text: string, fileName: string, directory: readonly UnitEntry[]): PlanDraft {
  const six = sixBattles(text, directory);
  if (six) return { fileName, ...six };
  const { seed, extras } = readPlanToSeed(readPlan(text), directory);
  return { fileName, seed, ...extras };
}

export async function draftPlanDocument(bytes: Uint8Array, fileName: string, directory: readonly UnitEntry[]): Promise<PlanDraft> {
  const text = await readPlanDocument(bytes, fileName);
  return draftFromText(text, fileName, directory);
}

export function summarizeSeed(seed: PlanSeed, problems: string[], newUnits: number, saved: boolean): PlanImportResult {
  return {
    plan: { title: seed.plan.title, docNo: seed.plan.docNo, issuer: seed.plan.issuer, issuedOn: seed.plan.issuedOn },
    battles: seed.battles.map((b) => ({
      code: b.code,
      name: b.name,
      office: b.office,
      sections: seed.sections
        .filter((s) => s.battle === b.code)
        .map((s) => ({
          code: s.code,
          title: s.title,
          tasks: seed.tasks.filter((t) => t.section === s.code).map((t) => ({ code: t.code, title: t.title, leadUnits: t.leadUnits, targets: t.targets.length })),
        })),
    })),
    counts: {
      battles: seed.battles.length,
      sections: seed.sections.length,
      tasks: seed.tasks.length,
      targets: seed.tasks.reduce((n, t) => n + t.targets.length, 0) + seed.battles.reduce((n, b) => n + b.targets.length, 0),
      units: seed.units.length,
      newUnits,
    },
    problems,
    saved,
  };
}

/** What a draft must hold together before it is saved; in Chinese, one reason per problem. */
function draftErrors(seed: PlanSeed): string[] {
  const errors: string[] = [];
  if (!seed.plan.title.trim()) errors.push('方案标题不能为空。');
  if (seed.tasks.length === 0) errors.push('草稿中没有任务。');
  const codes = new Set<string>();
  const battles = new Set(seed.battles.map((b) => b.code));
  const sections = new Set(seed.sections.map((s) => s.code));
  const units = new Set(seed.units.map((u) => u.name));
  for (const t of seed.tasks) {
    if (codes.has(t.code)) errors.push(`任务编号 ${t.code} 重复。`);
    codes.add(t.code);
    if (!t.title.trim()) errors.push(`任务 ${t.code} 没有名称。`);
    if (!battles.has(t.battle) || !sections.has(t.section)) errors.push(`任务 ${t.code} 所属的板块不存在。`);
    for (const u of [...t.leadUnits, ...t.coUnits]) if (!units.has(u)) errors.push(`任务 ${t.code} 的单位“${u}”不在单位名录中。`);
  }
  return [...new Set(errors)].slice(0, 20);
}

/**
 * Saves a draft as a plan of the store, in one transaction: the same derived ids as a seed, so two offices
 * saving the same draft hold the same records. Units the store knows keep their ids; only new ones are made.
 */
export function savePlanDraft(store: Store, raw: PlanSeed): PlanImportResult & { planId: string } {
  const parsed = planSeedSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_input', '草稿的内容不完整或格式不对，未保存。', `draft schema: ${parsed.error.issues[0]?.message ?? ''}`);
  const seed = parsed.data;
  requirePlanAuthor(store);
  const errors = draftErrors(seed);
  if (errors.length) throw new AppError('bad_input', `草稿还不能保存：${errors.join('')}`, `draft invalid: ${errors.length} problems`);
  const planId = seedIds.plan(seed.plan.code);
  if (store.sqlite.prepare('SELECT 1 FROM plans WHERE id = ? AND deleted = 0').get(planId)) {
    throw new AppError('bad_input', `实施方案“${seed.plan.docNo || seed.plan.title}”已在台账中，未重复导入。`, `plan ${seed.plan.code} already present`);
  }
  const { ids } = storeUnits(store);
  const newUnits = seed.units.filter((u) => !ids.has(u.name)).length;
  store.sqlite.transaction(() => {
    store.log.append(seedDrafts(seed, { existingUnitIds: ids }));
    markHomePlan(store, planId);
    usePlan(store, planId);
  })();
  return { ...summarizeSeed(seed, [], newUnits, true), planId };
}
