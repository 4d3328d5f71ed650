// Tasks added to a section past its ninth item, and a task split past its ninth part, list in the natural order
// of their codes (4.5.9 before 4.5.10, 1.1.1-2 before 1.1.1-10) in the ledger, its Excel export, the overview,
// 报送情况 and 作废 — and stay inside their section, before the next one's first item.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { installation } from '../../helpers/offices';

const PLAN = '吉政发〔2023〕3号';

/** The test's own reading of a code: numbers as numbers, 表/转 after them, a code before the codes it begins. */
function naturalCompare(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const nx = /^\d+$/.test(x) ? parseInt(x, 10) : NaN;
    const ny = /^\d+$/.test(y) ? parseInt(y, 10) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else if (Number.isNaN(nx) !== Number.isNaN(ny)) {
      return Number.isNaN(nx) ? 1 : -1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return pa.length - pb.length;
}

interface Row {
  id: string;
  code: string;
  battle: number;
}

async function ledgerWithLongNumbers() {
  const office = installation({ office: '总指挥中心', role: 'center' });
  await office.ready;
  const { call, store } = office;
  const add = (section: string, title: string) =>
    call('task.add', { section, title, leadUnits: ['市商务局'], dueDate: '2023-01-05' });
  // 1.5 has three items, 4.5 nine: added to past the ninth. Each added task shares the ord of its section's last
  // item, so only the code can order them among themselves.
  const added15: string[] = [];
  for (let i = 4; i <= 11; i++) added15.push((await add('1.5', `新增任务${i}`)).code);
  const added45 = [(await add('4.5', '新增任务十')).code, (await add('4.5', '新增任务十一')).code];
  // 1.1.1 split eleven times (sub-tasks share their parent's ord), and an added task split once.
  const splitOf = async (parentId: string, title: string) => {
    await call('task.split', { parentId, title, leadUnits: ['市商务局'], dueDate: '2023-01-05' });
  };
  for (let i = 1; i <= 11; i++) await splitOf(seedIds.task(PLAN, '1.1.1'), `分解任务${i}`);
  const tasks = async () => (await call('tasks.list', {})).tasks;
  const t1510 = (await tasks()).find((t) => t.code === '1.5.10')!;
  await splitOf(t1510.id, '新增任务十的分解');
  // A section with no items yet (an imported plan can have one): its first task comes after the sections before it.
  store.log.append([
    { entity: 'section', entityId: 'section-1-7', op: 'put', fields: { battleId: seedIds.battle(PLAN, 1), code: '1.7', ord: 1000, title: '新增方面', content: '新增方面' } },
  ]);
  const first17 = (await add('1.7', '新方面的第一项')).code;
  return { ...office, tasks, added15, added45, first17 };
}

describe('task codes in natural order across the ledger', () => {
  it('numbers added tasks and splits past nine', async () => {
    const { added15, added45, first17, tasks } = await ledgerWithLongNumbers();
    expect(added15).toEqual(['1.5.4', '1.5.5', '1.5.6', '1.5.7', '1.5.8', '1.5.9', '1.5.10', '1.5.11']);
    expect(added45).toEqual(['4.5.10', '4.5.11']);
    expect(first17).toBe('1.7.1');
    const codes = (await tasks()).map((t) => t.code);
    for (let i = 1; i <= 11; i++) expect(codes).toContain(`1.1.1-${i}`);
    expect(codes).toContain('1.5.10-1');
  });

  it('lists them in natural order in tasks.list, within their section', async () => {
    const { call, tasks } = await ledgerWithLongNumbers();
    const list = await tasks();
    const codes = list.map((t) => t.code);
    const slice = (from: string, to: string) => codes.slice(codes.indexOf(from), codes.indexOf(to) + 1);
    expect(slice('1.1.1', '1.1.2')).toEqual(['1.1.1', ...Array.from({ length: 11 }, (_, i) => `1.1.1-${i + 1}`), '1.1.2']);
    expect(slice('1.5.1', '1.6.1')).toEqual(['1.5.1', '1.5.2', '1.5.3', '1.5.4', '1.5.5', '1.5.6', '1.5.7', '1.5.8', '1.5.9', '1.5.10', '1.5.10-1', '1.5.11', '1.6.1']);
    expect(slice('4.5.8', '4.5.11')).toEqual(['4.5.8', '4.5.9', '4.5.10', '4.5.11']);
    // The empty section's first task after every task of the sections before it, before the next battle.
    const battle1 = list.filter((t) => t.battle === 1).map((t) => t.code);
    expect(battle1.at(-1)).toBe('1.7.1');
    // The whole ledger: battles in order, and within each every code after the one before it.
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      expect(a.battle <= b.battle, `${a.code} then ${b.code}`).toBe(true);
      if (a.battle === b.battle) expect(naturalCompare(a.code, b.code), `${a.code} then ${b.code}`).toBeLessThan(0);
    }
    // The same order when one battle is asked for.
    const one = list.filter((t) => t.battle === 4).map((t) => t.code);
    expect((await call('tasks.list', { battle: 4 })).tasks.map((t) => t.code)).toEqual(one);
  });

  it('exports the rows of the 任务分解表 in the same order', async () => {
    const { call, tasks, made } = await ledgerWithLongNumbers();
    const listed = (await tasks()).map((t) => t.code);
    const out = await call('ledger.exportXlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(made(out.file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const codes = Array.from({ length: out.count }, (_, i) => String(ws.getRow(i + 3).getCell(2).value));
    expect(codes).toEqual(listed);
    expect(codes.indexOf('4.5.9')).toBeLessThan(codes.indexOf('4.5.10'));
    expect(codes.indexOf('1.1.1-2')).toBeLessThan(codes.indexOf('1.1.1-10'));
    expect(codes.indexOf('1.5.11')).toBeLessThan(codes.indexOf('1.6.1'));
    // 序号 counts the rows in that order.
    expect(ws.getRow(3).getCell(1).value).toBe(1);
    expect(ws.getRow(2 + out.count).getCell(1).value).toBe(out.count);
  });

  it('keeps the order in the overview, 报送情况 and 作废', async () => {
    const { call, tasks } = await ledgerWithLongNumbers();
    // All added on one day with one due date: the overview's overdue list has them by due date, then in place.
    const dash = await call('dashboard.get', {});
    const ours = dash.overdue.map((t) => t.code).filter((c) => /^(1\.5|4\.5)\.\d+$/.test(c) && Number(c.split('.')[2]) > 3);
    expect(ours).toEqual(['1.5.4', '1.5.5', '1.5.6', '1.5.7', '1.5.8', '1.5.9', '1.5.10', '1.5.11', '4.5.10', '4.5.11']);

    const reporting = await call('reporting.get', { period: '2023-07-1' });
    const mine = reporting.units.find((u) => u.unit === '市商务局')!.items.map((i) => i.code);
    for (let i = 1; i < mine.length; i++) expect(naturalCompare(mine[i - 1]!, mine[i]!), `${mine[i - 1]} then ${mine[i]}`).toBeLessThan(0);
    expect(mine).toEqual(expect.arrayContaining(['1.5.9', '1.5.10', '4.5.10']));

    const byCode = new Map((await tasks()).map((t) => [t.code, t.id]));
    for (const code of ['1.5.10', '1.5.9', '1.5.11']) await call('record.void', { entity: 'task', id: byCode.get(code)!, reason: '误录' });
    // Voided on one day: by code, 1.5.10's part (voided with it) right after it.
    const voided = await call('voided.list', {});
    expect(voided.records.map((r) => r.label.split(' ')[0])).toEqual(['1.5.9', '1.5.10', '1.5.10-1', '1.5.11']);
  });
});
