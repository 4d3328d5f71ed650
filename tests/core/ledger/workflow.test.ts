// The daily workflow through the core's handlers, with the installation's role applied: progress, 销号
// requested, rejected with a reason, approved, reopened; status and light derived; audit trail complete.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHandlers } from '../../../electron/core/handlers';
import { createOutbox } from '../../../electron/core/files/outbox';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import type { ChannelInput } from '../../../shared/contract';
import { caller } from '../../helpers/call';
import { tempStore } from '../../helpers/temp-store';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1'); // lead 市商务局, co 市发改局 / 市交通运输局; battle 1

function office(identity: ChannelInput<'identity.set'>) {
  const store = tempStore();
  const outbox = createOutbox();
  const call = caller(createHandlers({ store, version: '0', now: () => new Date('2023-07-02T10:00:00'), outbox }));
  return { store, call, outbox, ready: call('identity.set', identity).then(() => call('settings.set', { asOf: '2023-07-02' })) };
}

describe('拉单销号 workflow in one office', () => {
  it('derives status and light from progress and close-out, never from a typed value', async () => {
    const { call, ready } = office({ office: '市发改局', role: 'taskforce', battle: 1 });
    await ready;
    const status = async () => (await call('task.detail', { id: TASK })).task;
    expect(await status()).toMatchObject({ status: 'not_started', light: 'yellow', percent: null });

    await call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 60, text: '春季车展已办', unit: '市商务局' });
    expect(await status()).toMatchObject({ status: 'in_progress', light: 'green', percent: 60 });

    // A co-unit's line does not move the task's percent while the lead has reported.
    await call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 10, text: '配合开展宣传', unit: '市发改局' });
    expect((await status()).percent).toBe(60);

    // Re-reporting the same period corrects the line instead of adding one.
    await call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 20, text: '更正：车展推迟', unit: '市商务局' });
    expect(await status()).toMatchObject({ status: 'lagging', light: 'yellow', percent: 20 });

    await call('closeout.request', { taskId: TASK, statement: '已完成全年目标', belowFull: true });
    expect((await status()).status).toBe('pending_closeout');
    const dup = await call.attempt('closeout.request', { taskId: TASK, statement: '再次申请销号', belowFull: true });
    expect(dup).toMatchObject({ ok: false, error: { message: '该任务已有待审批的销号申请。' } });

    const noReason = await call.attempt('closeout.decide', { taskId: TASK, approve: false, reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    await call('closeout.decide', { taskId: TASK, approve: false, reason: '缺少交易额佐证' });
    expect((await status()).status).toBe('lagging');

    await call('closeout.request', { taskId: TASK, statement: '补充后再次申请', belowFull: true });
    await call('closeout.decide', { taskId: TASK, approve: true });
    expect(await status()).toMatchObject({ status: 'closed', light: 'done' });

    await call('closeout.reopen', { taskId: TASK, reason: '下半年任务追加' });
    expect((await status()).status).toBe('lagging');

    const detail = await call('task.detail', { id: TASK });
    expect(detail.closeouts.map((c) => c.state)).toEqual(['reopened', 'rejected']);
    expect(detail.closeouts[1]!.reason).toBe('缺少交易额佐证');
    expect(detail.progress).toHaveLength(2);
    expect(detail.audit.map((a) => a.action)).toEqual([
      '建立任务',
      '报送进展',
      '报送进展',
      '更正进展',
      '申请销号',
      '退回销号申请',
      '申请销号',
      '批准销号',
      '重新打开',
    ]);
    expect(detail.audit.at(-1)!.office).toBe('市发改局');
  });

  it('shows old → new values of task edits in the audit trail', async () => {
    const { call, ready } = office({ office: '市商务局', role: 'unit', operator: '王芳' });
    await ready;
    await call('task.update', { id: TASK, edit: { leadPerson: '赵局长', handler: '钱科员' } });
    await call('task.update', { id: TASK, edit: { leadPerson: '孙局长' } });
    const { audit } = await call('task.detail', { id: TASK });
    expect(audit.at(-1)).toMatchObject({ operator: '王芳', changes: [{ field: '牵头负责人', from: '赵局长', to: '孙局长' }] });
  });
});

