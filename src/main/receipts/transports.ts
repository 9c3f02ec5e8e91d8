/**
 * Getting bytes to a thermal printer: raw TCP (port 9100, the common network setup) or a device
 * path (USB or serial as the OS exposes it). Every job has a timeout, so a printer that is off,
 * unplugged, out of paper or stuck ends in a clear message instead of a hung desk.
 */
import { constants, createWriteStream } from 'node:fs';
import { Socket } from 'node:net';
import { msg } from '../../shared/i18n';
import { deviceOpenPath, deviceProblem, parseTcpPrinter } from './printer-address';

export class PrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintError';
  }
}

/** Throws the address's problem in words, or gives host and port. */
export function parseTcpAddress(address: string): { host: string; port: number } {
  const parsed = parseTcpPrinter(address);
  if ('key' in parsed) throw new PrintError(msg(parsed.key, parsed.params));
  return parsed;
}

/** A socket error code in words an officer can act on. */
function networkCause(code: string | undefined): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'tidak ditemukan di jaringan (periksa nama/alamat printer)';
    case 'ECONNREFUSED':
      return 'tidak dapat dihubungi (printer mati, atau port salah?)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return 'tidak dapat dihubungi (kabel jaringan lepas atau printer mati?)';
    case 'ETIMEDOUT':
      return 'tidak menjawab';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'memutus sambungan di tengah cetakan';
    default:
      return 'tidak dapat dihubungi';
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
            `Printer ${host}:${port} tidak menyelesaikan cetakan dalam ${Math.round(timeoutMs / 1000)} detik (kertas habis atau macet?).`,
          ),
        ),
      timeoutMs,
    );
    socket.on('error', (e: NodeJS.ErrnoException) =>
      finish(new PrintError(`Printer ${host}:${port} ${networkCause(e.code)}.`)),
    );
    // A raw-port printer closes the connection once it has taken the whole job.
    socket.on('close', () => finish());
    socket.connect(port, host, () => {
      socket.end(Buffer.from(bytes));
    });
  });
}

/** Opened for writing only: never created, never truncated (O_CREAT and O_TRUNC are not given). */
const deviceFlags = constants.O_WRONLY | (constants.O_NOCTTY ?? 0);

export function sendDevice(address: string, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  const problem = deviceProblem(address, { mustExist: true });
  if (problem) return Promise.reject(new PrintError(msg(problem.key, problem.params)));
  const path = deviceOpenPath(address);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const stream = createWriteStream(path, { flags: deviceFlags as unknown as string });
    const timer = setTimeout(() => {
      stream.destroy();
      settle(
        new PrintError(`Printer ${address} tidak menjawab dalam ${Math.round(timeoutMs / 1000)} detik.`),
      );
    }, timeoutMs);
    const failed = (e: NodeJS.ErrnoException) =>
      settle(
        new PrintError(
          e.code === 'ENOENT'
            ? msg('errors.printerDeviceMissing', { path: address })
            : `Printer ${address} tidak dapat dibuka (${e.code ?? e.message}); periksa kabel USB/serial.`,
        ),
      );
    stream.on('error', failed);
    // The end callback also fires on failure (with the error): only a clean finish counts.
    stream.end(Buffer.from(bytes), (e?: Error | null) => (e ? failed(e) : settle()));
  });
}
