// The ledger command line, two ways: in this process (fast, what the CLI tests use) and as a real child
// process (what the end-to-end tests use to prepare a store the way an office's scripts would).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** Wall time of the command, for the tests that require an answer "at once". */
  ms: number;
}

/** Runs `ledger ARGS` in process; env stands for the shell's environment (empty unless given). */
export async function cli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  // Loaded on first use: Playwright imports this file for `ledger` and must not load the core (and its native
  // SQLite) into its own process.
  const { runCli } = await import('../../electron/cli/run');
  const out: string[] = [];
  const err: string[] = [];
  const start = performance.now();
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: options.env ?? {} });
  return { code, out: out.join('\n'), err: err.join('\n'), ms: performance.now() - start };
}

/** Runs electron/cli/index.ts under tsx in a child process and returns its output; throws unless it exits 0. */
export function ledger(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli/index.ts'), ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ledger ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
