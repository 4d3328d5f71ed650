// `report`: the 旬简报 / 月通报 / 季总结 / 督办单 of a period as a .docx, numbered in this office's register.
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { reportKinds, type ReportKind } from '../../../shared/report';
import { EXIT_OK, call, requireOption, withStore, type CliIo } from '../context';
import { checkWritable } from '../write-file';

export interface ReportOptions {
  kind?: string;
  period?: string;
  out?: string;
  unit?: string;
  /** key=value pairs replacing drafted texts (--text "editorNote=…"). */
  text?: string[];
  json?: boolean;
}

export async function reportCommand(dbPath: string, o: ReportOptions, io: CliIo): Promise<number> {
  const kind = requireOption(o.kind, '--kind', `报告种类：${reportKinds.join(' | ')}`);
  if (!(reportKinds as readonly string[]).includes(kind)) {
    throw new AppError('bad_input', `报告种类应为 dekad（旬简报）、monthly（月通报）、quarterly（季总结）、supervision（督办单）或 minutes（会议纪要），收到“${kind}”。`, `kind ${kind}`);
  }
  const period = requireOption(o.period, '--period', '报告期，如 2023-03-3、2023-03 或 2023-Q1');
  // `--json` without `--out` prints the figures the document would be written from, numbering nothing.
  const previewOnly = Boolean(o.json) && !o.out;
  const out = previewOnly ? '' : resolve(io.env.INIT_CWD || process.cwd(), requireOption(o.out, '--out', '保存的 .docx 文件'));
  if (!previewOnly && !/\.docx$/i.test(out)) throw new AppError('bad_input', `--out 应是 .docx 文件，收到“${o.out}”。`, `out ${o.out}`);
  const texts: Record<string, string> = {};
  for (const pair of o.text ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new AppError('bad_input', `--text 应写作 名称=内容，收到“${pair}”。`, `text ${pair}`);
    texts[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return withStore(dbPath, false, async (_store, h, save) => {
    const input = { kind: kind as ReportKind, period, texts, ...(o.unit ? { unit: o.unit } : {}) };
    if (previewOnly) {
      const doc = await call(h, 'report.preview', input);
      io.out(JSON.stringify({ path: null, number: doc.number, title: doc.title, draft: doc.draft, ...doc.figures }));
      return EXIT_OK;
    }
    checkWritable(out);
    const r = await call(h, 'report.export', input);
    await save(r.file, out);
    // The figures the document was written from, with the date they stand at and whose records they hold.
    io.out(o.json ? JSON.stringify({ path: out, number: r.number, title: r.file.name.replace(/\.docx$/, ''), draft: false, ...r.figures }) : `已生成第 ${r.number} 号：${out}`);
    return EXIT_OK;
  });
}
