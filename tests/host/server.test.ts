import { REQUEST_MAX_BYTES } from '../../shared/limits';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/handlers';
import { send, serveHost } from '../helpers/host-server';
import { tempDir, tempStore } from '../helpers/temp-store';

async function start(withRenderer = true) {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  if (withRenderer) writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>专班台账</title>');
  return serveHost({ handlers: createHandlers({ store: tempStore(), version: '0' }), rendererDir, token: 'secret-token' });
}

describe('browser-mode host', () => {
  it('answers a channel with the token', async () => {
    const port = await start();
    const r = await send(port, '/api/plan.overview', { method: 'POST', headers: { 'x-ledger-token': 'secret-token' }, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).data.battles).toHaveLength(6);
  });

  it('refuses API calls without the token, or with a wrong one, with 403', async () => {
    const port = await start();
    expect((await send(port, '/api/plan.overview', { method: 'POST', body: '{}' })).status).toBe(403);
    const wrong = await send(port, '/api/plan.overview', { method: 'POST', headers: { 'x-ledger-token': 'secret-tokex' }, body: '{}' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body).error.message).toMatch(/令牌/);
  });

  it('refuses other Host names (DNS rebinding) and other origins', async () => {
    const port = await start();
    expect((await send(port, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
    const cross = await send(port, '/api/units.list', {
      method: 'POST',
      headers: { 'x-ledger-token': 'secret-token', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
  });

  it('returns contract errors as values and bad JSON as 400', async () => {
    const port = await start();
    const headers = { 'x-ledger-token': 'secret-token' };
    const bad = await send(port, '/api/tasks.list', { method: 'POST', headers, body: '{"battle":420}' });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((await send(port, '/api/tasks.list', { method: 'POST', headers, body: '{not json' })).status).toBe(400);
    expect((await send(port, '/api/no.such', { method: 'POST', headers, body: '{}' })).status).toBe(404);
    expect((await send(port, '/api/units.list', { headers })).status).toBe(405);
  });

  it('refuses a body over the size cap with 413 and a Chinese message', async () => {
    const port = await start();
    // Only a progress line's evidence rides inside a request: past 40 MB of it as base64 and the rest of the form.
    const big = JSON.stringify({ taskId: 'x', period: '2023-03', percent: 10, text: '进展', evidence: [{ name: 'x.txt', contentBase64: 'A'.repeat(REQUEST_MAX_BYTES) }] });
    const r = await send(port, '/api/progress.report', { method: 'POST', headers: { 'x-ledger-token': 'secret-token' }, body: big });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/过大/);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const port = await start();
    const page = await send(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('专班台账');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/missing.js']) {
      expect((await send(port, path)).status, path).toBe(404);
    }
  });

  it('answers a path whose percent-encoding does not decode with 400, for a page or a channel', async () => {
    const port = await start();
    const headers = { 'x-ledger-token': 'secret-token' };
    for (const [path, method] of [['/%E0%A4%A', 'GET'], ['/assets/%ZZ.js', 'GET'], ['/api/%E0%A4%A', 'POST']] as const) {
      const r = await send(port, path, { method, headers, body: method === 'POST' ? '{}' : undefined });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body).error).toMatchObject({ code: 'bad_input', message: '请求地址无法解析。' });
    }
  });

  it('says in Chinese when the renderer has not been built', async () => {
    const port = await start(false);
    const r = await send(port, '/');
    expect(r.status).toBe(503);
    expect(r.body).toMatch(/界面尚未构建/);
  });
});
