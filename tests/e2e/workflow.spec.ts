// The daily workflow as people do it, each office on its own installation (browser mode, one store each).
import { test as base, expect, type Page } from '@playwright/test';
import { ledger, withHost } from './host-fixture';

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/screens/${name}.png` });

async function openFromLedger(page: Page, code: string) {
  await page.getByRole('menuitem', { name: '台账' }).click();
  await page.getByTestId('task-search').locator('input').fill(code);
  await page.getByTestId('ledger-table').getByText(code, { exact: true }).click();
}

base('first start asks for this office and its role, then shows the overview', async ({ page }) => {
  await withHost({ identity: null }, async (host) => {
    await page.goto(host.url);
    await expect(page.getByTestId('identity-setup')).toBeVisible();
    await page.getByRole('button', { name: '确定，进入总览' }).click();
    await expect(page.getByText('请选择本机所属单位')).toBeVisible();
    await shot(page, 'first-start');
    await page.getByTestId('identity-office').click();
    await page.keyboard.type('市商务局');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '确定，进入总览' }).click();
    await expect(page.getByTestId('office-role')).toHaveText('市商务局 · 责任单位');
    await expect(page.getByTestId('todo-page')).toContainText('市商务局');
    await page.getByRole('menuitem', { name: '总览' }).click();
    await expect(page.getByTestId('battle-card')).toHaveCount(6);
  });
});

base('a unit reports progress and requests 销号 from its checklist', async ({ page }) => {
  await withHost({ identity: ['--office', '市商务局', '--role', 'unit', '--operator', '王芳'] }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '拉单销号' }).click();
    const mine = page.getByTestId('my-tasks');
    await expect(mine).toContainText('市商务局的任务清单');
    await expect(page.getByTestId('review-queue')).toHaveCount(0); // a unit reviews nothing
    await shot(page, 'unit-checklist');
    await mine.getByText('开展促消费系列活动').click();

    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('edit-task')).toHaveText('填写负责人'); // assignees only, no due date
    await drawer.getByRole('tab', { name: /进展/ }).click();
    const form = drawer.getByTestId('progress-form');
    await form.getByRole('spinbutton').fill('60');
    await form.getByRole('textbox').fill('举办春季车展两场，社会消费品零售总额完成 66 亿元');
    await form.locator('input[type=file]').setInputFiles({ name: '车展总结.txt', mimeType: 'text/plain', buffer: Buffer.from('春季车展总结') });
    await form.getByTestId('submit-progress').click();
    await expect(drawer.getByTestId('progress-lines')).toContainText('举办春季车展两场');
    const download = page.waitForEvent('download');
    await drawer.getByTestId('progress-lines').getByText('车展总结.txt').click();
    expect((await download).suggestedFilename()).toBe('车展总结.txt');
    await expect(drawer).toContainText('推进中');
    await shot(page, 'unit-progress');

    await drawer.getByRole('tab', { name: '销号' }).click();
    // Reported 60 %: the request waits for the unit to confirm it means it.
    await expect(drawer.getByTestId('request-closeout')).toBeDisabled();
    await drawer.getByTestId('confirm-below-full').click();
    await drawer.getByTestId('request-closeout').click();
    await expect(drawer.getByText('申请销号须写明完成情况')).toBeVisible(); // empty statement refused at the field
    await drawer.getByTestId('closeout-statement').fill('上半年目标提前完成，申请销号');
    await drawer.getByTestId('request-closeout').click();
    await expect(drawer.getByTestId('closeout-history')).toContainText('待审批');
    await expect(drawer).toContainText('待销号');
    await expect(drawer.getByTestId('approve-closeout')).toHaveCount(0);

    await drawer.getByRole('tab', { name: '操作记录' }).click();
    const audit = drawer.getByTestId('audit-trail');
    await expect(audit).toContainText('申请销号');
    await expect(audit).toContainText('报送进展');
    await expect(audit).toContainText('市商务局 · 王芳');
    await expect(audit).toContainText('报告期：2023年7月上旬');
    await shot(page, 'unit-audit');
  });
});

base('the taskforce approves one request, rejects another with a reason; the counts follow', async ({ page }) => {
  await withHost({ identity: ['--office', '市发改局', '--role', 'taskforce', '--battle', '1', '--operator', '李明'] }, async (host) => {
    // Two requests as they reach the taskforce (entered here by script; between offices they come by USB).
    ledger('closeout', 'request', '--db', host.db, '--task', '1.1.1', '--text', '全年目标已完成', '--below-full');
    ledger('closeout', 'request', '--db', host.db, '--task', '1.1.2', '--text', '已完成去化目标', '--below-full');
    await page.goto(host.url);
    // The taskforce's first screen: the requests waiting for it.
    await expect(page.getByTestId('todo-pending')).toContainText('2 项');
    await page.getByRole('menuitem', { name: '总览' }).click();
    await expect(page.getByTestId('pending-closeouts')).toContainText('2');
    await page.getByTestId('pending-closeouts').getByRole('button', { name: '去审批' }).click();
    const queue = page.getByTestId('review-queue');
    await expect(queue).toContainText('待审批的销号申请（2）');
    await shot(page, 'taskforce-queue');

    await queue.getByTestId('decide-1.1.1').click();
    const dialog = page.getByTestId('decide-dialog');
    await expect(dialog).toContainText('全年目标已完成');
    await expect(dialog).toContainText('未满100%');
    await page.getByTestId('decide-opinion').fill('同意销号');
    await shot(page, 'taskforce-decide-dialog');
    await page.getByTestId('dialog-approve').click();
    await page.getByRole('button', { name: '确认批准' }).click(); // the confirmation
    await expect(queue).toContainText('待审批的销号申请（1）');
    await queue.getByTestId('decide-1.1.2').click();
    await expect(page.getByTestId('dialog-reject')).toBeDisabled(); // no reason, no rejection
    await page.getByTestId('decide-opinion').fill('去化周期数据缺佐证，请补充');
    await page.getByTestId('dialog-reject').click();
    await expect(queue).toContainText('没有待审批的销号申请');

    await page.getByRole('menuitem', { name: '总览' }).click();
    const first = page.getByTestId('battle-card').first();
    await expect(first.getByTestId('count-已销号')).toContainText('1');
    await shot(page, 'taskforce-overview');

    await openFromLedger(page, '1.1.2');
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tab', { name: '销号' }).click();
    await expect(drawer.getByTestId('closeout-history')).toContainText('已退回');
    await expect(drawer.getByTestId('closeout-history')).toContainText('去化周期数据缺佐证，请补充');
    await drawer.getByRole('tab', { name: '操作记录' }).click();
    await expect(drawer.getByTestId('audit-trail')).toContainText('退回销号申请');
    await expect(drawer.getByTestId('audit-trail')).toContainText('市发改局 · 李明');
  });
});

base('the taskforce sets a due date; the task turns red and joins the overdue list', async ({ page }) => {
  await withHost({ identity: ['--office', '市发改局', '--role', 'taskforce', '--battle', '1'] }, async (host) => {
    await page.goto(host.url);
    await openFromLedger(page, '1.1.3');
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('edit-task').click();
    const form = drawer.getByTestId('task-edit-form');
    await form.getByLabel('完成时限').fill('2023-06-30');
    await form.getByLabel('完成时限').press('Enter'); // the date picker takes the typed date; the form is not sent
    await form.getByLabel('牵头负责人').fill('赵局长');
    await form.getByTestId('save-task').click();
    await expect(drawer.getByTestId('task-assignees')).toContainText('2023-06-30');
    await expect(drawer).toContainText('逾期');
    await shot(page, 'taskforce-edit');
    await page.keyboard.press('Escape');

    // Split it: the sub-task gets the next code and its own lead unit.
    await page.getByRole('menuitem', { name: '台账' }).click();
    await page.getByTestId('ledger-table').getByText('1.1.3', { exact: true }).click();
    await drawer.getByTestId('split-task').click();
    const split = drawer.getByTestId('split-form');
    await split.getByLabel(/子任务名称/).fill('承办湖南省乡村文化旅游节');
    await split.getByRole('button', { name: '建立子任务' }).click();
    await expect(drawer.getByTestId('split-form')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('ledger-table').getByText('1.1.3-1', { exact: true })).toBeVisible();

    await page.getByRole('menuitem', { name: '总览' }).click();
    await expect(page.getByTestId('overdue-list')).toContainText('加快旅游消费恢复');
    await expect(page.getByTestId('unit-counts')).toContainText('市德夯管理处');

    // The ledger's light filter finds it; printing shows the same rows as a plain table.
    await page.getByRole('menuitem', { name: '台账' }).click();
    await page.getByTestId('task-search').locator('input').fill('');
    await page.getByTestId('light-filter').click();
    await page.getByTitle('■ 逾期').click();
    await expect(page.getByTestId('task-count')).toHaveText('共 1 项');
    // Grouped by lead unit: one header per lead unit of the task (it has two).
    await page.getByTestId('grouping').getByText('按牵头单位').click();
    await expect(page.getByTestId('group-header')).toHaveText(['市德夯管理处（1 项）', '市文旅广电局（1 项）']);
    await page.getByTestId('grouping').getByText('不分组').click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-table')).toBeVisible();
    await expect(page.getByTestId('print-table').locator('tbody tr')).toHaveCount(1);
    await shot(page, 'ledger-print');
  });
});

base('the ledger at 1366×768: every filter on screen, grouped by battle', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '台账' }).click();
    await page.getByTestId('grouping').getByText('按仗').click();
    await expect(page.getByTestId('group-header').first()).toHaveText('第一仗 打好经济增长主动仗（28 项）');

    // The center adds a task under 1.3; it opens in the drawer, numbered after the section's last item.
    await page.getByTestId('add-task').click();
    const dialog = page.getByRole('dialog', { name: '新增任务' });
    await dialog.getByLabel('所属工作任务').fill('1.3 积极');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('任务名称').fill('举办跨境电商对接会');
    await dialog.getByLabel('牵头单位').fill('市商务局');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /新\s*增/ }).click();
    await expect(page.getByRole('dialog').filter({ hasText: '1.3.3' })).toContainText('举办跨境电商对接会');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('group-header').first()).toHaveText('第一仗 打好经济增长主动仗（29 项）');
    // The page itself never scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.waitForTimeout(500); // let the drawer and the dialog finish fading out before the picture
    await shot(page, 'ledger-grouped');
  });
});
