// Synthetic data for the benchmarks, deterministic from a seed and cached under .tmp/bench so a second run
// measures instead of generating: an author's bundle of N events, and a large store (many tasks, many events).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setIdentity } from '../../electron/core/identity';
import { openStore } from '../../electron/core/store/open-store';
import { buildBundle } from '../../electron/core/sync/export';
import type { EventDraft } from '../../electron/core/events/event';

export const CACHE = resolve(import.meta.dirname, '../../.tmp/bench');

export function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const WORDS = ['推进', '项目', '资金', '开工', '调度', '协调', '完成', '建设', '招商', '服务', '改革', '保障'];

/** A realistic field edit: progress-like text of 20–60 characters on one of the store's tasks. */
function edit(taskIds: readonly string[], rand: () => number, n: number): EventDraft {
  const words = Array.from({ length: 10 + Math.floor(rand() * 20) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('');
  return { entity: 'task', entityId: taskIds[Math.floor(rand() * taskIds.length)]!, op: 'put', fields: { handler: `承办人${n % 97}`, responsibleSection: words.slice(0, 40) } };
}

/** A bundle of `count` events by one center installation (plus its identity event), cached by count and seed. */
export function bundleOf(count: number, seed: number): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `events-${count}-${seed}.ledger.json`);
  if (existsSync(path)) return path;
  const dir = join(CACHE, `author-${count}-${seed}`);
  rmSync(dir, { recursive: true, force: true });
  const store = openStore(join(dir, 'author.db'));
  setIdentity(store, { office: '总指挥中心', role: 'center', operator: '基准' });
  const tasks = (store.sqlite.prepare('SELECT id FROM tasks').all() as { id: string }[]).map((r) => r.id);
  const rand = random(seed);
  for (let done = 0; done < count - 1; done += 5000) {
    store.log.append(Array.from({ length: Math.min(5000, count - 1 - done) }, (_, i) => edit(tasks, rand, done + i)));
  }
  writeFileSync(`${path}.part`, JSON.stringify(buildBundle(store)));
  renameSync(`${path}.part`, path);
  store.close();
  return path;
}

/** The author store behind a bundle (for the export benchmark). */
export function authorStore(count: number, seed: number): string {
  bundleOf(count, seed);
  return join(CACHE, `author-${count}-${seed}`, 'author.db');
}

/**
 * A store with `tasks` tasks (the plan's 212 plus added ones spread over the sections) and `events` events in
 * all (the rest are edits and progress reports), as the center would hold in a large prefecture.
 */
export function largeStore(tasks: number, events: number, seed: number): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `large-${tasks}-${events}-${seed}.db`);
  if (existsSync(path)) return path;
  const tmp = `${path}.part`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
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
  let made = (store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  for (let t = have; t < tasks; t += 2000) {
    const batch: EventDraft[] = [];
    for (let i = t; i < Math.min(tasks, t + 2000); i++) {
      const s = sections[i % sections.length]!;
      const id = `bench-task-${seed}-${i}`;
      ids.push(id);
      const lead = units[Math.floor(rand() * units.length)]!;
      batch.push({
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
    store.log.append(batch);
    made += batch.length;
  }
  for (let n = made; n < events; n += 5000) store.log.append(Array.from({ length: Math.min(5000, events - n) }, (_, i) => edit(ids, rand, n + i)));
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  renameSync(tmp, path);
  return path;
}
