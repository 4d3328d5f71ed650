// The hostile corpus: what an office holding a valid key (its PC taken, its store edited) can send, made by the
// test from real installations — forged events signed with the real key, clocks far ahead, malformed fields,
// heads edited and signed again. Each case is refused whole with its reason (the receiving store byte for byte
// as it was) or its events are quarantined or held with their reason (never folded); after every case the
// receiving office's own export still verifies. Counts, time and memory are printed at the end.
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { signedPart } from '../../../electron/core/sync/bundle-format';
import { exportBundle } from '../../../electron/core/sync/export';
import { reconsiderQuarantine } from '../../../electron/core/sync/release';
import { verifyBundleBytes } from '../../../electron/core/sync/verify';
import { formatHlc } from '../../../electron/core/events/hlc';
import { openStore } from '../../../electron/core/store/open-store';
import { v7 as uuidv7 } from 'uuid';
import { craftedBundle, forge, type Forgery } from '../../helpers/forge';
import { installation } from '../../helpers/offices';

const PLAN = '吉政发〔2023〕3号';
const TASK = seedIds.task(PLAN, '1.1.1'); // 市商务局 leads; 市发改局 and 市交通运输局 cooperate
const OTHER_BATTLE_TASK = seedIds.task(PLAN, '2.1.1');
const YEAR_2100 = Date.UTC(2100, 0, 1);

type Office = ReturnType<typeof installation>;
type Outcome = 'refused' | 'quarantined' | 'held';
const corpus: { name: string; outcome: Outcome; ms: number }[] = [];

afterAll(() => {
  if (!corpus.length) return;
  const count = (o: Outcome) => corpus.filter((c) => c.outcome === o).length;
  const worst = corpus.reduce((a, b) => (b.ms > a.ms ? b : a), corpus[0]!);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`hostile corpus: ${corpus.length} cases — ${count('refused')} refused, ${count('quarantined')} quarantined, ${count('held')} held; slowest ${worst.name} ${worst.ms.toFixed(0)} ms; peak RSS of the test process ${peakMb} MB`);
});

async function offices() {
  const unit = installation({ office: '市商务局', role: 'unit', operator: '王芳' });
  const other = installation({ office: '市交通运输局', role: 'unit' });
  const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1, operator: '李明' });
  const center = installation({ office: '总指挥中心', role: 'center' });
  await Promise.all([unit.ready, other.ready, taskforce.ready, center.ready]);
  return { unit, other, taskforce, center };
}

const unitIdOf = (o: Office, name: string) => (o.store.sqlite.prepare('SELECT id FROM units WHERE name = ?').pluck().get(name) as string) ?? name;
const quarantine = (o: Office) => o.store.sqlite.prepare('SELECT reason, kind FROM quarantine ORDER BY seq').all() as { reason: string; kind: string }[];
const taskStatus = async (o: Office) => (await o.call('task.detail', { id: TASK })).task.status;

/** The office's own export still verifies, and its own next change is dated now, whatever it received. */
async function stillSound(o: Office) {
  await o.call('progress.report', { taskId: TASK, period: '2023-06-2', percent: 10, text: '本机后续进展', unit: '市商务局' });
  const own = o.store.sqlite.prepare('SELECT hlc FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1').pluck().get(o.store.replicaId) as string;
  expect(Number(own.slice(0, 15))).toBeLessThan(Date.now() + 60_000);
  expect(() => verifyBundleBytes(o.bundleFor())).not.toThrow();
}

/** Runs a case, timing it; the outcome is recorded once its assertions have passed. */
async function measured(name: string, outcome: Outcome, body: () => Promise<void>) {
  const t = performance.now();
  await body();
  const ms = performance.now() - t;
  expect(ms, name).toBeLessThan(5000);
  corpus.push({ name, outcome, ms });
}

/**
 * The attacker (a unit's real installation) writes the forgeries; the victim receives its bundle. Asserts the
 * forged events are quarantined with these reasons and that the rest of the attacker's log still applies.
 */
