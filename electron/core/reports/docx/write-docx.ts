// The document model → a .docx in the official format. Every run names its East Asian font (and a Latin one for
// digits), because Word and WPS otherwise fall back to the document default and the page stops looking official.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
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
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { ReportBlock, ReportDoc } from '../../../../shared/report';
import { CHAR, FONT, FOOTER_DISTANCE, LINE_PITCH, MARGIN, PAGE, RED, SIZE, TEXT_WIDTH } from './official-format';

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

function masthead(b: Extract<ReportBlock, { type: 'masthead' }>): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: 240, lineRule: LineRuleType.AUTO },
      children: [run(b.name, { font: FONT.title, size: SIZE.masthead, color: RED })],
    }),
    para([run(b.issue)], { alignment: AlignmentType.CENTER }),
    para([run(b.office), run('\t'), run(b.date)], {
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: rule(RED, 24) },
    }),
    blank(),
  ];
}

function redHeader(b: Extract<ReportBlock, { type: 'redHeader' }>): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 360, line: 240, lineRule: LineRuleType.AUTO },
      children: [run(b.issuer, { font: FONT.title, size: SIZE.redHeader, color: RED })],
    }),
    para([run(b.docNo)], { alignment: AlignmentType.CENTER, border: { bottom: rule(RED, 12) } }),
    blank(),
  ];
}

function table(b: Extract<ReportBlock, { type: 'table' }>): (Table | Paragraph)[] {
  const size = b.columns.length >= 6 ? SIZE.table : SIZE.tableLarge;
  const total = b.columns.reduce((n, c) => n + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const cellParas = (text: string, a: keyof typeof align, style: RunStyle) =>
    // Exact spacing keeps table lines off the 29 pt body grid (the grid would double their height).
    text.split('\n').map((line) => new Paragraph({ alignment: align[a], spacing: { line: Math.round(size * 1.5 * 20), lineRule: LineRuleType.EXACT }, children: [run(line, style)] }));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
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

function signature(b: Extract<ReportBlock, { type: 'signature' }>): Paragraph[] {
  // 成文日期右空四字; the office name centred over the date.
  const dateIndent = 4 * CHAR;
  const officeIndent = Math.max(0, dateIndent + (textWidth(b.date, SIZE.body) - textWidth(b.office, SIZE.body)) / 2);
  return [
    para([run('')], { keepNext: true }),
    para([run(b.office)], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(officeIndent) }, keepNext: true }),
    // Kept with the 版记 that follows, so the imprint never stands alone on a page.
    para([run(b.date)], { alignment: AlignmentType.RIGHT, indent: { right: dateIndent }, keepNext: true }),
  ];
}

function tail(b: Extract<ReportBlock, { type: 'tail' }>): Paragraph[] {
  const style = { size: SIZE.imprint };
  const n = b.lines.length;
  // The tail stays in one piece: each line is kept with the next, down to the copies line.
  const out = b.lines.map((line, i) =>
    para([run(line, style)], {
      keepNext: true,
      keepLines: true,
      // Wrapped lines hang under the text after 报：/送：/发：.
      indent: { left: SIZE.imprint * 20 * 3, right: SIZE.imprint * 20, hanging: SIZE.imprint * 20 * 2 },
      border: { ...(i === 0 ? { top: rule('000000', 8) } : {}), ...(i === n - 1 ? { bottom: rule('000000', 8) } : {}) },
    }),
  );
  if (b.copies) out.push(para([run(b.copies, style)], { alignment: AlignmentType.RIGHT, indent: { right: SIZE.imprint * 20 } }));
  return [para([run('')], { keepNext: true }), ...out];
}

function imprint(b: Extract<ReportBlock, { type: 'imprint' }>): Paragraph[] {
  const style = { size: SIZE.imprint };
  const indent = { left: SIZE.imprint * 20, right: SIZE.imprint * 20 };
  const out: Paragraph[] = [para([run('')], { keepNext: true })];
  if (b.cc) out.push(para([run(b.cc, style)], { indent, keepNext: true, border: { top: rule('000000', 8) } }));
  out.push(
    para([run(b.printer, style), run('\t'), run(b.printedOn, style)], {
      indent,
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * SIZE.imprint * 20 }],
      border: { ...(b.cc ? { top: rule('000000', 4) } : { top: rule('000000', 8) }), bottom: rule('000000', 8) },
    }),
  );
  return out;
}

function block(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.type) {
    case 'masthead':
      return masthead(b);
    case 'redHeader':
      return redHeader(b);
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH },
          children: [run(b.text, { font: FONT.title, size: SIZE.title })],
        }),
      ];
    case 'recipient':
      return [para([run(b.text)])];
    case 'heading':
      return [para([run(b.text, { font: b.level === 1 ? FONT.heading1 : FONT.heading2 })], { indent: { firstLine: 2 * CHAR }, keepNext: true })];
    case 'paragraph':
      return [para([run(b.text, { font: b.kai ? FONT.kai : FONT.body })], { indent: { firstLine: 2 * CHAR } })];
    case 'table':
      return table(b);
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
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: { ...MARGIN, header: FOOTER_DISTANCE, footer: FOOTER_DISTANCE } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: doc.blocks.flatMap(block),
      },
    ],
  });
  return Packer.toBuffer(d);
}
