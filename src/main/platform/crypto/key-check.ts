/**
 * The database remembers which key its personal data was sealed with (a keyed check value, not the
 * key): a desk opened with any other key refuses to start instead of writing records that can never
 * be read together with the earlier ones.
 */
import type { Sqlite } from '../database';
import type { PersonalDataCipher } from './personal-data';

/** The desk cannot use its key: shown to the person starting it, and the desk does not start. */
export class KeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyUnavailableError';
  }
}

const mismatch = () =>
  new KeyUnavailableError(
    'Kunci data pribadi tidak cocok dengan basis data meja ini: data yang sudah tersimpan tidak dapat dibuka dengan kunci ini. Meja tidak dijalankan agar data tidak terbelah. Pulihkan kunci yang benar (atau cadangan beserta kuncinya), lalu buka kembali.',
  );

/** One sealed value already in the database, if any, to tell a right key from a wrong one. */
function sealedSample(
  sqlite: Sqlite,
): { field: 'nik' | 'phone' | 'email' | 'address' | 'outbox'; value: string } | null {
  for (const field of ['nik', 'phone', 'email', 'address'] as const) {
    const value = sqlite
      .prepare(`SELECT ${field}_enc FROM complaints WHERE ${field}_enc IS NOT NULL LIMIT 1`)
      .pluck()
      .get() as string | undefined;
    if (value) return { field, value };
  }
  const outbox = sqlite
    .prepare('SELECT payload_enc FROM outbox WHERE payload_enc IS NOT NULL LIMIT 1')
    .pluck()
    .get() as string | undefined;
  return outbox ? { field: 'outbox', value: outbox } : null;
}

export function verifyKey(sqlite: Sqlite, cipher: PersonalDataCipher, now: () => Date): void {
  const expected = cipher.keyCheck();
  const stored = sqlite.prepare('SELECT value FROM key_check WHERE id = 1').pluck().get() as
    string | undefined;
  if (stored !== undefined) {
    if (stored !== expected) throw mismatch();
    return;
  }
  // A desk from before the check: the key must open what is already sealed.
  const sample = sealedSample(sqlite);
  if (sample) {
    try {
      cipher.decrypt(sample.field, sample.value);
    } catch {
      throw mismatch();
    }
  }
  sqlite
    .prepare('INSERT INTO key_check (id, value, created_at) VALUES (1, ?, ?)')
    .run(expected, now().toISOString());
}