describe('refusals', () => {
  it('a unit may fill its assignees but not change the due date, nor approve 销号', async () => {
    const { call, ready } = office({ office: '市商务局', role: 'unit' });
    await ready;
    expect(await call.attempt('task.update', { id: TASK, edit: { dueDate: '2023-09-30' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await call('closeout.request', { taskId: TASK, statement: '已完成全年目标', belowFull: true });
    expect(await call.attempt('closeout.decide', { taskId: TASK, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // And only for its own office.
    expect(await call.attempt('progress.report', { taskId: TASK, period: '2023-06', percent: 5, text: '代报', unit: '市发改局' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses bad input with a reason and writes nothing', async () => {
    const { store, call, ready } = office({ office: '市发改局', role: 'taskforce', battle: 1 });
    await ready;
    const events = () => (store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const before = events();
    const bad = [
      call.attempt('progress.report', { taskId: TASK, period: '2022-12-3', percent: 10, text: '去年的进展' }),
      call.attempt('progress.report', { taskId: TASK, period: '2023-13', percent: 10, text: '十三月' }),
      call.attempt('progress.report', { taskId: TASK, period: '2023-06', percent: 120, text: '超额' }),
      call.attempt('progress.report', { taskId: TASK, period: '2023-06', percent: 10, text: ' ' }),
      call.attempt('progress.report', { taskId: TASK, period: '2023-06', percent: 10, text: '不相干单位', unit: '市教体局' }),
      call.attempt('closeout.request', { taskId: TASK, statement: '', belowFull: true }),
      call.attempt('task.update', { id: TASK, edit: { dueDate: '2024-01-31' } }),
      call.attempt('task.update', { id: TASK, edit: { milestones: [{ date: '2023-02-30x', percent: 10 }] } }),
      call.attempt('task.split', { parentId: TASK, title: '子任务', leadUnits: ['不存在的局'] }),
      call.attempt('identity.set', { office: '市发改局', role: 'taskforce' }),
    ];
    for (const r of await Promise.all(bad)) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(events()).toBe(before);
  });

  it('needs an identity before any change', async () => {
    const store = tempStore();
    const r = await caller(createHandlers({ store, version: '0' })).attempt('progress.report', { taskId: TASK, period: '2023-06', percent: 10, text: '进展' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('splitting a task', () => {
  it('numbers sub-tasks after their parent and lists them right after it', async () => {
    const { call, ready } = office({ office: '市发改局', role: 'taskforce', battle: 1 });
    await ready;
    await call('task.split', { parentId: TASK, title: '春季车展', leadUnits: ['市商务局'], dueDate: '2023-04-30' });
    await call('task.split', { parentId: TASK, title: '秋季车展', leadUnits: ['市商务局'] });
    const { tasks } = await call('tasks.list', { battle: 1 });
    expect(tasks.slice(0, 4).map((t) => t.code)).toEqual(['1.1.1', '1.1.1-1', '1.1.1-2', '1.1.2']);
    expect(tasks[1]!.parentId).toBe(TASK);
  });
});

describe('evidence files', () => {
  it('are optional, stored once by content hash, read back intact, and kept when a line is corrected', async () => {
    const { store, call, ready, outbox } = office({ office: '市商务局', role: 'unit' });
    await ready;
    const file = Buffer.from('车展总结：成交额 1.2 亿元');
    const content = file.toString('base64');
    await call('progress.report', { taskId: TASK, period: '2023-05', percent: 30, text: '五月进展', evidence: [{ name: '总结.txt', contentBase64: content }] });
    await call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '六月进展', evidence: [{ name: '总结副本.txt', contentBase64: content }] });
    await call('progress.report', { taskId: TASK, period: '2023-06', percent: 45, text: '六月进展（更正）' });
    const { progress } = await call('task.detail', { id: TASK });
    const june = progress.find((p) => p.period === '2023-06')!;
    expect(june.evidence).toEqual([{ name: '总结副本.txt', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: file.length }]);
    const { readdirSync, writeFileSync } = await import('node:fs');
    const { join, dirname } = await import('node:path');
    const dir = join(dirname(store.path), 'evidence');
    expect(readdirSync(dir)).toEqual([june.evidence[0]!.sha256]); // the same bytes twice: one file
    const back = await call('evidence.get', { sha256: june.evidence[0]!.sha256, name: '总结副本.txt' });
    expect(back.file.name).toBe('总结副本.txt');
    expect(readFileSync(outbox.pathOf(back.file.ref)).equals(file)).toBe(true);

    writeFileSync(join(dir, june.evidence[0]!.sha256), 'tampered');
    expect(await call.attempt('evidence.get', { sha256: june.evidence[0]!.sha256 })).toMatchObject({ ok: false, error: { message: '附件文件已损坏。' } });
    expect(await call.attempt('evidence.get', { sha256: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await call.attempt('progress.report', { taskId: TASK, period: '2023-06', percent: 45, text: '空文件', evidence: [{ name: 'a.txt', contentBase64: '' }] })).toMatchObject({
      ok: false,
    });
  });
});

describe('adding a task', () => {
  it('numbers it after the last item of its section; only the battle’s taskforce or the center may', async () => {
    const { call, ready } = office({ office: '市发改局', role: 'taskforce', battle: 1 });
    await ready;
    const added = await call('task.add', { section: '1.3', title: '举办跨境电商对接会', leadUnits: ['市商务局'], coUnits: ['市发改局'] });
    expect(added.code).toBe('1.3.3');
    const { tasks } = await call('tasks.list', { battle: 1 });
    expect(tasks.map((t) => t.code).indexOf('1.3.3')).toBe(tasks.map((t) => t.code).indexOf('1.3.2') + 1);
    expect(await call.attempt('task.add', { section: '2.1', title: '别的仗', leadUnits: ['市科工信局'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call.attempt('task.add', { section: '9.9', title: '没有这一节', leadUnits: ['市商务局'] })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});
