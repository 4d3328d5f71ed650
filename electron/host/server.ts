// Browser mode: the same contract over HTTP on loopback. Only 127.0.0.1, only with the per-launch token,
// only from our own origin, so another local program or a web page cannot read or change the ledger.
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { isChannel, shellOnlyChannels } from '../../shared/contract';
import { EVIDENCE, FILE_MAX_BYTES, MB, REQUEST_MAX_BYTES } from '../../shared/limits';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { dispatch, type Logger } from '../core/dispatch';
import type { Handlers } from '../core/handlers';
import { readStatic } from '../core/serve/static-files';
import type { Outbox } from '../core/files/outbox';
import { UploadTooLarge, type Uploads } from './uploads';

export const TOKEN_HEADER = 'x-ledger-token';
// Picked files arrive as uploads and made files leave as downloads; only a progress line's evidence rides
// inside a request (shared/limits.ts).
const MAX_BODY = REQUEST_MAX_BYTES;
const MAX_UPLOAD = FILE_MAX_BYTES.bundle;

export interface HostOptions {
  handlers: Handlers;
  rendererDir: string;
  token: string;
  log?: Logger;
  /** Where POST /upload puts picked files; the handlers read them through the same object's files. */
  uploads?: Uploads;
  /** The handlers' outbox: GET /download/<ref> streams a made file from it, then tells the core it was delivered. */
  outbox?: Outbox;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function fail(res: ServerResponse, status: number, code: string, message: string, detail: string): void {
  sendJson(res, status, { ok: false, error: { code, message, detail } });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Stop keeping it, let the rest drain, and answer: destroying the socket would lose the answer.
        req.off('data', onData);
        chunks.length = 0;
        req.resume();
        reject(new Error('body too large'));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createHostServer({ handlers, rendererDir, token, log = () => {}, uploads, outbox }: HostOptions): Server {
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      log(`host error: ${String(err)}`);
      if (!res.headersSent) fail(res, 500, 'internal', '服务内部错误，数据未被修改。', String(err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as { port: number } | null)?.port;
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host header.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return fail(res, 403, 'forbidden', '拒绝访问。', `unexpected Host header: ${host}`);
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    // A path that does not decode (`/%E0%A4%A`) is the client's error, not the host's.
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return fail(res, 400, 'bad_input', '请求地址无法解析。', `malformed percent-encoding in ${url.pathname}`);
    }

    if (url.pathname.startsWith('/api/') || url.pathname === '/upload') {
      if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
        return fail(res, 403, 'forbidden', '访问令牌无效，请使用启动时显示的地址打开。', 'missing or wrong token');
      }
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) {
        return fail(res, 403, 'forbidden', '拒绝跨站访问。', `foreign origin: ${origin}`);
      }
      if (req.method !== 'POST') return fail(res, 405, 'bad_input', '请求方式不正确。', `method ${req.method} not allowed`);
      if (url.pathname === '/upload') return upload(req, res);
      const channel = path.slice('/api/'.length);
      if (!isChannel(channel) || shellOnlyChannels.includes(channel)) return fail(res, 404, 'not_found', `未知的操作：${channel}`, `unknown channel: ${channel}`);
      let input: unknown;
      try {
        const text = await readBody(req);
        input = text ? JSON.parse(text) : {};
      } catch (err) {
        const tooLarge = (err as Error).message === 'body too large';
        if (tooLarge) res.setHeader('Connection', 'close');
        return fail(res, tooLarge ? 413 : 400, 'bad_input', tooLarge ? `提交的内容过大（附件合计不能超过 ${EVIDENCE.totalBytes / MB} MB）。` : '请求内容无法解析。', `bad request body: ${(err as Error).message}`);
      }
      return sendJson(res, 200, await dispatch(handlers, channel, input, log));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'bad_input', '请求方式不正确。', `method ${req.method} not allowed`);
    // A download is a link the page clicks, which cannot carry a header: the token comes in the query.
    if (url.pathname.startsWith('/download/')) {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return fail(res, 403, 'forbidden', '访问令牌无效，请使用启动时显示的地址打开。', 'missing or wrong download token');
      return download(path.slice('/download/'.length), req.method === 'HEAD', res);
    }
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) {
      if (url.pathname === '/') {
        return send(res, 503, 'text/plain; charset=utf-8', '界面尚未构建，请先运行 npm run build:renderer。 (renderer build missing)');
      }
      return send(res, 404, 'text/plain; charset=utf-8', '未找到。 (not found)');
    }
    send(res, 200, file.type, file.body);
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!uploads) return fail(res, 404, 'not_found', '此处不接收文件。', 'no uploads configured');
    const declared = Number(req.headers['content-length'] ?? 0);
    try {
      // A declared length over the cap is refused before a byte is written.
      if (declared > MAX_UPLOAD) throw new UploadTooLarge(`declared ${declared} bytes`);
      const ref = await uploads.receive(req, MAX_UPLOAD);
      return sendJson(res, 200, { ok: true, data: { ref } });
    } catch (err) {
      if (!(err instanceof UploadTooLarge)) throw err;
      req.resume();
      res.setHeader('Connection', 'close');
      return fail(res, 413, 'bad_input', `文件过大（超过 ${MAX_UPLOAD / MB} MB），不能导入。`, err.message);
    }
  }

  /**
   * Streams a made file; once the last byte is handed to the connection the core records it delivered. A HEAD
   * request is answered with the headers alone and delivers nothing: the file stays for the download itself.
   */
  async function download(ref: string, headOnly: boolean, res: ServerResponse): Promise<void> {
    let path: string;
    try {
      if (!outbox) throw new Error('no outbox configured');
      path = outbox.pathOf(ref);
    } catch (err) {
      return fail(res, 404, 'not_found', '要保存的文件已失效，请重新导出。', (err as Error).message);
    }
    const name = outbox.nameOf(ref);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    });
    if (headOnly) return void res.end();
    const stream = createReadStream(path);
    stream.on('error', (err) => {
      log(`download ${ref}: ${err.message}`);
      res.destroy(err);
    });
    res.on('finish', () => {
      void dispatch(handlers, 'file.delivered', { ref }, log);
    });
    stream.pipe(res);
  }

  return server;
}
