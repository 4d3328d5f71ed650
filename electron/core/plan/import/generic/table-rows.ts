// Tables of tasks as they reach us in text: a Word table read one cell per line, a PDF or web table with
// cells separated by tabs or runs of spaces, or cells one per line after a header of one word per line.
// The header says which columns hold units and deadlines; rows start at their serial number, and a cell that
// does not fit its column (merged cells, empty cells, wrapped text) is placed by what it looks like.
import { readDeadline } from './deadline';
import { isUnitLike, splitNames } from './responsibility';
import { markerOf, type NumberedLine } from './numbered-items';

export type ColumnRole = 'serial' | 'category' | 'task' | 'lead' | 'resp' | 'co' | 'due' | 'leader' | 'note' | 'other';

const ROLE_WORDS: readonly [ColumnRole, RegExp][] = [
  ['serial', /^(序号|编号|序|No\.?)$/],
  ['lead', /^(牵头(单位|部门|单位及责任人)?|主责(单位|部门)|主办单位|责任主体|牵头责任单位)$/],
  ['co', /^(配合(单位|部门)|协办单位|参与单位|协同单位|配合|协助单位|协作单位)$/],
  ['resp', /^(责任(单位|部门)|负责(单位|部门)|实施(单位|主体)|承办单位|主要责任单位|责任单位及责任人|落实单位)$/],
  ['due', /^(完成(时限|时间|期限|年限)|时限|时间节点|时间安排|时间进度|进度安排|时限要求|时间要求|节点|完成时限及进度|计划完成时间|实施(时间|年限)|办结时限)$/],
  ['leader', /^(责任领导|牵头领导|分管领导|县级领导|市级领导|联系领导|责任人|联系人|牵头县领导|牵头市领导|包保领导)$/],
  ['note', /^(备注|说明)$/],
  ['category', /^(类别|类型|领域|板块|分类|工作类别|任务类别|重点领域|专项行动|行动|工作内容|重点工作)$/],
  ['task', /(任务|内容|项目|事项|实事|措施|举措|目标|名称|要求|指标|工作|清单|具体)/],
];

function roleOf(cell: string): ColumnRole | null {
  const c = cell.replace(/\s+/g, '');
  if (c.length === 0 || c.length > 12) return null;
  for (const [role, re] of ROLE_WORDS) if (re.test(c)) return role;
  // A column the ledger has no place for ("当前进度", "评分部门", "单位"): kept in the header, its cells set aside.
  return c.length <= 8 && /^[\u4e00-\u9fff]+$/.test(c) ? 'other' : null;
}

function isHeader(roles: (ColumnRole | null)[]): boolean {
  if (roles.some((r) => r === null)) return false;
  const unitCol = roles.some((r) => r === 'lead' || r === 'resp' || r === 'co');
  const others = roles.filter((r) => r === 'other').length;
  const firstUnit = roles.findIndex((r) => r === 'lead' || r === 'resp' || r === 'co');
  const taskCol = roles.some((r) => r === 'task' || r === 'category') || roles.slice(0, firstUnit).includes('other');
  return roles.length >= 3 && unitCol && taskCol && others * 2 <= roles.length;
}

/** A heading row of a table of a different kind has the same words: "类别" alone is a category only beside a task column. */
function settleRoles(input: ColumnRole[]): ColumnRole[] {
  // No column is called a task, but the first unnamed one before the units holds it.
  const firstUnit = input.findIndex((r) => r === 'lead' || r === 'resp' || r === 'co');
  const unnamed = input.findIndex((r) => r === 'other');
  const roles = !input.some((r) => r === 'task' || r === 'category') && unnamed >= 0 && unnamed < firstUnit ? input.map((r, i) => (i === unnamed ? 'task' : r)) : input;
  const tasks = roles.filter((r) => r === 'task').length;
  return roles.map((r, i) => (r === 'category' && tasks === 0 ? 'task' : r === 'task' && tasks > 1 && roles.indexOf('task') === i && roles.includes('serial') && !roles.includes('category') ? 'category' : r));
}

const DELIMITER = /\t+|\s{2,}|\s*[|｜]\s*/;

export interface TableRow {
  serial: string;
  category: string;
  cells: string[];
  text: string;
  lead: string[];
  resp: string[];
  co: string[];
  due: string;
  line: number;
}