async function expectQuarantined(attacker: Office, victim: Office, forgeries: Forgery[], reasons: RegExp[], kind = 'role') {
  forge(attacker.store, forgeries);
  // An honest change after the forgeries: the author's chain goes on.
  await attacker.call('progress.report', { taskId: TASK, period: '2023-06-1', percent: 20, text: '之后的正常进展' }).catch(() => undefined);
  const r = await victim.receive(attacker.bundleFor());
  const q = quarantine(victim).filter((x) => x.kind === kind);
  expect(q.map((x) => x.reason).length, JSON.stringify(q)).toBe(reasons.length);
  reasons.forEach((re, i) => expect(q[i]!.reason).toMatch(re));
  expect(r.applied).toBeGreaterThan(0);
  await stillSound(victim);
}

/** Refused whole with a Chinese reason matching `re`, the store byte for byte as it was. */
async function expectRefused(victim: Office, bytes: Uint8Array, re: RegExp) {
  const before = victim.store.sqlite.serialize();
  const err = await victim.receive(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).message).toMatch(re);
  expect(Buffer.compare(victim.store.sqlite.serialize(), before)).toBe(0);
  await stillSound(victim);
}

/** The attacker's export with its head edited and signed again with the attacker's real key. */
function resigned(attacker: Office, edit: (head: Record<string, any>) => void, rawHead?: (text: string) => string): Buffer {
  const bytes = exportBundle(attacker.store).bytes;
  const at = bytes.indexOf(',"events":[');
  const head = JSON.parse(`${bytes.subarray(0, at).toString()}}`) as Record<string, any>;
  edit(head);
  head.signature = attacker.store.log.signBody(signedPart(head.format, head.version, head.manifest));
  let text = JSON.stringify(head).slice(0, -1);
  if (rawHead) text = rawHead(text);
  return Buffer.concat([Buffer.from(text), bytes.subarray(at)]);
}

/** An event's canonical text by hand, for values canonicalJson cannot walk; `fieldsText` is the fields' JSON. */
function bodyText(replica: string, seq: number, prevHash: string, fieldsText: string): string {
  return `{"entity":"task","entityId":"${TASK}","fields":${fieldsText},"hlc":"${formatHlc(Date.now(), 0)}","id":"${uuidv7()}","op":"put","prevHash":"${prevHash}","replica":"${replica}","schemaVersion":1,"seq":${seq}}`;
}

const headOf = (o: Office, replica: string) =>
  (o.store.sqlite.prepare('SELECT seq, hash FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1').get(replica) as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: '0'.repeat(64) };

