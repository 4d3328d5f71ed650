// A .docx or .xlsx is a zip, and its readers (mammoth, exceljs) inflate every part whole into memory and build a
// document of it: a 100 KB file can inflate to a gigabyte, and a few megabytes of XML to a million objects. So
// before a reader is let near it, the zip is opened with the library both readers open it with (jszip, which
// reads the central directory and inflates nothing), so the parts checked are the parts they will read: how many
// there are, what their headers declare, and then what they really inflate to — each part's compressed bytes, as
// jszip found them, streamed through zlib and stopped at the first piece over a cap (the headers are the
// sender's word). XML parts are scanned as they inflate: elements counted, runs of text measured, and each piece
// handed to a watcher that knows what the reader will make of it.
import { createInflateRaw } from 'node:zlib';
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
  /** The refusal when the zip, or a part of it, is damaged (the reason in detail). */
  damaged(detail: string): AppError;
  /** Events for an XML part whose content matters to the caller beyond these limits. */
  watch?(part: string): XmlEvents | undefined;
}

/** Small parts compress very well (a styles part of repeated attributes): the ratio counts only past this. */
const RATIO_FLOOR = 1024 * 1024;
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const XML_PART = /\.(xml|rels|vml)$/i;

/**
 * mammoth reads the part a relationship names, whatever its name ends in: a part is XML by its name, or by
 * starting (after a UTF-8 byte-order mark and white space) with '<', which no picture format does.
 */
function isXml(name: string, first: Buffer): boolean {
  if (XML_PART.test(name)) return true;
  let at = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  while (at < first.length && (first[at] === 0x20 || first[at] === 0x09 || first[at] === 0x0a || first[at] === 0x0d)) at++;
  return first[at] === 0x3c;
}

const PIECE = 64 * 1024;

/**
 * What jszip found for a part: the sizes the central directory declares, the method, and where its compressed
 * bytes are (a view into the file). Not in jszip's typings, but what its own reading of the part uses; jszip is
 * pinned, and a part without them is refused rather than let through unchecked.
 */
interface Found {
  _data?: { compressedSize?: unknown; uncompressedSize?: unknown; compressedContent?: unknown; compression?: { magic?: unknown } };
}
const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';

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

  const found = parts.map((part) => {
    const d = (part as unknown as Found)._data;
    const magic = d?.compression?.magic;
    if (!(d?.compressedContent instanceof Uint8Array) || (magic !== STORED && magic !== DEFLATED)) {
      throw new AppError('internal', `${what}无法检查（程序所用的 jszip 与预期不符），未导入。`, `jszip gave no compressed content for ${part.name}`);
    }
    return { name: part.name, data: d.compressedContent, deflated: magic === DEFLATED, declared: count(d.uncompressedSize) };
  });

  // The headers first: an honest bomb is refused before a byte is inflated.
  let declaredTotal = 0;
  for (const { name, data, declared } of found) {
    if (declared === null) continue;
    if (declared > limits.entryBytes) throw bomb(`解压后过大（其中“${name}”声明 ${sizeText(declared)}，每个部件最多 ${sizeText(limits.entryBytes)}）`, `${name} declares ${declared} bytes inflated`);
    if (declared > RATIO_FLOOR && declared > limits.ratio * data.length) {
      throw bomb(`的压缩比异常（“${name}”声明压缩了 ${Math.round(declared / Math.max(data.length, 1))} 倍，最多 ${limits.ratio} 倍）`, `${name} declares ${declared} bytes from ${data.length}`);
    }
    declaredTotal += declared;
    if (declaredTotal > limits.totalBytes) throw bomb(`解压后过大（各部件合计声明超过 ${sizeText(limits.totalBytes)}）`, `declared total over ${limits.totalBytes} bytes`);
  }

  // Then what they really inflate to.
  let total = 0;
  let elements = 0;
  for (const { name, data, deflated, declared } of found) {
    let scanner: XmlTagScanner | null | undefined;
    let size = 0;
    let counted = 0;
    const take = (chunk: Buffer) => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entryBytes) throw bomb(`解压后过大（“${name}”超过 ${sizeText(limits.entryBytes)}）`, `${name} inflates past ${limits.entryBytes} bytes`);
      if (size > RATIO_FLOOR && size > limits.ratio * data.length) {
        throw bomb(`的压缩比异常（“${name}”解压后超过压缩数据的 ${limits.ratio} 倍）`, `${name} inflates past ${limits.ratio} × ${data.length} bytes`);
      }
      if (total > limits.totalBytes) throw bomb(`解压后过大（合计超过 ${sizeText(limits.totalBytes)}）`, `parts inflate past ${limits.totalBytes} bytes`);
      // Decided once, by the part's first piece: a picture whose later piece happens to start with '<' is still a picture
      // (`??=` would ask again after null, and refused about one 1 MB image in sixteen).
      if (scanner === undefined) scanner = isXml(name, chunk) ? new XmlTagScanner(subject.watch?.(name) ?? {}, limits.textBytes) : null;
      if (!scanner) return;
      try {
        scanner.push(chunk);
      } catch (err) {
        throw err instanceof XmlLimitError ? xmlRefusal(what, name, err, limits) : err;
      }
      elements += scanner.elements - counted;
      counted = scanner.elements;
      if (elements > limits.elements) {
        throw new AppError('bad_input', `${what}的内容过于繁杂（XML 元素超过 ${limits.elements} 个），未导入。`, `more than ${limits.elements} XML elements (at ${name})`);
      }
    };
    try {
      await inflate(Buffer.from(data.buffer, data.byteOffset, data.byteLength), deflated, take);
    } catch (err) {
      throw err instanceof AppError ? err : subject.damaged(`${name}: ${(err as Error).message}`);
    }
    scanner?.end();
    // jszip (and so the reader) refuses a part whose size is not the declared one, once it has inflated it all.
    if (declared !== null && size !== declared) throw subject.damaged(`${name}: inflates to ${size} bytes, declared ${declared}`);
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
 * The part's content, piece by piece, to take; a throw from take stops the inflating at once (no piece after
 * it is made), and is what this rejects with.
 */
async function inflate(data: Buffer, deflated: boolean, take: (chunk: Buffer) => void): Promise<void> {
  if (!deflated) {
    for (let at = 0; at < data.length; at += PIECE) take(data.subarray(at, at + PIECE));
    return;
  }
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: PIECE });
    let done = false;
    const stop = (err?: unknown) => {
      if (done) return;
      done = true;
      if (err === undefined) resolve();
      else {
        z.destroy();
        reject(err);
      }
    };
    z.on('data', (chunk: Buffer) => {
      if (done) return;
      try {
        take(chunk);
      } catch (err) {
        stop(err);
      }
    });
    z.on('error', (err) => stop(err));
    z.on('end', () => stop());
    z.end(data);
  });
}