export interface Table {
  start: number;
  end: number;
  roles: ColumnRole[];
  rows: TableRow[];
  /** Lines inside the table that belong to no row (a caption, a remark). */
  stray: NumberedLine[];
}

interface Header { roles: ColumnRole[]; at: number; next: number; delimited: boolean }

function headerAt(lines: readonly NumberedLine[], i: number): Header | null {
  const one = lines[i]!.text;
  for (const split of [DELIMITER, /\s+/]) {
    const cells = one.split(split).map((c) => c.trim()).filter(Boolean);
    if (cells.length >= 3) {
      const roles = cells.map(roleOf);
      if (isHeader(roles)) return { roles: settleRoles(roles as ColumnRole[]), at: i, next: i + 1, delimited: true };
    }
  }
  const roles: ColumnRole[] = [];
  let j = i;
  while (j < lines.length && j - i < 10) {
    const r = roleOf(lines[j]!.text);
    if (!r || (roles.includes(r) && r !== 'task' && r !== 'other')) break;
    roles.push(r);
    j++;
  }
  // The first row's category cell ("农业高质高效") sits right before its serial "1": it is data, not header.
  while (roles.at(-1) === 'other' && j < lines.length && SERIAL.test(lines[j]!.text)) {
    roles.pop();
    j--;
  }
  return isHeader(roles) ? { roles: settleRoles(roles), at: i, next: j, delimited: false } : null;
}

const SERIAL = /^(\d{1,4})\s*[.．、]?$/;
const ANNEX = /^附\s*件\s*\d*\s*[:：]?\s*$/;
const SIGN_OFF = /^(20\d{2}|二〇[一二三四五六七八九〇]{2})\s*年.{1,6}月.{1,4}日$/;
const ISSUER = /^[\u4e00-\u9fff（）()]{2,40}(人民政府|办公室|委员会|领导小组|指挥部|办公厅|管委会|党委|政府)$/;

function kindOf(cell: string, year: number): 'unit' | 'due' | 'text' {
  const names = splitNames(cell);
  if (names.length && names.every(isUnitLike) && cell.length <= 160) return 'unit';
  const d = readDeadline(cell, year);
  if (cell.length <= 40 && (d.due || d.ongoing || d.recurring) && !/[。；]/.test(cell)) return 'due';
  return 'text';
}

type UnitCol = 'lead' | 'resp' | 'co' | 'other';

function placeCells(cells: string[], roles: ColumnRole[], year: number): Omit<TableRow, 'serial' | 'category' | 'line'> & { categoryCell: string } {
  const row = { cells, text: '', lead: [] as string[], resp: [] as string[], co: [] as string[], due: '', categoryCell: '' };
  const cols = roles.filter((r) => r !== 'serial');
  // Merged and empty cells leave no line: a cell is placed by its column only when every column has one.
  const exact = cells.length === cols.length;
  const texts: string[] = [];
  const afterwards: string[] = [];
  const unitCells: string[][] = [];
  let namedLikeUnits = '';
  cells.forEach((cell, i) => {
    if (!cell) return;
    const role = exact ? cols[i]! : null;
    const kind = kindOf(cell, year);
    // "学校、幼儿园、午托部" in the task column is what is inspected, not who inspects.
    if (kind === 'unit' && (role === 'task' || role === 'category') && !namedLikeUnits && texts.length === 0) namedLikeUnits = cell;
    else if (kind === 'unit') unitCells.push(splitNames(cell).filter(isUnitLike));
    else if (role === 'leader' || role === 'note' || role === 'other') return;
    else if (role === 'due' || (kind === 'due' && (!role || !row.due))) row.due += cell;
    // The 类别 column groups rows: kept with the row's words, after them, so it does not name the task.
    else if (role === 'category' && cols.includes('task')) {
      row.categoryCell = cell;
      afterwards.push(cell);
    } else texts.push(cell);
  });
  texts.push(...afterwards);
  if (namedLikeUnits) {
    if (texts.length === 0 && unitCells.length) texts.unshift(namedLikeUnits);
    else unitCells.unshift(splitNames(namedLikeUnits).filter(isUnitLike));
  }
  // Unit cells go to the columns that can hold units, in the header's order; a column after them that the
  // ledger has no use for ("评分部门") takes the last cells, and extra cells are more names of the first.
  const first = cols.findIndex((r) => r === 'lead' || r === 'resp' || r === 'co');
  const unitCols: UnitCol[] = first < 0 ? ['resp'] : cols.slice(first).filter((r): r is UnitCol => r === 'lead' || r === 'resp' || r === 'co' || r === 'other');
  while (unitCols.length > 1 && unitCols.at(-1) === 'other' && unitCells.length < unitCols.length) unitCols.pop();
  const shift = Math.max(0, unitCells.length - unitCols.length);
  unitCells.forEach((names, i) => {
    const col = unitCols[Math.max(0, i - shift)] ?? 'resp';
    if (col !== 'other') row[col].push(...names);
  });
  row.text = texts.join('\n');
  return row;
}

