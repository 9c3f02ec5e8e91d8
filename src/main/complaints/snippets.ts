/** Canned texts (::keyword) for frequent complaints; supervisors keep them, every change audited. */
import { asc, eq } from 'drizzle-orm';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { snippets } from './schema';

export const defaultSnippets = [
  {
    keyword: 'jalan',
    title: 'Jalan rusak',
    body: 'Pelapor menyampaikan bahwa jalan di [lokasi] rusak/berlubang sejak [waktu], sehingga membahayakan pengguna jalan. Pelapor meminta perbaikan.',
  },
  {
    keyword: 'pju',
    title: 'Lampu penerangan jalan mati',
    body: 'Pelapor menyampaikan bahwa lampu penerangan jalan umum (PJU) di [lokasi] mati sejak [waktu], sehingga jalan gelap pada malam hari. Pelapor meminta perbaikan.',
  },
  {
    keyword: 'lambat',
    title: 'Layanan lambat',
    body: 'Pelapor mengurus [jenis layanan] di [instansi] sejak [tanggal] dan belum selesai melewati waktu yang dijanjikan. Pelapor meminta kepastian waktu penyelesaian.',
  },
  {
    keyword: 'pungli',
    title: 'Dugaan pungutan liar',
    body: 'Pelapor menyampaikan dugaan pungutan di luar ketentuan sebesar [jumlah] saat mengurus [jenis layanan] di [lokasi] pada [tanggal] oleh [petugas/pihak]. Pelapor meminta tindak lanjut.',
  },
  {
    keyword: 'bansos',
    title: 'Bantuan sosial belum diterima',
    body: 'Pelapor menyampaikan bahwa bantuan sosial [jenis bantuan] belum diterima sejak [waktu], padahal pelapor terdaftar sebagai penerima. Pelapor meminta kejelasan.',
  },
  {
    keyword: 'air',
    title: 'Air PDAM tidak mengalir',
    body: 'Pelapor menyampaikan bahwa air PDAM di [lokasi] tidak mengalir/keruh sejak [waktu]. Pelapor meminta perbaikan layanan.',
  },
];

export function createSnippets({ db, clock }: CoreContext, audit: AuditTrail) {
  return {
    seedDefaults() {
      if (db.select({ k: snippets.keyword }).from(snippets).limit(1).get()) return;
      const at = clock().toISOString();
      for (const s of defaultSnippets)
        db.insert(snippets)
          .values({ ...s, active: true, updatedAt: at })
          .run();
    },
    list() {
      return db
        .select({
          keyword: snippets.keyword,
          title: snippets.title,
          body: snippets.body,
          active: snippets.active,
        })
        .from(snippets)
        .orderBy(asc(snippets.keyword))
        .all();
    },
    save(actorId: string, s: { keyword: string; title: string; body: string; active: boolean }) {
      const at = clock().toISOString();
      db.insert(snippets)
        .values({ ...s, updatedAt: at })
        .onConflictDoUpdate({
          target: snippets.keyword,
          set: { title: s.title, body: s.body, active: s.active, updatedAt: at },
        })
        .run();
      audit.record(actorId, 'snippets.save', s.keyword, { title: s.title, active: s.active });
      return db.select().from(snippets).where(eq(snippets.keyword, s.keyword)).get()!;
    },
  };
}
export type Snippets = ReturnType<typeof createSnippets>;
