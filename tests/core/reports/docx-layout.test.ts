// Layout rules of the Word writer that a reader checks by eye: columns wide enough for their header and their
// codes, tables and titles off the body grid, the 版记 framed at the foot of the page, a masthead on one line.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { columnWidths, mastheadSize, writeDocx } from '../../../electron/core/reports/docx/write-docx';
import { TEXT_WIDTH } from '../../../electron/core/reports/docx/official-format';
import type { ReportBlock, ReportDoc } from '../../../shared/report';

const table = (rows: string[][]): Extract<ReportBlock, { type: 'table' }> => ({
  type: 'table',
  columns: [
    { title: '编号', width: 1, align: 'left' },
    { title: '任务', width: 6, align: 'left' },
    { title: '完成时限', width: 1, align: 'center' },
    { title: '进度', width: 1, align: 'right' },
  ],
  rows,
});

describe('column widths', () => {
  it('give a header its one line and a code column its widest code, the rest in proportion, within the text width', () => {
    const w = columnWidths(table([['2.表.12', '任务', '12月31日', '100%'], ['1.1.1-10', '任务', '年底前', '5%']]), 12);
    // 12 pt: "完成时限" is 4 × 240 twips; "1.1.1-10" is 8 half-width characters, 8 × 120.
    expect(w[2]).toBeGreaterThanOrEqual(960 + 160);
    expect(w[0]).toBeGreaterThanOrEqual(8 * 120 + 160);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(w[1]).toBeGreaterThan(w[0]! * 3);
  });
});

describe('the Word file', () => {
  it('keeps tables and titles off the 22-line grid and frames the 版记 at the foot of the page', async () => {
    const doc: ReportDoc = {
      kind: 'monthly',
      period: '2023-03',
      number: 1,
      reissue: false,
      title: 't',
      fileName: 't.docx',
      draft: false,
      fields: [],
      figures: {} as ReportDoc['figures'],
      blocks: [
        { type: 'title', text: '关于2023年3月全市发展工作推进情况的通报' },
        table([['1.1.1', '任务', '3月31日', '50%']]),
        { type: 'paragraph', text: '正文。' },
        { type: 'signature', office: '市政府督查室', date: '2023年3月31日' },
        { type: 'imprint', cc: '抄送：市委办。', printer: '市政府督查室', printedOn: '2023年3月31日印发' },
      ],
    };
    const zip = await JSZip.loadAsync(await writeDocx(doc, { creator: 'test' }));
    const styles = await zip.file('word/styles.xml')!.async('string');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="NoGrid"[^]*?<w:snapToGrid w:val="0"\/>/);
    // Every table cell's paragraphs and the title use it.
    const cellParas = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/gs)].flatMap((m) => [...m[0].matchAll(/<w:p>.*?<\/w:p>/gs)].map((p) => p[0]));
    expect(cellParas.length).toBeGreaterThan(0);
    for (const p of cellParas) expect(p).toContain('<w:pStyle w:val="NoGrid"/>');
    // The 版记: its paragraphs framed at the bottom of the text block, with the same borders (one box).
    const framed = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:framePr [^>]*w:yAlign="bottom"[^>]*\/>.*?<\/w:p>/gs)].map((m) => m[0]);
    expect(framed.map((p) => /抄送|印发/.test(p))).toEqual([true, true]);
    const borders = framed.map((p) => /<w:pBdr>.*?<\/w:pBdr>/s.exec(p)?.[0]);
    expect(new Set(borders).size).toBe(1);
    expect(borders[0]).not.toContain('between');
    // The last body paragraph stays with the signature.
    expect(/<w:p>(?:(?!<\/w:p>).)*正文。/s.exec(xml)?.[0]).toMatch(/<w:keepNext\/><w:keepLines\/>/);
  });

  it('sets a long masthead smaller so it stays on one line, and a short one at 小初', () => {
    expect(mastheadSize('发展“六仗”工作简报')).toBe(36);
    const long = mastheadSize('发展“六仗”工作调度会议纪要');
    expect(long).toBeLessThan(36);
    expect(long * 14).toBeLessThanOrEqual(TEXT_WIDTH / 20);
  });
});
