// Exposes exactly one object, window.api, with one function per contract channel. No ipcRenderer, no
// Node, no generic "invoke anything" escape hatch reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/channels';

const api = Object.freeze(Object.fromEntries(channelNames.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input ?? {})])));

contextBridge.exposeInMainWorld('api', api);
