// What an independent review found a secretary could get wrong out of the documents, kept fixed: who may issue
// what to whom, a unit late on a part of a task, a reissue after its reply date, each office its own 文号, and
// typed texts that are checked, not silently dropped.
import type { ReportRequest } from '../../../shared/report';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIdentity } from '../../../electron/core/app/identity';
import { addDecision, saveMeeting } from '../../../electron/core/meetings/meetings';
import { previewReport } from '../../../electron/core/reports/report';
import { getSettings, setSettings } from '../../../electron/core/app/settings';
import { openStore } from '../../../electron/core/store/open-store';
import type { Store } from '../../../electron/core/store/store';
import type { Identity } from '../../../shared/workflow';
import { playMarch } from '../../../scripts/demo-march';

const dir = mkdtempSync(join(tmpdir(), 'ledger-rules-'));
let store: Store;
let centre: Identity;
const unitId = (name: string) => store.sqlite.prepare('SELECT id FROM units WHERE name = ?').pluck().get(name) as string;
const preview = (req: ReportRequest, who: Identity = centre) => previewReport(store, who, getSettings(store), req);
const prose = (d: ReturnType<typeof preview>) =>
  d.blocks.flatMap((b) => (b.type === 'form' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : 'text' in b ? [b.text] : [])).join('\n');

beforeAll(async () => {
  store = openStore(join(dir, 'ledger.db'));
  await playMarch(store);
  centre = getIdentity(store)!;
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('who issues what to whom', () => {
  it('a 督办单 never goes to a collective name, to the issuing office itself, or from a unit', () => {
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: '市打击和处置非法集资工作领导小组各成员单位' })).toThrow(/集合称谓/);
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: '各乡镇街道' })).toThrow(/集合称谓/);
    const me: Identity = { ...centre, role: 'unit', officeUnitId: unitId('市发改局'), officeName: '市发改局' };
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: '市财政局' }, me)).toThrow(/总指挥中心或工作专班签发/);
    const tf: Identity = { ...centre, role: 'taskforce', battle: 1, officeUnitId: unitId('市发改局'), officeName: '市发改局' };
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: '市发改局' }, tf)).toThrow(/本单位/);
  });

  it('the 调度会纪要 is the centre’s: a unit or a taskforce cannot issue it', () => {
    saveMeeting(store, centre, { month: '2023-03', heldOn: '2023-03-30', chair: '常务副市长' });
    addDecision(store, centre, { month: '2023-03', kind: 'note', text: '各专班抓紧整改！' }, '2023-03-30');
    const doc = preview({ kind: 'minutes', period: '2023-03' });
    // A decision's own closing mark gives way to one full stop.
    expect(prose(doc)).toContain('一、各专班抓紧整改。');
    expect(prose(doc)).not.toMatch(/！。/);
    const tf: Identity = { ...centre, role: 'taskforce', battle: 2, officeUnitId: unitId('市科工信局'), officeName: '市科工信局' };
    expect(() => preview({ kind: 'minutes', period: '2023-03' }, tf)).toThrow(/总指挥中心印发/);
  });

  it('a meeting is held in its month or the next, never before the month or months later', () => {
    expect(() => saveMeeting(store, centre, { month: '2023-02', heldOn: '2023-07-15' })).toThrow(/当月或次月/);
    expect(() => saveMeeting(store, centre, { month: '2023-04', heldOn: '2023-03-31' })).toThrow(/当月或次月/);
  });
});

describe('a unit late on a part of a task', () => {
  it('is not commended, is named lagging, and can be sent a 督办单', () => {
    // A sub-task (a 任务分解表 row) led by a unit that leads no late task of its own, due in March, never reported.
    const sub = store.sqlite
      .prepare(
        `SELECT s.code, u.name FROM tasks s JOIN json_each(s.lead_unit_ids) j JOIN units u ON u.id = j.value
          WHERE s.parent_id != '' AND u.kind = 'unit' AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.task_id = s.id)
          ORDER BY s.code LIMIT 1`,
      )
      .get() as { code: string; name: string };
    setSettings(store, { asOf: '2023-03-05' });
    const id = store.sqlite.prepare('SELECT id FROM tasks WHERE code = ?').pluck().get(sub.code) as string;
    store.log.append([{ entity: 'task', entityId: id, op: 'put', fields: { dueDate: '2023-03-15', changedOn: '2023-03-05' } }]);
    setSettings(store, { asOf: '2023-03-31' });
    const f = preview({ kind: 'monthly', period: '2023-03' }).figures;
    expect(f.commended).not.toContain(sub.name);
    expect(f.lagging).toContain(sub.name);
    const doc = preview({ kind: 'supervision', period: '2023-03', unit: sub.name });
    expect(prose(doc)).toMatch(/\d+项已过完成时限/);
    expect(prose(doc)).toContain(sub.name);
  });
});

describe('dates and numbers', () => {
  it('a notice issued after the 5th sets its reply date after its own date', () => {
    setSettings(store, { asOf: '2023-04-06' });
    try {
      const text = prose(preview({ kind: 'monthly', period: '2023-03' }));
      expect(text).toContain('4月11日前');
      expect(text).not.toContain('4月5日前');
    } finally {
      setSettings(store, { asOf: '2023-03-31' });
    }
    expect(prose(preview({ kind: 'monthly', period: '2023-03' }))).toContain('4月5日前');
  });

  it('each office prints its own 文号 prefix: the centre’s and a taskforce’s notices and 督办单 differ', () => {
    const tf: Identity = { ...centre, role: 'taskforce', battle: 1, officeUnitId: unitId('市发改局'), officeName: '市发改局' };
    const no = (d: ReturnType<typeof preview>) => (d.blocks[0]!.type === 'redHeader' ? d.blocks[0]!.docNo : '');
    expect(no(preview({ kind: 'monthly', period: '2023-03' }))).not.toBe(no(preview({ kind: 'monthly', period: '2023-03' }, tf)));
  });
});

describe('typed texts are checked', () => {
  const late = () =>
    store.sqlite
      .prepare("SELECT u.name FROM tasks t JOIN json_each(t.lead_unit_ids) j JOIN units u ON u.id = j.value WHERE t.parent_id = '' AND t.due_date BETWEEN '2023-03-01' AND '2023-03-30' AND u.kind = 'unit' LIMIT 1")
      .pluck()
      .get() as string;
  it('refuses a part the document does not have, a colour that is not 蓝/黄/红, an empty 督办事项, a phone of letters', () => {
    expect(() => preview({ kind: 'monthly', period: '2023-03', texts: { foo: 'bar' } })).toThrow(/没有名为“foo”/);
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: late(), texts: { level: '紫' } })).toThrow(/蓝、黄、红/);
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: late(), texts: { matter: '' } })).toThrow(/督办事项.*不能为空/);
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: late(), texts: { matter: '事'.repeat(301) } })).toThrow(/最多300个字/);
    expect(() => preview({ kind: 'supervision', period: '2023-03', unit: late(), texts: { phone: 'abc' } })).toThrow(/电话号码/);
    expect(preview({ kind: 'supervision', period: '2023-03', unit: late(), texts: { phone: '0743-8521234' } }).fields.find((x) => x.key === 'phone')?.value).toBe('0743-8521234');
  });
  it('refuses a unit for a document that is not a 督办单', () => {
    expect(() => preview({ kind: 'monthly', period: '2023-03', unit: '市发改局' })).toThrow(/只有督办单/);
  });
});
