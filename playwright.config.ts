import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/e2e/chromium-path';

// Debian's Chromium, never a downloaded browser (this machine class cannot fetch one).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.tmp/playwright.json' }]] : [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
