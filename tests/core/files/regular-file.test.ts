// A named file is read only when it is a regular file, and never past its cap: a device, a FIFO or a folder is
// refused with its reason before anything is read, at once.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { copyRegularFile, openRegularFile, readRegularFile, statRegularFile } from '../../../electron/core/files/regular-file';
import { fifo, linkTo, measure } from '../../helpers/hostile-files';
import { tempDir } from '../../helpers/temp-store';

const posix = process.platform !== 'win32';

/** Refused with a Chinese message matching `message`, in well under the 5 s a person would wait. */
async function refusedQuickly(label: string, f: () => unknown, message: RegExp) {
  const m = await measure(label, f);
  expect(m.error, label).toBeInstanceOf(AppError);
  expect((m.error as AppError).message, label).toMatch(message);
  expect(m.ms, label).toBeLessThan(1000);
  if (m.peakMB !== null) expect(m.peakMB - m.beforeMB, label).toBeLessThan(50);
}

describe('a regular file, read with a cap', () => {
  it('reads a file, or a symlink to one, whole', () => {
    const dir = tempDir();
    const path = join(dir, '方案.txt');
    writeFileSync(path, '第一仗');
    expect(readRegularFile(path, 100).toString()).toBe('第一仗');
    if (posix) {
      symlinkSync(path, join(dir, 'link.txt'));
      expect(readRegularFile(join(dir, 'link.txt'), 100).toString()).toBe('第一仗');
    }
  });

  // Symlinks to devices and FIFOs: there are none to make on Windows.
  it.skipIf(!posix)('refuses a symlink to /dev/zero or /dev/urandom, a FIFO and a folder, each with its reason, before reading', async () => {
    const dir = tempDir();
    const zero = linkTo(dir, 'zero.ledger.json', '/dev/zero');
    const random = linkTo(dir, 'random.docx', '/dev/urandom');
    const pipe = fifo(dir, 'pipe.xlsx');
    mkdirSync(join(dir, 'folder.xlsx'));
    const cap = 256 * 1024 * 1024;
    for (const [name, path] of [
      ['zero', zero],
      ['urandom', random],
    ]) {
      await refusedQuickly(`read ${name}`, () => readRegularFile(path!, cap), /不是普通文件（是设备）/);
      await refusedQuickly(`copy ${name}`, () => copyRegularFile(path!, join(dir, `copy-${name}`), cap), /不是普通文件（是设备）/);
    }
    await refusedQuickly('read fifo', () => readRegularFile(pipe, cap), /“pipe.xlsx”不是普通文件（是管道）/);
    await refusedQuickly('open fifo', () => openRegularFile(pipe, cap), /是管道/);
    await refusedQuickly('read folder', () => readRegularFile(join(dir, 'folder.xlsx'), cap), /“folder.xlsx”不是文件，是文件夹/);
    expect(() => statRegularFile(zero)).toThrow(expect.objectContaining({ detail: expect.stringContaining('resolved to /dev/zero') }) as unknown as Error);
    // Nothing was copied from any of them.
    expect(readdirSync(dir).filter((n) => n.startsWith('copy-'))).toEqual([]);
  });

  it('refuses a missing file, a dangling link, and a file over the cap', () => {
    const dir = tempDir();
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, 'x'.repeat(100));
    expect(() => readRegularFile(join(dir, 'gone.xlsx'), 100)).toThrow(/找不到文件“gone.xlsx”/);
    if (posix) {
      symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.xlsx'));
      expect(() => readRegularFile(join(dir, 'dangling.xlsx'), 100)).toThrow(/找不到文件“dangling.xlsx”/);
    }
    expect(() => readRegularFile(path, 99)).toThrow(/文件过大：“a.xlsx”超过 99 字节/);
    expect(readRegularFile(path, 100)).toHaveLength(100);
  });

  // /proc files are regular files that say they are empty and then read on: the cap holds on what is read.
  it.skipIf(process.platform !== 'linux')('stops reading at the cap whatever the file said its size was', () => {
    expect(statRegularFile('/proc/self/status').stats.size).toBe(0);
    expect(() => readRegularFile('/proc/self/status', 64)).toThrow(/文件过大/);
    const dir = tempDir();
    expect(() => copyRegularFile('/proc/self/status', join(dir, 'copy'), 64)).toThrow(/文件过大/);
    expect(readRegularFile('/proc/self/status', 1024 * 1024).toString()).toMatch(/^Name:/);
  });

  it('copies into a new private file and never over an existing one', () => {
    const dir = tempDir();
    const path = join(dir, 'a.ledger.json');
    writeFileSync(path, 'abc');
    expect(copyRegularFile(path, join(dir, 'copy'), 10)).toBe(3);
    expect(() => copyRegularFile(path, join(dir, 'copy'), 10)).toThrow(/EEXIST/);
    expect(existsSync(join(dir, 'copy'))).toBe(true);
  });
});
