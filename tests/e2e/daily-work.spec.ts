// The daily work of the three offices at 1366×768, each on its own installation, meeting by files: a unit sees a
// rejection first thing after importing the taskforce's bundle and answers it; the taskforce sees the answer and
// who has not reported; the centre reads 报送情况 for 3月下旬 as the CLI counts it, and voids a task by mistake.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { ledger, withHost } from './host-fixture';

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/screens/${name}.png` });

function bundle(db: string, dir: string): string {
  const { path } = JSON.parse(ledger('bundle', 'export', '--db', db, '--out', dir, '--full', '--json')) as { path: string };
  return path;
}

base('a unit imports the taskforce’s bundle and sees its rejection first, with the reason; it answers; the taskforce sees the answer', async ({ page }) => {
  await withHost({ identity: ['--office', '市商务局', '--role', 'unit', '--operator', '王芳'] }, async (unit) => {
    await withHost({ identity: ['--office', '市发改局', '--role', 'taskforce', '--battle', '1', '--operator', '李明'] }, async (tf) => {
      const dir = join(unit.db, '..');
      ledger('progress', 'add', '--db', unit.db, '--task', '1.1.1', '--period', '2023-06-3', '--percent', '100', '--text', '全年目标完成');
      ledger('closeout', 'request', '--db', unit.db, '--task', '1.1.1', '--text', '全年目标已完成，申请销号');
      ledger('bundle', 'import', bundle(unit.db, dir), '--db', tf.db, '--trust');
      ledger('closeout', 'reject', '--db', tf.db, '--task', '1.1.1', '--opinion', '缺少社会消费品零售总额的统计佐证');
      const fromTf = bundle(tf.db, join(tf.db, '..'));

      // The unit carries the stick in and imports it on its 同步 page.
      await page.goto(unit.url);
      await page.getByRole('menuitem', { name: '同步' }).click();
      await page.getByTestId('import-bundle').locator('input[type=file]').setInputFiles({ name: 'from-taskforce.ledger.json', mimeType: 'application/json', buffer: readFileSync(fromTf) });
      await expect(page.getByTestId('preview-tasks')).toContainText('1.1.1');
      await expect(page.getByTestId('new-key-claim')).toContainText('市发改局');
      await page.getByTestId('confirm-fingerprint').click();
      await page.getByTestId('apply-import').click();
      await expect(page.getByTestId('import-history')).toContainText('市发改局');
      // First thing: the menu counts it in red, and 我的待办 opens with the rejection on top.
      await expect(page.getByRole('menuitem', { name: /我的待办/ })).toContainText(/\d/);
      await page.getByRole('menuitem', { name: /我的待办/ }).click();
      const first = page.getByTestId('todo-page').locator('[data-testid^="todo-"]').first();
      await expect(first).toHaveAttribute('data-testid', 'todo-rejected');
      await expect(first).toContainText('缺少社会消费品零售总额的统计佐证');
      await expect(page.getByTestId('ledger-date-banner')).toContainText('2023年7月2日');
      await shot(page, 'daily-unit-todo-rejected');

      await page.getByRole('menuitem', { name: /拉单销号/ }).click();
      await expect(page.getByTestId('rejected-1.1.1')).toBeVisible();
      await shot(page, 'daily-unit-checklist-rejected');

      await page.getByRole('menuitem', { name: /我的待办/ }).click();
      await first.getByText('开展促消费系列活动').click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('tab', { name: '销号' }).click();
      await expect(drawer.getByTestId('rejection-alert')).toContainText('退回理由：缺少社会消费品零售总额的统计佐证');
      await drawer.getByTestId('answer-text').fill('统计局季报已作为附件补充');
      await drawer.getByTestId('answer-rejection').click();
      await expect(drawer.getByTestId('closeout-history')).toContainText('说明：统计局季报已作为附件补充');
      await shot(page, 'daily-unit-answered');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('todo-rejected')).toHaveCount(0);

      // Back to the taskforce by file: its 待办 shows the answer.
      ledger('bundle', 'import', bundle(unit.db, mkdtempSync(join(tmpdir(), 'ledger-stick-'))), '--db', tf.db);
      const tfPage = await page.context().newPage();
      await tfPage.goto(tf.url);
      await expect(tfPage.getByTestId('todo-answered')).toContainText('统计局季报已作为附件补充');
      await shot(tfPage, 'daily-taskforce-todo');
    });
  });
});

base('the centre on a played March: 报送情况 of 3月下旬 as the CLI counts it, a 催报 notice, a task voided with its trail kept', async ({ page }) => {
  await withHost({ march: true }, async (host) => {
    const cli = JSON.parse(ledger('reporting', '--db', host.db, '--period', '2023-03-3', '--json')) as { rate: number; missing: string[] };
    expect(cli.missing.length).toBeGreaterThan(5);
    await page.goto(host.url);
    await expect(page.getByTestId('todo-unitsUnreported')).toContainText(`${cli.missing.length} 项`);
    await shot(page, 'daily-centre-todo');

    await page.getByRole('menuitem', { name: /报送情况/ }).click();
    // It opens at the current 旬, the year written out.
    await expect(page.getByTestId('reporting-period')).toContainText('2023年3月下旬');
    await expect(page.getByTestId('reporting-rate')).toHaveText(`${Math.round(cli.rate * 1000) / 10}%`);
    const rows = page.getByTestId('reporting-units').locator('.ant-table-row');
    const shown = new Set<string>();
    for (const r of await rows.all()) {
      const text = await r.textContent();
      if (!text?.includes('已报齐')) shown.add((await r.locator('td').first().textContent())!.trim());
    }
    expect([...shown].sort()).toEqual([...cli.missing].sort());
    await shot(page, 'daily-centre-reporting');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('urge-notice')).toContainText('关于报送2023年3月下旬工作进展的催报通知');
    await expect(page.getByTestId('urge-notice')).toContainText(cli.missing[0]!);
    await page.screenshot({ path: '.tmp/screens/daily-urge-notice.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    // 一键催报: one record per unit, for the next bundle; the supervision list shows them.
    await page.getByTestId('urge').click();
    const confirmUrge = page.getByRole('button', { name: '确认催报' });
    await expect(confirmUrge).toBeVisible();
    await page.waitForTimeout(300); // the confirmation's opening animation
    await confirmUrge.click();
    await expect(page.getByText('已催报，将随下一次同步包送达各单位。')).toBeVisible({ timeout: 10_000 });
    await shot(page, 'daily-centre-urged');
    await page.getByRole('menuitem', { name: /督办/ }).click();
    await expect(page.getByText(/请于4月3日前报送2023年3月下旬工作进展/).first()).toBeVisible();

    // A task added by mistake: voided with a reason; it leaves the ledger, its trail stays, struck through.
    ledger('task', 'add', '--db', host.db, '--section', '1.1', '--title', '误录的促消费任务', '--lead', '市商务局');
    await page.reload();
    await page.getByRole('menuitem', { name: '台账' }).click();
    const count = page.getByTestId('task-count');
    await page.getByTestId('task-search').locator('input').fill('误录的促消费任务');
    await page.getByTestId('ledger-table').getByText('误录的促消费任务').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('void-task').click();
    await expect(page.locator('#confirm-void')).toBeDisabled();
    await page.getByTestId('void-reason').fill('重复录入');
    await page.locator('#confirm-void').click();
    await expect(count).toHaveText(/共 0 项/);
    await page.getByTestId('voided-open').click();
    const list = page.getByTestId('voided-list');
    await list.getByText('误录的促消费任务').click();
    await expect(list).toContainText('理由：重复录入');
    await expect(list.getByTestId('audit-trail').locator('[data-voided]')).toHaveCount(2);
    await page.waitForTimeout(400); // the panel's opening, for the picture
    await shot(page, 'daily-centre-voided');
  });
});

base('Enter in a select or number box of the progress form chooses there and never sends the form', async ({ page }) => {
  await withHost({ identity: ['--office', '市商务局', '--role', 'unit'] }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: /拉单销号/ }).click();
    await page.getByTestId('my-tasks').getByText('开展促消费系列活动').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tab', { name: /进展/ }).click();
    const form = drawer.getByTestId('progress-form');
    await form.getByRole('spinbutton').fill('40');
    await form.getByRole('spinbutton').press('Enter');
    await form.getByRole('combobox').first().press('Enter');
    await page.waitForTimeout(300);
    await expect(drawer.getByText('请填写本期进展情况')).toHaveCount(0);
    await expect(drawer.getByTestId('progress-lines')).toHaveCount(0);
  });
});
