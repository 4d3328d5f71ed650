// Two offices, two installations, one file carried between them.
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { ledger, withHost } from './host-fixture';

base('a unit exports a bundle; its taskforce checks the fingerprint and imports it', async ({ browser }) => {
  await withHost({ identity: ['--office', '市商务局', '--role', 'unit'] }, async (unitHost) => {
    await withHost({ identity: ['--office', '市发改局', '--role', 'taskforce', '--battle', '1'] }, async (tfHost) => {
      ledger('progress', 'add', '--db', unitHost.db, '--task', '1.1.1', '--period', '2023-06-3', '--percent', '100', '--text', '全年目标完成');
      ledger('closeout', 'request', '--db', unitHost.db, '--task', '1.1.1', '--text', '全年目标已完成，申请销号', '--below-full');

      const unitPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
      await unitPage.goto(unitHost.url);
      await unitPage.getByRole('menuitem', { name: '同步' }).click();
      // Wait for the page to have it (sync.info answers after the first paint), then read it.
      await expect(unitPage.getByTestId('own-fingerprint')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const fingerprint = (await unitPage.getByTestId('own-fingerprint').textContent())!.trim();
      const download = unitPage.waitForEvent('download');
      await unitPage.getByTestId('export-bundle').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^市商务局_至_全部_.*\.ledger\.json$/);
      const bytes = readFileSync((await file.path())!);

      const tfPage = await browser.newPage();
      await tfPage.goto(tfHost.url);
      await tfPage.getByRole('menuitem', { name: '同步' }).click();
      await tfPage.getByTestId('import-bundle').locator('input[type=file]').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: bytes });
      const preview = tfPage.getByTestId('sync-preview');
      await expect(preview).toContainText('市商务局');
      await expect(preview).toContainText('销号 1 条');
      // The fingerprint shown for the new office is the one the unit reads out from its own screen.
      await expect(tfPage.getByTestId('new-fingerprint')).toHaveText(fingerprint);
      await expect(tfPage.getByTestId('apply-import')).toBeDisabled();
      await tfPage.screenshot({ path: '.tmp/screens/sync-preview.png' });
      await tfPage.getByTestId('confirm-fingerprint').click();
      await tfPage.getByTestId('apply-import').click();
      await expect(tfPage.getByTestId('import-history')).toContainText('市商务局');
      await tfPage.screenshot({ path: '.tmp/screens/sync-done.png' });

      await tfPage.getByRole('menuitem', { name: '总览' }).click();
      await expect(tfPage.getByTestId('pending-closeouts')).toContainText('1');
      // A damaged file: a clear reason, nothing changed.
      await tfPage.getByRole('menuitem', { name: '同步' }).click();
      await tfPage.getByTestId('import-bundle').locator('input[type=file]').setInputFiles({ name: 'broken.ledger.json', mimeType: 'application/json', buffer: bytes.subarray(0, 200) });
      await expect(tfPage.getByTestId('sync-error')).toContainText('不完整或已损坏');
    });
  });
});
