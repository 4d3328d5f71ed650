// The daily work of each office, across offices that meet only by files: a rejection reaches the unit's 待办
// with its reason and leaves it when answered; an approval's opinion reaches the unit; a request is taken back;
// records voided by mistake leave every count and stay in the trail; 报送率 is recomputed from the raw log.
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { setSettings } from '../../../electron/core/app/settings';
import { forge } from '../../helpers/forge';
import { stateDigest } from '../../../electron/core/sync/digest';
import { playedMarch } from '../../helpers/march';
import { installation } from '../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');

async function offices() {
  const unit = installation({ office: '市商务局', role: 'unit', operator: '王芳' });
  const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1, operator: '李明' });
  await Promise.all([unit.ready, taskforce.ready]);
  return { unit, taskforce };
}
type Office = Awaited<ReturnType<typeof offices>>['unit'];
const todo = (o: Office) => o.call('todo.get', {});
const detail = (o: Office, id = TASK) => o.call('task.detail', { id });

describe('销号 between a unit and its taskforce', () => {
  it('a rejection is the first thing the unit sees after the import, with its reason, until it answers; the taskforce sees the answer', async () => {
    const { unit, taskforce } = await offices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 100, text: '全年目标完成' });
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号' });
    await taskforce.receive(unit.bundleFor());
    expect((await todo(taskforce)).items.find((i) => i.kind === 'pending')).toMatchObject({ taskCode: '1.1.1', reason: expect.stringContaining('全年目标已完成') });
    await taskforce.call('closeout.decide', { taskId: TASK, approve: false, reason: '缺少交易额的佐证材料' });

    // The import names the tasks it changes.
    expect((await unit.receive(taskforce.bundleFor(), { trust: true, dryRun: true })).tasks).toEqual(['1.1.1']);
    await unit.receive(taskforce.bundleFor());
    const t = await todo(unit);
    expect(t.items[0]).toMatchObject({ kind: 'rejected', taskCode: '1.1.1', reason: expect.stringMatching(/^市发改局.*退回：缺少交易额的佐证材料$/) });
    expect((await detail(unit)).task.closeout).toBe('rejected');

    await unit.call('closeout.answer', { taskId: TASK, answer: '佐证材料已补充上传' });
    expect((await todo(unit)).items.some((i) => i.kind === 'rejected')).toBe(false);
    await taskforce.receive(unit.bundleFor());
    expect((await todo(taskforce)).items.find((i) => i.kind === 'answered')).toMatchObject({ taskCode: '1.1.1', reason: expect.stringContaining('佐证材料已补充上传') });
    expect((await detail(taskforce)).closeouts[0]).toMatchObject({ state: 'rejected', answer: '佐证材料已补充上传', answeredOn: '2023-07-02' });
  });

  it('an approval records its opinion and the unit reads it, in its 待办 and in the task', async () => {
    const { unit, taskforce } = await offices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 100, text: '全年目标完成' });
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号' });
    await taskforce.receive(unit.bundleFor());
    await taskforce.call('closeout.decide', { taskId: TASK, approve: true, reason: '同意销号，请做好资料归档' });
    await unit.receive(taskforce.bundleFor());
    expect((await detail(unit)).closeouts[0]).toMatchObject({ state: 'approved', reason: '同意销号，请做好资料归档', decider: '市发改局' });
    expect((await todo(unit)).items.find((i) => i.kind === 'decided')).toMatchObject({ reason: expect.stringContaining('审批意见：同意销号，请做好资料归档') });
  });

  it('a request below 100 % needs the unit to confirm; a pending request may be taken back and asked again', async () => {
    const { unit, taskforce } = await offices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 90, text: '主体完成' });
    await expect(unit.call('closeout.request', { taskId: TASK, statement: '主体已完成，申请销号' })).rejects.toThrow(/90%，未达到100%/);
    expect((await detail(unit)).closeouts).toHaveLength(0);
    await unit.call('closeout.request', { taskId: TASK, statement: '剩余为质保期工作，申请销号', belowFull: true });
    await unit.call('closeout.withdraw', { taskId: TASK });
    expect((await detail(unit)).task.status).not.toBe('pending_closeout');
    expect((await detail(unit)).closeouts[0]).toMatchObject({ state: 'withdrawn', withdrawnOn: '2023-07-02' });
    await taskforce.receive(unit.bundleFor());
    expect((await taskforce.call('closeout.queue', {})).items).toHaveLength(0);
    await unit.call('closeout.request', { taskId: TASK, statement: '补充后再次申请销号', belowFull: true });
    await taskforce.receive(unit.bundleFor());
    expect((await taskforce.call('closeout.queue', {})).items).toHaveLength(1);
  });

  it('an attacker with the unit’s key cannot move, rewrite, reopen or void a decided request; a late withdrawal changes nothing', async () => {
    const { unit, taskforce } = await offices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 100, text: '全年目标完成' });
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号' });
    await taskforce.receive(unit.bundleFor());
    await taskforce.call('closeout.decide', { taskId: TASK, approve: true, reason: '同意' });
    await unit.receive(taskforce.bundleFor());
    const id = unit.store.sqlite.prepare('SELECT id FROM closeouts').pluck().get() as string;
    const OTHER = seedIds.task('吉政发〔2023〕3号', '1.1.5'); // also led by 市商务局
    forge(unit.store, [
      { entity: 'closeout', entityId: id, fields: { taskId: OTHER, statement: '已全面完成', requestedOn: '2023-06-30' } },
      { entity: 'closeout', entityId: id, fields: { taskId: TASK, statement: '改写已审批的申请' } },
      { entity: 'closeout', entityId: id, fields: { taskId: TASK, state: 'pending', statement: '再申请一次' } },
      { entity: 'closeout', entityId: id, fields: { taskId: TASK, answer: '我们不同意', answeredOn: '2023-07-03' } },
      { entity: 'closeout', entityId: id, fields: { taskId: TASK, deleted: true, voidReason: '撤掉', voidedOn: '2023-07-03' } },
      { entity: 'closeout', entityId: id, fields: { taskId: TASK, state: 'withdrawn' } },
      // Admitted, and without effect: a withdrawal after the approval, and a new request on the closed task.
      { entity: 'closeout', entityId: id, fields: { taskId: TASK, withdrawnOn: '2023-07-03' } },
      { entity: 'closeout', entityId: '01900000-0000-7000-8000-00000000abcd', fields: { taskId: TASK, unitId: unit.store.sqlite.prepare("SELECT id FROM units WHERE name = '市商务局'").pluck().get() as string, statement: '再次申请', requestedOn: '2023-07-03', state: 'pending' } },
    ]);
    const r = await taskforce.receive(unit.bundleFor());
    const reasons = taskforce.store.sqlite.prepare('SELECT reason FROM quarantine').pluck().all() as string[];
    expect(r.quarantined).toBe(6);
    expect(reasons).toEqual(expect.arrayContaining([/其他任务/, /不能修改/, /撤销专班/, /已退回/, /无权审批/].map((x) => expect.stringMatching(x))));
    expect((await detail(taskforce)).task.status).toBe('closed');
    expect((await detail(taskforce, OTHER)).task.status).not.toBe('closed');
    expect((await taskforce.call('closeout.queue', {})).items).toHaveLength(0);
  });

  it('a withdrawal crossing an approval, and a request relayed behind its decision: every office ends the same, the approval standing', async () => {
    const { unit, taskforce } = await offices();
    const third = installation({ office: '市交通运输局', role: 'unit' });
    await third.ready;
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 100, text: '全年目标完成' });
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号' });
    await taskforce.receive(unit.bundleFor());
    await taskforce.call('closeout.decide', { taskId: TASK, approve: true, reason: '同意' });
    await unit.call('closeout.withdraw', { taskId: TASK }); // before the approval reached it
    // The third office hears the taskforce first (the decision, and the request relayed with it), then the unit.
    await third.receive(taskforce.bundleFor());
    await third.receive(unit.bundleFor());
    await taskforce.receive(unit.bundleFor());
    await unit.receive(taskforce.bundleFor());
    // The third office's own identity, so the three hold the same records.
    await unit.receive(third.bundleFor());
    await taskforce.receive(third.bundleFor());
    for (const o of [unit, taskforce, third]) {
      expect((await detail(o)).task.status).toBe('closed');
      expect(o.store.sqlite.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(0);
    }
    const digests = [unit, taskforce, third].map((o) => stateDigest(o.store));
    expect(new Set(digests).size).toBe(1);
  });
});

