// The Electron shell with 'electron' mocked: the security options, the IPC registration and its sender
// check, and the navigation/window/permission rules, exercised through the real main module.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pageChannelNames, SAVE_FILE_CHANNEL } from '../../shared/channels';
import { fake as m, quitMain, startMain } from '../helpers/fake-electron';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';

vi.mock('electron', () => import('../helpers/fake-electron'));

beforeAll(async () => {
  // Not the per-test temp helper: the store stays open across all tests of this file.
  await startMain(join(mkdtempSync(join(tmpdir(), 'ledger-shell-')), 'shell.db'));
});
afterAll(quitMain);

const trusted = { senderFrame: { url: 'app://ledger/index.html', parent: null } };

describe('Electron main process', () => {
  it('opens the window with context isolation, sandbox and no Node integration', () => {
    expect(m.windows).toHaveLength(1);
    const prefs = m.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(m.windows[0]!.url).toBe('app://ledger/index.html');
    expect(m.electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('serves the renderer from a privileged app:// scheme', () => {
    expect(m.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(m.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('runs the core in a process of its own and registers one IPC handler per channel the page may call', () => {
    expect(m.electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(String(m.electron.utilityProcess.fork.mock.calls[0]![0])).toMatch(/out[\\/]main[\\/]core\.js$/);
    expect([...m.ipcHandlers.keys()].sort()).toEqual([...pageChannelNames, SAVE_FILE_CHANNEL].sort());
    // The shells' own channel is never relayed from the page.
    expect(m.ipcHandlers.has('file.delivered')).toBe(false);
  });

  it('answers our own page and parses its input with the contract', async () => {
    // A new ledger starts without a plan; the first screen offers the built-in one.
    expect(await m.ipcHandlers.get('plan.list')!(trusted, {})).toMatchObject({ ok: true, data: { plans: [] } });
    expect(await m.ipcHandlers.get('plan.builtin')!(trusted, {})).toMatchObject({ ok: true });
    const ok = (await m.ipcHandlers.get('plan.overview')!(trusted, {})) as { ok: boolean; data: { battles: unknown[] } };
    expect(ok.ok).toBe(true);
    expect(ok.data.battles).toHaveLength(6);
    const bad = await m.ipcHandlers.get('tasks.list')!(trusted, { battle: 'all' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('refuses IPC from foreign pages and from sub-frames', async () => {
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///etc/passwd', parent: null },
      { url: 'app://ledger/index.html', parent: {} },
      null,
    ]) {
      const r = await m.ipcHandlers.get('units.list')!({ senderFrame }, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  // After the built-in plan was taken above: a ledger with a plan to export.
  it('saves a made file where the save dialog says, and nothing when it is cancelled', async () => {
    const call = (channel: string, input: unknown) => m.ipcHandlers.get(channel)!(trusted, input) as Promise<{ ok: boolean; data: Record<string, unknown> }>;
    const made = (await call('sync.export', {})).data.file as { ref: string; name: string; size: number };
    expect(made.name).toMatch(/\.ledger\.json$/);
    // It waits in a folder made for this run, this user's only, under a name nobody could have taken first.
    const outbox = readdirSync(tmpdir())
      .filter((d) => d.startsWith('zhuanban-outbox-'))
      .map((d) => join(tmpdir(), d))
      .find((d) => existsSync(join(d, made.ref)))!;
    expect(outbox).toBeDefined();
    expect(outbox).not.toBe(join(tmpdir(), `zhuanban-outbox-${process.pid}`));
    if (process.platform !== 'win32') expect(statSync(outbox).mode & 0o777).toBe(0o700);
    expect(await call(SAVE_FILE_CHANNEL, made)).toEqual({ ok: true, data: { saved: false } });
    const to = join(mkdtempSync(join(tmpdir(), 'ledger-stick-')), made.name);
    m.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: to });
    expect(await call(SAVE_FILE_CHANNEL, made)).toEqual({ ok: true, data: { saved: true } });
    expect(readFileSync(to).length).toBe(made.size);
    expect(JSON.parse(readFileSync(to, 'utf8').split('\n')[0]!)).toBeTruthy();
    // Delivered once: saving it again is refused in Chinese, and nothing is written.
    const again = join(tmpdir(), `again-${made.ref}.json`);
    m.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: again });
    expect(await call(SAVE_FILE_CHANNEL, made)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(existsSync(again)).toBe(false);
    expect(await call(SAVE_FILE_CHANNEL, { ref: '../../etc/passwd', name: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('denies new windows, foreign navigation, webviews and permission requests', () => {
    const listeners = new Map<string, (...a: unknown[]) => void>();
    let openHandler: (() => unknown) | undefined;
    let permission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    const contents = {
      setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
      on: (name: string, fn: (...a: unknown[]) => void) => listeners.set(name, fn),
      session: {
        setPermissionRequestHandler: (fn: typeof permission) => (permission = fn),
        setPermissionCheckHandler: vi.fn(),
      },
    };
    m.appListeners.get('web-contents-created')!({}, contents);
    expect(openHandler!()).toEqual({ action: 'deny' });

    const away = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(home, 'app://ledger/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const cb = vi.fn();
    permission!({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('asks for the single-instance lock so a second copy focuses the first', () => {
    expect(m.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(m.appListeners.has('second-instance')).toBe(true);
  });
});

describe('what the code never does', () => {
  it('opens no URL in the system browser (no shell.openExternal anywhere) and loads no remote script', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const root = join(import.meta.dirname, '../..');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx|html)$/.test(f)) files.push(p);
      }
    };
    for (const d of ['electron', 'renderer', 'shared']) walk(join(root, d));
    const offenders = files.filter((f) => /openExternal|<script[^>]+src=["']https?:|https?:\/\/(?!127\.0\.0\.1|localhost)[a-z]/i.test(readFileSync(f, 'utf8').replace(/(^|\s)\/\/.*$/gm, '$1')));
    expect(offenders).toEqual([]);
  });
});
