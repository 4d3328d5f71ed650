// `report` and `xlsx` from the command line: files written whole, numbers continued, bad arguments exit 2.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { setSettings } from '../../electron/core/app/settings';
import { openStore } from '../../electron/core/store/open-store';
import { playMarch } from '../../scripts/demo-march';
import { tempDir } from '../helpers/temp-store';


describe('ledger report', () => {
  it('writes the brief, numbers the next one, and refuses bad arguments with exit 2', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli(['init', '--db', db, '--office', '市发改局', '--role', 'taskforce', '--battle', '1']);
    const first = await cli(['report', '--kind', 'dekad', '--period', '2023-03-2', '--db', db, '--out', join(dir, 'a.docx'), '--text', 'editorNote=请对照落实']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/第 1 号/);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'a.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toContain('编者按：请对照落实');
    expect((await cli(['report', '--kind', 'dekad', '--period', '2023-03-3', '--db', db, '--out', join(dir, 'b.docx')])).out).toMatch(/第 2 号/);
    for (const args of [
      ['--kind', 'weekly', '--period', '2023-03'],
      ['--kind', 'dekad', '--period', '2023-03'],
      ['--kind', 'monthly', '--period', '2023-03', '--out', join(dir, 'c.pdf')],
      ['--kind', 'monthly', '--period', '2023-03', '--out', join(dir, 'no-such-folder', 'c.docx')],
      ['--kind', 'monthly', '--period', '2023-03', '--text', 'novalue'],
    ]) {
      const r = await cli(['report', '--db', db, ...(args.includes('--out') ? [] : ['--out', join(dir, 'x.docx')]), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^错误：.*[\u4e00-\u9fff]/);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    // A folder that cannot be written numbers nothing: the next brief is still 第 3 号.
    expect((await cli(['report', '--kind', 'dekad', '--period', '2023-03-1', '--db', db, '--out', join(dir, 'nodir', 'y.docx')])).code).toBe(2);
    expect((await cli(['report', '--kind', 'dekad', '--period', '2023-04-1', '--db', db, '--out', join(dir, 'c.docx')])).out).toMatch(/第 3 号/);
  });
});

describe('ledger report --json', () => {
  it('prints the figures it used, the date they stand at and whose records they hold; a period not ended is refused', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli(['init', '--db', db, '--office', '总指挥中心', '--role', 'center']);
    const store = openStore(db, { create: false });
    try {
      await playMarch(store);
    } finally {
      store.close();
    }
    // --json alone: the figures, nothing numbered.
    const peek = await cli(['report', '--kind', 'dekad', '--period', '2023-03-2', '--db', db, '--json']);
    expect(peek.code).toBe(0);
    const p = JSON.parse(peek.out) as { path: null; asOf: string; scope: { label: string }; closed: number; coverage: { office: string; self: boolean }[]; total: number };
    expect(p).toMatchObject({ path: null, asOf: '2023-03-20', scope: { kind: 'city', label: '全市' } });
    expect(p.closed).toBe(0);
    expect(p.coverage.find((o) => o.self)?.office).toBeTruthy();
    const issued = await cli(['report', '--kind', 'dekad', '--period', '2023-03-3', '--db', db, '--out', join(dir, 'b.docx'), '--json']);
    const r = JSON.parse(issued.out) as { number: number; asOf: string; closedInPeriod: { code: string; decidedOn: string }[]; total: number };
    expect(r.number).toBe(1);
    expect(r.asOf).toBe('2023-03-31');
    expect(r.closedInPeriod.length).toBeGreaterThan(0);
    for (const c of r.closedInPeriod) expect(c.decidedOn >= '2023-03-21' && c.decidedOn <= '2023-03-31').toBe(true);
    // At a ledger date inside the period, the document cannot be issued.
    const s2 = openStore(db, { create: false });
    setSettings(s2, { asOf: '2023-03-25' });
    s2.close();
    const early = await cli(['report', '--kind', 'monthly', '--period', '2023-03', '--db', db, '--out', join(dir, 'm.docx')]);
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/尚未结束/);
    expect(existsSync(join(dir, 'm.docx'))).toBe(false);
  });
});

