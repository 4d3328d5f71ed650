import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PlanDraft } from '../../../shared/plan-import';
import { chineseDate } from '../../../shared/period';
import { call, EXIT_OK, withStore, type CliIo } from '../context';

/** The draft as `plan import --dry-run --json` prints it: per task what the document says, and what it left out. */
export function draftJson(d: PlanDraft) {
  const { plan } = d.seed;
  return {
    plan: { title: plan.title, docNo: plan.docNo, issuer: plan.issuer, issuedOn: plan.issuedOn, year: plan.year },
    groups: d.seed.battles.map((b) => ({ code: b.code, name: b.name, sections: d.seed.sections.filter((s) => s.battle === b.code).map((s) => ({ code: s.code, title: s.title })) })),
    tasks: d.seed.tasks.map((t) => ({
      code: t.code,
      title: t.title,
      text: t.content,
      leadUnits: t.leadUnits,
      coUnits: t.coUnits,
      due: t.dueDate ?? '',
      milestones: t.milestones ?? [],
      recurring: t.recurring ?? '',
      targets: t.targets,
      line: t.sourceLine ?? null,
    })),
    units: d.seed.units,
    merged: d.merged,
    unplaced: d.unplaced,
    problems: d.problems,
  };
}

/** `plan import FILE`: what the importer found, and with --dry-run nothing more. */
export interface PlanOptions {
  json?: boolean;
  dryRun?: boolean;
  from?: string;
  to?: string;
  codes?: string;
  all?: boolean;
}

/** `plan carry`: unfinished tasks of one plan carried into another, by code or all of them. */
function carryCommand(dbPath: string, o: PlanOptions, io: CliIo): Promise<number> {
  if (!o.from || !o.to || (!o.codes && !o.all) || (o.codes && o.all)) {
    throw new AppError('bad_input', '用法：plan carry --db 台账文件 --from 原方案ID --to 新方案ID --codes 1.1.1,1.2.3（或 --all：全部未完成任务）', 'plan carry needs --from, --to and --codes or --all');
  }
  return withStore(dbPath, false, async (_store, h) => {
    const { tasks } = await call(h, 'tasks.list', { planId: o.from });
    const open = tasks.filter((t) => t.status !== 'closed' && !t.parentId);
    const wanted = o.all ? open : (o.codes ?? '').split(/[,，\s]+/).filter(Boolean).map((c) => {
      const t = tasks.find((x) => x.code === c);
      if (!t) throw new AppError('not_found', `原方案中没有编号为“${c}”的任务。`, `no task ${c} in ${o.from}`);
      return t;
    });
    const r = await call(h, 'plan.carryOver', { fromPlanId: o.from!, toPlanId: o.to!, taskIds: wanted.map((t) => t.id) });
    if (o.json) io.out(JSON.stringify(r, null, 2));
    else {
      for (const c of r.carried) io.out(`  ${c.from} → ${c.code}`);
      io.out(`已结转 ${r.carried.length} 项任务。`);
    }
    return EXIT_OK;
  });
}

export async function planCommand(positionals: string[], dbPath: string, o: PlanOptions, io: CliIo): Promise<number> {
  const [sub, file, ...extra] = positionals;
  if (sub === 'carry' && !file) return carryCommand(dbPath, o, io);
  if (sub !== 'import' || !file || extra.length) {
    throw new AppError('bad_input', '用法：plan import 文件.docx|.pdf|.txt --db 台账文件 [--dry-run] [--json]；plan carry --from 方案ID --to 方案ID --codes 1.1.1,1.2.3|--all', `bad plan command: ${positionals.join(' ')}`);
  }
  const path = resolve(io.env.INIT_CWD || process.cwd(), file);
  return withStore(dbPath, false, async (_store, h) => {
    const draft = await call(h, 'plan.draft', { file: { name: basename(path), ref: path } });
    if (o.dryRun && o.json) {
      io.out(JSON.stringify(draftJson(draft), null, 2));
      return EXIT_OK;
    }
    if (!o.dryRun && draft.seed.tasks.length === 0) {
      throw new AppError('bad_input', `“${basename(path)}”中没有找到写明责任单位的任务，未导入。${draft.problems[0] ?? ''}`, 'no tasks found');
    }
    const saved = o.dryRun ? null : await call(h, 'plan.save', { seed: draft.seed });
    if (o.json) {
      io.out(JSON.stringify({ saved: true, planId: saved!.planId, ...draftJson(draft) }, null, 2));
      return EXIT_OK;
    }
    const { plan } = draft.seed;
    io.out(`${plan.title}（${plan.docNo || '无文号'}，${plan.issuer || '发文机关未识别'} ${plan.issuedOn ? chineseDate(plan.issuedOn) : ''}）`);
    for (const b of draft.seed.battles) {
      const tasks = draft.seed.tasks.filter((t) => t.battle === b.code);
      io.out(`  ${b.code}. ${b.name}：${tasks.length} 项任务，${tasks.filter((t) => t.dueDate).length} 项有完成时限`);
    }
    io.out(`合计 ${draft.seed.tasks.length} 项任务，${draft.seed.units.length} 个单位（其中新单位 ${draft.newUnits.length} 个），未放入任务的段落 ${draft.unplaced.length} 处。`);
    for (const p of draft.problems) io.out(`  ! ${p}`);
    io.out(saved ? '已保存到台账，并设为当前方案。' : '（预览，未保存。去掉 --dry-run 即保存；加 --json 查看每项任务和未放入的段落。）');
    return EXIT_OK;
  });
}

/** `plans`: every plan in the store, and which one the pages show. */
export function plansCommand(dbPath: string, o: { json?: boolean; use?: string }, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (_store, h) => {
    const list = o.use ? await call(h, 'plan.use', { planId: o.use }) : await call(h, 'plan.list', {});
    if (o.json) io.out(JSON.stringify(list, null, 2));
    else for (const p of list.plans) io.out(`${p.current ? '*' : ' '} ${p.id}  ${p.year}年 ${p.title}（${p.docNo || '无文号'}）${p.tasks} 项任务`);
    return EXIT_OK;
  });
}
