import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-store';


describe('ledger CLI', () => {
  it('init creates a store and stats --json reports six battles', async () => {
    const db = join(tempDir(), 'x.db');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    const r = await cli(['stats', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.out);
    expect(stats.battles).toHaveLength(6);
    expect(stats.battles[0]).toEqual({ code: 1, name: '打好经济增长主动仗', tasks: expect.any(Number) });
    expect(stats.tasks).toBe(stats.battles.reduce((s: number, b: { tasks: number }) => s + b.tasks, 0));
    expect(stats.units).toBeGreaterThan(20);
  });

  it('tasks --json lists tasks with unit names and targets, filtered by battle and search', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['init', '--db', db]);
    const all = JSON.parse((await cli(['tasks', '--db', db, '--json'])).out);
    const t = all.tasks.find((x: { code: string }) => x.code === '1.1.1');
    expect(t).toMatchObject({ battle: 1, title: '开展促消费系列活动', leadUnits: ['市商务局'], coUnits: ['市发改局', '市交通运输局'] });
    expect(t.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.content).toContain('132亿元');
    expect(t.targets.map((x: { value: number }) => x.value)).toContain(132);
    const found = JSON.parse((await cli(['tasks', '--db', db, '--json', '--search', '夜间经济'])).out);
    expect(found.tasks.map((x: { code: string }) => x.code)).toEqual(['1.1.4']);
    const one = JSON.parse((await cli(['tasks', '--db', db, '--json', '--code', '1.3.2'])).out);
    expect(one.tasks.map((x: { title: string }) => x.title)).toEqual(['推动外贸扩规提质']);
    const row = JSON.parse((await cli(['tasks', '--db', db, '--json', '--code', '2.表.5'])).out);
    expect(row.tasks[0]).toMatchObject({ leadUnits: ['市科工信局'] });
    const unknown = await cli(['tasks', '--db', db, '--code', '9.9.9']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/没有编号为“9.9.9”的任务/);
    const none = JSON.parse((await cli(['tasks', '--db', db, '--json', '--battle', '2'])).out);
    expect(none.tasks.every((x: { battle: number }) => x.battle === 2)).toBe(true);
  });

  it('init refuses to overwrite an existing file', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['init', '--db', db]);
    const before = statSync(db).mtimeMs;
    const r = await cli(['init', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/已存在/);
    expect(statSync(db).mtimeMs).toBe(before);
  });

  it('reports a missing or corrupt store with exit code 2 and changes nothing', async () => {
    const dir = tempDir();
    const missing = await cli(['stats', '--db', join(dir, 'none.db')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/找不到台账文件/);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);

    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'SQLite format 3\0' + 'x'.repeat(5000));
    const before = readFileSync(bad);
    const r = await cli(['tasks', '--db', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/损坏/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(bad).equals(before)).toBe(true);
  });

  it('rejects bad arguments with a usage hint and exit code 2', async () => {
    for (const args of [['stats', '--nope'], ['tasks', '--battle', '9'], ['tasks', '--battle', 'abc'], ['frobnicate'], ['stats', 'extra']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await cli([])).code).toBe(2);
    expect((await cli(['help'])).code).toBe(0);
  });

  it('resolves a relative --db against the folder the user typed the command in', async () => {
    const dir = tempDir();
    expect((await cli(['init', '--db', 'rel.db'], { env: { INIT_CWD: dir } })).code).toBe(0);
    expect(existsSync(join(dir, 'rel.db'))).toBe(true);
  });
});

