import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/channels';

const m = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
  getPathForFile: vi.fn((file: { name: string }) => `/media/usb/${file.name}`),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: m.exposeInMainWorld },
  ipcRenderer: { invoke: m.invoke },
  webUtils: { getPathForFile: m.getPathForFile },
}));

describe('preload', () => {
  it('exposes window.api, one function per channel, each invoking its own channel, and window.files.pathFor only', async () => {
    await import('../../electron/preload/index');
    expect(m.exposeInMainWorld).toHaveBeenCalledTimes(2);
    const exposed = Object.fromEntries(m.exposeInMainWorld.mock.calls as [string, Record<string, (i: unknown) => unknown>][]);
    expect(Object.keys(exposed).sort()).toEqual(['api', 'files']);
    const api = exposed.api!;
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await expect(api['tasks.list']!({ battle: 1 })).resolves.toEqual({ channel: 'tasks.list', input: { battle: 1 } });
    expect(m.invoke).toHaveBeenCalledTimes(1);
    const files = exposed.files!;
    expect(Object.keys(files)).toEqual(['pathFor']);
    expect(Object.isFrozen(files)).toBe(true);
    expect(files.pathFor!({ name: '市商务局_至_全部.ledger.json' })).toBe('/media/usb/市商务局_至_全部.ledger.json');
  });
});
