// Files the core made for the person to keep wait here until a shell delivers them: Electron copies one to the
// path chosen in the save dialog, the browser-mode host streams it as a download, the CLI copies it to --out.
// Only then does the core record what delivery means (a bundle counts as sent to its peer); a cancelled save
// dialog records nothing. A file is written under a temporary name and renamed when complete, so a shell never
// hands out half a file, and its bytes never travel as base64 inside a channel's answer.
import { OUTBOX_REF, plainFileName } from '../../../shared/file-names';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutgoingFile } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

/** Files not yet delivered that are kept: an export, its retry, and a few others meanwhile. */
const KEEP = 8;

export interface Outbox {
  /** Where the files lie, each named by its reference: a shell in another process reads them from here. */
  readonly dir: string;
  /** Writes a new file through `write(path)` and returns it; `onDelivered` runs once, when a shell delivered it. */
  put(name: string, write: (path: string) => void | Promise<void>, onDelivered?: () => void): Promise<OutgoingFile>;
  /** The path of a file waiting, or a Chinese error when the reference names none. */
  pathOf(ref: string): string;
  /** The name the file is offered under. */
  nameOf(ref: string): string;
  /** A shell delivered the file whole: record it, then let the file go (kept for another try if recording fails). */
  delivered(ref: string): void;
  /** Removes every file and the folder. */
  clear(): void;
}

/** An outbox in `dir` (made if missing), or in a new private temporary folder. */
export function createOutbox(dir?: string): Outbox {
  let folder = dir ?? null;
  const waiting = new Map<string, { name: string; onDelivered?: () => void }>();
  const here = () => {
    // This user's only, like the store: what waits here is the ledger's content.
    if (folder) mkdirSync(folder, { recursive: true, mode: 0o700 });
    else folder = mkdtempSync(join(tmpdir(), 'zhuanban-outbox-'));
    return folder;
  };
  const drop = (ref: string) => {
    waiting.delete(ref);
    if (folder) rmSync(join(folder, ref), { force: true });
  };

  return {
    get dir() {
      return here();
    },
    async put(name, write, onDelivered) {
      const ref = randomUUID();
      const path = join(here(), ref);
      const partial = `${path}.part`;
      try {
        await write(partial);
        chmodSync(partial, 0o600);
        renameSync(partial, path);
      } catch (err) {
        rmSync(partial, { force: true });
        throw err;
      }
      // Names come from titles and from peers' evidence: made plain once, for every shell.
      name = plainFileName(name);
      waiting.set(ref, { name, ...(onDelivered ? { onDelivered } : {}) });
      for (const old of [...waiting.keys()].slice(0, Math.max(0, waiting.size - KEEP))) drop(old);
      return { name, ref, size: statSync(path).size };
    },
    pathOf(ref) {
      if (!OUTBOX_REF.test(ref) || !waiting.has(ref)) throw new AppError('bad_input', '要保存的文件已失效，请重新导出。', `unknown outbox file ${ref}`);
      return join(here(), ref);
    },
    nameOf(ref) {
      return waiting.get(ref)?.name ?? ref;
    },
    delivered(ref) {
      const item = waiting.get(ref);
      if (!item) throw new AppError('bad_input', '要保存的文件已失效，请重新导出。', `unknown outbox file ${ref}`);
      item.onDelivered?.();
      drop(ref);
    },
    clear() {
      waiting.clear();
      if (!folder || !existsSync(folder)) return;
      // Only our own files: a folder the shell named may hold nothing else, but is never removed blindly.
      for (const f of readdirSync(folder)) if (OUTBOX_REF.test(f.replace(/\.part$/, ''))) rmSync(join(folder, f), { force: true });
      if (!dir) rmSync(folder, { recursive: true, force: true });
    },
  };
}
