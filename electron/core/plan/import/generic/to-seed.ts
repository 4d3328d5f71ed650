// A read plan → the ledger's plan seed: groups become battles and sections as the document groups its tasks,
// units resolve through the store's directory (so 市发改局 stays one unit across plans) and then by alias rule.
import type { PlanSeed } from '../../seed-format';
import { planCode } from '../../../../../shared/plan-seed';
import { UnitDirectory, type UnitEntry } from '../unit-directory';
import { isGroupName } from './responsibility';
import { milestonesOf } from './deadline';
import { mergeAliases } from './unit-aliases';
import type { ReadPlan, ReadTask } from './read-plan';

export interface DraftExtras {
  unplaced: ReadPlan['unplaced'];
  problems: string[];
  newUnits: string[];
  /** Names merged into another as aliases, for a person to confirm. */
  merged: { alias: string; name: string }[];
}

/** Top-level groups → battles (at most 20), the next level → sections; a document with no groups is one. */
function groupKeys(tasks: readonly ReadTask[]): { battle: (t: ReadTask) => string; section: (t: ReadTask) => string } {
  const depth = (d: number) => new Set(tasks.map((t) => t.path[d] ?? '')).size;
  // A single chapter ("三、重点任务") over everything groups nothing: look one level down.
  const skip = tasks.length > 0 && depth(0) === 1 && tasks.every((t) => t.path.length >= 2) && depth(1) <= 20 ? 1 : 0;
  const useBattles = depth(skip) > 1 && depth(skip) <= 20;
  return {
    battle: (t) => (useBattles ? (t.path[skip] ?? '') : ''),
    section: (t) => (useBattles ? (t.path[skip + 1] ?? '') : (t.path[skip] ?? '')),
  };
}

function shortName(name: string): string {
  const s = name.replace(/^(打好|推进|实施|开展|加快|深入|全面|持续)/, '').replace(/(行动|工程|攻坚战|攻坚|仗|工作|任务)$/, '');
  return (s || name).slice(0, 8);
}

export function readPlanToSeed(read: ReadPlan, directory: readonly UnitEntry[]): { seed: PlanSeed; extras: DraftExtras } {
  const units = new UnitDirectory(directory);
  const named = read.tasks.flatMap((t) => [...t.lead, ...t.co]);
  const fresh = named.filter((n) => !units.has(n));
  const merges = mergeAliases(fresh);
  const canonicalOf = (n: string) => units.resolve(merges.get(n) ?? n);
  const { header } = read;
  const year = header.year || new Date().getFullYear();
  const planName = header.title || '导入的实施方案';
  const seed: PlanSeed = {
    format: 'zhuanban-plan-seed',
    version: 1,
    plan: { code: planCode({ docNo: header.docNo, title: planName, issuedOn: header.issuedOn || `${year}-01-01` }), title: planName, docNo: header.docNo, issuer: header.issuer, issuedOn: header.issuedOn || `${year}-01-01`, year },
    battles: [],
    units: [],
    sections: [],
    tasks: [],
  };
  const keys = groupKeys(read.tasks);
  const battleOf = new Map<string, number>();
  const sectionOf = new Map<string, string>();
  const counter = new Map<string, number>();
  for (const t of read.tasks) {
    const bKey = keys.battle(t);
    let b = battleOf.get(bKey);
    if (b === undefined) {
      b = battleOf.size + 1;
      battleOf.set(bKey, b);
      const name = bKey || planName;
      seed.battles.push({ code: b, name, shortName: shortName(name), office: '', goals: '', annexTitle: name, annexGoals: '', conveners: '', memberUnits: [], targets: [] });
    }
    const sKey = `${b}|${keys.section(t)}`;
    let s = sectionOf.get(sKey);
    if (s === undefined) {
      s = `${b}.${[...sectionOf.keys()].filter((k) => k.startsWith(`${b}|`)).length + 1}`;
      sectionOf.set(sKey, s);
      const title = keys.section(t) || seed.battles[b - 1]!.name;
      seed.sections.push({ battle: b, code: s, title, content: title, targets: [] });
    }
    const n = (counter.get(s) ?? 0) + 1;
    counter.set(s, n);
    const lead = [...new Set(t.lead.map(canonicalOf))];
    seed.tasks.push({
      code: `${s}.${n}`,
      battle: b,
      section: s,
      title: t.title,
      content: t.text,
      listType: 'work',
      group: '',
      leadUnits: lead,
      coUnits: [...new Set(t.co.map(canonicalOf))].filter((u) => !lead.includes(u)),
      clause: t.clause,
      leadByOrder: t.leadByOrder,
      targets: t.targets.map((x) => ({ ...x })),
      dueDate: t.deadline.due,
      milestones: milestonesOf(t.deadline),
      recurring: t.deadline.recurring,
      sourceLine: t.line,
    });
  }
  // The battle's office: the unit that leads most of its tasks, for a person to confirm.
  for (const b of seed.battles) {
    const counts = new Map<string, number>();
    for (const t of seed.tasks.filter((x) => x.battle === b.code)) for (const u of t.leadUnits.slice(0, 1)) counts.set(u, (counts.get(u) ?? 0) + 1);
    b.office = [...counts.entries()].filter(([u]) => !isGroupName(u)).sort((x, y) => y[1] - x[1])[0]?.[0] ?? '';
    b.memberUnits = [...new Set(seed.tasks.filter((x) => x.battle === b.code).flatMap((x) => [...x.leadUnits, ...x.coUnits]))];
  }
  // The issuer follows the plan up (its 督查室 or 办公室): it is in the directory for the centre to choose.
  if (header.issuer) units.resolve(header.issuer);
  const used = new Set([...seed.tasks.flatMap((t) => [...t.leadUnits, ...t.coUnits]), ...(header.issuer ? [units.resolve(header.issuer)] : [])]);
  seed.units = units
    .entries()
    .filter((e) => used.has(e.name) || directory.some((d) => d.name === e.name))
    .map((e) => ({ ...e, aliases: [...new Set([...e.aliases, ...[...merges.entries()].filter(([, c]) => c === e.name).map(([a]) => a)])], kind: isGroupName(e.name) ? 'group' as const : e.kind }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const merged = [...merges.entries()].map(([alias, name]) => ({ alias, name }));
  const problems = [...read.problems, ...merged.map((m) => `“${m.alias}”按简称并入“${m.name}”，请确认。`)];
  return { seed, extras: { unplaced: read.unplaced, problems, newUnits: units.added.filter((n) => used.has(n)), merged } };
}
