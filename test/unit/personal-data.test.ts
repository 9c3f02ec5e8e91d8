import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateKeyFile } from '../../src/main/platform/crypto/key-file';
import { PersonalDataCipher } from '../../src/main/platform/crypto/personal-data';
import { makeCore, sampleComplaint, setUpDesk, tempDir, value } from '../support/core';

describe('personal data at rest', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));

  it('round-trips, with a fresh nonce for every value', () => {
    const a = cipher.encrypt('nik', '3513014507900001');
    const b = cipher.encrypt('nik', '3513014507900001');
    expect(a).not.toBe(b);
    expect(cipher.decrypt('nik', a)).toBe('3513014507900001');
  });

  it('refuses a tampered value, or one moved to another column', () => {
    const sealed = cipher.encrypt('phone', '081234567890');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[14]! ^= 1;
    expect(() => cipher.decrypt('phone', 'v1.' + raw.toString('base64url'))).toThrow();
    expect(() => cipher.decrypt('address', sealed)).toThrow();
  });

  it('gives the same blind index for the same number, and a different one under another key', () => {
    expect(cipher.blindIndex('phone', '081234567890')).toBe(cipher.blindIndex('phone', '081234567890'));
    expect(cipher.blindIndex('phone', '081234567890')).not.toBe(cipher.blindIndex('nik', '081234567890'));
    const other = new PersonalDataCipher(randomBytes(32));
    expect(other.blindIndex('phone', '081234567890')).not.toBe(cipher.blindIndex('phone', '081234567890'));
  });

  it('leaves no NIK, phone, email or address in clear in the database files', async () => {
    const t = makeCore();
    await setUpDesk(t.api);
    for (let i = 0; i < 20; i++) {
      value(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    }
    // Search the main file and the WAL: a committed page may still sit in the WAL.
    const files = readdirSync(t.dataDir).filter((f) => f.startsWith('desk.sqlite'));
    expect(files).toContain('desk.sqlite-wal');
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(t.dataDir, f))));
    for (const secret of [
      '3513014507900001',
      '081234567890',
      '812-3456-7890',
      'siti@example.id',
      'Jl. Bromo No. 12',
    ]) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
    // The title is not personal data and is stored as typed (a check that we looked at the right bytes).
    expect(bytes.includes(Buffer.from(sampleComplaint.title))).toBe(true);
    t.close();
  });

  it('finds a complaint again by phone in any spelling, and by NIK, through the blind index', async () => {
    const t = makeCore();
    await setUpDesk(t.api);
    const saved = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    for (const phone of ['081234567890', '+6281234567890', '62 812 3456 7890']) {
      const found = value<Array<{ id: string; phone: string }>>(
        await t.api.dispatch('complaints.findByContact', { phone }, 'admin'),
      );
      expect(found.map((c) => c.id)).toEqual([saved.id]);
      expect(found[0]!.phone).toBe('0812****7890');
    }
    const byNik = value<Array<{ id: string; nik: string }>>(
      await t.api.dispatch('complaints.findByContact', { nik: '3513 0145 0790 0001' }, 'admin'),
    );
    expect(byNik.map((c) => [c.id, c.nik])).toEqual([[saved.id, '3513********0001']]);
    t.close();
  });

  it('keeps the browser-mode key in a file only its owner can read', () => {
    const dir = tempDir();
    const path = join(dir.path, 'desk.key');
    const key = loadOrCreateKeyFile(path);
    expect(key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(path).equals(key)).toBe(true);
    dir.remove();
  });
});
