/**
 * Does the report say what, where, when, who and how? Rough cues in Indonesian, to nudge the
 * officer to ask the citizen; never a rule that blocks saving.
 */
import type { IntakeForm } from './form-state';

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

export type ChecklistKey = 'apa' | 'dimana' | 'kapan' | 'siapa' | 'bagaimana';

export function reportChecklist(form: IntakeForm): Record<ChecklistKey, boolean> {
  const text = `${form.title} ${form.body}`;
  return {
    apa: form.body.trim().split(/\s+/).filter(Boolean).length >= 8,
    dimana: cues.dimana.test(form.body) || Boolean(form.locationDetail.trim() || form.kecamatanCode),
    kapan: cues.kapan.test(form.body) || Boolean(form.incidentDate),
    siapa: cues.siapa.test(text),
    bagaimana: cues.bagaimana.test(form.body),
  };
}
