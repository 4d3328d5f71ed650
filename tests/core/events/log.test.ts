import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../electron/core/events/event';
import { readEvents } from '../../../electron/core/events/read';
import { sha256Hex } from '../../../electron/core/events/canonical';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { tempStore } from '../../helpers/temp-store';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');

function taskRow(store: ReturnType<typeof tempStore>) {
  return store.sqlite.prepare('SELECT title, lead_person AS leadPerson, deleted FROM tasks WHERE id = ?').get(TASK) as {
    title: string;
    leadPerson: string;
    deleted: number;
  };
}

describe('EventLog.append', () => {
  it('writes gap-free sequence numbers chained by hash and folds the change into the table', () => {
    const store = tempStore();
    const [a, b] = store.log.append([
      { entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: '张三' } },
      { entity: 'task', entityId: TASK, op: 'put', fields: { title: '开展促消费系列活动（调整）' } },
    ]);
    expect(a!.seq).toBe(1);
    expect(a!.prevHash).toBe(GENESIS_HASH);
    expect(b!.seq).toBe(2);
    const stored = readEvents(store.sqlite, store.replicaId);
    expect(stored).toHaveLength(2);
    expect(b!.prevHash).toBe(stored[0]!.hash);
    for (const s of stored) expect(sha256Hex(s.body)).toBe(s.hash);
    expect(taskRow(store)).toMatchObject({ title: '开展促消费系列活动（调整）', leadPerson: '张三' });
  });

  it('writes nothing at all when one change of a batch is invalid', () => {
    const store = tempStore();
    const before = store.sqlite.prepare('SELECT count(*) AS n FROM events').get();
    expect(() =>
      store.log.append([
        { entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: '李四' } },
        { entity: 'task', entityId: TASK, op: 'put', fields: { noSuchField: 1 } },
      ]),
    ).toThrow(/unknown field/);
    // A value of the wrong kind for its column, named with its field and event.
    expect(() =>
      store.log.append([
        { entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: '李四' } },
        { entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: 5 } },
      ]),
    ).toThrow(/task\.leadPerson in event .+: expected string/);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM events').get()).toEqual(before);
    expect(taskRow(store).leadPerson).toBe('');
  });

  it('treats delete as a tombstone, keeping the row', () => {
    const store = tempStore();
    store.log.append([{ entity: 'task', entityId: TASK, op: 'delete', fields: {} }]);
    expect(taskRow(store).deleted).toBe(1);
  });
});

describe('EventLog.ingest', () => {
  it('is idempotent: ingesting the same events twice changes nothing the second time', () => {
    const author = tempStore();
    author.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: '王五' } }]);
    const events = readEvents(author.sqlite, author.replicaId);
    const reader = tempStore();
    expect(reader.log.ingest(events)).toEqual({ applied: 1, skipped: 0, quarantined: 0, held: 0, released: 0 });
    expect(reader.log.ingest(events)).toEqual({ applied: 0, skipped: 1, quarantined: 0, held: 0, released: 0 });
    expect(taskRow(reader).leadPerson).toBe('王五');
  });

  it('gives the same tables whatever order two replicas’ events arrive in', () => {
    let clock = 1_700_000_000_000;
    const now = () => clock;
    const r1 = tempStore({ now });
    const r2 = tempStore({ now });
    r1.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: '甲', handler: '甲的承办人' } }]);
    clock += 1000;
    r2.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: '乙' } }]);
    const e1 = readEvents(r1.sqlite, r1.replicaId);
    const e2 = readEvents(r2.sqlite, r2.replicaId);

    const a = tempStore();
    a.log.ingest(e1);
    a.log.ingest(e2);
    const b = tempStore();
    b.log.ingest(e2);
    b.log.ingest(e1);
    const row = (s: typeof a) => s.sqlite.prepare('SELECT lead_person, handler FROM tasks WHERE id = ?').get(TASK);
    expect(row(a)).toEqual(row(b));
    expect(row(a)).toEqual({ lead_person: '乙', handler: '甲的承办人' });
  });

  it('breaks ties of equal clocks by replica id, the same way on every side', () => {
    const now = () => 1_700_000_000_000;
    const r1 = tempStore({ now });
    const r2 = tempStore({ now });
    r1.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: 'r1' } }]);
    r2.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: 'r2' } }]);
    const winner = r1.replicaId > r2.replicaId ? 'r1' : 'r2';
    const a = tempStore();
    a.log.ingest(readEvents(r1.sqlite, r1.replicaId));
    a.log.ingest(readEvents(r2.sqlite, r2.replicaId));
    const b = tempStore();
    b.log.ingest(readEvents(r2.sqlite, r2.replicaId));
    b.log.ingest(readEvents(r1.sqlite, r1.replicaId));
    expect(taskRow(a).leadPerson).toBe(winner);
    expect(taskRow(b).leadPerson).toBe(winner);
  });

  it('rejects a tampered event, a gap and a fork, leaving the store as it was', () => {
    const author = tempStore();
    author.log.append([
      { entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: 'A' } },
      { entity: 'task', entityId: TASK, op: 'put', fields: { leadPerson: 'B' } },
    ]);
    const [first, second] = readEvents(author.sqlite, author.replicaId);
    const reader = tempStore();
    const count = () => (reader.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const before = count();

    const tampered = { ...second!, body: second!.body.replace('"B"', '"C"') };
    expect(() => reader.log.ingest([first!, tampered])).toThrow(/hash mismatch/);
    expect(() => reader.log.ingest([second!])).toThrow(/gap/);
    expect(count()).toBe(before);
    expect(taskRow(reader).leadPerson).toBe('');

    reader.log.ingest([first!]);
    const forkEvent = { ...first!.event, fields: { leadPerson: 'X' } };
    const forkBody = JSON.stringify(forkEvent);
    expect(() => reader.log.ingest([{ event: forkEvent, body: forkBody, hash: sha256Hex(forkBody) }])).toThrow(/fork/);
    expect(taskRow(reader).leadPerson).toBe('A');
  });
});
