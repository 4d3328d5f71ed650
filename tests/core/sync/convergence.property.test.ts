// Model-based property: four offices of different roles, each PC's clock off by up to a year or jumping back,
// make random allowed changes (the same field edited concurrently included) and exchange random full /
// incremental / stale bundles, delivered reordered, duplicated, dropped and relayed, with stores closed and
// reopened between steps. After a final exchange
// every office holds the same events and the same state digest. Mixed in: an office holding a valid key forges
// events it may not write (signed with its real key, written around the core); none is ever folded anywhere.
// Runs: PROPERTY_RUNS (default 12 in CI, fixed seed PROPERTY_SEED); `npm run test:sync-long` runs many more.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { openStore } from '../../../electron/core/store/open-store';
import type { Store } from '../../../electron/core/store/store';
import { stateDigest } from '../../../electron/core/sync/digest';
import { buildBundle } from '../../../electron/core/sync/export';
import { importBundle } from '../../../electron/core/sync/import';
import type { ChannelInput } from '../../../shared/contract';
import { caller, type Call } from '../../helpers/call';
import { forge, type Forgery } from '../../helpers/forge';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const SEED = Number(process.env.PROPERTY_SEED ?? 20230316);
const PLAN = '吉政发〔2023〕3号';
const TASKS = ['1.1.1', '1.1.2', '1.1.5'].map((c) => seedIds.task(PLAN, c));
const OFFICES: ChannelInput<'identity.set'>[] = [
  { office: '总指挥中心', role: 'center' },
  { office: '市发改局', role: 'taskforce', battle: 1 },
  { office: '市商务局', role: 'unit' }, // leads 1.1.1 and 1.1.5
  { office: '市住保中心', role: 'unit' }, // leads 1.1.2
];

const dirs: string[] = [];
/** How many runs ended with conflicts recorded: the equality of conflict sets must not be trivially empty. */
let runsWithConflicts = 0;
let runsWithForgeries = 0;
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Each office's PC clock: right, a minute off, a day off, a year off, or one that jumps back mid-run. */
const SKEWS = [0, MINUTE, -MINUTE, DAY, -DAY, 365 * DAY, -365 * DAY];

class Office {
  store!: Store;
  /** Failures of the workflow (e.g. approving what is not pending here yet) are part of the game. */
  call!: Call['attempt'];
  private calls = 0;
  constructor(
    readonly path: string,
    private readonly skew: number,
    private readonly jumpsBack: boolean,
  ) {
    this.open();
  }
  /** Wall clock of this office's PC; a jumping one goes back an hour every 7th reading. */
  /** Time moved on for everyone (see the end of `play`). */
  later = 0;
  now = () => {
    this.calls++;
    return Date.now() + this.later + this.skew - (this.jumpsBack && this.calls % 7 === 0 ? 3_600_000 : 0);
  };
  open() {
    this.store = openStore(this.path, { now: this.now });
    this.call = caller(createHandlers({ store: this.store, version: '0', now: () => new Date('2023-07-02T10:00:00') })).attempt;
  }
  reopen() {
    this.store.close();
    this.open();
  }
}

type Op =
  | { kind: 'progress'; who: number; task: number; percent: number; month: number }
  | { kind: 'assign'; who: number; task: number; name: number }
  | { kind: 'due'; who: number; task: number; day: number }
  | { kind: 'request'; who: number; task: number }
  | { kind: 'decide'; who: number; task: number; approve: boolean }
  | { kind: 'reopen'; who: number; task: number }
  | { kind: 'export'; from: number; to: number; full: boolean }
  | { kind: 'deliver'; pick: number; to: number }
  | { kind: 'reopenStore'; who: number }
  | { kind: 'forge'; who: number; task: number; what: number };

