// What the tester sent as 任务分解表: a cell of a gigabyte, a million rows, a sheet that declares a million rows,
// one stray cell at row 10,000 or 20,000 (the old reader ran for 35 s and over five minutes, and its 2,000-row
// cap never triggered), and what exceljs expands cell by cell (a validation on a whole column). Each is refused
// with its reason within seconds and little memory, the store unchanged; rows that only carry a format are read
// past, not refused.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { setIdentity } from '../../../electron/core/app/identity';
import type { Store } from '../../../electron/core/store/store';
import { importTaskTable, MAX_CELL_CHARS } from '../../../electron/core/xlsx/import-table';
import { bombPart, deflatedPart, measure, MB, SHEET_CLOSE, SHEET_OPEN, streamedPart, tableRow, xlsxWith, type RawPart } from '../../helpers/hostile-files';
import { tempStore } from '../../helpers/temp-store';

const HEAD = tableRow(1, ['序号', '工作任务', '牵头单位']) + tableRow(2, ['1', '新建标准厂房', '市发改局']);
const sheet = (body: string, before = '') => deflatedPart('', `${SHEET_OPEN.replace('<sheetData>', `${before}<sheetData>`)}${HEAD}${body}${SHEET_CLOSE}`);
/** The table's two rows, then what follows the sheet's data. */
const sheetThen = (after: string) => deflatedPart('', `${SHEET_OPEN}${HEAD}</sheetData>${after}</worksheet>`);

function* millionRows(): Generator<string> {
  yield SHEET_OPEN + HEAD;
  for (let from = 3; from <= 1_000_000; from += 10_000) {
    let piece = '';
    for (let n = from; n < from + 10_000 && n <= 1_000_000; n++) piece += `<row r="${n}"><c r="A${n}"><v>${n}</v></c></row>`;
    yield piece;
  }
  yield SHEET_CLOSE;
}

async function importing(store: Store, part: RawPart, name?: string) {
  const who = setIdentity(store, { office: '总指挥中心', role: 'center' });
  const contentBase64 = (await xlsxWith(part, name)).toString('base64');
  return () => importTaskTable(store, who, { bytes: Buffer.from(contentBase64, 'base64'), fileName: 'table.xlsx', section: '1.3', dryRun: false }, "2023-03-16");
}

async function refused(label: string, part: RawPart, reason: RegExp, name?: string) {
  const store = tempStore();
  const run = await importing(store, part, name);
  const before = store.sqlite.serialize();
  const m = await measure(label, run);
  expect(m.error, label).toBeInstanceOf(AppError);
  expect((m.error as AppError).message, label).toMatch(reason);
  // Well under the 5 s asked for, and loose enough for a busy machine.
  expect(m.ms, label).toBeLessThan(3000);
  if (m.peakMB !== null) expect(m.peakMB - m.beforeMB, label).toBeLessThan(300);
  expect(Buffer.compare(store.sqlite.serialize(), before), label).toBe(0);
}

describe('an Excel table refused before exceljs builds it', () => {
  it('refuses content below the 2,000-row cap: a stray cell at row 10,000 or 20,000, a sheet that declares 1,000,000 rows', async () => {
    await refused('stray cell at row 20,000', sheet(tableRow(20000, ['x'])), /表格行数过多（第 20000 行仍有内容，最多读到第 2020 行）/);
    await refused('stray cell at row 10,000', sheet(tableRow(10000, ['x'])), /第 10000 行仍有内容/);
    // exceljs reads this part as sheet 1 too.
    await refused('stray cell in x/xl/worksheets/sheet1.xml', sheet(tableRow(20000, ['x'])), /第 20000 行仍有内容/, 'x/xl/worksheets/sheet1.xml');
    await refused('row 1,000,000 declared', sheet(tableRow(1_000_000, ['x']), '<dimension ref="A1:C1000000"/>'), /第 1000000 行仍有内容/);
    await refused('2,100 rows', sheet(Array.from({ length: 2100 }, (_, i) => tableRow(i + 3, [`${i}`, `任务${i}`, '市发改局'])).join('')), /第 2021 行仍有内容/);
    // A merged range reads as content all the way down.
    await refused('merge to row 5,000', sheetThen('<mergeCells count="1"><mergeCell ref="A3:A5000"/></mergeCells>'), /第 5000 行仍有内容/);
  });

  it('refuses a million rows, by their size or (headers lying) at the first row past the cap', async () => {
    const rows = streamedPart('', millionRows());
    expect(rows.data.length).toBeLessThan(10 * MB);
    await refused('1,000,000 rows', rows, /解压后过大（其中“xl\/worksheets\/sheet1.xml”声明 \d+ MB，每个部件最多 32 MB）/);
    await refused('1,000,000 rows, size declared small', { ...rows, declared: 1000 }, /第 2021 行仍有内容/);
  });

  it('refuses a cell of a gigabyte, and one longer than Excel allows', async () => {
    const cell = (declared?: number) =>
      bombPart('', { prefix: `${SHEET_OPEN}${HEAD}<row r="3"><c r="B3" t="inlineStr"><is><t>`, fill: Buffer.alloc(MB, 0x41), times: 1024, suffix: `</t></is></c></row>${SHEET_CLOSE}`, ...(declared ? { declared } : {}) });
    await refused('1 GB cell', cell(), /解压后过大（其中“xl\/worksheets\/sheet1.xml”声明 1024 MB/);
    await refused('1 GB cell, size declared small', cell(1000), /一段文字过长（“xl\/worksheets\/sheet1.xml”中超过 256 KB）/);
    await refused('a cell of 40,000 characters', sheet(tableRow(3, ['2', '任'.repeat(40_000), '市发改局'])), new RegExp(`第 3 行第 2 列的内容超过 ${MAX_CELL_CHARS} 个字`));
  });

  it('refuses what exceljs would expand cell by cell: a validation on whole columns, 200,000 formatted cells', async () => {
    const validation = '<dataValidations count="1"><dataValidation type="list" sqref="C3:C1048576"><formula1>"市发改局"</formula1></dataValidation></dataValidations>';
    await refused('validation on a whole column', sheetThen(validation), /表格过大（单元格超过 200000 个/);
    const wide = Array.from({ length: 2000 }, (_, r) => `<row r="${r + 3}">${Array.from({ length: 101 }, (_, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${r + 3}" s="0"/>`).join('')}</row>`).join('');
    await refused('202,000 formatted cells', sheet(wide), /表格过大（单元格超过 200000 个/);
  });

  it('reads a table whose rows below carry only a format, down to its last row with content', async () => {
    const store = tempStore();
    const formatted = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 3}" ht="20" customHeight="1"><c r="A${i + 3}" s="0"/></row>`).join('');
    const run = await importing(store, sheet(formatted, '<dimension ref="A1:C1000000"/>'));
    const start = performance.now();
    const r = await run();
    expect(performance.now() - start).toBeLessThan(3000);
    expect(r.rows.map((x) => x.title)).toEqual(['新建标准厂房']);
    expect(r.added).toBe(1);
  });
});
