import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { serveRenderer } from '../../electron/main/app-protocol';
import { tempDir } from '../helpers/temp-store';

describe('app:// protocol', () => {
  it('serves files of the renderer folder with the CSP header and nothing outside it', async () => {
    const dir = join(tempDir(), 'renderer');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>专班台账</title>');
    let handler: ((req: Request) => Promise<Response>) | undefined;
    serveRenderer({ handle: (_s: string, fn: typeof handler) => (handler = fn) } as unknown as Protocol, dir);

    const page = await handler!(new Request('app://ledger/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('专班台账');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const escape = await handler!(new Request('app://ledger/..%2f..%2fsecret.txt'));
    expect(await escape.text()).not.toContain('secret');
  });
});
