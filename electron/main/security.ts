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
  if (devServerUrl) list.push(new URL(devServerUrl).origin);
  return list;
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  try {
    return origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
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