describe('roles are granted, never claimed', () => {
  // A unit re-announces itself (as the centre's role, or as the centre's office), then approves its own 销号.
  const claims: [string, (unit: Office) => Record<string, unknown>][] = [
    ['as the centre', (u) => ({ officeUnitId: unitIdOf(u, '市商务局'), role: 'center', battle: 0, operator: '王芳', publicKey: u.store.publicKey })],
    ['as the office 市政府督查室', (u) => ({ officeUnitId: unitIdOf(u, '市政府督查室'), role: 'unit', battle: 0 })],
  ];
  for (const [name, claim] of claims) {
    it(`a unit that re-announces itself ${name} and approves its own 销号: both quarantined, the task not closed`, async () => {
      await measured(`self-promotion ${name} + own approval`, 'quarantined', async () => {
        const { unit, center } = await offices();
        await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号', belowFull: true });
        const closeout = unit.store.sqlite.prepare('SELECT id FROM closeouts').pluck().get() as string;
        await expectQuarantined(
          unit,
          center,
          [
            { entity: 'replica', entityId: unit.store.replicaId, fields: claim(unit) },
            { entity: 'closeout', entityId: closeout, fields: { taskId: TASK, state: 'approved', deciderUnitId: unitIdOf(unit, '市商务局'), reason: '', decidedOn: '2023-07-02' } },
          ],
          [/不能自行更改/, /无权审批/],
        );
        expect(await taskStatus(center)).toBe('pending_closeout');
      });
    });
  }

  it('what a person confirms is the first announcement, shown in the preview; without confirmation nothing is applied', async () => {
    await measured('new key shown with its claim; later claim of center', 'quarantined', async () => {
      const { unit, taskforce } = await offices();
      forge(unit.store, [{ entity: 'replica', entityId: unit.store.replicaId, fields: { role: 'center' } }]);
      const preview = await taskforce.receive(unit.bundleFor(), { dryRun: true });
      expect(preview.newKeys).toEqual([expect.objectContaining({ replica: unit.store.replicaId, office: '市商务局', role: 'unit' })]);
      // Without the person's confirmation nothing is pinned or applied.
      const before = taskforce.store.sqlite.serialize();
      await expect(taskforce.receive(unit.bundleFor(), {})).rejects.toThrow(/尚未确认/);
      expect(Buffer.compare(taskforce.store.sqlite.serialize(), before)).toBe(0);
      // Confirmed, the key is granted what it announced first: its later claim of the centre is quarantined.
      await taskforce.receive(unit.bundleFor());
      expect(quarantine(taskforce).map((q) => q.reason)).toEqual([expect.stringMatching(/不能自行更改/)]);
    });
  });

  it('a unit deleting a task it leads, or editing a plan record: quarantined', async () => {
    await measured('unit deletes its task / edits the plan', 'quarantined', async () => {
      const { unit, center } = await offices();
      await expectQuarantined(
        unit,
        center,
        [
          { entity: 'task', entityId: TASK, op: 'delete', fields: {} },
          { entity: 'unit', entityId: unitIdOf(unit, '市商务局'), fields: { name: '市商务局（已改）' } },
        ],
        [/无权修改该任务/, /只有总指挥中心/],
      );
      expect((center.store.sqlite.prepare('SELECT deleted FROM tasks WHERE id = ?').pluck().get(TASK) as number)).toBe(0);
    });
  });

  it('a unit filing progress in another unit’s name, or overwriting and deleting the taskforce’s own line: quarantined', async () => {
    await measured('progress in another name / over another office’s line', 'quarantined', async () => {
      const { unit, taskforce, center } = await offices();
      await taskforce.call('progress.report', { taskId: TASK, period: '2023-06', percent: 50, text: '专班本单位的进展' });
      const line = taskforce.store.sqlite.prepare('SELECT id FROM progress').pluck().get() as string;
      await center.receive(taskforce.bundleFor());
      await unit.receive(taskforce.bundleFor());
      await expectQuarantined(
        unit,
        center,
        [
          { entity: 'progress', entityId: 'forged-line', fields: { taskId: TASK, unitId: unitIdOf(unit, '市交通运输局'), period: '2023-06', percent: 100, text: '冒名报送', evidence: [], reportedOn: '2023-07-02' } },
          { entity: 'progress', entityId: line, fields: { percent: 0, text: '改掉专班的进展' } },
          { entity: 'progress', entityId: line, op: 'delete', fields: {} },
        ],
        [/名义/, /其他单位的记录/, /其他单位的记录/],
      );
      expect(center.store.sqlite.prepare('SELECT percent, deleted FROM progress WHERE id = ?').get(line)).toEqual({ percent: 50, deleted: 0 });
    });
  });

  it('a unit impersonating another office’s identity, granting roles or releasing quarantined records: quarantined', async () => {
    await measured('identity of another / grant / release by a unit', 'quarantined', async () => {
      const { unit, taskforce, center } = await offices();
      await center.receive(taskforce.bundleFor());
      await expectQuarantined(
        unit,
        center,
        [
          { entity: 'replica', entityId: taskforce.store.replicaId, fields: { role: 'unit' } },
          { entity: 'grant', entityId: unit.store.replicaId, fields: { officeUnitId: unitIdOf(unit, '市商务局'), role: 'center', battle: 0 } },
          { entity: 'release', entityId: 'some-event', fields: { reason: '自己放行' } },
        ],
        [/冒充/, /确认单位的角色/, /放行/],
      );
    });
  });

  it('a taskforce editing another battle’s task or moving its task there, and a unit undoing an approval: quarantined', async () => {
    await measured('taskforce outside its battle / unit re-pends an approval', 'quarantined', async () => {
      const { unit, taskforce, center } = await offices();
      await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号', belowFull: true });
      await taskforce.receive(unit.bundleFor());
      await taskforce.call('closeout.decide', { taskId: TASK, approve: true, reason: '' });
      await unit.receive(taskforce.bundleFor());
      await center.receive(taskforce.bundleFor());
      const closeout = unit.store.sqlite.prepare('SELECT id FROM closeouts').pluck().get() as string;
      const battle2 = center.store.sqlite.prepare('SELECT id FROM battles WHERE code = 2').pluck().get() as string;
      await expectQuarantined(unit, taskforce, [{ entity: 'closeout', entityId: closeout, fields: { taskId: TASK, state: 'pending', statement: '再申请一次' } }], [/撤销专班/]);
      forge(taskforce.store, [
        { entity: 'task', entityId: OTHER_BATTLE_TASK, fields: { title: '改了别的仗的任务' } },
        { entity: 'task', entityId: TASK, fields: { battleId: battle2 } },
      ]);
      await center.receive(taskforce.bundleFor());
      const reasons = quarantine(center).map((q) => q.reason);
      expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/无权修改该任务/), expect.stringMatching(/无权修改该任务/), expect.stringMatching(/撤销专班/)]));
      expect(await taskStatus(center)).toBe('closed');
    });
  });

  it('keys are pinned only for offices whose events the bundle carries: a key slipped in for another office is not', async () => {
    await measured('key pinned for an office with no events', 'quarantined', async () => {
      const { unit, taskforce, center } = await offices();
      const bytes = resigned(unit, (h) => {
        h.manifest.keys[taskforce.store.replicaId] = unit.store.publicKey;
      });
      const r = await center.receive(bytes);
      expect(r.newKeys.map((k) => k.replica)).toEqual([unit.store.replicaId]);
      expect(center.store.sqlite.prepare('SELECT replica_id FROM peers').pluck().all()).toEqual([unit.store.replicaId]);
      // The real taskforce is still welcome with its own key.
      const real = await center.receive(taskforce.bundleFor());
      expect(real.applied).toBeGreaterThan(0);
      await stillSound(center);
    });
  });

  it('a second key announcing an office already trusted here (or a second centre) is flagged before confirmation', async () => {
    await measured('second key for a trusted office / a second centre', 'refused', async () => {
      const { unit, center } = await offices();
      await center.receive(unit.bundleFor());
      const impostor = installation({ office: '市商务局', role: 'unit' });
      const fakeCentre = installation({ office: '总指挥中心', role: 'center' });
      await Promise.all([impostor.ready, fakeCentre.ready]);
      const fp = center.store.sqlite.prepare('SELECT fingerprint FROM peers WHERE replica_id = ?').pluck().get(unit.store.replicaId);
      const a = await center.receive(impostor.bundleFor(), { dryRun: true });
      expect(a.newKeys).toEqual([expect.objectContaining({ office: '市商务局', sameOfficeAs: fp })]);
      // The taskforce trusts the real centre; a second key claiming the centre is flagged there.
      const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
      await taskforce.ready;
      await taskforce.receive(center.bundleFor());
      const b = await taskforce.receive(fakeCentre.bundleFor(), { dryRun: true });
      expect(b.newKeys).toEqual([expect.objectContaining({ role: 'center', sameOfficeAs: expect.stringMatching(/^[A-Z2-9]{4}-/) })]);
      // Without confirmation nothing is pinned.
      await expect(taskforce.receive(fakeCentre.bundleFor(), {})).rejects.toThrow(/尚未确认/);
    });
  });

  it('events signed in the name of the seeded plan are refused whole', async () => {
    await measured('events as the seed replica', 'refused', async () => {
      const { unit, center } = await offices();
      const seed = seedIds.seedReplica(PLAN);
      const head = headOf(center, seed);
      const bytes = craftedBundle(unit.store, [{ text: bodyText(seed, head.seq + 1, head.hash, '{"title":"预置方案被改"}'), replica: seed, seq: head.seq + 1 }]);
      await expectRefused(center, bytes, /冒充预置实施方案/);
    });
  });
});

