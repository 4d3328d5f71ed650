// Offices exchanging files only: a unit, its taskforce and the center end with the same ledger.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { stateDigest } from '../../../electron/core/sync/digest';
import { verifyBundleBytes } from '../../../electron/core/sync/verify';
import { installation } from '../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');

async function threeOffices() {
  const unit = installation({ office: '市商务局', role: 'unit', operator: '王芳' });
  const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1, operator: '李明' });
  const center = installation({ office: '总指挥中心', role: 'center' });
  await Promise.all([unit.ready, taskforce.ready, center.ready]);
  return { unit, taskforce, center };
}

const taskState = async (o: ReturnType<typeof installation>) =>
  (await o.call('task.detail', { id: TASK })).task;

describe('exchanging bundles', () => {
  it('carries progress and 销号 from a unit to its taskforce and the decision back; all three converge', async () => {
    const { unit, taskforce, center } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 100, text: '全年目标完成' });
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号', belowFull: true });

    const r1 = await taskforce.receive(unit.bundleFor());
    expect(r1).toMatchObject({ applied: expect.any(Number), quarantined: 0, gaps: [], newKeys: [expect.objectContaining({ replica: unit.store.replicaId })] });
    expect(r1.byEntity).toMatchObject({ progress: 1, closeout: 1 });
    expect((await taskState(taskforce)).status).toBe('pending_closeout');

    await taskforce.call('closeout.decide', { taskId: TASK, approve: true, reason: '' });
    // The unit's own events come back relayed and are skipped; only the decision is new to it.
    const r2 = await unit.receive(taskforce.bundleFor(unit.store.replicaId));
    expect(r2.byEntity).toEqual({ replica: 1, closeout: 1 });
    expect((await taskState(unit)).status).toBe('closed');

    // The center gets everything from the taskforce, relayed with the unit's own signatures.
    const r3 = await center.receive(taskforce.bundleFor());
    expect(r3.newKeys.map((k) => k.replica).sort()).toEqual([unit.store.replicaId, taskforce.store.replicaId].sort());
    await unit.receive(center.bundleFor());
    await taskforce.receive(center.bundleFor());
    await center.receive(unit.bundleFor());
    const digests = [unit, taskforce, center].map((o) => stateDigest(o.store));
    expect(new Set(digests).size).toBe(1);
  });

  it('importing the same bundle twice changes nothing the second time', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const bytes = unit.bundleFor();
    const first = await taskforce.receive(bytes);
    const digest = stateDigest(taskforce.store);
    const second = await taskforce.receive(bytes);
    expect(first.applied).toBeGreaterThan(0);
    expect(second).toMatchObject({ applied: 0, alreadyImported: true, skipped: first.applied });
    expect(stateDigest(taskforce.store)).toBe(digest);
  });

  it('checks the events where the exporter wrote them, and a file re-saved in another layout the long way: both import alike', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const bytes = unit.bundleFor();
    expect(bytes.toString().endsWith(']}')).toBe(true);
    // The same document, pretty-printed and with its keys in another order, as a text editor might save it.
    const { events, ...rest } = JSON.parse(bytes.toString()) as Record<string, unknown>;
    const resaved = Buffer.from(JSON.stringify({ events, ...rest }, null, 2));
    const other = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await other.ready;
    const a = await taskforce.receive(bytes);
    const b = await other.receive(resaved);
    expect(b.applied).toBe(a.applied);
    expect(b.applied).toBeGreaterThan(0);
    // One byte of the events changed where they lie: neither way accepts it.
    const flipped = Buffer.from(bytes);
    const at = flipped.indexOf(':40', flipped.lastIndexOf('percent')) + 1;
    expect(String.fromCharCode(flipped[at]!)).toBe('4');
    flipped[at] = '5'.charCodeAt(0);
    await expect(other.receive(flipped)).rejects.toSatisfy((e: unknown) => e instanceof AppError && /清单不符/.test(e.message));
  });

  it('a dry run reports exactly what applying does, and changes nothing', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const bytes = unit.bundleFor();
    const before = stateDigest(taskforce.store);
    const preview = await taskforce.receive(bytes, { dryRun: true });
    expect(stateDigest(taskforce.store)).toBe(before);
    const applied = await taskforce.receive(bytes, { trust: true });
    expect({ ...preview, applied_: true }).toEqual(applied);
  });

  it('asks for the fingerprint before trusting a new office, and refuses a changed key', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const before = stateDigest(taskforce.store);
    await expect(taskforce.receive(unit.bundleFor(), {})).rejects.toSatisfy((e: unknown) => e instanceof AppError && /核对指纹/.test(e.message));
    expect(stateDigest(taskforce.store)).toBe(before);
    await taskforce.receive(unit.bundleFor());

    // Another installation claiming to be the same office with another key: refused.
    const impostor = installation({ office: '市商务局', role: 'unit' });
    await impostor.ready;
    const forged = JSON.parse(unit.bundleFor().toString()) as { manifest: { keys: Record<string, string>; exporterKey: string } };
    forged.manifest.keys[unit.store.replicaId] = impostor.store.publicKey;
    await expect(taskforce.receive(Buffer.from(JSON.stringify(forged)))).rejects.toThrow(AppError);
  });

  it('quarantines an event its author’s role may not write, and keeps the rest of its log flowing', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('closeout.request', { taskId: TASK, statement: '申请销号', belowFull: true });
    // A unit approving its own request: the core refuses it, so write it around the core, as a forger would.
    const { id } = unit.store.sqlite.prepare('SELECT id FROM closeouts').get() as { id: string };
    unit.store.log.append([{ entity: 'closeout', entityId: id, op: 'put', fields: { state: 'approved', decidedOn: '2023-07-02' } }]);
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 90, text: '后续进展' });

    const r = await taskforce.receive(unit.bundleFor());
    expect(r.quarantined).toBe(1);
    expect(await taskState(taskforce)).toMatchObject({ status: 'pending_closeout', percent: 90 });
    const q = taskforce.store.sqlite.prepare('SELECT reason FROM quarantine').all();
    expect(q).toEqual([{ reason: '无权审批该任务销号' }]);
  });
});

