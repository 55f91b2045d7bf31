/**
 * The only bridge between the page and the main process: one function per API method of the
 * contract, each bound to its fixed IPC channel. No ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, methodNames } from '@shared/api';

const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of methodNames) {
  const channel = channelFor(name);
  bridge[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('hashiya', Object.freeze(bridge));
