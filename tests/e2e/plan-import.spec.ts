// A new user's first start, from their own plan document to its ledger with the editable draft in between,
// and a second plan beside the first with the switcher. Each on a store of its own.
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ledger, withHost } from './host-fixture';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const plans = join(import.meta.dirname, '../fixtures/plans');
// 大竹县 2016 民生实事目标任务分解表, as published (see the fixture's first line).
const dazhu = join(plans, 'holdout/01-dazhu-minshengshishi-2016.txt');
const yunjiang = join(plans, 'yunjiang-2024.txt');

base('first start: own plan → editable draft → saved ledger → identity from its units', async ({ page }) => {
  await withHost({ fresh: true }, async (host) => {
    await page.goto(host.url);
    await expect(page.getByTestId('start-page')).toBeVisible();
    await page.screenshot({ path: '.tmp/screens/start-page.png' });

    await page.locator('[data-testid="plan-upload"] input[type=file]').setInputFiles(dazhu);
    const draft = page.getByTestId('plan-draft');
    await expect(page.getByTestId('draft-title')).toHaveValue('2016年民生实事目标任务分解表');
    await expect(page.getByTestId('draft-docno')).toHaveValue('竹府办〔2016〕20号');
    await expect(page.getByTestId('draft-task-count')).toContainText('10');
    await expect(draft).toContainText('新建2座人行天桥');
    await page.screenshot({ path: '.tmp/screens/plan-draft.png' });

    // The person edits: a title, a due date, one row dropped; nothing is saved yet.
    await page.getByTestId('draft-title').fill('大竹县2016年民生实事目标任务分解表');
    await page.getByTestId('drop-1.1.3').click();
    await expect(page.getByTestId('draft-task-count')).toContainText('9');
    // A line the reader left out, made a task by hand.
    await page.getByRole('tab', { name: /未放入的段落/ }).click();
    await page.screenshot({ path: '.tmp/screens/plan-draft-unplaced.png' });
    await page.getByRole('tab', { name: /任务（/ }).click();

    await page.getByTestId('draft-save').click();
    // Saved: the identity is chosen from the plan's own units.
    await expect(page.getByTestId('identity-setup')).toBeVisible();
    await page.getByTestId('identity-office').click();
    await page.keyboard.type('县住建局');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '确定，进入总览' }).click();
    await expect(page.getByTestId('plan-title')).toContainText('2016');
    await page.getByRole('menuitem', { name: '台账' }).click();
    await expect(page.getByText('新建2座人行天桥').first()).toBeVisible();
    await expect(page.getByText('启动县图书馆新馆建设')).toHaveCount(0);
    await page.screenshot({ path: '.tmp/screens/own-plan-ledger.png' });
  });
});

base('a second plan beside the first: saved, listed in the switcher, and either one shown', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.locator('[data-testid="plan-import"] input[type=file]').setInputFiles(yunjiang);
    await expect(page.getByTestId('draft-docno')).toHaveValue('云政发〔2024〕12号');
    // Still the 2023 plan until saved.
    await expect(page.getByTestId('plan-title')).toHaveText('2023 打好发展“六仗”');
    await page.getByTestId('draft-save').click();
    await expect(page.getByTestId('plan-title')).toHaveText('2024 打好高质量发展“三仗”');
    await page.getByRole('menuitem', { name: '总览' }).click();
    await expect(page.getByTestId('battle-card')).toHaveCount(3);

    // Nothing saved is hidden: the 2023 plan is one choice away.
    await page.getByTestId('plan-switcher').click();
    await page.getByText(/2023年 吉首市打好发展/).click();
    await expect(page.getByTestId('plan-title')).toHaveText('2023 打好发展“六仗”');
    await expect(page.getByTestId('battle-card')).toHaveCount(6);
    await page.screenshot({ path: '.tmp/screens/plan-switcher.png' });
  });
});

base('a file that is not a plan: said in Chinese, an empty draft, and nothing saved', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.locator('[data-testid="plan-import"] input[type=file]').setInputFiles({ name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('会议纪要\n今天开会。') });
    await expect(page.getByTestId('plan-draft')).toContainText('没有找到写明责任单位的任务');
    await expect(page.getByTestId('draft-save')).toBeDisabled();
    await page.locator('[data-testid="plan-import"] input[type=file]').count();
    const doc = await page.evaluate(() => document.body.innerText.includes('2023 打好发展'));
    expect(doc).toBe(true);
  });
});

base('next year: the centre carries chosen unfinished tasks of 2023 into the 2024 plan', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.locator('[data-testid="plan-import"] input[type=file]').setInputFiles(yunjiang);
    await page.getByTestId('draft-save').click();
    await expect(page.getByTestId('plan-title')).toHaveText('2024 打好高质量发展“三仗”');
    await page.getByTestId('carry-from').click();
    await page.getByText(/2023年 吉首市打好发展/).last().click();
    await page.getByTestId('carry-open').click();
    const list = page.getByTestId('carry-tasks');
    await expect(list).toContainText('推动外贸扩规提质');
    await list.getByRole('row', { name: /推动外贸扩规提质/ }).getByRole('checkbox').check();
    await page.screenshot({ path: '.tmp/screens/carry-over.png' });
    await page.getByRole('button', { name: /结转所选 1 项/ }).click();
    await page.getByRole('menuitem', { name: '台账' }).click();
    await expect(page.getByRole('row', { name: /1\.转\.1.*推动外贸扩规提质/ })).toBeVisible();
    await page.screenshot({ path: '.tmp/screens/carried-ledger.png' });
  });
});

base('a second office joins the county’s ledger from the centre’s bundle, after comparing fingerprints', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-join-'));
  const centre = join(dir, 'centre.db');
  ledger('init', '--db', centre, '--plan', dazhu, '--office', '大竹县人民政府办公室', '--role', 'center');
  const { path } = JSON.parse(ledger('bundle', 'export', '--db', centre, '--out', dir, '--full', '--json')) as { path: string };
  await withHost({ fresh: true }, async (host) => {
    await page.goto(host.url);
    await page.locator('[data-testid="join-bundle"] input[type=file]').setInputFiles(path);
    await expect(page.getByTestId('join-preview')).toContainText(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
    await expect(page.getByTestId('join-preview')).toContainText('大竹县人民政府办公室');
    await page.screenshot({ path: '.tmp/screens/join-preview.png' });
    await page.getByTestId('join-confirm').click();
    await expect(page.getByTestId('identity-setup')).toBeVisible();
    await page.getByTestId('identity-office').click();
    await page.keyboard.type('县住建局');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '确定，进入总览' }).click();
    await expect(page.getByTestId('plan-title')).toContainText('2016');
  });
});
