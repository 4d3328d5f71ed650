import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PlanDraft } from '../../../shared/plan-import';
import { readRegularFile } from '../../core/files/regular-file';
import { draftPlanDocument } from '../../core/plan/plan-draft';
import { MAX_DOCUMENT_BYTES } from '../../core/plan/import/read-document';
import { call, EXIT_OK, withStore, type CliIo } from '../context';

export interface InitOptions {
  office?: string;
  role?: string;
  battle?: string;
  operator?: string;
  /** The user's own plan document, instead of the built-in 吉首 2023 plan. */
  plan?: string;
}

/** Creates a store with the seeded plan and, when given, this installation's office and role. */
export async function initCommand(dbPath: string, o: InitOptions, io: CliIo): Promise<number> {
  if (existsSync(dbPath)) {
    throw new AppError('store_exists', `文件“${dbPath}”已存在，init 不会覆盖它。请换一个文件名。`, `refusing to overwrite ${dbPath}`);
  }
  if ((o.office === undefined) !== (o.role === undefined)) {
    throw new AppError('bad_input', '--office 与 --role 须同时给出（本机所属单位和角色）。', 'office and role go together');
  }
  // The document is read and drafted before the store exists: a file that is not a plan creates nothing.
  let draft: PlanDraft | undefined;
  if (o.plan !== undefined) {
    const path = resolve(io.env.INIT_CWD || process.cwd(), o.plan);
    draft = await draftPlanDocument(readRegularFile(path, MAX_DOCUMENT_BYTES), basename(path), []);
    if (draft.seed.tasks.length === 0) {
      throw new AppError('bad_input', `“${basename(path)}”中没有找到写明责任单位的任务，未创建台账。${draft.problems[0] ?? ''}`, 'no tasks in plan document');
    }
  }
  try {
    return await withStore(dbPath, true, async (_store, h) => {
      if (draft) {
        await call(h, 'plan.save', { seed: draft.seed });
        for (const p of draft.problems) io.out(`  ! ${p}`);
        if (draft.unplaced.length) io.out(`  未放入任务的段落 ${draft.unplaced.length} 处（plan import --dry-run --json 可查看）。`);
      }
      if (o.office !== undefined) {
        await call(h, 'identity.set', { office: o.office, role: o.role, battle: o.battle === undefined ? 0 : Number(o.battle), operator: o.operator ?? '' });
      }
      const ov = await call(h, 'plan.overview', {});
      io.out(`已创建台账：${dbPath}\n实施方案：${ov.plan.title}（${ov.plan.docNo || '无文号'}），${ov.battles.length} 个板块，${ov.taskCount} 项任务，${ov.unitCount} 个单位。`);
      if (o.office !== undefined) {
        const { identity } = await call(h, 'identity.get', {});
        io.out(`本机：${identity!.officeName}（${{ center: '总指挥中心', taskforce: `第${identity!.battle}仗工作专班`, unit: '责任单位' }[identity!.role]}）`);
      }
      return EXIT_OK;
    }, draft !== undefined);
  } catch (err) {
    // Nothing half-way: a store whose identity could not be set is not left behind.
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
    throw err;
  }
}
