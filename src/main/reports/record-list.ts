/**
 * The record list of a report (one row per complaint received in the period), as exports write it:
 * names instead of codes, the title withheld when Rahasia, and personal data only when a supervisor
 * asked for it with a reason.
 */
import type Database from 'better-sqlite3';
import type { CoreContext } from '../platform/context';
import type { Reference } from '../reference';
import { scopeArgs, scopeFilter, type Scope } from './period-figures';

export interface ListedRecord {
  receiptNumber: string;
  receivedAt: Date;
  type: string;
  channel: string;
  category: string;
  subcategory: string;
  agency: string;
  kecamatan: string;
  desa: string;
  title: string;
  status: string;
  officer: string;
  verifyDue: Date;
  followUpDue: Date;
  answerDue: Date;
  anonymous: boolean;
  confidential: boolean;
  supervisory: boolean;
  personal?: { name: string; nik: string; phone: string; email: string; address: string };
}

interface Row {
  receiptNumber: string;
  receivedAt: string;
  type: string;
  channel: string;
  categoryId: number | null;
  subcategoryId: number | null;
  agencyCode: string;
  kecamatanCode: string | null;
  desaCode: string | null;
  title: string;
  status: string;
  officer: string;
  verifyDue: string;
  followUpDue: string;
  answerDue: string;
  anonymous: number;
  confidential: number;
  supervisory: number;
  complainantName: string | null;
  nikEnc: string | null;
  phoneEnc: string | null;
  emailEnc: string | null;
  addressEnc: string | null;
}

/** A day as a date cell: midnight UTC of that calendar day, so no zone shifts it. */
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function createRecordList(ctx: CoreContext, reference: Reference) {
  const { cipher } = ctx;
  const select = (scope: Scope) => `
    SELECT c.receipt_number AS receiptNumber, c.received_at AS receivedAt, c.type, c.channel,
      c.category_id AS categoryId, c.subcategory_id AS subcategoryId, c.agency_code AS agencyCode,
      c.kecamatan_code AS kecamatanCode, c.desa_code AS desaCode, c.title, c.status, a.display_name AS officer,
      c.verify_due AS verifyDue, c.follow_up_due AS followUpDue, c.answer_due AS answerDue,
      c.anonymous, c.confidential, c.supervisory, c.complainant_name AS complainantName,
      c.nik_enc AS nikEnc, c.phone_enc AS phoneEnc, c.email_enc AS emailEnc, c.address_enc AS addressEnc
    FROM complaints c JOIN accounts a ON a.id = c.officer_id
    WHERE c.received_day BETWEEN ? AND ? ${scopeFilter[scope.kind]}
    ORDER BY c.received_at, c.seq`;
  /** Names looked up once per export, not once per row. */
  const memo = <K, V>(look: (k: K) => V) => {
    const seen = new Map<K, V>();
    return (k: K) => {
      if (!seen.has(k)) seen.set(k, look(k));
      return seen.get(k)!;
    };
  };
  const open = (field: 'nik' | 'phone' | 'email' | 'address', v: string | null) =>
    v === null ? '' : cipher.decrypt(field, v);

  return {
    /** The records one by one, read through `reader` (an export of 100,000 rows never holds them all at once). */
    *records(
      reader: Database.Database,
      period: { from: string; to: string },
      scope: Scope,
      withPersonal: boolean,
    ): Generator<ListedRecord> {
      const categoryName = memo((id: number | null) =>
        id === null ? '' : (reference.category(id)?.name ?? String(id)),
      );
      const regionName = memo((code: string | null) => (code === null ? '' : (reference.region(code)?.name ?? code)));
      const channelName = memo((code: string) => reference.channel(code)?.name ?? code);
      const agencyName = memo((code: string) => reference.agency(code)?.name ?? code);
      for (const r of reader.prepare(select(scope)).iterate(...scopeArgs(period, scope)) as Iterable<Row>) {
        const record: ListedRecord = {
          receiptNumber: r.receiptNumber,
          receivedAt: new Date(r.receivedAt),
          type: r.type,
          channel: channelName(r.channel),
          category: categoryName(r.categoryId),
          subcategory: categoryName(r.subcategoryId),
          agency: agencyName(r.agencyCode),
          kecamatan: regionName(r.kecamatanCode),
          desa: regionName(r.desaCode),
          title: r.confidential ? '(Rahasia)' : r.title,
          status: r.status,
          officer: r.officer,
          verifyDue: dayDate(r.verifyDue),
          followUpDue: dayDate(r.followUpDue),
          answerDue: dayDate(r.answerDue),
          anonymous: Boolean(r.anonymous),
          confidential: Boolean(r.confidential),
          supervisory: Boolean(r.supervisory),
        };
        if (withPersonal && !r.anonymous) {
          record.personal = {
            name: r.complainantName ?? '',
            nik: open('nik', r.nikEnc),
            phone: open('phone', r.phoneEnc),
            email: open('email', r.emailEnc),
            address: open('address', r.addressEnc),
          };
        }
        yield record;
      }
    },
  };
}
export type RecordList = ReturnType<typeof createRecordList>;