describe('dispatch records from other offices', () => {
  it('quarantines a meeting record, a problem and an indicator value written by a unit around the core', async () => {
    const { unit, taskforce } = await threeOffices();
    const gdp = seedIds.target('吉政发〔2023〕3号', 'battle:1', 0); // owned by 市发改局, not 市商务局
    unit.store.log.append([
      { entity: 'meeting', entityId: 'm-forged', op: 'put', fields: { month: '2023-06', heldOn: '2023-06-30' } },
      { entity: 'problem', entityId: 'p-forged', op: 'put', fields: { taskId: TASK, unitId: 'x', text: '自行交办', deadline: '2023-08-01', state: 'open' } },
      { entity: 'indicatorValue', entityId: 'v-forged', op: 'put', fields: { indicatorId: gdp, period: '2023-06', value: 99 } },
    ]);
    const r = await taskforce.receive(unit.bundleFor());
    expect(r.quarantined).toBe(3);
    for (const table of ['meetings', 'problems', 'indicator_values']) {
      expect((taskforce.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
  });
});

describe('hostile files', () => {
  it('refuses each with a Chinese reason and leaves the store byte for byte as it was', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const good = unit.bundleFor();
    const json = () => JSON.parse(good.toString()) as Record<string, any>;
    // The edits below must hit something.
    expect(good.toString()).toContain('\\"percent\\":40');
    expect(good.toString()).toContain('"version":[1,0]');
    const variants: [string, Uint8Array][] = [
      ['empty', Buffer.alloc(0)],
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
      ['not a bundle', Buffer.from('{"hello":"world"}')],
      ['unknown major', Buffer.from(JSON.stringify({ ...json(), version: [2, 0] }))],
      ['newer minor with unknown field', Buffer.from(JSON.stringify({ ...json(), version: [1, 3], extra: true }))],
      ['__proto__ key', Buffer.from(good.toString().replace('"format"', '"__proto__":{"polluted":1},"format"'))],
      ['deep nesting', Buffer.from(`${'['.repeat(100000)}${']'.repeat(100000)}`)],
      ['event body edited', Buffer.from(good.toString().replace('\\"percent\\":40', '\\"percent\\":99'))],
      ['manifest edited', Buffer.from(JSON.stringify({ ...json(), manifest: { ...json().manifest, exporterOffice: '市财政局' } }))],
      ['duplicate key in body', Buffer.from(good.toString().replace('\\"percent\\":40', '\\"percent\\":40,\\"percent\\":99'))],
      ['version bumped', Buffer.from(good.toString().replace('"version":[1,0]', '"version":[1,1]'))],
      ['other plan', Buffer.from(JSON.stringify({ ...json(), manifest: { ...json().manifest, plan: '云政发〔2024〕12号' } }))],
    ];
    const before = taskforce.store.sqlite.serialize();
    const accepted: string[] = [];
    for (const [name, bytes] of variants) {
      try {
        await taskforce.receive(bytes);
        accepted.push(name);
      } catch (e) {
        expect(e, name).toBeInstanceOf(AppError);
        expect((e as AppError).message, name).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(accepted).toEqual([]);
    // Byte for byte: the serialized database, not only the shared state, is as it was.
    expect(Buffer.compare(taskforce.store.sqlite.serialize(), before)).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses the bundle truncated at every byte, and the store stays byte for byte as it was', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const good = unit.bundleFor();
    const before = taskforce.store.sqlite.serialize();
    const accepted: number[] = [];
    for (let length = 0; length < good.length; length++) {
      try {
        await taskforce.receive(good.subarray(0, length));
        accepted.push(length);
      } catch (e) {
        if (!(e instanceof AppError) || !/[\u4e00-\u9fff]/.test(e.message)) throw e;
      }
    }
    expect(accepted).toEqual([]);
    expect(Buffer.compare(taskforce.store.sqlite.serialize(), before)).toBe(0);
  });

  it('survives thousands of byte-level mutations of a valid bundle without a crash or a changed store', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const good = unit.bundleFor();
    const before = taskforce.store.sqlite.serialize();
    let seed = 20230316;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let refused = 0;
    const runs = 2000;
    for (let i = 0; i < runs; i++) {
      const bytes = Buffer.from(good);
      const flips = 1 + Math.floor(rand() * 3);
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(rand() * bytes.length);
        bytes[at] = bytes[at]! ^ (1 << Math.floor(rand() * 8));
      }
      try {
        await taskforce.receive(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        refused++;
      }
    }
    // A flipped bit inside insignificant JSON white space does not exist here (compact JSON): every mutation is caught.
    expect(refused).toBe(runs);
    expect(Buffer.compare(taskforce.store.sqlite.serialize(), before)).toBe(0);
  });
});

describe('concurrent edits of one field', () => {
  const conflictsOf = (o: ReturnType<typeof installation>) =>
    o.store.sqlite.prepare("SELECT field, winner_value AS winner, loser_value AS loser FROM conflicts WHERE entity = 'task'").all();

  it('are recorded as a conflict on both sides, with the same winner; sequential edits are not', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('task.update', { id: TASK, edit: { leadPerson: '赵局长' } });
    await taskforce.call('task.update', { id: TASK, edit: { leadPerson: '钱局长' } });
    await taskforce.receive(unit.bundleFor());
    await unit.receive(taskforce.bundleFor());
    const a = conflictsOf(unit);
    const b = conflictsOf(taskforce);
    expect(a).toHaveLength(1);
    expect(a).toEqual(b);
    expect([a[0]]).toEqual([expect.objectContaining({ field: 'leadPerson' })]);
    const shown = async (o: ReturnType<typeof installation>) => (await o.call('task.detail', { id: TASK })).task.leadPerson;
    expect(await shown(unit)).toBe(await shown(taskforce));

    // The unit, having seen both values, writes a third: an edit made knowing both settles the conflict,
    // in both offices.
    await unit.call('task.update', { id: TASK, edit: { leadPerson: '孙局长' } });
    await taskforce.receive(unit.bundleFor(taskforce.store.replicaId));
    expect(conflictsOf(taskforce)).toEqual([]);
    expect(conflictsOf(unit)).toEqual([]);
    expect(await shown(taskforce)).toBe('孙局长');
  });
});

describe('settling a conflict', () => {
  it('with the other value writes it as an edit that, once exchanged, clears the conflict everywhere', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('task.update', { id: TASK, edit: { handler: '周科员' } });
    await taskforce.call('task.update', { id: TASK, edit: { handler: '吴科员' } });
    await taskforce.receive(unit.bundleFor());
    await unit.receive(taskforce.bundleFor());
    const info = await taskforce.call('sync.info', {});
    expect(info.conflicts).toEqual([expect.objectContaining({ field: '具体承办人' })]);
    const c = info.conflicts[0]!;
    await taskforce.call('conflicts.settle', { id: c.id, useOther: true });
    const value = async (o: ReturnType<typeof installation>) => (await o.call('task.detail', { id: TASK })).task.handler;
    expect(await value(taskforce)).toBe(c.other);
    await unit.receive(taskforce.bundleFor(unit.store.replicaId));
    expect(await value(unit)).toBe(c.other);
    expect((await unit.call('sync.info', {})).conflicts).toEqual([]);
    expect((await taskforce.call('sync.info', {})).conflicts).toEqual([]);
  });
});

describe('more hostile bundles', () => {
  it('a fork — the same office and sequence with other content, validly signed — is refused and changes nothing', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    await taskforce.receive(unit.bundleFor());
    // The unit's PC restored from an old backup and wrote something else under the same numbers.
    const bundle = JSON.parse(unit.bundleFor().toString()) as { manifest: Record<string, unknown>; events: { body: string; sig: string }[]; signature: string; format: string; version: [number, number] };
    const last = bundle.events.at(-1)!;
    last.body = last.body.replace('"percent":40', '"percent":5');
    last.sig = unit.store.log.signBody(last.body);
    const { canonicalJson, sha256Hex } = await import('../../../electron/core/events/canonical');
    const { signedPart } = await import('../../../electron/core/sync/bundle-format');
    const text = canonicalJson(bundle.events as never);
    bundle.manifest = { ...bundle.manifest, bundleId: '01a21d99-0000-7000-8000-000000000001', eventsSha256: sha256Hex(text), eventsBytes: Buffer.byteLength(text) };
    bundle.signature = unit.store.log.signBody(signedPart(bundle.format, bundle.version, bundle.manifest as never));
    const before = stateDigest(taskforce.store);
    await expect(taskforce.receive(Buffer.from(JSON.stringify(bundle)))).rejects.toSatisfy((e: unknown) => e instanceof AppError && /同一单位同一序号内容不同/.test(e.message));
    expect(stateDigest(taskforce.store)).toBe(before);
  });

  it('edited events with a recomputed hash but no valid signature are refused', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '进展' });
    const bundle = JSON.parse(unit.bundleFor().toString()) as { manifest: Record<string, unknown>; events: { body: string; sig: string }[] };
    bundle.events.at(-1)!.body = bundle.events.at(-1)!.body.replace('"percent":40', '"percent":99');
    const { canonicalJson, sha256Hex } = await import('../../../electron/core/events/canonical');
    const text = canonicalJson(bundle.events as never);
    bundle.manifest = { ...bundle.manifest, eventsSha256: sha256Hex(text), eventsBytes: Buffer.byteLength(text) };
    await expect(taskforce.receive(Buffer.from(JSON.stringify(bundle)))).rejects.toSatisfy((e: unknown) => e instanceof AppError && /签名无效/.test(e.message));
  });

  it('an earlier event edited (hash and manifest recomputed) breaks the chain to the signed last one, and is refused', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-05', percent: 20, text: '五月' });
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '六月' });
    const { canonicalJson, sha256Hex } = await import('../../../electron/core/events/canonical');
    const { signedPart } = await import('../../../electron/core/sync/bundle-format');
    const tamper = (relink: boolean) => {
      const bundle = JSON.parse(unit.bundleFor().toString()) as { manifest: Record<string, unknown>; events: { body: string; sig: string }[]; signature: string; format: string; version: [number, number] };
      const i = bundle.events.findIndex((e) => e.body.includes('"percent":20'));
      expect(i).toBeGreaterThanOrEqual(0);
      const oldHash = sha256Hex(bundle.events[i]!.body);
      bundle.events[i]!.body = bundle.events[i]!.body.replace('"percent":20', '"percent":90');
      // Relinking the next event changes its body too, and the signature over it no longer holds.
      if (relink) bundle.events[i + 1]!.body = bundle.events[i + 1]!.body.replace(oldHash, sha256Hex(bundle.events[i]!.body));
      const text = canonicalJson(bundle.events as never);
      bundle.manifest = { ...bundle.manifest, eventsSha256: sha256Hex(text), eventsBytes: Buffer.byteLength(text) };
      // Whoever carries the file can sign its manifest anew; the events are the authors' own.
      bundle.signature = unit.store.log.signBody(signedPart(bundle.format, bundle.version, bundle.manifest as never));
      return Buffer.from(JSON.stringify(bundle));
    };
    const before = stateDigest(taskforce.store);
    await expect(taskforce.receive(tamper(false))).rejects.toSatisfy((e: unknown) => e instanceof AppError && /衔接不上/.test(e.message));
    await expect(taskforce.receive(tamper(true))).rejects.toSatisfy((e: unknown) => e instanceof AppError && /签名无效/.test(e.message));
    expect(stateDigest(taskforce.store)).toBe(before);
  });

  it('a bundle after a missing one reports the gap and applies nothing past it; the full bundle fills it', async () => {
    const { unit, taskforce } = await threeOffices();
    await unit.call('progress.report', { taskId: TASK, period: '2023-05', percent: 20, text: '五月' });
    await taskforce.receive(unit.bundleFor());
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '六月' });
    await unit.receive(taskforce.bundleFor()); // the unit learns what the taskforce holds
    const lost = unit.bundleFor(taskforce.store.replicaId); // carries the June report; never arrives
    expect(lost.length).toBeGreaterThan(0);
    await unit.call('progress.report', { taskId: TASK, period: '2023-07-1', percent: 50, text: '七月上旬' });
    // The unit thinks the taskforce got the June report: mark it so, as an exchange would.
    unit.store.sqlite.prepare('UPDATE peers SET known_vector = ? WHERE replica_id = ?').run(JSON.stringify({ [unit.store.replicaId]: 3 }), taskforce.store.replicaId);
    const r = await taskforce.receive(unit.bundleFor(taskforce.store.replicaId));
    expect(r.gaps).toEqual([{ replica: unit.store.replicaId, from: 3, to: 3 }]);
    expect(r.applied).toBe(0);
    const full = await taskforce.receive(unit.bundleFor());
    expect(full.gaps).toEqual([]);
    expect((await taskforce.call('task.detail', { id: TASK })).task.percent).toBe(50);
  });

  it('an oversized file is refused before it is read', async () => {
    const { MAX_BUNDLE_BYTES } = await import('../../../electron/core/sync/bundle-format');
    expect(() => verifyBundleBytes(new Uint8Array(MAX_BUNDLE_BYTES + 1))).toThrow(/文件过大/);
  });
});

