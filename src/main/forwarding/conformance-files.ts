/**
 * The conformance checks of the central contract's files (/v1/attachments/{sha256}): a file in two
 * pieces, held whole and idempotent by hash, a wrong offset answered 409, a file whose bytes are not
 * its hash refused 422 and dropped. Run by conformance.ts with its own helpers.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { attachmentUpload, type AttachmentUpload } from './central-files';
import type { HttpAnswer } from './http';

export interface Checker {
  call(
    method: 'GET' | 'PATCH',
    path: string,
    body?: Buffer,
    headers?: Record<string, string>,
  ): Promise<HttpAnswer>;
  check(name: string, run: () => Promise<string | null>): Promise<void>;
  parse<T>(answer: HttpAnswer, schema: z.ZodType<T>): T | string;
  expectStatus(answer: HttpAnswer, wanted: number[]): string | null;
  expectError(answer: HttpAnswer, wanted: number[], code?: string): string | null;
  auth: Record<string, string>;
}

export async function fileChecks(c: Checker) {
  // A test file of random bytes (a new hash each run), in two pieces.
  const bytes = randomBytes(150_000);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = `/v1/attachments/${sha256}`;
  const piece = (offset: number, body: Buffer, length = bytes.length) =>
    c.call('PATCH', path, body, {
      ...c.auth,
      Accept: 'application/json',
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': String(offset),
      'Upload-Length': String(length),
    });
  const state = (answer: HttpAnswer, wanted: Partial<AttachmentUpload>): string | null => {
    const s = c.expectStatus(answer, [200]);
    if (s) return s;
    const body = c.parse(answer, attachmentUpload);
    if (typeof body === 'string') return body;
    for (const [key, value] of Object.entries(wanted))
      if (body[key as keyof AttachmentUpload] !== value)
        return `${key}: diharapkan ${String(value)}, didapat ${String(body[key as keyof AttachmentUpload])}`;
    return null;
  };

  await c.check('GET berkas yang belum ada menjawab 404', async () =>
    c.expectError(await c.call('GET', path), [404]),
  );
  await c.check('PATCH potongan pertama menjawab 200 dengan received sesudahnya', async () =>
    state(await piece(0, bytes.subarray(0, 100_000)), {
      sha256,
      size: bytes.length,
      received: 100_000,
      complete: false,
    }),
  );
  await c.check('GET berkas setengah jalan menjawab berapa yang sudah diterima', async () =>
    state(await c.call('GET', path), { received: 100_000, complete: false }),
  );
  await c.check('PATCH pada posisi yang bukan posisi server menjawab 409', async () =>
    c.expectError(await piece(50_000, bytes.subarray(50_000)), [409]),
  );
  await c.check('PATCH potongan terakhir menjawab 200 complete: true', async () =>
    state(await piece(100_000, bytes.subarray(100_000)), { received: bytes.length, complete: true }),
  );
  await c.check(
    'PATCH ulang berkas yang sudah lengkap menjawab 200 complete (idempoten, tidak disimpan lagi)',
    async () => state(await piece(0, bytes.subarray(0, 100_000)), { received: bytes.length, complete: true }),
  );
  await c.check('PATCH dengan Content-Type application/json menjawab 415', async () =>
    c.expectError(
      await c.call('PATCH', path, bytes.subarray(0, 10), {
        ...c.auth,
        'Content-Type': 'application/json',
        'Upload-Offset': '0',
        'Upload-Length': String(bytes.length),
      }),
      [415],
    ),
  );
  await c.check('Berkas yang isinya bukan SHA-256 di path ditolak 422 dan tidak disimpan', async () => {
    const other = createHash('sha256').update(randomBytes(32)).digest('hex');
    const wrong = await c.call('PATCH', `/v1/attachments/${other}`, bytes.subarray(0, 1000), {
      ...c.auth,
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': '0',
      'Upload-Length': '1000',
    });
    return (
      c.expectError(wrong, [422]) ?? c.expectError(await c.call('GET', `/v1/attachments/${other}`), [404])
    );
  });
  await c.check('GET berkas tanpa token menjawab 401', async () =>
    c.expectError(await c.call('GET', path, undefined, { 'X-Desk-Code': c.auth['X-Desk-Code']! }), [401]),
  );
}