/** What a unit may not write, each refused on arrival whatever else has arrived. */
const FORGERIES: ((o: Office, task: string, units: Record<string, string>) => Forgery)[] = [
  (o) => ({ entity: 'replica', entityId: o.store.replicaId, fields: { role: 'center' } }),
  (_o, task) => ({ entity: 'closeout', entityId: `forged-${Math.random()}`, fields: { taskId: task, state: 'approved', decidedOn: '2023-07-02' } }),
  (_o, task) => ({ entity: 'task', entityId: task, op: 'delete', fields: {} }),
  (_o, task, u) => ({ entity: 'progress', entityId: `forged-${Math.random()}`, fields: { taskId: task, unitId: u.市财政局!, period: '2023-05', percent: 100, text: '冒名', evidence: [], reportedOn: '2023-07-02' } }),
  (o) => ({ entity: 'grant', entityId: o.store.replicaId, fields: { role: 'center', officeUnitId: 'x', battle: 0 } }),
  (_o, task) => ({ entity: 'progress', entityId: `forged-${Math.random()}`, fields: { taskId: task, percent: 250 } }),
  (_o, task) => ({ entity: 'task', entityId: task, fields: { colour: 'red' } }),
  (_o, _t, u) => ({ entity: 'unit', entityId: u.市商务局!, fields: { name: '改名' } }),
];
const forgedIds: string[] = [];

const who = fc.integer({ min: 0, max: 3 });
const task = fc.integer({ min: 0, max: TASKS.length - 1 });
// Edits of one field from several offices are weighted up, so that concurrent edits happen in most runs.
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('progress' as const), who, task, percent: fc.integer({ min: 0, max: 100 }), month: fc.integer({ min: 1, max: 6 }) }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('assign' as const), who, task, name: fc.integer({ min: 0, max: 3 }) }) },
  fc.record({ kind: fc.constant('due' as const), who, task, day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('request' as const), who, task }),
  fc.record({ kind: fc.constant('decide' as const), who, task, approve: fc.boolean() }),
  fc.record({ kind: fc.constant('reopen' as const), who, task }),
  fc.record({ kind: fc.constant('export' as const), from: who, to: who, full: fc.boolean() }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), to: who }),
  fc.record({ kind: fc.constant('reopenStore' as const), who }),
  fc.record({ kind: fc.constant('forge' as const), who: fc.integer({ min: 2, max: 3 }), task, what: fc.integer({ min: 0, max: FORGERIES.length - 1 }) }),
);

const NAMES = ['张三', '李四', '王五', '赵六'];
const clock = fc.record({ skew: fc.constantFrom(...SKEWS), jumpsBack: fc.boolean() });

