// Hostile files made on the spot, cheaply: special files where a person may pick a file, and zips that lie or
// explode. A zip bomb is built from one deflated megabyte repeated (each piece flushed to a byte boundary, so
// pieces follow one another as one stream): 1 GB inflated costs ~1 MB to write, not 1 GB to compress.
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const MB = 1024 * 1024;

// ── special files ───────────────────────────────────────────────────────────────────────────────────────────

/** Named `name` in dir, a symlink to a device (/dev/zero, /dev/urandom). */
export function linkTo(dir: string, name: string, target: string): string {
  const path = join(dir, name);
  symlinkSync(target, path);
  return path;
}

/** A FIFO nobody writes to: reading it blocks forever. Not on Windows (no mkfifo; its pipes are not files). */
export function fifo(dir: string, name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

// ── zips ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface RawPart {
  name: string;
  /** As stored in the zip. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** What the headers say it inflates to: the truth, or not. */
  declared: number;
}

export function deflatedPart(name: string, content: string | Buffer): RawPart {
  const bytes = Buffer.from(content);
  return { name, data: deflateRawSync(bytes), method: 8, crc: crc32(bytes), declared: bytes.length };
}

/**
 * prefix + fill × times + suffix, deflated. The CRC is left 0: computing it means inflating the gigabyte, and no
 * reader gets that far. `declared`: the true size unless given.
 */
export function bombPart(name: string, o: { prefix?: string; fill: Buffer; times: number; suffix?: string; declared?: number }): RawPart {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const piece = deflateRawSync(o.fill, flush);
  const data = Buffer.concat([deflateRawSync(Buffer.from(o.prefix ?? ''), flush), ...Array<Buffer>(o.times).fill(piece), deflateRawSync(Buffer.from(o.suffix ?? ''))]);
  const size = Buffer.byteLength(o.prefix ?? '') + o.fill.length * o.times + Buffer.byteLength(o.suffix ?? '');
  return { name, data, method: 8, crc: 0, declared: o.declared ?? size };
}

/** Pieces of text deflated one after another as one stream, for parts too large to hold as one string. */
export function streamedPart(name: string, pieces: Iterable<string>, declared?: number): RawPart {
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece);
    size += bytes.length;
    crc = crc32(bytes, crc);
    out.push(deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, level: 1 }));
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
  return { name, data: Buffer.concat(out), method: 8, crc, declared: declared ?? size };
}

/** A zip of these parts, laid out plainly: local headers and data, the central directory, its end record. */
export function zipOf(parts: RawPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // names in UTF-8
    h.writeUInt16LE(p.method, 8);
    h.writeUInt32LE(p.crc >>> 0, 14);
    h.writeUInt32LE(p.data.length, 18);
    h.writeUInt32LE(p.declared, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(p.method, 10);
    c.writeUInt32LE(p.crc >>> 0, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.declared, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, p.data);
    central.push(c, name);
    offset += h.length + name.length + p.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/** The parts of a real file (a .docx from docx, an .xlsx from exceljs), with some replaced. */
async function withParts(file: Buffer, replace: RawPart[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const names = new Set(replace.map((p) => p.name));
  const kept: RawPart[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir && !names.has(f.name)) kept.push(deflatedPart(f.name, await f.async('nodebuffer')));
  return zipOf([...kept, ...replace]);
}

/** A .docx whose document part is this. */
export async function docxWith(document: RawPart): Promise<Buffer> {
  const { Document, Packer, Paragraph } = await import('docx');
  return withParts(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('实施方案')] }] })), [{ ...document, name: 'word/document.xml' }]);
}

export const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_CLOSE = '</sheetData></worksheet>';

/** An .xlsx of one sheet (made by exceljs, so a real workbook around it) whose sheet part is this (or, named, added). */
export async function xlsxWith(sheet: RawPart, name = 'xl/worksheets/sheet1.xml'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').addRow(['序号']);
  return withParts(Buffer.from(await wb.xlsx.writeBuffer()), [{ ...sheet, name }]);
}

/** A row of a 任务分解表 as sheet XML (inline strings, so no shared-strings part is needed). */
export function tableRow(n: number, cells: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<row r="${n}">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${n}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`;
}

// ── time and peak memory ────────────────────────────────────────────────────────────────────────────────────

export interface Measured {
  ms: number;
  /** Peak resident memory while it ran (VmHWM, reset before), and the resident memory before, in MB. */
  peakMB: number | null;
  beforeMB: number;
  error: unknown;
}

const status = (field: string) => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
};

/** Runs fn, expecting it to throw; its time, and the process's peak memory during it where Linux tells. */
export async function measure(label: string, fn: () => unknown): Promise<Measured> {
  let resettable = process.platform === 'linux';
  try {
    // Linux: writing 5 resets this process's peak resident size, so VmHWM afterwards is this call's peak.
    if (resettable) writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    resettable = false;
  }
  const beforeMB = process.memoryUsage().rss / MB;
  const start = performance.now();
  let error: unknown = null;
  try {
    await fn();
  } catch (err) {
    error = err;
  }
  const ms = performance.now() - start;
  const peakMB = resettable ? status('VmHWM') : null;
  if (process.env.HOSTILE_REPORT) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`[hostile] ${label}: ${ms.toFixed(0)} ms, peak ${peakMB?.toFixed(0) ?? '?'} MB (before ${beforeMB.toFixed(0)} MB): ${message}`);
  }
  return { ms, peakMB, beforeMB, error };
}
