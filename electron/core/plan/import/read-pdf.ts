// The text layer of a PDF as published on a government site, through Mozilla's pdf.js: text runs are put
// back into lines by their baseline, and a wide gap between runs on one line (a table's cell border) becomes
// a tab, which the plan reader takes as a cell boundary. A scanned PDF has no text layer and says so.
import { AppError } from '../../../../shared/errors';

const MAX_PAGES = 400;

interface Run { str: string; x: number; y: number; w: number; h: number }

function linesOf(runs: Run[]): string[] {
  const rows: Run[][] = [];
  for (const r of runs.filter((r) => r.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - r.y) <= Math.max(2, r.h * 0.4)) row.push(r);
    else rows.push([r]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end = -Infinity;
    for (const r of row) {
      const gap = r.x - end;
      line += end === -Infinity ? '' : gap > Math.max(4, r.h * 0.5) ? '\t' : '';
      line += r.str;
      end = r.x + r.w;
    }
    return line.trim();
  });
}

export async function readPdfText(bytes: Uint8Array, fileName: string): Promise<string> {
  const damaged = (detail: string) => new AppError('bad_input', `无法读取 PDF 文件“${fileName}”，文件可能已损坏或加了密码。`, `pdf read failed: ${detail}`);
  if (!Buffer.from(bytes.subarray(0, 5)).toString('latin1').startsWith('%PDF')) throw damaged('no %PDF header');
  // Loaded on first use: the application starts without the PDF reader.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (err) {
    throw damaged((err as Error).message);
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new AppError('bad_input', `PDF 文件“${fileName}”有 ${doc.numPages} 页，不像是一份实施方案。`, `pdf of ${doc.numPages} pages`);
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        runs.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, w: item.width, h: Math.abs(item.transform[3] as number) || item.height });
      }
      out.push(...linesOf(runs));
      page.cleanup();
    }
    const text = out.join('\n');
    if (text.replace(/\s/g, '').length < 20) {
      throw new AppError('bad_input', `PDF 文件“${fileName}”中没有文字（可能是扫描件）。请找到可复制文字的版本，或另存为 .docx 后再导入。`, 'pdf without text layer');
    }
    return text;
  } finally {
    await doc.destroy();
  }
}
