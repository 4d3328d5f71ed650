// Every channel has a handler, and what each handler returns survives the trip across a process boundary
// (JSON, as in IPC structured clone and HTTP) and still satisfies its schema.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/channels';
import { channels, contract, resultSchema } from '../../shared/contract';
import { createHandlers } from '../../electron/core/handlers';
import { dispatch } from '../../electron/core/dispatch';
import { seedIds } from '../../electron/core/plan/seed-ids';
import { tempStore } from '../helpers/temp-store';

const planText = readFileSync(join(import.meta.dirname, '../fixtures/plans/yunjiang-2024.txt'));

const task = seedIds.task('吉政发〔2023〕3号', '1.1.1');
const gdp = seedIds.target('吉政发〔2023〕3号', 'battle:1', 0);
const evidence = Buffer.from('春季车展总结：成交1.2亿元', 'utf8');

const sheet = new ExcelJS.Workbook();
sheet.addWorksheet('表').addRows([
  ['序号', '工作任务', '牵头单位', '完成时限'],
  [1, '举办夏季消费节', '市商务局', '8月底'],
]);
const xlsx = Buffer.from(await sheet.xlsx.writeBuffer());
// Picked files travel by reference: here, as in Electron, by their path.
const picked = mkdtempSync(join(tmpdir(), 'contract-files-'));
afterAll(() => rmSync(picked, { recursive: true, force: true }));
const pick = (name: string, bytes: Buffer) => {
  writeFileSync(join(picked, name), bytes);
  return { name, ref: join(picked, name) };
};

// In channel order: a center installation sets itself up, edits, reports, closes out and reopens a task.
const sampleInputs: Record<string, unknown> = {
  'app.info': {},
  'plan.overview': {},
  'plan.import': { file: pick('yunjiang.txt', planText), dryRun: true },
  'plan.draft': { file: pick('yunjiang.txt', planText) },
  'plan.save': {
    seed: {
      format: 'zhuanban-plan-seed',
      version: 1,
      plan: { code: '测政发〔2024〕1号', title: '测试方案', docNo: '测政发〔2024〕1号', issuer: '测试县人民政府', issuedOn: '2024-01-05', year: 2024 },
      battles: [{ code: 1, name: '重点任务', shortName: '重点任务', office: '', goals: '', annexTitle: '', annexGoals: '', conveners: '', memberUnits: [], targets: [] }],
      units: [{ name: '测试县发改局', aliases: [], kind: 'unit' }],
      sections: [{ battle: 1, code: '1.1', title: '稳增长', content: '', targets: [] }],
      tasks: [{ code: '1.1.1', battle: 1, section: '1.1', group: '', title: '抓项目', content: '抓项目', listType: 'work', leadUnits: ['测试县发改局'], coUnits: [], clause: '', leadByOrder: false, targets: [], dueDate: '2024-06-30' }],
    },
  },
  'plan.list': {},
  'plan.builtin': {},
  'plan.carryOver': { fromPlanId: seedIds.plan('吉政发〔2023〕3号'), toPlanId: seedIds.plan('测政发〔2024〕1号'), taskIds: [task] },
  'plan.use': { planId: seedIds.plan('吉政发〔2023〕3号') },
  'units.list': {},
  'identity.get': {},
  'identity.set': { office: '总指挥中心', role: 'center', operator: '张明' },
  'settings.get': {},
  'settings.set': { asOf: '2023-06-30' },
  'dashboard.get': {},
  'tasks.list': { battle: 1, search: '消费', light: 'yellow' },
  'task.detail': { id: task },
  'task.update': { id: task, edit: { leadPerson: '李华', dueDate: '2023-10-31', milestones: [{ date: '2023-06-30', percent: 50, text: '半年过半' }] } },
  'task.split': { parentId: task, title: '春季车展', leadUnits: ['市商务局'] },
  'task.add': { section: '1.1', title: '举办年货节', leadUnits: ['市商务局'], dueDate: '2023-12-31' },
  'progress.report': {
    taskId: task,
    period: '2023-06-3',
    percent: 55,
    text: '举办春季车展，实现销售额1.2亿元',
    unit: '市商务局',
    evidence: [{ name: '车展总结.txt', contentBase64: evidence.toString('base64') }],
  },
  'evidence.get': { sha256: createHash('sha256').update(evidence).digest('hex') },
  'closeout.request': { taskId: task, statement: '全年目标提前完成', belowFull: true },
  'closeout.decide': { taskId: task, approve: true },
  'closeout.reopen': { taskId: task, reason: '需补充下半年活动' },
  'closeout.queue': {},
  // Nothing pending or rejected after the reopening: withdrawing, answering and voiding for real are in tests/core/ledger/daily-work.
  'closeout.withdraw': { taskId: task },
  'closeout.answer': { taskId: task, answer: '已补充材料' },
  'record.void': { entity: 'problem', id: 'no-such-problem', reason: '误录' },
  'voided.list': {},
  'todo.get': {},
  'reporting.get': { period: '2023-06-3' },
  'reporting.urge': { period: '2023-06-3' },
  'instructions.list': {},
  'instruction.add': { taskId: task, leader: '市长 张某', text: '请加快促消费活动进度', replyBy: '2023-07-30' },
  // No such instruction: replying to a real one is in tests/core/ledger/daily-work.
  'instruction.reply': { id: 'no-such-instruction', reply: '已落实' },
  'sync.info': {},
  'sync.export': {},
  // A file that is not there: refused. The round trip of a real one is in tests/core/sync and tests/host/uploads.
  'sync.import': { file: { name: 'x.ledger.json', ref: '/no/such/folder/x.ledger.json' }, dryRun: true },
  // Nothing quarantined, no peer pinned: releasing and granting for real are tested in tests/core/sync.
  'sync.release': { eventId: 'no-such-event', reason: '核实无误' },
  'sync.grant': { replica: '00000000-0000-7000-8000-000000000000', office: '市商务局', role: 'unit', reason: '核实无误' },
  // No conflict exists in one office alone; settling one is tested in tests/core/sync.
  'conflicts.settle': { id: 'task:x:leadPerson:0', useOther: true },
  'report.preview': { kind: 'dekad', period: '2023-06-3', texts: { editorNote: '请各单位对照落实。' } },
  'report.export': { kind: 'monthly', period: '2023-06' },
  'report.list': {},
  'ledger.exportXlsx': { battle: 1 },
  'ledger.importXlsx': { file: pick('分解表.xlsx', xlsx), section: '1.1', dryRun: false },
  'indicators.list': {},
  'indicator.update': { id: gdp, edit: { source: '市统计局' } },
  'indicator.add': { battle: 6, edit: { name: '新增城镇就业', owner: '市人社局', target: 3000 } },
  'indicator.setValue': { id: gdp, period: '2023-06', value: 7.8, note: '上半年' },
  'problems.list': {},
  'problem.raise': { taskId: task, text: '活动经费未到位', deadline: '2023-08-31' },
  'problem.clear': { id: 'no-such-problem', statement: '已整改完成' },
  'supervision.overview': {},
  'supervision.add': { kind: 'notice', unit: '市商务局', taskIds: [task], matter: '任务逾期请整改', deadline: '2023-07-31' },
  'meeting.get': { month: '2023-06' },
  'meeting.save': { month: '2023-06', heldOn: '2023-06-30', chair: '常务副市长' },
  'meeting.decide': { month: '2023-06', kind: 'note', text: '各专班七月五日前报送整改情况' },
  'backup.list': {},
  'backup.create': {},
  // A name that is not among this store's backups: restoring a real one is tested in tests/core/store.
  'backup.restore': { file: '../../etc/passwd' },
  'backup.export': { file: '../../etc/passwd' },
  // Not a file of the outbox: delivering a real one is tested in tests/core-process.
  'file.delivered': { ref: '00000000-0000-4000-8000-000000000000' },
};
// A problem id that does not exist: clearing a real one is tested in tests/core/problems.
const expectedToFail = new Set(['plan.save', 'plan.builtin', 'plan.carryOver', 'sync.import', 'sync.release', 'sync.grant', 'conflicts.settle', 'problem.clear', 'backup.restore', 'closeout.withdraw', 'closeout.answer', 'record.void', 'instruction.reply', 'file.delivered', 'backup.export']);

