// The path is looked at, then opened: someone can put a FIFO, a symlink or another file there in between. The
// look is made to succeed on a regular file and the swap done right after it, as a person with a second window
// (or a hostile tool on the stick) could.
import { execFileSync } from 'node:child_process';
import type * as Fs from 'node:fs';
import { renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRegularFile } from '../../../electron/core/files/regular-file';
import { tempDir } from '../../helpers/temp-store';

let afterLook: ((path: string) => void) | null = null;

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const lstatSync = ((path: string, ...rest: unknown[]) => {
    const st = (fs.lstatSync as (...a: unknown[]) => Fs.Stats)(path, ...rest);
    const swap = afterLook;
    afterLook = null;
    swap?.(path);
    return st;
  }) as typeof fs.lstatSync;
  return { ...fs, default: { ...fs, lstatSync }, lstatSync };
});

afterEach(() => {
  afterLook = null;
});

// Windows has no FIFOs to swap in, nor O_NOFOLLOW; the fstat check stands alone there.
describe.skipIf(process.platform === 'win32')('a file swapped between the look and the open', () => {
  it('a FIFO put there is opened without blocking and refused', () => {
    const dir = tempDir();
    const path = join(dir, 'a.docx');
    writeFileSync(path, 'PK');
    afterLook = (p) => {
      rmSync(p);
      execFileSync('mkfifo', [p]);
    };
    const start = performance.now();
    // Without O_NONBLOCK this open would wait for a writer that never comes.
    expect(() => readRegularFile(path, 1024)).toThrow(/“a.docx”不是普通文件（是管道）/);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('a symlink put there is not followed, another file put there is noticed', () => {
    const dir = tempDir();
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, 'checked');
    writeFileSync(join(dir, 'other'), 'not checked');
    afterLook = (p) => {
      rmSync(p);
      symlinkSync('/dev/zero', p);
    };
    expect(() => readRegularFile(path, 1024)).toThrow(/在读取时被更换了/);

    rmSync(path);
    writeFileSync(path, 'checked');
    afterLook = (p) => renameSync(join(dir, 'other'), p);
    expect(() => readRegularFile(path, 1024)).toThrow(/在读取时被更换了/);
  });
});
