// The renderer's only door to the core. In Electron the preload provides window.api (IPC); in browser
// mode the same channels go over HTTP to the loopback host with the per-launch token.
import { channels, type Api, type Channel, type ChannelOutput, type OutgoingFile, type PickedFileRef, type Result } from '../../shared/contract';

declare global {
  interface Window {
    api?: Api;
    /**
     * Electron's preload: the path of a file the person picked or dropped, and saving a file the core made
     * where the person chooses (the save dialog); saved is false when the dialog was cancelled.
     */
    files?: { pathFor(file: File): string; save(file: OutgoingFile): Promise<Result<{ saved: boolean }>> };
  }
}

const TOKEN_KEY = 'ledger-token';

/** Takes the token from the launch URL's fragment, keeps it for reloads, and removes it from the address bar. */
function readToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]!);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const LOST = '与本机服务的连接已断开，请重新启动专班台账。';
/** Browser mode only: read once, before anything else touches the address. */
const token = window.api ? '' : readToken();

function httpApi(): Api {
  const call = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: LOST, detail: String(err) } };
    }
  };
  return Object.fromEntries(channels.map((c) => [c, (input: unknown) => call(c, input)])) as unknown as Api;
}

export const api: Api = window.api ?? httpApi();

export class ApiError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/** Calls a channel and returns its data, or throws an ApiError carrying the Chinese message. */
export async function request<C extends Channel>(channel: C, input: Parameters<Api[C]>[0]): Promise<ChannelOutput<C>> {
  const r = await (api[channel] as (i: unknown) => Promise<Result<ChannelOutput<C>>>)(input);
  if (!r.ok) throw new ApiError(r.error.message, r.error.detail);
  return r.data;
}

/**
 * A file the person picked, as the core will read it: in Electron its path on disk; in browser mode a copy sent
 * once to the loopback host, named by the id it answers with. Its bytes never ride inside a JSON request.
 */
export async function pickedFile(file: File): Promise<PickedFileRef> {
  if (window.files) {
    const path = window.files.pathFor(file);
    if (!path) throw new ApiError('无法读取所选文件，请从磁盘或U盘选择。', 'picked file has no path');
    return { name: file.name, ref: path };
  }
  let r: Result<{ ref: string }>;
  try {
    const res = await fetch('/upload', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-Ledger-Token': token }, body: file });
    r = (await res.json()) as Result<{ ref: string }>;
  } catch (err) {
    throw new ApiError(LOST, String(err));
  }
  if (!r.ok) throw new ApiError(r.error.message, r.error.detail);
  return { name: file.name, ref: r.data.ref };
}

/**
 * A file the core made (a bundle, a document, a spreadsheet, an evidence file), kept by the person: Electron
 * asks where in its save dialog and copies it there; browser mode streams it from the host as a download. The
 * core records a bundle as sent only once the shell has delivered it whole. False when the person cancelled.
 */
export async function saveOutgoing(file: OutgoingFile): Promise<boolean> {
  if (window.files) {
    const r = await window.files.save(file);
    if (!r.ok) throw new ApiError(r.error.message, r.error.detail);
    return r.data.saved;
  }
  const a = document.createElement('a');
  a.href = `/download/${encodeURIComponent(file.ref)}?token=${encodeURIComponent(token)}`;
  a.download = file.name;
  a.click();
  return true;
}
