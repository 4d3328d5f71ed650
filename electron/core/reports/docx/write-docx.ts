// The document model → a .docx in the official format. Every run names its East Asian font (and a Latin one for
// digits), because Word and WPS otherwise fall back to the document default and the page stops looking official.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FrameAnchorType,
  FrameWrap,
  HeightRule,
  HorizontalPositionAlign,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  VerticalPositionAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import JSZip from 'jszip';
import type { ReportBlock, ReportDoc } from '../../../../shared/report';
import { CHAR, FONT, FOOTER_DISTANCE, LINE_PITCH, MARGIN, mm, PAGE, RED, SIZE, TEXT_WIDTH } from './official-format';

interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
  color?: string;
}

function run(text: string, { font = FONT.body, size = SIZE.body, bold, color }: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin },
    size: size * 2,
    ...(bold ? { bold } : {}),
    ...(color ? { color } : {}),
  });
}

/** Body lines on the 22-line grid. */
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function para(children: TextRun[], opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ spacing: exact, ...opts, children });
}

const blank = () => para([run('')]);

/** Width of a line of text in twips at a size, counting Latin characters and digits as half a character. */
function textWidth(text: string, size: number): number {
  let halves = 0;
  for (const ch of text) halves += /[\x20-\x7e]/.test(ch) ? 1 : 2;
  return (halves * size * 20) / 2;
}

const rule = (color: string, size: number) => ({ style: BorderStyle.SINGLE, color, size, space: 1 });

/** 小初 (36 pt), or smaller when the name would not fit on one line of the text block. */
export function mastheadSize(name: string, largest: number = SIZE.masthead): number {
  return Math.min(largest, Math.floor((TEXT_WIDTH / 20 / (textWidth(name, 1) / 20)) * 0.96));
}

function masthead(b: Extract<ReportBlock, { type: 'masthead' }>): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: 240, lineRule: LineRuleType.AUTO },
      // A long name (…调度会议纪要) is set smaller so it stays on one line.
      children: [run(b.name, { font: FONT.title, size: mastheadSize(b.name), color: RED })],
    }),
    para([run(b.issue)], { alignment: AlignmentType.CENTER }),
    para([run(b.office), run('\t'), run(b.date)], {
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: rule(RED, 24) },
    }),
    blank(),
  ];
}

/**
 * 发文机关标志 (GB/T 9704 7.2.3–7.2.5): its top 35 mm under the text block's top, in red 小标宋; the document number
 * two lines under it; the red rule 4 mm under the number.
 */
function redHeader(b: Extract<ReportBlock, { type: 'redHeader' }>): Paragraph[] {
  return [
    new Paragraph({
      style: NO_GRID,
      alignment: AlignmentType.CENTER,
      spacing: { before: b.compact ? 0 : mm(35), after: b.compact ? LINE_PITCH : 2 * LINE_PITCH, line: Math.round(SIZE.redHeader * 1.2 * 20), lineRule: LineRuleType.EXACT },
      children: [run(b.issuer, { font: FONT.title, size: mastheadSize(b.issuer, SIZE.redHeader), color: RED })],
    }),
    para([run(b.docNo)], { alignment: AlignmentType.CENTER, border: { bottom: { ...rule(RED, 12), space: 11 } } }),
    blank(),
  ];
}

/** Paragraphs of this style keep their own line height: off the 22-line body grid (tables, titles, 版记), which
 * would otherwise stretch each table line to a full body line and turn a 5-page notice into 7. */
const NO_GRID = 'NoGrid';

const CELL_MARGIN = 80;

/**
 * Column widths in twips: in proportion to the given weights, but never narrower than the header's text (so no
 * header breaks inside a word) or than the widest code in a 编号 column ("2.表.12" on one line).
 */
