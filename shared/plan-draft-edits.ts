// The edits a person makes to a plan draft before saving it, as pure functions over the seed: the draft editor
// calls them, and tests check them without a screen. Each returns a new seed; none changes its input.
import { planCode, type PlanSeed, type SeedTask } from './plan-seed';

type Task = SeedTask;

function withTasks(seed: PlanSeed, tasks: Task[]): PlanSeed {
  return withUnits({ ...seed, tasks });
}

/** Every unit a task names is in the directory (a person may type a new one); unused new names are dropped. */
function withUnits(seed: PlanSeed): PlanSeed {
  const named = new Set(seed.tasks.flatMap((t) => [...t.leadUnits, ...t.coUnits]));
  const known = new Map(seed.units.map((u) => [u.name, u]));
  for (const n of named) if (!known.has(n)) known.set(n, { name: n, aliases: [], kind: /^各|相关|有关|成员单位$/.test(n) ? 'group' : 'unit' });
  return { ...seed, units: [...known.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
}

export function updateTask(seed: PlanSeed, code: string, patch: Partial<Pick<Task, 'title' | 'content' | 'leadUnits' | 'coUnits' | 'dueDate'>>): PlanSeed {
  return withTasks(
    seed,
    seed.tasks.map((t) => {
      if (t.code !== code) return t;
      const next = { ...t, ...patch };
      // A person naming the lead settles it: no longer "by order of names".
      if (patch.leadUnits) next.leadByOrder = false;
      next.coUnits = next.coUnits.filter((u) => !next.leadUnits.includes(u));
      return next;
    }),
  );
}

export function dropTask(seed: PlanSeed, code: string): PlanSeed {
  return withTasks(seed, seed.tasks.filter((t) => t.code !== code));
}

/** Two rows that are one task: the second's text, units and targets join the first; the later due date wins. */
export function mergeWithPrevious(seed: PlanSeed, code: string): PlanSeed {
  const i = seed.tasks.findIndex((t) => t.code === code);
  if (i <= 0) return seed;
  const prev = seed.tasks[i - 1]!;
  const cur = seed.tasks[i]!;
  const leadUnits = [...new Set([...prev.leadUnits, ...cur.leadUnits])];
  const merged: Task = {
    ...prev,
    content: `${prev.content}\n${cur.content}`.trim(),
    leadUnits,
    coUnits: [...new Set([...prev.coUnits, ...cur.coUnits])].filter((u) => !leadUnits.includes(u)),
    targets: [...prev.targets, ...cur.targets],
    dueDate: [prev.dueDate ?? '', cur.dueDate ?? ''].sort().at(-1) ?? '',
  };
  return withTasks(seed, [...seed.tasks.slice(0, i - 1), merged, ...seed.tasks.slice(i + 1)]);
}

function withFirstSection(seed: PlanSeed): PlanSeed {
  const name = seed.plan.title || '重点任务';
  return {
    ...seed,
    battles: [{ code: 1, name, shortName: name.slice(0, 8), office: '', goals: '', annexTitle: name, annexGoals: '', conveners: '', memberUnits: [], targets: [] }],
    sections: [{ battle: 1, code: '1.1', title: name, content: name, targets: [] }],
  };
}

function nextCode(seed: PlanSeed, section: string): string {
  const used = seed.tasks.filter((t) => t.section === section).map((t) => Number(t.code.slice(section.length + 1)) || 0);
  return `${section}.${Math.max(0, ...used) + 1}`;
}

/** One row that is two tasks: the text is cut where the person says; both keep the units and the due date. */
export function splitTask(seed: PlanSeed, code: string, at: number): PlanSeed {
  const i = seed.tasks.findIndex((t) => t.code === code);
  const t = seed.tasks[i];
  if (!t || at <= 0 || at >= t.content.length) return seed;
  const second: Task = { ...t, code: nextCode(seed, t.section), title: t.content.slice(at).trim().slice(0, 60), content: t.content.slice(at).trim(), targets: [] };
  const first: Task = { ...t, content: t.content.slice(0, at).trim() };
  return withTasks(seed, [...seed.tasks.slice(0, i), first, second, ...seed.tasks.slice(i + 1)]);
}

/** A line the reader left out, made a task of a section by a person. */
export function taskFromLine(base: PlanSeed, text: string, section: string, line?: number): PlanSeed {
  // A draft with nothing placed has no group yet: the first task makes one, named after the plan.
  const seed = base.sections.length ? base : withFirstSection(base);
  const s = seed.sections.find((x) => x.code === section) ?? (base.sections.length ? undefined : seed.sections[0]);
  if (!s || !text.trim()) return base;
  section = s.code;
  const title = text.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/, '').split(/[。；]/)[0]!.slice(0, 60);
  const task: Task = {
    code: nextCode(seed, section),
    battle: s.battle,
    section,
    group: '',
    title,
    content: text.trim(),
    listType: 'work',
    leadUnits: [],
    coUnits: [],
    clause: '',
    leadByOrder: false,
    targets: [],
    dueDate: '',
    ...(line !== undefined ? { sourceLine: line } : {}),
  };
  const after = seed.tasks.map((t, k) => (t.section === section ? k : -1)).filter((k) => k >= 0).at(-1) ?? seed.tasks.length - 1;
  return withTasks(seed, [...seed.tasks.slice(0, after + 1), task, ...seed.tasks.slice(after + 1)]);
}

export function setPlanField(seed: PlanSeed, patch: Partial<Pick<PlanSeed['plan'], 'title' | 'docNo' | 'issuer' | 'issuedOn' | 'year'>>): PlanSeed {
  const plan = { ...seed.plan, ...patch };
  // A plan is known by its number, or by its title and date where it has none (as when it was read).
  plan.code = planCode(plan);
  return { ...seed, plan };
}
