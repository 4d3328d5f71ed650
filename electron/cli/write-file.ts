// Files the CLI saves (reports, spreadsheets) appear whole or not at all: written aside, then renamed.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors';

export function writeAtomically(path: string, bytes: Buffer): void {
  const tmp = `${path}.${process.pid}.part`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError('bad_input', `无法写入“${path}”，请检查文件夹是否存在、是否可写、磁盘是否已满。`, `write ${path}: ${(err as Error).message}`);
  }
}
