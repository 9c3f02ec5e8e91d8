/**
 * Personal data at rest (UU 27/2022): NIK, phone, email and address are stored as AES-256-GCM
 * envelopes with a fresh nonce per value and the field name as associated data (a value cannot be
 * moved into another column unnoticed). Exact lookups use a keyed HMAC blind index of the
 * normalised value, so the database never holds a searchable plain value.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

export type PersonalField =
  'nik' | 'phone' | 'email' | 'address' | 'draft' | 'outbox' | 'secret' | 'attachmentName';

const version = 'v1';

export class PersonalDataCipher {
  /** A key object made once: creating a cipher from raw key bytes imports the key every time. */
  private readonly encKey: KeyObject;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    const salt = Buffer.from('meja-pengaduan');
    this.encKey = createSecretKey(
      Buffer.from(hkdfSync('sha256', masterKey, salt, 'personal-data-encryption-v1', 32)),
    );
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, salt, 'personal-data-blind-index-v1', 32));
  }

  encrypt(field: PersonalField, plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, nonce);
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${version}.${Buffer.concat([nonce, body, tag]).toString('base64url')}`;
  }

  decrypt(field: PersonalField, envelope: string): string {
    const [v, payload] = envelope.split('.');
    if (v !== version || !payload) throw new Error('unknown personal-data envelope');
    const raw = Buffer.from(payload, 'base64url');
    const nonce = raw.subarray(0, 12);
    const tag = raw.subarray(raw.length - 16);
    const body = raw.subarray(12, raw.length - 16);
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, nonce);
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  /**
   * Bytes at rest (an attachment's content): nonce, ciphertext and tag in one buffer, bound to
   * `address` (its content hash) as associated data, so a stored blob cannot pass for another.
   */
  encryptBytes(address: string, plain: Buffer): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, nonce);
    cipher.setAAD(Buffer.from(`attachment:${address}`));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([nonce, body, cipher.getAuthTag()]);
  }

  decryptBytes(address: string, sealed: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(`attachment:${address}`));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  }

  /** A value that tells this key from any other without revealing it (kept in the database). */
  keyCheck(): string {
    return createHmac('sha256', this.macKey).update('meja-pengaduan key check v1').digest('base64url');
  }

  /** Deterministic keyed index of an already-normalised value (same input, same index). */
  blindIndex(field: 'nik' | 'phone', normalized: string): string {
    return createHmac('sha256', this.macKey)
      .update(`${field}:${normalized}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
