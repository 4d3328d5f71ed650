// Sync by files from the command line: export a bundle, check one, import one, compare state digests.
import type { Role } from '../../../shared/enums';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { identityLabel, roleLabel } from '../../../shared/labels';
import { stateDigest } from '../../core/sync/digest';
import { importBundle } from '../../core/sync/import';
import { filesByPath } from '../../core/files/picked-files';
import { MAX_BUNDLE_BYTES } from '../../core/sync/bundle-format';
import { fingerprint } from '../../core/sync/keys';
import { verifyBundleBytes } from '../../core/sync/verify';
import { call, EXIT_OK, requireOption, withStore, type CliIo } from '../context';

const claimOf = (k: { office: string; role: string; battle: number }) => identityLabel(k, '，');
const KIND: Record<string, string> = { role: '越权', content: '格式错误', clock: '时间异常' };

export interface BundleOptions {
  out?: string;
  for?: string;
  full?: boolean;
  dryRun?: boolean;
  trust?: boolean;
  json?: boolean;
}

export async function bundleCommand(positionals: string[], dbPath: string, o: BundleOptions, io: CliIo): Promise<number> {
  const [sub, file, ...extra] = positionals;
  const where = (p: string) => resolve(io.env.INIT_CWD || process.cwd(), p);
  if (extra.length) throw new AppError('bad_input', `多余的参数：${extra.join(' ')}`, 'extra positionals');
  if (sub === 'verify') {
    const path = where(requireOption(file, '文件', '要检查的同步包'));
    // Read as import reads it: a regular file only, copied privately, a window at a time, never past the cap.
    const bytes = filesByPath.open(path, MAX_BUNDLE_BYTES).bytes();
    let m;
    try {
      m = verifyBundleBytes(bytes).bundle.manifest;
    } finally {
      bytes.close();
    }
    io.out(`有效：${m.exporterOffice || m.exporter} 导出的同步包，${m.count} 条记录，实施方案 ${m.plan}，导出单位指纹 ${fingerprint(m.exporterKey)}。`);
    return EXIT_OK;
  }
  if (sub === 'export') {
    if (o.full && o.for) throw new AppError('bad_input', '--full 与 --for 只能选一个。', 'full and for');
    const out = where(requireOption(o.out, '--out', '导出到的文件夹（U盘）'));
    if (!existsSync(out) || !statSync(out).isDirectory()) throw new AppError('bad_input', `找不到文件夹“${out}”，请确认U盘已插好。`, `no such directory ${out}`);
    // The same channel the window uses; the export counts as sent only once the file is on the stick whole.
    return withStore(dbPath, false, async (_store, h, save) => {
      const r = await call(h, 'sync.export', o.for ? { forPeer: o.for } : {});
      // Into the folder named, whatever the name says.
      const path = join(out, basename(r.file.name));
      await save(r.file, path);
      io.out(o.json ? JSON.stringify({ path, count: r.count }) : `已导出 ${r.count} 条记录：${path}`);
      return EXIT_OK;
    });
  }
  if (sub === 'import') {
    const path = where(requireOption(file, '文件', '要导入的同步包'));
    // Read where it lies (a private copy of it), as the application reads a picked file: not held whole in memory.
    const source = filesByPath.open(path, MAX_BUNDLE_BYTES);
    return withStore(dbPath, false, async (store) => {
      const r = await importBundle(store, source, { dryRun: o.dryRun, trust: o.trust, fileName: basename(path) });
      if (o.json) io.out(JSON.stringify(r, null, 2));
      else {
        io.out(`${r.exporterOffice || r.exporter} 的同步包：${r.events} 条记录，新 ${r.applied} 条，已有 ${r.skipped} 条，隔离 ${r.quarantined} 条。`);
        if (r.released) io.out(`  此前隔离或暂缓的 ${r.released} 条记录现已生效。`);
        // What confirming grants: the office and role each new key announced first, never what it says later.
        for (const k of r.newKeys) {
          io.out(`  新单位密钥指纹 ${k.fingerprint}：自称 ${claimOf(k)}（${k.replica}）`);
          if (k.sameOfficeAs) io.out(`    注意：本机已信任同一单位（或总指挥中心）的另一把密钥 ${k.sameOfficeAs}；除非对方重装或恢复了备份，否则可能是冒充。`);
        }
        for (const g of r.gaps) io.out(`  缺少 ${g.replica} 的第 ${g.from}–${g.to} 条记录，其后的记录待补齐后再导入`);
        if (r.futureClocks) io.out(`  注意：${r.futureClocks} 条记录的时间晚于现在一天以上，暂缓生效（时间异常），请核对对方电脑的日期`);
        io.out(o.dryRun ? '（预览，未导入。）' : r.alreadyImported ? '这个同步包此前已导入过，本次没有变化。' : '已导入。');
      }
      return EXIT_OK;
    });
  }
  throw new AppError('bad_input', '用法：bundle export --out 文件夹 [--for 对方标识 | --full]；bundle verify 文件；bundle import 文件 [--dry-run] [--trust]', `bad bundle command ${sub}`);
}

