// A file the person picked or dropped reaches the core as a reference, not as its bytes inside a JSON request:
// a prefecture's bundle is 80 MB, 107 MB as base64, and was held several times over on its way through the
// request, the parse and the decoding. Each shell says what a reference is: Electron's renderer knows the
// file's path; the browser-mode host gives an upload its own id. Either way the core reads a file nobody else
// writes while it is read: the upload itself, or a private copy of the picked file.
import { mkdtempSync, rmSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { copyRegularFile, openRegularFile, statRegularFile } from './regular-file';
import { bytesOnDisk, type BundleBytes } from '../sync/bundle-bytes';

export interface PickedFile {
  /** Changes whenever the file's bytes may have: a preview and its import of the same key are the same file. */
  key: string;
  /** The bytes, read where they lie; an AppError in Chinese when the file cannot be read or is too large. */
  bytes(): BundleBytes;
}

export interface PickedFiles {
  /** What the reference names now, without reading it; files larger than maxBytes are refused when read. */
  open(ref: string, maxBytes: number): PickedFile;
}

/** Only a regular file, or a link to one: never a device, a FIFO or a folder. */
function statPicked(path: string): Stats {
  if (!isAbsolute(path)) throw new AppError('bad_input', `无法读取文件“${basename(path)}”。`, `not an absolute path: ${path}`);
  return statRegularFile(path).stats;
}

const unreadable = (path: string, err: unknown) => new AppError('bad_input', `无法读取文件“${basename(path)}”。`, `read ${path}: ${(err as Error).message}`);

/** A file only this process writes (an upload): read where it is. */
export function readOwnFile(path: string, maxBytes: number): BundleBytes {
  // Looked at through an open handle like any picked file, then read by path: nobody else can swap it.
  const file = openRegularFile(path, maxBytes);
  file.close();
  try {
    return bytesOnDisk(path, file.size);
  } catch (err) {
    throw unreadable(path, err);
  }
}

/**
 * A file anyone may change or take away (on a USB stick): copied first into a private folder, removed when the
 * bytes are closed, so what was verified is what is stored.
 */
function readCopyOf(path: string, maxBytes: number): BundleBytes {
  statPicked(path);
  const dir = mkdtempSync(join(tmpdir(), 'zhuanban-import-'));
  const copy = join(dir, 'bundle');
  const drop = () => rmSync(dir, { recursive: true, force: true });
  try {
    // The copy's own size: the file on the stick may have changed between the first look and the copy.
    return bytesOnDisk(copy, copyRegularFile(path, copy, maxBytes), drop);
  } catch (err) {
    drop();
    throw err instanceof AppError ? err : unreadable(path, err);
  }
}

/** References that are paths (the Electron shell): keyed by where the file is, which file, its size and time. */
export const filesByPath: PickedFiles = {
  open(path, maxBytes) {
    const st = statPicked(path);
    return { key: [path, st.dev, st.ino, st.size, st.mtimeMs].join('\0'), bytes: () => readCopyOf(path, maxBytes) };
  },
};
