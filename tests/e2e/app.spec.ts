import { test, expect } from './host-fixture';

test.describe('专班台账 in browser mode', () => {
  test('opens on 我的待办; the overview, one click away, shows the six battles', async ({ page, host }) => {
    console.log(`browser-mode host ready in ${host.startupMs.toFixed(0)} ms`);
    await page.goto(host.url);
    await expect(page.getByTestId('todo-page')).toContainText('我的待办');
    await page.getByRole('menuitem', { name: '总览' }).click();
    await expect(page.getByTestId('plan-title')).toHaveText('2023 打好发展“六仗”');
    const cards = page.getByTestId('battle-card');
    await expect(cards).toHaveCount(6);
    const names = ['打好经济增长主动仗', '打好科技创新攻坚仗', '打好优化发展环境持久仗', '打好防范化解风险阻击仗', '打好安全生产翻身仗', '打好重点民生保障仗'];
    for (const [i, name] of names.entries()) await expect(cards.nth(i)).toContainText(name);
    await expect(cards.nth(0)).toContainText('市发改局');
    await expect(cards.nth(5)).toContainText('市人社局');
    await expect(page.getByTestId('office-role')).toHaveText('市政府督查室 · 总指挥中心');
    await expect(page.getByTestId('current-period')).toHaveText('当前：2023年7月上旬');
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: '.tmp/screens/overview.png', fullPage: true });
  });

  test('filters the ledger by battle and searches it', async ({ page, host }) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '台账' }).click();
    const table = page.getByTestId('ledger-table');
    const count = page.getByTestId('task-count');
    await expect(count).toHaveText(/共 \d+ 项/);
    const total = Number((await count.textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(20);

    // Filter to a battle with no tasks seeded yet, then back to 第一仗.
    await page.getByTestId('battle-filter').click();
    await page.getByTitle('第二仗 打好科技创新攻坚仗').click();
    await expect(table.getByText('1.1.1', { exact: true })).toHaveCount(0);
    await page.getByTestId('battle-filter').click();
    await page.getByTitle('第一仗 打好经济增长主动仗').click();
    await expect(table.getByText('1.1.1', { exact: true })).toBeVisible();

    // Ctrl+F focuses the search; typing a unit narrows the list to its tasks.
    await page.keyboard.press('Control+f');
    await expect(page.getByPlaceholder('搜索编号、任务内容或单位（Ctrl+F）')).toBeFocused();
    await page.keyboard.type('夜间经济');
    await expect(count).toHaveText('共 1 项');
    await expect(table.getByText('大力发展夜间经济')).toBeVisible();
    await page.screenshot({ path: '.tmp/screens/ledger-search.png' });

    await page.getByPlaceholder('搜索编号、任务内容或单位（Ctrl+F）').fill('没有这样的任务');
    await expect(count).toHaveText('共 0 项');
    await expect(page.getByText('没有找到与“没有这样的任务”相关的任务')).toBeVisible();
  });

  test('scrolls the whole ledger under its header, and a new search starts again at the top', async ({ page, host }) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '台账' }).click();
    const table = page.getByTestId('ledger-table');
    await expect(table.locator('.ant-table-row').first()).toBeVisible();
    // The rows in view are drawn, not all 212: at the bottom the last task of the plan is there.
    expect(await table.locator('.ant-table-row').count()).toBeLessThan(60);
    const last = await page.evaluate(async () => {
      const res = await fetch('/api/tasks.list', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': sessionStorage.getItem('ledger-token') ?? '' },
        body: '{}',
      });
      const r = (await res.json()) as { data: { tasks: { code: string }[] } };
      return r.data.tasks.at(-1)!.code;
    });
    await table.evaluate((box) => (box.scrollTop = box.scrollHeight));
    await expect(table.getByText(last, { exact: true })).toBeVisible();
    // The header stays at the top of the box (CSS sticky), over the rows scrolled beneath it.
    const atTop = await table.evaluate((box) => {
      const r = box.getBoundingClientRect();
      return document.elementFromPoint(r.left + 40, r.top + 8)?.closest('th')?.textContent ?? '';
    });
    expect(atTop).toBe('编号');
    await page.getByPlaceholder('搜索编号、任务内容或单位（Ctrl+F）').fill('市商务局');
    await expect(table.locator('.ant-table-row').first()).toBeVisible();
    expect(await table.evaluate((box) => box.scrollTop)).toBe(0);
    await expect(table.locator('.ant-table-row').first()).toContainText('市商务局');
  });

  test('opens a task in the drawer with its full text and closes it with Esc', async ({ page, host }) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '总览' }).click();
    await page.getByTestId('battle-card').first().getByText('打好经济增长主动仗').click();
    await page.getByTestId('ledger-table').getByText('开展促消费系列活动').click();
    const content = page.getByTestId('task-content');
    await expect(content).toContainText('社会消费品零售总额132亿元');
    await expect(page.getByRole('dialog').getByText('市商务局', { exact: true }).first()).toBeVisible();
    // Every row of the task's facts has its label (a task without 工作内容 once showed a blank row).
    const labels = await page.getByRole('dialog').locator('.ant-descriptions').first().locator('.ant-descriptions-item-label').allTextContents();
    expect(labels).toEqual(['所属', '工作任务', '牵头单位', '配合单位', '分工原文']);
    await page.waitForTimeout(400); // let the drawer finish sliding in before the picture
    await page.screenshot({ path: '.tmp/screens/task-drawer.png' });
    await page.keyboard.press('Escape');
    await expect(content).toHaveCount(0);
  });

  test('refuses the API to a page that has no token', async ({ page, host }) => {
    await page.goto(`${host.origin}/`);
    await expect(page.getByText('无法读取台账')).toBeVisible();
    await expect(page.getByText(/访问令牌无效/)).toBeVisible();
  });
});
