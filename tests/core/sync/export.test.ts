// The export's fast paths give the same bytes the slow, obviously-correct ones would.
import { describe, expect, it } from 'vitest';
import { canonicalJson, type Json } from '../../../electron/core/events/canonical';
import { canonicalEventsJson } from '../../../electron/core/sync/bundle-format';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { exportBundle } from '../../../electron/core/sync/export';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { verifyBundleBytes } from '../../../electron/core/sync/verify';
import { installation } from '../../helpers/offices';

describe('export', () => {
  it('canonical events text equals the general canonical JSON, escapes included', () => {
    const events = [
      { body: '{"a":"引号\\"和\\\\反斜杠","b":"\\u0000"}', sig: 'c2ln+/=' },
      { body: '换行\n制表\t', sig: '' },
    ];
    expect(canonicalEventsJson(events)).toBe(canonicalJson(events as unknown as Json));
  });

  it("SQLite's JSON quoting of a text is JSON.stringify's, for every character and for any string", () => {
    const db = new Database(':memory:');
    const quote = db.prepare("SELECT json_object('body', ?) AS v").pluck();
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue; // lone surrogates are not text; bodies never hold them
      const s = `a${String.fromCharCode(c)}"\\`;
      expect(quote.get(s)).toBe(JSON.stringify({ body: s }));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.jsonValue(), (s, v) => {
        expect(quote.get(s)).toBe(JSON.stringify({ body: s }));
        const body = canonicalJson(v as Json);
        expect(quote.get(body)).toBe(JSON.stringify({ body }));
      }),
      { numRuns: 2000, seed: 20230316 },
    );
    db.close();
  });

  it('the file holds exactly the canonical events the slow way would write, last and verbatim, and verifies', async () => {
    const o = installation({ office: '总指挥中心', role: 'center' });
    const unit = installation({ office: '市商务局', role: 'unit' });
    await Promise.all([o.ready, unit.ready]);
    // Text that needs escaping inside a body, and again inside the file.
    await o.call('task.update', { id: seedIds.task('吉政发〔2023〕3号', '1.1.1'), edit: { handler: '引号"反斜杠\\换行\n制表\t' } });
    // Another office's events stored between this one's: the order they were stored in is not the file's order.
    await unit.call('progress.report', { taskId: seedIds.task('吉政发〔2023〕3号', '1.1.1'), period: '2023-06', percent: 40, text: '进展' });
    await o.receive(unit.bundleFor());
    await o.call('task.update', { id: seedIds.task('吉政发〔2023〕3号', '1.1.2'), edit: { handler: '王五' } });
    const byRowid = o.store.sqlite.prepare("SELECT replica FROM events WHERE sig IS NOT NULL AND sig != '' ORDER BY rowid").pluck().all() as string[];
    expect(byRowid).not.toEqual([...byRowid].sort());
    const { bytes, manifest } = exportBundle(o.store);
    const text = bytes.toString('utf8');
    const rows = o.store.sqlite.prepare("SELECT body, sig FROM events WHERE sig IS NOT NULL AND sig != '' ORDER BY replica, seq").all() as { body: string; sig: string }[];
    const slow = canonicalJson(rows as unknown as Json);
    expect(text.endsWith(`"events":${slow}}`)).toBe(true);
    expect(manifest.count).toBe(rows.length);
    expect(manifest.eventsBytes).toBe(Buffer.byteLength(slow));
    expect(() => verifyBundleBytes(bytes)).not.toThrow();
  });
});
