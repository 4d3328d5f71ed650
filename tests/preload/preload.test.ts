import { describe, expect, it, vi } from 'vitest';
import { pageChannelNames, SAVE_FILE_CHANNEL } from '../../shared/channels';
import { contextBridge, ipcRenderer } from '../helpers/fake-electron';

vi.mock('electron', () => import('../helpers/fake-electron'));

describe('preload', () => {
  it('exposes window.api, one function per channel, each invoking its own channel, and window.files with pathFor and save only', async () => {
    await import('../../electron/preload/index');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2);
    const exposed = Object.fromEntries(contextBridge.exposeInMainWorld.mock.calls as [string, Record<string, (i: unknown) => unknown>][]);
    expect(Object.keys(exposed).sort()).toEqual(['api', 'files']);
    const api = exposed.api!;
    expect(Object.keys(api).sort()).toEqual([...pageChannelNames].sort());
    expect(api).not.toHaveProperty(['file.delivered']);
    expect(Object.isFrozen(api)).toBe(true);
    await expect(api['tasks.list']!({ battle: 1 })).resolves.toEqual({ channel: 'tasks.list', input: { battle: 1 } });
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    const files = exposed.files!;
    expect(Object.keys(files)).toEqual(['pathFor', 'save']);
    expect(Object.isFrozen(files)).toBe(true);
    expect(files.pathFor!({ name: '市商务局_至_全部.ledger.json' })).toBe('/media/usb/市商务局_至_全部.ledger.json');
    // Only the reference and the name reach the main process, whatever else the page passes.
    await expect(files.save!({ ref: 'r', name: 'n.docx', extra: 'x' })).resolves.toEqual({ channel: SAVE_FILE_CHANNEL, input: { ref: 'r', name: 'n.docx' } });
  });
});
