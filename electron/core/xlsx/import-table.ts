// A 任务分解表 from Excel into one section of the plan: the header row is found and its columns guessed from
// their names (the person can change the guess), unit names are resolved against the directory, and every row
// goes in one transaction — or, with any unknown unit or bad row, nothing does.
import { FILE_MAX_BYTES } from '../../../shared/limits';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs';
import { workbookWatcher } from './sheet-guard';
import { checkZip, type ZipLimits } from '../files/zip-guard';
import { AppError } from '../../../shared/errors';
import { daysInMonth } from '../../../shared/period';
import { importColumnFields, type ImportColumnField, type XlsxImportResult } from '../../../shared/xlsx-import';
import type { Identity } from '../../../shared/workflow';
import { addTask } from '../ledger/actions';
import { planInfo } from '../ledger/queries';
import type { Store } from '../store/store';
import { unitIdByName } from '../app/units';

export const MAX_XLSX_BYTES = FILE_MAX_BYTES.taskTable;
export const MAX_IMPORT_ROWS = 2000;
/** Task rows, and up to 20 rows of title, header and notes above them. */
const LAST_ROW = MAX_IMPORT_ROWS + 20;
/** Excel's own limit for one cell. */
export const MAX_CELL_CHARS = 32767;

/**
 * A 2,000-row 任务分解表 is a few megabytes of XML and some 50,000 elements; exceljs holds ~250 bytes per element
 * and cell, so these keep a workbook that passes them within ~1.5 s and ~150 MB (measured).
 */
export const XLSX_LIMITS: ZipLimits & { cells: number } = {
  entries: 1000,
  entryBytes: 32 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  ratio: 100,
  elements: 500_000,
  // A cell of 32,767 characters is at most ~130 KB of XML (four bytes a character, a few entities).
  textBytes: 256 * 1024,
  cells: 200_000,
};

const GUESS: [ImportColumnField, RegExp][] = [
  ['seq', /^(序号|编号|序)$/],
  ['lead', /牵头|责任单位|主办/],
  ['co', /配合|协办|参与/],
  ['due', /时限|时间|期限|完成日期/],
  ['group', /工作内容|重点工作|工作事项|类别|领域/],
  ['title', /工作任务|主要任务|具体任务|任务|工作措施|举措/],
];

export function guessField(header: string): ImportColumnField {
  const h = header.replace(/\s/g, '');
  return GUESS.find(([, re]) => re.test(h))?.[0] ?? 'ignore';
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

/** 2023-06-30 · 2023年6月30日 · 6月底 · 6月底前 · 年底前 (→ '') in the plan year. */
export function parseDue(text: string, year: number): string | null {
  const t = text.replace(/\s/g, '');
  if (!t || /年底|全年|长期|持续/.test(t)) return '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return t;
  const m = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末)?/.exec(t);
  if (!m) return null;
  const y = Number(m[1] ?? year);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(y, month);
  const day = m[3] ? Number(m[3]) : last;
  if (day < 1 || day > last) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const splitUnits = (s: string) =>
  s
    .split(/[、，,；;\s/]+/)
    .map((u) => u.replace(/（[^）]*）|\([^)]*\)/g, '').replace(/牵头$/, '').trim())
    .filter(Boolean);

/** Only .xlsx (a zip) is read; an encrypted workbook or an old .xls is an OLE file and gets its own message. */
function checkContainer(bytes: Buffer): void {
  if (bytes.length === 0) throw new AppError('bad_input', '文件是空的。', 'empty xlsx');
  if (bytes.length > MAX_XLSX_BYTES) throw new AppError('bad_input', `文件过大（超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB），请只保留任务分解表所在的工作表。`, `xlsx ${bytes.length} bytes`);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new AppError('bad_input', '这个文件设有打开密码，或是旧版 .xls 格式。请在 Excel/WPS 中取消密码并另存为 .xlsx 后再导入。', 'OLE container: encrypted or xls');
  }
  if (!bytes.subarray(0, 2).equals(Buffer.from('PK'))) throw new AppError('bad_input', '这不是 Excel (.xlsx) 文件。', 'not a zip');
}

const damaged = (detail: string) => new AppError('bad_input', '无法读取这个 Excel 文件，文件可能已损坏。请在 Excel/WPS 中打开后另存为 .xlsx 再试。', detail);

