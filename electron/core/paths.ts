// Where the program's own files (migrations, seeds, renderer build) are, whether it runs from the source
// tree under tsx, from a bundle in out/, or from inside an Electron asar: the nearest package.json up.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    // The source tree has seeds/; the installed app.asar has out/ (seeds travel as resources there).
    if (existsSync(join(dir, 'package.json')) && (existsSync(join(dir, 'seeds')) || existsSync(join(dir, 'out', 'main')))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`package root not found above ${from}`);
    dir = up;
  }
}

/**
 * In an installed application the migrations and the seed are resources beside app.asar (electron-builder's
 * extraResources: plain files, outside the archive); from the source tree or out/ they sit in the package.
 */
export function resourcePaths(root: string = findPackageRoot(), packagedResources: string | undefined = (process as { resourcesPath?: string }).resourcesPath) {
  const shipped = packagedResources && existsSync(join(packagedResources, 'migrations')) ? packagedResources : undefined;
  return {
    root,
    migrationsDir: shipped ? join(shipped, 'migrations') : join(root, 'electron', 'core', 'store', 'migrations'),
    seedFile: shipped ? join(shipped, 'seeds', 'plan-2023.json') : join(root, 'seeds', 'plan-2023.json'),
    rendererDir: join(root, 'out', 'renderer'),
    preloadFile: join(root, 'out', 'preload', 'index.cjs'),
    /** The core's own process (electron/core-process), built beside the main process. */
    coreProcessFile: join(root, 'out', 'main', 'core.js'),
  };
}
