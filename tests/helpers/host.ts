// Starts the browser-mode host as a real child process and waits until it prints its URL (with the token in
// the hash), as a person starting it would. Free of vitest imports: the Playwright fixture uses it too.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface HostProcess {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
}

/** Runs `node ARGS` in the project folder; the host picks a free port itself and prints "URL: …". */
export function startHostProcess(args: string[], timeoutMs: number): Promise<HostProcess> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise<HostProcess>((res, rej) => {
    let out = '';
    let err = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      // A host that never said where it listens would otherwise outlive the test run.
      child.kill('SIGTERM');
      rej(new Error(`${why}\n${out}\n${err}`));
    };
    const timer = setTimeout(() => fail(`host did not print its URL in ${timeoutMs} ms`), timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      out += String(c);
      const m = /^URL: (\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        const u = new URL(m[1]!);
        res({ child, url: m[1]!, origin: u.origin, token: u.hash.replace('#token=', '') });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (err += String(c)));
    child.on('exit', (code) => fail(`host exited with ${code}`));
  });
}
