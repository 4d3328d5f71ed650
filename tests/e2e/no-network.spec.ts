// The application makes no network request of any kind: every page visited, every request the browser makes
// is to the local host (data: and blob: URLs are local too). Anything else fails the test.
import { test as base, expect } from '@playwright/test';
import { withHost } from './host-fixture';

const PAGES = ['总览', '台账', '拉单销号', '指标', '问题清单', '督办', '调度会', '报告', '同步', '设置'];

base('no request leaves the local host on any page', async ({ page }) => {
  await withHost({ march: true }, async (host) => {
    const outside: string[] = [];
    let local = 0;
    page.on('request', (r) => {
      const url = r.url();
      if (url.startsWith(`${host.origin}/`)) local++;
      if (!url.startsWith(`${host.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });
    await page.goto(host.url);
    for (const name of PAGES) {
      await page.getByRole('menuitem', { name }).click();
      await page.waitForLoadState('networkidle');
    }
    await page.getByRole('menuitem', { name: '台账' }).click();
    await page.getByTestId('ledger-table').getByText('1.1.1', { exact: true }).click();
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    // The listener saw the application's own traffic (its API calls), so an outside request would have shown.
    expect(local).toBeGreaterThan(10);
  });
});
