import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { filesByPath, readPickedPath } from '../../electron/core/picked-files';
import { tempDir } from '../helpers/temp-store';

const refused = (f: () => unknown, message: RegExp) => expect(f).toThrow(expect.objectContaining({ message: expect.stringMatching(message) }) as unknown as AppError);

describe('a picked file read by its path', () => {
  it('gives its bytes, and a Chinese reason for a relative path, a folder, a missing file or one too large', () => {
    const dir = tempDir();
    const path = join(dir, '市商务局_至_全部.ledger.json');
    writeFileSync(path, 'x'.repeat(100));
    mkdirSync(join(dir, 'folder.json'));
    expect(readPickedPath(path, 100).toString()).toBe('x'.repeat(100));
    refused(() => readPickedPath('市商务局_至_全部.ledger.json', 100), /无法读取所选文件/);
    refused(() => readPickedPath(join(dir, 'folder.json'), 100), /不是文件/);
    refused(() => readPickedPath(join(dir, 'gone.json'), 100), /找不到所选文件/);
    refused(() => readPickedPath(path, 99), /文件过大/);
    expect(() => readPickedPath(path, 99)).toThrow(AppError);
  });
});

describe('a picked file named by its path', () => {
  it('is keyed by which file it is, its size and time, so a file changed on the stick is verified anew; nothing is read until asked', () => {
    const dir = tempDir();
    const path = join(dir, 'a.ledger.json');
    writeFileSync(path, 'one');
    const first = filesByPath.open(path, 100);
    expect(filesByPath.open(path, 100).key).toBe(first.key);
    writeFileSync(path, 'three');
    const changed = filesByPath.open(path, 100);
    expect(changed.key).not.toBe(first.key);
    expect(changed.read().toString()).toBe('three');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    expect(filesByPath.open(path, 100).key).not.toBe(changed.key);
    refused(() => filesByPath.open(join(dir, 'gone.json'), 100), /找不到所选文件/);
    const tooBig = filesByPath.open(path, 2);
    refused(() => tooBig.read(), /文件过大/);
  });
});
