// The Electron shell meeting a damaged store: it offers the newest good backup (never opening the damaged file
// for writing), restores it when the person agrees, keeps the damaged file aside, and starts normally.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake as m, quitMain, startMain } from '../helpers/fake-electron';

vi.mock('electron', () => import('../helpers/fake-electron'));

const dir = mkdtempSync(join(tmpdir(), 'ledger-recovery-'));
const db = join(dir, 'ledger.db');

beforeAll(async () => {
  const { openStore } = await import('../../electron/core/store/open-store');
  const { makeBackup } = await import('../../electron/core/store/backups');
  const s = openStore(db);
  await makeBackup(s, 'daily', { now: new Date('2023-03-30T09:00:00') });
  s.close();
  writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 9)]));
  await startMain(db);
});
afterAll(quitMain);

describe('a damaged store at start-up', () => {
  it('offers the newest good backup, restores it on agreement, keeps the damaged file, and opens', () => {
    const offered = m.electron.dialog.showMessageBoxSync.mock.calls[0]![0];
    expect(offered.buttons).toEqual(['恢复该备份', '退出']);
    expect(offered.detail).toContain('ledger-20230330-090000-daily.db');
    expect(offered.detail).toContain('之后在本机所做的修改会丢失');
    expect(m.windows).toHaveLength(1);
    expect(m.electron.app.exit).not.toHaveBeenCalled();
    expect(readdirSync(dir).some((f) => f.startsWith('ledger.db.damaged-'))).toBe(true);
    expect(existsSync(db)).toBe(true);
  });
});