async function play(ops: Op[], clocks: { skew: number; jumpsBack: boolean }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-prop-'));
  dirs.push(dir);
  const offices = OFFICES.map((_, i) => new Office(join(dir, `o${i}.db`), clocks[i]!.skew, clocks[i]!.jumpsBack));
  for (const [i, o] of offices.entries()) {
    const r = await o.call('identity.set', OFFICES[i]!);
    if (!r.ok) throw new Error(r.error.detail);
  }
  // Bundles made and not yet delivered (or delivered already: they can come again, late).
  const pool: { bytes: Buffer }[] = [];
  const deliver = async (bytes: Buffer, to: Office) => {
    await importBundle(to.store, bytes, { trust: true }).catch((e: Error) => {
      // Gaps are expected (a dropped bundle); anything else is a failure of the property.
      if (!/own bundle|自己导出/.test(e.message)) throw e;
    });
  };
  for (const o of ops) {
    const office = 'who' in o ? offices[o.who]! : undefined;
    switch (o.kind) {
      case 'progress':
        await office!.call('progress.report', { taskId: TASKS[o.task]!, period: `2023-0${o.month}`, percent: o.percent, text: `进展${o.percent}` });
        break;
      case 'assign':
        await office!.call('task.update', { id: TASKS[o.task]!, edit: { leadPerson: NAMES[o.name] } });
        break;
      case 'due':
        await office!.call('task.update', { id: TASKS[o.task]!, edit: { dueDate: `2023-09-${String(o.day).padStart(2, '0')}` } });
        break;
      case 'request':
        await office!.call('closeout.request', { taskId: TASKS[o.task]!, statement: '申请销号', belowFull: true });
        break;
      case 'decide':
        await office!.call('closeout.decide', { taskId: TASKS[o.task]!, approve: o.approve, reason: '审核意见' });
        break;
      case 'reopen':
        await office!.call('closeout.reopen', { taskId: TASKS[o.task]!, reason: '重新打开' });
        break;
      case 'export': {
        const from = offices[o.from]!;
        const peer = offices[o.to]!.store.replicaId;
        const knows = !!from.store.sqlite.prepare('SELECT 1 FROM peers WHERE replica_id = ?').get(peer);
        pool.push({ bytes: Buffer.from(JSON.stringify(buildBundle(from.store, !o.full && knows && o.from !== o.to ? { forPeer: peer } : {}))) });
        break;
      }
      case 'deliver':
        if (pool.length) await deliver(pool[o.pick % pool.length]!.bytes, offices[o.to]!);
        break;
      case 'reopenStore':
        office!.reopen();
        break;
      case 'forge': {
        const units = Object.fromEntries((office!.store.sqlite.prepare("SELECT name, id FROM units WHERE name IN ('市财政局', '市商务局')").all() as { name: string; id: string }[]).map((u) => [u.name, u.id]));
        forgedIds.push(...forge(office!.store, [FORGERIES[o.what]!(office!, TASKS[o.task]!, units)]));
        break;
      }
    }
  }
  // An office whose PC runs more than a day ahead of another's has its events held there (时间异常) until that
  // clock reaches them: time moves on two years for every office before the final exchange, as it does in life.
  for (const o of offices) o.later = 2 * 365 * DAY;
  // Final exchange: every office sends everything to every other, twice (relays close any gap).
  for (let round = 0; round < 2; round++) {
    for (const a of offices) for (const b of offices) if (a !== b) await deliver(Buffer.from(JSON.stringify(buildBundle(a.store))), b);
  }
  const digests = offices.map((o) => stateDigest(o.store));
  const events = offices.map((o) => (o.store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
  const quarantined = offices.map((o) => (o.store.sqlite.prepare('SELECT count(*) AS n FROM events WHERE quarantined != 0').get() as { n: number }).n);
  const conflicts = offices.map((o) => JSON.stringify(o.store.sqlite.prepare('SELECT id, winner_value, loser_value FROM conflicts ORDER BY id').all()));
  // Every forged event that reached an office sits there unfolded.
  const forgedFolded = offices.flatMap((o) =>
    forgedIds.filter((id) => (o.store.sqlite.prepare('SELECT quarantined FROM events WHERE id = ?').pluck().get(id) as number | undefined) === 0),
  );
  const forgedHere = (o: Office) => forgedIds.filter((id) => o.store.sqlite.prepare('SELECT 1 FROM events WHERE id = ?').get(id)).length;
  const forged = offices.map(forgedHere);
  forgedIds.length = 0;
  offices.forEach((o) => o.store.close());
  return { digests, events, quarantined, conflicts, forgedFolded, forged };
}

describe('convergence of four offices exchanging files', () => {
  it(`ends identical after any history (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), fc.array(clock, { minLength: 4, maxLength: 4 }), async (ops, clocks) => {
        const { digests, events, quarantined, conflicts, forgedFolded, forged } = await play(ops, clocks);
        expect(new Set(events).size).toBe(1);
        expect(new Set(digests).size).toBe(1);
        expect(new Set(conflicts).size).toBe(1);
        if (conflicts[0] !== '[]') runsWithConflicts++;
        if (forged[0]) runsWithForgeries++;
        expect(forgedFolded).toEqual([]);
        // Every forged event reached every office, and only they are held back: honest changes all applied.
        expect(new Set(forged).size).toBe(1);
        expect(quarantined).toEqual(forged);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`convergence: ${RUNS} runs, ${runsWithConflicts} with concurrent edits recorded as conflicts, ${runsWithForgeries} with forged events`);
    expect(runsWithConflicts).toBeGreaterThan(0);
    expect(runsWithForgeries).toBeGreaterThan(0);
  }, 600_000);
});
