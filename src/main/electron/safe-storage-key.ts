/**
 * The personal-data master key in the desktop shell: random 32 bytes, stored only as a blob
 * encrypted by the OS key storage (DPAPI, Keychain, libsecret) through Electron's safeStorage; on a
 * machine with no key storage at all, an owner-only key file. Once a key exists, only the method
 * that holds it is used: a key storage that is unavailable for a moment (a locked keyring, another
 * desktop session) must never lead to a second key, which would split the encrypted data in two.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { KeyUnavailableError } from '../platform/crypto/key-check';
import { loadOrCreateKeyFile } from '../platform/crypto/key-file';

export function loadOrCreateSafeStorageKey(blobPath: string, keyFile: string): Buffer {
  const hasBlob = existsSync(blobPath);
  const hasFile = existsSync(keyFile);
  if (hasBlob && hasFile)
    throw new KeyUnavailableError(
      `Ada dua kunci data pribadi (${blobPath} dan ${keyFile}); aplikasi tidak memilih salah satunya sendiri. Hubungi admin untuk memulihkan dari cadangan.`,
    );
  if (hasFile) return loadOrCreateKeyFile(keyFile);
  if (hasBlob) {
    if (!safeStorage.isEncryptionAvailable())
      throw new KeyUnavailableError(
        'Penyimpanan kunci sistem operasi (Windows DPAPI / keyring) sedang tidak tersedia, padahal kunci data pribadi meja ini tersimpan di sana. Masuk dengan akun Windows yang sama atau buka kunci keyring, lalu buka kembali Meja Pengaduan.',
      );
    const key = Buffer.from(safeStorage.decryptString(readFileSync(blobPath)), 'base64');
    if (key.length !== 32) throw new KeyUnavailableError('Kunci data pribadi yang tersimpan rusak.');
    return key;
  }
  if (!safeStorage.isEncryptionAvailable()) {
    // A new desk on a machine without OS key storage (e.g. Linux with no keyring): an owner-only file.
    console.warn('OS key storage unavailable; the new key goes into an owner-only key file.');
    return loadOrCreateKeyFile(keyFile);
  }
  const key = randomBytes(32);
  writeFileSync(blobPath, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  return key;
}
