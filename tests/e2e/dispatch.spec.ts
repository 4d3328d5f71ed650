// The center runs the monthly dispatch from the application: indicators entered and judged, problems raised and
// cleared, candidates for 督办 decided, the meeting recorded and a decision turned into a task.
import { test as base, expect, type Page } from '@playwright/test';
import { withHost } from './host-fixture';

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/screens/${name}.png` });

async function pickDate(page: Page, testId: string, iso: string) {
  // antd puts the test id on the input itself or on its wrapper, depending on the component.
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  await input.click();
  await input.fill(iso);
  // Tab commits the typed date without submitting the form (Enter would).
  await input.press('Tab');
}

base('the owner enters actuals; the light and the trend follow; a duplicate needs 更正', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await withHost({ march: true, identity: ['--office', '市发改局', '--role', 'taskforce', '--battle', '1', '--operator', '李明'] }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '指标' }).click();
    await expect(page.getByTestId('indicator-table')).toContainText('地区生产总值');
    await expect(page.getByTestId('indicator-summary').locator('canvas')).toBeVisible();
    await page.getByTestId('indicator-table').getByText('地区生产总值').click();
    const drawer = page.getByTestId('indicator-drawer');
    await drawer.getByTestId('value-period').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^1月$/ }).click();
    await drawer.locator('[data-testid="value-input"] input, input[data-testid="value-input"]').first().fill('6.2');
    await drawer.getByTestId('value-save').click();
    await drawer.getByTestId('value-period').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^2月$/ }).click();
    await drawer.locator('[data-testid="value-input"] input, input[data-testid="value-input"]').first().fill('6.8');
    await drawer.getByTestId('value-save').click();
    await drawer.getByTestId('value-period').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^3月$/ }).click();
    await drawer.locator('[data-testid="value-input"] input, input[data-testid="value-input"]').first().fill('7.4');
    await drawer.getByTestId('value-save').click();
    await expect(drawer).toContainText('略有差距');
    // Entering March again without 更正 is refused; with it, the light turns.
    await drawer.getByTestId('value-period').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^3月（已填）$/ }).click();
    await drawer.locator('[data-testid="value-input"] input, input[data-testid="value-input"]').first().fill('8.3');
    await drawer.getByTestId('value-replace').click();
    await drawer.getByTestId('value-save').click();
    await expect(drawer).toContainText('达到序时');
    await expect(drawer.getByTestId('indicator-trend').locator('canvas')).toBeVisible();
    await shot(page, 'indicator-trend');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('indicator-table').locator('tr', { hasText: '地区生产总值' })).toContainText('103.8%');
    await shot(page, 'indicators');
  });
});

base('a problem is raised, cleared, and the counters and the 动态清零 line follow', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await withHost({ march: true }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '问题清单' }).click();
    await page.getByTestId('problem-task').click();
    await page.keyboard.type('1.1.1');
    await page.keyboard.press('Enter');
    await page.getByTestId('problem-text').fill('促消费活动经费未到位');
    await pickDate(page, 'problem-deadline', '2023-04-15');
    await page.getByTestId('problem-save').click();
    const counters = page.getByTestId('problem-counters');
    await expect(counters).toContainText('未清零1');
    await expect(page.getByTestId('problem-series').locator('canvas')).toBeVisible();
    await page.getByRole('menuitem', { name: '总览' }).click();
    await expect(page.getByTestId('open-problems')).toContainText('未清零1');
    await page.getByTestId('open-problems').scrollIntoViewIfNeeded();
    await shot(page, 'overview-dispatch');
    await page.getByRole('menuitem', { name: '问题清单' }).click();
    await page.getByTestId('problem-clear').click();
    await page.getByTestId('problem-statement').fill('经费已于3月30日拨付到位');
    await page.getByRole('button', { name: '确认清零' }).click();
    await expect(counters).toContainText('未清零0');
    await expect(counters).toContainText('已清零1');
    await expect(page.getByRole('dialog')).toBeHidden();
    await shot(page, 'problems');
  });
});

base('the center opens March: decides a 督办 candidate, records the meeting, turns a decision into a task', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await withHost({ march: true }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '督办' }).click();
    await expect(page.getByTestId('candidates')).toContainText('督办单');
    await expect(page.getByTestId('ranking-chart').locator('canvas')).toBeVisible();
    await page.getByTestId('candidate-decide').first().click();
    await pickDate(page, 'supervision-deadline', '2023-04-10');
    await page.getByRole('button', { name: '登 记' }).or(page.getByRole('button', { name: '登记' })).last().click();
    await expect(page.getByTestId('supervision-actions')).toContainText('第1号');
    await expect(page.getByRole('dialog')).toBeHidden();
    await shot(page, 'supervision');

    await page.getByRole('menuitem', { name: '调度会' }).click();
    await expect(page.getByTestId('meeting-month')).toContainText('2023年3月');
    await expect(page.getByTestId('agenda')).toContainText('一、逾期任务');
    await pickDate(page, 'meeting-date', '2023-03-31');
    await page.getByTestId('meeting-minutes').fill('听取六个专班汇报，研究逾期任务整改。');
    await page.getByTestId('meeting-save').click();
    const decision = page.getByTestId('decision-form');
    await decision.getByText('决定并新增任务').click();
    await page.getByTestId('decision-text').fill('开展二季度重大项目集中开工活动');
    await page.getByTestId('decision-section').click();
    await page.keyboard.type('1.2');
    await page.keyboard.press('Enter');
    await decision.getByLabel('牵头单位').click();
    await page.keyboard.type('市发改局');
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-save').click();
    await expect(page.getByTestId('decisions')).toContainText(/新增任务 1\.2\.\d+/);
    await shot(page, 'meeting');
    await page.getByRole('menuitem', { name: '台账' }).click();
    await page.getByTestId('task-search').locator('input').fill('集中开工');
    await expect(page.getByTestId('ledger-table')).toContainText('开展二季度重大项目集中开工活动');
  });
});
