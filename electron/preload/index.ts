// Exposes exactly two objects: window.api, with one function per contract channel, and window.files, which
// tells the path of a file the person picked or dropped (so a large bundle is read by the main process from
// disk instead of crossing IPC as base64). No ipcRenderer, no Node, no generic "invoke anything" escape hatch
// reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channelNames } from '../../shared/channels';

const api = Object.freeze(Object.fromEntries(channelNames.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input ?? {})])));

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('files', Object.freeze({ pathFor: (file: File): string => webUtils.getPathForFile(file) }));
