// A file the person picked or dropped reaches the core as a reference, not as its bytes inside a JSON request:
// a prefecture's bundle is 80 MB, 107 MB as base64, and was held several times over on its way through the
// request, the parse and the decoding. Each shell says what a reference is: Electron's renderer knows the
// file's path; the browser-mode host gives an upload its own id.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { isAbsolute } from 'node:path';
import { AppError } from '../../shared/errors';

export interface PickedFiles {
  /**
   * What the reference names now, without reading it: a key that changes whenever its bytes may have, and a
   * reader that gives them, or an AppError in Chinese when the file cannot be read or is larger than maxBytes.
   */
  open(ref: string, maxBytes: number): { key: string; read(): Buffer };
}

const megabytes = (n: number) => Math.round(n / 1024 / 1024);

function statPicked(path: string): Stats {
  if (!isAbsolute(path)) throw new AppError('bad_input', '无法读取所选文件，请重新选择。', `not an absolute path: ${path}`);
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw new AppError('bad_input', '找不到所选文件（U盘可能已拔出），请重新选择。', `stat ${path}: ${(err as Error).message}`);
  }
  if (!st.isFile()) throw new AppError('bad_input', '所选的不是文件，请重新选择。', `not a regular file: ${path}`);
  return st;
}

/** A reference that is the file's own absolute path: its bytes, checked for size before they are read. */
export function readPickedPath(path: string, maxBytes: number): Buffer {
  const size = statPicked(path).size;
  if (size > maxBytes) throw new AppError('bad_input', `文件过大（超过 ${megabytes(maxBytes)} MB），不能导入。`, `file of ${size} bytes over ${maxBytes}`);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new AppError('bad_input', '无法读取所选文件，请重新选择。', `read ${path}: ${(err as Error).message}`);
  }
}

/** References that are paths (the Electron shell): keyed by where the file is, which file, its size and time. */
export const filesByPath: PickedFiles = {
  open(path, maxBytes) {
    const st = statPicked(path);
    return { key: [path, st.dev, st.ino, st.size, st.mtimeMs].join('\0'), read: () => readPickedPath(path, maxBytes) };
  },
};
