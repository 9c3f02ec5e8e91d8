/**
 * The complaint's content is defined once (shared/contract/complaint-fields.ts); the table's columns,
 * the Complaint the central server receives and the fields of a correction it is told of are derived
 * from it (issue 10). These tests hold the derived parts to the definition and to the published
 * contract, so a new field added to the definition alone lands everywhere it should.
 */
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  centralPath,
  complaintContent,
  contentFormKind,
  contentKeys,
} from '../../src/shared/contract/complaint-fields';
import { complaints } from '../../src/main/complaints/schema';
import { columnName } from '../../src/main/complaints/content-columns';
import { complaintRecord, correctableFields } from '../../src/main/forwarding/central-contract';
import { createStore } from '../../src/main/forwarding/store';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';

let desk: ReturnType<typeof makeCore>;
beforeAll(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
});
afterAll(() => desk.close());

/** Every path of a zod object, nested objects included ("location.text"). */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional)
    inner = inner.unwrap() as z.ZodType;
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, v]) => [
    prefix + k,
    ...schemaPaths(v, `${prefix}${k}.`),
  ]);
}
function pathsOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [prefix + k, ...pathsOf(v, `${prefix}${k}.`)]);
}
const storeOptions = { baseBackoffMs: 1000, maxBackoffMs: 60_000, maxInvalidAnswers: 3 };
const codeOf = (id: number) =>
  desk.core.ctx.sqlite.prepare('SELECT code FROM categories WHERE id = ?').pluck().get(id) as string;
const at = (value: unknown, path: string) =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], value);

describe('the one complaint definition', () => {
  it('gives every content field its column: snake-case name, typed and nullable by its kind', () => {
    const columns = new Map(getTableConfig(complaints).columns.map((c) => [c.name, c]));
    for (const key of contentKeys) {
      const column = columns.get(columnName(key));
      expect(column, key).toBeDefined();
      const kind = contentFormKind(key);
      expect(column!.getSQLType(), key).toBe(kind === 'flag' || kind === 'id' ? 'integer' : 'text');
      expect(column!.notNull, key).toBe(kind === 'flag' || kind === 'raw');
    }
    expect(columnName('incidentDate')).toBe('incident_date');
  });

  it('names the fields a correction may change after the Complaint’s paths, in the definition’s order', () => {
    expect([...correctableFields]).toEqual(
      contentKeys.map((k) => centralPath(k)).filter((p): p is NonNullable<typeof p> => p !== null),
    );
    const contractPaths = schemaPaths(complaintRecord);
    for (const path of correctableFields) expect(contractPaths, path).toContain(path);
  });

  it('builds the Complaint with exactly the contract’s fields, each content value at its path', async () => {
    const all = value<{ categories: Array<{ id: number; parentId: number | null }> }>(
      await desk.api.dispatch('reference.all', {}, 'admin'),
    );
    const sub = all.categories.find((c) => c.parentId !== null)!;
    const category = all.categories.find((c) => c.id === sub.parentId)!;
    const input = {
      ...sampleComplaint,
      categoryId: category.id,
      subcategoryId: sub.id,
      supervisory: true,
      confidential: true,
    };
    const { id } = value<{ id: string }>(await desk.api.dispatch('complaints.create', input, 'admin'));
    const store = createStore(desk.core.ctx, desk.core.centralRecords.rebuild, storeOptions);
    const row = store.dueComplaints(10)[0]!.rows[0]!;
    const sent = JSON.parse(store.body(row)!) as Record<string, unknown>;

    // Nothing the contract lacks, nothing it has missing, and every value valid for it.
    expect(pathsOf(sent).sort()).toEqual(schemaPaths(complaintRecord).sort());
    expect(complaintRecord.parse(sent)).toEqual(sent);
    for (const key of contentKeys) {
      const path = centralPath(key);
      if (path === null) continue;
      const expected =
        key === 'categoryId'
          ? codeOf(category.id)
          : key === 'subcategoryId'
            ? codeOf(sub.id)
            : ((input as Record<string, unknown>)[key] ??
              (complaintContent[key].kind === 'flag' ? false : null));
      expect(at(sent, path), key).toEqual(expected);
    }
    expect(sent).toMatchObject({ id, complainant: { nik: sampleComplaint.nik } });
  });

  it('tells the central server of a correction by the Complaint’s field names, references as codes', async () => {
    const all = value<{ categories: Array<{ id: number; parentId: number | null }> }>(
      await desk.api.dispatch('reference.all', {}, 'admin'),
    );
    const top = all.categories.filter((c) => c.parentId === null);
    const { id } = value<{ id: string }>(
      await desk.api.dispatch('complaints.create', { ...sampleComplaint, categoryId: top[0]!.id }, 'admin'),
    );
    value(
      await desk.api.dispatch(
        'complaints.correct',
        { id, categoryId: top[1]!.id, locationDetail: 'Samping pasar', reason: 'Salah pilih kategori' },
        'admin',
      ),
    );
    const store = createStore(desk.core.ctx, desk.core.centralRecords.rebuild, storeOptions);
    const rows = store.dueComplaints(10).find((w) => w.complaintId === id)!.rows;
    const bodies = rows.map((r) => JSON.parse(store.body(r)!) as { kind?: string; data?: unknown });
    expect(bodies.find((b) => b.kind === 'KOREKSI')?.data).toEqual({
      changes: {
        categoryCode: { before: codeOf(top[0]!.id), after: codeOf(top[1]!.id) },
        'location.text': { before: sampleComplaint.locationDetail, after: 'Samping pasar' },
      },
    });
  });
});
