/**
 * A file to the desk in chunks of at most 1 MiB (base64 in the API's JSON), each resent once when its
 * answer is lost; a chunk the desk already has is skipped by its answer (it says how much arrived).
 */
import { uploadChunkBytes } from '../../../../shared/contract/attachments';
import type { Result } from '../../../../shared/result';
import { api } from '../../api/client';

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Sends `file`; resolves with the upload's id, or the desk's refusal. */
export async function uploadFile(
  file: Blob,
  progress: (sent: number, total: number) => void,
): Promise<Result<string>> {
  const uploadId = crypto.randomUUID();
  let offset = 0;
  while (offset < file.size) {
    const chunk = base64(new Uint8Array(await file.slice(offset, offset + uploadChunkBytes).arrayBuffer()));
    const input = { uploadId, offset, total: file.size, chunk };
    let r = await api['attachments.upload'](input);
    if (!r.ok && r.error.code === 'INTERNAL') r = await api['attachments.upload'](input);
    if (!r.ok) return r;
    offset = r.value.received;
    progress(offset, file.size);
  }
  return { ok: true, value: uploadId };
}
