// The core's own process under plain Node: the real entry (electron/core-process/index.ts) forked with tsx,
// adapted to the shape Electron's UtilityProcess has, so the main process's CoreClient drives it unchanged.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CoreChild } from '../../electron/main/core-client';

const root = join(import.meta.dirname, '..', '..');

export function forkCore(): { child: ChildProcess; port: CoreChild } {
  const child = fork(join(root, 'electron/core-process/index.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const port: CoreChild = {
    postMessage: (m) => void child.send(m),
    on: (event: 'message' | 'exit', listener: (x: never) => void) => child.on(event, listener as (...a: unknown[]) => void),
    kill: () => child.kill(),
  } as CoreChild;
  return { child, port };
}
