/**
 * Exposes window.desk: one function per contract method, each invoking its own desk: channel.
 * Nothing else crosses the bridge (no ipcRenderer, no process, no Node).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskApi } from '../shared/contract';
import { channelFor, methodNameList } from '../shared/contract/method-names';

const desk = Object.freeze(
  Object.fromEntries(
    methodNameList.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
  ),
) as DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
