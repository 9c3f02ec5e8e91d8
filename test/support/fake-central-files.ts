/**
 * The central server's file store as docs/central-api.openapi.json describes it (GET and PATCH
 * /v1/attachments/{sha256}): pieces appended at the offset the server holds, the whole checked against
 * its SHA-256, a complete file answering every later PATCH without storing again. FakeCentral routes
 * here after its faults; what it stores is kept for tests to compare with the desk's files.
 */
import { createHash } from 'node:crypto';
import { attachmentLimits } from '../../src/main/forwarding/central-files';

export interface FileAnswer {
  status: number;
  /** The AttachmentUpload state, or an Error's code and message. */
  body:
    { sha256: string; size: number; received: number; complete: boolean } | { code: string; message: string };
  /** Whether a piece was stored by this request (the post-commit faults apply only then). */
  stored: boolean;
}

export class FakeCentralFiles {
  /** Complete files by SHA-256. */
  files = new Map<string, Buffer>();
  /** How often each file was completed (more than once would be a file stored twice). */
  completions = new Map<string, number>();
  /** Bytes of pieces stored, over every file (a file sent twice shows here). */
  bytesStored = 0;
  /** PATCH requests answered, stored or not. */
  patches = 0;
  private uploads = new Map<string, { size: number; parts: Buffer[]; received: number }>();

  state(sha256: string) {
    const done = this.files.get(sha256);
    if (done) return { sha256, size: done.length, received: done.length, complete: true };
    const u = this.uploads.get(sha256);
    return u ? { sha256, size: u.size, received: u.received, complete: false } : null;
  }

  get(sha256: string): FileAnswer {
    const state = this.state(sha256);
    return state
      ? { status: 200, body: state, stored: false }
      : { status: 404, body: { code: 'NOT_FOUND', message: 'berkas belum ada' }, stored: false };
  }

  /** One piece; `keep` stores only its first bytes (a proxy that cut the body short). */
  patch(
    sha256: string,
    headers: Record<string, string | string[] | undefined>,
    piece: Buffer,
    keep = piece.length,
  ): FileAnswer {
    this.patches++;
    const refuse = (status: number, code: string, message: string): FileAnswer => ({
      status,
      body: { code, message },
      stored: false,
    });
    if (!/^application\/offset\+octet-stream\s*(;|$)/.test(String(headers['content-type'] ?? '')))
      return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type harus application/offset+octet-stream');
    const offsetText = String(headers['upload-offset'] ?? '');
    const lengthText = String(headers['upload-length'] ?? '');
    if (!/^\d{1,9}$/.test(offsetText) || !/^\d{1,9}$/.test(lengthText))
      return refuse(400, 'BAD_REQUEST', 'Upload-Offset dan Upload-Length harus bilangan');
    const offset = Number(offsetText);
    const size = Number(lengthText);
    if (size < 1 || size > attachmentLimits.maxBytes)
      return refuse(413, 'PAYLOAD_TOO_LARGE', 'berkas terlalu besar');
    if (piece.length > attachmentLimits.chunkBytes)
      return refuse(413, 'PAYLOAD_TOO_LARGE', 'potongan lebih dari 1 MiB');
    const done = this.state(sha256);
    if (done?.complete) return { status: 200, body: done, stored: false };
    let u = this.uploads.get(sha256);
    if (u && u.size !== size)
      return refuse(422, 'INVALID', 'Upload-Length berbeda dengan unggahan sebelumnya');
    if (offset !== (u?.received ?? 0)) return refuse(409, 'CONFLICT', `posisi server ${u?.received ?? 0}`);
    if (offset + piece.length > size) return refuse(422, 'INVALID', 'potongan melewati Upload-Length');
    if (piece.length === 0) return refuse(400, 'BAD_REQUEST', 'potongan kosong');
    if (!u) this.uploads.set(sha256, (u = { size, parts: [], received: 0 }));
    const kept = piece.subarray(0, keep);
    u.parts.push(Buffer.from(kept));
    u.received += kept.length;
    this.bytesStored += kept.length;
    if (u.received === size) {
      const whole = Buffer.concat(u.parts);
      this.uploads.delete(sha256);
      if (createHash('sha256').update(whole).digest('hex') !== sha256)
        return refuse(422, 'INVALID', 'SHA-256 berkas tidak sama dengan path');
      this.files.set(sha256, whole);
      this.completions.set(sha256, (this.completions.get(sha256) ?? 0) + 1);
    }
    return { status: 200, body: this.state(sha256)!, stored: true };
  }
}
