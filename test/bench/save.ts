/**
 * The save's honest floor (issue 14): the same rows the desk writes for one complaint (the day's
 * receipt sequence, the complaint with its sealed personal fields and blind indexes, its search row,
 * its first history event linked into the hash chain, and the two outbox rows, the record's sealed),
 * written by the plainest code: prepared statements, node:crypto, one FULL-sync transaction, on the
 * same database. Desk and floor saves alternate, so both meet the same disk, WAL and index sizes.
 */
import { randomUUID } from 'node:crypto';
import { nextSequenceSql } from '../../src/main/complaints/numbering';
import { heldAt } from '../../src/main/forwarding/outbox';
import { eventRowText, linkHash } from '../../src/main/platform/chain';
import type { CoreContext } from '../../src/main/platform/context';
import type { PersonalDataCipher } from '../../src/main/platform/crypto/personal-data';
import type { Sqlite } from '../../src/main/platform/database';
import { wibDate } from '../../src/shared/calendar/working-days';
import { formatReceiptNumber } from '../../src/shared/domain/receipt-number';
import { summarize, type Timing } from './stats';

type Row = Record<string, unknown>;

export const saveInput = {
  type: 'PENGADUAN',
  channel: 'TATAP_MUKA',
  title: 'Jalan berlubang depan pasar Dringu',
  agencyCode: 'DPUPR',
  body: 'Jalan di depan pasar berlubang sejak sebulan dan membahayakan pengendara motor pada malam hari.',
  kecamatanCode: '35.13.19',
  complainantName: 'Siti Aminah',
  phone: '081234567890',
  nik: '3513014507900001',
};

/**
 * A floor writer modelled on a complaint the desk has just saved (its row, search row, event and
 * outbox rows are read back and copied, with fresh ids, numbers, seals, indexes and chain link).
 */
