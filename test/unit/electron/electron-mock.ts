/** A stand-in for the 'electron' module: records what the shell asks of it. */
import { vi } from 'vitest';

export const created: Array<{ options: Record<string, unknown> }> = [];

export class FakeBrowserWindow {
  options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    this.options = options;
    created.push(this);
  }
}

export const handlers = new Map<string, (...args: unknown[]) => unknown>();
export const fakeIpcMain = {
  handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)),
};

export const exposed = new Map<string, unknown>();
export const fakeIpcRenderer = { invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })) };

export const fakeSafeStorage = {
  available: true,
  isEncryptionAvailable: vi.fn(() => fakeSafeStorage.available),
  encryptString: vi.fn((s: string) => Buffer.from('enc:' + Buffer.from(s).toString('hex'))),
  decryptString: vi.fn((b: Buffer) => Buffer.from(b.toString().slice(4), 'hex').toString()),
  /** The OS rotated its key since this blob was sealed. */
  rotated: false,
  isAsyncEncryptionAvailable: vi.fn(async () => fakeSafeStorage.available),
  encryptStringAsync: vi.fn(async (s: string) => fakeSafeStorage.encryptString(s)),
  decryptStringAsync: vi.fn(async (b: Buffer) => ({
    result: fakeSafeStorage.decryptString(b),
    shouldReEncrypt: fakeSafeStorage.rotated,
  })),
};

export const electronModule: Record<string, unknown> = {
  BrowserWindow: FakeBrowserWindow,
  ipcMain: fakeIpcMain,
  ipcRenderer: fakeIpcRenderer,
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
  safeStorage: fakeSafeStorage,
};
