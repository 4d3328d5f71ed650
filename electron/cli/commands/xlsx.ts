// `xlsx export|import`: the 任务分解表 as Excel, out (any filtered view) and in (into one section).
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { importColumnLabel } from '../../../shared/xlsx-import';
import { EXIT_OK, call, requireOption, withStore, type CliIo } from '../context';

export interface XlsxOptions {
  out?: string;
  section?: string;
  dryRun?: boolean;
  json?: boolean;
  battle?: string;
  unit?: string;
  search?: string;
}

export async function xlsxCommand(positionals: string[], dbPath: string, o: XlsxOptions, io: CliIo): Promise<number> {
  const [sub, file, ...extra] = positionals;
  const where = (p: string) => resolve(io.env.INIT_CWD || process.cwd(), p);
  if (extra.length) throw new AppError('bad_input', `多余的参数：${extra.join(' ')}`, 'extra positionals');
  if (sub === 'export') {
    const out = where(requireOption(o.out, '--out', '保存的 .xlsx 文件'));
    if (!/\.xlsx$/i.test(out)) throw new AppError('bad_input', `--out 应是 .xlsx 文件，收到“${o.out}”。`, `out ${o.out}`);
    const battle = o.battle === undefined ? undefined : Number(o.battle);
    if (battle !== undefined && !(Number.isInteger(battle) && battle >= 1 && battle <= 6)) throw new AppError('bad_input', '--battle 应为 1 到 6。', `battle ${o.battle}`);
    return withStore(dbPath, false, async (_s, h, save) => {
      const r = await call(h, 'ledger.exportXlsx', { ...(battle ? { battle } : {}), ...(o.unit ? { unit: o.unit } : {}), ...(o.search ? { search: o.search } : {}) });
      await save(r.file, out);
      io.out(o.json ? JSON.stringify({ path: out, count: r.count }) : `已导出 ${r.count} 项任务：${out}`);
      return EXIT_OK;
    });
  }
  if (sub === 'import') {
    const path = where(requireOption(file, '文件', '要导入的任务分解表 .xlsx'));
    if (!o.dryRun) requireOption(o.section, '--section', '导入到哪一方面的工作任务，如 1.3');
    return withStore(dbPath, false, async (_s, h) => {
      const r = await call(h, 'ledger.importXlsx', { file: { name: basename(path), ref: path }, section: o.section ?? '', dryRun: !!o.dryRun });
      if (o.json) io.out(JSON.stringify(r, null, 2));
      else {
        io.out(`列：${r.headers.map((hd, i) => `${hd}→${importColumnLabel[r.columns[i]!]}`).join('，')}`);
        io.out(`任务 ${r.rows.length} 行${r.unknownUnits.length ? `；名录中没有的单位：${r.unknownUnits.join('、')}` : ''}`);
        for (const row of r.rows.filter((x) => x.problems.length)) io.out(`  第 ${row.row} 行：${row.problems.join('，')}`);
        io.out(o.dryRun ? '（预览，未导入。）' : `已导入 ${r.added} 项任务到 ${r.section}。`);
      }
      return EXIT_OK;
    });
  }
  throw new AppError('bad_input', 'xlsx 后应跟 export 或 import。', `xlsx ${sub ?? ''}`);
}