export function digestCommand(dbPath: string, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (store) => {
    io.out(stateDigest(store));
    return EXIT_OK;
  });
}

export function keysCommand(dbPath: string, json: boolean, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (store) => {
    const peers = store.sqlite
      .prepare('SELECT p.replica_id AS replica, p.fingerprint, p.pinned_at AS pinnedAt, coalesce(u.name, \'\') AS office, p.role, p.battle FROM peers p LEFT JOIN units u ON u.id = p.office_unit_id ORDER BY p.pinned_at')
      .all();
    const own = { replica: store.replicaId, fingerprint: fingerprint(store.publicKey) };
    if (json) io.out(JSON.stringify({ own, peers }, null, 2));
    else {
      io.out(`本机标识 ${own.replica}\n本机指纹 ${own.fingerprint}（与其他单位交换前，请对方核对这组字符）`);
      for (const p of peers as { replica: string; fingerprint: string; office: string; role: string; battle: number }[]) io.out(`  已信任 ${p.fingerprint}  ${claimOf(p)}  ${p.replica}`);
    }
    return EXIT_OK;
  });
}

export interface QuarantineOptions {
  event?: string;
  reason?: string;
  json?: boolean;
}

/** The records held back on arrival (越权 / 格式错误 / 时间异常), and the centre's release of one. */
export function quarantineCommand(sub: string | undefined, dbPath: string, o: QuarantineOptions, io: CliIo): Promise<number> {
  if (sub !== undefined && sub !== 'release') throw new AppError('bad_input', '用法：quarantine [--json]；quarantine release --event 标识 --reason "理由"', `bad quarantine command ${sub}`);
  return withStore(dbPath, false, async (_store, h) => {
    if (sub === 'release') {
      const eventId = requireOption(o.event, '--event', '要放行的记录标识（见 quarantine 列表）');
      const reason = requireOption(o.reason, '--reason', '放行的理由');
      const r = await call(h, 'sync.release', { eventId, reason });
      io.out(o.json ? JSON.stringify(r) : `已放行，${r.released} 条记录生效。放行记录将随同步包送达其他单位。`);
      return EXIT_OK;
    }
    const info = await call(h, 'sync.info', {});
    if (o.json) io.out(JSON.stringify({ quarantined: info.quarantined, releases: info.releases }, null, 2));
    else {
      if (!info.quarantined.length) io.out('没有隔离或暂缓的记录。');
      for (const q of info.quarantined) io.out(`[${KIND[q.kind] ?? q.kind}] ${q.office || q.replica} 第 ${q.seq} 条（${q.entity}）：${q.reason}  标识 ${q.eventId}`);
    }
    return EXIT_OK;
  });
}

export interface GrantOptions {
  replica?: string;
  office?: string;
  role?: string;
  battle?: string;
  reason?: string;
}

/** The centre's word on who a key is (see `keys` for the pinned ones): synced to every office. */
export function grantCommand(dbPath: string, o: GrantOptions, io: CliIo): Promise<number> {
  const replica = requireOption(o.replica, '--replica', '对方的标识（见 keys）');
  const office = requireOption(o.office, '--office', '单位名称');
  const role = requireOption(o.role, '--role', 'center、taskforce 或 unit');
  const reason = requireOption(o.reason, '--reason', '确认的理由');
  const battle = o.battle === undefined ? 0 : Number(o.battle);
  if (!Number.isInteger(battle) || battle < 0 || battle > 99) throw new AppError('bad_input', `--battle 应为仗的序号，收到“${o.battle}”。`, `bad battle ${o.battle}`);
  return withStore(dbPath, false, async (_store, h) => {
    const r = await call(h, 'sync.grant', { replica, office, role: role as Role, battle, reason });
    io.out(`已确认：${office}，${roleLabel[role] ?? role}${role === 'taskforce' ? `（第${battle}仗）` : ''}。${r.released ? `此前隔离的 ${r.released} 条记录现已生效。` : ''}确认随同步包送达各单位。`);
    return EXIT_OK;
  });
}
