/**
 * Does the report say what, where, when, who and how? Rough cues in Indonesian: on the intake form
 * they nudge the officer to ask the citizen (never a rule that blocks saving); in the supervisor's
 * day review they name what a saved report lacks.
 */
const cues = {
  dimana:
    /\b(di|depan|dekat|samping|belakang|jalan|jl|desa|kelurahan|kecamatan|dusun|rt|rw|kantor|pasar|sekolah|puskesmas|rumah|gang)\b/i,
  kapan:
    /\b(sejak|tanggal|tgl|hari|minggu|bulan|tahun|kemarin|pagi|siang|sore|malam|pukul|jam|senin|selasa|rabu|kamis|jumat|sabtu|ahad)\b|\d{1,2}[/.-]\d{1,2}/i,
  siapa:
    /\b(petugas|pegawai|oknum|warga|kepala|pak|bu|bapak|ibu|saya|kami|pelapor|anak|pihak|sopir|guru|dokter|perangkat|lurah|camat)\b/i,
  bagaimana:
    /\b(karena|sehingga|akibat|mengakibatkan|menyebabkan|cara|meminta|minta|berharap|mohon|tidak|belum|rusak|mati|lambat|ditolak|dipungut|membahayakan)\b/i,
};

export const checklistKeys = ['apa', 'dimana', 'kapan', 'siapa', 'bagaimana'] as const;
export type ChecklistKey = (typeof checklistKeys)[number];

/** What the checklist reads of a report; empty strings and nulls both count as not given. */
export interface ReportText {
  title: string;
  body: string;
  locationDetail?: string | null;
  kecamatanCode?: string | null;
  incidentDate?: string | null;
}

export const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

export function reportChecklist(report: ReportText, minWords = 8): Record<ChecklistKey, boolean> {
  const text = `${report.title} ${report.body}`;
  return {
    apa: wordCount(report.body) >= minWords,
    dimana: cues.dimana.test(report.body) || Boolean(report.locationDetail?.trim() || report.kecamatanCode),
    kapan: cues.kapan.test(report.body) || Boolean(report.incidentDate),
    siapa: cues.siapa.test(text),
    bagaimana: cues.bagaimana.test(report.body),
  };
}
