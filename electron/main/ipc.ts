// Registers one ipcMain handler per contract channel, each checking its sender and dispatching to the core.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, type Result } from '../../shared/contract';
import { dispatch, type Logger } from '../core/dispatch';
import type { Handlers } from '../core/handlers';
import { isTrustedSender } from './security';

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, origins: readonly string[], log: Logger): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, origins)) {
        log(`[${channel}] refused IPC from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return { ok: false, error: { code: 'forbidden', message: '拒绝访问。', detail: 'untrusted IPC sender' } };
      }
      return dispatch(handlers, channel, input, log);
    });
  }
}