describe('npm run ledger (the real command)', () => {
  it('prints six battles after init, as the README says', async () => {
    const run = promisify(execFile);
    const dir = tempDir();
    const root = resolve(import.meta.dirname, '../..');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // Typed in the user's own folder: the relative path must land there, not in the package root.
    await run(npm, ['run', '--prefix', root, '-s', 'ledger', '--', 'init', '--db', 'x.db'], { cwd: dir });
    expect(existsSync(join(dir, 'x.db'))).toBe(true);
    const { stdout } = await run(npm, ['run', '-s', 'ledger', '--', 'stats', '--db', join(dir, 'x.db'), '--json'], { cwd: root });
    expect(JSON.parse(stdout).battles).toHaveLength(6);
    const failed = await run(npm, ['run', '-s', 'ledger', '--', 'stats', '--db', join(dir, 'nothing.db')], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(2);
    expect((failed as { stderr: string }).stderr).toMatch(/找不到台账文件/);
  });
});

describe('ledger plan import', () => {
  const plan = resolve(import.meta.dirname, '../fixtures/plans/yunjiang-2024.txt');

  it('previews with --dry-run, then saves, then refuses a second import', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['init', '--db', db, '--office', '总指挥中心', '--role', 'center']);
    const preview = await cli(['plan', 'import', plan, '--db', db, '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/1\. 打好产业升级攻坚仗：\d+ 项任务/);
    expect(preview.out).toMatch(/预览，未保存/);
    const saved = JSON.parse((await cli(['plan', 'import', plan, '--db', db, '--json'])).out);
    expect(saved).toMatchObject({ saved: true, plan: { docNo: '云政发〔2024〕12号' } });
    expect(saved.tasks).toHaveLength(12);
    // Saved beside the built-in plan, listed, and the one the pages now show.
    const plans = JSON.parse((await cli(['plans', '--db', db, '--json'])).out).plans;
    expect(plans.map((p: { docNo: string; current: boolean }) => [p.docNo, p.current])).toEqual([['云政发〔2024〕12号', true], ['吉政发〔2023〕3号', false]]);
    const again = await cli(['plan', 'import', plan, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已在台账中/);
  });

  it('rejects a missing file and a bad subcommand', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['init', '--db', db]);
    expect((await cli(['plan', 'import', '/nonexistent.txt', '--db', db])).code).toBe(2);
    expect((await cli(['plan', 'export', plan, '--db', db])).code).toBe(2);
    expect((await cli(['plan', '--db', db])).code).toBe(2);
  });
});

describe('ledger init --plan (a county starting from its own plan)', () => {
  const real = resolve(import.meta.dirname, '../fixtures/plans/holdout/01-dazhu-minshengshishi-2016.txt');

  it('makes a ledger of that plan alone, with lead units and due dates, and lists plans with tasks per plan', async () => {
    const db = join(tempDir(), 'x.db');
    const init = await cli(['init', '--db', db, '--plan', real, '--office', '县住建局', '--role', 'unit']);
    expect(init.code).toBe(0);
    const { tasks } = JSON.parse((await cli(['tasks', '--db', db, '--json'])).out);
    expect(tasks).toHaveLength(10);
    expect(tasks.find((t: { title: string }) => t.title.startsWith('新建2座人行天桥'))).toMatchObject({ leadUnits: ['县住建局'], dueDate: '2016-09-30' });
    const { plans } = JSON.parse((await cli(['plans', '--db', db, '--json'])).out);
    expect(plans).toEqual([expect.objectContaining({ docNo: '竹府办〔2016〕20号', year: 2016, tasks: 10, current: true })]);
    const byId = JSON.parse((await cli(['tasks', '--db', db, '--json', '--plan', plans[0].id])).out);
    expect(byId.tasks).toHaveLength(10);
    // No built-in plan, and none of its 85 units, in a county's own ledger.
    expect(tasks.every((t: { code: string }) => !t.code.includes('表'))).toBe(true);
  });

  it('a letter is not a plan: a clear message, JSON with --json, and no ledger file left behind', async () => {
    const dir = tempDir();
    const letter = join(dir, '函.txt');
    writeFileSync(letter, '关于商请提供材料的函\n市发改局：\n请于本周内提供有关材料。\n特此函告。\n');
    const db = join(dir, 'x.db');
    const r = await cli(['init', '--db', db, '--plan', letter]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有找到写明责任单位的任务/);
    expect(existsSync(db)).toBe(false);
    await cli(['init', '--db', db]);
    const dry = await cli(['plan', 'import', letter, '--db', db, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ tasks: [], unplaced: expect.arrayContaining([expect.objectContaining({ text: '特此函告。' })]) });
    const bad = await cli(['plan', 'import', join(dir, 'none.txt'), '--db', db, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error.message).toMatch(/找不到|不存在|无法/);
  });
});

describe('ledger plan carry (next year: unfinished tasks carried over by choice)', () => {
  it('carries chosen open tasks into the new plan, linked to their origin; closed or repeated ones are refused', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['init', '--db', db, '--office', '总指挥中心', '--role', 'center']);
    const yunjiang = resolve(import.meta.dirname, '../fixtures/plans/yunjiang-2024.txt');
    await cli(['plan', 'import', yunjiang, '--db', db]);
    const plans = JSON.parse((await cli(['plans', '--db', db, '--json'])).out).plans as { id: string; docNo: string }[];
    const from = plans.find((p) => p.docNo === '吉政发〔2023〕3号')!.id;
    const to = plans.find((p) => p.docNo === '云政发〔2024〕12号')!.id;
    const before = JSON.parse((await cli(['tasks', '--db', db, '--json', '--plan', to])).out).tasks.length;
    const r = await cli(['plan', 'carry', '--db', db, '--from', from, '--to', to, '--codes', '1.1.1,6.3.8', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).carried.map((c: { from: string }) => c.from)).toEqual(['1.1.1', '6.3.8']);
    const after = JSON.parse((await cli(['tasks', '--db', db, '--json', '--plan', to])).out).tasks as { code: string; title: string; clause: string; leadUnits: string[] }[];
    expect(after).toHaveLength(before + 2);
    const carried = after.find((t) => t.clause.includes('结转自2023年任务 6.3.8'))!;
    expect(carried).toMatchObject({ title: '残疾人托养服务', leadUnits: ['市残联'] });
    // The old plan keeps its task and its history.
    expect(JSON.parse((await cli(['tasks', '--db', db, '--json', '--plan', from, '--code', '6.3.8'])).out).tasks).toHaveLength(1);
    const again = await cli(['plan', 'carry', '--db', db, '--from', from, '--to', to, '--codes', '6.3.8']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已结转/);
  });
});