describe('clocks are bounded', () => {
  for (const [name, wall] of [
    ['an event dated 2100', YEAR_2100],
    ['an event dated at the clock’s maximum', 999_999_999_999_999],
  ] as const) {
    it(`${name} is held (时间异常), never moves this office’s clock, and its own export still verifies`, async () => {
      await measured(name, 'held', async () => {
        const { unit, center } = await offices();
        forge(unit.store, [{ entity: 'task', entityId: TASK, fields: { leadPerson: '未来的人' }, wall }]);
        const r = await center.receive(unit.bundleFor());
        expect(r.futureClocks).toBe(1);
        const q = quarantine(center);
        expect(q).toEqual([{ kind: 'clock', reason: expect.stringMatching(/时间异常/) }]);
        const info = await center.call('sync.info', {});
        expect(info.quarantined).toEqual([expect.objectContaining({ office: '市商务局', kind: 'clock' })]);
        expect(center.store.sqlite.prepare('SELECT lead_person FROM tasks WHERE id = ?').pluck().get(TASK)).not.toBe('未来的人');
        await stillSound(center);
        // Reopened, the store's clock starts from what it folded, not from the held event.
        center.store.close();
        const again = openStore(center.store.path);
        again.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { handler: '重开后' } }]);
        const own = again.sqlite.prepare('SELECT hlc FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1').pluck().get(again.replicaId) as string;
        expect(Number(own.slice(0, 15))).toBeLessThan(Date.now() + 60_000);
        again.close();
      });
    });
  }

  it('a held event applies once this machine’s clock reaches it, and nobody can release it earlier', async () => {
    await measured('held event: applied by time only', 'held', async () => {
      let clock = Date.now();
      const unit = installation({ office: '市商务局', role: 'unit' });
      const center = installation({ office: '总指挥中心', role: 'center' }, () => clock);
      await Promise.all([unit.ready, center.ready]);
      const threeDays = Date.now() + 3 * 86_400_000;
      const [held] = forge(unit.store, [{ entity: 'task', entityId: TASK, fields: { handler: '三天后的人' }, wall: threeDays }]);
      await center.receive(unit.bundleFor());
      expect(quarantine(center)).toEqual([{ kind: 'clock', reason: expect.stringMatching(/时间异常/) }]);
      await expect(center.call('sync.release', { eventId: held!, reason: '核实无误' })).rejects.toThrow(/时间异常的记录不能放行/);
      // A release for it made elsewhere (a hostile centre's, say) does not apply it either.
      center.store.log.append([{ entity: 'release', entityId: held!, op: 'put', fields: { reason: '强行放行', releasedOn: '2023-07-02' } }]);
      expect(reconsiderQuarantine(center.store)).toBe(0);
      expect(center.store.sqlite.prepare('SELECT handler FROM tasks WHERE id = ?').pluck().get(TASK)).not.toBe('三天后的人');
      clock = threeDays;
      expect(reconsiderQuarantine(center.store)).toBe(1);
      expect(center.store.sqlite.prepare('SELECT handler FROM tasks WHERE id = ?').pluck().get(TASK)).toBe('三天后的人');
      expect(quarantine(center)).toHaveLength(0);
    });
  });

  it('the centre releases a 越权 record with a reason: applied there and wherever the release travels, and listed', async () => {
    await measured('越权 record released by the centre', 'quarantined', async () => {
      const unit = installation({ office: '市商务局', role: 'unit' });
      const center = installation({ office: '总指挥中心', role: 'center' });
      const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
      await Promise.all([unit.ready, center.ready, taskforce.ready]);
      // A unit edits the task's title (a taskforce's edit): wrong, but the centre judges it harmless.
      const [edit] = forge(unit.store, [{ entity: 'task', entityId: TASK, fields: { title: '开展促消费系列活动（更正错字）' } }]);
      await center.receive(unit.bundleFor());
      await taskforce.receive(unit.bundleFor());
      await expect(taskforce.call('sync.release', { eventId: edit!, reason: '核实无误' })).rejects.toThrow(/只有总指挥中心/);
      expect(await center.call('sync.release', { eventId: edit!, reason: '核实无误，同意更正' })).toEqual({ released: 1 });
      const title = (o: Office) => o.store.sqlite.prepare('SELECT title FROM tasks WHERE id = ?').pluck().get(TASK);
      expect(title(center)).toBe('开展促消费系列活动（更正错字）');
      const r = await taskforce.receive(center.bundleFor());
      expect(r.released).toBe(1);
      expect(title(taskforce)).toBe('开展促消费系列活动（更正错字）');
      const info = await taskforce.call('sync.info', {});
      expect(info.releases).toEqual([expect.objectContaining({ eventId: edit, office: '市政府督查室', reason: '核实无误，同意更正', applied: true })]);
      await stillSound(taskforce);
    });
  });
});

