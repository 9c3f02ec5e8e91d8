/**
 * The personal-data master key in the desktop shell: random 32 bytes, stored only as a blob
 * encrypted by the OS key storage (DPAPI, Keychain, libsecret) through Electron's safeStorage.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { loadOrCreateKeyFile } from '../crypto/key-file';

export function loadOrCreateSafeStorageKey(blobPath: string, fallbackKeyFile: string): Buffer {
  if (!safeStorage.isEncryptionAvailable()) {
    // No OS key storage (e.g. a Linux session without a keyring): an owner-only key file, as in browser mode.
    console.warn('OS key storage unavailable; using an owner-only key file instead.');
    return loadOrCreateKeyFile(fallbackKeyFile);
  }
  if (existsSync(blobPath)) {
    const key = Buffer.from(safeStorage.decryptString(readFileSync(blobPath)), 'base64');
    if (key.length !== 32) throw new Error('stored key is damaged');
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(blobPath, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  return key;
}
