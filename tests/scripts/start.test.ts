// `npm start` where Electron is absent: browser mode through the bundled host (built when stale), which must
// find its migrations, seed and renderer from out/ exactly as the source tree does.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHostProcess } from '../helpers/host';
import { tempDir } from '../helpers/temp-store';

const root = resolve(import.meta.dirname, '../..');

describe('npm start (browser mode)', () => {
  it('starts the bundled host on a new store and serves the interface and the API', async () => {
    const db = join(tempDir(), 'ledger.db');
    const { child, origin, token } = await startHostProcess([join(root, 'scripts/start.mjs'), '--web', '--no-open', '--db', db], 120_000);
    try {
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      // A new ledger has no plan until the person chooses one (their own document, or the built-in plan).
      const post = (channel: string) => fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token, Origin: origin }, body: '{}' }).then((r) => r.json());
      expect(await post('plan.list')).toMatchObject({ ok: true, data: { plans: [] } });
      expect(await post('plan.builtin')).toMatchObject({ ok: true, data: { counts: { tasks: 197 } } });
      expect(await post('plan.overview')).toMatchObject({ ok: true, data: { taskCount: 197 } });
    } finally {
      child.kill('SIGTERM');
    }
  }, 180_000);
});
