// GB/T 9704-2012 numbers (docs/official-format.md) in Word's units: twips (1/20 pt) and half-points.

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** The text block: 156 mm wide. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** 22 lines in the 225 mm text block (28.99 pt each); 28.95 pt, as Word templates use, so rounding never pushes
 * the 22nd line onto the next page. */
export const LINE_PITCH = 579;
/** The page number sits 7 mm under the text block. */
export const FOOTER_DISTANCE = mm(35 - 7 - 5);

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  kai: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Sizes in points: 二号 22, 三号 16, 四号 14, 小四 12; the masthead 小初 36. */
export const SIZE = { masthead: 36, redHeader: 30, title: 22, body: 16, imprint: 14, table: 12, tableLarge: 14, pageNumber: 14 } as const;

/** One body character (三号) is 16 pt wide: indents are counted in characters. */
export const CHAR = 16 * 20;

export const RED = 'FF0000';
