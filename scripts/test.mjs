// npm test: type-check, unit tests (vitest), renderer build, end-to-end tests (Playwright in the system
// Chromium). Without a Chromium it fails with the package to install; it never skips the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`未找到 Chromium（${chromium}），端到端测试无法运行。请安装 Debian 软件包：apt-get install chromium fonts-noto-cjk（或设置 CHROMIUM_PATH）。`);
  console.error(`Chromium not found at ${chromium}: install the Debian package "chromium" (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.`);
  process.exit(1);
}

mkdirSync(join(root, '.tmp'), { recursive: true });

function step(title, cmd, args) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

const results = [];
const ok =
  step('类型检查 typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) &&
  step('单元测试 vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=.tmp/vitest.json']) &&
  step('构建界面 renderer build', bin('vite'), ['build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn']) &&
  step('端到端测试 Playwright', bin('playwright'), ['test']);

function count(file, read) {
  try {
    results.push(read(JSON.parse(readFileSync(join(root, '.tmp', file), 'utf8'))));
  } catch {
    // a step that did not run leaves no report
  }
}
count('vitest.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) }));
count('playwright.json', (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }));
const passed = results.reduce((s, r) => s + r.passed, 0);
const reported = results.reduce((s, r) => s + r.failed, 0);
// A step that failed without a report of its own (typecheck, build) still counts as one failure.
const failed = reported + (!ok && reported === 0 ? 1 : 0);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
