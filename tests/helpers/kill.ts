// Runs a worker script under tsx and SIGKILLs it `afterMs` after it prints "ready": a PC switched off mid-work.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function runAndKill(worker: string, args: string[], afterMs: number): Promise<'killed' | 'finished'> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => (err += String(c)));
    child.stdout.on('data', (c) => {
      out += String(c);
      if (out.includes('ready') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? res('killed') : code === 0 ? res('finished') : rej(new Error(err))));
  });
}

/** How long the worker runs after it prints "ready", left to finish: where to aim the kills. */
export function timeFromReady(worker: string, args: string[]): Promise<number> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt = 0;
    child.stderr.on('data', (c) => (err += String(c)));
    child.stdout.on('data', (c) => {
      out += String(c);
      if (!readyAt && out.includes('ready')) readyAt = performance.now();
    });
    child.on('exit', (code) => (code === 0 ? res(performance.now() - readyAt) : rej(new Error(err))));
  });
}
