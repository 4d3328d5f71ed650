// `indicators`, `indicator set`, `problems`, `problem add|clear`: the 指标 and 问题清单 from the command line.
import { AppError } from '../../../shared/errors';
import { indicatorLightLabel } from '../../../shared/indicators';
import { EXIT_OK, call, requireOption, taskByCode, withStore, type CliIo } from '../context';

export async function indicatorsCommand(dbPath: string, json: boolean, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (_s, h) => {
    const { indicators } = await call(h, 'indicators.list', {});
    if (json) {
      io.out(
        JSON.stringify(
          indicators.map((i) => ({
            id: i.id,
            battle: i.battle,
            name: i.name,
            owner: i.owner,
            cadence: i.cadence,
            target: i.target,
            unit: i.unit,
            latest: i.latest,
            completion: i.assessment.completion,
            schedule: i.assessment.schedule,
            light: i.assessment.light,
            rule: i.assessment.rule,
          })),
          null,
          2,
        ),
      );
    } else {
      for (const i of indicators) {
        const latest = i.latest ? `${i.latest.period} ${i.latest.value}${i.unit}，完成 ${i.assessment.completion ?? '—'}%，序时 ${i.assessment.schedule}%` : '未填报';
        io.out(`${i.battle} ${i.name}（目标 ${i.targetText || i.target + i.unit}，${i.owner}）：${latest}，${indicatorLightLabel[i.assessment.light]}  [${i.id}]`);
      }
    }
    return EXIT_OK;
  });
}

export interface IndicatorSetOptions {
  id?: string;
  period?: string;
  value?: string;
  note?: string;
  replace?: boolean;
}

export async function indicatorCommand(sub: string | undefined, dbPath: string, o: IndicatorSetOptions, io: CliIo): Promise<number> {
  if (sub !== 'set') throw new AppError('bad_input', 'indicator 后应跟 set。', `indicator ${sub ?? ''}`);
  const id = requireOption(o.id, '--id', '指标标识（见 indicators --json）');
  const period = requireOption(o.period, '--period', '期别，如 2023-03、2023-Q1 或 2023');
  const raw = requireOption(o.value, '--value', '完成值（数字）');
  const value = Number(raw);
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value)) throw new AppError('bad_input', `--value 应为数字，收到“${raw}”。`, `value ${raw}`);
  return withStore(dbPath, false, async (_s, h) => {
    await call(h, 'indicator.setValue', { id, period, value, ...(o.note ? { note: o.note } : {}), ...(o.replace ? { replace: true } : {}) });
    io.out(`已填报：${period} ${value}`);
    return EXIT_OK;
  });
}

export async function problemsCommand(dbPath: string, json: boolean, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (_s, h) => {
    const r = await call(h, 'problems.list', {});
    if (json) io.out(JSON.stringify(r, null, 2));
    else {
      for (const p of r.problems) io.out(`${p.state === 'open' ? (p.overdue ? '逾期' : '整改中') : '已清零'} ${p.taskCode} ${p.unit}：${p.text}（时限 ${p.deadline}）[${p.id}]`);
      for (const u of r.byUnit) io.out(`  ${u.key}：未清零 ${u.open}（逾期 ${u.overdue}），已清零 ${u.cleared}`);
    }
    return EXIT_OK;
  });
}

export interface ProblemOptions {
  task?: string;
  unit?: string;
  text?: string;
  deadline?: string;
  id?: string;
  reason?: string;
}

export async function problemCommand(sub: string | undefined, dbPath: string, o: ProblemOptions, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (_s, h) => {
    if (sub === 'add') {
      const task = await taskByCode(h, requireOption(o.task, '--task', '任务编号，如 1.1.1'));
      const { id } = await call(h, 'problem.raise', {
        taskId: task.id,
        text: requireOption(o.text, '--text', '问题描述'),
        deadline: requireOption(o.deadline, '--deadline', '整改时限，如 2023-04-30'),
        ...(o.unit ? { unit: o.unit } : {}),
      });
      io.out(`已交办：${id}`);
      return EXIT_OK;
    }
    if (sub === 'clear') {
      await call(h, 'problem.clear', { id: requireOption(o.id, '--id', '问题标识（见 problems）'), statement: requireOption(o.text, '--text', '整改情况') });
      io.out('已整改清零。');
      return EXIT_OK;
    }
    if (sub === 'void') {
      await call(h, 'record.void', { entity: 'problem', id: requireOption(o.id, '--id', '问题标识（见 problems）'), reason: requireOption(o.reason, '--reason', '作废的理由') });
      io.out('已作废该问题（保留在记录中）。');
      return EXIT_OK;
    }
    throw new AppError('bad_input', 'problem 后应跟 add、clear 或 void。', `problem ${sub ?? ''}`);
  });
}