export function columnWidths(b: Extract<ReportBlock, { type: 'table' }>, size: number): number[] {
  const slack = 2 * CELL_MARGIN + 160;
  const need = b.columns.map((c, i) => {
    const header = textWidth(c.title, size);
    // A column of short values (a code, a date, a percent) is as wide as its widest value, so none wraps.
    const widest = Math.max(0, ...b.rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map((l) => textWidth(l, size)))));
    return Math.max(header, widest <= 6 * size * 20 ? widest : 0) + slack;
  });
  const total = b.columns.reduce((n, c) => n + c.width, 0);
  let widths = b.columns.map((c) => (c.width / total) * TEXT_WIDTH);
  // Columns under their need take it; the others share what is left in their proportions, until none is under.
  const fixed = b.columns.map(() => false);
  for (let pass = 0; pass < b.columns.length; pass++) {
    const under = widths.map((w, i) => !fixed[i] && w < need[i]!);
    if (!under.some(Boolean)) break;
    under.forEach((u, i) => (fixed[i] ||= u));
    const taken = widths.reduce((n, w, i) => n + (fixed[i] ? need[i]! : 0), 0);
    const freeWeight = b.columns.reduce((n, c, i) => n + (fixed[i] ? 0 : c.width), 0);
    if (!freeWeight) break;
    widths = widths.map((_, i) => (fixed[i] ? need[i]! : (b.columns[i]!.width / freeWeight) * (TEXT_WIDTH - taken)));
  }
  return widths.map((w) => Math.floor(w));
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const cellParas = (text: string, a: keyof typeof ALIGN, style: RunStyle) =>
  text.split('\n').map(
    (line) =>
      new Paragraph({
        style: NO_GRID,
        alignment: ALIGN[a],
        spacing: { line: Math.round((style.size ?? SIZE.table) * 1.5 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [run(line, style)],
      }),
  );

function table(b: Extract<ReportBlock, { type: 'table' }>): (Table | Paragraph)[] {
  // One size for every data table: 小四.
  const size = SIZE.table;
  const widths = columnWidths(b, size);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
      children: cellParas(text, header ? 'center' : b.columns[i]!.align, header ? { font: FONT.heading1, size } : { size }),
    });
  const out: (Table | Paragraph)[] = [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        // The header row repeats on every page the table runs onto.
        new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.title, i, true)) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false)) })),
      ],
    }),
  ];
  if (b.note) out.push(para([run(b.note, { font: FONT.kai, size: SIZE.table })], { indent: { firstLine: CHAR } }));
  return out;
}

/** A form on a four-column grid (label, value, label, value): 四号 仿宋, labels in 黑体. */
function form(b: Extract<ReportBlock, { type: 'form' }>): Table {
  const size = SIZE.imprint;
  const grid = [0.16, 0.34, 0.16, 0.34].map((x) => Math.floor(x * TEXT_WIDTH));
  const lineHeight = Math.round(size * 1.5 * 20);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    rows: b.rows.map((r) => {
      let col = 0;
      return new TableRow({
        // The reply box may run onto the next page; the other rows stay whole.
        cantSplit: !r.cells.some((c) => c.sign),
        ...(r.lines ? { height: { value: r.lines * lineHeight + 80, rule: HeightRule.ATLEAST } } : {}),
        children: r.cells.map((c) => {
          const span = c.span ?? 1;
          const width = grid.slice(col, col + span).reduce((n, w) => n + w, 0);
          col += span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            verticalAlign: c.sign ? VerticalAlign.BOTTOM : VerticalAlign.CENTER,
            margins: { top: 60, bottom: 60, left: CELL_MARGIN, right: CELL_MARGIN + (c.sign ? 2 * size * 20 : 0) },
            children: cellParas(c.text, c.label ? 'center' : c.sign ? 'right' : 'left', c.label ? { font: FONT.heading1, size } : { size }),
          });
        }),
      });
    }),
  });
}

function signature(b: Extract<ReportBlock, { type: 'signature' }>): Paragraph[] {
  // 成文日期右空四字; the office name centred over the date.
  const dateIndent = 4 * CHAR;
  const officeIndent = Math.max(0, dateIndent + (textWidth(b.date, SIZE.body) - textWidth(b.office, SIZE.body)) / 2);
  return [
    para([run('')], { keepNext: true }),
    para([run(b.office)], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(officeIndent) }, keepNext: true }),
    para([run(b.date)], { alignment: AlignmentType.RIGHT, indent: { right: dateIndent } }),
  ];
}

