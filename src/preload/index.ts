/**
 * Exposes window.desk: one function per contract method, each invoking its own desk: channel.
 * Nothing else crosses the bridge (no ipcRenderer, no process, no Node).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, methodNames, type DeskApi } from '../shared/contract';

const desk = Object.freeze(
  Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
  ),
) as DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
