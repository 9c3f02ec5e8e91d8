/**
 * The files taken in with a complaint on the intake form: each goes up to the desk as soon as it is
 * picked (the form stays usable meanwhile), and the save names the uploads. The list is kept in the
 * form's draft, so a reload brings it back while the desk still holds the uploads (a quarter of an
 * hour); one it no longer holds is named by the save's refusal, to be attached again.
 */
import { useCallback, useRef, useState } from 'react';
import type { IntakeFile } from '../../../../shared/contract/complaints';
import type { DeskError } from '../../../../shared/result';
import { uploadFile } from './upload';

export interface PickedFile {
  key: string;
  name: string;
  size: number;
  personal: boolean;
  /** Set once the whole file is on the desk. */
  uploadId: string | null;
  sent: number;
  error: DeskError | null;
}

/** The draft's key for the list (drafts hold flat values: the list is JSON). */
export const draftKey = '_attachments';

export function useIntakeFiles(fallbackName: string) {
  const [files, setFiles] = useState<PickedFile[]>([]);
  // The list itself lives here (an upload's end and the save read it between renders); the state
  // mirrors it for the screen.
  const list = useRef<PickedFile[]>([]);
  const commit = useCallback((next: PickedFile[]) => {
    list.current = next;
    setFiles(next);
  }, []);
  const running = useRef(new Map<string, Promise<unknown>>());

  const patch = useCallback(
    (key: string, change: Partial<PickedFile>) =>
      commit(list.current.map((f) => (f.key === key ? { ...f, ...change } : f))),
    [commit],
  );

  const add = useCallback(
    (picked: File[], personal: boolean) => {
      for (const file of picked) {
        const key = crypto.randomUUID();
        const name = file.name || fallbackName;
        commit([
          ...list.current,
          { key, name, size: file.size, personal, uploadId: null, sent: 0, error: null },
        ]);
        const work = uploadFile(file, (sent) => patch(key, { sent })).then((r) =>
          patch(key, r.ok ? { uploadId: r.value } : { error: r.error }),
        );
        running.current.set(key, work);
        void work.finally(() => running.current.delete(key));
      }
    },
    [fallbackName, commit, patch],
  );

  /** Brings back the draft's list; anything malformed is dropped. */
  const restore = useCallback(
    (text: unknown) => {
      if (typeof text !== 'string') return;
      try {
        const parsed = JSON.parse(text) as unknown;
        if (!Array.isArray(parsed)) return;
        commit(
          parsed
            .filter(
              (f): f is { name: string; size: number; personal: boolean; uploadId: string } =>
                typeof f === 'object' &&
                f !== null &&
                typeof (f as { name?: unknown }).name === 'string' &&
                typeof (f as { uploadId?: unknown }).uploadId === 'string',
            )
            .slice(0, 50)
            .map((f) => ({
              key: crypto.randomUUID(),
              name: f.name.slice(0, 200),
              size: Number(f.size) || 0,
              personal: f.personal === true,
              uploadId: f.uploadId,
              sent: Number(f.size) || 0,
              error: null,
            })),
        );
      } catch {
        // A draft from another version: no files.
      }
    },
    [commit],
  );

  return {
    files,
    add,
    remove: (key: string) => commit(list.current.filter((f) => f.key !== key)),
    clear: () => commit([]),
    /** The files for the save, once the uploads still running have ended (those that failed stay out). */
    async forSave(): Promise<IntakeFile[]> {
      await Promise.all([...running.current.values()]);
      return list.current
        .filter((f) => f.uploadId)
        .map((f) => ({ uploadId: f.uploadId!, name: f.name, personal: f.personal, keepLocation: false }));
    },
    /** The list as the draft keeps it (uploaded files only); '' for none. */
    forDraft: (shown: PickedFile[]) => {
      const kept = shown.filter((f) => f.uploadId);
      return kept.length
        ? JSON.stringify(
            kept.map(({ name, size, personal, uploadId }) => ({ name, size, personal, uploadId })),
          )
        : '';
    },
    restore,
  };
}
export type IntakeFilesState = ReturnType<typeof useIntakeFiles>;
