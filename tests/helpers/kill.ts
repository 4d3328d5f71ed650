// Runs a worker script under tsx and SIGKILLs it `afterMs` after it prints "ready": a PC switched off mid-work.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

interface Run {
  outcome: 'killed' | 'finished';
  /** From "ready" to the end, killed or not. */
  msFromReady: number;
}

/** Without afterMs the worker is left to finish. */
function runWorker(worker: string, args: string[], afterMs?: number): Promise<Run> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt = 0;
    child.stderr.on('data', (c) => (err += String(c)));
    child.stdout.on('data', (c) => {
      out += String(c);
      if (readyAt || !out.includes('ready')) return;
      readyAt = performance.now();
      if (afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (code, signal) => {
      const msFromReady = performance.now() - readyAt;
      if (signal === 'SIGKILL') res({ outcome: 'killed', msFromReady });
      else if (code === 0) res({ outcome: 'finished', msFromReady });
      else rej(new Error(err));
    });
  });
}

export async function runAndKill(worker: string, args: string[], afterMs: number): Promise<'killed' | 'finished'> {
  return (await runWorker(worker, args, afterMs)).outcome;
}

/** How long the worker runs after it prints "ready", left to finish: where to aim the kills. */
export async function timeFromReady(worker: string, args: string[]): Promise<number> {
  return (await runWorker(worker, args)).msFromReady;
}