/**
 * 版记 and the 简报's 报/送/发 tail sit at the foot of the last page, whatever the length of the body: their
 * paragraphs share one frame anchored to the bottom of the text block. The rules run the full text width, so the
 * text is set in by one full-width space instead of by indents (which would shorten the rules).
 */
const FOOT_FRAME = {
  type: 'alignment' as const,
  alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
  anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
  width: TEXT_WIDTH,
  wrap: FrameWrap.AROUND,
};
const footLine = { line: Math.round(SIZE.imprint * 1.6 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INSET = '\u3000';

// Every paragraph of a frame has the same borders: Word and LibreOffice then draw one box around the group (top
// above the first, bottom under the last, `between` between them). Paragraphs with differing borders are not
// framed by LibreOffice at all.
function tail(b: Extract<ReportBlock, { type: 'tail' }>): Paragraph[] {
  const style = { size: SIZE.imprint };
  const border = { top: rule('000000', 8), bottom: rule('000000', 8) };
  const n = b.lines.length;
  const out = b.lines.map(
    (line, i) =>
      new Paragraph({
        style: NO_GRID,
        frame: FOOT_FRAME,
        spacing: footLine,
        border,
        // Wrapped lines hang under the text after 报：/送：/发：; the copies printed end the last line.
        indent: { left: SIZE.imprint * 20 * 3, hanging: SIZE.imprint * 20 * 2 },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - SIZE.imprint * 20 * 2 }],
        children: [run(line, style), ...(i === n - 1 && b.copies ? [run('\t'), run(b.copies, style)] : [])],
      }),
  );
  return [frameAnchor(), ...out, frameAnchor()];
}

function imprint(b: Extract<ReportBlock, { type: 'imprint' }>): Paragraph[] {
  const style = { size: SIZE.imprint };
  // No `between` rule under the 抄送 line: LibreOffice frames no paragraphs that have one.
  const border = { top: rule('000000', 8), bottom: rule('000000', 8) };
  const lines: TextRun[][] = [];
  if (b.cc) lines.push([run(`${INSET}${b.cc}`, style)]);
  lines.push([run(`${INSET}${b.printer}`, style), run('\t'), run(b.printedOn, style)]);
  const out = lines.map(
    (children) =>
      new Paragraph({
        style: NO_GRID,
        frame: FOOT_FRAME,
        spacing: footLine,
        border,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - SIZE.imprint * 20 }],
        children,
      }),
  );
  // LibreOffice frames no paragraphs that follow a table directly: a one-point paragraph stands between.
  return [frameAnchor(), ...out, frameAnchor()];
}

/** A frame's paragraphs are anchored to the paragraph after them: a one-point one, so nothing visible follows
 * (and one before, so a table never directly precedes the frame). */
