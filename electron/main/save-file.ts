// file.save: a file the core made (in its outbox folder) is copied to where the person chooses in the save
// dialog, whole or not at all; only then is the core told it was delivered (a bundle then counts as sent).
import { copyFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Result } from '../../shared/contract';
import type { CoreCall } from './ipc';

export interface SaveDialog {
  /** The chosen path, or undefined when cancelled. */
  choose(suggestedName: string): Promise<string | undefined>;
}

const REF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A name the page suggests, as a plain file name: no folders, no characters Windows refuses. */
export function safeFileName(name: string): string {
  const plain = basename(String(name).replace(/\\/g, '/'))
    .replace(/[<>:"|?*\u0000-\u001f]/g, '_')
    .trim();
  return plain && plain !== '.' && plain !== '..' ? plain.slice(0, 200) : '专班台账导出文件';
}

export function saveFileHandler(outboxDir: string, dialog: SaveDialog, call: CoreCall) {
  return async (input: unknown): Promise<Result<{ saved: boolean }>> => {
    const { ref, name } = (input ?? {}) as { ref?: unknown; name?: unknown };
    if (typeof ref !== 'string' || !REF.test(ref)) return { ok: false, error: { code: 'bad_input', message: '要保存的文件已失效，请重新导出。', detail: `bad outbox ref ${String(ref)}` } };
    const to = await dialog.choose(safeFileName(String(name ?? '')));
    if (!to) return { ok: true, data: { saved: false } };
    const part = `${to}.part`;
    try {
      await copyFile(join(outboxDir, ref), part);
      await rename(part, to);
    } catch (err) {
      await rm(part, { force: true });
      return { ok: false, error: { code: 'bad_input', message: `无法保存到“${to}”，请检查U盘是否已插好、是否写保护、空间是否足够。`, detail: `save ${ref} to ${to}: ${(err as Error).message}` } };
    }
    const delivered = await call('file.delivered', { ref });
    return delivered.ok ? { ok: true, data: { saved: true } } : delivered;
  };
}
