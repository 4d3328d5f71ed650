// Every document figure recomputed from the event log by a second path written here, apart from the report
// code: a played March with approvals in 中旬 and 下旬, a reopening, a task added mid-month and a late report.
// The documents must count what had taken effect by their period's last day, each task and unit once, within
// the issuing office's scope; and a brief of an earlier 旬 must not change when later records arrive.
import type { ReportKind } from '../../../shared/report';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { getIdentity } from '../../../electron/core/app/identity';
import { issueReport, previewReport } from '../../../electron/core/reports/report';
import { getSettings, setSettings } from '../../../electron/core/app/settings';
import type { Store } from '../../../electron/core/store/store';
import { playMarch } from '../../../scripts/demo-march';
import type { Channel, ChannelInput } from '../../../shared/contract';
import type { Identity } from '../../../shared/workflow';
import { openStore } from '../../../electron/core/store/open-store';
import { caller } from '../../helpers/call';

/** Calls a channel as the app does, with the ledger date set to `date`. */
async function at<C extends Channel>(store: Store, date: string, channel: C, input: ChannelInput<C>) {
  setSettings(store, { asOf: date });
  return caller(createHandlers({ store, version: 'test' }))(channel, input);
}

interface Ev {
  entity: string;
  id: string;
  hlc: string;
  fields: Record<string, unknown>;
}

/** The second path: events in log order, each entity's writes kept with the ledger date they carry. */
function events(store: Store): Ev[] {
  return (store.sqlite.prepare("SELECT body FROM events WHERE quarantined = 0 ORDER BY hlc, replica").pluck().all() as string[]).map((b) => {
    const e = JSON.parse(b) as { entity: string; entityId: string; hlc: string; fields: Record<string, unknown> };
    return { entity: e.entity, id: e.entityId, hlc: e.hlc, fields: e.fields };
  });
}

interface Truth {
  total: number;
  closed: string[];
  closedInPeriod: string[];
  overdue: string[];
  lines: number;
  reporters: number;
}

/** What a document of [start, end] must say, read straight from the events. */
function truth(store: Store, start: string, end: string, onlyTask: (code: string, taskId: string) => boolean = () => true): Truth {
  const evs = events(store);
  const tasks = new Map<string, { code: string; parent: string; due: string; created: string }>();
  for (const e of evs.filter((x) => x.entity === 'task')) {
    const t = tasks.get(e.id) ?? { code: '', parent: '', due: '', created: '' };
    if (!tasks.has(e.id)) t.created = String(e.fields.createdOn ?? '');
    // A due date changed after the period's end is not the due date the period knew.
    if ('dueDate' in e.fields && String(e.fields.changedOn ?? '') <= end) t.due = String(e.fields.dueDate);
    if ('code' in e.fields) t.code = String(e.fields.code);
    if ('parentId' in e.fields) t.parent = String(e.fields.parentId);
    tasks.set(e.id, t);
  }
  const top = [...tasks.entries()].filter(([id, t]) => !t.parent && t.created <= end && onlyTask(t.code, id));
  // Close-outs: the latest (by id) of each task, in the state it had at the end of the day.
  const closeouts = new Map<string, { task: string; state: string; on: string }>();
  for (const e of evs.filter((x) => x.entity === 'closeout')) {
    const state = String(e.fields.state);
    const on = String(state === 'pending' ? e.fields.requestedOn : e.fields.decidedOn);
    if (on > end) continue;
    closeouts.set(e.id, { task: String(e.fields.taskId ?? closeouts.get(e.id)?.task), state, on });
  }
  const latest = new Map<string, { id: string; state: string; on: string }>();
  for (const [id, c] of closeouts) if (!latest.has(c.task) || latest.get(c.task)!.id < id) latest.set(c.task, { id, ...c });
  const closedIds = top.filter(([id]) => latest.get(id)?.state === 'approved');
  // Progress lines reported by the end for a period that overlaps the document's.
  const lines = new Map<string, { task: string; unit: string; period: string; on: string }>();
  for (const e of evs.filter((x) => x.entity === 'progress')) {
    const on = String(e.fields.reportedOn);
    if (on > end) continue;
    lines.set(e.id, { task: String(e.fields.taskId), unit: String(e.fields.unitId), period: String(e.fields.period), on });
  }
  // A sub-task is part of its task: its lines count with the task's, its lateness makes the task late.
  const partsOf = (id: string) => [...tasks.entries()].filter(([, t]) => t.parent === id && t.created <= end);
  const topIds = new Set(top.flatMap(([id]) => [id, ...partsOf(id).map(([pid]) => pid)]));
  // Collective names (各成员单位…) are not units: their lines count, they are not a unit that reported.
  const collective = new Set(store.sqlite.prepare("SELECT id FROM units WHERE kind = 'group'").pluck().all() as string[]);
  const periodStart = (p: string) => (p.length === 7 ? `${p}-01` : `${p.slice(0, 7)}-${['01', '11', '21'][Number(p.slice(8)) - 1]}`);
  const periodEnd = (p: string) => (p.length === 7 ? `${p}-31` : `${p.slice(0, 7)}-${['10', '20', '31'][Number(p.slice(8)) - 1]}`);
  const inPeriod = [...lines.values()].filter((l) => topIds.has(l.task) && periodEnd(l.period) >= start && periodStart(l.period) <= end);
  return {
    total: top.length,
    closed: closedIds.map(([, t]) => t.code).sort(),
    closedInPeriod: closedIds.filter(([id]) => latest.get(id)!.on >= start).map(([, t]) => t.code).sort(),
    // A task is late when it or one of its open parts is past its due date.
    overdue: top
      .filter(([id, t]) => latest.get(id)?.state !== 'approved' && [[id, t] as const, ...partsOf(id)].some(([pid, p]) => p.due && p.due < end && latest.get(pid)?.state !== 'approved'))
      .map(([, t]) => t.code)
      .sort(),
    lines: inPeriod.length,
    reporters: new Set(inPeriod.map((l) => l.unit).filter((u) => !collective.has(u))).size,
  };
}

