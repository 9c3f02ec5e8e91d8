/** A file sent to the desk as the renderer sends it: 1 MiB chunks of base64 (attachments.upload). */
import { randomUUID } from 'node:crypto';
import type { Api } from '../../src/main/api';
import { uploadChunkBytes } from '../../src/shared/contract/attachments';

/** Sends `bytes` as `caller`; the upload's id, for attachments.add or complaints.create. */
export async function uploadBytes(api: Api, bytes: Buffer, caller = 'admin'): Promise<string> {
  const uploadId = randomUUID();
  for (let offset = 0; offset < bytes.length; offset += uploadChunkBytes) {
    const r = await api.dispatch(
      'attachments.upload',
      {
        uploadId,
        offset,
        total: bytes.length,
        chunk: bytes.subarray(offset, offset + uploadChunkBytes).toString('base64'),
      },
      caller,
    );
    if (!r.ok) throw new Error(`attachments.upload: ${JSON.stringify(r.error)}`);
  }
  return uploadId;
}
