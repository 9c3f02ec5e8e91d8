/**
 * The backup file: one file holding the whole database, encrypted, and (once a recovery passphrase
 * is set) the desk's data key wrapped with a key derived from that passphrase. With only the file and
 * the passphrase a fresh install gets everything back; without the passphrase the file tells nothing
 * but what its plain header shows (desk, date, counts), which a restore shows before asking.
 *
 *   "MEJABAK1" | u32 BE header length | header (UTF-8 JSON) | records…
 *   record = u32 BE plain length | ciphertext | 16-byte GCM tag
 *
 * Each record is AES-256-GCM under the body key (HKDF of the data key and a per-file salt), with a
 * nonce of the file's random 8 bytes and the record index, and as associated data the SHA-256 of the
 * header, the index and a final-record flag: a changed header, a reordered, dropped or repeated record
 * and a cut-off file all fail to decrypt. The last record carries the flag (it may be empty).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  type BinaryLike,
} from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { z } from 'zod';

const magic = Buffer.from('MEJABAK1', 'latin1');
export const chunkSize = 1024 * 1024;
/** A header larger than this is not one of ours (the real one is about 1 KB). */
const maxHeaderBytes = 64 * 1024;

export const recoveryEnvelope = z.object({
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(1024)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16).max(100),
  /** nonce (12) | sealed data key (32) | tag (16), base64url. */
  wrapped: z.string().min(70).max(100),
});
export type RecoveryEnvelope = z.infer<typeof recoveryEnvelope>;

export const backupHeader = z.object({
  format: z.literal('meja-pengaduan-backup'),
  version: z.literal(1),
  appVersion: z.string().max(40),
  desk: z.object({ code: z.string().max(20), name: z.string().max(200) }).nullable(),
  takenAt: z.string().max(40),
  /** The WIB day the snapshot was taken. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reason: z.enum(['close-day', 'exit', 'manual', 'schedule', 'migration']),
  sizeBytes: z.number().int().min(0),
  lastMigration: z.string().max(100).nullable(),
  counts: z.object({
    complaints: z.number().int().min(0),
    events: z.number().int().min(0),
    audit: z.number().int().min(0),
    accounts: z.number().int().min(0),
  }),
  /** The keyed check value of the data key (as in the database), to tell keys apart. */
  keyCheck: z.string().max(100),
  recovery: recoveryEnvelope.nullable(),
  body: z.object({
    cipher: z.literal('aes-256-gcm'),
    chunkSize: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024),
    salt: z.string().min(16).max(100),
    nonce: z.string().min(8).max(20),
  }),
});
export type BackupHeader = z.infer<typeof backupHeader>;
export type HeaderFields = Omit<BackupHeader, 'format' | 'version' | 'body'>;

/** Not a backup of this desk, damaged, or cut short: says which, in Bahasa Indonesia. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

function bodyKey(dataKey: Buffer, salt: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', dataKey, Buffer.from(salt, 'base64url'), 'meja-pengaduan backup body v1', 32),
  );
}

function aad(headerHash: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = final ? 1 : 0;
  return Buffer.concat([headerHash, tail]);
}

function nonceFor(base: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  base.copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

const sha256 = (b: BinaryLike) => createHash('sha256').update(b).digest();

export interface WrittenBackup {
  header: BackupHeader;
  /** SHA-256 of the plain database copy that went in (the verify compares against it). */
  plainSha256: string;
  bytes: number;
}

/**
 * Encrypts the database file `plainPath` into `outPath` (created, owner-only, fsynced). Reads and
 * writes in 1 MiB records with an await between them, so the desk keeps answering while it runs.
 */
