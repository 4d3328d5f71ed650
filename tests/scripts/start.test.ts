// `npm start` where Electron is absent: browser mode through the bundled host (built when stale), which must
// find its migrations, seed and renderer from out/ exactly as the source tree does.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-store';

const root = resolve(import.meta.dirname, '../..');

describe('npm start (browser mode)', () => {
  it('starts the bundled host on a new store and serves the interface and the API', async () => {
    const db = join(tempDir(), 'ledger.db');
    const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--web', '--no-open', '--db', db], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = '';
        let err = '';
        const timer = setTimeout(() => rej(new Error(`no URL in time\n${out}\n${err}`)), 120_000);
        child.stdout.on('data', (c: Buffer) => {
          out += String(c);
          const m = /^URL: (\S+)$/m.exec(out);
          if (m) {
            clearTimeout(timer);
            res(m[1]!);
          }
        });
        child.stderr.on('data', (c: Buffer) => (err += String(c)));
        child.on('exit', (code) => rej(new Error(`exited ${code}\n${err}`)));
      });
      const u = new URL(url);
      const token = u.hash.replace('#token=', '');
      const page = await fetch(`${u.origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      // A new ledger has no plan until the person chooses one (their own document, or the built-in plan).
      const post = (channel: string) => fetch(`${u.origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token, Origin: u.origin }, body: '{}' }).then((r) => r.json());
      expect(await post('plan.list')).toMatchObject({ ok: true, data: { plans: [] } });
      expect(await post('plan.builtin')).toMatchObject({ ok: true, data: { counts: { tasks: 197 } } });
      expect(await post('plan.overview')).toMatchObject({ ok: true, data: { taskCount: 197 } });
    } finally {
      child.kill('SIGTERM');
    }
  }, 180_000);
});
