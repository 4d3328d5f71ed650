// The 任务分解表 in Excel: out in the offices' layout, and in with a column preview, unit names checked, and
// all rows or none.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { getIdentity } from '../../../electron/core/app/identity';
import { getSettings } from '../../../electron/core/app/settings';
import type { Store } from '../../../electron/core/store/store';
import { exportLedgerXlsx } from '../../../electron/core/xlsx/export-ledger';
import { importTaskTable, MAX_IMPORT_ROWS, parseDue } from '../../../electron/core/xlsx/import-table';
import { playMarch } from '../../../scripts/demo-march';
import { tempStore } from '../../helpers/temp-store';

async function workbook(rows: (string | number | null)[][], merge?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow(['某县2024年工作任务分解表']);
  for (const r of rows) ws.addRow(r);
  if (merge) ws.mergeCells(merge);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const TABLE = [
  ['序号', '工作内容', '工作任务', '牵头单位', '配合单位', '完成时限'],
  [1, '扩大有效投资', '新建标准厂房10万平方米。加快园区配套。', '市发改局', '市住建局、市自然资源局', '2023年6月底'],
  [2, null, '开展项目谋划年活动', '市发改局', '', '年底前'],
  [3, '优化营商环境', '推行“一件事一次办”', '市行政审批服务局', '各乡镇街道', '9月30日'],
];

const count = (store: Store) => (store.sqlite.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;

describe('Excel export', () => {
  it('writes the 任务分解表 layout with a frozen header, widths, wrapped text, status, light, latest progress and 销号 date', async () => {
    const store = tempStore();
    await playMarch(store);
    const { bytes, count: n } = await exportLedgerXlsx(store, getSettings(store), {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(n).toBe(197);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const headers = ['序号', '编号', '仗', '工作内容', '工作任务', '牵头单位', '配合单位', '责任人', '完成时限', '进度', '状态', '预警', '最新进展', '销号日期'];
    expect((ws.getRow(2).values as string[]).slice(1)).toEqual(headers);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(ws.getColumn(col('工作任务')).width).toBeGreaterThan(30);
    expect(ws.getCell(3, col('工作任务')).alignment?.wrapText).toBe(true);
    expect(ws.rowCount).toBe(2 + 197);
    const rows = [...Array(197).keys()].map((i) => ws.getRow(i + 3));
    const closed = store.sqlite.prepare("SELECT t.code, c.decided_on AS d FROM closeouts c JOIN tasks t ON t.id = c.task_id WHERE c.state = 'approved'").all() as { d: string }[];
    const closedRows = rows.filter((r) => r.getCell(col('状态')).value === '已销号');
    expect(closedRows).toHaveLength(closed.length);
    for (const r of closedRows) expect(String(r.getCell(col('销号日期')).value)).toMatch(/^2023年3月\d+日$/);
    // The latest line with its date; its percent in its own column, not repeated in the line.
    const reported = rows.find((r) => String(r.getCell(col('最新进展')).value))!;
    expect(String(reported.getCell(col('最新进展')).value)).toMatch(/^3月\d+日：/);
    expect(String(reported.getCell(col('最新进展')).value)).not.toMatch(/（\d+%）$/);
    expect(String(reported.getCell(col('进度')).value)).toMatch(/^\d+%$/);
    // Codes in their natural order within a battle: 2.表.3 before 2.表.12, 1.1.1-2 before 1.1.1-10.
    const codes = rows.map((r) => String(r.getCell(col('编号')).value));
    const at = (c: string) => codes.indexOf(c);
    expect(at('2.表.3')).toBeLessThan(at('2.表.12'));
    // Rows tall enough for their wrapped text: a long task is given more than one line.
    const long = rows.find((r) => String(r.getCell(col('工作任务')).value).length > 60)!;
    expect(long.height).toBeGreaterThan(30);
    // Printed on A3 landscape, one page wide, with page numbers at the foot.
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.headerFooter.oddFooter).toMatch(/&P/);
  });

  it('a filtered view exports only what it shows', async () => {
    const store = tempStore();
    const { count: n } = await exportLedgerXlsx(store, getSettings(store), { battle: 2 });
    expect(n).toBe(45);
  });
});

describe('Excel import of a 任务分解表', () => {
  it('guesses the columns, carries 工作内容 down, reads 时限, and adds every row to the section in one go', async () => {
    const store = tempStore();
    const who = getIdentity(store) ?? (await import('../../../electron/core/app/identity')).setIdentity(store, { office: '总指挥中心', role: 'center' });
    const content = await workbook(TABLE);
    const preview = await importTaskTable(store, who, { bytes: Buffer.from(content, 'base64'), fileName: 'table.xlsx', section: '', dryRun: true }, "2023-03-16");
    expect(preview.columns).toEqual(['seq', 'group', 'title', 'lead', 'co', 'due']);
    expect(preview.unknownUnits).toEqual([]);
    expect(preview.rows.map((r) => [r.group, r.title, r.due])).toEqual([
      ['扩大有效投资', '新建标准厂房10万平方米', '2023-06-30'],
      ['扩大有效投资', '开展项目谋划年活动', ''],
      ['优化营商环境', '推行“一件事一次办”', '2023-09-30'],
    ]);
    expect(preview.rows[0]!.co).toEqual(['市住建局', '市自然资源局']);
    const before = count(store);
    const done = await importTaskTable(store, who, { bytes: Buffer.from(content, 'base64'), fileName: 'table.xlsx', section: '1.3', dryRun: false }, "2023-03-16");
    expect(done.added).toBe(3);
    expect(count(store)).toBe(before + 3);
    const added = store.sqlite.prepare("SELECT code, group_label AS g, due_date AS due FROM tasks WHERE group_label <> '' AND code LIKE '1.3.%' ORDER BY ord, code").all();
    expect(added).toHaveLength(3);
  });

  it('lists unknown units and adds nothing; a changed column choice is honoured', async () => {
    const store = tempStore();
    const { setIdentity } = await import('../../../electron/core/app/identity');
    const who = setIdentity(store, { office: '总指挥中心', role: 'center' });
    const content = await workbook([TABLE[0]!, [1, '内容', '建设智慧园区', '市数字经济局', '市不存在局', '6月底']]);
    const preview = await importTaskTable(store, who, { bytes: Buffer.from(content, 'base64'), fileName: 'table.xlsx', section: '1.3', dryRun: true }, "2023-03-16");
    expect(preview.unknownUnits.sort()).toEqual(['市不存在局', '市数字经济局']);
    const before = store.sqlite.serialize();
    await expect(importTaskTable(store, who, { bytes: Buffer.from(content, 'base64'), fileName: 'table.xlsx', section: '1.3', dryRun: false }, "2023-03-16")).rejects.toThrow(/市数字经济局/);
    expect(Buffer.compare(store.sqlite.serialize(), before)).toBe(0);
    // The person says the 配合单位 column is not to be read: only the lead unit is then checked.
    const swapped = await importTaskTable(store, who, { bytes: Buffer.from(content, 'base64'), fileName: 'table.xlsx', section: '1.3', dryRun: true, columns: ['seq', 'group', 'title', 'lead', 'ignore', 'due'] }, "2023-03-16");
    expect(swapped.unknownUnits).toEqual(['市数字经济局']);
  });

  it('refuses broken, encrypted, huge and headerless files in Chinese, changing nothing', async () => {
    const store = tempStore();
    const { setIdentity } = await import('../../../electron/core/app/identity');
    const who = setIdentity(store, { office: '总指挥中心', role: 'center' });
    const good = Buffer.from(await workbook(TABLE), 'base64');
    const many = await workbook([TABLE[0]!, ...Array.from({ length: MAX_IMPORT_ROWS + 50 }, (_, i) => [i, '', `任务${i}`, '市发改局', '', ''])]);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const cases: [string, string][] = [
      ['empty', ''],
      ['not excel', Buffer.from('序号,工作任务\n1,任务').toString('base64')],
      ['encrypted or xls', ole.toString('base64')],
      ['truncated', good.subarray(0, good.length >> 1).toString('base64')],
      ['no header', await workbook([['甲', '乙'], ['1', '2']])],
      ['too many rows', many],
      ['bad date', await workbook([TABLE[0]!, [1, '', '任务甲', '市发改局', '', '13月底']])],
    ];
    const before = store.sqlite.serialize();
    for (const [name, contentBase64] of cases) {
      await expect(importTaskTable(store, who, { bytes: Buffer.from(contentBase64, 'base64'), fileName: name, section: '1.3', dryRun: false }, "2023-03-16"), name).rejects.toSatisfy(
        (e: unknown) => e instanceof AppError && /[\u4e00-\u9fff]/.test(e.message),
      );
    }
    expect(Buffer.compare(store.sqlite.serialize(), before)).toBe(0);
  });

  it('reads back its own export: every unit name is known', async () => {
    const store = tempStore();
    const { setIdentity } = await import('../../../electron/core/app/identity');
    const who = setIdentity(store, { office: '总指挥中心', role: 'center' });
    const { bytes } = await exportLedgerXlsx(store, getSettings(store), {});
    const preview = await importTaskTable(store, who, { bytes, fileName: 'table.xlsx', section: '', dryRun: true }, "2023-03-16");
    expect(preview.rows).toHaveLength(197);
    expect(preview.unknownUnits).toEqual([]);
  });

  it('reads 时限 as people write them', () => {
    expect(parseDue('2023年6月30日', 2023)).toBe('2023-06-30');
    expect(parseDue('6月底前', 2023)).toBe('2023-06-30');
    expect(parseDue('2月底', 2024)).toBe('2024-02-29');
    expect(parseDue('年底前', 2023)).toBe('');
    expect(parseDue('2023-11-15', 2023)).toBe('2023-11-15');
    expect(parseDue('下半年', 2023)).toBeNull();
    expect(parseDue('2月30日', 2023)).toBeNull();
  });
});
