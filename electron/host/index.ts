// `npm run start:web`: opens the store, serves the interface on 127.0.0.1 and prints one line
//   URL: http://127.0.0.1:PORT/#token=…
// then opens the system Chromium in app mode unless --no-open.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandlers } from '../core/handlers';
import { resourcePaths } from '../core/paths';
import { defaultDataDir, resolveStorePath } from '../core/store/data-dir';
import { backupAfterStart, startStore } from '../core/store/startup';
import { appVersion } from '../core/app/version';
import { appModeArgs, findBrowser } from './find-browser';
import { createHostServer } from './server';
import { createUploads } from './uploads';
import { createOutbox } from '../core/files/outbox';
import { forgetVerified } from '../core/sync/import';

function die(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) die(`错误：--port 应为 0 到 65535 的整数，收到“${value}”。 (bad --port: ${value})`);
  return n;
}

async function main(): Promise<void> {
  let values: { port?: string; db?: string; 'no-open'?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { port: { type: 'string' }, db: { type: 'string' }, 'no-open': { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    die(`错误：参数有误：${(err as Error).message}。可用选项：--port N、--db FILE、--no-open。`);
  }
  const port = parsePort(values.port);
  const dbPath = resolveStorePath(values.db);

  const started = await startStore(dbPath, (line) => process.stderr.write(`${line}\n`));
  if (!started.ok) {
    const e = started.error;
    const advice = started.recovery
      ? `\n${started.recovery.advice}\n恢复命令：npm run ledger -- restore --db "${dbPath}" "${started.recovery.backup.path}"`
      : e.code === 'store_corrupt'
        ? '\n没有找到可用的备份。'
        : '';
    die(`错误：${e.message} (${e.code}: ${e.detail})${advice}`);
  }
  const store = started.store;
  const token = randomBytes(24).toString('base64url');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const uploads = createUploads();
  const outbox = createOutbox();
  const server = createHostServer({
    handlers: createHandlers({ store, version: appVersion(), files: uploads.files, outbox }),
    rendererDir: resourcePaths().rendererDir,
    token,
    log,
    uploads,
    outbox,
  });

  server.on('error', (err: NodeJS.ErrnoException) => {
    const why = err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请换一个端口或不指定 --port。` : '无法启动本机服务。';
    store.close();
    die(`错误：${why} (${err.code ?? ''} ${err.message})`);
  });

  server.listen(port, '127.0.0.1', () => {
    const actual = (server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${actual}/#token=${token}`;
    process.stdout.write(`URL: ${url}\n`);
    void backupAfterStart(store, log);
    process.stderr.write(`台账文件：${dbPath}\n按 Ctrl+C 退出。\n`);
    if (values['no-open']) return;
    const browser = findBrowser();
    if (!browser) {
      process.stderr.write('未找到 Chromium 浏览器，请在浏览器中打开上面的地址。 (no Chromium found; open the URL yourself)\n');
      return;
    }
    const child = spawn(browser, appModeArgs(url, join(defaultDataDir(), 'browser-profile')), { stdio: 'ignore', detached: true });
    child.on('error', (err) => process.stderr.write(`无法打开浏览器，请手动打开上面的地址。 (${err.message})\n`));
    child.unref();
  });

  const shutdown = () => {
    server.close();
    forgetVerified();
    store.close();
    uploads.clear();
    outbox.clear();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
