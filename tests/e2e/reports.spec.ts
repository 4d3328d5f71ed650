// A working group's secretary draws up the 3月下旬 brief and the March notice from the ledger, edits the free
// text, and saves the Word files: one click each, figures never typed.
import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { withHost } from './host-fixture';

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: false });

async function savedText(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save').click()]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const xml = (await zip.file('word/document.xml')!.async('string')) as string;
  return { name: download.suggestedFilename(), text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
}

base('the 3月下旬 brief and the March notice, previewed, edited and saved as Word', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await withHost({ march: true, identity: ['--office', '市发改局', '--role', 'taskforce', '--battle', '1', '--operator', '李明'] }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '报告' }).click();
    const paper = page.getByTestId('report-paper');
    // The newest 旬 up to the ledger date (2023-03-31) is chosen.
    await expect(page.getByTestId('report-period')).toContainText('2023年3月下旬');
    await expect(paper).toContainText('发展“六仗”工作简报');
    await expect(paper).toContainText('第1期');
    // A taskforce's brief is about its battle: battle 1's 28 real tasks (sub-tasks are parts of their items),
    // not the city's 165.
    await expect(paper).toContainText('截至2023年3月31日，经济增长主动仗共有任务28项');
    await expect(paper).not.toContainText('全市');
    await expect(page.getByTestId('report-coverage')).toContainText('范围：经济增长主动仗；数字截至2023年3月31日');
    await expect(page.getByTestId('report-number')).toContainText('第1期（导出时登记）');

    await page.getByTestId('report-field-editorNote').fill('三月各单位进展总体顺利，请逾期单位抓紧整改。');
    await expect(paper).toContainText('编者按：三月各单位进展总体顺利');
    await shot(page, 'report-brief');
    const brief = await savedText(page);
    expect(brief.name).toBe('发展“六仗”工作简报第1期（2023年3月下旬）.docx');
    expect(brief.text).toContain('编者按：三月各单位进展总体顺利，请逾期单位抓紧整改。');
    expect(brief.text).toContain('经济增长主动仗共有任务28项');
    await expect(page.getByTestId('report-number')).toContainText('本期已印发过');

    await page.getByTestId('report-kind').getByText('月通报').click();
    await expect(page.getByTestId('report-period')).toContainText('2023年3月');
    await expect(paper).toContainText('关于2023年3月经济增长主动仗工作推进情况的通报');
    await expect(paper).toContainText('予以通报表扬');
    await paper.getByText('予以通报表扬').click(); // a click on the text goes to its box
    await expect(page.getByTestId('report-field-commendation')).toBeFocused();
    await shot(page, 'report-notice');
    const notice = await savedText(page);
    expect(notice.name).toBe('关于2023年3月经济增长主动仗工作推进情况的通报.docx');
    // The taskforce's own 文号 prefix: never the centre's.
    expect(notice.text).toContain('六仗1专通〔2023〕1号');
    await expect(page.getByTestId('report-issued')).toContainText('月通报');
  });
});

base('a supervision notice waits for its unit, and names that unit’s overdue tasks', async ({ page }) => {
  await withHost({ march: true }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '报告' }).click();
    await page.getByTestId('report-kind').getByText('督办单').click();
    await expect(page.getByText('请选择被督办单位')).toBeVisible();
    await page.getByTestId('report-unit').click();
    // Units with overdue or warned tasks are offered first.
    const first = page.locator('.ant-select-item-option').first();
    await expect(first).toContainText('（有逾期或预警）');
    const unit = ((await first.textContent()) ?? '').replace('（有逾期或预警）', '');
    await first.click();
    // The real form: 承办单位 is the unit, with the parts a 督办单 has and the task list as its 附件.
    const form = page.getByTestId('report-form');
    await expect(form).toContainText(`承办单位${unit}`);
    for (const part of ['督办单位', '督办事项', '督办依据', '交办日期', '办理时限', '工作要求', '联系人', '签收人', '办理情况反馈']) await expect(form).toContainText(part);
    await expect(page.getByTestId('report-paper')).toContainText(`${unit}督办任务清单`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'report-supervision');
  });
});

base('a period not yet ended is a draft: previewed, marked, not issued', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await withHost({ march: true, asOf: '2023-03-25' }, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '报告' }).click();
    // The 旬 the ledger date falls in is offered first.
    await expect(page.getByTestId('report-period')).toContainText('2023年3月下旬');
    await expect(page.getByTestId('report-draft')).toContainText('尚未结束');
    // A draft reads the ledger at its date, not at a day the ledger has not reached.
    await expect(page.getByTestId('report-paper')).toContainText('截至2023年3月25日');
    await expect(page.getByTestId('report-draft-mark')).toBeVisible();
    await expect(page.getByTestId('report-save')).toBeDisabled();
    await shot(page, 'report-draft');
  });
});

base('the ledger goes out as Excel and a 任务分解表 comes in: unknown units stop it, a fixed file goes in whole', async ({ page }) => {
  await withHost({}, async (host) => {
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: '台账' }).click();
    await page.getByTestId('battle-filter').click();
    await page.getByTitle('第二仗 打好科技创新攻坚仗').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^任务分解表_\d{8}\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(2 + 45);

    // A table with a unit the directory does not know.
    const table = new ExcelJS.Workbook();
    const ws = table.addWorksheet('表');
    ws.addRow(['序号', '工作内容', '工作任务', '牵头单位', '配合单位', '完成时限']);
    ws.addRow([1, '扩大有效投资', '新建标准厂房10万平方米', '市发改局', '市未知局', '6月底']);
    ws.addRow([2, '', '开展项目谋划年活动', '市发改局', '', '年底前']);
    const bad = Buffer.from(await table.xlsx.writeBuffer());
    await page.getByTestId('xlsx-import').click();
    await page.getByTestId('xlsx-file').locator('input[type=file]').setInputFiles({ name: '分解表.xlsx', mimeType: 'application/octet-stream', buffer: bad });
    await expect(page.getByTestId('xlsx-unknown')).toContainText('市未知局');
    await page.getByTestId('xlsx-section').click();
    await page.keyboard.type('1.3');
    await page.keyboard.press('Enter');
    const ok = page.getByRole('button', { name: /导入 2 项任务/ });
    await expect(ok).toBeDisabled();
    await shot(page, 'xlsx-import-preview');
    // Not reading the 配合单位 column clears it.
    await page.getByTestId('xlsx-columns').locator('.ant-select').nth(4).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '不导入' }).last().click();
    await expect(page.getByTestId('xlsx-unknown')).toHaveCount(0);
    await ok.click();
    await expect(page.getByText('已导入 2 项任务')).toBeVisible();
    await page.getByTestId('battle-filter').click();
    await page.getByTitle('全部六仗').click();
    await page.getByTestId('task-search').locator('input').fill('项目谋划年');
    await expect(page.getByTestId('ledger-table')).toContainText('开展项目谋划年活动');
  });
});
