// The `ledger` command: parses arguments and routes to a command module. Every command goes through the
// same handler object as the interface. Failures print one Chinese line (English detail in brackets) and
// exit with 2 (bad arguments, files) or 3 (this installation's role may not do it), touching nothing.
import { parseArgs } from 'node:util';
import { AppError, toAppError } from '../../shared/errors';
import { resolveStorePath } from '../core/store/data-dir';
import { initCommand } from './commands/init';
import { planCommand, plansCommand } from './commands/plan';
import { reportCommand } from './commands/report';
import { xlsxCommand } from './commands/xlsx';
import { backupCommand, restoreCommand } from './commands/backup';
import { indicatorCommand, indicatorsCommand, problemCommand, problemsCommand } from './commands/indicators-problems';
import { statsCommand } from './commands/stats';
import { reportingCommand, todoCommand } from './commands/daily';
import { tasksCommand } from './commands/tasks';
import { bundleCommand, digestCommand, grantCommand, keysCommand, quarantineCommand } from './commands/sync';
import { closeoutCommand, progressCommand, settingsCommand, taskCommand } from './commands/workflow';
import { EXIT_OK, EXIT_USAGE, exitCodeOf, type CliIo } from './context';

export { EXIT_FORBIDDEN, EXIT_OK, EXIT_USAGE, type CliIo } from './context';

