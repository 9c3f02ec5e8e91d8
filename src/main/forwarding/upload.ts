/**
 * A file to the central server, idempotent by its SHA-256 and resumable: on a retry the server is asked
 * how much of the file it holds (GET /v1/attachments/{sha256}), and only the rest goes, in pieces of at
 * most 1 MiB (PATCH with Upload-Offset); a file it holds whole sends nothing, and a connection lost in
 * the middle goes on from what arrived. A first attempt starts at offset 0 without asking (most files
 * are new to the server, and a question per file costs a round trip): a server holding the file whole
 * answers the first piece with 200 and keeps nothing of it, one holding part of it answers 409, and
 * the desk then asks. Every answer is read as the rest of the contract is (client.ts): documented
 * status, capped, validated, naming the file sent.
 */
import { attachmentLimits, attachmentUpload, type AttachmentUpload } from './central-files';
import { classify, readCaps, readSuccess, type Outcome } from './client';
import type { Http, HttpResult } from './http';

interface Link {
  http: Http;
  base: string;
  headers: Record<string, string>;
  failed: (result: Extract<HttpResult, { ok: false }>) => Outcome;
}

/** Offsets the server disagreed with (409) in one attempt before it is left for the next. */
const maxConflicts = 3;

/**
 * `bytes` come decrypted by AES-GCM with the SHA-256 bound to them (its tag checked), so they are the
 * file kept under that hash; the server checks the hash again when the file is whole.
 */
export async function uploadAttachment(
  link: Link,
  sha256: string,
  bytes: Buffer,
  firstAttempt = false,
): Promise<Outcome> {
  const url = `${link.base}/v1/attachments/${sha256}`;
  const size = bytes.length;
  /** Reads an upload state; anything but this file's state at a sane offset is an 'invalid' outcome. */
  const stateOf = (answer: Parameters<typeof classify>[0]) =>
    readSuccess<AttachmentUpload>(answer, [200], attachmentUpload, (state) =>
      state.sha256 !== sha256
        ? `jawaban menyebut berkas ${state.sha256.slice(0, 12)}…, bukan ${sha256.slice(0, 12)}…`
        : state.size !== size
          ? `server mencatat ukuran ${state.size} bita, berkas ini ${size} bita`
          : state.received > size
            ? `server mengaku menerima ${state.received} dari ${size} bita`
            : state.complete !== (state.received === size)
              ? 'jawaban menyebut berkas lengkap dan tidak lengkap sekaligus'
              : null,
    );

  let received = 0;
  if (!firstAttempt) {
    const asked = await link.http.send('GET', url, link.headers, undefined, readCaps.ack);
    if (!asked.ok) return link.failed(asked);
    if (asked.answer.status !== 404) {
      if (asked.answer.status < 200 || asked.answer.status >= 300) return classify(asked.answer, link.base);
      const state = stateOf(asked.answer);
      if (!state.ok) return state.outcome;
      if (state.value.complete) return { kind: 'delivered', status: 200 };
      received = state.value.received;
    }
  }
  let conflicts = 0;
  for (;;) {
    const piece = bytes.subarray(received, Math.min(size, received + attachmentLimits.chunkBytes));
    const sent = await link.http.send(
      'PATCH',
      url,
      {
        ...link.headers,
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': String(received),
        'Upload-Length': String(size),
      },
      piece,
      readCaps.ack,
    );
    if (!sent.ok) return link.failed(sent);
    const { status } = sent.answer;
    if (status === 409 && ++conflicts > maxConflicts)
      return {
        kind: 'retry',
        status,
        message: 'Posisi unggahan berkas berselisih dengan server',
        retryAfterMs: null,
      };
    if (status === 409) {
      // The server holds another offset (a piece that arrived although its answer did not): ask it.
      const again = await link.http.send('GET', url, link.headers, undefined, readCaps.ack);
      if (!again.ok) return link.failed(again);
      if (again.answer.status === 404) {
        received = 0;
        continue;
      }
      if (again.answer.status < 200 || again.answer.status >= 300) return classify(again.answer, link.base);
      const state = stateOf(again.answer);
      if (!state.ok) return state.outcome;
      if (state.value.complete) return { kind: 'delivered', status: 200 };
      received = state.value.received;
      continue;
    }
    if (status < 200 || status >= 300) return classify(sent.answer, link.base);
    const state = stateOf(sent.answer);
    if (!state.ok) return state.outcome;
    if (state.value.complete) return { kind: 'delivered', status };
    // A server that took nothing of a piece would keep the desk here forever.
    if (state.value.received <= received)
      return {
        kind: 'invalid',
        status,
        message: `Jawaban server tidak sesuai kontrak: potongan diterima tetapi posisi tetap ${state.value.received}`,
      };
    received = state.value.received;
  }
}
