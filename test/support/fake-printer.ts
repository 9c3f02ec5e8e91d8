/**
 * A raw-port (9100) thermal printer on loopback: takes jobs and keeps their bytes, or misbehaves
 * on request (refuses connections, or takes the job and never finishes, like a printer out of paper).
 */
import { createServer, type Server, type Socket } from 'node:net';

export class FakePrinter {
  jobs: Buffer[] = [];
  mode: 'ok' | 'hang' = 'ok';
  private server: Server;
  private sockets = new Set<Socket>();
  port = 0;

  constructor() {
    this.server = createServer({ allowHalfOpen: true }, (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => {
        if (this.mode === 'hang') return; // never closes: the job is stuck
        this.jobs.push(Buffer.concat(chunks));
        socket.end();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get address() {
    return `127.0.0.1:${this.port}`;
  }

  /** Switched off: the port refuses connections. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