describe('作废: records voided by mistake', () => {
  it('a voided task leaves counts, lists and documents, and its trail stays, struck through', async () => {
    const { store, call } = await playedMarch();
    const added = await call('task.add', { section: '1.1', title: '误录的任务', leadUnits: ['市商务局'], dueDate: '2023-03-20' });
    const before = await call('tasks.list', {});
    const figuresBefore = await call('report.preview', { kind: 'monthly', period: '2023-03' });
    expect(figuresBefore.figures.overdue).toContain(added.code);
    await expect(call('record.void', { entity: 'task', id: added.id, reason: '' })).rejects.toThrow(/理由/);
    await call('record.void', { entity: 'task', id: added.id, reason: '重复录入，与1.1.1相同' });
    expect((await call('tasks.list', {})).total).toBe(before.total - 1);
    const figuresAfter = await call('report.preview', { kind: 'monthly', period: '2023-03' });
    expect(figuresAfter.figures.total).toBe(figuresBefore.figures.total - 1);
    expect(figuresAfter.figures.overdue).not.toContain(added.code);
    const dash = await call('dashboard.get', {});
    expect(dash.overdue.some((t) => t.id === added.id)).toBe(false);
    const { records } = await call('voided.list', {});
    const v = records.find((r) => r.id === added.id)!;
    const { identity } = await call('identity.get', {});
    expect(v).toMatchObject({ entity: 'task', reason: '重复录入，与1.1.1相同', voidedOn: '2023-03-31', by: identity!.officeName });
    expect(v.audit.map((a) => a.action)).toEqual(['建立任务', '作废任务']);
    expect(v.audit.every((a) => a.voided)).toBe(true);
    // The event stays in the log.
    expect(store.sqlite.prepare("SELECT count(*) FROM events WHERE entity = 'task' AND entity_id = ?").pluck().get(added.id)).toBe(2);
  });

  it('a voided progress line no longer counts toward the percent; a unit may void only its own', async () => {
    const { unit, taskforce } = await offices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-2', percent: 30, text: '上期进展' });
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 80, text: '误填的进度' });
    const line = (await detail(unit)).progress.find((p) => p.period === '2023-06-3')!;
    await taskforce.receive(unit.bundleFor());
    await taskforce.call('progress.report', { taskId: TASK, period: '2023-06-1', percent: 10, text: '专班代报', unit: '市商务局' });
    await unit.call('record.void', { entity: 'progress', id: line.id, reason: '进度填错' });
    const after = await detail(unit);
    expect(after.task.percent).toBe(30);
    expect(after.progress.map((p) => p.period)).toEqual(['2023-06-2']);
    expect(after.audit.filter((a) => a.voided).map((a) => a.action)).toEqual(['报送进展', '作废进展']);
    await taskforce.receive(unit.bundleFor());
    expect((await detail(taskforce)).task.percent).toBe(30);
  });

  it('problems and meeting decisions are voided by who may make them, with a reason', async () => {
    const { call } = await playedMarch();
    const { id } = await call('problem.raise', { taskId: TASK, text: '活动经费未到位', deadline: '2023-04-30' });
    await call('record.void', { entity: 'problem', id, reason: '已在别处交办' });
    const { problems } = await call('problems.list', {});
    expect(problems.some((p) => p.id === id)).toBe(false);
    await expect(call('record.void', { entity: 'problem', id, reason: '再作废一次' })).rejects.toThrow(/可能已作废/);
    await call('meeting.save', { month: '2023-03', heldOn: '2023-03-31', chair: '常务副市长' });
    const d = await call('meeting.decide', { month: '2023-03', kind: 'note', text: '误录的决定事项' });
    await call('record.void', { entity: 'decision', id: d.id, reason: '会上未作此决定' });
    const m = await call('meeting.get', { month: '2023-03' });
    expect(m.decisions.some((x) => x.id === d.id)).toBe(false);
  });
});

