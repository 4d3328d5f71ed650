// A .docx or .xlsx is a zip, and its readers (mammoth, exceljs) inflate every part whole into memory and build a
// document of it: a 100 KB file can inflate to a gigabyte, and a few megabytes of XML to a million objects. So
// before a reader is let near it, the zip is checked with the library both readers open it with (jszip), so the
// parts checked are the parts they will read: how many there are, what their headers declare, and then what
// they really inflate to, streamed piece by piece and stopped at the first piece over a cap (the headers are
// the sender's word). XML parts are scanned as they inflate: elements counted, runs of text measured, and each
// piece handed to a watcher that knows what the reader will make of it.
import type JSZip from 'jszip';
import { AppError } from '../../../shared/errors';
import { sizeText } from './regular-file';
import { XmlLimitError, XmlTagScanner, type XmlEvents } from './xml-tags';

export interface ZipLimits {
  /** Parts (central-directory entries). */
  entries: number;
  /** Inflated bytes of any one part. */
  entryBytes: number;
  /** Inflated bytes of all parts together. */
  totalBytes: number;
  /** Inflated ÷ compressed bytes of a part, once it is past RATIO_FLOOR inflated. */
  ratio: number;
  /** Start and empty-element tags across the XML parts: what the reader will build objects of. */
  elements: number;
  /** The longest run of text between two tags in an XML part. */
  textBytes?: number;
}

export interface ZipSubject {
  /** How the file is named in a message: “Word 文件“方案.docx””, “这个 Excel 文件”. */
  what: string;
  /** The refusal when the zip cannot be opened at all (jszip's reason in detail). */
  damaged(detail: string): AppError;
  /** Events for an XML part whose content matters to the caller beyond these limits. */
  watch?(part: string): XmlEvents | undefined;
}

/** Small parts compress very well (a styles part of repeated attributes): the ratio counts only past this. */
export const RATIO_FLOOR = 1024 * 1024;
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const XML_PART = /\.(xml|rels|vml)$/i;

