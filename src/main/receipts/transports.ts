/**
 * Getting bytes to a thermal printer: raw TCP (port 9100, the common network setup) or a device
 * path (USB or serial as the OS exposes it). Every job has a timeout, so a printer that is off,
 * unplugged, out of paper or stuck ends in a clear message instead of a hung desk.
 */
import { createWriteStream } from 'node:fs';
import { Socket } from 'node:net';

export class PrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintError';
  }
}

export function parseTcpAddress(address: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d{1,5}))?$/.exec(address.trim());
  if (!m) throw new PrintError(`Alamat printer tidak valid: ${address}`);
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 9100 };
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
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH'
          ? 'tidak dapat dihubungi (mati atau kabel jaringan lepas?)'
          : `gagal (${e.code ?? e.message})`;
      finish(new PrintError(`Printer ${host}:${port} ${why}.`));
    });
    // A raw-port printer closes the connection once it has taken the whole job.
    socket.on('close', () => finish());
    socket.connect(port, host, () => {
      socket.end(Buffer.from(bytes));
    });
  });
}

export function sendDevice(path: string, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const stream = createWriteStream(path, { flags: 'w' });
    const timer = setTimeout(() => {
      stream.destroy();
      settle(new PrintError(`Printer ${path} tidak menjawab dalam ${Math.round(timeoutMs / 1000)} detik.`));
    }, timeoutMs);
    const failed = (e: NodeJS.ErrnoException) =>
      settle(
        new PrintError(
          `Printer ${path} tidak dapat dibuka (${e.code ?? e.message}); periksa kabel USB/serial.`,
        ),
      );
    stream.on('error', failed);
    // The end callback also fires on failure (with the error): only a clean finish counts.
    stream.end(Buffer.from(bytes), (e?: Error | null) => (e ? failed(e) : settle()));
  });
}
