// A zip is refused before its reader inflates it: too many parts, sizes its headers declare, sizes its parts
// really inflate to (the headers may lie), compression ratios, and XML a reader would build too much of. Each
// refusal names its reason, comes within a second, and inflates nothing whole.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { checkZip, type ZipLimits } from '../../../electron/core/files/zip-guard';
import { bombPart, deflatedPart, measure, MB, zipOf, type RawPart } from '../../helpers/hostile-files';

const LIMITS: ZipLimits = { entries: 1000, entryBytes: 32 * MB, totalBytes: 64 * MB, ratio: 100, elements: 1000, textBytes: 1024 };
const subject = { what: '这个文件', damaged: (detail: string) => new AppError('bad_input', '文件已损坏。', detail) };
const stored = (name: string, content: string): RawPart => ({ ...deflatedPart(name, content), data: Buffer.from(content), method: 0 });
/** Text that hardly compresses, so no ratio is involved. */
const noise = (bytes: number) => randomBytes(bytes / 2).toString('hex');

async function refused(label: string, zip: Buffer, reason: RegExp, limits = LIMITS) {
  const m = await measure(label, () => checkZip(zip, limits, subject));
  expect(m.error, label).toBeInstanceOf(AppError);
  expect((m.error as AppError).message, label).toMatch(reason);
  // Loose, for a busy machine: they take 0–150 ms and 0–30 MB here.
  expect(m.ms, label).toBeLessThan(2500);
  if (m.peakMB !== null) expect(m.peakMB - m.beforeMB, label).toBeLessThan(100);
  return m.error as AppError;
}

describe('a zip checked before it is read', () => {
  it('lets an ordinary zip through', async () => {
    const zip = zipOf([deflatedPart('a.xml', '<a><b r="1">x</b></a>'), stored('b.bin', 'binary'), deflatedPart('c.xml', `<c>${noise(2 * MB)}</c>`)]);
    await expect(checkZip(zip, { ...LIMITS, textBytes: undefined }, subject)).resolves.toBeUndefined();
  });

  it('refuses more parts than the limit, whatever the end record says', async () => {
    const parts = Array.from({ length: 1001 }, (_, i) => stored(`p${i}.txt`, ''));
    await refused('1001 parts', zipOf(parts), /部件超过 1000 个/);
    const lying = zipOf(parts);
    // The end record says 1 part; the directory walks on through all of them.
    lying.writeUInt16LE(1, lying.length - 22 + 8);
    lying.writeUInt16LE(1, lying.length - 22 + 10);
    await refused('1001 parts, 1 declared', lying, /部件超过 1000 个/);
  });

  it('refuses a bomb by what its headers declare, before inflating it', async () => {
    const gigabyte = bombPart('word/document.xml', { fill: Buffer.alloc(MB), times: 1024 });
    const e = await refused('1 GB declared', zipOf([gigabyte]), /解压后过大（其中“word\/document.xml”声明 1024 MB，每个部件最多 32 MB），可能是“压缩炸弹”/);
    expect(e.detail).toBe('word/document.xml declares 1073741824 bytes inflated');
    await refused('8 MB from 8 KB declared', zipOf([bombPart('a.xml', { fill: Buffer.alloc(MB), times: 8 })]), /压缩比异常（“a.xml”声明压缩了 \d+ 倍，最多 100 倍）/);
    const parts = [0, 1, 2].map((i) => bombPart(`p${i}.bin`, { fill: Buffer.alloc(MB), times: 30 }));
    await refused('3 × 30 MB declared', zipOf(parts), /各部件合计声明超过 64 MB/, { ...LIMITS, ratio: 10_000 });
  });

  it('refuses a bomb whose headers lie by what it inflates to, stopping at the cap', async () => {
    const lying = (name: string, times: number) => bombPart(name, { fill: Buffer.alloc(MB), times, declared: 1000 });
    await refused('1 GB declared as 1000 bytes', zipOf([lying('word/media/image1.bmp', 1024)]), /“word\/media\/image1.bmp”超过 32 MB/, { ...LIMITS, ratio: 10_000 });
    await refused('8 MB from 8 KB, declared 1000 bytes', zipOf([lying('a.bin', 8)]), /压缩比异常（“a.bin”解压后超过压缩数据的 100 倍）/);
    // Two honest parts of 30 MB, and a third that says it is 1000 bytes.
    const honest = [0, 1].map((i) => bombPart(`p${i}.bin`, { fill: Buffer.alloc(MB), times: 30 }));
    await refused('2 × 30 MB and 30 MB declared small', zipOf([...honest, lying('p2.bin', 30)]), /解压后过大（合计超过 64 MB）/, { ...LIMITS, ratio: 10_000 });
    // A part that lies within the caps is inflated to its end, where jszip (and so the reader) finds it damaged.
    await refused('2 MB declared as 1000 bytes', zipOf([lying('p.bin', 2)]), /文件已损坏/, { ...LIMITS, ratio: 10_000 });
  });

  it('refuses XML a reader would build too much of: elements, a DTD, a run of text, endless markup', async () => {
    await refused('1001 elements', zipOf([deflatedPart('a.xml', `<a>${'<b/>'.repeat(1000)}</a>`)]), /内容过于繁杂（XML 元素超过 1000 个）/);
    // mammoth reads the part its relationships name, whatever the name: XML is known by its first byte too.
    await refused('1001 elements in a.bin', zipOf([deflatedPart('word/a.bin', `\ufeff \n<a>${'<b/>'.repeat(1000)}</a>`)]), /XML 元素超过 1000 个/);
    await expect(checkZip(zipOf([deflatedPart('word/media/a.png', Buffer.concat([Buffer.from('\x89PNG'), randomBytes(MB)]))]), LIMITS, subject)).resolves.toBeUndefined();
    // A picture whose later pieces start with '<' is not taken for XML half-way (the guard once asked each piece).
    const lt = Buffer.alloc(MB, 0x20);
    lt.write('\x89PNG', 0, 'latin1');
    lt.write(`<a>${'x'.repeat(4096)}</a>`, 64 * 1024, 'latin1'); // the second 64 KB piece, as the guard inflates it
    await expect(checkZip(zipOf([deflatedPart('word/media/b.png', lt)]), LIMITS, subject)).resolves.toBeUndefined();
    await refused('DTD', zipOf([deflatedPart('a.xml', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')]), /含有 DTD 声明（“a.xml”）/);
    await refused('text', zipOf([deflatedPart('a.xml', `<a>${'x'.repeat(1025)}</a>`)]), /一段文字过长（“a.xml”中超过 1 KB）/);
    await refused('markup', zipOf([deflatedPart('a.xml', `<a b="${noise(2 * MB)}`)]), /“a.xml”中有一个标记超过 1 MB/);
    // Text the caller does not limit is not refused.
    await expect(checkZip(zipOf([deflatedPart('a.xml', `<a>${'x'.repeat(2048)}</a>`)]), { ...LIMITS, textBytes: undefined }, subject)).resolves.toBeUndefined();
  });

  it('says a file that is no zip is damaged', async () => {
    await refused('not a zip', Buffer.from('PK not really a zip'), /文件已损坏/);
    const truncated = zipOf([deflatedPart('a.xml', '<a/>'.repeat(1000))]);
    await refused('truncated', truncated.subarray(0, truncated.length - 30), /文件已损坏/);
  });
});