describe('every field is checked against its kind before anything is applied', () => {
  const line = (fields: Record<string, unknown>): Forgery => ({
    entity: 'progress',
    entityId: `line-${Math.random()}`,
    fields: { taskId: TASK, unitId: '', period: '2023-06', percent: 40, text: '进展', evidence: [], reportedOn: '2023-07-02', ...fields },
  });
  const cases: [string, (unitId: string) => Forgery, RegExp][] = [
    ['evidence list that is an object', (u) => line({ unitId: u, evidence: { a: 1 } }), /附件清单/],
    ['evidence list that is a number', (u) => line({ unitId: u, evidence: 7 }), /附件清单/],
    ['evidence hash that is not a hash', (u) => line({ unitId: u, evidence: [{ name: 'a.png', sha256: 'abc', size: 3 }] }), /附件清单/],
    ['percent of 250', (u) => line({ unitId: u, percent: 250 }), /0–100/],
    ['percent of 1000', (u) => line({ unitId: u, percent: 1000 }), /0–100/],
    ['percent as text', (u) => line({ unitId: u, percent: '40' }), /应为整数/],
    ['unknown field', (u) => line({ unitId: u, colour: 'red' }), /不认识的字段/],
    ['__proto__ as a field name', (u) => ({ ...line({ unitId: u }), fields: JSON.parse(`{"__proto__":{"x":1},"taskId":"${TASK}","unitId":"${u}"}`) }), /不认识的字段/],
    ['constructor as a field name', (u) => line({ unitId: u, constructor: 'x' }), /不认识的字段/],
    ['unknown entity', () => ({ entity: 'payroll', entityId: 'x', fields: { amount: 1 } }), /未知的记录类型/],
    ['schema version 99', (u) => ({ ...line({ unitId: u }), extra: { schemaVersion: 99 } }), /更新版本/],
    ['period that is not one', (u) => line({ unitId: u, period: '2023-13' }), /报告期/],
    ['closeout state not known', () => ({ entity: 'closeout', entityId: 'c-x', fields: { taskId: TASK, state: 'done' } }), /销号状态/],
    ['assignee as a number', () => ({ entity: 'task', entityId: TASK, fields: { leadPerson: 1 } }), /应为文字/],
    ['lead units that are not a list', () => ({ entity: 'task', entityId: TASK, fields: { leadUnitIds: 'x' } }), /牵头单位/],
  ];
  for (const [name, make, reason] of cases) {
    it(`${name}: quarantined with its reason; the task drawer, the 台账 and the export keep working`, async () => {
      await measured(name, 'quarantined', async () => {
        const { unit, center } = await offices();
        await expectQuarantined(unit, center, [make(unitIdOf(unit, '市商务局'))], [reason], 'content');
        await center.call('task.detail', { id: TASK });
        await center.call('tasks.list', {});
      });
    });
  }

  it('a body nested 150,000 deep is refused with its reason, before any question of trust', async () => {
    await measured('event nested 150,000 deep', 'refused', async () => {
      const { unit, center } = await offices();
      const head = headOf(unit, unit.store.replicaId);
      const deep = `{"leadPerson":${'['.repeat(150_000)}${']'.repeat(150_000)}}`;
      const bytes = craftedBundle(unit.store, [{ text: bodyText(unit.store.replicaId, head.seq + 1, head.hash, deep), replica: unit.store.replicaId, seq: head.seq + 1 }]);
      await expectRefused(center, bytes, /嵌套过深/);
    });
  });
});

describe('format checks on the fast path too', () => {
  const cases: [string, (u: Office) => Buffer, RegExp][] = [
    ['duplicate key in the manifest', (u) => resigned(u, () => undefined, (t) => t.replace('"plan":', '"plan":"云政发〔2024〕12号","plan":')), /出现了两次/],
    ['duplicate key in the head', (u) => resigned(u, () => undefined, (t) => t.replace('"format":', '"format":"x","format":')), /出现了两次/],
    ['unknown major version 2, signed', (u) => resigned(u, (h) => (h.version = [2, 0])), /版本/],
    ['negative minor version, signed', (u) => resigned(u, (h) => (h.version = [1, -1])), /版本/],
    ['evidence over the cap, signed', (u) => resigned(u, (h) => (h.manifest.attachments = { ['a'.repeat(64)]: 30 * 1024 * 1024, ['b'.repeat(64)]: 30 * 1024 * 1024 })), /附件过多/],
  ];
  for (const [name, make, reason] of cases) {
    it(`${name}: refused with its reason, the store as it was`, async () => {
      await measured(name, 'refused', async () => {
        const { unit, center } = await offices();
        await expectRefused(center, make(unit), reason);
      });
    });
  }
});
