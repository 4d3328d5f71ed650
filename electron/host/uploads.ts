// Browser mode's picked files: the page sends the file's bytes once, as the body of POST /upload; they are
// streamed to a private temporary folder and named by a random id, which the page then passes to a channel
// (a preview and its import read the same upload). Only the last few are kept; all go when the host stops.
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { readOwnFile, type PickedFiles } from '../core/files/picked-files';

/** A preview, its import, and a file picked again meanwhile. */
const KEEP = 4;

export class UploadTooLarge extends Error {}

export interface Uploads {
  /** Streams the request's body to a new file; its id, or UploadTooLarge past maxBytes (nothing kept). */
  receive(req: IncomingMessage, maxBytes: number): Promise<string>;
  files: PickedFiles;
  /** Removes every upload and the folder. */
  clear(): void;
}

export function createUploads(parent: string = tmpdir()): Uploads {
  let dir: string | null = null;
  const held = new Map<string, string>();
  const folder = () => (dir ??= mkdtempSync(join(parent, 'zhuanban-uploads-')));

  return {
    async receive(req, maxBytes) {
      const id = randomUUID();
      const path = join(folder(), id);
      try {
        await streamTo(req, path, maxBytes);
      } catch (err) {
        rmSync(path, { force: true });
        throw err;
      }
      held.set(id, path);
      for (const old of [...held.keys()].slice(0, Math.max(0, held.size - KEEP))) {
        forget(held.get(old)!);
        held.delete(old);
      }
      return id;
    },
    files: {
      // An upload is written once and never changed: its id names its bytes.
      open(ref, maxBytes) {
        const path = held.get(ref);
        if (!path) throw new AppError('bad_input', '所选文件已失效，请重新选择。', `unknown upload ${ref}`);
        return { key: `upload:${ref}`, bytes: () => readOwnFile(path, maxBytes) };
      },
    },
    clear() {
      held.clear();
      if (dir) forget(dir);
      dir = null;
    },
  };
}

/** Removes an upload, or leaves it where a reader still holds it open (Windows refuses): the folder is temporary. */
function forget(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // still open by an import in progress
  }
}

/**
 * The body into the file, never more than maxBytes of it. Past the cap the rest is read and dropped, so the
 * host can still answer (destroying the socket would lose the answer).
 */
function streamTo(req: IncomingMessage, path: string, maxBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { mode: 0o600 });
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        out.destroy();
        req.resume();
        reject(new UploadTooLarge(`upload over ${maxBytes} bytes`));
        return;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => !over && out.end());
    req.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
  });
}
