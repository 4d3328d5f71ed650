// The `ledger` command. Every command goes through the same handler object as the interface does.
// Failures print one Chinese line (with the English detail after it) and exit with code 2, touching nothing.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChannelOutput, Result } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import { taskStatusLabel } from '../../shared/labels';
import { chineseDate } from '../../shared/period';
import { dispatch } from '../core/dispatch';
import { createHandlers, type Handlers } from '../core/handlers';
import { resolveStorePath } from '../core/store/data-dir';
import { openStore, type Store } from '../core/store/open-store';
import { appVersion } from '../core/version';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

const USAGE = `用法：npm run ledger -- <命令> [选项]

命令：
  init   --db FILE            新建台账（内置 2023 年“六仗”实施方案），已有文件不会被覆盖
  stats  --db FILE [--json]   各仗任务数、任务总数、单位数
  tasks  --db FILE [--json] [--battle N] [--search 文字] [--code 1.3.2]
                              任务清单（编号、任务、牵头单位、配合单位、量化指标）
  plan import FILE --db FILE [--dry-run] [--json]
                              导入实施方案（.docx 或 .txt）：先显示识别结果；不加 --dry-run 时保存
  help                        显示本说明

未给 --db 时使用环境变量 LEDGER_DB，再否则使用本机用户数据目录中的 ledger.db。`;

const commandOptions = {
  init: { db: { type: 'string' } },
  stats: { db: { type: 'string' }, json: { type: 'boolean' } },
  tasks: { db: { type: 'string' }, json: { type: 'boolean' }, battle: { type: 'string' }, search: { type: 'string' }, code: { type: 'string' } },
  plan: { db: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
} as const;

type Command = keyof typeof commandOptions;

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.detail);
  return r.data;
}

async function call<C extends keyof Handlers>(h: Handlers, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  return unwrap((await dispatch(h, channel, input)) as Result<ChannelOutput<C>>);
}

function withStore<T>(path: string, create: boolean, fn: (store: Store, h: Handlers) => Promise<T>): Promise<T> {
  const store = openStore(path, { create });
  const h = createHandlers({ store, version: appVersion() });
  return fn(store, h).finally(() => store.close());
}

function parseBattle(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 6) {
    throw new AppError('bad_input', `--battle 应为 1 到 6 的整数（第几仗），收到“${value}”。`, `--battle must be an integer 1..6, got ${value}`);
  }
  return n;
}

async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: commandOptions[command], strict: true, allowPositionals: command === 'plan' });
  const v = values as { db?: string; json?: boolean; battle?: string; search?: string; code?: string; 'dry-run'?: boolean };
  const dbPath = resolveStorePath(v.db, io.env);

  if (command === 'plan') return planCommand(positionals, dbPath, v, io);

  if (command === 'init') {
    if (existsSync(dbPath)) {
      throw new AppError('store_exists', `文件“${dbPath}”已存在，init 不会覆盖它。请换一个文件名。`, `refusing to overwrite ${dbPath}`);
    }
    return withStore(dbPath, true, async (_store, h) => {
      const o = await call(h, 'plan.overview', {});
      io.out(`已创建台账：${dbPath}\n实施方案：${o.plan.title}（${o.plan.docNo}），${o.battles.length} 仗，${o.taskCount} 项任务，${o.unitCount} 个单位。`);
      return EXIT_OK;
    });
  }

  if (command === 'stats') {
    return withStore(dbPath, false, async (_store, h) => {
      const o = await call(h, 'plan.overview', {});
      const stats = {
        battles: o.battles.map((b) => ({ code: b.code, name: b.name, tasks: b.taskCount })),
        tasks: o.taskCount,
        units: o.unitCount,
      };
      if (v.json) io.out(JSON.stringify(stats, null, 2));
      else {
        io.out(`${o.plan.title}（${o.plan.docNo}）`);
        for (const b of stats.battles) io.out(`  第${b.code}仗 ${b.name}：${b.tasks} 项任务`);
        io.out(`合计 ${stats.tasks} 项任务，${stats.units} 个单位。`);
      }
      return EXIT_OK;
    });
  }

  const battle = parseBattle(v.battle);
  return withStore(dbPath, false, async (_store, h) => {
    const listed = await call(h, 'tasks.list', { battle, search: v.search });
    // A task code as the document numbers it ("1.3.2", "2.表.5") picks exactly that task.
    const tasks = v.code === undefined ? listed.tasks : listed.tasks.filter((t) => t.code === v.code!.trim());
    if (v.code !== undefined && tasks.length === 0) {
      throw new AppError('not_found', `没有编号为“${v.code}”的任务。编号如 1.3.2（第一仗第三方面第2项）或 2.表.5（任务分解表第5行）。`, `no task ${v.code}`);
    }
    const r = { tasks, total: tasks.length };
    if (v.json) {
      const tasks = r.tasks.map((t) => ({
        id: t.id,
        code: t.code,
        battle: t.battle,
        title: t.title,
        content: t.content,
        leadUnits: t.leadUnits,
        coUnits: t.coUnits,
        targets: t.targets,
        group: t.group,
        clause: t.clause,
        listType: t.listType,
        status: t.status,
      }));
      io.out(JSON.stringify({ tasks }, null, 2));
    } else {
      for (const t of r.tasks) {
        io.out(`${t.code.padEnd(8)} ${t.title}  [牵头：${t.leadUnits.join('、') || '—'}] ${taskStatusLabel[t.status]}`);
      }
      io.out(`共 ${r.total} 项。`);
    }
    return EXIT_OK;
  });
}

async function planCommand(positionals: string[], dbPath: string, v: { json?: boolean; 'dry-run'?: boolean }, io: CliIo): Promise<number> {
  const [sub, file, ...extra] = positionals;
  if (sub !== 'import' || !file || extra.length) {
    throw new AppError('bad_input', '用法：plan import 文件.docx|文件.txt --db 台账文件 [--dry-run]', `bad plan command: ${positionals.join(' ')}`);
  }
  const path = resolve(io.env.INIT_CWD || process.cwd(), file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new AppError('bad_input', `无法读取文件“${path}”。`, `cannot read ${path}: ${(err as Error).message}`);
  }
  return withStore(dbPath, false, async (_store, h) => {
    const r = await call(h, 'plan.import', { fileName: basename(path), contentBase64: bytes.toString('base64'), dryRun: !!v['dry-run'] });
    if (v.json) {
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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  if (!Object.prototype.hasOwnProperty.call(commandOptions, command)) {
    io.err(`未知命令“${command}”。运行 npm run ledger -- help 查看可用命令。 (unknown command: ${command})`);
    return EXIT_USAGE;
  }
  try {
    return await runCommand(command as Command, rest, io);
  } catch (err) {
    const e = isArgError(err)
      ? new AppError('bad_input', `参数有误：${(err as Error).message}。运行 npm run ledger -- help 查看用法。`, (err as Error).message)
      : toAppError(err);
    io.err(`错误：${e.message} (${e.code}: ${e.detail})`);
    return EXIT_USAGE;
  }
}

function isArgError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
