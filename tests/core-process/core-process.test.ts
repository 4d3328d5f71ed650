// The core in a process of its own, as the Electron shell runs it: started on a store, answering channels,
// handing made files over through its outbox, recording an export only once it was delivered, and stopping.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../electron/main/core-client';
import { saveFileHandler } from '../../electron/main/save-file';
import { forkCore } from '../helpers/core-child';
import { tempDir } from '../helpers/temp-store';

const running: CoreClient[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function startCore(dbPath: string, outboxDir: string) {
  const { child, port } = forkCore();
  const logs: string[] = [];
  const core = new CoreClient(port, (l) => logs.push(l));
  running.push(core);
  const started = await core.start({ type: 'start', dbPath, outboxDir, version: 'test' });
  return { core, child, started, logs };
}

const data = <T>(r: { ok: boolean; data?: unknown; error?: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error?.message);
  return r.data as T;
};

describe('the core process', () => {
  it('answers channels, saves an export through the outbox and records it only once delivered', async () => {
    const dir = tempDir();
    const { core, child, started } = await startCore(join(dir, 'ledger.db'), join(dir, 'outbox'));
    expect(started).toEqual({ ok: true });
    expect(child.pid).not.toBe(process.pid);
    data(await core.call('plan.builtin', {}));
    data(await core.call('identity.set', { office: '总指挥中心', role: 'center' }));
    const info = data<{ eventCount: number }>(await core.call('app.info', {}));
    expect(info.eventCount).toBeGreaterThan(400);

    const bad = await core.call('progress.report', { taskId: 'x', period: '2023-3', percent: 101, text: '好' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error.message).toMatch(/报告期|完成进度|本期进展/);

    const exported = data<{ file: { ref: string; name: string; size: number }; count: number }>(await core.call('sync.export', {}));
    expect(exported.file.name).toMatch(/\.ledger\.json$/);
    const waiting = join(dir, 'outbox', exported.file.ref);
    expect(readFileSync(waiting).length).toBe(exported.file.size);

    // A cancelled save dialog: nothing is recorded and the file stays for another try.
    const cancelled = saveFileHandler(join(dir, 'outbox'), { choose: async () => undefined }, core.call);
    expect(await cancelled(exported.file)).toEqual({ ok: true, data: { saved: false } });
    expect(existsSync(waiting)).toBe(true);

    const to = join(dir, '市总指挥中心.ledger.json');
    const save = saveFileHandler(join(dir, 'outbox'), { choose: async () => to }, core.call);
    expect(await save(exported.file)).toEqual({ ok: true, data: { saved: true } });
    expect(readFileSync(to).length).toBe(exported.file.size);
    // The person's file on the stick, made with the usual mode, not the outbox's private one.
    expect(statSync(to).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(existsSync(waiting)).toBe(false);
    // Delivered once: the reference is spent.
    expect((await core.call('file.delivered', { ref: exported.file.ref })).ok).toBe(false);
    // A reference that is not a file of the outbox is refused before any dialog.
    expect((await save({ ref: '../../etc/passwd', name: 'x' })).ok).toBe(false);
  });

  it('reports a store it cannot open in Chinese, and answers calls after it ended with a Chinese error', async () => {
    const dir = tempDir();
    // A folder where the store file should be.
    const { core, started } = await startCore(dir, join(dir, 'outbox'));
    expect(started.ok).toBe(false);
    expect(started.ok ? '' : started.error.message).toMatch(/[\u4e00-\u9fff]/);
    await core.stop();
    const after = await core.call('app.info', {});
    expect(after.ok).toBe(false);
    expect(after.ok ? '' : after.error.message).toMatch(/台账服务意外停止/);
  });

  it('answers a start (the restore offered after a failed one) at once when the process has ended meanwhile', async () => {
    const dir = tempDir();
    const { core, child } = await startCore(dir, join(dir, 'outbox'));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const restarted = await Promise.race([
      core.start({ type: 'restore', dbPath: join(dir, 'ledger.db'), backupPath: join(dir, 'backup.db'), outboxDir: join(dir, 'outbox'), version: 'test' }),
      new Promise((r) => setTimeout(() => r('no answer'), 3000)),
    ]);
    expect(restarted).toMatchObject({ ok: false, error: { message: expect.stringMatching(/台账服务意外停止/) } });
  });
});
