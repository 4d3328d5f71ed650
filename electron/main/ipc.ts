// Registers one ipcMain handler per channel the page may call, each checking its sender and relaying to the
// core process; and file.save, which the main process answers itself with the save dialog.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { pageChannelNames, SAVE_FILE_CHANNEL } from '../../shared/channels';
import type { Result } from '../../shared/contract';
import { isTrustedSender } from './security';

export type CoreCall = (channel: string, input: unknown) => Promise<Result<unknown>>;

const REFUSED: Result<never> = { ok: false, error: { code: 'forbidden', message: '拒绝访问。', detail: 'untrusted IPC sender' } };

export function registerIpc(ipcMain: IpcMain, call: CoreCall, origins: readonly string[], log: (line: string) => void, saveFile: (input: unknown) => Promise<Result<{ saved: boolean }>>): void {
  const guarded = (name: string, answer: (input: unknown) => Promise<Result<unknown>>) =>
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, origins)) {
        log(`[${name}] refused IPC from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return REFUSED;
      }
      return answer(input);
    });
  for (const channel of pageChannelNames) guarded(channel, (input) => call(channel, input));
  guarded(SAVE_FILE_CHANNEL, saveFile);
}