let store: Store;
let who: Identity;
const codeOf = (id: string) => store.sqlite.prepare('SELECT code FROM tasks WHERE id = ?').pluck().get(id) as string;
const idOf = (code: string) => store.sqlite.prepare('SELECT id FROM tasks WHERE code = ?').pluck().get(code) as string;
const preview = (kind: ReportKind, period: string, w: Identity = who) => previewReport(store, w, getSettings(store), { kind, period });

let reopened = '';
let addedCode = '';
let lateTask = '';

// One played March for the whole file (playing it takes a second); closed at the end.
const dir = mkdtempSync(join(tmpdir(), 'ledger-figures-'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  store = openStore(join(dir, 'ledger.db'));
  await playMarch(store);
  who = getIdentity(store)!;
  // 中旬: three tasks reported complete and approved on 3月15日.
  const open = store.sqlite
    .prepare(
      `SELECT t.id, t.lead_unit_ids AS lead FROM tasks t WHERE t.parent_id = '' AND t.due_date = ''
        AND NOT EXISTS (SELECT 1 FROM closeouts c WHERE c.task_id = t.id) ORDER BY t.code LIMIT 3`,
    )
    .all() as { id: string; lead: string }[];
  for (const t of open.slice(0, 3)) {
    const unit = store.sqlite.prepare('SELECT name FROM units WHERE id = ?').pluck().get(JSON.parse(t.lead)[0]) as string;
    await at(store, '2023-03-14', 'progress.report', { taskId: t.id, period: '2023-03-2', percent: 100, text: '已全面完成。', unit });
    await at(store, '2023-03-15', 'closeout.request', { taskId: t.id, statement: '任务已完成，申请销号。', belowFull: true });
    await at(store, '2023-03-15', 'closeout.decide', { taskId: t.id, approve: true, reason: '' });
  }
  // One of them is reopened on 3月25日: closed in the 中旬 brief, open in the 下旬 one.
  reopened = open[0]!.id;
  await at(store, '2023-03-25', 'closeout.reopen', { taskId: reopened, reason: '复核发现资料不全。' });
  // A task added on 3月25日 is not in any earlier document.
  addedCode = (await at(store, '2023-03-25', 'task.add', { section: '1.1', title: '新增专项调度任务', content: '新增专项调度任务', leadUnits: ['市发改局'], coUnits: [], dueDate: '2023-06-30' })).code;
  // A 中旬 line reported late, on 3月24日: not in the 中旬 brief, which was due by 3月20日.
  const silent = store.sqlite
    .prepare("SELECT id, lead_unit_ids AS lead FROM tasks t WHERE parent_id = '' AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.task_id = t.id) ORDER BY code LIMIT 1")
    .get() as { id: string; lead: string };
  lateTask = silent.id;
  const lateUnit = store.sqlite.prepare('SELECT name FROM units WHERE id = ?').pluck().get(JSON.parse(silent.lead)[0]) as string;
  await at(store, '2023-03-24', 'progress.report', { taskId: lateTask, period: '2023-03-2', percent: 30, text: '补报中旬进展。', unit: lateUnit });
  setSettings(store, { asOf: '2023-03-31' });
});

