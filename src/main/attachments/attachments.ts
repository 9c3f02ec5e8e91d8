/**
 * Attachments: files in (chunks held in memory until the file is whole: nothing of it touches the
 * disk in clear), made safe (content.ts), kept encrypted and deduplicated, listed with their
 * thumbnails, opened, marked as personal, removed, and purged with the record's personal data.
 * Each addition and removal is a history event of its record, written in the same commit.
 */
import { v7 as uuidv7 } from 'uuid';
import { roleAtLeast, type Role } from '../../shared/domain/roles';
import { say } from '../../shared/i18n';
import type { AttachmentMime } from '../../shared/contract/attachments';
import type { IntakeFile } from '../../shared/contract/complaints';
import type { History } from '../complaints';
import { fileAwaitedSql, type Outbox } from '../forwarding';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import type { Settings } from '../../shared/contract/settings';
import { prepare } from './content';
import { takeIntake } from './intake';
import { createKeeper } from './keep';

/** Files staged at once, over every account: a bound on what uploads hold in memory. */
const maxStagedBytes = 96 * 1024 * 1024;
const stagedForMs = 15 * 60_000;

interface Staged {
  owner: string;
  total: number;
  chunks: Buffer[];
  received: number;
  until: number;
}

interface Row {
  id: string;
  complaint_id: string;
  sha256: string;
  mime: AttachmentMime;
  bytes: number;
  name_enc: string;
  personal: number;
  keeps_location: number;
  added_at: string;
  added_by: string;
  added_by_name: string | null;
  width: number | null;
  height: number | null;
  thumb_enc: Buffer | null;
}

