// The preload (Electron, sandboxed): the only file that touches contextBridge and ipcRenderer. It exposes exactly
// the contract's methods and events by name as window.fzbg; there is no generic send/invoke/on.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, eventMethodName, type EventName, type Method } from '../../shared/ipc/channels';

/** The contract's method and event names (shared/ipc/contract.ts), inlined by scripts/build.mjs so that the preload
 *  bundles no schema code. */
declare const CONTRACT_NAMES: { methods: Method[]; events: EventName[] };
const { methods: METHODS, events: EVENTS } = CONTRACT_NAMES;

const api: Record<string, unknown> = {};
for (const method of METHODS) {
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args);
}
for (const event of EVENTS) {
  api[eventMethodName(event)] = (callback: (payload: unknown) => void) => {
    if (typeof callback !== 'function') throw new TypeError('callback');
    const listener = (_e: IpcRendererEvent, payload: unknown) => callback(payload);
    ipcRenderer.on(channelOf(event), listener);
    return () => ipcRenderer.removeListener(channelOf(event), listener);
  };
}
contextBridge.exposeInMainWorld('fzbg', Object.freeze(api));