describe('figures at the period’s end, recomputed from the event log', () => {
  for (const [kind, period, start, end] of [
    ['dekad', '2023-03-1', '2023-03-01', '2023-03-10'],
    ['dekad', '2023-03-2', '2023-03-11', '2023-03-20'],
    ['dekad', '2023-03-3', '2023-03-21', '2023-03-31'],
    ['monthly', '2023-03', '2023-03-01', '2023-03-31'],
    ['quarterly', '2023-Q1', '2023-01-01', '2023-03-31'],
  ] as const) {
    it(`${kind} ${period}: totals, 销号, overdue and reports equal the log's at ${end}`, () => {
      const f = preview(kind, period).figures;
      const t = truth(store, start, end);
      expect(f.asOf).toBe(end);
      expect(f.total).toBe(t.total);
      expect(f.closed).toBe(t.closed.length);
      expect(f.closedInPeriod.map((c) => c.code).sort()).toEqual(t.closedInPeriod);
      expect(f.overdue.slice().sort()).toEqual(t.overdue);
      expect(f.progressLinesInPeriod).toBe(t.lines);
      expect(f.unitsReportedInPeriod).toBe(t.reporters);
      // Each task once: the battles add up to the whole, and no code is listed twice.
      expect(f.battles.reduce((n, b) => n + b.total, 0)).toBe(f.total);
      expect(new Set(f.closedInPeriod.map((c) => c.code)).size).toBe(f.closedInPeriod.length);
      expect(Object.values(f.byLight).reduce((n, x) => n + x, 0)).toBe(f.total);
    });
  }

  it('the 3月中旬 brief’s 累计销号 is the approvals dated on or before 3月20日, printed as such', () => {
    const doc = preview('dekad', '2023-03-2');
    const approvedBy20 = truth(store, '2023-03-11', '2023-03-20').closed.length;
    expect(approvedBy20).toBe(3);
    const text = doc.blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
    expect(text).toContain(`截至2023年3月20日`);
    expect(text).toContain(`累计销号${approvedBy20}项（本旬新增3项）`);
    // The reopened task was closed on 3月20日, and is not on 3月31日.
    expect(preview('dekad', '2023-03-2').figures.closedInPeriod.map((c) => c.code)).toContain(codeOf(reopened));
    expect(preview('dekad', '2023-03-3').figures.closedInPeriod.map((c) => c.code)).not.toContain(codeOf(reopened));
  });

  it('a task added on 3月25日 counts from then on; a 中旬 line reported on 3月24日 is not in the 中旬 brief', () => {
    const mid = preview('dekad', '2023-03-2').figures;
    const late = preview('dekad', '2023-03-3').figures;
    expect(late.total).toBe(mid.total + 1);
    expect(addedCode).toMatch(/^1\.1\.\d+$/);
    // The store holds the late line; the 中旬 brief does not count it.
    const held = store.sqlite.prepare("SELECT count(*) FROM progress WHERE period = '2023-03-2' AND deleted = 0").pluck().get() as number;
    expect(mid.progressLinesInPeriod).toBe(held - 1);
    expect(mid.progressLinesInPeriod).toBe(truth(store, '2023-03-11', '2023-03-20').lines);
  });

  it('a brief of an earlier 旬 does not change when later records arrive', async () => {
    const before = preview('dekad', '2023-03-2');
    // April: a task approved, a line reported, a task added, a due date moved.
    const t = idOf(addedCode);
    await at(store, '2023-04-03', 'progress.report', { taskId: t, period: '2023-04-1', percent: 100, text: '四月完成。', unit: '市发改局' });
    await at(store, '2023-04-04', 'closeout.request', { taskId: t, statement: '任务已完成，申请销号。', belowFull: true });
    await at(store, '2023-04-05', 'closeout.decide', { taskId: t, approve: true, reason: '' });
    const overdue = before.figures.overdue[0]!;
    await at(store, '2023-04-06', 'task.update', { id: idOf(overdue), edit: { dueDate: '2023-06-30' } });
    setSettings(store, { asOf: '2023-04-06' });
    const after = preview('dekad', '2023-03-2');
    const body = (d: typeof before) => d.blocks.filter((b) => b.type !== 'masthead');
    const { coverage: _a, ...was } = before.figures;
    const { coverage: _b, ...now } = after.figures;
    expect(now).toEqual(was);
    expect(body(after)).toEqual(body(before));
    setSettings(store, { asOf: '2023-03-31' });
  });
});

