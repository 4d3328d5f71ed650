// Serves the built renderer under app://ledger/ instead of file://, so the page has a real origin that
// CSP 'self' and the IPC sender check can name, and it cannot read arbitrary files.
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { readStatic } from '../core/serve/static-files';
import { APP_SCHEME } from './security';

export const privilegedScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = (await readStatic(rendererDir, url.pathname)) ?? (await readStatic(rendererDir, '/'));
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
