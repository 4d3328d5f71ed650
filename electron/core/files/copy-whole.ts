// A made file copied to where the person chose (a USB stick): it appears there whole or not at all — copied beside
// its final name under a temporary one, then renamed. The Electron save dialog and the CLI's --out both use it.
import { copyFile, rename, rm } from 'node:fs/promises';

export async function copyWhole(from: string, to: string): Promise<void> {
  const part = `${to}.${process.pid}.part`;
  try {
    await copyFile(from, part);
    await rename(part, to);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}
