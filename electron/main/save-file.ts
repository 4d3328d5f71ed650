// file.save: a file the core made (in its outbox folder) is copied to where the person chooses in the save
// dialog, whole or not at all; only then is the core told it was delivered (a bundle then counts as sent).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/contract';
import { OUTBOX_REF, plainFileName } from '../../shared/file-names';
import { copyWhole } from '../core/files/copy-whole';
import type { CoreCall } from './ipc';

export interface SaveDialog {
  /** The chosen path, or undefined when cancelled. */
  choose(suggestedName: string): Promise<string | undefined>;
}

const GONE = '要保存的文件已失效，请重新导出。';

export function saveFileHandler(outboxDir: string, dialog: SaveDialog, call: CoreCall) {
  return async (input: unknown): Promise<Result<{ saved: boolean }>> => {
    const { ref, name } = (input ?? {}) as { ref?: unknown; name?: unknown };
    if (typeof ref !== 'string' || !OUTBOX_REF.test(ref)) return { ok: false, error: { code: 'bad_input', message: GONE, detail: `bad outbox ref ${String(ref)}` } };
    // Said before the dialog: a file the outbox let go (delivered, or pushed out by newer ones) is not there.
    if (!existsSync(join(outboxDir, ref))) return { ok: false, error: { code: 'bad_input', message: GONE, detail: `outbox file ${ref} gone` } };
    const to = await dialog.choose(plainFileName(String(name ?? '')));
    if (!to) return { ok: true, data: { saved: false } };
    try {
      await copyWhole(join(outboxDir, ref), to);
    } catch (err) {
      return { ok: false, error: { code: 'bad_input', message: `无法保存到“${to}”，请检查U盘是否已插好、是否写保护、空间是否足够。`, detail: `save ${ref} to ${to}: ${(err as Error).message}` } };
    }
    const delivered = await call('file.delivered', { ref });
    return delivered.ok ? { ok: true, data: { saved: true } } : delivered;
  };
}
