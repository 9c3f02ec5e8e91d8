/** The hidden file input behind "Lampirkan berkas…": the desk's file types, several at once. */
import type { RefObject } from 'react';
import { attachmentMimes } from '../../../../shared/contract/attachments';

export function FilePicker({
  input,
  onFiles,
}: {
  input: RefObject<HTMLInputElement | null>;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      ref={input}
      type="file"
      multiple
      hidden
      accept={attachmentMimes.join(',')}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        // Cleared, so the same file can be picked again after a refusal.
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
}