describe('evidence files', () => {
  it('travel with the progress lines that refer to them, verified by their hash', async () => {
    const { unit, taskforce } = await threeOffices();
    const file = Buffer.from('春季车展总结：成交额 1.2 亿元');
    await unit.call('progress.report', { taskId: TASK, period: '2023-06', percent: 40, text: '附总结', evidence: [{ name: '总结.txt', contentBase64: file.toString('base64') }] });
    const bytes = unit.bundleFor();
    await taskforce.receive(bytes);
    const { progress } = await taskforce.call('task.detail', { id: TASK });
    const back = await taskforce.call('evidence.get', { sha256: progress[0]!.evidence[0]!.sha256, name: '总结.txt' });
    expect(back.file.name).toBe('总结.txt');
    expect(taskforce.made(back.file).equals(file)).toBe(true);

    // The same bundle with the file's bytes changed: refused.
    const tampered = JSON.parse(bytes.toString()) as { attachments: Record<string, string> };
    const [hash] = Object.keys(tampered.attachments);
    tampered.attachments[hash!] = Buffer.from('篡改后的内容').toString('base64');
    const other = installation({ office: '总指挥中心', role: 'center' });
    await other.ready;
    await expect(other.receive(Buffer.from(JSON.stringify(tampered)))).rejects.toSatisfy((e: unknown) => e instanceof AppError && /附件/.test(e.message));
  });
});
