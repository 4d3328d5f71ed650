// A bundle read in place: the events found where the exporter wrote them, their bodies kept as places in the
// file and stored by SQLite from their JSON literals — byte for byte what the long way gives.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, type Json } from '../../../electron/core/events/canonical';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { bytesInMemory } from '../../../electron/core/sync/bundle-bytes';
import { isEd25519Sig, layOut } from '../../../electron/core/sync/bundle-layout';
import { isBundleSig } from '../../../electron/core/sync/bundle-format';
import { exportBundle } from '../../../electron/core/sync/export';
import { verifyBundleBytes } from '../../../electron/core/sync/verify';
import { AppError } from '../../../shared/errors';
import { installation } from '../../helpers/offices';
import { countPrivateCopies, tempDir } from '../../helpers/temp-store';
import { filesByPath } from '../../../electron/core/files/picked-files';
import { forgetVerified } from '../../../electron/core/sync/import';
import { MAX_BUNDLE_BYTES } from '../../../electron/core/sync/bundle-format';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');
/** Text that looks like the file's own punctuation, inside a body and so twice escaped inside the file. */
const TRICKY = '","sig":"AAAA"},{"body":"x\\"}]}\\\\';

async function exporterWithTrickyText() {
  const o = installation({ office: '总指挥中心', role: 'center' });
  await o.ready;
  await o.call('task.update', { id: TASK, edit: { content: `${TRICKY}换行\n制表\t` } });
  return o;
}

describe('reading a bundle in place', () => {
  it("SQLite decodes a body's JSON literal to exactly the text JSON.parse gives, for every character and any string", () => {
    const db = new Database(':memory:');
    const decode = db.prepare("SELECT CAST(? AS TEXT) ->> '$' AS v").pluck();
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue; // lone surrogates are not text; a canonical body never holds one
      const s = `a${String.fromCharCode(c)}"\\`;
      expect(decode.get(Buffer.from(JSON.stringify(s)))).toBe(s);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.jsonValue(), (s, v) => {
        expect(decode.get(Buffer.from(JSON.stringify(s)))).toBe(s);
        const body = canonicalJson(v as Json);
        expect(decode.get(Buffer.from(JSON.stringify(body)))).toBe(body);
      }),
      { numRuns: 2000, seed: 20230316 },
    );
    db.close();
  });

  it("checks a signature's bytes by the same rule as its text: every one it passes, the text rule passes; real ones pass", async () => {
    const base64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...base64), { minLength: 85, maxLength: 85 }),
        fc.constantFrom(...'AQgwBxz='),
        fc.option(fc.tuple(fc.nat(87), fc.constantFrom(...'=-_ é\u0000'))),
        (body, last, broken) => {
          const chars = [...body, last, '=', '='];
          if (broken) chars[broken[0]] = broken[1];
          const text = chars.join('');
          expect(isEd25519Sig(Buffer.from(text, 'latin1'))).toBe(isBundleSig(text));
        },
      ),
      { numRuns: 5000, seed: 20230316 },
    );
    const o = await exporterWithTrickyText();
    const sigs = (JSON.parse(exportBundle(o.store).bytes.toString('utf8')) as { events: { sig: string }[] }).events.map((e) => e.sig);
    for (const sig of sigs) expect(isEd25519Sig(Buffer.from(sig, 'latin1'))).toBe(true);
    expect(isEd25519Sig(Buffer.from(`${sigs[0]!.slice(0, 85)}B==`, 'latin1'))).toBe(false);
  });

  it("finds every event's body and signature where the exporter wrote them, even around text that looks like the file's punctuation", async () => {
    const o = await exporterWithTrickyText();
    const { bytes } = exportBundle(o.store);
    const laid = layOut(bytesInMemory(bytes));
    expect(laid).not.toBeNull();
    const whole = JSON.parse(bytes.toString('utf8')) as { events: { body: string; sig: string }[] };
    expect(whole.events.map((_, i) => bytes.toString('latin1', laid!.sigStart[i], laid!.sigEnd[i]))).toEqual(whole.events.map((e) => e.sig));
    const bodies = whole.events.map((_, i) => JSON.parse(bytes.toString('utf8', laid!.bodyStart[i], laid!.bodyEnd[i])) as string);
    expect(bodies).toEqual(whole.events.map((e) => e.body));
    expect(bodies.some((b) => b.includes(JSON.stringify(TRICKY).slice(1, -1)))).toBe(true);
  });

  it('leaves any other layout to the long way: pretty-printed, events not last, a space, an extra key, a trailing newline, a changed byte', async () => {
    const o = await exporterWithTrickyText();
    const { bytes } = exportBundle(o.store);
    const text = bytes.toString('utf8');
    const { events, ...head } = JSON.parse(text) as { events: unknown[] };
    const others = [
      JSON.stringify({ ...head, events }, null, 1),
      JSON.stringify({ events, ...head }),
      text.replace('},{"body"', '}, {"body"'),
      text.replace('"},{"body"', '","x":1},{"body"'),
      `${text}\n`,
      text.replace('"op\\":\\"put', '"op\\":\\"pvt'),
    ];
    for (const other of others) {
      expect(other).not.toBe(text);
      expect(layOut(bytesInMemory(Buffer.from(other)))).toBeNull();
    }
    // The first three are the same bundle: the long way accepts them.
    for (const other of others.slice(0, 3)) expect(verifyBundleBytes(Buffer.from(other)).events).toHaveLength(events.length);
  });

  it('keeps the bodies as places in the file, and the store holds exactly the bodies the exporter holds', async () => {
    const o = await exporterWithTrickyText();
    const { bytes } = exportBundle(o.store);
    const inPlace = verifyBundleBytes(bytes).events;
    const longWay = verifyBundleBytes(Buffer.from(JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2))).events;
    for (const [i, s] of inPlace.entries()) {
      expect(s.bodyLiteral).toBeDefined();
      expect(longWay[i]!.bodyLiteral).toBeUndefined();
      expect(s.body).toBe(longWay[i]!.body);
      expect(s.hash).toBe(sha256Hex(s.body));
    }

    const receiver = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await receiver.ready;
    const r = await receiver.receive(bytes);
    expect(r.applied).toBeGreaterThan(0);
    const rows = (store: typeof o.store) =>
      store.sqlite.prepare("SELECT replica, seq, body, hash, sig FROM events WHERE replica = ? ORDER BY seq").all(o.store.replicaId) as { body: string; hash: string }[];
    const got = rows(receiver.store);
    expect(got).toEqual(rows(o.store));
    for (const row of got) expect(sha256Hex(row.body)).toBe(row.hash);
    const content = async (x: typeof o) => (await x.call('task.detail', { id: TASK })).task.content;
    expect(await content(receiver)).toContain(TRICKY);
    expect(await content(receiver)).toBe(await content(o));
  });
});

