// Where the program's own files (migrations, seeds, renderer build) are, whether it runs from the source
// tree under tsx, from a bundle in out/, or from inside an Electron asar: the nearest package.json up.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'seeds'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`package root not found above ${from}`);
    dir = up;
  }
}

export function resourcePaths(root: string = findPackageRoot()) {
  return {
    root,
    migrationsDir: join(root, 'electron', 'core', 'store', 'migrations'),
    seedFile: join(root, 'seeds', 'plan-2023.json'),
    rendererDir: join(root, 'out', 'renderer'),
    preloadFile: join(root, 'out', 'preload', 'index.cjs'),
  };
}