/** What jszip read from the central directory; not in its typings (it is what its own size check compares). */
interface Declared {
  _data?: { compressedSize?: unknown; uncompressedSize?: unknown };
}
/** jszip's documented stream of a part's content (ZipObject#internalStream), missing from its typings. */
interface ContentStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ContentStream;
  on(event: 'error', fn: (err: Error) => void): ContentStream;
  on(event: 'end', fn: () => void): ContentStream;
  pause(): ContentStream;
  resume(): ContentStream;
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** Refuses (AppError, in Chinese) a zip over any limit; inflates nothing whole, keeps nothing. */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits, subject: ZipSubject): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { what } = subject;
  const bomb = (zh: string, en: string) => new AppError('bad_input', `${what}${zh}，可能是“压缩炸弹”，未导入。`, en);

  // jszip builds an object per entry, walking the central directory for as long as entries follow one another,
  // whatever count its end record states (200,000 entries: 4 s, 340 MB). Every entry begins with this signature,
  // so no reader can find more entries than the file holds signatures.
  let signatures = 0;
  for (let at = buf.indexOf(CENTRAL_HEADER); at >= 0; at = buf.indexOf(CENTRAL_HEADER, at + 4)) {
    if (++signatures > limits.entries) {
      throw new AppError('bad_input', `${what}中的部件超过 ${limits.entries} 个，不像是正常的 Office 文件，未导入。`, `more than ${limits.entries} zip entries`);
    }
  }

  let zip: JSZip;
  try {
    const { default: JSZipClass } = await import('jszip');
    zip = await JSZipClass.loadAsync(buf);
  } catch (err) {
    throw subject.damaged(`zip: ${(err as Error).message}`);
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);

  // The headers first: an honest bomb is refused before a byte is inflated.
  let declaredTotal = 0;
  for (const part of parts) {
    const d = (part as unknown as Declared)._data;
    const size = count(d?.uncompressedSize);
    const packed = count(d?.compressedSize);
    if (size === null) continue;
    if (size > limits.entryBytes) throw bomb(`解压后过大（其中“${part.name}”声明 ${sizeText(size)}，每个部件最多 ${sizeText(limits.entryBytes)}）`, `${part.name} declares ${size} bytes inflated`);
    if (packed !== null && size > RATIO_FLOOR && size > limits.ratio * packed) {
      throw bomb(`的压缩比异常（“${part.name}”声明压缩了 ${Math.round(size / Math.max(packed, 1))} 倍，最多 ${limits.ratio} 倍）`, `${part.name} declares ${size} bytes from ${packed}`);
    }
    declaredTotal += size;
    if (declaredTotal > limits.totalBytes) throw bomb(`解压后过大（各部件合计声明超过 ${sizeText(limits.totalBytes)}）`, `declared total over ${limits.totalBytes} bytes`);
  }

  // Then what they really inflate to.
  let total = 0;
  let elements = 0;
  for (const part of parts) {
    const packed = count((part as unknown as Declared)._data?.compressedSize) ?? buf.length;
    const xml = XML_PART.test(part.name);
    const scanner = xml ? new XmlTagScanner(subject.watch?.(part.name) ?? {}, limits.textBytes) : null;
    let size = 0;
    let counted = 0;
    await streamPart(part, (chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entryBytes) throw bomb(`解压后过大（“${part.name}”超过 ${sizeText(limits.entryBytes)}）`, `${part.name} inflates past ${limits.entryBytes} bytes`);
      if (size > RATIO_FLOOR && size > limits.ratio * packed) {
        throw bomb(`的压缩比异常（“${part.name}”解压后超过压缩数据的 ${limits.ratio} 倍）`, `${part.name} inflates past ${limits.ratio} × ${packed} bytes`);
      }
      if (total > limits.totalBytes) throw bomb(`解压后过大（合计超过 ${sizeText(limits.totalBytes)}）`, `parts inflate past ${limits.totalBytes} bytes`);
      if (!scanner) return;
      try {
        scanner.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
      } catch (err) {
        throw err instanceof XmlLimitError ? xmlRefusal(what, part.name, err, limits) : err;
      }
      elements += scanner.elements - counted;
      counted = scanner.elements;
      if (elements > limits.elements) {
        throw new AppError('bad_input', `${what}的内容过于繁杂（XML 元素超过 ${limits.elements} 个），未导入。`, `more than ${limits.elements} XML elements (at ${part.name})`);
      }
    }).catch((err: unknown) => {
      throw err instanceof AppError ? err : subject.damaged(`${part.name}: ${(err as Error).message}`);
    });
    scanner?.end();
  }
}

function xmlRefusal(what: string, part: string, err: XmlLimitError, limits: ZipLimits): AppError {
  if (err.reason === 'dtd') return new AppError('bad_input', `${what}中含有 DTD 声明（“${part}”），正常的 Office 文件没有，未导入。`, `${part}: ${err.message}`);
  if (err.reason === 'text') {
    return new AppError('bad_input', `${what}中有一段文字过长（“${part}”中超过 ${sizeText(limits.textBytes ?? 0)}），未导入。`, `${part}: ${err.message}`);
  }
  return new AppError('bad_input', `${what}的内容异常（“${part}”中有一个标记超过 1 MB），未导入。`, `${part}: ${err.message}`);
}

/**
 * The part's inflated content, piece by piece (jszip inflates 16 KB of compressed data at a time). A throw from
 * take stops the stream; the pieces already inflated from the same 16 KB still arrive, and are dropped.
 */
function streamPart(part: JSZip.JSZipObject, take: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const stop = (err?: unknown) => {
      if (done) return;
      done = true;
      if (err === undefined) resolve();
      else reject(err instanceof Error ? err : new Error(String(err)));
    };
    const stream = (part as unknown as { internalStream(type: 'uint8array'): ContentStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (done) return;
        try {
          take(chunk);
        } catch (err) {
          stream.pause();
          stop(err);
        }
      })
      .on('error', (err) => stop(err))
      .on('end', () => stop())
      .resume();
  });
}
