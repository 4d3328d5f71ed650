// Files the CLI saves (reports, spreadsheets) appear whole or not at all: written aside, then renamed.
import { accessSync, constants, copyFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';

export function writeAtomically(path: string, bytes: Buffer): void {
  placeAtomically(path, (tmp) => writeFileSync(tmp, bytes));
}

/** A file the core made (in its outbox), copied to where the person asked. */
export function copyAtomically(from: string, path: string): void {
  placeAtomically(path, (tmp) => copyFileSync(from, tmp));
}

function placeAtomically(path: string, write: (tmp: string) => void): void {
  const tmp = `${path}.${process.pid}.part`;
  try {
    write(tmp);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError('bad_input', `无法写入“${path}”，请检查文件夹是否存在、是否可写、磁盘是否已满。`, `write ${path}: ${(err as Error).message}`);
  }
}

/**
 * Refuses, before anything is recorded, a path whose folder is missing or not writable: a document is numbered
 * in the register when it is made, so the file it goes to must be writable first.
 */
export function checkWritable(path: string): void {
  const dir = dirname(path);
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new AppError('bad_input', `无法写入“${path}”：文件夹不存在或不可写。未生成、未登记。`, `write ${path}: ${(err as Error).message}`);
  }
}
