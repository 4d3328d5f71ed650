// The outbox: made files wait in a folder of this user's only until a shell delivers them.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../../electron/core/files/outbox';
import { tempDir } from '../../helpers/temp-store';

describe.skipIf(process.platform === 'win32')('the outbox', () => {
  it('makes the folder a shell names readable by this user only, and each file too', async () => {
    const dir = join(tempDir(), 'outbox');
    const outbox = createOutbox(dir);
    const file = await outbox.put('简报.docx', (to) => writeFileSync(to, 'x'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(outbox.pathOf(file.ref)).mode & 0o777).toBe(0o600);
    outbox.clear();
  });

  it('keeps a file private even where the folder already existed', async () => {
    const dir = join(tempDir(), 'outbox');
    mkdirSync(dir, { mode: 0o700 });
    const outbox = createOutbox(dir);
    const file = await outbox.put('同步包.ledger.json', (to) => writeFileSync(to, '{}', { mode: 0o644 }));
    expect(statSync(outbox.pathOf(file.ref)).mode & 0o777).toBe(0o600);
    outbox.clear();
  });
});
