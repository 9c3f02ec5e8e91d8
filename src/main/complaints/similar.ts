/**
 * Duplicate hints for the intake form: open complaints with the same phone or NIK, and recent open
 * complaints at the same agency whose title shares most of its words. A hint, never a block.
 */
import { addCalendarDays, wibDate } from '../../shared/calendar/working-days';
import { normalizeNik } from '../../shared/domain/nik';
import { normalizePhone } from '../../shared/domain/phone';
import { searchTokens } from '../../shared/domain/search';
import type { ComplaintStatus } from '../../shared/domain/complaint';
import type { CoreContext } from '../platform/context';

const openClause = "c.status NOT IN ('SELESAI', 'DIARSIPKAN')";
const columns =
  'c.id, c.receipt_number AS receiptNumber, c.title, c.status, c.received_at AS receivedAt, c.agency_code AS agencyCode';

/** Words too common in complaints to say two titles are about the same thing. */
const stopWords = new Set([
  'di',
  'ke',
  'dan',
  'yang',
  'tidak',
  'dari',
  'untuk',
  'dengan',
  'pada',
  'ada',
  'sudah',
  'belum',
  'desa',
  'kecamatan',
]);

export function titleSimilarity(a: string, b: string): number {
  const wa = new Set(searchTokens(a).filter((t) => !stopWords.has(t)));
  const wb = new Set(searchTokens(b).filter((t) => !stopWords.has(t)));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

export function createSimilar({ sqlite, cipher, clock }: CoreContext) {
  const byPhone = sqlite.prepare(
    `SELECT ${columns} FROM complaints c WHERE c.phone_bidx = ? AND ${openClause} ORDER BY c.received_at DESC LIMIT 5`,
  );
  const byNik = sqlite.prepare(
    `SELECT ${columns} FROM complaints c WHERE c.nik_bidx = ? AND ${openClause} ORDER BY c.received_at DESC LIMIT 5`,
  );
  const byTitle = sqlite.prepare(
    `SELECT ${columns} FROM complaint_fts f JOIN complaints c ON c.seq = f.rowid
     WHERE complaint_fts MATCH ? AND c.agency_code = ? AND c.received_day >= ? AND ${openClause}
     ORDER BY f.rowid DESC LIMIT 50`,
  );

  type Hit = {
    id: string;
    receiptNumber: string;
    title: string;
    status: ComplaintStatus;
    receivedAt: string;
    agencyCode: string;
  };

  // Everything one person has complained about, open or closed, newest first: for "where is my
  // complaint?" while the officer takes the next one. By the blind indexes of phone and NIK.
  const earlierColumns = `${columns}, c.current_due AS currentDue`;
  // One statement per case, each a plain indexed lookup (an OR of both indexes when both are known).
  const earlierBy = (where: string) =>
    sqlite.prepare(
      `SELECT ${earlierColumns} FROM complaints c WHERE (${where}) AND c.id IS NOT ?
       ORDER BY c.received_at DESC, c.seq DESC LIMIT ?`,
    );
  const earlierByPhone = earlierBy('c.phone_bidx = ?');
  const earlierByNik = earlierBy('c.nik_bidx = ?');
  const earlierByBoth = earlierBy('c.phone_bidx = ? OR c.nik_bidx = ?');
  const contactOf = sqlite.prepare(
    'SELECT phone_bidx AS phone, nik_bidx AS nik FROM complaints WHERE id = ?',
  );
  const earlierLimit = 50;

  return {
    /** A person's complaints, by typed phone and/or NIK, or by those of a recorded complaint (itself left out). */
    earlier(q: { id?: string | undefined; phone?: string | undefined; nik?: string | undefined }) {
      let phoneKey: string | null = null;
      let nikKey: string | null = null;
      if (q.id) {
        const row = contactOf.get(q.id) as { phone: string | null; nik: string | null } | undefined;
        phoneKey = row?.phone ?? null;
        nikKey = row?.nik ?? null;
      } else {
        const phone = q.phone ? normalizePhone(q.phone) : null;
        const nik = q.nik ? normalizeNik(q.nik) : null;
        if (phone) phoneKey = cipher.blindIndex('phone', phone);
        if (nik && /^\d{16}$/.test(nik)) nikKey = cipher.blindIndex('nik', nik);
      }
      if (!phoneKey && !nikKey) return { rows: [], more: false };
      const [statement, keys] =
        phoneKey && nikKey
          ? [earlierByBoth, [phoneKey, nikKey]]
          : phoneKey
            ? [earlierByPhone, [phoneKey]]
            : [earlierByNik, [nikKey]];
      const rows = statement.all(...keys, q.id ?? null, earlierLimit + 1) as Array<
        Hit & { currentDue: string | null }
      >;
      return { rows: rows.slice(0, earlierLimit), more: rows.length > earlierLimit };
    },

    find(q: {
      phone?: string | undefined;
      nik?: string | undefined;
      title?: string | undefined;
      agencyCode?: string | undefined;
      excludeId?: string | undefined;
    }) {
      const out: Array<Hit & { match: 'phone' | 'nik' | 'title' }> = [];
      const seen = new Set<string>(q.excludeId ? [q.excludeId] : []);
      const add = (hits: Hit[], match: 'phone' | 'nik' | 'title') => {
        for (const h of hits) {
          if (seen.has(h.id)) continue;
          seen.add(h.id);
          out.push({ ...h, match });
        }
      };
      const phone = q.phone ? normalizePhone(q.phone) : null;
      if (phone) add(byPhone.all(cipher.blindIndex('phone', phone)) as Hit[], 'phone');
      const nik = q.nik ? normalizeNik(q.nik) : null;
      if (nik && /^\d{16}$/.test(nik)) add(byNik.all(cipher.blindIndex('nik', nik)) as Hit[], 'nik');
      const words = q.title ? searchTokens(q.title).filter((t) => t.length >= 3 && !stopWords.has(t)) : [];
      if (q.agencyCode && words.length >= 2) {
        const since = addCalendarDays(wibDate(clock()), -60);
        const query = `title : (${words.map((w) => `"${w}"*`).join(' OR ')})`;
        const candidates = (byTitle.all(query, q.agencyCode, since) as Hit[])
          .map((h) => ({ h, score: titleSimilarity(q.title!, h.title) }))
          .filter((x) => x.score >= 0.5)
          .sort((a, b) => b.score - a.score)
          .slice(0, 3)
          .map((x) => x.h);
        add(candidates, 'title');
      }
      return out.slice(0, 8);
    },
  };
}
export type Similar = ReturnType<typeof createSimilar>;