describe('ledger xlsx', () => {
  it('exports the ledger and reads it back as a preview; a unit may not import tasks (exit 3)', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli(['init', '--db', db, '--office', '市商务局', '--role', 'unit']);
    const out = join(dir, 't.xlsx');
    expect((await cli(['xlsx', 'export', '--db', db, '--out', out, '--battle', '2'])).out).toMatch(/已导出 45 项任务/);
    const preview = await cli(['xlsx', 'import', out, '--db', db, '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/工作任务→工作任务/);
    expect(preview.out).toMatch(/任务 45 行/);
    const refused = await cli(['xlsx', 'import', out, '--db', db, '--section', '2.1']);
    expect(refused.code).toBe(3);
    expect((await cli(['xlsx', 'import', join(dir, 'none.xlsx'), '--db', db, '--dry-run'])).code).toBe(2);
    expect((await cli(['xlsx', 'export', '--db', db, '--out', join(dir, 'x.csv')])).code).toBe(2);
  });
});

describe('ledger indicators / problems', () => {
  it('sets a value, lists it as JSON, refuses duplicates and bad numbers (2) and other units (3)', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli(['init', '--db', db, '--office', '市发改局', '--role', 'unit']);
    await cli(['settings', '--db', db, '--as-of', '2023-04-10']);
    const list = JSON.parse((await cli(['indicators', '--db', db, '--json'])).out) as { id: string; name: string; light: string; completion: number | null }[];
    expect(list).toHaveLength(26);
    const gdp = list.find((i) => i.name === '地区生产总值')!;
    expect((await cli(['indicator', 'set', '--db', db, '--id', gdp.id, '--period', '2023-03', '--value', '8.4'])).code).toBe(0);
    const again = JSON.parse((await cli(['indicators', '--db', db, '--json'])).out) as typeof list;
    expect(again.find((i) => i.id === gdp.id)).toMatchObject({ light: 'green', completion: 105 });
    expect((await cli(['indicator', 'set', '--db', db, '--id', gdp.id, '--period', '2023-03', '--value', '8'])).code).toBe(2);
    expect((await cli(['indicator', 'set', '--db', db, '--id', gdp.id, '--period', '2023-03', '--value', '8', '--replace'])).code).toBe(0);
    expect((await cli(['indicator', 'set', '--db', db, '--id', gdp.id, '--period', '2023-04', '--value', '八']))).toMatchObject({ code: 2 });
    const other = list.find((i) => i.name === '全社会研发经费投入')!; // owned by 市科工信局
    expect((await cli(['indicator', 'set', '--db', db, '--id', other.id, '--period', '2023-Q1', '--value', '0.3'])).code).toBe(3);
  });

  it('the center raises a problem by task code and a unit... the center clears it; a unit may not raise one', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli(['init', '--db', db, '--office', '总指挥中心', '--role', 'center']);
    await cli(['settings', '--db', db, '--as-of', '2023-04-10']);
    const added = await cli(['problem', 'add', '--db', db, '--task', '1.1.1', '--text', '活动经费未到位', '--deadline', '2023-04-30']);
    expect(added.code).toBe(0);
    const id = added.out.replace('已交办：', '');
    expect(JSON.parse((await cli(['problems', '--db', db, '--json'])).out).byUnit).toEqual([{ key: '市商务局', open: 1, overdue: 0, cleared: 0 }]);
    expect((await cli(['problem', 'clear', '--db', db, '--id', id, '--text', '经费已拨付到位'])).code).toBe(0);
    expect((await cli(['problem', 'add', '--db', db, '--task', '1.1.1', '--text', '活动经费未到位', '--deadline', '2023-13-01'])).code).toBe(2);
    const unitDb = join(dir, 'u.db');
    await cli(['init', '--db', unitDb, '--office', '市商务局', '--role', 'unit']);
    await cli(['settings', '--db', unitDb, '--as-of', '2023-04-10']);
    expect((await cli(['problem', 'add', '--db', unitDb, '--task', '1.1.1', '--text', '自行交办问题', '--deadline', '2023-04-30'])).code).toBe(3);
  });
});

describe('ledger backup / restore', () => {
  it('backs up, restores (with a safety backup), and refuses a missing or damaged file with exit 2', async () => {
    const { readdirSync: ls, writeFileSync: write } = await import('node:fs');
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli(['init', '--db', db, '--office', '市商务局', '--role', 'unit']);
    const out = join(dir, 'stick');
    const b = await cli(['backup', '--db', db, '--out', out]);
    expect(b.code).toBe(0);
    const [file] = ls(out);
    expect(file).toMatch(/^ledger-\d{8}-\d{6}-manual\.db$/);
    await cli(['progress', 'add', '--db', db, '--task', '1.1.1', '--period', '2023-06-3', '--percent', '30', '--text', '备份之后的进展']);
    const r = await cli(['restore', '--db', db, join(out, file!)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/恢复前的台账已备份为 ledger-.*-before-restore\.db/);
    expect(r.out).toMatch(/指纹 [A-Z2-9]{4}-/);
    const { tasks } = JSON.parse((await cli(['tasks', '--db', db, '--code', '1.1.1', '--json'])).out) as { tasks: { percent: number | null }[] };
    expect(tasks[0]!.percent).toBeNull();
    expect((await cli(['restore', '--db', db, join(dir, 'none.db')])).code).toBe(2);
    write(join(dir, 'bad.db'), 'not a database');
    expect((await cli(['restore', '--db', db, join(dir, 'bad.db')])).code).toBe(2);
  });
});
