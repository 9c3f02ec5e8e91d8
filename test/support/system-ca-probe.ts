// Run in a child process with SSL_CERT_FILE set: can the desk's client reach an HTTPS server whose CA is
// only in the "operating system's" store (no CA in the desk's settings)? Prints the outcome as JSON.
import { createCentralClient } from '../../src/main/forwarding/client';

const client = createCentralClient({
  url: process.argv[2]!,
  token: 'central-token',
  deskCode: 'PBL01',
  timeoutMs: 3000,
});
const changes = await client.changes('', 10);
process.stdout.write(JSON.stringify('kind' in changes ? changes : { ok: true }));
await client.close();
