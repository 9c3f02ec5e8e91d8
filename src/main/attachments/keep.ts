/**
 * Keeping a file that was made safe (content.ts) on a record, inside the caller's transaction: its
 * content once per SHA-256 (encrypted, with its thumbnail), the attachment row (its name encrypted),
 * its upload queued in the record's lane to the central server, and the LAMPIRAN history event.
 * Used by a file added to a saved record and by the files taken in with a new complaint.
 */
import { v7 as uuidv7 } from 'uuid';
import type { History } from '../complaints';
import type { Outbox } from '../forwarding';
import type { CoreContext } from '../platform/context';
import { preparedInsert } from '../platform/prepared-insert';
import type { Prepared } from './content';
import { attachmentContents, attachments } from './schema';

export interface KeepTarget {
  complaintId: string;
  name: string;
  personal: boolean;
  keepLocation: boolean;
  actorId: string;
  at: string;
}

export function createKeeper(ctx: CoreContext, deps: { history: History; outbox: Outbox }) {
  const { sqlite, cipher } = ctx;
  const insertContent = preparedInsert(sqlite, attachmentContents);
  const insertAttachment = preparedInsert(sqlite, attachments);
  const hasContent = sqlite.prepare('SELECT 1 FROM attachment_contents WHERE sha256 = ?').pluck();

  return {
    /** Keeps the file; its upload goes before anything queued after it in the record's lane. Its id. */
    keep(prepared: Prepared, t: KeepTarget): string {
      const id = uuidv7();
      if (!hasContent.get(prepared.sha256))
        insertContent({
          sha256: prepared.sha256,
          mime: prepared.mime,
          bytes: prepared.content.length,
          width: prepared.width,
          height: prepared.height,
          contentEnc: cipher.encryptBytes(prepared.sha256, prepared.content),
          thumbEnc: prepared.thumb && cipher.encryptBytes(prepared.sha256, prepared.thumb),
          createdAt: t.at,
        });
      insertAttachment({
        id,
        complaintId: t.complaintId,
        sha256: prepared.sha256,
        mime: prepared.mime,
        bytes: prepared.content.length,
        nameEnc: cipher.encrypt('attachmentName', t.name),
        personal: t.personal,
        keepsLocation: t.keepLocation,
        addedAt: t.at,
        addedBy: t.actorId,
        removedAt: null,
        removedBy: null,
        purgedAt: null,
      });
      deps.outbox.enqueue(
        t.complaintId,
        'attachment',
        id,
        JSON.stringify({ sha256: prepared.sha256 }),
        false,
      );
      return id;
    },

    /**
     * The LAMPIRAN event of a kept file. `intake`: taken in with the complaint, whose record names it;
     * the event stays on the desk (it follows the record's first event).
     */
    noted(prepared: Prepared, t: KeepTarget, attachmentId: string, intake = false) {
      deps.history.append({
        id: uuidv7(),
        complaintId: t.complaintId,
        kind: 'LAMPIRAN',
        at: t.at,
        actorId: t.actorId,
        data: {
          attachmentId,
          sha256: prepared.sha256,
          mime: prepared.mime,
          bytes: prepared.content.length,
          personal: t.personal,
          ...(intake ? { intake: true } : {}),
        },
      });
    },
  };
}
export type Keeper = ReturnType<typeof createKeeper>;
