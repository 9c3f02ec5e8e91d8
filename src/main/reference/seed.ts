/**
 * First-run load of the reference data shipped in resources/data (see SOURCES.md there).
 * Each table is filled only while it is empty: after that the database copy is the one in force.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CoreContext } from '../platform/context';
import { ensureCategoryCodes } from './category-codes';
import { agencies, categories, channels, holidays, regions } from './schema';

type Row = Record<string, string>;

function readCsv(dir: string, file: string): Row[] {
  return parse(readFileSync(join(dir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];
}

const regionLevel = (tingkat: string): 'kabupaten' | 'kecamatan' | 'desa' | 'kelurahan' => {
  if (tingkat === 'kabupaten' || tingkat === 'kecamatan' || tingkat === 'desa' || tingkat === 'kelurahan') {
    return tingkat;
  }
  throw new Error(`wilayah: unknown tingkat ${tingkat}`);
};

/** 35.13.01.2001 -> 35.13.01; 35.13.01 -> 35.13; 35.13 -> null */
const parentOf = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

export const kecamatanAgencyCode = (kecamatanCode: string) => `KEC_${kecamatanCode.replace(/\./g, '_')}`;

export function seedReferenceData({ db, sqlite }: CoreContext, dataDir: string): void {
  db.transaction((tx) => {
    if (!tx.select({ code: regions.code }).from(regions).limit(1).get()) {
      const rows = readCsv(dataDir, 'wilayah-3513.csv').map((r) => ({
        code: r.kode!,
        name: r.nama!,
        level: regionLevel(r.tingkat!),
        parentCode: r.tingkat === 'kabupaten' ? null : parentOf(r.kode!),
      }));
      for (const row of rows) tx.insert(regions).values(row).run();
    }

    if (!tx.select({ code: agencies.code }).from(agencies).limit(1).get()) {
      for (const r of readCsv(dataDir, 'instansi-tujuan.csv')) {
        const kind = r.jenis === 'tenant_mpp' ? 'tenant_mpp' : r.jenis === 'opd' ? 'opd' : 'lainnya';
        tx.insert(agencies)
          .values({ code: r.kode!, name: r.nama!, kind, note: r.catatan || null, active: true })
          .run();
      }
      for (const r of readCsv(dataDir, 'wilayah-3513.csv').filter((w) => w.tingkat === 'kecamatan')) {
        tx.insert(agencies)
          .values({
            code: kecamatanAgencyCode(r.kode!),
            name: `Kecamatan ${r.nama}`,
            kind: 'kecamatan',
            active: true,
          })
          .run();
      }
    }

    if (!tx.select({ code: channels.code }).from(channels).limit(1).get()) {
      for (const r of readCsv(dataDir, 'kanal.csv')) {
        tx.insert(channels).values({ code: r.kode!, name: r.nama!, active: true }).run();
      }
    }

    if (!tx.select({ id: categories.id }).from(categories).limit(1).get()) {
      const parents = new Map<string, number>();
      for (const r of readCsv(dataDir, 'kategori-lapor.csv')) {
        const top = r.kategori!;
        if (!parents.has(top)) {
          const { id } = tx
            .insert(categories)
            .values({ name: top, parentId: null })
            .returning({ id: categories.id })
            .get();
          parents.set(top, id);
        }
        if (r.subkategori) {
          tx.insert(categories)
            .values({ name: r.subkategori, parentId: parents.get(top)! })
            .run();
        }
      }
    }

    if (!tx.select({ date: holidays.date }).from(holidays).limit(1).get()) {
      for (const r of readCsv(dataDir, 'hari-libur-2025-2026.csv')) {
        const kind = r.jenis === 'cuti_bersama' ? 'cuti_bersama' : 'libur_nasional';
        tx.insert(holidays)
          .values({ date: r.tanggal!, kind, description: r.keterangan!, basis: r.dasar || null })
          .onConflictDoNothing()
          .run();
      }
    }
  });
  ensureCategoryCodes(sqlite);
}