const frameAnchor = () =>
  new Paragraph({ style: NO_GRID, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', { size: 1 })] });

/** 附件说明: "附件：" two characters in, the names numbered and aligned after it. */
function attachments(b: Extract<ReportBlock, { type: 'attachments' }>): Paragraph[] {
  const many = b.names.length > 1;
  const lead = 2 * CHAR + textWidth('附件：', SIZE.body);
  return [
    blank(),
    ...b.names.map((name, i) =>
      para([run(`${i === 0 ? '附件：' : ''}${many ? `${i + 1}．` : ''}${name}`)], {
        indent: i === 0 ? { left: lead, hanging: lead - 2 * CHAR } : { left: lead },
        keepNext: true,
      }),
    ),
  ];
}

/** An attachment after the signature: on a new page, "附件N" flush left in 黑体, its title centred. */
function annex(b: Extract<ReportBlock, { type: 'annex' }>): Paragraph[] {
  return [
    para([run(b.label, { font: FONT.heading1 })], { pageBreakBefore: true, keepNext: true }),
    new Paragraph({
      style: NO_GRID,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: Math.round(SIZE.title * 1.3 * 20), lineRule: LineRuleType.EXACT, before: LINE_PITCH, after: LINE_PITCH },
      children: [run(b.title, { font: FONT.title, size: SIZE.title })],
    }),
  ];
}

/** `keepWithNext`: the last lines of the body stay with the signature, which never stands alone on a page. */
function block(b: ReportBlock, keepWithNext = false): (Paragraph | Table)[] {
  switch (b.type) {
    case 'masthead':
      return masthead(b);
    case 'redHeader':
      return redHeader(b);
    case 'title':
      return [
        new Paragraph({
          style: NO_GRID,
          alignment: AlignmentType.CENTER,
          keepNext: true,
          // 二号 on its own line height: a two-line title is not spread over two full grid lines each.
          spacing: { line: Math.round(SIZE.title * 1.3 * 20), lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH },
          children: [run(b.text, { font: FONT.title, size: SIZE.title, ...(b.color ? { color: b.color } : {}) })],
        }),
      ];
    case 'recipient':
      return [para([run(b.text)])];
    case 'heading':
      return [para([run(b.text, { font: b.level === 1 ? FONT.heading1 : FONT.heading2 })], { indent: { firstLine: 2 * CHAR }, keepNext: true })];
    case 'paragraph':
      return [para([run(b.text, { font: b.kai ? FONT.kai : FONT.body })], { indent: { firstLine: 2 * CHAR }, ...(keepWithNext ? { keepNext: true, keepLines: true } : {}) })];
    case 'table':
      return table(b);
    case 'form':
      return [form(b)];
    case 'attachments':
      return attachments(b);
    case 'attendance': {
      const lead = 2 * CHAR + textWidth(`${b.label}：`, SIZE.body);
      return [blank(), para([run(`${b.label}：`, { font: FONT.heading1 }), run(b.text)], { indent: { left: lead, hanging: lead - 2 * CHAR } })];
    }
    case 'annex':
      return annex(b);
    case 'signature':
      return signature(b);
    case 'tail':
      return tail(b);
    case 'imprint':
      return imprint(b);
  }
}

/** — N — in 四号 宋体, one character in from the text block's outer edge: right on odd pages, left on even. */
function pageNumber(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE.pageNumber * 20 } : { left: SIZE.pageNumber * 20 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: FONT.pageNumber, ascii: FONT.pageNumber, hAnsi: FONT.pageNumber },
            size: SIZE.pageNumber * 2,
          }),
        ],
      }),
    ],
  });
}

export async function writeDocx(doc: ReportDoc, meta: { creator: string }): Promise<Buffer> {
  const d = new Document({
    creator: meta.creator,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: { eastAsia: FONT.body, ascii: FONT.latin, hAnsi: FONT.latin }, size: SIZE.body * 2 } },
      },
      paragraphStyles: [{ id: NO_GRID, name: 'No Grid', basedOn: 'Normal', paragraph: { spacing: { before: 0, after: 0 } } }],
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: { ...MARGIN, header: FOOTER_DISTANCE, footer: FOOTER_DISTANCE } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: doc.blocks.flatMap((b, i) => block(b, doc.blocks[i + 1]?.type === 'signature' || (doc.blocks[i + 1]?.type === 'attachments' && b.type === 'paragraph'))),
      },
    ],
  });
  return offGrid(await Packer.toBuffer(d));
}

/** The library has no paragraph-level snapToGrid: the NoGrid style gets it in its properties, where Word and
 * LibreOffice both read it (w:snapToGrid sits just before w:spacing in a paragraph's properties). */
async function offGrid(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file('word/styles.xml')!.async('string');
  const patched = styles.replace(/(<w:style [^>]*w:styleId="NoGrid"[^>]*>[\s\S]*?<w:pPr>[\s\S]*?)(<w:spacing )/, '$1<w:snapToGrid w:val="0"/>$2');
  if (patched === styles) throw new Error('NoGrid style not found in styles.xml');
  zip.file('word/styles.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
