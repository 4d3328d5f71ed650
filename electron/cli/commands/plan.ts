import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { chineseDate } from '../../../shared/period';
import { readRegularFile } from '../../core/files/regular-file';
import { MAX_DOCUMENT_BYTES } from '../../core/plan/import/read-document';
import { call, EXIT_OK, withStore, type CliIo } from '../context';

/** `plan import FILE`: what the importer found, and with --dry-run nothing more. */
export async function planCommand(positionals: string[], dbPath: string, o: { json?: boolean; dryRun?: boolean }, io: CliIo): Promise<number> {
  const [sub, file, ...extra] = positionals;
  if (sub !== 'import' || !file || extra.length) {
    throw new AppError('bad_input', '用法：plan import 文件.docx|文件.txt --db 台账文件 [--dry-run]', `bad plan command: ${positionals.join(' ')}`);
  }
  const path = resolve(io.env.INIT_CWD || process.cwd(), file);
  const bytes = readRegularFile(path, MAX_DOCUMENT_BYTES);
  return withStore(dbPath, false, async (_store, h) => {
    const r = await call(h, 'plan.import', { fileName: basename(path), contentBase64: bytes.toString('base64'), dryRun: !!o.dryRun });
    if (o.json) {
      io.out(JSON.stringify(r, null, 2));
      return EXIT_OK;
    }
    io.out(`${r.plan.title}（${r.plan.docNo || '无文号'}，${r.plan.issuer} ${chineseDate(r.plan.issuedOn)}）`);
    for (const b of r.battles) {
      const tasks = b.sections.reduce((n, s) => n + s.tasks.length, 0);
      io.out(`  第${b.code}仗 ${b.name}（专班办公室：${b.office || '未识别'}）：${b.sections.length} 个方面，${tasks} 项任务`);
    }
    const c = r.counts;
    io.out(`合计 ${c.tasks} 项任务，${c.targets} 个量化指标，${c.units} 个单位（其中新单位 ${c.newUnits} 个）。`);
    for (const p of r.problems) io.out(`  ! ${p}`);
    io.out(r.saved ? '已保存到台账。' : '（预览，未保存。去掉 --dry-run 即保存。）');
    return EXIT_OK;
  });
}
