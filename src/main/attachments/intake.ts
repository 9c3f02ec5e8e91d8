/**
 * The files taken in with a new complaint at the counter (complaints.create with `attachments`): each
 * uploaded first like any file, then made safe before the complaint's transaction (sharp is
 * asynchronous; a transaction is not), and kept inside it: the files' uploads go into the record's
 * lane before the complaint, whose central record names them. Their uploads stay staged until the
 * complaint is saved, so a refused save (a missing title, say) can be sent again as it is.
 */
import type { IntakeFile } from '../../shared/contract/complaints';
import type { Settings } from '../../shared/contract/settings';
import { say, type Message } from '../../shared/i18n';
import { DeskFailure } from '../platform/failure';
import { prepare, type Prepared } from './content';
import type { Keeper } from './keep';

export interface StagedFile {
  owner: string;
  total: number;
  chunks: Buffer[];
  received: number;
}

/** A file of the complaint as its central record names it. */
export interface CentralFileRef {
  sha256: string;
  name: string;
  size: number;
  mediaType: Prepared['mime'];
  personal: boolean;
}

/** A refusal on the form's attachments, naming the file when one is at fault. */
const refusal = (reason: Message, file?: string) => {
  const message = file ? say('errors.attachmentOf', { file, reason }) : reason;
  return new DeskFailure('VALIDATION', message, { attachments: message });
};

export async function takeIntake(
  deps: { staged: Map<string, StagedFile>; keeper: Keeper; settings: { get(): Settings } },
  actorId: string,
  items: IntakeFile[],
) {
  const { attachmentsPerComplaint, attachmentsTotalMegabytes } = deps.settings.get();
  if (items.length > attachmentsPerComplaint)
    throw refusal(say('errors.attachmentCount', { count: attachmentsPerComplaint }));
  if (new Set(items.map((i) => i.uploadId)).size !== items.length)
    throw refusal(say('errors.attachmentNotUploaded'));
  const files: Array<{ item: IntakeFile; prepared: Prepared }> = [];
  for (const item of items) {
    const s = deps.staged.get(item.uploadId);
    if (!s || s.owner !== actorId) throw refusal(say('errors.attachmentNotUploaded'), item.name);
    if (s.received !== s.total) throw refusal(say('errors.attachmentIncomplete'), item.name);
    try {
      files.push({
        item,
        prepared: await prepare(Buffer.concat(s.chunks), { keepLocation: item.keepLocation }),
      });
    } catch (error) {
      // The refusal names the file among the several taken in.
      throw error instanceof DeskFailure ? refusal(error.text, item.name) : error;
    }
  }
  const total = files.reduce((n, f) => n + f.prepared.content.length, 0);
  if (total > attachmentsTotalMegabytes * 1024 * 1024)
    throw refusal(say('errors.attachmentTotal', { megabytes: attachmentsTotalMegabytes }));
  const ids: string[] = [];
  const target = (complaintId: string, at: string, item: IntakeFile) => ({
    ...item,
    complaintId,
    actorId,
    at,
  });

  return {
    /** Inside the complaint's transaction, before its record is queued: the files, and what it names. */
    keep(complaintId: string, at: string): CentralFileRef[] {
      ids.length = 0;
      return files.map(({ item, prepared }) => {
        ids.push(deps.keeper.keep(prepared, target(complaintId, at, item)));
        return {
          sha256: prepared.sha256,
          name: item.name,
          size: prepared.content.length,
          mediaType: prepared.mime,
          personal: item.personal,
        };
      });
    },
    /** Inside the transaction, after the complaint's first event: each file's LAMPIRAN in its history. */
    noted(complaintId: string, at: string) {
      files.forEach(({ item, prepared }, i) =>
        deps.keeper.noted(prepared, target(complaintId, at, item), ids[i]!, true),
      );
    },
    /** After the commit: the uploads are used. */
    done() {
      for (const { item } of files) deps.staged.delete(item.uploadId);
    },
  };
}
export type IntakeFiles = Awaited<ReturnType<typeof takeIntake>>;
