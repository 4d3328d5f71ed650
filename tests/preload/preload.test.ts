import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/channels';

const m = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: m.exposeInMainWorld },
  ipcRenderer: { invoke: m.invoke },
}));

describe('preload', () => {
  it('exposes only window.api, one function per channel, each invoking its own channel', async () => {
    await import('../../electron/preload/index');
    expect(m.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = m.exposeInMainWorld.mock.calls[0] as [string, Record<string, (i: unknown) => Promise<unknown>>];
    expect(name).toBe('api');
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await expect(api['tasks.list']!({ battle: 1 })).resolves.toEqual({ channel: 'tasks.list', input: { battle: 1 } });
    expect(m.invoke).toHaveBeenCalledTimes(1);
  });
});
