// Synthetic data for the benchmarks, deterministic from a seed and cached under .tmp/bench so a second run
// measures instead of generating: an author's bundle of N events, and a large store (many tasks, many events).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setIdentity } from '../../electron/core/app/identity';
import { openStore } from '../../electron/core/store/open-store';
import { buildBundle } from '../../electron/core/sync/export';
import { importBundle } from '../../electron/core/sync/import';
import type { Store } from '../../electron/core/store/store';
import type { EventDraft } from '../../electron/core/events/event';

export const CACHE = resolve(import.meta.dirname, '../../.tmp/bench');

export function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const WORDS = ['推进', '项目', '资金', '开工', '调度', '协调', '完成', '建设', '招商', '服务', '改革', '保障'];
/** Bumped when the generated data changes, so an older cache is not measured as if it were the new one. */
const VERSION = 2;

/** A realistic field edit: progress-like text of 20–60 characters on one of the given tasks. */
function edit(taskIds: readonly string[], rand: () => number, n: number): EventDraft {
  const words = Array.from({ length: 10 + Math.floor(rand() * 20) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('');
  return { entity: 'task', entityId: taskIds[Math.floor(rand() * taskIds.length)]!, op: 'put', fields: { handler: `承办人${n % 97}`, responsibleSection: words.slice(0, 40) } };
}

/** A unit's monthly progress lines on a task, January to `months`, the share rising as the year goes on. */
function progressLines(taskId: string, unitId: string, months: number, rand: () => number): EventDraft[] {
  const out: EventDraft[] = [];
  let percent = 0;
  for (let m = 1; m <= months; m++) {
    percent = Math.min(100, percent + 5 + Math.floor(rand() * 20));
    const text = `${m}月：${Array.from({ length: 6 + Math.floor(rand() * 10) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('')}`;
    out.push({
      entity: 'progress',
      entityId: `p|${taskId}|${m}|${unitId.slice(0, 8)}`,
      op: 'put',
      fields: { taskId, unitId, period: `2023-0${m}`, percent, text, reportedOn: `2023-0${m}-25` },
    });
  }
  return out;
}

function appendInBatches(store: Store, drafts: readonly EventDraft[]): void {
  for (let i = 0; i < drafts.length; i += 5000) store.log.append(drafts.slice(i, i + 5000));
}

/** Units' own installations: each writes what a unit may (its tasks' assignees, its progress lines). */
function unitAuthors(dir: string, units: readonly { id: string; name: string }[]): { store: Store; unitId: string }[] {
  return units.map((u, k) => {
    const store = openStore(join(dir, `unit-${k}.db`));
    setIdentity(store, { office: u.name, role: 'unit', operator: `基准${k}` });
    return { store, unitId: u.id };
  });
}

/** The units leading the most tasks (so each has work of its own to report), most first. */
function busiestUnits(store: Store, count: number, leads: readonly { lead: string }[]): { id: string; name: string }[] {
  const n = new Map<string, number>();
  for (const t of leads) for (const u of JSON.parse(t.lead) as string[]) n.set(u, (n.get(u) ?? 0) + 1);
  const names = new Map((store.sqlite.prepare("SELECT id, name FROM units WHERE kind = 'unit'").all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  return [...n.entries()]
    .filter(([id]) => names.has(id))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([id]) => ({ id, name: names.get(id)! }));
}

/** What one installation sends another: its whole log as a bundle file's bytes, imported with trust. */
async function carry(from: Store, to: Store): Promise<void> {
  const r = await importBundle(to, Buffer.from(JSON.stringify(buildBundle(from))), { trust: true });
  if (r.quarantined) throw new Error(`bench data: ${r.quarantined} events refused on import`);
}

/**
 * A bundle of about `count` events from three authors, cached by count and seed: two units' installations
 * (assignees and progress of the tasks they lead, a tenth of the events each) whose bundles the center has
 * imported, and the center itself (edits across the plan).
 */
export async function bundleOf(count: number, seed: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `events-v${VERSION}-${count}-${seed}.ledger.json`);
  if (existsSync(path)) return path;
  const dir = join(CACHE, `author-v${VERSION}-${count}-${seed}`);
  rmSync(dir, { recursive: true, force: true });
  const store = openStore(join(dir, 'author.db'));
  setIdentity(store, { office: '总指挥中心', role: 'center', operator: '基准' });
  const rand = random(seed);
  const leads = store.sqlite.prepare('SELECT id, lead_unit_ids AS lead FROM tasks').all() as { id: string; lead: string }[];
  const share = Math.floor(count / 10);
  for (const unit of unitAuthors(dir, busiestUnits(store, 2, leads))) {
    const own = leads.filter((t) => (JSON.parse(t.lead) as string[]).includes(unit.unitId)).map((t) => t.id);
    const drafts: EventDraft[] = own.flatMap((id) => progressLines(id, unit.unitId, 6, rand));
    while (drafts.length < share) drafts.push(edit(own, rand, drafts.length));
    appendInBatches(unit.store, drafts);
    await carry(unit.store, store);
    unit.store.close();
  }
  const made = (store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const all = leads.map((t) => t.id);
  appendInBatches(store, Array.from({ length: Math.max(0, count - made) }, (_, i) => edit(all, rand, i)));
  writeFileSync(`${path}.part`, JSON.stringify(buildBundle(store)));
  renameSync(`${path}.part`, path);
  store.close();
  return path;
}

/** The author store behind a bundle (for the export benchmark). */
export async function authorStore(count: number, seed: number): Promise<string> {
  await bundleOf(count, seed);
  return join(CACHE, `author-v${VERSION}-${count}-${seed}`, 'author.db');
}

/**
 * A store with `tasks` tasks (the plan's 212 plus added ones spread over the sections) and `events` events in
 * all, as the center would hold in a large prefecture: the tasks; monthly progress lines on seven tasks in ten
 * (entered by the center for most units, sent from their own installations by three units); edits for the rest.
 */
export async function largeStore(tasks: number, events: number, seed: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `large-v${VERSION}-${tasks}-${events}-${seed}.db`);
  if (existsSync(path)) return path;
  const tmp = `${path}.part`;
  const dir = `${path}.units`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, dir]) rmSync(f, { recursive: true, force: true });
  const store = openStore(tmp);
  setIdentity(store, { office: '总指挥中心', role: 'center', operator: '基准' });
  const rand = random(seed);
  const sections = store.sqlite.prepare('SELECT s.id, s.battle_id AS battleId, p.id AS planId FROM sections s JOIN battles b ON b.id = s.battle_id JOIN plans p ON p.id = b.plan_id').all() as {
    id: string;
    battleId: string;
    planId: string;
  }[];
  const units = (store.sqlite.prepare("SELECT id FROM units WHERE kind = 'unit'").all() as { id: string }[]).map((r) => r.id);
  const have = (store.sqlite.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
  const ids: string[] = (store.sqlite.prepare('SELECT id FROM tasks').all() as { id: string }[]).map((r) => r.id);
  const leadOf = new Map<string, string>();
  const added: EventDraft[] = [];
  for (let i = have; i < tasks; i++) {
    const s = sections[i % sections.length]!;
    const id = `bench-task-${seed}-${i}`;
    ids.push(id);
    const lead = units[Math.floor(rand() * units.length)]!;
    leadOf.set(id, lead);
    added.push({
      entity: 'task',
      entityId: id,
      op: 'put',
      fields: {
        planId: s.planId,
        battleId: s.battleId,
        sectionId: s.id,
        code: `9.${i}`,
        ord: 10_000 + i,
        title: `基准任务${i}：${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}`,
        content: `第${i}项工作任务的具体内容，包括${WORDS[i % WORDS.length]}和${WORDS[(i * 3) % WORDS.length]}。`,
        listType: 'work',
        leadUnitIds: [lead],
        coUnitIds: [units[Math.floor(rand() * units.length)]!],
        dueDate: rand() < 0.1 ? `2023-0${1 + Math.floor(rand() * 6)}-15` : '',
      },
    });
  }
  appendInBatches(store, added);

  const leads = [...leadOf.values()].map((u) => ({ lead: JSON.stringify([u]) }));
  const reporters = unitAuthors(dir, busiestUnits(store, 3, leads));
  const own = new Map(reporters.map((r) => [r.unitId, r]));
  const byCenter: EventDraft[] = [];
  const byUnit = new Map<string, EventDraft[]>();
  for (const [taskId, lead] of leadOf) {
    if (rand() >= 0.7) continue;
    const lines = progressLines(taskId, lead, 1 + Math.floor(rand() * 6), rand);
    const to = own.has(lead) ? (byUnit.get(lead) ?? byUnit.set(lead, []).get(lead)!) : byCenter;
    to.push(...lines);
  }
  for (const r of reporters) {
    appendInBatches(r.store, byUnit.get(r.unitId) ?? []);
    await carry(r.store, store);
    r.store.close();
  }
  appendInBatches(store, byCenter);
  const made = (store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  appendInBatches(store, Array.from({ length: Math.max(0, events - made) }, (_, i) => edit(ids, rand, made + i)));
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, path);
  return path;
}
