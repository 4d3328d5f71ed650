// A bundle's bytes read from disk a window at a time answer exactly as the same bytes in memory: searches,
// hashes and the UTF-8 check across window edges, and a whole bundle verified either way.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesInMemory, bytesOnDisk, indexOfIn, isUtf8Of, sha256Of } from '../../../electron/core/sync/bundle-bytes';
import { exportBundle } from '../../../electron/core/sync/export';
import { verifyBundleBytes } from '../../../electron/core/sync/verify';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { installation } from '../../helpers/offices';
import { tempDir } from '../../helpers/temp-store';

function onDisk(buf: Buffer, window: number) {
  const path = join(tempDir(), 'bytes');
  writeFileSync(path, buf);
  return bytesOnDisk(path, buf.length, () => {}, window);
}

describe('bundle bytes on disk', () => {
  it('find, hash and check UTF-8 exactly as in memory, whatever the window', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.boolean(),
        (text, needleText, window, from, broken) => {
          const buf = Buffer.from(text + needleText + text);
          if (broken && buf.length) buf[buf.length >> 1] = 0xff;
          const needle = Buffer.from(needleText);
          const disk = onDisk(buf, window);
          const start = from % (buf.length + 1);
          expect(indexOfIn(disk, needle, start)).toBe(buf.indexOf(needle, start));
          expect(sha256Of(disk, start, buf.length)).toBe(createHash('sha256').update(buf.subarray(start)).digest('hex'));
          expect(isUtf8Of(disk)).toBe(isUtf8(buf));
          expect(disk.slice(start, buf.length)).toEqual(buf.subarray(start));
          disk.close();
        },
      ),
      { numRuns: 400, seed: 20230316 },
    );
  });

  it('verify a bundle read through a small window to the same events, bodies and signatures as in memory; close lets go', async () => {
    const o = installation({ office: '总指挥中心', role: 'center' });
    await o.ready;
    for (let i = 0; i < 20; i++) {
      await o.call('task.update', { id: seedIds.task('吉政发〔2023〕3号', `1.1.${(i % 3) + 1}`), edit: { content: `第${i}次：引号"反斜杠\\换行\n","sig":"x"}` } });
    }
    const { bytes } = exportBundle(o.store);
    let closed = false;
    const path = join(tempDir(), 'bundle');
    writeFileSync(path, bytes);
    const disk = bytesOnDisk(path, bytes.length, () => (closed = true), 97);
    const a = verifyBundleBytes(disk).events;
    const b = verifyBundleBytes(bytesInMemory(bytes)).events;
    expect(a.map((s) => [s.hash, s.body, s.sig])).toEqual(b.map((s) => [s.hash, s.body, s.sig]));
    expect(a.map((s) => Buffer.from(s.bodyLiteral!))).toEqual(b.map((s) => Buffer.from(s.bodyLiteral!)));

    // Imported through the same small window: every stored body is the exporter's, byte for byte.
    const receiver = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await receiver.ready;
    const source = { key: 'small-window', bytes: () => bytesOnDisk(path, bytes.length, () => {}, 97) };
    await receiver.receive(source, { dryRun: true, trust: true });
    const r = await receiver.receive(source, { trust: true });
    expect(r.applied).toBe(21);
    const rows = (store: typeof o.store) => store.sqlite.prepare('SELECT seq, body, hash, sig FROM events WHERE replica = ? ORDER BY seq').all(o.store.replicaId);
    expect(rows(receiver.store)).toEqual(rows(o.store));
    disk.close();
    expect(closed).toBe(true);
    expect(() => a[0]!.body).toThrow(/closed/);
    expect(existsSync(path)).toBe(true);
  });
});