describe('ledger init --plan with a Word document', () => {
  it('reads the Word table of a real plan into tasks with their leads and due dates', async () => {
    const db = join(tempDir(), 'x.db');
    const docx = resolve(import.meta.dirname, '../fixtures/plans/converted/03-xuzhuang.docx');
    expect((await cli(['init', '--db', db, '--plan', docx])).code).toBe(0);
    const { tasks } = JSON.parse((await cli(['tasks', '--db', db, '--json'])).out) as { tasks: { title: string; leadUnits: string[]; dueDate: string }[] };
    expect(tasks).toHaveLength(12);
    expect(tasks.find((t) => t.title === '烟花爆竹')).toMatchObject({ leadUnits: ['安监站'], dueDate: '2017-01-31' });
    expect(tasks.find((t) => t.title === '交通运输')).toMatchObject({ dueDate: '2017-12-31' });
  });
});

describe('ledger init --join (a second office of a county joins its ledger)', () => {
  it('shows the fingerprint and creates nothing until --trust; then holds the centre’s plan and syncs under it', async () => {
    const dir = tempDir();
    const centre = join(dir, 'centre.db');
    const real = resolve(import.meta.dirname, '../fixtures/plans/holdout/01-dazhu-minshengshishi-2016.txt');
    await cli(['init', '--db', centre, '--plan', real, '--office', '大竹县人民政府办公室', '--role', 'center']);
    const { path } = JSON.parse((await cli(['bundle', 'export', '--db', centre, '--out', dir, '--full', '--json'])).out);
    const unit = join(dir, 'unit.db');
    const ask = await cli(['init', '--db', unit, '--join', path, '--office', '县住建局', '--role', 'unit']);
    expect(ask.code).toBe(3);
    expect(ask.out).toMatch(/导出单位指纹 [A-Z0-9]{4}-/);
    expect(existsSync(unit)).toBe(false);
    expect((await cli(['init', '--db', unit, '--join', path, '--trust', '--office', '县住建局', '--role', 'unit'])).code).toBe(0);
    const plans = JSON.parse((await cli(['plans', '--db', unit, '--json'])).out).plans;
    expect(plans).toEqual([expect.objectContaining({ docNo: '竹府办〔2016〕20号', tasks: 10, current: true })]);
    // The unit's report reaches the centre without anything quarantined, and both hold the same ledger.
    await cli(['progress', 'add', '--db', unit, '--task', '1.1.2', '--period', '2016-04-1', '--percent', '30', '--text', '已完成设计']);
    const back = JSON.parse((await cli(['bundle', 'export', '--db', unit, '--out', dir, '--full', '--json'])).out).path;
    const imported = JSON.parse((await cli(['bundle', 'import', back, '--db', centre, '--trust', '--json'])).out);
    expect(imported.quarantined).toBe(0);
    expect((await cli(['digest', '--db', centre])).out).toBe((await cli(['digest', '--db', unit])).out);
    // A unit may not add a plan to the joined ledger: it would travel to every office.
    const yunjiang = resolve(import.meta.dirname, '../fixtures/plans/yunjiang-2024.txt');
    expect((await cli(['plan', 'import', yunjiang, '--db', unit])).code).toBe(3);
  });
});
