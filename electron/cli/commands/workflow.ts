// The daily workflow from the command line: progress reports and 拉单销号, under this installation's role.
import { AppError } from '../../../shared/errors';
import { call, EXIT_OK, requireOption, taskByCode, withStore, type CliIo } from '../context';

export interface WorkflowOptions {
  task?: string;
  period?: string;
  percent?: string;
  text?: string;
  unit?: string;
  reason?: string;
  /** 审批意见 of an approval (--reason is accepted too). */
  opinion?: string;
  /** A 销号 request below 100 %, confirmed. */
  belowFull?: boolean;
  json?: boolean;
}

function percentOf(value: string | undefined): number {
  const raw = requireOption(value, '--percent', '完成进度，0 到 100 的整数');
  // Digits only (Number() would read 1e2 as 100 and 0x10 as 16); the range is the contract's (shared/limits.ts).
  if (!/^\d{1,3}$/.test(raw.trim())) throw new AppError('bad_input', `--percent 应为 0 到 100 的整数，收到“${raw}”。`, `bad percent ${raw}`);
  return Number(raw.trim());
}

export function progressCommand(sub: string | undefined, dbPath: string, o: WorkflowOptions, io: CliIo): Promise<number> {
  if (sub !== 'add') throw new AppError('bad_input', '用法：progress add --task 编号 --period 2023-03-3 --percent 40 --text "…"', `bad progress command ${sub}`);
  const code = requireOption(o.task, '--task', '任务编号，如 1.1.1');
  const period = requireOption(o.period, '--period', '报告期，如 2023-03-3（下旬）或 2023-03（月）');
  const percent = percentOf(o.percent);
  const text = requireOption(o.text, '--text', '本期进展情况');
  return withStore(dbPath, false, async (_store, h) => {
    const task = await taskByCode(h, code);
    await call(h, 'progress.report', { taskId: task.id, period, percent, text, ...(o.unit ? { unit: o.unit } : {}) });
    const after = await taskByCode(h, code);
    io.out(`已报送 ${task.code} ${task.title}：${period} 完成 ${percent}%。任务进度 ${after.percent ?? 0}%。`);
    return EXIT_OK;
  });
}

export function closeoutCommand(sub: string | undefined, dbPath: string, o: WorkflowOptions, io: CliIo): Promise<number> {
  if (!sub || !['request', 'approve', 'reject', 'reopen', 'withdraw', 'answer', 'void'].includes(sub)) {
    throw new AppError(
      'bad_input',
      '用法：closeout request|approve|reject|reopen|withdraw|answer|void --task 编号 [--text 说明] [--opinion 审批意见] [--reason 理由] [--below-full]',
      `bad closeout command ${sub}`,
    );
  }
  const code = requireOption(o.task, '--task', '任务编号，如 1.1.1');
  return withStore(dbPath, false, async (_store, h) => {
    const task = await taskByCode(h, code);
    if (sub === 'request') {
      await call(h, 'closeout.request', { taskId: task.id, statement: requireOption(o.text, '--text', '完成情况说明'), belowFull: !!o.belowFull });
      io.out(`已申请销号：${task.code} ${task.title}，等待专班审批。`);
    } else if (sub === 'withdraw') {
      await call(h, 'closeout.withdraw', { taskId: task.id });
      io.out(`已撤回销号申请：${task.code} ${task.title}。`);
    } else if (sub === 'answer') {
      await call(h, 'closeout.answer', { taskId: task.id, answer: requireOption(o.text, '--text', '对退回意见的说明') });
      io.out(`已对退回意见作出说明：${task.code} ${task.title}。`);
    } else if (sub === 'void') {
      const { closeouts } = await call(h, 'task.detail', { id: task.id });
      const last = closeouts[0];
      if (!last) throw new AppError('not_found', `${task.code} 没有销号记录。`, `no closeout on ${task.code}`);
      await call(h, 'record.void', { entity: 'closeout', id: last.id, reason: requireOption(o.reason, '--reason', '作废的理由') });
      io.out(`已作废 ${task.code} 的最近一条销号记录（保留在记录中）。`);
    } else if (sub === 'reopen') {
      await call(h, 'closeout.reopen', { taskId: task.id, reason: requireOption(o.reason, '--reason', '重新打开的理由') });
      io.out(`已重新打开：${task.code} ${task.title}。`);
    } else {
      const opinion = o.opinion ?? o.reason ?? '';
      await call(h, 'closeout.decide', { taskId: task.id, approve: sub === 'approve', reason: opinion });
      io.out(sub === 'approve' ? `已批准销号：${task.code} ${task.title}${opinion ? `（审批意见：${opinion}）` : ''}。` : `已退回销号申请：${task.code} ${task.title}（${opinion}）。`);
    }
    return EXIT_OK;
  });
}

export function settingsCommand(dbPath: string, o: { asOf?: string; dueSoon?: string; behind?: string; json?: boolean }, io: CliIo): Promise<number> {
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const change = Object.fromEntries(
    Object.entries({ asOf: o.asOf, dueSoonDays: num(o.dueSoon), behindPoints: num(o.behind) }).filter(([, v]) => v !== undefined),
  );
  return withStore(dbPath, false, async (_store, h) => {
    const s = Object.keys(change).length ? await call(h, 'settings.set', change) : await call(h, 'settings.get', {});
    if (o.json) io.out(JSON.stringify(s, null, 2));
    else io.out(`台账日期 ${s.asOf}；临近提醒 ${s.dueSoonDays} 天；落后序时进度 ${s.behindPoints} 个百分点预警。`);
    return EXIT_OK;
  });
}

export function taskCommand(
  sub: string | undefined,
  dbPath: string,
  o: { section?: string; title?: string; content?: string; lead?: string; co?: string; due?: string; task?: string; reason?: string },
  io: CliIo,
): Promise<number> {
  if (sub === 'void') {
    const code = requireOption(o.task, '--task', '任务编号，如 1.3.6');
    const reason = requireOption(o.reason, '--reason', '作废的理由');
    return withStore(dbPath, false, async (_store, h) => {
      const task = await taskByCode(h, code);
      const { voided } = await call(h, 'record.void', { entity: 'task', id: task.id, reason });
      io.out(`已作废任务 ${task.code} ${task.title}${voided > 1 ? `及其${voided - 1}项子任务` : ''}：不再计入台账和报告，记录保留。`);
      return EXIT_OK;
    });
  }
  if (sub !== 'add') throw new AppError('bad_input', '用法：task add --section 1.3 --title 名称 --lead 单位[,单位] [--co 单位,…] [--due 2023-09-30]；task void --task 编号 --reason 理由', `bad task command ${sub}`);
  const list = (v: string | undefined) => (v ?? '').split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
  const input = {
    section: requireOption(o.section, '--section', '所属工作任务编号，如 1.3'),
    title: requireOption(o.title, '--title', '任务名称'),
    content: o.content ?? '',
    leadUnits: list(requireOption(o.lead, '--lead', '牵头单位，多个用逗号分隔')),
    coUnits: list(o.co),
    ...(o.due ? { dueDate: o.due } : {}),
  };
  return withStore(dbPath, false, async (_store, h) => {
    const r = await call(h, 'task.add', input);
    io.out(`已新增任务 ${r.code} ${input.title}。`);
    return EXIT_OK;
  });
}
