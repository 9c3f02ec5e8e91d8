/**
 * The personal data the complaints feature holds about a person, for the privacy feature: which
 * complaints are theirs (through the blind indexes), everything held about them in the clear for
 * the person's own copy, and removing it: the sealed fields, their blind indexes, the name in the
 * row and in the search index. The bytes do not linger: the database runs with secure_delete, the
 * search index with FTS5 secure-delete, and the caller truncates the WAL afterwards.
 */
import { normalizeNik } from '../../shared/domain/nik';
import { normalizePhone } from '../../shared/domain/phone';
import type { CoreContext } from '../platform/context';
import { openPersonal } from './stored-fields';

export interface HeldRecord {
  id: string;
  receiptNumber: string;
  receivedAt: string;
  status: string;
  title: string;
  body: string;
  agencyCode: string;
  complainantName: string | null;
  nik: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  purgedAt: string | null;
  events: Array<{
    at: string;
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    reason: string | null;
  }>;
}

export function createPersonalData(ctx: CoreContext) {
  const { sqlite, cipher, clock } = ctx;
  const byNik = sqlite.prepare('SELECT id FROM complaints WHERE nik_bidx = ? ORDER BY received_at').pluck();
  const byPhone = sqlite
    .prepare('SELECT id FROM complaints WHERE phone_bidx = ? ORDER BY received_at')
    .pluck();
  const row = sqlite.prepare(
    `SELECT id, receipt_number AS receiptNumber, received_at AS receivedAt, status, title, body, agency_code AS agencyCode,
       complainant_name AS complainantName, nik_enc AS nikEnc, phone_enc AS phoneEnc, email_enc AS emailEnc,
       address_enc AS addressEnc, personal_purged_at AS purgedAt, seq
     FROM complaints WHERE id = ?`,
  );
  const events = sqlite.prepare(
    `SELECT at, kind, from_status AS fromStatus, to_status AS toStatus, reason FROM complaint_events
     WHERE complaint_id = ? ORDER BY at, chain_seq`,
  );
  const clear = sqlite.prepare(
    `UPDATE complaints SET complainant_name = NULL, nik_enc = NULL, nik_bidx = NULL, phone_enc = NULL,
       phone_bidx = NULL, email_enc = NULL, address_enc = NULL, personal_purged_at = ?, updated_at = ?
     WHERE id = ? AND personal_purged_at IS NULL`,
  );
  const clearName = sqlite.prepare("UPDATE complaint_fts SET name = '' WHERE rowid = ?");
  // FTS5 takes its configuration as literals, not bound parameters.
  const secureDeleteOn = sqlite.prepare(
    "INSERT INTO complaint_fts (complaint_fts, rank) VALUES ('secure-delete', 1)",
  );
  const secureDeleteOff = sqlite.prepare(
    "INSERT INTO complaint_fts (complaint_fts, rank) VALUES ('secure-delete', 0)",
  );

  return {
    /** The person's complaints, by NIK or phone (either or both), oldest first. */
    idsOf(person: { nik?: string | undefined; phone?: string | undefined }): string[] {
      const ids = new Set<string>();
      const nik = person.nik ? normalizeNik(person.nik) : null;
      const phone = person.phone ? normalizePhone(person.phone) : null;
      if (nik) for (const id of byNik.all(cipher.blindIndex('nik', nik)) as string[]) ids.add(id);
      if (phone) for (const id of byPhone.all(cipher.blindIndex('phone', phone)) as string[]) ids.add(id);
      return [...ids];
    },

    /** Everything the desk holds of these complaints, personal fields in the clear (for the person). */
    held(ids: string[]): HeldRecord[] {
      return ids.flatMap((id) => {
        const r = row.get(id) as
          | (Omit<HeldRecord, 'nik' | 'phone' | 'email' | 'address' | 'events'> & {
              nikEnc: string | null;
              phoneEnc: string | null;
              emailEnc: string | null;
              addressEnc: string | null;
            })
          | undefined;
        if (!r) return [];
        return [
          {
            id: r.id,
            receiptNumber: r.receiptNumber,
            receivedAt: r.receivedAt,
            status: r.status,
            title: r.title,
            body: r.body,
            agencyCode: r.agencyCode,
            complainantName: r.complainantName,
            ...openPersonal(cipher, r),
            purgedAt: r.purgedAt,
            events: events.all(id) as HeldRecord['events'],
          },
        ];
      });
    },

    /** Removes the personal fields of these complaints; call inside a transaction. Returns how many. */
    purge(ids: string[]): number {
      const at = clock().toISOString();
      let n = 0;
      secureDeleteOn.run();
      for (const id of ids) {
        const r = row.get(id) as { seq: number | null } | undefined;
        if (!r) continue;
        if (clear.run(at, at, id).changes === 0) continue;
        if (r.seq !== null) clearName.run(r.seq);
        n++;
      }
      secureDeleteOff.run();
      return n;
    },
  };
}
export type PersonalData = ReturnType<typeof createPersonalData>;
