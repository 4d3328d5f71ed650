// A made file copied to where the person chose (a USB stick): it appears there whole or not at all — copied beside
// its final name under a temporary one, then renamed. The Electron save dialog and the CLI's --out both use it.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

export async function copyWhole(from: string, to: string): Promise<void> {
  const part = `${to}.${process.pid}.part`;
  try {
    // Written as a new file, not copied with the outbox's private mode: on the stick it is the person's file.
    await pipeline(createReadStream(from), createWriteStream(part));
    await rename(part, to);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}