export function saveFloor(sqlite: Sqlite, cipher: PersonalDataCipher, template: { id: string }) {
  // The desk's own key (its cipher is one createCipheriv / createHmac per value): the rows stay
  // readable by the desk, and the bench's later lookups may land on them.
  const seal = cipher.encrypt.bind(cipher);
  const index = cipher.blindIndex.bind(cipher);

  const complaint = sqlite.prepare('SELECT * FROM complaints WHERE id = ?').get(template.id) as Row;
  const fts = sqlite
    .prepare('SELECT title, body, name, location FROM complaint_fts WHERE complaint_id = ?')
    .get(template.id) as Row;
  const event = sqlite
    .prepare('SELECT * FROM complaint_events WHERE complaint_id = ? ORDER BY chain_seq LIMIT 1')
    .get(template.id) as Row;
  const outbox = sqlite
    .prepare("SELECT kind, payload_enc FROM outbox WHERE complaint_id = ? AND kind IN ('complaint', 'event')")
    .all(template.id) as Array<{ kind: string; payload_enc: string }>;
  const recordJson = cipher.decrypt('outbox', outbox.find((o) => o.kind === 'complaint')!.payload_enc);
  const eventJson = outbox.find((o) => o.kind === 'event')!.payload_enc;
  const nik = '3513014507900001';
  const phone = '6281234567890';

  const columns = Object.keys(complaint);
  const insertComplaint = sqlite.prepare(
    `INSERT INTO complaints (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const nextNumber = sqlite.prepare(nextSequenceSql);
  const deskCode = (complaint.receipt_number as string).split('-')[0]!;
  const maxSeq = sqlite.prepare('SELECT max(seq) FROM complaints').pluck();
  const insertFts = sqlite.prepare(
    'INSERT INTO complaint_fts (rowid, complaint_id, title, body, name, location) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const lastLink = sqlite.prepare(
    'SELECT chain_seq, hash FROM complaint_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
  );
  const eventColumns = Object.keys(event);
  const insertEvent = sqlite.prepare(
    `INSERT INTO complaint_events (${eventColumns.join(', ')}) VALUES (${eventColumns.map((c) => `@${c}`).join(', ')})`,
  );
  const insertOutbox = sqlite.prepare(
    'INSERT INTO outbox (complaint_id, kind, ref_id, payload_enc, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return sqlite.transaction(() => {
    const now = new Date();
    const at = now.toISOString();
    const isoDay = wibDate(now);
    const day = isoDay.replace(/-/g, '');
    const { last } = nextNumber.get({ day, isoDay }) as { last: number };
    const id = randomUUID();
    const seq = (maxSeq.get() as number) + 1;
    insertComplaint.run({
      ...complaint,
      id,
      receipt_number: formatReceiptNumber({ deskCode, day, sequence: last }),
      seq,
      nik_enc: seal('nik', nik),
      nik_bidx: index('nik', nik),
      phone_enc: seal('phone', phone),
      phone_bidx: index('phone', phone),
      received_at: at,
      created_at: at,
      updated_at: at,
    });
    insertFts.run(seq, id, fts.title, fts.body, fts.name, fts.location);
    const link = lastLink.get() as { chain_seq: number; hash: string };
    const eventId = randomUUID();
    const row = { ...event, id: eventId, complaint_id: id, at, chain_seq: link.chain_seq + 1 };
    const text = eventRowText({
      chainSeq: row.chain_seq,
      id: eventId,
      complaintId: id,
      kind: event.kind as string,
      at,
      actorId: event.actor_id as string | null,
      fromStatus: event.from_status as string | null,
      toStatus: event.to_status as string | null,
      reason: event.reason as string | null,
      data: event.data as string | null,
    });
    insertEvent.run({ ...row, hash: linkHash(link.hash, 'event', text) });
    // The bodies as the desk freezes them: this record's own ids, number and time in the template's
    // text; the event waits behind its complaint (heldAt), as the desk's outbox writes it.
    const number = formatReceiptNumber({ deskCode, day, sequence: last });
    const own = (json: string) =>
      json
        .replaceAll(template.id, id)
        .replaceAll(event.id as string, eventId)
        .replaceAll(complaint.receipt_number as string, number)
        .replaceAll(complaint.received_at as string, at);
    insertOutbox.run(id, 'complaint', id, seal('outbox', own(recordJson)), at, at);
    insertOutbox.run(id, 'event', eventId, own(eventJson), heldAt, at);
  });
}

/** Desk and floor, alternated, n of each (after a warm-up of each), each call in its own task. */
export async function alternate(
  n: number,
  desk: () => Promise<unknown>,
  floor: () => unknown,
  warmup = 20,
): Promise<{ desk: Timing; raw: Timing }> {
  for (let i = 0; i < warmup; i++) {
    await desk();
    floor();
  }
  const d: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < n; i++) {
    // Each call reaches the desk as its own task (an IPC message, an HTTP request): what the desk
    // does between calls (after the answer has gone) runs here, untimed, as at a counter.
    await new Promise((resolve) => setImmediate(resolve));
    let t0 = process.hrtime.bigint();
    await desk();
    d.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    floor();
    r.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (process.env.BENCH_TAIL === '1')
    for (const [name, xs] of [
      ['desk', d],
      ['floor', r],
    ] as const)
      console.log(
        `  slowest ${name}: ${[...xs]
          .sort((a, b) => b - a)
          .slice(0, 12)
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
  return { desk: summarize(d), raw: summarize(r) };
}

/**
 * The save beside its floor: one desk save gives the floor its model, then n of each, alternated
 * (BENCH_SAVES, default 1000).
 */
export async function benchSave(ctx: CoreContext, save: () => Promise<unknown>) {
  const first = (await save()) as { id: string };
  const floor = saveFloor(ctx.sqlite, ctx.cipher, first);
  return alternate(Number(process.env.BENCH_SAVES ?? 1000), save, floor);
}
