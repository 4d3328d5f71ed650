// The browser-mode host's server in this process, on a free port, closed when the test ends; and raw HTTP to
// it, so a test controls the Host header (fetch would not let it).
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { createHostServer, type HostOptions } from '../../electron/host/server';

/** Starts createHostServer(options) on 127.0.0.1 and returns its port. */
export async function serveHost(options: HostOptions): Promise<number> {
  const server: Server = createHostServer(options);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => {
    server.close();
  });
  return (server.address() as AddressInfo).port;
}

export interface Sent {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

export function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Sent> {
  return new Promise<Sent>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
