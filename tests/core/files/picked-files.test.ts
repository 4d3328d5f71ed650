import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { filesByPath, readOwnFile } from '../../../electron/core/files/picked-files';
import { countPrivateCopies, tempDir } from '../../helpers/temp-store';
import { fifo, linkTo } from '../../helpers/hostile-files';

const refused = (f: () => unknown, message: RegExp) => expect(f).toThrow(expect.objectContaining({ message: expect.stringMatching(message) }) as unknown as AppError);
const all = (b: { size: number; slice(s: number, e: number): Buffer }) => b.slice(0, b.size).toString();

describe('a picked file named by its path', () => {
  it('is read from a private copy: a change on the stick after it was opened does not reach what is read, and closing removes the copy', () => {
    const copies = countPrivateCopies();
    const dir = tempDir();
    const path = join(dir, '市商务局_至_全部.ledger.json');
    writeFileSync(path, 'x'.repeat(100));
    const before = copies();
    const bytes = filesByPath.open(path, 100).bytes();
    expect(copies()).toBe(before + 1);
    writeFileSync(path, 'y'.repeat(100));
    rmSync(path);
    expect(all(bytes)).toBe('x'.repeat(100));
    bytes.close();
    expect(copies()).toBe(before);
  });

  it('gives a Chinese reason for a relative path, a folder, a missing file or one too large, and leaves no copy behind', () => {
    const copies = countPrivateCopies();
    const dir = tempDir();
    const path = join(dir, 'a.ledger.json');
    writeFileSync(path, 'x'.repeat(100));
    mkdirSync(join(dir, 'folder.json'));
    const before = copies();
    refused(() => filesByPath.open('a.ledger.json', 100), /无法读取文件“a.ledger.json”/);
    refused(() => filesByPath.open(join(dir, 'folder.json'), 100), /“folder.json”不是文件/);
    refused(() => filesByPath.open(join(dir, 'gone.json'), 100), /找不到文件“gone.json”（U盘可能已拔出）/);
    refused(() => filesByPath.open(path, 99).bytes(), /文件过大/);
    refused(() => readOwnFile(path, 99), /文件过大/);
    expect(copies()).toBe(before);
  });

  // No devices or FIFOs to link to on Windows.
  it.skipIf(process.platform === 'win32')('refuses a link to a device, and a FIFO, when picked and when read, copying nothing', () => {
    const copies = countPrivateCopies();
    const dir = tempDir();
    const zero = linkTo(dir, 'zero.ledger.json', '/dev/zero');
    const pipe = fifo(dir, 'pipe.ledger.json');
    const before = copies();
    refused(() => filesByPath.open(zero, 256 * 1024 * 1024), /“zero.ledger.json”不是普通文件（是设备）/);
    refused(() => filesByPath.open(pipe, 256 * 1024 * 1024), /“pipe.ledger.json”不是普通文件（是管道）/);
    refused(() => readOwnFile(pipe, 100), /是管道/);
    // A regular file when picked, a link to a device by the time it is read.
    const later = join(dir, 'later.ledger.json');
    writeFileSync(later, '{}');
    const picked = filesByPath.open(later, 256 * 1024 * 1024);
    rmSync(later);
    symlinkSync('/dev/urandom', later);
    refused(() => picked.bytes(), /是设备/);
    expect(copies()).toBe(before);
  });

  it('is keyed by which file it is, its size and time, so a file changed on the stick is verified anew; nothing is read until asked', () => {
    const dir = tempDir();
    const path = join(dir, 'a.ledger.json');
    writeFileSync(path, 'one');
    const first = filesByPath.open(path, 100);
    expect(filesByPath.open(path, 100).key).toBe(first.key);
    writeFileSync(path, 'three');
    const changed = filesByPath.open(path, 100);
    expect(changed.key).not.toBe(first.key);
    const bytes = changed.bytes();
    expect(all(bytes)).toBe('three');
    bytes.close();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    expect(filesByPath.open(path, 100).key).not.toBe(changed.key);
  });
});
