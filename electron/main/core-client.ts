// The main process's side of the core process (electron/core-process): it starts the core on the store, relays
// each channel call and its answer, and stops it. The main process never opens SQLite itself, so however long
// an import or a report takes, the window's process keeps handling input and painting.
import type { Result } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import type { FromCore, ToCore } from '../core/serve/core-process';
import type { Recovery } from '../core/store/startup';

/** What the main process needs of a forked process: Electron's UtilityProcess has exactly this shape. */
export interface CoreChild {
  postMessage(message: ToCore): void;
  on(event: 'message', listener: (message: FromCore) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type Started = { ok: true } | { ok: false; error: AppErrorShape; recovery: Recovery | null };

const GONE: AppErrorShape = { code: 'internal', message: '台账服务意外停止，数据未被修改。请重新启动专班台账。', detail: 'core process exited' };

export class CoreClient {
  private next = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private startedWaiter: ((s: Started) => void) | null = null;
  private stoppedWaiter: (() => void) | null = null;
  private exited = false;

  constructor(
    private readonly child: CoreChild,
    private readonly log: (line: string) => void,
  ) {
    child.on('message', (m) => this.receive(m));
    child.on('exit', (code) => {
      this.exited = true;
      if (code) log(`core process exited with code ${code}`);
      for (const answer of this.pending.values()) answer({ ok: false, error: GONE });
      this.pending.clear();
      this.startedWaiter?.({ ok: false, error: GONE, recovery: null });
      this.stoppedWaiter?.();
    });
  }

  /** Opens the store (or restores the offered backup over a damaged one first). */
  start(message: Extract<ToCore, { type: 'start' | 'restore' }>): Promise<Started> {
    // The restore offered after a first start failed comes after a dialog: the process may have ended meanwhile,
    // and no answer would ever come.
    if (this.exited) return Promise.resolve({ ok: false, error: GONE, recovery: null });
    return new Promise((resolve) => {
      this.startedWaiter = resolve;
      this.child.postMessage(message);
    });
  }

  readonly call = (channel: string, input: unknown): Promise<Result<unknown>> => {
    if (this.exited) return Promise.resolve({ ok: false, error: GONE });
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage({ type: 'call', id, channel, input });
    });
  };

  /** Closes the store and ends the process; at most a few seconds, then it is killed. */
  stop(timeoutMs = 5000): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, timeoutMs);
      this.stoppedWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
      this.child.postMessage({ type: 'stop' });
    });
  }

  private receive(m: FromCore): void {
    if (m.type === 'result') {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    } else if (m.type === 'started') {
      const { type: _t, ...s } = m;
      this.startedWaiter?.(s as Started);
      this.startedWaiter = null;
    } else if (m.type === 'log') this.log(m.line);
    else if (m.type === 'stopped') {
      this.stoppedWaiter?.();
      this.child.kill();
    }
  }
}
