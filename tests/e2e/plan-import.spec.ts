// Importing a plan document through the interface, on a store of its own so other tests keep the 2023 plan.
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { withHost } from './host-fixture';

const fixture = join(import.meta.dirname, '../fixtures/plans/yunjiang-2024.txt');

base('imports a plan: preview first, nothing saved until 保存到台账', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await expect(page.getByText('台账文件')).toBeVisible();

    await page.locator('[data-testid="plan-import"] input[type=file]').setInputFiles(fixture);
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('云江市打好高质量发展“三仗”实施方案');
    await expect(preview).toContainText('云政发〔2024〕12号');
    await expect(page.getByTestId('import-task-count')).toContainText('12');
    await expect(preview).toContainText('第一仗 打好产业升级攻坚仗');
    await expect(preview).toContainText('需要核对');
    await page.screenshot({ path: '.tmp/screens/plan-import-preview.png', fullPage: true });

    // Still the 2023 plan until saved.
    await expect(page.getByTestId('plan-title')).toHaveText('2023 打好发展“六仗”');
    await page.getByTestId('import-save').click();
    await expect(preview).toContainText('已保存到台账');
    await expect(page.getByTestId('plan-title')).toHaveText('2024 打好高质量发展“三仗”');

    await page.getByRole('menuitem', { name: '总览' }).click();
    await expect(page.getByTestId('battle-card')).toHaveCount(3);
  });
});

base('says in Chinese why a file cannot be imported, and saves nothing', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.locator('[data-testid="plan-import"] input[type=file]').setInputFiles({ name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('会议纪要\n今天开会。') });
    await expect(page.getByTestId('import-error')).toContainText('没有找到');
    await expect(page.getByTestId('import-save')).toHaveCount(0);
  });
});
