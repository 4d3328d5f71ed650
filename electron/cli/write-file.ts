// Files the CLI saves (bundles, reports, spreadsheets) appear whole or not at all (core/files/copy-whole.ts).
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';
import { copyWhole } from '../core/files/copy-whole';

/** A file the core made (in its outbox), copied to where the person asked. */
export async function copyAtomically(from: string, path: string): Promise<void> {
  try {
    await copyWhole(from, path);
  } catch (err) {
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