export async function writeBackup(
  plainPath: string,
  outPath: string,
  dataKey: Buffer,
  fields: HeaderFields,
): Promise<WrittenBackup> {
  const header: BackupHeader = backupHeader.parse({
    format: 'meja-pengaduan-backup',
    version: 1,
    ...fields,
    body: {
      cipher: 'aes-256-gcm',
      chunkSize,
      salt: randomBytes(16).toString('base64url'),
      nonce: randomBytes(8).toString('base64url'),
    },
  });
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerHash = sha256(headerBytes);
  const key = bodyKey(dataKey, header.body.salt);
  const base = Buffer.from(header.body.nonce, 'base64url');
  const plainHash = createHash('sha256');
  const input = await open(plainPath, 'r');
  const output = await open(outPath, 'wx', 0o600);
  let bytes = 0;
  try {
    const lengthPrefix = Buffer.alloc(4);
    lengthPrefix.writeUInt32BE(headerBytes.length);
    await output.write(Buffer.concat([magic, lengthPrefix, headerBytes]));
    bytes += magic.length + 4 + headerBytes.length;
    const size = (await input.stat()).size;
    const buffer = Buffer.alloc(chunkSize);
    let offset = 0;
    for (let index = 0; ; index++) {
      const { bytesRead } = await input.read(buffer, 0, chunkSize, offset);
      offset += bytesRead;
      const final = offset >= size || bytesRead === 0;
      const plain = buffer.subarray(0, bytesRead);
      plainHash.update(plain);
      const cipher = createCipheriv('aes-256-gcm', key, nonceFor(base, index));
      cipher.setAAD(aad(headerHash, index, final));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(bytesRead);
      await output.write(Buffer.concat([len, body, cipher.getAuthTag()]));
      bytes += 4 + body.length + 16;
      if (final) break;
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
  return { header, plainSha256: plainHash.digest('hex'), bytes };
}

/** The plain header of a backup file, checked; throws BackupFileError when it is not one. */
export function readHeader(path: string): { header: BackupHeader; headerBytes: Buffer; bodyOffset: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupFileError(
      code === 'ENOENT'
        ? `Berkas cadangan tidak ditemukan: ${path}`
        : `Berkas cadangan tidak dapat dibuka (${code ?? 'galat'}): ${path}`,
    );
  }
  try {
    const start = Buffer.alloc(12);
    if (readSync(fd, start, 0, 12, 0) < 12 || !start.subarray(0, 8).equals(magic))
      throw new BackupFileError('Berkas ini bukan cadangan Meja Pengaduan.');
    const length = start.readUInt32BE(8);
    if (length > maxHeaderBytes) throw new BackupFileError('Kepala berkas cadangan rusak.');
    const headerBytes = Buffer.alloc(length);
    if (readSync(fd, headerBytes, 0, length, 12) < length)
      throw new BackupFileError('Berkas cadangan terpotong.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw new BackupFileError('Kepala berkas cadangan rusak.');
    }
    const header = backupHeader.safeParse(parsed);
    if (!header.success)
      throw new BackupFileError('Kepala berkas cadangan tidak dikenali (versi lain atau rusak).');
    return { header: header.data, headerBytes, bodyOffset: 12 + length };
  } finally {
    closeSync(fd);
  }
}

/**
 * Decrypts the body record by record, handing each plain piece to `sink` in order; returns the
 * SHA-256 of the plain bytes. Any failed record (wrong key, edited, reordered, cut off) throws.
 */
export async function decryptBody(
  path: string,
  dataKey: Buffer,
  sink: (plain: Buffer) => void | Promise<void>,
): Promise<string> {
  const { header, headerBytes, bodyOffset } = readHeader(path);
  const headerHash = sha256(headerBytes);
  const key = bodyKey(dataKey, header.body.salt);
  const base = Buffer.from(header.body.nonce, 'base64url');
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  const broken = (what: string) => new BackupFileError(`Isi berkas cadangan ${what}.`);
  try {
    const size = (await file.stat()).size;
    let offset = bodyOffset;
    let total = 0;
    const lengthBuffer = Buffer.alloc(4);
    for (let index = 0; ; index++) {
      if ((await file.read(lengthBuffer, 0, 4, offset)).bytesRead < 4) throw broken('terpotong');
      const length = lengthBuffer.readUInt32BE(0);
      if (length > header.body.chunkSize) throw broken('rusak');
      const record = Buffer.alloc(length + 16);
      if ((await file.read(record, 0, length + 16, offset + 4)).bytesRead < length + 16)
        throw broken('terpotong');
      offset += 4 + length + 16;
      const final = offset >= size;
      const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(base, index));
      decipher.setAAD(aad(headerHash, index, final));
      decipher.setAuthTag(record.subarray(length));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(record.subarray(0, length)), decipher.final()]);
      } catch {
        throw broken(final ? 'rusak atau terpotong' : 'rusak atau diubah');
      }
      hash.update(plain);
      total += plain.length;
      await sink(plain);
      if (final) break;
    }
    if (total !== header.sizeBytes) throw broken('tidak sesuai ukurannya');
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** Decrypts a backup into a new owner-only file, fsynced; returns the plain SHA-256. */
export async function decryptToFile(path: string, dataKey: Buffer, outPath: string): Promise<string> {
  const fd = openSync(outPath, 'wx', 0o600);
  try {
    const digest = await decryptBody(path, dataKey, (plain) => {
      writeSync(fd, plain);
    });
    fsyncSync(fd);
    return digest;
  } finally {
    closeSync(fd);
  }
}