const fieldFailure = (field: string, key: string, params?: Record<string, string | number>) => {
  const message = say(key, params);
  return new DeskFailure('VALIDATION', message, { [field]: message });
};
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function createAttachments(
  ctx: CoreContext,
  deps: { history: History; outbox: Outbox; audit: AuditTrail; settings: { get(): Settings } },
) {
  const { sqlite, cipher, clock } = ctx;
  const staged = new Map<string, Staged>();
  const keeper = createKeeper(ctx, deps);
  const select = `SELECT a.id, a.complaint_id, a.sha256, a.mime, a.bytes, a.name_enc, a.personal, a.keeps_location,
      a.added_at, a.added_by, acc.display_name AS added_by_name, c.width, c.height, c.thumb_enc
    FROM attachments a LEFT JOIN attachment_contents c ON c.sha256 = a.sha256
    LEFT JOIN accounts acc ON acc.id = a.added_by`;
  const live =
    sqlite.prepare(`${select} WHERE a.complaint_id = ? AND a.removed_at IS NULL AND a.purged_at IS NULL
    ORDER BY a.added_at, a.id`);
  const intake = sqlite.prepare(
    `${select} WHERE a.complaint_id = ? AND a.added_at = ? AND a.purged_at IS NULL ORDER BY a.rowid`,
  );
  const one = sqlite.prepare(`${select} WHERE a.id = ? AND a.removed_at IS NULL AND a.purged_at IS NULL`);
  const kept = sqlite.prepare(
    `SELECT count(*) AS n, coalesce(sum(bytes), 0) AS bytes FROM attachments
     WHERE complaint_id = ? AND removed_at IS NULL AND purged_at IS NULL`,
  );
  const complaintExists = sqlite.prepare('SELECT 1 FROM complaints WHERE id = ?').pluck();
  const content = sqlite.prepare('SELECT content_enc FROM attachment_contents WHERE sha256 = ?').pluck();
  const stillShown = sqlite
    .prepare(
      'SELECT 1 FROM attachments WHERE sha256 = ? AND removed_at IS NULL AND purged_at IS NULL LIMIT 1',
    )
    .pluck();
  const awaited = sqlite.prepare(`SELECT ${fileAwaitedSql('?')}`).pluck();
  const dropContent = sqlite.prepare('DELETE FROM attachment_contents WHERE sha256 = ?');
  const dropUnneeded = sqlite.prepare(
    `DELETE FROM attachment_contents WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 =
       attachment_contents.sha256 AND a.removed_at IS NULL AND a.purged_at IS NULL)
     AND NOT ${fileAwaitedSql('attachment_contents.sha256')}`,
  );

  function sweep() {
    const now = clock().getTime();
    for (const [id, s] of staged) if (s.until < now) staged.delete(id);
  }
  const stagedBytes = () => [...staged.values()].reduce((n, s) => n + s.total, 0);

  function view(r: Row, masked: boolean) {
    return {
      id: r.id,
      complaintId: r.complaint_id,
      name: masked ? '' : cipher.decrypt('attachmentName', r.name_enc),
      mime: r.mime,
      bytes: r.bytes,
      width: r.width,
      height: r.height,
      personal: Boolean(r.personal),
      keepsLocation: Boolean(r.keeps_location),
      addedAt: r.added_at,
      addedBy: r.added_by_name ?? r.added_by,
      thumbnail:
        masked || !r.thumb_enc
          ? null
          : `data:image/webp;base64,${cipher.decryptBytes(r.sha256, r.thumb_enc).toString('base64')}`,
      masked,
    };
  }

  function get(id: string): Row {
    const row = one.get(id) as Row | undefined;
    if (!row) throw new DeskFailure('NOT_FOUND', say('errors.attachmentNotFound'));
    return row;
  }

  /**
   * Forgets a content no attachment shows any more (inside the caller's transaction); a removed one is
   * kept while the central server still waits for it (a purge never keeps it: it is erased).
   */
  function dropIfUnshown(address: string, keepAwaited: boolean) {
    if (!stillShown.get(address) && !(keepAwaited && awaited.get(address))) dropContent.run(address);
  }

  return {
    /** One chunk in; how much of the file has arrived. */
    upload(owner: string, input: { uploadId: string; offset: number; total: number; chunk: string }) {
      sweep();
      const limit = deps.settings.get().attachmentMaxMegabytes * 1024 * 1024;
      if (input.total > limit)
        throw fieldFailure('file', 'errors.attachmentTooLarge', { megabytes: megabytes(limit) });
      let s = staged.get(input.uploadId);
      if (s && s.owner !== owner) throw new DeskFailure('NOT_FOUND', say('errors.attachmentNotFound'));
      if (!s) {
        if (stagedBytes() + input.total > maxStagedBytes) throw fieldFailure('file', 'errors.attachmentBusy');
        s = { owner, total: input.total, chunks: [], received: 0, until: 0 };
        staged.set(input.uploadId, s);
      }
      if (input.total !== s.total) throw fieldFailure('total', 'errors.attachmentChanged');
      s.until = clock().getTime() + stagedForMs;
      const bytes = Buffer.from(input.chunk, 'base64');
      // A chunk sent again after a lost answer: already here.
      if (input.offset + bytes.length <= s.received) return { received: s.received };
      if (input.offset !== s.received)
        throw fieldFailure('offset', 'errors.attachmentOffset', { received: s.received });
      if (s.received + bytes.length > s.total) throw fieldFailure('chunk', 'errors.attachmentChanged');
      s.chunks.push(bytes);
      s.received += bytes.length;
      return { received: s.received };
    },

    /** The files taken in with a new complaint, made safe, for its saving transaction (intake.ts). */
    forIntake: (actorId: string, items: IntakeFile[]) => {
      sweep();
      return takeIntake({ staged, keeper, settings: deps.settings }, actorId, items);
    },

    /**
     * The files a complaint's central record names: those taken in with it (kept when it was received),
     * unless erased since. For a record built again (a parked complaint sent again).
     */
    intakeRefs(complaintId: string, receivedAt: string) {
      return (intake.all(complaintId, receivedAt) as Row[]).map((r) => ({
        sha256: r.sha256,
        name: cipher.decrypt('attachmentName', r.name_enc),
        size: r.bytes,
        mediaType: r.mime,
        personal: Boolean(r.personal),
      }));
    },

    /** The whole file, made safe and kept on the record. */
    async add(
      actorId: string,
      input: {
        uploadId: string;
        complaintId: string;
        name: string;
        personal: boolean;
        keepLocation: boolean;
      },
    ) {
      sweep();
      const s = staged.get(input.uploadId);
      if (!s || s.owner !== actorId) throw fieldFailure('uploadId', 'errors.attachmentNotUploaded');
      if (s.received !== s.total) throw fieldFailure('uploadId', 'errors.attachmentIncomplete');
      if (!complaintExists.get(input.complaintId))
        throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
      // Used once, kept or refused: a refused file is not held in memory for its quarter of an hour.
      staged.delete(input.uploadId);
      const prepared = await prepare(Buffer.concat(s.chunks), { keepLocation: input.keepLocation });
      let id = '';
      sqlite.transaction(() => {
        const { attachmentsPerComplaint, attachmentsTotalMegabytes } = deps.settings.get();
        const { n, bytes } = kept.get(input.complaintId) as { n: number; bytes: number };
        if (n + 1 > attachmentsPerComplaint)
          throw fieldFailure('file', 'errors.attachmentCount', { count: attachmentsPerComplaint });
        if (bytes + prepared.content.length > attachmentsTotalMegabytes * 1024 * 1024)
          throw fieldFailure('file', 'errors.attachmentTotal', { megabytes: attachmentsTotalMegabytes });
        const target = { ...input, actorId, at: clock().toISOString() };
        // The file goes to the central server before the event that names it (one lane per record).
        id = keeper.keep(prepared, target);
        keeper.noted(prepared, target, id);
      })();
      deps.history.committed();
      return view(get(id), input.personal);
    },

    list(complaintId: string) {
      return { attachments: (live.all(complaintId) as Row[]).map((r) => view(r, Boolean(r.personal))) };
    },

    /** Forgets the contents of removed files the central server has received since (the close of a day). */
    sweep: () => dropUnneeded.run().changes,

    /** A kept file's bytes in the clear (forwarding sends them); null when no longer kept. */
    contentOf(sha256: string): Buffer | null {
      const sealed = content.get(sha256) as Buffer | undefined;
      return sealed ? cipher.decryptBytes(sha256, sealed) : null;
    },

    /** How many files a record holds (the receipt says so). */
    count(complaintId: string): number {
      return (kept.get(complaintId) as { n: number }).n;
    },

    open(actor: { id: string; role: Role }, id: string, reason: string | undefined) {
      const row = get(id);
      if (row.personal) {
        if (!roleAtLeast(actor.role, 'supervisor'))
          throw new DeskFailure('FORBIDDEN', say('errors.attachmentPersonal'));
        if (!reason) throw fieldFailure('reason', 'errors.attachmentReason');
        deps.audit.record(actor.id, 'attachments.openPersonal', id, {
          complaintId: row.complaint_id,
          reason,
        });
      }
      const sealed = content.get(row.sha256) as Buffer | undefined;
      if (!sealed) throw new DeskFailure('NOT_FOUND', say('errors.attachmentNotFound'));
      return {
        name: cipher.decrypt('attachmentName', row.name_enc),
        mime: row.mime,
        dataUrl: `data:${row.mime};base64,${cipher.decryptBytes(row.sha256, sealed).toString('base64')}`,
      };
    },

    mark(actorId: string, id: string, personal: boolean) {
      const row = get(id);
      sqlite.prepare('UPDATE attachments SET personal = ? WHERE id = ?').run(personal ? 1 : 0, id);
      deps.audit.record(actorId, 'attachments.mark', id, { complaintId: row.complaint_id, personal });
      return view(get(id), personal);
    },

    remove(actorId: string, id: string, reason: string) {
      const row = get(id);
      sqlite.transaction(() => {
        const at = clock().toISOString();
        sqlite
          .prepare('UPDATE attachments SET removed_at = ?, removed_by = ? WHERE id = ?')
          .run(at, actorId, id);
        dropIfUnshown(row.sha256, true);
        deps.history.append({
          id: uuidv7(),
          complaintId: row.complaint_id,
          kind: 'LAMPIRAN_DIHAPUS',
          at,
          actorId,
          reason,
          data: { attachmentId: id, sha256: row.sha256 },
        });
      })();
      deps.history.committed();
      return { removed: true };
    },

    /**
     * With a record's personal data (retention, or the person's request): its attachments' contents
     * and names go; the rows stay, marked, so the history still reads. Inside the caller's transaction.
     */
    purge(complaintIds: string[]): number {
      let purged = 0;
      const at = clock().toISOString();
      const rows = sqlite.prepare(
        'SELECT id, sha256 FROM attachments WHERE complaint_id = ? AND purged_at IS NULL AND removed_at IS NULL',
      );
      const mark = sqlite.prepare("UPDATE attachments SET purged_at = ?, name_enc = '' WHERE id = ?");
      for (const complaintId of complaintIds)
        for (const r of rows.all(complaintId) as Array<{ id: string; sha256: string }>) {
          mark.run(at, r.id);
          deps.outbox.skipFile(complaintId, r.id);
          dropIfUnshown(r.sha256, false);
          purged++;
        }
      return purged;
    },
  };
}
export type Attachments = ReturnType<typeof createAttachments>;
