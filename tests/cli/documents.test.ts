// `report` and `xlsx` from the command line: files written whole, numbers continued, bad arguments exit 2.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { tempDir } from '../helpers/temp-store';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ledger report', () => {
  it('writes the brief, numbers the next one, and refuses bad arguments with exit 2', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli('init', '--db', db, '--office', '市发改局', '--role', 'taskforce', '--battle', '1');
    const first = await cli('report', '--kind', 'dekad', '--period', '2023-03-2', '--db', db, '--out', join(dir, 'a.docx'), '--text', 'editorNote=请对照落实');
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/第 1 号/);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'a.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toContain('编者按：请对照落实');
    expect((await cli('report', '--kind', 'dekad', '--period', '2023-03-3', '--db', db, '--out', join(dir, 'b.docx'))).out).toMatch(/第 2 号/);
    for (const args of [
      ['--kind', 'weekly', '--period', '2023-03'],
      ['--kind', 'dekad', '--period', '2023-03'],
      ['--kind', 'monthly', '--period', '2023-03', '--out', join(dir, 'c.pdf')],
      ['--kind', 'monthly', '--period', '2023-03', '--out', join(dir, 'no-such-folder', 'c.docx')],
      ['--kind', 'monthly', '--period', '2023-03', '--text', 'novalue'],
    ]) {
      const r = await cli('report', '--db', db, ...(args.includes('--out') ? [] : ['--out', join(dir, 'x.docx')]), ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^错误：.*[\u4e00-\u9fff]/);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});

describe('ledger xlsx', () => {
  it('exports the ledger and reads it back as a preview; a unit may not import tasks (exit 3)', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await cli('init', '--db', db, '--office', '市商务局', '--role', 'unit');
    const out = join(dir, 't.xlsx');
    expect((await cli('xlsx', 'export', '--db', db, '--out', out, '--battle', '2')).out).toMatch(/已导出 45 项任务/);
    const preview = await cli('xlsx', 'import', out, '--db', db, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/工作任务→工作任务/);
    expect(preview.out).toMatch(/任务 45 行/);
    const refused = await cli('xlsx', 'import', out, '--db', db, '--section', '2.1');
    expect(refused.code).toBe(3);
    expect((await cli('xlsx', 'import', join(dir, 'none.xlsx'), '--db', db, '--dry-run')).code).toBe(2);
    expect((await cli('xlsx', 'export', '--db', db, '--out', join(dir, 'x.csv'))).code).toBe(2);
  });
});
