import { AppError } from '../../../shared/errors';
import { lights, taskStatuses } from '../../../shared/enums';
import { lightLabel, taskStatusLabel } from '../../../shared/labels';
import { call, EXIT_OK, withStore, type CliIo } from '../context';

export interface TasksOptions {
  json?: boolean;
  battle?: string;
  search?: string;
  code?: string;
  unit?: string;
  status?: string;
  light?: string;
  plan?: string;
}

function parseBattle(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 99) {
    throw new AppError('bad_input', `--battle 应为 1 到 99 的整数（第几仗或第几个板块），收到“${value}”。`, `--battle must be an integer 1..99, got ${value}`);
  }
  return n;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError('bad_input', `${flag} 应为 ${allowed.join(' / ')} 之一，收到“${value}”。`, `bad ${flag}: ${value}`);
  }
  return value as T;
}

export function tasksCommand(dbPath: string, o: TasksOptions, io: CliIo): Promise<number> {
  const filter = {
    battle: parseBattle(o.battle),
    search: o.search,
    unit: o.unit,
    status: oneOf(o.status, taskStatuses, '--status'),
    light: oneOf(o.light, lights, '--light'),
    planId: o.plan,
  };
  return withStore(dbPath, false, async (_store, h) => {
    if (filter.unit !== undefined) {
      const { units } = await call(h, 'units.list', {});
      const hit = units.find((u) => u.name === filter.unit || u.aliases.includes(filter.unit!));
      if (!hit) throw new AppError('bad_input', `单位名录中没有“${filter.unit}”。`, `unknown unit ${filter.unit}`);
      filter.unit = hit.name;
    }
    const listed = await call(h, 'tasks.list', filter);
    // A task code as the document numbers it ("1.3.2", "2.表.5") picks exactly that task.
    const tasks = o.code === undefined ? listed.tasks : listed.tasks.filter((t) => t.code === o.code!.trim());
    if (o.code !== undefined && tasks.length === 0) {
      throw new AppError('not_found', `没有编号为“${o.code}”的任务。编号如 1.3.2（第一仗第三方面第2项）或 2.表.5（任务分解表第5行）。`, `no task ${o.code}`);
    }
    if (o.json) {
      io.out(JSON.stringify({ tasks }, null, 2));
    } else {
      for (const t of tasks) {
        io.out(`${t.code.padEnd(9)} ${t.title}  [牵头：${t.leadUnits.join('、') || '—'}] ${taskStatusLabel[t.status]} · ${lightLabel[t.light]}`);
      }
      io.out(`共 ${tasks.length} 项。`);
    }
    return EXIT_OK;
  });
}
