import { existsSync, rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { call, EXIT_OK, withStore, type CliIo } from '../context';

export interface InitOptions {
  office?: string;
  role?: string;
  battle?: string;
  operator?: string;
}

/** Creates a store with the seeded plan and, when given, this installation's office and role. */
export async function initCommand(dbPath: string, o: InitOptions, io: CliIo): Promise<number> {
  if (existsSync(dbPath)) {
    throw new AppError('store_exists', `文件“${dbPath}”已存在，init 不会覆盖它。请换一个文件名。`, `refusing to overwrite ${dbPath}`);
  }
  if ((o.office === undefined) !== (o.role === undefined)) {
    throw new AppError('bad_input', '--office 与 --role 须同时给出（本机所属单位和角色）。', 'office and role go together');
  }
  try {
    return await withStore(dbPath, true, async (_store, h) => {
      if (o.office !== undefined) {
        await call(h, 'identity.set', { office: o.office, role: o.role, battle: o.battle === undefined ? 0 : Number(o.battle), operator: o.operator ?? '' });
      }
      const ov = await call(h, 'plan.overview', {});
      io.out(`已创建台账：${dbPath}\n实施方案：${ov.plan.title}（${ov.plan.docNo}），${ov.battles.length} 仗，${ov.taskCount} 项任务，${ov.unitCount} 个单位。`);
      if (o.office !== undefined) {
        const { identity } = await call(h, 'identity.get', {});
        io.out(`本机：${identity!.officeName}（${{ center: '总指挥中心', taskforce: `第${identity!.battle}仗工作专班`, unit: '责任单位' }[identity!.role]}）`);
      }
      return EXIT_OK;
    });
  } catch (err) {
    // Nothing half-way: a store whose identity could not be set is not left behind.
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
    throw err;
  }
}
