// The progress form checks a line by the contract's own schemas (shared/limits.ts) and shows their Chinese
// messages at the fields, an emptied percent included; nothing is sent.
import { test as base, expect } from '@playwright/test';
import { withHost } from './host-fixture';

base('the progress form refuses an emptied percent and a one-character text with the contract’s messages', async ({ page }) => {
  await withHost({ identity: ['--office', '市商务局', '--role', 'unit', '--operator', '王芳'] }, async (host) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '拉单销号' }).click();
    await page.getByTestId('my-tasks').getByText('开展促消费系列活动').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tab', { name: /进展/ }).click();
    const form = drawer.getByTestId('progress-form');
    await form.getByRole('spinbutton').fill('');
    await form.getByRole('textbox').fill('好');
    await form.getByTestId('submit-progress').click();
    await expect(form).toContainText('请填写本期进展情况');
    await expect(form).toContainText('完成进度应为 0 到 100 之间的整数');
    await expect(drawer.getByTestId('progress-lines')).toHaveCount(0);
    await page.screenshot({ path: '.tmp/screens/progress-rules.png' });
  });
});
