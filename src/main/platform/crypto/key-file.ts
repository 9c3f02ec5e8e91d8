/**
 * Browser mode keeps the personal-data master key in a file only its owner can read (0600).
 * The Electron shell keeps it with the OS key storage instead (main/electron/safe-storage-key.ts).
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Writes a key (a restored one replacing what was there) owner-only, through a temporary name and
 * fsynced, so a power cut leaves either the old key file or the new one, never half of one.
 */
export function writeKeyFile(path: string, key: Buffer): void {
  const temp = `${path}.new`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, key.toString('base64') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

export function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) {
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      // Someone widened the permissions; narrow them back before using the key.
      chmodSync(path, 0o600);
    }
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`key file ${path} is damaged (expected 32 bytes)`);
    return key;
  }
  const key = randomBytes(32);
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, key.toString('base64') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}