export async function readRows(bytes: Buffer): Promise<string[][]> {
  checkContainer(bytes);
  await checkZip(bytes, XLSX_LIMITS, { what: '这个 Excel 文件', damaged, watch: workbookWatcher({ lastRow: LAST_ROW, cells: XLSX_LIMITS.cells }) });
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw damaged(`exceljs: ${(err as Error).message}`);
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new AppError('bad_input', '工作簿中没有内容。', 'no rows');
  // Down to the last row with content, not to rowCount: rows below it that only carry a format are not read.
  let last = 0;
  ws.eachRow((_row, n) => (last = n));
  if (last > LAST_ROW) {
    throw new AppError('bad_input', `表格行数过多（第 ${last} 行仍有内容，最多读到第 ${LAST_ROW} 行），请分批导入。`, `content at row ${last}`);
  }
  // columnCount walks every row: asked once, not once per cell (that made 2,000 rows take seconds).
  const columns = Math.min(ws.columnCount, 40);
  const rows: string[][] = [];
  for (let n = 1; n <= last; n++) {
    const row = ws.findRow(n);
    const cells: string[] = [];
    // Merged cells (a 工作内容 spanning rows) read as their master's value.
    for (let c = 1; row && c <= columns; c++) {
      const text = cellText(row.getCell(c).value);
      if (text.length > MAX_CELL_CHARS) {
        throw new AppError('bad_input', `第 ${n} 行第 ${c} 列的内容超过 ${MAX_CELL_CHARS} 个字（Excel 单元格的上限），未导入。`, `cell ${n}:${c} of ${text.length} chars`);
      }
      cells.push(text);
    }
    rows.push(cells);
  }
  return rows;
}

export interface XlsxImportInput {
  bytes: Buffer;
  fileName: string;
  section: string;
  /** Field per column, when the person changed the guess. */
  columns?: ImportColumnField[];
  dryRun: boolean;
}

export async function importTaskTable(store: Store, who: Identity, input: XlsxImportInput, today: string): Promise<XlsxImportResult> {
  const rows = await readRows(input.bytes);
  // The header row names at least two different fields (a merged title row repeats one text across its cells).
  const headerAt = rows.slice(0, 15).findIndex((r) => new Set(r.map(guessField).filter((f) => f !== 'ignore')).size >= 2);
  if (headerAt < 0) throw new AppError('bad_input', '没有找到表头行（应含“工作任务”“牵头单位”等列名）。', 'no header row');
  const headers = rows[headerAt]!;
  // A field is read from the first column that names it.
  const guessed = headers.map(guessField).map((f, i, all) => (f !== 'ignore' && all.indexOf(f) < i ? 'ignore' : f));
  const columns = input.columns ?? guessed;
  if (columns.length !== headers.length || columns.some((c) => !(importColumnFields as readonly string[]).includes(c))) {
    throw new AppError('bad_input', '列的对应关系与表头不一致，请重新选择文件。', 'columns mismatch');
  }
  const col = (f: ImportColumnField) => columns.indexOf(f);
  if (col('title') < 0) throw new AppError('bad_input', '请指定哪一列是“工作任务”。', 'no title column');
  if (col('lead') < 0) throw new AppError('bad_input', '请指定哪一列是“牵头单位”。', 'no lead column');

  const year = planInfo(store).year;
  const byName = unitIdByName(store);
  const unknown = new Set<string>();
  const out: XlsxImportResult['rows'] = [];
  let group = '';
  rows.slice(headerAt + 1).forEach((r, i) => {
    const at = (f: ImportColumnField) => (col(f) >= 0 ? (r[col(f)] ?? '').trim() : '');
    if (at('group')) group = at('group');
    const text = at('title');
    if (!text) return;
    const lead = splitUnits(at('lead'));
    const co = splitUnits(at('co')).filter((u) => !lead.includes(u));
    const problems: string[] = [];
    for (const u of [...lead, ...co]) if (!byName.has(u)) unknown.add(u);
    if (!lead.length) problems.push('缺少牵头单位');
    const due = parseDue(at('due'), year);
    if (due === null) problems.push(`看不懂完成时限“${at('due')}”`);
    else if (due && !due.startsWith(`${year}-`)) problems.push(`完成时限不在${year}年内`);
    // The task's name is its first sentence; the whole cell is its content.
    const title = (text.split(/[。；;\n]/)[0] ?? text).slice(0, 60);
    out.push({ row: headerAt + i + 2, group, title, content: text.slice(0, 5000), lead, co, due: due ?? '', problems });
  });
  if (!out.length) throw new AppError('bad_input', '表头以下没有任务行。', 'no data rows');

  const result: XlsxImportResult = { headers, columns, guessed, rows: out, unknownUnits: [...unknown], added: 0, section: input.section };
  if (input.dryRun) return result;
  if (!input.section.trim()) throw new AppError('bad_input', '请选择导入到哪一方面的工作任务（如 1.3）。', 'no section');
  if (unknown.size) {
    throw new AppError('bad_input', `以下单位不在单位名录中：${[...unknown].join('、')}。请改为名录中的名称（或简称）后再导入。`, `unknown units ${[...unknown].join(',')}`);
  }
  const bad = out.filter((r) => r.problems.length);
  if (bad.length) {
    throw new AppError('bad_input', `第 ${bad.map((r) => r.row).join('、')} 行有问题（${bad[0]!.problems.join('，')}），请修改后再导入。`, `bad rows ${bad.length}`);
  }
  // All rows or none.
  store.sqlite.transaction(() => {
    for (const r of out) {
      addTask(store, who, { section: input.section, title: r.title, content: r.content, leadUnits: r.lead, coUnits: r.co, group: r.group, ...(r.due ? { dueDate: r.due } : {}) }, today);
    }
  })();
  return { ...result, added: out.length };
}
