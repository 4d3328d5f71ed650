import { existsSync, rmSync } from 'node:fs';
import type { Role } from '../../../shared/enums';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PlanDraft } from '../../../shared/plan-import';
import { readRegularFile } from '../../core/files/regular-file';
import { draftPlanDocument } from '../../core/plan/plan-draft';
import { MAX_DOCUMENT_BYTES } from '../../core/plan/import/read-document';
import { identityLabel } from '../../../shared/labels';
import { filesByPath } from '../../core/files/picked-files';
import { MAX_BUNDLE_BYTES } from '../../core/sync/bundle-format';
import { importBundle } from '../../core/sync/import';
import { fingerprint } from '../../core/sync/keys';
import { verifyBundleBytes } from '../../core/sync/verify';
import { call, EXIT_OK, withStore, type CliIo } from '../context';

export interface InitOptions {
  office?: string;
  role?: string;
  battle?: string;
  operator?: string;
  /** The user's own plan document, instead of the built-in 吉首 2023 plan. */
  plan?: string;
  /** A bundle of the office that keeps the ledger (the centre): this ledger joins its plan. */
  join?: string;
  /** The fingerprints the join shows were compared with the sending office. */
  trust?: boolean;
}

/** Creates a store with the seeded plan and, when given, this installation's office and role. */
export async function initCommand(dbPath: string, o: InitOptions, io: CliIo): Promise<number> {
  if (existsSync(dbPath)) {
    throw new AppError('store_exists', `文件“${dbPath}”已存在，init 不会覆盖它。请换一个文件名。`, `refusing to overwrite ${dbPath}`);
  }
  if ((o.office === undefined) !== (o.role === undefined)) {
    throw new AppError('bad_input', '--office 与 --role 须同时给出（本机所属单位和角色）。', 'office and role go together');
  }
  if (o.plan !== undefined && o.join !== undefined) throw new AppError('bad_input', '--plan 与 --join 只能选一个。', 'plan and join');
  if (o.join !== undefined && !o.trust) {
    // Nothing is created: the person first compares the fingerprints this prints with the sending office.
    const bytes = filesByPath.open(resolve(io.env.INIT_CWD || process.cwd(), o.join), MAX_BUNDLE_BYTES).bytes();
    try {
      const m = verifyBundleBytes(bytes).bundle.manifest;
      io.out(`同步包：${m.exporterOffice || m.exporter} 导出，实施方案 ${m.plan}，导出单位指纹 ${fingerprint(m.exporterKey)}。`);
    } finally {
      bytes.close();
    }
    throw new AppError('forbidden', '请先与对方核对上面的指纹，无误后加 --trust 再运行，未创建台账。', 'join without --trust');
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
    return await withStore(dbPath, true, async (store, h) => {
      if (o.join !== undefined) {
        const path = resolve(io.env.INIT_CWD || process.cwd(), o.join);
        const r = await importBundle(store, filesByPath.open(path, MAX_BUNDLE_BYTES), { trust: true, fileName: basename(path) });
        io.out(`已加入 ${r.exporterOffice || r.exporter} 的台账：${r.applied} 条记录。`);
        for (const k of r.newKeys) io.out(`  已信任 ${k.fingerprint}：${identityLabel(k, '，')}`);
        if ((await call(h, 'plan.list', {})).plans.length === 0) throw new AppError('bad_input', '同步包中没有实施方案，无法加入。', 'joined bundle holds no plan');
      }
      if (draft) {
        await call(h, 'plan.save', { seed: draft.seed });
        for (const p of draft.problems) io.out(`  ! ${p}`);
        if (draft.unplaced.length) io.out(`  未放入任务的段落 ${draft.unplaced.length} 处（plan import --dry-run --json 可查看）。`);
      }
      if (o.office !== undefined) {
        await call(h, 'identity.set', { office: o.office, role: o.role as Role, battle: o.battle === undefined ? 0 : Number(o.battle), operator: o.operator ?? '' });
      }
      const ov = await call(h, 'plan.overview', {});
      io.out(`已创建台账：${dbPath}\n实施方案：${ov.plan.title}（${ov.plan.docNo || '无文号'}），${ov.battles.length} 个板块，${ov.taskCount} 项任务，${ov.unitCount} 个单位。`);
      if (o.office !== undefined) {
        const { identity } = await call(h, 'identity.get', {});
        io.out(`本机：${identity!.officeName}（${{ center: '总指挥中心', taskforce: `第${identity!.battle}仗工作专班`, unit: '责任单位' }[identity!.role]}）`);
      }
      return EXIT_OK;
    }, draft !== undefined || o.join !== undefined);
  } catch (err) {
    // Nothing half-way: a store whose identity could not be set is not left behind.
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
    throw err;
  }
}
