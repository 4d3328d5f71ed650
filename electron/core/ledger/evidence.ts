// Evidence files attached to a progress line, stored by content hash in the data folder beside the store.
// Never required (the plan tells offices not to demand screenshots); the same file attached twice is kept once.
import { sha256Hex } from '../events/canonical';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { EvidenceRef } from '../../../shared/workflow';
import type { Store } from '../store/store';

export function evidenceDir(store: Store): string {
  return join(dirname(store.path), 'evidence');
}

/** Files within the limits of shared/limits.ts (EVIDENCE), as the contract admitted them. */
export function saveEvidence(store: Store, files: readonly { name: string; contentBase64: string }[]): EvidenceRef[] {
  const dir = evidenceDir(store);
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const bytes = Buffer.from(f.contentBase64, 'base64');
    const sha256 = sha256Hex(bytes);
    const path = join(dir, sha256);
    if (!existsSync(path)) {
      // Written under a temporary name and renamed, so a crash never leaves a half file under the hash.
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    }
    return { name: f.name, sha256, size: bytes.length };
  });
}

export function readEvidence(store: Store, sha256: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('bad_input', '附件标识不正确。', `bad evidence hash ${sha256}`);
  const path = join(evidenceDir(store), sha256);
  if (!existsSync(path)) throw new AppError('not_found', '本机没有这个附件（可能还未从其他单位同步过来）。', `evidence ${sha256} missing`);
  const bytes = readFileSync(path);
  // The name is the content's hash: a file changed on disk is not the evidence that was attached.
  if (sha256Hex(bytes) !== sha256) throw new AppError('store_corrupt', '附件文件已损坏。', `evidence ${sha256} hash mismatch`);
  return bytes;
}
