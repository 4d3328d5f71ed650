// Reads a 任务分解表 as text extracted from a PDF: the columns come out one after another, so a row is its
// 序号, then short label lines (工作内容 / 工作任务, merged cells spanning rows), then the task text, then unit
// names one per line (lead column first). Names broken over two lines are joined; a 序号 glued to the end of
// a unit line ("市乡村振兴局2") still starts its row; a row may hold several blocks of text each with units.

export interface TableBlock {
  text: string;
  units: string[];
}

export interface TableRow {
  number: number;
  /** The merged-cell labels in force for this row (carried down from the row that printed them). */
  labels: string;
  blocks: TableBlock[];
}

export interface ParsedTable {
  header: string;
  /** True when the table has a 配合单位 column: the first unit of a block leads, the others cooperate. */
  hasCoColumn: boolean;
  rows: TableRow[];
}

const ROW_START = /^(\d{1,3})(?:\s+(.*))?$/;
const LABEL_MAX = 6;

function isHeader(line: string): boolean {
  return /牵头单位/.test(line) && /序\s*号|民生实事|工作内容|工作任务/.test(line) || line === '序' || line === '号';
}

/** A merged-cell label line: short, no figures, no sentence punctuation ("省级、州级", "人才（团", "女“两癌”"). */
function isLabel(text: string): boolean {
  return text.length <= LABEL_MAX && !/[\d，。；：:,.%]/.test(text);
}

export function parseTaskTable(lines: readonly string[], isUnit: (name: string) => boolean): ParsedTable | null {
  const headerAt = lines.findIndex((l) => /牵头单位/.test(l));
  if (headerAt < 0) return null;
  // The header row may be one line ("序号 工作内容 … 配合单位") or, from a Word table, one line per cell.
  let headerEnd = headerAt;
  while (headerEnd + 1 < lines.length && !ROW_START.test(lines[headerEnd + 1]!.trim()) && lines[headerEnd + 1]!.trim().length <= 6) headerEnd++;
  const header = lines.slice(Math.max(0, headerAt - 4), headerEnd + 1).join(' ');
  const rows: TableRow[] = [];
  let row: TableRow | undefined;
  let labels: string[] = [];
  let carried = '';

  const block = () => {
    const b = row!.blocks.at(-1);
    if (b && b.units.length === 0) return b;
    const fresh = { text: '', units: [] };
    row!.blocks.push(fresh);
    return fresh;
  };
  const closeLabels = () => {
    if (!row) return;
    if (labels.length) carried = labels.join('');
    row.labels = carried;
    labels = [];
  };
  const startRow = (n: number) => {
    closeLabels();
    row = { number: n, labels: '', blocks: [] };
    rows.push(row);
  };
  /** Unit names at the end of a line, peeled off one by one ("… 市税务局 市科工信局"). */
  const peelUnits = (text: string): { rest: string; units: string[] } => {
    const tokens = text.split(/\s+/);
    const units: string[] = [];
    while (tokens.length && isUnit(tokens.at(-1)!)) units.unshift(tokens.pop()!);
    return { rest: tokens.join(' '), units };
  };
  const addText = (text: string) => {
    if (!row || !text) return;
    const hasText = row.blocks.some((b) => b.text);
    if (!hasText && isLabel(text)) {
      labels.push(text);
      return;
    }
    const b = block();
    b.text += text;
  };
  const addUnits = (units: string[]) => {
    if (!row || units.length === 0) return;
    const b = row.blocks.at(-1) ?? block();
    b.units.push(...units);
  };

  for (let i = headerEnd + 1; i < lines.length; i++) {
    let line = lines[i]!.trim();
    // Stray punctuation on a line of its own is page-layout debris.
    if (!line || isHeader(line) || /^[。，；、]$/.test(line)) continue;
    const next = (rows.at(-1)?.number ?? 0) + 1;
    const start = ROW_START.exec(line);
    if (start && Number(start[1]) === next) {
      startRow(next);
      line = start[2] ?? '';
      if (!line) continue;
      const first = line.split(/\s+/)[0]!;
      if (isLabel(first) && line.length > first.length) {
        labels.push(first);
        line = line.slice(first.length).trim();
      }
    }
    // A unit name broken over two lines: "市公用事业服务" + "中心".
    while (i + 1 < lines.length && !isUnit(line) && !peelUnits(line).units.length && isUnit(line + lines[i + 1]!.trim())) {
      line += lines[++i]!.trim();
    }
    const glued = /^(.*\D)(\d{1,3})$/.exec(line);
    if (glued && Number(glued[2]) === next && isUnit(glued[1]!)) {
      addUnits([glued[1]!]);
      startRow(next);
      continue;
    }
    const { rest, units } = peelUnits(line);
    addText(rest);
    addUnits(units);
  }
  closeLabels();
  return { header, hasCoColumn: /配合单位/.test(header), rows };
}