describe('scope: an office prints what it knows', () => {
  it('a taskforce’s brief is its battle’s: every task, code and count within battle 2', () => {
    const tf: Identity = { ...who, role: 'taskforce', battle: 2 };
    const doc = preview('dekad', '2023-03-3', tf);
    const battle2 = new Set(store.sqlite.prepare("SELECT t.id FROM tasks t JOIN battles b ON b.id = t.battle_id WHERE b.code = 2").pluck().all() as string[]);
    const t = truth(store, '2023-03-21', '2023-03-31', (_c, id) => battle2.has(id));
    expect(doc.figures.scope).toEqual({ kind: 'battle', label: '科技创新攻坚仗' });
    expect(doc.figures.total).toBe(t.total);
    expect(doc.figures.battles.map((b) => b.battle)).toEqual([2]);
    for (const code of [...doc.figures.overdue, ...doc.figures.behind, ...doc.figures.notStarted, ...doc.figures.closedInPeriod.map((c) => c.code)]) expect(code).toMatch(/^2\./);
    const text = doc.blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
    expect(text).toContain('科技创新攻坚仗共有任务');
    expect(text).not.toContain('全市');
  });

  it('a unit’s brief is about the unit: only tasks it leads or joins, no other unit’s line', () => {
    const unitId = store.sqlite.prepare("SELECT id FROM units WHERE name = '市发改局'").pluck().get() as string;
    const me: Identity = { ...who, role: 'unit', battle: 0, officeUnitId: unitId, officeName: '市发改局' };
    const doc = preview('dekad', '2023-03-3', me);
    const mine = new Set(store.sqlite.prepare("SELECT task_id FROM task_units WHERE unit_id = ?").pluck().all(unitId) as string[]);
    const subsOfMine = store.sqlite.prepare("SELECT parent_id FROM tasks WHERE parent_id != '' AND id IN (SELECT task_id FROM task_units WHERE unit_id = ?)").pluck().all(unitId) as string[];
    for (const p of subsOfMine) mine.add(p);
    const t = truth(store, '2023-03-21', '2023-03-31', (_c, id) => mine.has(id));
    expect(doc.figures.total).toBe(t.total);
    expect(doc.figures.units.map((u) => u.unit)).toEqual(['市发改局']);
    const codes = new Set((store.sqlite.prepare('SELECT code FROM tasks').pluck().all() as string[]).filter((c) => mine.has(idOf(c))));
    for (const code of doc.figures.overdue) expect(codes.has(code)).toBe(true);
    const text = doc.blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
    expect(text).toContain('市发改局承担的发展“六仗”共有任务');
  });

  it('collective names are never commended, ranked or named as lagging', () => {
    const f = preview('monthly', '2023-03').figures;
    const groups = new Set(store.sqlite.prepare("SELECT name FROM units WHERE kind = 'group'").pluck().all() as string[]);
    expect(groups.size).toBeGreaterThan(0);
    for (const u of [...f.units.map((x) => x.unit), ...f.commended, ...f.lagging]) expect(groups.has(u)).toBe(false);
    // Each unit once.
    expect(new Set(f.units.map((u) => u.unit)).size).toBe(f.units.length);
  });
});

describe('a period that has not ended', () => {
  it('is previewed as a draft and cannot be issued: no number is used up', async () => {
    setSettings(store, { asOf: '2023-03-25' });
    try {
      const doc = preview('dekad', '2023-03-3');
      expect(doc.draft).toBe(true);
      // Read at the ledger date: the 销号 approved on 3月28日 is not there yet.
      expect(doc.figures.asOf).toBe('2023-03-25');
      expect(doc.figures.closedInPeriod.map((c) => c.decidedOn).filter((d) => d > '2023-03-25')).toEqual([]);
      const before = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
      await expect(issueReport(store, who, getSettings(store), { kind: 'dekad', period: '2023-03-3' })).rejects.toThrow(/尚未结束/);
      expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(before);
    } finally {
      setSettings(store, { asOf: '2023-03-31' });
    }
  });
});
