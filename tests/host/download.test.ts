// GET /download/<ref>: a made file leaves the host as a download, and only a download that sent the file counts
// as delivered (a bundle is then recorded as sent to its peer).
import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/core/handlers';
import { createOutbox } from '../../electron/core/files/outbox';
import { send, serveHost } from '../helpers/host-server';
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
});
