// What the tester fed the command line: links to /dev/zero and /dev/urandom (read forever), a FIFO (blocks
// forever), a folder, a Word zip bomb, a table with one stray cell far below. Each is one Chinese line and
// exit 2, at once, the store untouched.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { bombPart, docxWith, fifo, linkTo, MB, SHEET_CLOSE, SHEET_OPEN, tableRow, deflatedPart, xlsxWith } from '../helpers/hostile-files';
import { tempDir } from '../helpers/temp-store';


async function refused(args: string[], reason: RegExp) {
  const r = await cli(args);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.out, args.join(' ')).toBe('');
  expect(r.err.split('\n'), args.join(' ')).toHaveLength(1);
  expect(r.err, args.join(' ')).toMatch(/^错误：.*[\u4e00-\u9fff]/);
  expect(r.err, args.join(' ')).toMatch(reason);
  expect(r.ms, args.join(' ')).toBeLessThan(5000);
}

describe('ledger commands given something that is not a regular file', () => {
  // Windows has no /dev/zero, no mkfifo, and its named pipes are not paths a person picks.
  it.skipIf(process.platform === 'win32')('bundle verify, bundle import, plan import and xlsx import refuse devices, a FIFO and a folder', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.db');
    expect((await cli(['init', '--db', db, '--office', '总指挥中心', '--role', 'center'])).code).toBe(0);
    const digest = (await cli(['digest', '--db', db])).out;
    const dbBytes = readFileSync(db);
    const files: [string, (name: string) => string, RegExp][] = [
      ['zero', (n) => linkTo(dir, `zero${n}`, '/dev/zero'), /不是普通文件（是设备）/],
      ['urandom', (n) => linkTo(dir, `random${n}`, '/dev/urandom'), /不是普通文件（是设备）/],
      ['fifo', (n) => fifo(dir, `pipe${n}`), /不是普通文件（是管道）/],
      ['folder', (n) => (mkdirSync(join(dir, `folder${n}`)), join(dir, `folder${n}`)), /不是文件，是文件夹/],
    ];
    for (const [, make, reason] of files) {
      await refused(['bundle', 'verify', make('.ledger.json')], reason);
      await refused(['bundle', 'import', make('-2.ledger.json'), '--db', db], reason);
      await refused(['plan', 'import', make('.docx'), '--db', db, '--dry-run'], reason);
      await refused(['xlsx', 'import', make('.xlsx'), '--db', db, '--section', '1.3'], reason);
    }
    expect((await cli(['digest', '--db', db])).out).toBe(digest);
    expect(readFileSync(db).equals(dbBytes)).toBe(true);
  });

  it('plan import refuses a Word zip bomb and xlsx import a stray cell at row 20,000, each with its reason', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.db');
    await cli(['init', '--db', db, '--office', '总指挥中心', '--role', 'center']);
    const digest = (await cli(['digest', '--db', db])).out;
    const bomb = join(dir, '方案.docx');
    writeFileSync(bomb, await docxWith(bombPart('word/document.xml', { prefix: '<w:document><w:body><w:p><w:r><w:t>', fill: Buffer.alloc(MB, 0x20), times: 1024 })));
    await refused(['plan', 'import', bomb, '--db', db], /Word 文件“方案.docx”解压后过大（其中“word\/document.xml”声明 1024 MB/);
    const stray = join(dir, '分解表.xlsx');
    const sheet = SHEET_OPEN + tableRow(1, ['序号', '工作任务', '牵头单位']) + tableRow(2, ['1', '任务', '市发改局']) + tableRow(20000, ['x']) + SHEET_CLOSE;
    writeFileSync(stray, await xlsxWith(deflatedPart('', sheet)));
    await refused(['xlsx', 'import', stray, '--db', db, '--section', '1.3'], /表格行数过多（第 20000 行仍有内容/);
    expect((await cli(['digest', '--db', db])).out).toBe(digest);
  });
});
