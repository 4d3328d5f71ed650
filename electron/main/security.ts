// Process-boundary rules for the Electron shell: the renderer is untrusted content that may only talk to
// us through window.api, may not navigate, open windows, attach webviews or ask for permissions.
import type { WebContents, WebFrameMain, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** In development electron-vite serves the renderer from a local dev server; in production only app://. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const list = [APP_ORIGIN];
  const dev = devServerUrl ? originOf(devServerUrl) : undefined;
  if (dev) list.push(dev);
  return list;
}

/** Node's URL reports origin "null" for custom schemes such as app://, so build it from its parts. */
function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : undefined;
  } catch {
    return undefined;
  }
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== undefined && origins.includes(origin);
}

/** IPC from anything but our own top-level page (an injected frame, a navigated-away page) is refused. */
export function isTrustedSender(frame: WebFrameMain | null | undefined, origins: readonly string[]): boolean {
  if (!frame || frame.parent) return false;
  return isTrustedUrl(frame.url, origins);
}

export function hardenWebContents(contents: WebContents, origins: readonly string[]): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, origins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, origins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
