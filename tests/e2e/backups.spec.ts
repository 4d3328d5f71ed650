// 备份与恢复 as a person uses it: the day's automatic backup is there, a backup by hand, a restore that keeps
// a backup of what it replaced and tells the new key fingerprint.
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { ledger, withHost } from './host-fixture';

base('backs up by hand and restores, with a backup of the replaced ledger and the new fingerprint', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '设置' }).click();
    const card = page.getByTestId('backups');
    await card.getByTestId('backup-now').click();
    await expect(card).toContainText('手动');
    await expect(card).toContainText('每日自动'); // taken just after the host started
    // A copy away from this PC: the backup leaves as a download, whole and a real SQLite file.
    const download = page.waitForEvent('download');
    await card.locator('tr', { hasText: '手动' }).getByTestId('backup-save').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/-manual\.db$/);
    expect(readFileSync((await saved.path())!).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // Work done after the backup, from another window (the CLI on the same store).
    ledger('progress', 'add', '--db', host.db, '--task', '1.1.1', '--period', '2023-06-3', '--percent', '35', '--text', '备份之后的进展', '--unit', '市商务局');
    await card.locator('tr', { hasText: '手动' }).getByTestId('backup-restore').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^恢\s*复$/ }).click();
    await expect(page.getByText(/本机新的密钥指纹：[A-Z2-9]{4}-/)).toBeVisible();
    await page.screenshot({ path: '.tmp/screens/backups.png' });
    await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();
    await expect(card).toContainText('恢复前');
    const out = ledger('tasks', '--db', host.db, '--code', '1.1.1', '--json');
    expect((JSON.parse(out) as { tasks: { percent: number | null }[] }).tasks[0]!.percent).toBeNull();
  });
});