describe('a preview followed by its import', () => {
  it('verifies the file once, and a file that differs in one byte of its head or its events is verified anew', async () => {
    const o = await exporterWithTrickyText();
    const { bytes } = exportBundle(o.store);
    const receiver = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await receiver.ready;
    const events = bytes.indexOf(',"events":[');
    const inEvents = Buffer.from(bytes);
    inEvents[bytes.indexOf('put', events)] = 'p'.charCodeAt(0) + 1;
    const inHead = Buffer.from(bytes);
    const created = inHead.indexOf('"createdAt":"') + '"createdAt":"'.length;
    inHead[created] = inHead[created]! + 1;
    for (const changed of [inEvents, inHead]) {
      await receiver.receive(bytes, { dryRun: true, trust: true });
      await expect(receiver.receive(changed)).rejects.toSatisfy((e: unknown) => e instanceof AppError && /清单不符|签名无效/.test(e.message));
    }
    expect((await receiver.receive(bytes)).applied).toBeGreaterThan(0);
  });

  it('keeps the private copy of a picked file from its preview to its import, and lets it go when the application stops', async () => {
    const copies = countPrivateCopies();
    const o = await exporterWithTrickyText();
    const path = join(tempDir(), '总指挥中心_至_全部.ledger.json');
    writeFileSync(path, exportBundle(o.store).bytes);
    const receiver = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await receiver.ready;
    const before = copies();
    await receiver.receive(filesByPath.open(path, MAX_BUNDLE_BYTES), { dryRun: true, trust: true });
    expect(copies()).toBe(before + 1);
    expect((await receiver.receive(filesByPath.open(path, MAX_BUNDLE_BYTES))).applied).toBeGreaterThan(0);
    expect(copies()).toBe(before);
    await receiver.receive(filesByPath.open(path, MAX_BUNDLE_BYTES), { dryRun: true, trust: true });
    expect(copies()).toBe(before + 1);
    forgetVerified();
    expect(copies()).toBe(before);
  });
});
