// The text of a plan document: .docx through mammoth (paragraphs and table cells, one per line), .pdf through
// pdf.js, a 任务分解表 in .xlsx row by row (cells tab-separated), .txt in UTF-8 or, as Windows tools often
// save it, GBK.
import { FILE_MAX_BYTES, MB } from '../../../../shared/limits';
import { AppError } from '../../../../shared/errors';
import { checkZip, type ZipLimits } from '../../files/zip-guard';
import { readRows } from '../../xlsx/import-table';
import { readPdfText } from './read-pdf';
import { htmlToLines } from './docx-text';

export const MAX_DOCUMENT_BYTES = FILE_MAX_BYTES.planDocument;

/**
 * mammoth holds ~1.7 KB per XML element of a document (a 30 KB file of 375,000 elements took 7 s and 800 MB);
 * a plan of a hundred pages, formatted as WPS writes it, is well under 100,000. Pictures are most of a large
 * .docx, hence the larger total.
 */
export const DOCX_LIMITS: ZipLimits = {
  entries: 1000,
  entryBytes: 32 * 1024 * 1024,
  totalBytes: 128 * 1024 * 1024,
  ratio: 100,
  elements: 150_000,
};

function decodeText(bytes: Uint8Array): string {
  // Notepad's "Unicode" is UTF-16 with its byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

export async function readPlanDocument(bytes: Uint8Array, fileName: string): Promise<string> {
  if (bytes.byteLength === 0) throw new AppError('bad_input', `文件“${fileName}”是空的。`, `empty file: ${fileName}`);
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new AppError('bad_input', `文件“${fileName}”超过 ${MAX_DOCUMENT_BYTES / MB} MB，不像是一份实施方案。`, `file too large: ${bytes.byteLength} bytes`);
  }
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx')) {
    const damaged = (detail: string) => new AppError('bad_input', `无法读取 Word 文件“${fileName}”，文件可能已损坏或不是 .docx 格式。`, `docx read failed: ${detail}`);
    await checkZip(bytes, DOCX_LIMITS, { what: `Word 文件“${fileName}”`, damaged });
    try {
      // Loaded on first use: the application starts without the Word reader.
      const { default: mammoth } = await import('mammoth');
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      return htmlToLines(value);
    } catch (err) {
      throw damaged((err as Error).message);
    }
  }
  if (lower.endsWith('.txt')) return decodeText(bytes);
  if (lower.endsWith('.pdf')) return readPdfText(bytes, fileName);
  if (lower.endsWith('.xlsx')) {
    const rows = await readRows(Buffer.from(bytes));
    return rows.map((r) => r.join('\t').replace(/\t+$/, '')).join('\n');
  }
  if (lower.endsWith('.doc') || lower.endsWith('.wps') || lower.endsWith('.xls') || lower.endsWith('.et')) {
    throw new AppError('bad_input', `“${fileName}”是旧版 Word/WPS/Excel 格式，不能直接读取。请在 WPS 或 Word/Excel 中打开，另存为 .docx（表格另存为 .xlsx）后再导入。`, `legacy format: ${fileName}`);
  }
  throw new AppError('bad_input', `只能导入 .docx、.pdf、.txt 或 .xlsx 文件，“${fileName}”不是。`, `unsupported extension: ${fileName}`);
}