describe('contract', () => {
  it('lists the same channels as the preload exposes', () => {
    expect([...channels].sort()).toEqual([...channelNames].sort());
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
  });

  it('has a handler for every channel and nothing else', () => {
    const handlers = createHandlers({ store: tempStore(), version: '0.0.0' });
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
  });

  it('round-trips every channel’s output through JSON and its schema', async () => {
    const handlers = createHandlers({ store: tempStore(), version: '0.0.0' });
    for (const channel of channels) {
      expect(sampleInputs, `sample input for ${channel}`).toHaveProperty([channel]);
      const result = await dispatch(handlers, channel, sampleInputs[channel]);
      if (expectedToFail.has(channel)) {
        // plan.save, plan.builtin and plan.carryOver run before this installation has an identity: the centre only, refused as such.
        expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(['plan.carryOver', 'plan.save', 'plan.builtin'].includes(channel) ? /forbidden/ : /bad_input|not_found/) } });
        continue;
      }
      expect(result.ok, `${channel}: ${JSON.stringify(result)}`).toBe(true);
      const wire = JSON.parse(JSON.stringify(result));
      const parsed = resultSchema(contract[channel].output).parse(wire);
      expect(parsed).toEqual(result);
    }
  });

  it('rejects unknown fields and wrong types with a Chinese message, before any handler runs', async () => {
    const handlers = createHandlers({ store: tempStore(), version: '0.0.0' });
    for (const bad of [{ battle: 0 }, { battle: '1' }, { search: 5 }, { sql: 'drop table tasks' }]) {
      const r = await dispatch(handlers, 'tasks.list', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad_input');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const unknown = await dispatch(handlers, 'tasks.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});
