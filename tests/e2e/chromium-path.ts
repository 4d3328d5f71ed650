import { existsSync } from 'node:fs';

/** The system Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Fails loudly rather than skipping. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`未找到 Chromium（${path}）。请安装 Debian 软件包 chromium：apt-get install chromium，或设置 CHROMIUM_PATH。 (Chromium not found at ${path}: install the Debian package "chromium")`);
  }
  return path;
}
