// The centre receives a bundle from a unit whose key was used to forge: its claim to be the centre and its own
// 销号 approval are quarantined (越权), a change dated days ahead is held (时间异常); the centre releases the held
// one with a reason, and the record of that release stays on the page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ledger, withHost } from './host-fixture';

const root = resolve(import.meta.dirname, '../..');

base('forged records are quarantined with their reasons, and the centre releases a held one', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-forge-'));
  const unit = join(dir, 'unit.db');
  ledger('init', '--db', unit, '--office', '市商务局', '--role', 'unit');
  ledger('closeout', 'request', '--db', unit, '--task', '1.1.1', '--text', '全年目标已完成，申请销号');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tests/helpers/forge-cli.ts'), '--db', unit], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const { path } = JSON.parse(ledger('bundle', 'export', '--db', unit, '--out', dir, '--full', '--json')) as { path: string };

  await withHost({}, async (center) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(center.url);
    await page.getByRole('menuitem', { name: '同步' }).click();
    await page.getByTestId('import-bundle').locator('input[type=file]').setInputFiles({ name: 'unit.ledger.json', mimeType: 'application/json', buffer: readFileSync(path) });
    const preview = page.getByTestId('sync-preview');
    await expect(preview).toContainText('暂缓（时间异常）');
    // What the person confirms: the office and role the key announced first, not its later claim.
    await expect(page.getByTestId('new-key-claim')).toHaveText('自称：市商务局 · 成员单位');
    await page.getByTestId('confirm-fingerprint').click();
    await page.getByTestId('apply-import').click();

    const list = page.getByTestId('quarantine');
    await expect(list).toContainText('不能自行更改本单位的单位、角色或所属的仗');
    await expect(list).toContainText('无权审批该任务销号');
    await expect(list).toContainText('时间异常');
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '.tmp/screens/quarantine.png', fullPage: true });

    // The held change is released with a reason; the forged approval stays quarantined.
    const held = list.locator('tr', { hasText: '时间异常' });
    await held.getByTestId('release-record').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '放 行' })).toBeDisabled();
    await dialog.getByTestId('release-reason').fill('已电话核实，系对方电脑日期设置错误');
    await dialog.getByRole('button', { name: '放 行' }).click();
    await expect(list).toContainText('放行记录');
    await expect(list).toContainText('已电话核实');
    await expect(list).toContainText('已生效');
    await expect(list.locator('tr', { hasText: '时间异常' })).toHaveCount(0);
    await expect(list).toContainText('无权审批该任务销号');
    await page.screenshot({ path: '.tmp/screens/quarantine-released.png', fullPage: true });

    // The task was never closed by the forged approval.
    expect(ledger('tasks', '--db', center.db, '--json', '--code', '1.1.1')).toContain('"pending_closeout"');
  });
});
