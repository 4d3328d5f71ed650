// Exposes exactly two objects: window.api, with one function per channel the page may call, and window.files,
// which tells the path of a file the person picked or dropped (so a large bundle is read by the core from disk
// instead of crossing IPC as base64) and saves a file the core made where the person chooses. No ipcRenderer,
// no Node, no generic "invoke anything" escape hatch reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { pageChannelNames, SAVE_FILE_CHANNEL } from '../../shared/channels';

const api = Object.freeze(Object.fromEntries(pageChannelNames.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input ?? {})])));

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld(
  'files',
  Object.freeze({
    pathFor: (file: File): string => webUtils.getPathForFile(file),
    save: (file: { ref: string; name: string }) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, { ref: String(file.ref), name: String(file.name) }),
  }),
);
