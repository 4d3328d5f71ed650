// What exceljs will make of a workbook's XML, read before it does: it builds a row object per <row>, a cell per
// <c>, and one more cell for every cell a merged range, a data validation or a defined name covers (a
// validation on a whole column is a million cells); and the table is read down to its last row with content,
// however far below the rest that is (one stray cell at row 20,000 made the old reader run for minutes). The
// zip check hands the inflating parts here, so a table too long or too large is refused from its first rows
// past the cap, not after loading all of it.
import { AppError } from '../../../shared/errors';
import { attribute, type TagKind, type XmlEvents } from '../files/xml-tags';

export interface SheetLimits {
  /** The last row number that may hold content. */
  lastRow: number;
  /** Rows and cells exceljs would build, with every cell a range covers. */
  cells: number;
}

const RANGE = /\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g;
/** Names exceljs turns into page setup instead of expanding them cell by cell. */
const PAGE_SETUP_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Each cell reference or range in text (A1, $A$1:$K$2000): its cell count and last row. */
function* ranges(text: string): Generator<{ cells: number; bottom: number }> {
  for (const m of text.matchAll(RANGE)) {
    const [, c1, r1, c2 = c1!, r2 = r1!] = m as unknown as [string, string, string, string?, string?];
    const rows = Math.abs(Number(r2) - Number(r1)) + 1;
    const cols = Math.abs(column(c2) - column(c1!)) + 1;
    yield { cells: rows * cols, bottom: Math.max(Number(r1), Number(r2)) };
  }
}

/** Watches the parts exceljs expands: worksheets and the workbook's defined names. */
export function workbookWatcher(limits: SheetLimits): (part: string) => XmlEvents | undefined {
  let cells = 0;
  const spend = (n: number, part: string) => {
    cells += n;
    if (cells > limits.cells) {
      throw new AppError(
        'bad_input',
        `表格过大（单元格超过 ${limits.cells} 个，合并单元格、数据验证和名称所覆盖的单元格也计算在内），请只保留任务分解表后再导入。`,
        `more than ${limits.cells} rows and cells to build (at ${part})`,
      );
    }
  };
  const content = (row: number, part: string) => {
    if (row > limits.lastRow) {
      throw new AppError(
        'bad_input',
        `表格行数过多（第 ${row} 行仍有内容，最多读到第 ${limits.lastRow} 行），请分批导入；若表格下方有零星内容，请删除后再试。`,
        `content at row ${row} of ${part}, over ${limits.lastRow}`,
      );
    }
  };

  return (path) => {
    const part = path.replace(/^\//, '');
    // exceljs takes any part whose name merely contains xl/worksheets/sheetN.xml for a sheet ("x/xl/…" too).
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(part) || /xl\/worksheets\/sheet\d+[.]xml/.test(part)) return sheet(part, spend, content);
    if (part === 'xl/workbook.xml') return definedNames(part, spend);
    return undefined;
  };
}

function sheet(part: string, spend: (n: number, part: string) => void, content: (row: number, part: string) => void): XmlEvents {
  let row = 0;
  let cellRow = 0;
  let inCell = false;
  return {
    tag(name: string, kind: TagKind, raw: string) {
      if (kind === 'close') {
        if (name === 'c') inCell = false;
        return;
      }
      switch (name) {
        case 'row': {
          // exceljs numbers a row by its r; Excel numbers one without r after the row before.
          const r = Number(attribute(raw, 'r'));
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          spend(1, part);
          return;
        }
        case 'c': {
          spend(1, part);
          // Its own reference may name another row than its <row>: the larger counts.
          const ref = /\d+$/.exec(attribute(raw, 'r') ?? '');
          cellRow = Math.max(row, ref ? Number(ref[0]) : 0);
          inCell = kind === 'open';
          return;
        }
        case 'v':
        case 'f':
        case 'is':
          if (inCell) content(cellRow, part);
          return;
        case 'mergeCell':
          // Every cell of a merged range reads as its first one's value: content down to its bottom row.
          for (const r of ranges(attribute(raw, 'ref') ?? '')) {
            spend(r.cells, part);
            content(r.bottom, part);
          }
          return;
        case 'dataValidation':
          for (const r of ranges(attribute(raw, 'sqref') ?? '')) spend(r.cells, part);
          return;
      }
    },
  };
}

function definedNames(part: string, spend: (n: number, part: string) => void): XmlEvents {
  let text: string[] | null = null;
  return {
    tag(name, kind, raw) {
      if (name !== 'definedName') return;
      if (kind === 'open') text = PAGE_SETUP_NAMES.has(attribute(raw, 'name') ?? '') ? null : [];
      else if (kind === 'close' && text) {
        for (const r of ranges(text.join(''))) spend(r.cells, part);
        text = null;
      }
    },
    text(piece) {
      text?.push(piece);
    },
  };
}