describe('报送率 of a played March, recomputed from the raw log', () => {
  it('names the units that did not report in 3月下旬, the same as an independent count over the events', async () => {
    const { store, call } = await playedMarch();
    const r = await call('reporting.get', { period: '2023-03-3' });
    // Second path: the task rows as listed, the units' kinds, and the progress events' bodies themselves.
    const { tasks } = await call('tasks.list', {});
    const { units } = await call('units.list', {});
    const group = new Set(units.filter((u) => u.kind === 'group').map((u) => u.id));
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    const lines = (store.sqlite.prepare("SELECT body FROM events WHERE entity = 'progress' AND quarantined = 0").pluck().all() as string[]).map(
      (b) => (JSON.parse(b) as { fields: { taskId: string; unitId: string; period: string } }).fields,
    );
    const reported = new Set(lines.filter((l) => l.period === '2023-03-3' || l.period === '2023-03').map((l) => `${l.taskId}|${l.unitId}`));
    const closedBefore = new Set<string>(); // the demo closes tasks on 3月28日: none before 下旬
    const missing = new Map<string, number>();
    let expected = 0;
    for (const t of tasks) {
      if (closedBefore.has(t.id)) continue;
      for (const u of t.leadUnitIds) {
        if (group.has(u)) continue;
        expected++;
        if (!reported.has(`${t.id}|${u}`)) missing.set(nameOf.get(u)!, (missing.get(nameOf.get(u)!) ?? 0) + 1);
      }
    }
    expect(r.tasks).toBe(expected);
    expect(r.tasks - r.reported).toBe([...missing.values()].reduce((a, b) => a + b, 0));
    expect([...r.missing].sort()).toEqual([...missing.keys()].sort());
    expect(r.missing.length).toBeGreaterThan(5);
    for (const u of r.units) expect(u.tasks - u.reported).toBe(missing.get(u.unit) ?? 0);
    // The centre's 待办 lists the same units.
    const t = await call('todo.get', {});
    expect(t.period).toBe('2023-03-3');
    expect(t.items.filter((i) => i.kind === 'unitsUnreported').map((i) => i.unit).sort()).toEqual([...missing.keys()].sort());
  });

  it('催报 goes to each unit not reported, reaches it by file, and leaves its 待办 once it has reported', async () => {
    const center = installation({ office: '总指挥中心', role: 'center' });
    const unit = installation({ office: '市商务局', role: 'unit', operator: '王芳' });
    await Promise.all([center.ready, unit.ready]);
    const r = await center.call('reporting.get', { period: '2023-07-1' });
    const mine = r.units.find((u) => u.unit === '市商务局')!;
    expect(mine.reported).toBe(0);
    const urged = await center.call('reporting.urge', { period: '2023-07-1', units: ['市商务局'] });
    expect(urged.units).toEqual(['市商务局']);
    await unit.receive(center.bundleFor());
    const item = (await todo(unit)).items.find((i) => i.kind === 'urged')!;
    expect(item.reason).toContain('2023年7月上旬');
    expect(item.due).toBe('2023-07-05');
    for (const i of mine.items) await unit.call('progress.report', { taskId: i.taskId, period: '2023-07-1', percent: 10, text: '已启动' });
    expect((await todo(unit)).items.some((i) => i.kind === 'urged')).toBe(false);
    await expect(unit.call('reporting.urge', { period: '2023-07-1' })).rejects.toThrow(/没有需要催报|无权|督办/);
  });

  it('a ledger date past the plan year still has a 待办: the overdue tasks, and no 旬 owed', async () => {
    const { store, call } = await playedMarch();
    setSettings(store, { asOf: '2024-01-05' });
    const t = await call('todo.get', {});
    expect(t.items.some((i) => i.kind === 'unitsUnreported' || i.kind === 'unreported')).toBe(false);
    const { tasks } = await call('tasks.list', {});
    const open = tasks.filter((x) => !x.parentId && x.status !== 'closed').length;
    expect(t.counts.overdue).toBe(open);
    await expect(call('reporting.get', {})).rejects.toThrow(/实施方案年度（2023年）/);
  });

  it('a taskforce sees its battle only; a unit only itself', async () => {
    const { store, call } = await playedMarch();
    const all = await call('reporting.get', { period: '2023-03-3' });
    await call('identity.set', { office: '市发改局', role: 'taskforce', battle: 1 });
    const tf = await call('reporting.get', { period: '2023-03-3' });
    expect(tf.battles.map((b) => b.battle)).toEqual([1]);
    expect(tf.tasks).toBe(all.battles.find((b) => b.battle === 1)!.tasks);
    await call('identity.set', { office: '市商务局', role: 'unit' });
    const mine = await call('reporting.get', { period: '2023-03' });
    expect(mine.units.map((u) => u.unit)).toEqual(['市商务局']);
    void store;
  });
});

