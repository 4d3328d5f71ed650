// Scores the plan reader against hand-counted truth of real published plans (tests/fixtures/plans/real and
// holdout): the truth was written by reading the documents, never by running the reader on them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPlan, type ReadTask } from '../../electron/core/plan/import/generic/read-plan';

interface TruthTask { match: string; lead: string | null; due: string | null }
interface Truth { source: string; title: string; docNo: string; tasks: TruthTask[] }

export interface DocScore {
  file: string;
  tasks: number;
  found: number;
  leadsRight: number;
  leadsTotal: number;
  duesRight: number;
  duesTotal: number;
  extra: number;
  debrisTasks: number;
  misses: string[];
}

const squash = (s: string) => s.replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[，]/g, ',').replace(/[：]/g, ':').replace(/[；]/g, ';');
const DEBRIS = /来源[:：]|点击数|点击量|浏览次数|分享到|打印本页|关闭窗口|记者/;

export function scoreDocument(dir: string, base: string): DocScore {
  const text = readFileSync(join(dir, `${base}.txt`), 'utf8');
  const truth = JSON.parse(readFileSync(join(dir, `${base}.truth.json`), 'utf8')) as Truth;
  const read = readPlan(text);
  const body = (t: ReadTask) => squash(`${t.title}${t.text}${t.clause}`);
  const used = new Set<ReadTask>();
  const s: DocScore = { file: base, tasks: truth.tasks.length, found: 0, leadsRight: 0, leadsTotal: 0, duesRight: 0, duesTotal: 0, extra: 0, debrisTasks: 0, misses: [] };
  for (const t of truth.tasks) {
    const m = squash(t.match);
    const hit = read.tasks.find((r) => !used.has(r) && body(r).includes(m)) ?? read.tasks.find((r) => body(r).includes(m));
    if (t.due) s.duesTotal++;
    if (!hit) {
      s.misses.push(`missing: ${t.match}`);
      continue;
    }
    used.add(hit);
    s.found++;
    if (t.lead) {
      s.leadsTotal++;
      if (squash(hit.lead[0] ?? '') === squash(t.lead)) s.leadsRight++;
      else s.misses.push(`lead of ${t.match}: ${hit.lead[0] ?? '—'} ≠ ${t.lead}`);
    }
    if (t.due) {
      if (hit.deadline.due === t.due) s.duesRight++;
      else s.misses.push(`due of ${t.match}: ${hit.deadline.due || '—'} ≠ ${t.due}`);
    }
  }
  s.extra = read.tasks.filter((r) => !used.has(r)).length;
  s.debrisTasks = read.tasks.filter((r) => DEBRIS.test(r.text) || DEBRIS.test(r.title)).length;
  return s;
}

export function scoreCorpus(dir: string): { docs: DocScore[]; recall: number; leadAccuracy: number; dueAccuracy: number; debrisTasks: number } {
  const bases = readdirSync(dir).filter((f) => f.endsWith('.truth.json')).map((f) => f.replace(/\.truth\.json$/, '')).sort();
  const docs = bases.map((b) => scoreDocument(dir, b));
  const sum = (k: keyof DocScore) => docs.reduce((n, d) => n + (d[k] as number), 0);
  return {
    docs,
    recall: sum('found') / Math.max(1, sum('tasks')),
    leadAccuracy: sum('leadsRight') / Math.max(1, sum('leadsTotal')),
    dueAccuracy: sum('duesRight') / Math.max(1, sum('duesTotal')),
    debrisTasks: sum('debrisTasks'),
  };
}
