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

/** The key as its file holds it, owner-only and fsynced; `flag` 'wx' refuses to replace a file. */
function writeKey(path: string, key: Buffer, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag, 0o600);
  try {
    writeSync(fd, key.toString('base64') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a key (a restored one replacing what was there) through a temporary name, so a power cut
 * leaves either the old key file or the new one, never half of one.
 */
export function writeKeyFile(path: string, key: Buffer): void {
  writeKey(`${path}.new`, key, 'w');
  renameSync(`${path}.new`, path);
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
  writeKey(path, key, 'wx');
  return key;
}