const USAGE = `用法：npm run ledger -- <命令> [选项]

命令：
  init   --db FILE [--plan 方案.docx|.pdf|.txt|.xlsx | --join 同步包 --trust] [--office 单位 --role center|taskforce|unit [--battle N] [--operator 姓名]]
                              新建台账：--plan 从本单位的实施方案建立；--join 从总指挥中心（或专班）的同步包加入其台账
                              （先不加 --trust 运行，核对显示的指纹）；都不给时使用内置的吉首市2023年方案；
                              同时设定本机单位和角色；已有文件不会被覆盖
  plans  --db FILE [--json] [--use 方案ID]
                              列出台账中的全部实施方案（* 为当前方案）；--use 切换当前方案
  stats  --db FILE [--json]   各仗任务数、任务总数、单位数
  tasks  --db FILE [--json] [--plan 方案ID] [--battle N] [--unit 单位] [--status S] [--light red|yellow|blue|green|done]
                   [--search 文字] [--code 1.3.2]
                              任务清单（编号、任务、牵头/配合单位、状态、预警灯、量化指标）
  progress add --db FILE --task 编号 --period 2023-03-3 --percent 40 --text "…" [--unit 单位]
                              报送进展（旬：2023-03-1/2/3；月：2023-03）
  closeout request --db FILE --task 编号 --text "完成情况" [--below-full]   申请销号（进度未满100%须加 --below-full 确认，并在说明中写明原因）
  closeout approve|reject --db FILE --task 编号 [--opinion "审批意见"]   审批销号（退回须写意见）
  closeout withdraw --db FILE --task 编号                        撤回本单位待审批的销号申请
  closeout answer --db FILE --task 编号 --text "…"              对退回意见作出说明
  closeout reopen|void --db FILE --task 编号 --reason "…"        重新打开已销号任务；作废最近一条销号记录
  todo --db FILE [--json]     我的待办：按本机角色列出被退回、未报送、待审批、逾期、临近、问题整改等事项
  reporting --db FILE [--period 2023-03-3] [--json] [--urge]
                              报送率：各单位对其牵头任务在该期（默认本旬）的报送情况和未报送的单位；
                              --urge 向未报齐的单位各记一条催报（随下一次同步包送达，显示在其待办中）
  task add --db FILE --section 1.3 --title 名称 --lead 单位[,单位] [--co 单位,…] [--due 2023-09-30]
                              在某一方面下新增任务（专班、总指挥中心）
  task void --db FILE --task 编号 --reason "…"   作废任务（连同子任务；不再计入台账和报告，记录保留）
  settings --db FILE [--as-of 2023-06-30] [--due-soon 15] [--behind 20] [--json]
                              台账日期与预警阈值
  bundle export --db FILE --out 文件夹 [--for 对方标识 | --full]   导出同步包（写入U盘）
  bundle verify 文件                                               只检查同步包，不改动台账
  bundle import 文件 --db FILE [--dry-run] [--trust]              导入同步包（新单位须核对指纹后加 --trust）
  digest --db FILE            台账共享内容的摘要：已同步一致的各单位相同
  keys --db FILE [--json]     本机密钥指纹与已信任的单位（及核对指纹时确认的单位和角色）
  quarantine --db FILE [--json]   隔离或暂缓的记录：越权、格式错误、时间异常
  quarantine release --db FILE --event 标识 --reason "理由"   放行一条隔离的记录（仅总指挥中心；随同步包送达各单位）
  grant --db FILE --replica 标识 --office 单位 --role center|taskforce|unit [--battle N] --reason "理由"
                              确认某单位密钥的单位和角色（仅总指挥中心；各单位按此接受其记录）
  report --kind dekad|monthly|quarterly|supervision|minutes --period 2023-03-3|2023-03|2023-Q1 --db FILE --out FILE.docx
         [--unit 单位（督办单）] [--text 名称=内容 …] [--json]
                              生成旬简报、月通报、季总结、督办单或调度会纪要（Word，GB/T 9704 格式），期号按年度顺延；
                              数字按报告期末的台账计算，报告期未结束的不能印发。--json 同时输出所用数字、
                              截至日期和数据来源；只写 --json 不写 --out 时只输出数字，不登记期号
  backup --db FILE [--out 文件夹]   备份台账（在线备份并做完整性检查；默认存入台账旁的 backups 文件夹）
  restore --db FILE 备份.db       从备份恢复：先备份当前台账；恢复后本机启用新密钥（其他单位须核对新指纹）
  indicators --db FILE [--json]  推进指标：目标、最新完成值、完成率、序时进度、预警
  indicator set --db FILE --id 标识 --period 2023-03|2023-Q1|2023 --value 数字 [--note "…"] [--replace]
                              填报指标完成值（同一期已填报的须加 --replace 更正）
  problems --db FILE [--json]    问题清单及各单位未清零、逾期、已清零数
  problem add --db FILE --task 编号 --text "…" --deadline 2023-04-30 [--unit 单位]   交办问题（限期整改）
  problem clear --db FILE --id 标识 --text "整改情况"                               报告整改完成
  problem void --db FILE --id 标识 --reason "理由"                                  作废误录的问题
  xlsx export --db FILE --out FILE.xlsx [--battle N] [--unit 单位] [--search 文字]
                              台账（或筛选结果）导出为任务分解表 Excel
  xlsx import FILE.xlsx --db FILE --section 1.3 [--dry-run] [--json]
                              从 Excel 任务分解表导入任务到某一方面：先用 --dry-run 查看列对应和未知单位
  plan import FILE --db FILE [--dry-run] [--json]
                              导入实施方案（.docx、.pdf、.txt 或 .xlsx）：先显示识别结果（--json 含每项任务和未放入的段落）；不加 --dry-run 时保存
  plan carry --db FILE --from 方案ID --to 方案ID --codes 1.1.1,1.2.3|--all
                              把原方案中未完成的任务结转到新方案（总指挥中心），新任务注明结转自哪一项
  help                        显示本说明

状态 S：not_started 未启动 / in_progress 推进中 / lagging 滞后 / pending_closeout 待销号 / closed 已销号
未给 --db 时使用环境变量 LEDGER_DB，再否则使用本机用户数据目录中的 ledger.db。
退出码：0 成功；2 参数或文件有误；3 本机角色无权执行该操作。`;

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const commandOptions = {
  init: { db: str, office: str, role: str, battle: str, operator: str, plan: str, join: str, trust: bool },
  plans: { db: str, json: bool, use: str },
  stats: { db: str, json: bool },
  tasks: { db: str, json: bool, battle: str, search: str, code: str, unit: str, status: str, light: str, plan: str },
  plan: { db: str, json: bool, 'dry-run': bool, from: str, to: str, codes: str, all: bool },
  progress: { db: str, task: str, period: str, percent: str, text: str, unit: str },
  closeout: { db: str, task: str, text: str, reason: str, opinion: str, 'below-full': bool },
  todo: { db: str, json: bool },
  reporting: { db: str, period: str, json: bool, urge: bool },
  settings: { db: str, 'as-of': str, 'due-soon': str, behind: str, json: bool },
  task: { db: str, section: str, title: str, content: str, lead: str, co: str, due: str, task: str, reason: str },
  bundle: { db: str, out: str, for: str, full: bool, 'dry-run': bool, trust: bool, json: bool },
  digest: { db: str },
  backup: { db: str, out: str },
  restore: { db: str },
  indicators: { db: str, json: bool },
  indicator: { db: str, id: str, period: str, value: str, note: str, replace: bool },
  problems: { db: str, json: bool },
  problem: { db: str, task: str, unit: str, text: str, deadline: str, id: str, reason: str },
  xlsx: { db: str, out: str, section: str, 'dry-run': bool, json: bool, battle: str, unit: str, search: str },
  report: { db: str, kind: str, period: str, out: str, unit: str, text: { type: 'string', multiple: true }, json: bool },
  keys: { db: str, json: bool },
  quarantine: { db: str, event: str, reason: str, json: bool },
  grant: { db: str, replica: str, office: str, role: str, battle: str, reason: str },
} as const;

