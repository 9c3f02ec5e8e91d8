/**
 * What a tracking receipt says, independent of paper and printer: built once from the complaint,
 * then laid out as ESC/POS (escpos.ts) or HTML for system printers and PDF (html.ts).
 */
import { longDay, wibDateTimeText } from '../platform/documents';
import { maskNik } from '../../shared/domain/nik';
import type { ComplaintType } from '../../shared/domain/complaint';
import { callLanguage, msg, type Language } from '../../shared/i18n';

export interface ReceiptSource {
  siteName: string;
  deskCode: string;
  receiptNumber: string;
  type: ComplaintType;
  receivedAt: string;
  channelName: string;
  categoryName: string | null;
  agencyName: string;
  title: string;
  anonymous: boolean;
  confidential: boolean;
  complainantName: string | null;
  /** The full NIK as decrypted; only its mask ever reaches the model. */
  nik: string | null;
  verifyBy: string;
  followUpBy: string;
  answerBy: string;
  officerName: string;
  /** Files attached to the record when printed. */
  attachments: number;
  laporTrackingId: string | null;
  followUpContact: string | null;
  statusUrl: string | null;
  footerText: string | null;
  /** What to do when a deadline passes (settings). */
  escalationText: string | null;
  /** Set on a reprint: the moment of this copy. */
  copyAt: string | null;
}

export interface ReceiptModel {
  /** The language it is printed in: the one the officer who prints works in. */
  lang: Language;
  /** The fixed words of the paper, in that language. */
  labels: { desk: string; number: string; title: string; next: string; officer: string; qrAlt: string };
  siteName: string;
  deskCode: string;
  heading: string;
  receiptNumber: string;
  /** PBL01 - 20261128 - 0042 - 7: easy to read aloud */
  spokenNumber: string;
  receivedAt: string;
  rows: Array<[string, string]>;
  title: string | null;
  identity: Array<[string, string]>;
  nextSteps: string[];
  followUp: string[];
  qrContent: string;
  officer: string;
  free: string;
  footer: string | null;
  copy: string | null;
}

export const wibDateTime = (iso: string) => `${wibDateTimeText(iso)} WIB`;

export function buildReceiptModel(s: ReceiptSource): ReceiptModel {
  const line = (key: string, params?: Record<string, string>) => msg(`print.receipt.${key}`, params);
  const qrContent = s.statusUrl
    ? `${s.statusUrl}${s.statusUrl.includes('?') ? '&' : '?'}nomor=${encodeURIComponent(s.receiptNumber)}`
    : s.receiptNumber;
  const identity: Array<[string, string]> = [];
  if (!s.anonymous) {
    if (s.complainantName) identity.push([line('name'), s.complainantName]);
    if (s.nik) identity.push(['NIK', maskNik(s.nik)]);
  }
  const followUp: string[] = [];
  // Always someone to ask: the contact from settings, or else this desk itself.
  followUp.push(
    line('askStatus', {
      contact: s.followUpContact ?? line('thisDesk', { site: s.siteName, desk: s.deskCode }),
    }),
  );
  if (s.statusUrl) followUp.push(line('checkStatus', { url: s.statusUrl }));
  if (s.laporTrackingId) followUp.push(line('laporId', { id: s.laporTrackingId }));
  followUp.push(line('quoteNumber'));
  return {
    lang: callLanguage(),
    labels: {
      desk: line('desk', { desk: s.deskCode }),
      number: line('number'),
      title: line('title'),
      next: line('next'),
      officer: line('officer'),
      qrAlt: line('qrAlt'),
    },
    siteName: s.siteName,
    deskCode: s.deskCode,
    heading: line(`heading.${s.type}`),
    receiptNumber: s.receiptNumber,
    spokenNumber: s.receiptNumber.split('-').join(' - '),
    receivedAt: wibDateTime(s.receivedAt),
    rows: [
      [line('type'), msg(`types.${s.type}`)],
      [line('channel'), s.channelName],
      ...(s.categoryName ? ([[line('category'), s.categoryName]] as Array<[string, string]>) : []),
      [line('agency'), s.agencyName],
      ...(s.attachments > 0
        ? ([[line('attachments'), line('attachmentCount', { count: String(s.attachments) })]] as Array<
            [string, string]
          >)
        : []),
    ],
    title: s.confidential ? null : s.title,
    identity,
    nextSteps: [
      line('verifyBy', { date: longDay(s.verifyBy) }),
      line('followUpBy', { date: longDay(s.followUpBy) }),
      line('answerBy', { date: longDay(s.answerBy) }),
      ...(s.escalationText ? [s.escalationText] : []),
    ],
    followUp,
    qrContent,
    officer: s.officerName,
    free: line('free'),
    footer: s.footerText,
    copy: s.copyAt ? line('copy', { at: wibDateTime(s.copyAt) }) : null,
  };
}
