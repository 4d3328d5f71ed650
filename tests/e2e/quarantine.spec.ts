// The centre receives a bundle from a unit whose key was used to forge: its claim to be the centre, its own 销号
// approval and an edit of a task's title are quarantined (越权), a change dated days ahead is held (时间异常, with
// no way to release it); the centre releases the title edit with a reason, and that release stays on the page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ledger, withHost } from './host-fixture';

const root = resolve(import.meta.dirname, '../..');

base('forged records are quarantined with their reasons, and the centre releases one it judged harmless', async ({ browser }) => {
  // Two stores made by the CLI, a forging script and the host started: more than the default 30 s on a busy machine.
  base.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-forge-'));
  const unit = join(dir, 'unit.db');
  ledger('init', '--db', unit, '--office', '市商务局', '--role', 'unit');
  ledger('closeout', 'request', '--db', unit, '--task', '1.1.1', '--text', '全年目标已完成，申请销号', '--below-full');
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

    // A record dated ahead cannot be released: it applies when its time comes.
    await expect(list.locator('tr', { hasText: '时间异常' }).getByTestId('release-record')).toHaveCount(0);
    // The title edit is released with a reason; the forged approval stays quarantined.
    const edit = list.locator('tr', { hasText: '无权修改该任务' });
    await edit.getByTestId('release-record').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '放 行' })).toBeDisabled();
    await dialog.getByTestId('release-reason').fill('已电话核实，同意更正错字');
    await dialog.getByRole('button', { name: '放 行' }).click();
    await expect(list).toContainText('放行记录');
    await expect(list).toContainText('已电话核实');
    await expect(list).toContainText('已生效');
    await expect(list.locator('tr', { hasText: '无权修改该任务' })).toHaveCount(0);
    await expect(list).toContainText('无权审批该任务销号');
    await expect(list).toContainText('时间异常');
    await page.screenshot({ path: '.tmp/screens/quarantine-released.png', fullPage: true });

    // The task was never closed by the forged approval; the released title edit applies.
    const task = ledger('tasks', '--db', center.db, '--json', '--code', '1.1.1');
    expect(task).toContain('"pending_closeout"');
    expect(task).toContain('更正错字');
  });
});
