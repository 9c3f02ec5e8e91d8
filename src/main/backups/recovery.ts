/**
 * The recovery passphrase: the admin sets it once (or takes a generated recovery code for the office
 * safe); the desk keeps only the data key wrapped with a key derived from it by scrypt, and puts that
 * envelope into every backup. The passphrase itself is never stored.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomInt, scrypt } from 'node:crypto';
import type { RecoveryEnvelope } from './container';

/** OWASP's scrypt floor for passwords (N=2^17, r=8, p=1): about 128 MiB and a fraction of a second. */
const defaults = { N: 2 ** 17, r: 8, p: 1 };
const aad = Buffer.from('meja-pengaduan recovery v1');
export const minPassphraseLength = 12;

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFKC'),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function wrapDataKey(
  dataKey: Buffer,
  passphrase: string,
  params = defaults,
): Promise<RecoveryEnvelope> {
  const salt = randomBytes(16);
  const kek = await derive(passphrase, salt, params);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64url'),
    wrapped: Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64url'),
  };
}

/** The data key, or null when the passphrase is not the one the envelope was made with. */
export async function unwrapDataKey(envelope: RecoveryEnvelope, passphrase: string): Promise<Buffer | null> {
  const kek = await derive(passphrase, Buffer.from(envelope.salt, 'base64url'), envelope);
  const raw = Buffer.from(envelope.wrapped, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', kek, raw.subarray(0, 12));
  decipher.setAAD(aad);
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  try {
    const key = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/**
 * A recovery code to print and keep in the office safe: 24 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), in groups of four; about 120 bits.
 */
export function generateRecoveryCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let code = '';
  for (let i = 0; i < 24; i++) {
    code += alphabet[randomInt(alphabet.length)];
    if (i % 4 === 3 && i < 23) code += '-';
  }
  return code;
}