/** Finds the tables of tasks among the lines; returns them and the lines that are not part of one. */
export function findTables(all: readonly NumberedLine[], year: number): { tables: Table[]; rest: NumberedLine[] } {
  // A web table copied as text can put its cell borders on lines of their own.
  const lines = all.filter((l) => !/^[|｜]+$/.test(l.text));
  const tables: Table[] = [];
  const rest: NumberedLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = headerAt(lines, i);
    if (!header) {
      rest.push(lines[i]!);
      i++;
      continue;
    }
    const table: Table = { start: lines[header.at]!.line, end: 0, roles: header.roles, rows: [], stray: [] };
    let category = '';
    let current: { serial: string; cells: string[]; line: number; category: string } | null = null;
    const flush = () => {
      if (current) {
        const { categoryCell, ...placed } = placeCells(current.cells, header.roles, year);
        // A merged 类别 cell prints on its first row only: the rows under it keep it.
        if (categoryCell) category = categoryCell;
        table.rows.push({ serial: current.serial, category: categoryCell || current.category, line: current.line, ...placed });
      }
      current = null;
    };
    let j = header.next;
    let lastSerial = 0;
    let newCategory = false;
    for (; j < lines.length; j++) {
      const text = lines[j]!.text;
      const compact = text.replace(/\s+/g, '');
      const signature = ISSUER.test(compact) && SIGN_OFF.test((lines[j + 1]?.text ?? '').replace(/\s+/g, ''));
      if (ANNEX.test(text) || SIGN_OFF.test(compact) || signature || headerAt(lines, j)) break;
      // Tab-separated rows (a Word or Excel table) keep their empty cells, so each cell stays in its column.
      const cells = !header.delimited ? [text] : text.includes('\t') ? text.split('\t').map((c) => c.trim()) : text.split(DELIMITER).map((c) => c.trim()).filter(Boolean);
      if (cells.every((c) => !c)) continue;
      // Without a 序号 column, each line of cells is a row.
      if (header.delimited && !header.roles.includes('serial') && cells.filter(Boolean).length >= 2) {
        flush();
        current = { serial: String(++lastSerial), cells, line: lines[j]!.line, category };
        continue;
      }
      const serial = SERIAL.exec(cells[0]!);
      // Numbering restarts at 1 only after a category row; a lone "1" elsewhere is a figure ("万只 1").
      if (serial && (Number(serial[1]) === lastSerial + 1 || (Number(serial[1]) === 1 && newCategory) || (lastSerial === 0 && Number(serial[1]) < 400))) {
        flush();
        newCategory = false;
        lastSerial = Number(serial[1]);
        current = { serial: serial[1]!, cells: cells.slice(1), line: lines[j]!.line, category };
        continue;
      }
      const mark = markerOf(text);
      if (mark && mark.level <= 2 && text.length <= 40 && cells.length === 1) {
        // A category row ("一、稳增长（10项）"), or the document going on after the table.
        if (current && table.rows.length > 0 && !looksLikeRowsFollow(lines, j + 1)) break;
        flush();
        category = mark.rest;
        newCategory = true;
        continue;
      }
      if (current) current.cells.push(...cells.filter(Boolean));
      else table.stray.push(lines[j]!);
    }
    flush();
    table.end = lines[j - 1]?.line ?? table.start;
    if (table.rows.length) tables.push(table);
    else rest.push(...lines.slice(header.at, j));
    i = j;
  }
  return { tables, rest };
}

function looksLikeRowsFollow(lines: readonly NumberedLine[], from: number): boolean {
  return lines.slice(from, from + 8).some((l) => SERIAL.test(l.text.split(DELIMITER)[0]!.trim()));
}
