// The core as a process of its own. In Electron the main process forks it (a utility process) and only relays:
// the window's process never waits on SQLite, so a 100,000-event import leaves the window responsive. The
// messages are plain values; any port that can post and receive them serves (Electron's parentPort, Node's
// child-process channel in tests and benchmarks).
import { toAppError, type AppError } from '../../../shared/errors';
import type { Result } from '../../../shared/contract';
import { dispatch } from '../dispatch';
import { createOutbox, type Outbox } from '../files/outbox';
import { createHandlers, type Handlers } from '../handlers';
import { restoreOverDamagedFile } from '../store/backups';
import type { Store } from '../store/store';
import { backupAfterStart, startStore, type Recovery } from '../store/startup';
import { forgetVerified } from '../sync/import';

export type ToCore =
  | { type: 'start'; dbPath: string; outboxDir: string; version: string }
  /** Restore the offered backup over the damaged store, then start again. */
  | { type: 'restore'; dbPath: string; backupPath: string; outboxDir: string; version: string }
  | { type: 'call'; id: number; channel: string; input: unknown }
  | { type: 'stop' };

export type FromCore =
  | { type: 'started'; ok: true }
  | { type: 'started'; ok: false; error: ReturnType<AppError['toJSON']>; recovery: Recovery | null }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'log'; line: string }
  | { type: 'stopped' };

export interface CorePort {
  post(message: FromCore): void;
  onMessage(listener: (message: ToCore) => void): void;
}

/** Answers the shell's messages until it says stop; calls are answered in the order they finish. */
export function serveCore(port: CorePort): void {
  let store: Store | undefined;
  let outbox: Outbox | undefined;
  let handlers: Handlers | undefined;
  const log = (line: string) => port.post({ type: 'log', line });

  const start = async (dbPath: string, outboxDir: string, version: string) => {
    const started = await startStore(dbPath, log);
    if (!started.ok) return port.post({ type: 'started', ok: false, error: started.error.toJSON(), recovery: started.recovery });
    store = started.store;
    outbox = createOutbox(outboxDir);
    handlers = createHandlers({ store, version, outbox });
    port.post({ type: 'started', ok: true });
    void backupAfterStart(store, log);
  };

  port.onMessage((m) => {
    void (async () => {
      try {
        if (m.type === 'start') await start(m.dbPath, m.outboxDir, m.version);
        else if (m.type === 'restore') {
          await restoreOverDamagedFile(m.dbPath, m.backupPath);
          await start(m.dbPath, m.outboxDir, m.version);
        } else if (m.type === 'call') {
          const result: Result<unknown> = handlers
            ? await dispatch(handlers, m.channel, m.input, log)
            : { ok: false, error: { code: 'internal', message: '台账尚未打开。', detail: 'call before start' } };
          port.post({ type: 'result', id: m.id, result });
        } else if (m.type === 'stop') {
          forgetVerified();
          outbox?.clear();
          store?.close();
          store = undefined;
          handlers = undefined;
          port.post({ type: 'stopped' });
        }
      } catch (err) {
        const e = toAppError(err);
        if (m.type === 'call') port.post({ type: 'result', id: m.id, result: { ok: false, error: e.toJSON() } });
        else if (m.type === 'start' || m.type === 'restore') port.post({ type: 'started', ok: false, error: e.toJSON(), recovery: null });
        else log(`[core] ${e.code}: ${e.detail}`);
      }
    })();
  });
}
