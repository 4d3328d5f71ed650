// Browser mode's picked files: sent once as the body of POST /upload, kept as a private temporary file, read by
// the channel that names its id — a bundle of any size up to the cap, never base64 inside a JSON request.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { createHandlers } from '../../electron/core/handlers';
import { seedIds } from '../../electron/core/plan/seed-ids';
import { createUploads, UploadTooLarge } from '../../electron/host/uploads';
import { send, serveHost } from '../helpers/host-server';
import { installation } from '../helpers/offices';
import { tempDir } from '../helpers/temp-store';

const body = (bytes: Buffer) => Readable.from([bytes.subarray(0, 700), bytes.subarray(700)]) as unknown as IncomingMessage;

/** POST, answered with the host's JSON. */
async function post(port: number, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}) {
  const r = await send(port, path, { method: 'POST', ...opts });
  return { status: r.status, json: JSON.parse(r.body) as { ok: boolean; data?: Record<string, unknown>; error?: { message: string } } };
}

describe('uploads', () => {
  it('keeps what was sent under a new id, the last four only, and forgets all when cleared', async () => {
    const parent = tempDir();
    const uploads = createUploads(parent);
    const refs: string[] = [];
    for (let i = 0; i < 6; i++) refs.push(await uploads.receive(body(Buffer.alloc(2000, 48 + i)), 10_000));
    expect(new Set(refs).size).toBe(6);
    const read = (ref: string) => {
      const b = uploads.files.open(ref, 10_000).bytes();
      const all = Buffer.from(b.slice(0, b.size));
      b.close();
      return all;
    };
    expect(read(refs[5]!)).toEqual(Buffer.alloc(2000, 48 + 5));
    expect(read(refs[2]!)[0]).toBe(48 + 2);
    for (const old of refs.slice(0, 2)) expect(() => uploads.files.open(old, 10_000)).toThrow(/已失效/);
    expect(() => uploads.files.open('../../etc/passwd', 10_000)).toThrow(AppError);
    const folder = join(parent, readdirSync(parent)[0]!);
    expect(readdirSync(folder)).toHaveLength(4);
    uploads.clear();
    expect(existsSync(folder)).toBe(false);
    expect(() => uploads.files.open(refs[5]!, 10_000)).toThrow(/已失效/);
  });

  it('stops past the cap, keeps nothing, and reads nothing larger than asked', async () => {
    const parent = tempDir();
    const uploads = createUploads(parent);
    await expect(uploads.receive(body(Buffer.alloc(2000)), 1500)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(readdirSync(join(parent, readdirSync(parent)[0]!))).toEqual([]);
    const ref = await uploads.receive(body(Buffer.alloc(2000)), 2000);
    expect(() => uploads.files.open(ref, 1999).bytes()).toThrow(/文件过大/);
  });

  it('through the host: upload with the token, then preview and import the bundle by its id', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await Promise.all([unit.ready, taskforce.ready]);
    await unit.call('progress.report', { taskId: seedIds.task('吉政发〔2023〕3号', '1.1.1'), period: '2023-06', percent: 40, text: '进展' });
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    const uploads = createUploads(tempDir());
    const port = await serveHost({ handlers: createHandlers({ store: taskforce.store, version: '0', files: uploads.files }), rendererDir, token: 't', uploads });
    const bytes = unit.bundleFor();

    expect((await post(port, '/upload', { body: bytes })).status).toBe(403);
    const up = await post(port, '/upload', { headers: { 'x-ledger-token': 't' }, body: bytes });
    expect(up.status).toBe(200);
    const file = { name: '市商务局.ledger.json', ref: String(up.json.data!.ref) };
    const call = (input: unknown) => post(port, '/api/sync.import', { headers: { 'x-ledger-token': 't' }, body: JSON.stringify(input) });
    const preview = await call({ file, dryRun: true });
    expect(preview.json).toMatchObject({ ok: true, data: { saved: false, exporterOffice: '市商务局', byEntity: { progress: 1 } } });
    const applied = await call({ file, dryRun: false, trust: true });
    expect(applied.json).toMatchObject({ ok: true, data: { saved: true, applied: preview.json.data!.applied } });
    const gone = await call({ file: { name: 'x', ref: 'no-such-upload' }, dryRun: true });
    expect(gone.json).toMatchObject({ ok: false, error: { message: expect.stringMatching(/已失效/) } });

    // A declared length past the cap is refused before anything is kept, with a reason in Chinese.
    const huge = await post(port, '/upload', { headers: { 'x-ledger-token': 't', 'content-length': String(300 * 1024 * 1024) }, body: '' }).catch((e: Error) => e);
    if (huge instanceof Error) throw huge;
    expect(huge.status).toBe(413);
    expect(huge.json.error!.message).toMatch(/文件过大/);
  });
});
