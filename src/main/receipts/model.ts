/**
 * What a tracking receipt says, independent of paper and printer: built once from the complaint,
 * then laid out as ESC/POS (escpos.ts) or HTML for system printers and PDF (html.ts).
 */
import { longDay, wibDateTimeText } from '../platform/documents';
import { maskNik } from '../../shared/domain/nik';
import type { ComplaintType } from '../../shared/domain/complaint';

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

const headings: Record<ComplaintType, string> = {
  PENGADUAN: 'TANDA TERIMA PENGADUAN',
  ASPIRASI: 'TANDA TERIMA ASPIRASI',
  PERMINTAAN_INFORMASI: 'TANDA TERIMA PERMINTAAN INFORMASI',
};
const typeNames: Record<ComplaintType, string> = {
  PENGADUAN: 'Pengaduan',
  ASPIRASI: 'Aspirasi',
  PERMINTAAN_INFORMASI: 'Permintaan Informasi',
};

export const wibDateTime = (iso: string) => `${wibDateTimeText(iso)} WIB`;

export function buildReceiptModel(s: ReceiptSource): ReceiptModel {
  const qrContent = s.statusUrl
    ? `${s.statusUrl}${s.statusUrl.includes('?') ? '&' : '?'}nomor=${encodeURIComponent(s.receiptNumber)}`
    : s.receiptNumber;
  const identity: Array<[string, string]> = [];
  if (!s.anonymous) {
    if (s.complainantName) identity.push(['Nama', s.complainantName]);
    if (s.nik) identity.push(['NIK', maskNik(s.nik)]);
  }
  const followUp: string[] = [];
  // Always someone to ask: the contact from settings, or else this desk itself.
  followUp.push(
    `Tanya status: ${s.followUpContact ?? `Meja Pengaduan ${s.siteName} (kode meja ${s.deskCode})`}`,
  );
  if (s.statusUrl) followUp.push(`Cek status: ${s.statusUrl}`);
  if (s.laporTrackingId) followUp.push(`ID SP4N-LAPOR!: ${s.laporTrackingId}`);
  followUp.push('Sebutkan nomor tanda terima di atas.');
  return {
    siteName: s.siteName,
    deskCode: s.deskCode,
    heading: headings[s.type],
    receiptNumber: s.receiptNumber,
    spokenNumber: s.receiptNumber.split('-').join(' - '),
    receivedAt: wibDateTime(s.receivedAt),
    rows: [
      ['Jenis', typeNames[s.type]],
      ['Kanal', s.channelName],
      ...(s.categoryName ? ([['Kategori', s.categoryName]] as Array<[string, string]>) : []),
      ['Instansi tujuan', s.agencyName],
    ],
    title: s.confidential ? null : s.title,
    identity,
    nextSteps: [
      `Verifikasi dan penerusan paling lambat ${longDay(s.verifyBy)}.`,
      `Tindak lanjut instansi paling lambat ${longDay(s.followUpBy)}.`,
      `Jawaban paling lambat ${longDay(s.answerBy)}.`,
      ...(s.escalationText ? [s.escalationText] : []),
    ],
    followUp,
    qrContent,
    officer: s.officerName,
    free: 'Layanan ini tidak dipungut biaya.',
    footer: s.footerText,
    copy: s.copyAt ? `SALINAN - dicetak ulang ${wibDateTime(s.copyAt)}` : null,
  };
}
