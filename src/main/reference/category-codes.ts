/**
 * Stable codes for categories: the central server knows a category by its code, never by the
 * desk's local row id. A code is made once from the name and kept when the category is renamed.
 */
import type { Sqlite } from '../platform/database';

/** "Kependudukan / Akta (Lahir)" -> "KEPENDUDUKAN_AKTA_LAHIR". */
export function codeOfName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 58);
  return slug || 'KATEGORI';
}

/** Gives every category without a code its code: parents first, a subcategory as PARENT.NAME. */
export function ensureCategoryCodes(sqlite: Sqlite): number {
  const missing = sqlite
    .prepare(
      'SELECT id, name, parent_id AS parentId FROM categories WHERE code IS NULL ORDER BY parent_id IS NOT NULL, id',
    )
    .all() as Array<{ id: number; name: string; parentId: number | null }>;
  if (missing.length === 0) return 0;
  const taken = sqlite.prepare('SELECT 1 FROM categories WHERE code = ?').pluck();
  const parentCode = sqlite.prepare('SELECT code FROM categories WHERE id = ?').pluck();
  const set = sqlite.prepare('UPDATE categories SET code = ? WHERE id = ?');
  sqlite.transaction(() => {
    for (const c of missing) {
      const prefix =
        c.parentId === null ? '' : `${(parentCode.get(c.parentId) as string | null) ?? 'KATEGORI'}.`;
      const base = prefix + codeOfName(c.name);
      let candidate = base;
      for (let n = 2; taken.get(candidate); n++) candidate = `${base}_${n}`;
      set.run(candidate, c.id);
    }
  })();
  return missing.length;
}
