// GET /download/<ref>: a made file leaves the host as a download, and only a download that sent the file counts
// as delivered (a bundle is then recorded as sent to its peer).
import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/core/handlers';
import { createOutbox } from '../../electron/core/files/outbox';
import { caller } from '../helpers/call';
import { send, serveHost } from '../helpers/host-server';
import { installation } from '../helpers/offices';
import { tempDir, tempStore } from '../helpers/temp-store';

async function start() {
  const outbox = createOutbox(tempDir());
  const port = await serveHost({ handlers: createHandlers({ store: tempStore(), version: '0', outbox }), rendererDir: tempDir(), token: 'secret-token', outbox });
  return { port, outbox };
}

describe('downloads from the browser-mode host', () => {
  it('counts a HEAD request as no delivery: the file stays and is delivered by the download that follows', async () => {
    const { port, outbox } = await start();
    const delivered = vi.fn();
    const file = await outbox.put('市政府督查室_至_市商务局.ledger.json', (to) => writeFileSync(to, '{"bundle":1}\n'), delivered);

    const head = await send(port, `/download/${file.ref}?token=secret-token`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).not.toHaveBeenCalled();

    const get = await send(port, `/download/${file.ref}?token=secret-token`);
    expect(get.status).toBe(200);
    expect(get.body).toBe('{"bundle":1}\n');
    await vi.waitFor(() => expect(delivered).toHaveBeenCalledTimes(1));
    // Delivered once: the reference is spent.
    expect((await send(port, `/download/${file.ref}?token=secret-token`)).status).toBe(404);
  });

  it('refuses a download without the token or with a wrong one, and delivers nothing', async () => {
    const { port, outbox } = await start();
    const delivered = vi.fn();
    const file = await outbox.put('简报.docx', (to) => writeFileSync(to, 'x'), delivered);
    expect((await send(port, `/download/${file.ref}`)).status).toBe(403);
    expect((await send(port, `/download/${file.ref}?token=secret-tokex`)).status).toBe(403);
    expect((await send(port, `/download/..%2F${file.ref}?token=secret-token`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).not.toHaveBeenCalled();
    expect((await send(port, `/download/${file.ref}?token=secret-token`)).body).toBe('x');
  });

  it('records a bundle for a peer as sent only once its download has gone out whole', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await Promise.all([unit.ready, taskforce.ready]);
    await taskforce.receive(unit.bundleFor());
    const outbox = createOutbox(tempDir());
    const call = caller(createHandlers({ store: taskforce.store, version: '0', outbox }));
    const port = await serveHost({ handlers: createHandlers({ store: taskforce.store, version: '0', outbox }), rendererDir: tempDir(), token: 'secret-token', outbox });
    const peer = () => call('sync.info', {}).then((i) => i.peers.find((p) => p.office === '市商务局')!);
    expect((await peer()).lastExportAt).toBe('');
    const { file } = await call('sync.export', { forPeer: (await peer()).replica });
    // Made and waiting: not yet sent.
    expect((await peer()).lastExportAt).toBe('');
    const got = await send(port, `/download/${file.ref}?token=secret-token`);
    expect(got.status).toBe(200);
    expect(Buffer.byteLength(got.body)).toBe(file.size);
    await vi.waitFor(async () => expect((await peer()).lastExportAt).not.toBe(''));
  });
});
