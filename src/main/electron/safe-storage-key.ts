/**
 * The personal-data master key in the desktop shell: random 32 bytes, stored only as a blob
 * encrypted by the OS key storage (DPAPI, Keychain, libsecret) through Electron's asynchronous
 * safeStorage; on a machine with no key storage at all, an owner-only key file. Once a key exists,
 * only the method that holds it is used: a key storage that is unavailable for a moment (a locked
 * keyring, another desktop session) must never lead to a second key, which would split the
 * encrypted data in two.
 *
 * The data lives per machine and the key storage per Windows account: an account without a blob
 * of its own, on a PC whose database already has a key, unlocks it once with the recovery
 * passphrase (backups/recover-key.ts), and the key is then sealed for that account too.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { databaseKeyState, recoverKeyFromDatabase } from '../backups';
import { KeyUnavailableError } from '../platform/crypto/key-check';
import { loadOrCreateKeyFile } from '../platform/crypto/key-file';

export interface DeskKeyPaths {
  /** This account's sealed blob (per Windows account). */
  blobPath: string;
  /** The owner-only key file of a machine without key storage (or after a command-line restore). */
  keyFile: string;
  /** The desk's database (per machine). */
  databaseFile: string;
  /** Asks the person at the PC for the recovery passphrase; null when they cancel. */
  askPassphrase: (attempt: number) => Promise<string | null>;
}

async function seal(blobPath: string, key: Buffer, replace: boolean): Promise<void> {
  const blob = await safeStorage.encryptStringAsync(key.toString('base64'));
  if (!replace) {
    writeFileSync(blobPath, blob, { mode: 0o600, flag: 'wx' });
    return;
  }
  writeFileSync(`${blobPath}.new`, blob, { mode: 0o600 });
  renameSync(`${blobPath}.new`, blobPath);
}

/** Seals a (restored) key for this Windows account, replacing the blob it had. */
export async function sealForThisAccount(blobPath: string, key: Buffer): Promise<void> {
  if (await safeStorage.isAsyncEncryptionAvailable()) await seal(blobPath, key, existsSync(blobPath));
  else
    throw new KeyUnavailableError(
      'Penyimpanan kunci sistem operasi tidak tersedia; kunci cadangan tidak dapat disimpan.',
    );
}

export async function loadDeskKey(paths: DeskKeyPaths): Promise<Buffer> {
  const { blobPath, keyFile } = paths;
  const hasBlob = existsSync(blobPath);
  const hasFile = existsSync(keyFile);
  if (hasBlob && hasFile)
    throw new KeyUnavailableError(
      `Ada dua kunci data pribadi (${blobPath} dan ${keyFile}); aplikasi tidak memilih salah satunya sendiri. Hubungi admin untuk memulihkan dari cadangan.`,
    );
  if (hasFile) return loadOrCreateKeyFile(keyFile);
  const available = await safeStorage.isAsyncEncryptionAvailable();
  if (hasBlob) {
    if (!available)
      throw new KeyUnavailableError(
        'Penyimpanan kunci sistem operasi (Windows DPAPI / keyring) sedang tidak tersedia, padahal kunci data pribadi meja ini tersimpan di sana. Masuk dengan akun Windows yang sama atau buka kunci keyring, lalu buka kembali Meja Pengaduan.',
      );
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(readFileSync(blobPath));
    const key = Buffer.from(result, 'base64');
    if (key.length !== 32) throw new KeyUnavailableError('Kunci data pribadi yang tersimpan rusak.');
    // The OS rotated its key: the blob is sealed again under the new one (same data key inside).
    if (shouldReEncrypt) await seal(blobPath, key, true);
    return key;
  }
  const state = databaseKeyState(paths.databaseFile);
  if (state.hasKey) {
    // This PC's desk has a key, but not for this account: never a second key; the passphrase or nothing.
    if (!state.recoverable)
      throw new KeyUnavailableError(
        'Meja di PC ini disiapkan oleh akun Windows lain, dan frasa pemulihan belum diatur. Masuk dengan akun Windows itu, atur frasa pemulihan di Cadangan, lalu buka Meja Pengaduan lagi dengan akun ini.',
      );
    if (!available)
      throw new KeyUnavailableError(
        'Penyimpanan kunci sistem operasi tidak tersedia untuk akun ini; kunci meja tidak dapat disimpan.',
      );
    for (let attempt = 1; attempt <= 5; attempt++) {
      const passphrase = await paths.askPassphrase(attempt);
      if (passphrase === null) break;
      const key = await recoverKeyFromDatabase(paths.databaseFile, passphrase);
      if (key) {
        await seal(blobPath, key, false);
        return key;
      }
    }
    throw new KeyUnavailableError(
      'Frasa pemulihan tidak dimasukkan atau salah; Meja Pengaduan tidak dibuka.',
    );
  }
  if (!available) {
    // A new desk on a machine without OS key storage (e.g. Linux with no keyring): an owner-only file.
    console.warn('OS key storage unavailable; the new key goes into an owner-only key file.');
    return loadOrCreateKeyFile(keyFile);
  }
  const key = randomBytes(32);
  await seal(blobPath, key, false);
  return key;
}
