import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-store';


async function office(...identity: string[]) {
  const db = join(tempDir(), 'x.db');
  const r = await cli(['init', '--db', db, ...identity]);
  expect(r.code, r.err).toBe(0);
  expect((await cli(['settings', '--db', db, '--as-of', '2023-07-02'])).code).toBe(0);
  return db;
}

const tasks = async (db: string, ...filters: string[]) =>
  JSON.parse((await cli(['tasks', '--db', db, '--json', ...filters])).out).tasks as { code: string; title: string; coUnits: string[]; status: string; light: string; percent: number | null }[];

describe('ledger CLI: the daily workflow', () => {
  it('init sets the office and role; a bad identity leaves no file behind', async () => {
    const dir = tempDir();
    const ok = await cli(['init', '--db', join(dir, 'a.db'), '--office', '市发改局', '--role', 'taskforce', '--battle', '1', '--operator', '李明']);
    expect(ok.out).toMatch(/本机：市发改局（第1仗工作专班）/);
    for (const bad of [
      ['--office', '不存在的局', '--role', 'unit'],
      ['--office', '市发改局', '--role', 'taskforce'],
      ['--office', '市发改局', '--role', 'mayor'],
      ['--office', '市发改局'],
    ]) {
      const r = await cli(['init', '--db', join(dir, 'b.db'), ...bad]);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(existsSync(join(dir, 'b.db'))).toBe(false);
    }
  });

  it('a unit reports progress and requests 销号; the taskforce approves; the status follows', async () => {
    const unit = await office('--office', '市商务局', '--role', 'unit');
    const p = await cli(['progress', 'add', '--db', unit, '--task', '1.1.1', '--period', '2023-06-3', '--percent', '60', '--text', '车展已办两场']);
    expect(p.code, p.err).toBe(0);
    expect(p.out).toMatch(/任务进度 60%/);
    expect((await tasks(unit, '--code', '1.1.1'))[0]).toMatchObject({ status: 'in_progress', light: 'green', percent: 60 });

    expect((await cli(['closeout', 'request', '--db', unit, '--task', '1.1.1', '--text', '全年目标已完成', '--below-full'])).code).toBe(0);
    const refused = await cli(['closeout', 'approve', '--db', unit, '--task', '1.1.1']);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/无权审批/);
    expect((await tasks(unit, '--status', 'pending_closeout')).map((t) => t.code)).toEqual(['1.1.1']);

    // Another office (the taskforce) decides on its own store: roles are per installation.
    const taskforce = await office('--office', '市发改局', '--role', 'taskforce', '--battle', '1');
    expect((await cli(['closeout', 'request', '--db', taskforce, '--task', '1.1.2', '--text', '代住保中心申请销号', '--below-full'])).code).toBe(0);
    const reject = await cli(['closeout', 'reject', '--db', taskforce, '--task', '1.1.2']);
    expect(reject.code).toBe(2);
    expect(reject.err).toMatch(/须写明理由/);
    expect((await cli(['closeout', 'reject', '--db', taskforce, '--task', '1.1.2', '--reason', '缺少佐证'])).code).toBe(0);
    expect((await cli(['closeout', 'request', '--db', taskforce, '--task', '1.1.2', '--text', '已补充佐证材料', '--below-full'])).code).toBe(0);
    expect((await cli(['closeout', 'approve', '--db', taskforce, '--task', '1.1.2'])).code).toBe(0);
    expect((await tasks(taskforce, '--code', '1.1.2'))[0]).toMatchObject({ status: 'closed', light: 'done' });
    expect((await cli(['closeout', 'reopen', '--db', taskforce, '--task', '1.1.2', '--reason', '追加任务'])).code).toBe(0);
    expect((await tasks(taskforce, '--code', '1.1.2'))[0]!.status).not.toBe('closed');
  });

  it('adds a task to a section; a unit may not', async () => {
    const db = await office('--office', '市发改局', '--role', 'taskforce', '--battle', '1');
    const r = await cli(['task', 'add', '--db', db, '--section', '1.3', '--title', '举办跨境电商对接会', '--lead', '市商务局', '--co', '市发改局，市科工信局']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/已新增任务 1\.3\.3/);
    expect((await tasks(db, '--code', '1.3.3'))[0]).toMatchObject({ title: '举办跨境电商对接会', coUnits: ['市发改局', '市科工信局'] });
    const unit = await office('--office', '市商务局', '--role', 'unit');
    expect((await cli(['task', 'add', '--db', unit, '--section', '1.3', '--title', '自行新增', '--lead', '市商务局'])).code).toBe(3);
    expect((await cli(['task', 'add', '--db', db, '--section', '1.3', '--title', '缺牵头'])).code).toBe(2);
  });

  it('filters by unit, status and light', async () => {
    const db = await office('--office', '市发改局', '--role', 'taskforce', '--battle', '1');
    const byUnit = await tasks(db, '--unit', '市住保中心');
    expect(byUnit.length).toBeGreaterThan(0);
    expect(await tasks(db, '--unit', '市住房保障服务中心')).toEqual(byUnit); // an alias finds the same
    // On 2 July with nothing reported, every task trails 序时进度: all yellow, none green.
    expect((await tasks(db, '--light', 'green')).length).toBe(0);
    expect((await tasks(db, '--light', 'yellow')).length).toBe(197);
    expect((await tasks(db, '--status', 'not_started')).length).toBe(197);
  });

  it('refuses bad workflow arguments with exit code 2', async () => {
    const db = await office('--office', '市商务局', '--role', 'unit');
    for (const args of [
      ['progress', 'add', '--db', db, '--task', '1.1.1', '--period', '2023-06-3', '--percent', '101', '--text', 'x'],
      ['progress', 'add', '--db', db, '--task', '9.9.9', '--period', '2023-06-3', '--percent', '10', '--text', '进展'],
      ['progress', 'add', '--db', db, '--task', '1.1.1', '--period', '2022-06', '--percent', '10', '--text', '进展'],
      ['progress', 'add', '--db', db, '--task', '1.1.1', '--percent', '10', '--text', '进展'],
      ['progress', 'remove', '--db', db],
      ['closeout', 'request', '--db', db, '--task', '1.1.1', '--text', '', '--below-full'],
      ['tasks', '--db', db, '--light', 'purple'],
      ['tasks', '--db', db, '--unit', '不存在的局'],
      ['settings', '--db', db, '--as-of', '2023/06/30'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
    }
    // A unit not on the task: the role may not, exit 3.
    const other = await office('--office', '市教体局', '--role', 'unit');
    expect((await cli(['progress', 'add', '--db', other, '--task', '1.1.1', '--period', '2023-06', '--percent', '10', '--text', '进展'])).code).toBe(3);
  });
});
