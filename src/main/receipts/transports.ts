/**
 * Getting bytes to a thermal printer: raw TCP (port 9100, the common network setup) or a device
 * path (USB or serial as the OS exposes it). Every job has a timeout, so a printer that is off,
 * unplugged, out of paper or stuck ends in a clear message instead of a hung desk.
 */
import { Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { render, say, type Message } from '../../shared/i18n';
import { deviceOpenPath, deviceProblem, parseTcpPrinter } from './printer-address';

/** A printer's failure in words an officer can act on, kept as a message key (see DeskFailure). */
export class PrintError extends Error {
  constructor(readonly text: Message) {
    super(render(text));
    this.name = 'PrintError';
  }
}

/** Throws the address's problem in words, or gives host and port. */
export function parseTcpAddress(address: string): { host: string; port: number } {
  const parsed = parseTcpPrinter(address);
  if ('key' in parsed) throw new PrintError(say(parsed.key, parsed.params));
  return parsed;
}

/** A socket error code as the cause an officer can act on (errors.printerNet.*). */
function networkCause(code: string | undefined): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'notFound';
    case 'ECONNREFUSED':
      return 'refused';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return 'unreachable';
    case 'ETIMEDOUT':
      return 'silent';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'cutOff';
    default:
      return 'other';
  }
}

export function sendTcp(address: string, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  const { host, port } = parseTcpAddress(address);
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () =>
        finish(
          new PrintError(
            say('errors.printerTcpTimeout', {
              address: `${host}:${port}`,
              seconds: Math.round(timeoutMs / 1000),
            }),
          ),
        ),
      timeoutMs,
    );
    socket.on('error', (e: NodeJS.ErrnoException) =>
      finish(
        new PrintError(say(`errors.printerNet.${networkCause(e.code)}`, { address: `${host}:${port}` })),
      ),
    );
    // A raw-port printer closes the connection once it has taken the whole job.
    socket.on('close', () => finish());
    socket.connect(port, host, () => {
      socket.end(Buffer.from(bytes));
    });
  });
}

/**
 * The write runs in a worker thread, not on Node's small thread pool: a printer that stops taking
 * bytes blocks that write, and four such jobs on the pool would stall sign-in (scrypt), PDFs and DNS
 * for everyone. On timeout the worker is let go (unref'd and terminated); its thread may stay blocked
 * in the system call until the device gives up, but nothing else waits on it.
 */
const writerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
try {
  // Opened for writing only: never created, never truncated (no O_CREAT, no O_TRUNC).
  const fd = fs.openSync(workerData.path, fs.constants.O_WRONLY | (fs.constants.O_NOCTTY || 0));
  try {
    let offset = 0;
    const bytes = Buffer.from(workerData.bytes);
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset);
  } finally {
    fs.closeSync(fd);
  }
  parentPort.postMessage({ ok: true });
} catch (e) {
  parentPort.postMessage({ ok: false, code: e.code || null, message: e.message });
}
`;

export function sendDevice(address: string, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  const problem = deviceProblem(address, { mustExist: true });
  if (problem) return Promise.reject(new PrintError(say(problem.key, problem.params)));
  const path = deviceOpenPath(address);
  return new Promise((resolve, reject) => {
    const worker = new Worker(writerSource, { eval: true, workerData: { path, bytes } });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.unref();
      void worker.terminate().catch(() => undefined);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () =>
        settle(
          new PrintError(
            say('errors.printerDeviceTimeout', { address, seconds: Math.round(timeoutMs / 1000) }),
          ),
        ),
      timeoutMs,
    );
    worker.on('message', (m: { ok: boolean; code: string | null; message?: string }) =>
      settle(
        m.ok
          ? undefined
          : new PrintError(
              m.code === 'ENOENT'
                ? say('errors.printerDeviceMissing', { path: address })
                : say('errors.printerDeviceOpen', { address, reason: m.code ?? m.message ?? '?' }),
            ),
      ),
    );
    worker.on('error', (e) =>
      settle(new PrintError(say('errors.printerDeviceFailed', { address, reason: e.message }))),
    );
  });
}