describe('序时进度 from the task’s start', () => {
  it('a task added on 3月31日 due 4月20日 is not behind on the day it is added; the same dates for a plan task from 1 January are', async () => {
    const { store, call } = await playedMarch();
    setSettings(store, { asOf: '2023-03-31', behindPoints: 20 });
    const added = await call('task.add', { section: '1.1', title: '新增的专项行动', leadUnits: ['市商务局'], dueDate: '2023-04-30' });
    expect((await call('task.detail', { id: added.id })).task.light).toBe('green');
    // A task of the plan nobody reported on, with the same due date: 89 of 119 days from 1 January, 75 % expected.
    const { tasks } = await call('tasks.list', {});
    const silent = tasks.find((t) => t.percent === null && !t.createdOn && !t.parentId && t.status === 'not_started')!;
    await call('task.update', { id: silent.id, edit: { dueDate: '2023-04-30' } });
    expect((await call('task.detail', { id: silent.id })).task.light).toBe('yellow');
    setSettings(store, { asOf: '2023-04-20' });
    // 20 of 30 days from its start: 67 % expected, nothing reported: behind now.
    expect((await call('task.detail', { id: added.id })).task.light).toBe('yellow');
  });
});

describe('领导批示', () => {
  it('recorded by the taskforce, replied to by the unit it is assigned to; an overdue reply is in 待办 and among the 督办 candidates', async () => {
    const { unit, taskforce } = await offices();
    const { id } = await taskforce.call('instruction.add', { taskId: TASK, leader: '市长 张某', givenOn: '2023-06-20', text: '请加快促消费活动进度', unit: '市商务局', replyBy: '2023-06-30' });
    await expect(taskforce.call('instruction.add', { taskId: TASK, leader: '市长 张某', text: '回复时限早于批示', replyBy: '2023-01-01' })).rejects.toThrow(/回复时限/);
    expect((await todo(taskforce)).items.find((i) => i.kind === 'instruction')).toMatchObject({ taskCode: '1.1.1', reason: expect.stringContaining('回复时限6月30日已过') });
    const cands = await taskforce.call('supervision.overview', {});
    expect(cands.candidates.find((c) => c.unit === '市商务局' && c.kind !== 'commend')?.reason).toMatch(/1项领导批示逾期未回复/);

    await unit.receive(taskforce.bundleFor());
    expect((await todo(unit)).items.find((i) => i.kind === 'instruction')).toMatchObject({ reason: expect.stringContaining('市长 张某6月20日批示：请加快促消费活动进度') });
    await expect(unit.call('instruction.add', { taskId: TASK, leader: '自己', text: '单位不能记录批示', replyBy: '2023-07-30' })).rejects.toThrow(/交办问题|工作专班/);
    await unit.call('instruction.reply', { id, reply: '已召开专题会，7月上旬启动夏季促消费活动' });
    // An attacker with the unit's key rewriting the instruction itself: quarantined at the taskforce.
    forge(unit.store, [{ entity: 'instruction', entityId: id, fields: { text: '批示已撤销' } }]);
    const r = await taskforce.receive(unit.bundleFor());
    expect(r.quarantined).toBe(1);
    const list = await taskforce.call('instructions.list', { taskId: TASK });
    expect(list.instructions[0]).toMatchObject({ text: '请加快促消费活动进度', reply: '已召开专题会，7月上旬启动夏季促消费活动', overdue: false });
    expect((await todo(taskforce)).items.some((i) => i.kind === 'instruction')).toBe(false);
  });
});
