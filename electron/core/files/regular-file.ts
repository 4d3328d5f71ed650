// A file the person names (a bundle, a plan, a table) is read only if it is a regular file, and never more of it
// than a cap: a symlink to /dev/zero reads forever, a FIFO blocks the reader until someone writes to it, and
// /proc files claim a size of 0 whatever they hold. So: the path is resolved and its target looked at before it
// is opened; it is opened without blocking (a FIFO put there meanwhile opens at once instead of hanging) and
// without following a link put in its place; and the open handle must be the very file looked at, since the
// path can be swapped between the look and the open.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, writeSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';

// Windows has neither flag (nor FIFOs or symlinks a person would pick); there the fstat check stands alone.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
const COPY_CHUNK = 1024 * 1024;

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function kindOf(st: Stats): [zh: string, en: string] {
  if (st.isDirectory()) return ['文件夹', 'directory'];
  if (st.isFIFO()) return ['管道', 'FIFO'];
  if (st.isCharacterDevice()) return ['设备', 'character device'];
  if (st.isBlockDevice()) return ['设备', 'block device'];
  if (st.isSocket()) return ['套接字', 'socket'];
  return ['特殊文件', 'special file'];
}

const unreadable = (path: string, err: unknown) => new AppError('bad_input', `无法读取文件“${basename(path)}”。`, `read ${path}: ${(err as Error).message}`);

export function tooLarge(path: string, size: number | null, maxBytes: number): AppError {
  return new AppError('bad_input', `文件过大：“${basename(path)}”超过 ${sizeText(maxBytes)}，不能导入。`, `${path}: ${size === null ? 'more than' : `${size} bytes over`} ${maxBytes} bytes`);
}

function notRegular(path: string, real: string, st: Stats): AppError {
  const [zh, en] = kindOf(st);
  const via = real === path ? '' : ` (resolved to ${real})`;
  if (st.isDirectory()) return new AppError('bad_input', `“${basename(path)}”不是文件，是文件夹。`, `not a regular file: ${path}${via} is a ${en}`);
  return new AppError('bad_input', `“${basename(path)}”不是普通文件（是${zh}），不能读取。`, `not a regular file: ${path}${via} is a ${en}`);
}

const swapped = (path: string, detail: string) => new AppError('bad_input', `文件“${basename(path)}”在读取时被更换了，请重新选择。`, `${path} changed while opened: ${detail}`);

export interface RegularFileStat {
  /** The path with every symlink resolved: what is opened. */
  real: string;
  stats: Stats;
}

/** What the path names, without opening it; a Chinese refusal unless it is (or links to) a regular file. */
export function statRegularFile(path: string): RegularFileStat {
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync(path);
    stats = lstatSync(real);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('bad_input', `找不到文件“${basename(path)}”（U盘可能已拔出）。`, `stat ${path}: ${(err as Error).message}`);
    }
    throw unreadable(path, err);
  }
  if (!stats.isFile()) throw notRegular(path, real, stats);
  return { real, stats };
}

export interface OpenRegularFile {
  fd: number;
  /** Its size when opened; reading stops past maxBytes whatever it grows to. */
  size: number;
  stats: Stats;
  close(): void;
}

/** Opened for reading, refused when it is not a regular file or is larger than maxBytes. */
export function openRegularFile(path: string, maxBytes: number): OpenRegularFile {
  const { real, stats } = statRegularFile(path);
  if (stats.size > maxBytes) throw tooLarge(path, stats.size, maxBytes);
  let fd: number;
  try {
    fd = openSync(real, READ_FLAGS);
  } catch (err) {
    // O_NOFOLLOW: a symlink put where the file was.
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw swapped(path, 'now a symlink');
    throw unreadable(path, err);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notRegular(path, real, opened);
    if (opened.dev !== stats.dev || opened.ino !== stats.ino) throw swapped(path, 'another file');
    if (opened.size > maxBytes) throw tooLarge(path, opened.size, maxBytes);
    return { fd, size: opened.size, stats: opened, close: () => closeSync(fd) };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Reads from fd until its end, calling take with each piece; refused past maxBytes (a file that grows as read). */
function readAll(path: string, file: OpenRegularFile, maxBytes: number, take: (chunk: Buffer) => void): number {
  // One byte more than allowed tells a file that grew past the cap from one that ends at it.
  const buf = Buffer.allocUnsafe(Math.min(COPY_CHUNK, maxBytes + 1));
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(file.fd, buf, 0, buf.length, null);
    } catch (err) {
      throw unreadable(path, err);
    }
    if (n === 0) return total;
    total += n;
    if (total > maxBytes) throw tooLarge(path, null, maxBytes);
    take(buf.subarray(0, n));
  }
}

/** The whole file, at most maxBytes of it. */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const file = openRegularFile(path, maxBytes);
  try {
    const chunks: Buffer[] = [];
    const total = readAll(path, file, maxBytes, (chunk) => chunks.push(Buffer.from(chunk)));
    return Buffer.concat(chunks, total);
  } finally {
    file.close();
  }
}

/** Copied into dest (a new file, this user's only); its size. At most maxBytes are copied. */
export function copyRegularFile(path: string, dest: string, maxBytes: number): number {
  const file = openRegularFile(path, maxBytes);
  try {
    const out = openSync(dest, 'wx', 0o600);
    try {
      return readAll(path, file, maxBytes, (chunk) => {
        for (let at = 0; at < chunk.length; ) at += writeSync(out, chunk, at, chunk.length - at);
      });
    } finally {
      closeSync(out);
    }
  } finally {
    file.close();
  }
}