type Command = keyof typeof commandOptions;
const WITH_SUBCOMMAND = new Set<Command>(['plan', 'progress', 'closeout', 'task', 'bundle', 'xlsx', 'indicator', 'problem', 'restore', 'quarantine']);

async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: commandOptions[command], strict: true, allowPositionals: WITH_SUBCOMMAND.has(command) });
  const v = values as Record<string, string | boolean | undefined>;
  const s = (k: string) => v[k] as string | undefined;
  const dbPath = resolveStorePath(s('db'), io.env);
  switch (command) {
    case 'init':
      return initCommand(dbPath, { office: s('office'), role: s('role'), battle: s('battle'), operator: s('operator'), plan: s('plan'), join: s('join'), trust: !!v.trust }, io);
    case 'plans':
      return plansCommand(dbPath, { json: !!v.json, use: s('use') }, io);
    case 'stats':
      return statsCommand(dbPath, !!v.json, io);
    case 'tasks':
      return tasksCommand(dbPath, { json: !!v.json, battle: s('battle'), search: s('search'), code: s('code'), unit: s('unit'), status: s('status'), light: s('light'), plan: s('plan') }, io);
    case 'plan':
      return planCommand(positionals, dbPath, { json: !!v.json, dryRun: !!v['dry-run'], from: s('from'), to: s('to'), codes: s('codes'), all: !!v.all }, io);
    case 'progress':
    case 'closeout': {
      if (positionals.length > 1) throw new AppError('bad_input', `多余的参数：${positionals.slice(1).join(' ')}`, `extra positionals`);
      const o = { task: s('task'), period: s('period'), percent: s('percent'), text: s('text'), unit: s('unit'), reason: s('reason'), opinion: s('opinion'), belowFull: !!v['below-full'] };
      return command === 'progress' ? progressCommand(positionals[0], dbPath, o, io) : closeoutCommand(positionals[0], dbPath, o, io);
    }
    case 'settings':
      return settingsCommand(dbPath, { asOf: s('as-of'), dueSoon: s('due-soon'), behind: s('behind'), json: !!v.json }, io);
    case 'bundle':
      return bundleCommand(positionals, dbPath, { out: s('out'), for: s('for'), full: !!v.full, dryRun: !!v['dry-run'], trust: !!v.trust, json: !!v.json }, io);
    case 'digest':
      return digestCommand(dbPath, io);
    case 'backup':
      return backupCommand(dbPath, s('out'), io);
    case 'restore':
      return restoreCommand(dbPath, positionals, io);
    case 'indicators':
      return indicatorsCommand(dbPath, !!v.json, io);
    case 'indicator':
      return indicatorCommand(positionals[0], dbPath, { id: s('id'), period: s('period'), value: s('value'), note: s('note'), replace: !!v.replace }, io);
    case 'problems':
      return problemsCommand(dbPath, !!v.json, io);
    case 'problem':
      return problemCommand(positionals[0], dbPath, { task: s('task'), unit: s('unit'), text: s('text'), deadline: s('deadline'), id: s('id'), reason: s('reason') }, io);
    case 'todo':
      return todoCommand(dbPath, !!v.json, io);
    case 'reporting':
      return reportingCommand(dbPath, { period: s('period'), json: !!v.json, urge: !!v.urge }, io);
    case 'xlsx':
      return xlsxCommand(positionals, dbPath, { out: s('out'), section: s('section'), dryRun: !!v['dry-run'], json: !!v.json, battle: s('battle'), unit: s('unit'), search: s('search') }, io);
    case 'report':
      return reportCommand(dbPath, { kind: s('kind'), period: s('period'), out: s('out'), unit: s('unit'), text: v.text as unknown as string[] | undefined, json: !!v.json }, io);
    case 'keys':
      return keysCommand(dbPath, !!v.json, io);
    case 'grant':
      return grantCommand(dbPath, { replica: s('replica'), office: s('office'), role: s('role'), battle: s('battle'), reason: s('reason') }, io);
    case 'quarantine':
      return quarantineCommand(positionals[0], dbPath, { event: s('event'), reason: s('reason'), json: !!v.json }, io);
    case 'task':
      return taskCommand(positionals[0], dbPath, { section: s('section'), title: s('title'), content: s('content'), lead: s('lead'), co: s('co'), due: s('due'), task: s('task'), reason: s('reason') }, io);
  }
}

function isArgError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
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
    // With --json the failure is JSON too, for scripts that read stdout.
    if (rest.includes('--json')) io.out(JSON.stringify({ error: { code: e.code, message: e.message, detail: e.detail } }));
    io.err(`错误：${e.message} (${e.code}: ${e.detail})`);
    return exitCodeOf(e);
  }
}
