/**
 * The outbox as the sender reads and writes it, on a real desk database with a clock the test moves:
 * which messages are due and in what order, what each answer does to a message, the counts an
 * officer sees, and a supervisor's resend. Each rule here decides whether a complaint reaches the
 * central server, once and in order; `npm run mutate` runs these against store.ts and outbox.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/main/forwarding/client';
import { createStore, type OutboxRow, type Store } from '../../src/main/forwarding/store';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';

type Desk = ReturnType<typeof makeCore>;
let desk: Desk;
let store: Store;
const options = { baseBackoffMs: 1000, maxBackoffMs: 60_000, maxInvalidAnswers: 3 };

beforeEach(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
  store = createStore(desk.core.ctx, desk.core.centralRecords.rebuild, options);
});
afterEach(() => desk.close());

const sqlite = () => desk.core.ctx.sqlite;
async function save(title = sampleComplaint.title): Promise<string> {
  const { id } = value<{ id: string }>(
    await desk.api.dispatch(
      'complaints.create',
      { ...sampleComplaint, title: `${title} — pengaduan uji` },
      'admin',
    ),
  );
  desk.clock.advance(1000);
  return id;
}
async function note(id: string, reason = 'Warga menelepon menanyakan perkembangan') {
  value(await desk.api.dispatch('complaints.act', { action: 'NOTE', id, reason }, 'admin'));
  desk.clock.advance(1000);
}
const rowOf = (id: number) =>
  sqlite()
    .prepare(
      `SELECT state, attempts, next_attempt_at AS nextAttemptAt, last_status AS lastStatus, last_error AS lastError,
              invalid_answers AS invalidAnswers, sent_at AS sentAt FROM outbox WHERE id = ?`,
    )
    .get(id) as {
    state: string;
    attempts: number;
    nextAttemptAt: string;
    lastStatus: number | null;
    lastError: string | null;
    invalidAnswers: number;
    sentAt: string | null;
  };
const due = () => store.dueComplaints(100);
const flat = () => due().flatMap((w) => w.rows);
const one = (outcome: Outcome, row: OutboxRow) => store.record([[row, outcome]]);
const delivered: Outcome = { kind: 'delivered', status: 201 };
const retry = (retryAfterMs: number | null = null): Outcome => ({
  kind: 'retry',
  status: 503,
  message: 'HTTP 503',
  retryAfterMs,
});
const invalid: Outcome = { kind: 'invalid', status: 200, message: 'Jawaban server tidak sesuai kontrak: id' };
const park: Outcome = { kind: 'park', status: 422, message: 'FIELD: title' };
const pause: Outcome = { kind: 'pause', status: 401, message: 'token' };

describe('what is due', () => {
  it('gives each complaint with its messages in the order they were written, oldest complaint first', async () => {
    const a = await save('Pertama');
    await note(a);
    const b = await save('Kedua');
    await note(a, 'Catatan kedua');
    const work = due();
    expect(work.map((w) => w.complaintId)).toEqual([a, b]);
    // The complaint, its DITERIMA event, then the two notes; the other complaint and its DITERIMA.
    expect(work[0]?.rows.map((r) => r.kind)).toEqual(['complaint', 'event', 'event', 'event']);
    expect(work[0]?.rows[0]).toMatchObject({
      kind: 'complaint',
      refId: a,
      complaintId: a,
      attempts: 0,
      invalidAnswers: 0,
    });
    const ids = work[0]!.rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(work[1]?.rows.map((r) => r.kind)).toEqual(['complaint', 'event']);
  });

  it('takes at most the number of complaints asked for, the oldest due', async () => {
    const ids = [await save('1'), await save('2'), await save('3')];
    expect(store.dueComplaints(2).map((w) => w.complaintId)).toEqual(ids.slice(0, 2));
  });

  it('holds nothing back once sent, and waits for a message backed off until its time', async () => {
    const a = await save();
    const rows = flat();
    store.record(rows.map((r) => [r, delivered]));
    expect(due()).toEqual([]);
    await note(a);
    const [event] = flat();
    expect(event?.kind).toBe('event');
    one(retry(30_000), event!);
    expect(due()).toEqual([]);
    expect(store.nextDueAt()).toBe(Date.parse(rowOf(event!.id).nextAttemptAt));
    desk.clock.advance(29_000);
    expect(due()).toEqual([]);
    desk.clock.advance(1000);
    expect(flat().map((r) => r.id)).toEqual([event!.id]);
  });

  it('keeps every later message of a complaint behind a parked one, and only that complaint', async () => {
    const a = await save('A');
    await note(a);
    const b = await save('B');
    const head = flat().find((r) => r.complaintId === a && r.kind === 'complaint')!;
    one(park, head);
    expect(due().map((w) => w.complaintId)).toEqual([b]);
    // Its events are held, not due, however old.
    desk.clock.advance(24 * 3600_000);
    expect(due().map((w) => w.complaintId)).toEqual([b]);
    // nextDueAt looks at heads only: a held event does not wake the sender.
    store.record(flat().map((r) => [r, delivered]));
    expect(store.nextDueAt()).toBeNull();
  });

  it("never lets the due scan meet a message waiting behind its complaint's first unsent one", async () => {
    // What the sender's scan can reach: pending messages whose send time has come. Each must be its
    // complaint's first unsent message, whatever happened before (a pass then costs what can go,
    // not the backlog waiting behind parked records).
    const reachable = () =>
      sqlite()
        .prepare(
          `SELECT o.id, o.id = (SELECT min(id) FROM outbox WHERE complaint_id = o.complaint_id AND state <> 'sent') AS head
           FROM outbox o WHERE o.state = 'pending' AND o.next_attempt_at <= ?`,
        )
        .all(desk.clock.now().toISOString()) as Array<{ id: number; head: number }>;
    const onlyHeads = () => expect(reachable().filter((r) => !r.head)).toEqual([]);
    const a = await save('A');
    await note(a, 'satu');
    await note(a, 'dua');
    const b = await save('B');
    await note(b);
    onlyHeads();
    expect(reachable()).toHaveLength(2);
    const [headA] = flat().filter((r) => r.complaintId === a);
    const [headB, eventB] = flat().filter((r) => r.complaintId === b);
    // A's complaint delivered: its first event (DITERIMA) is due at once, the two notes still wait.
    one(delivered, headA!);
    onlyHeads();
    expect(flat().filter((r) => r.complaintId === a)).toHaveLength(3);
    // B parked: its events wait for a person however long, through a reconnection too.
    one(park, headB!);
    desk.clock.advance(60_000);
    store.retryAllNow();
    onlyHeads();
    expect(due().map((w) => w.complaintId)).toEqual([a]);
    // A new event of the parked complaint waits behind it as well.
    await note(b, 'tiga');
    onlyHeads();
    // Sent again by a supervisor: B goes with its three events behind it, in order.
    store.resend(headB!.id);
    onlyHeads();
    const again = due().find((w) => w.complaintId === b)!;
    expect(again.rows.map((r) => r.id).slice(0, 2)).toEqual([headB!.id, eventB!.id]);
    expect(again.rows).toHaveLength(4);
    // A delivered message sent again goes before what is still waiting, which waits for it again.
    one(delivered, headB!);
    onlyHeads();
    store.resend(headB!.id);
    onlyHeads();
    expect(
      due()
        .find((w) => w.complaintId === b)!
        .rows.map((r) => r.id)[0],
    ).toBe(headB!.id);
    store.record(flat().map((r) => [r, delivered]));
    expect(due()).toEqual([]);
    store.resend(eventB!.id);
    onlyHeads();
    expect(flat().map((r) => r.id)).toEqual([eventB!.id]);
    expect(store.nextDueAt()).toBe(desk.clock.now().getTime());
  });

  it('stops a complaint at a parked event and sends what came before it', async () => {
    const a = await save();
    await note(a, 'satu');
    await note(a, 'dua');
    const [complaint, ...events] = flat();
    one(delivered, complaint!);
    const [first, second] = events.filter((r) => r.kind === 'event');
    one(park, first!);
    expect(due()).toEqual([]);
    store.resend(first!.id);
    expect(flat().map((r) => r.id)).toEqual(events.map((r) => r.id));
    void second;
  });
});

describe('what each answer does', () => {
  it('delivered: sent, with the time and status, and never offered again', async () => {
    await save();
    const [row] = flat();
    one(delivered, row!);
    expect(rowOf(row!.id)).toMatchObject({
      state: 'sent',
      lastStatus: 201,
      lastError: null,
      sentAt: desk.clock.now().toISOString(),
    });
  });

  it('a delivery mark never revives a message a person parked meanwhile', async () => {
    await save();
    const [row] = flat();
    one(park, row!);
    one(delivered, row!);
    expect(rowOf(row!.id).state).toBe('parked');
  });

  it('retry: backs off exponentially with jitter, up to the cap, and no sooner than Retry-After', async () => {
    await save();
    const [row] = flat();
    const waits: number[] = [];
    for (let attempts = 0; attempts < 10; attempts++) {
      const now = desk.clock.now().getTime();
      one(retry(), { ...row!, attempts });
      waits.push(Date.parse(rowOf(row!.id).nextAttemptAt) - now);
    }
    waits.forEach((wait, attempts) => {
      const exp = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** attempts);
      expect(wait, `attempt ${attempts}`).toBeGreaterThanOrEqual(exp / 2);
      expect(wait, `attempt ${attempts}`).toBeLessThanOrEqual(exp);
    });
    expect(rowOf(row!.id)).toMatchObject({
      state: 'pending',
      attempts: 10,
      lastStatus: 503,
      lastError: 'HTTP 503',
    });
    const now = desk.clock.now().getTime();
    one(retry(45 * 60_000), { ...row!, attempts: 0 });
    expect(Date.parse(rowOf(row!.id).nextAttemptAt) - now).toBe(45 * 60_000);
    // A very long run of failures still waits the cap, not an overflow.
    one(retry(), { ...row!, attempts: 5000 });
    const wait = Date.parse(rowOf(row!.id).nextAttemptAt) - now;
    expect(wait).toBeGreaterThanOrEqual(options.maxBackoffMs / 2);
    expect(wait).toBeLessThanOrEqual(options.maxBackoffMs);
  });

  it('invalid: counted, retried, and parked with the count after the set number in a row', async () => {
    await save();
    let [row] = flat();
    one(invalid, row!);
    expect(rowOf(row!.id)).toMatchObject({ state: 'pending', invalidAnswers: 1, attempts: 1 });
    desk.clock.advance(3_600_000);
    [row] = flat();
    expect(row?.invalidAnswers).toBe(1);
    one(invalid, row!);
    expect(rowOf(row!.id)).toMatchObject({ state: 'pending', invalidAnswers: 2 });
    desk.clock.advance(3_600_000);
    [row] = flat();
    one(invalid, row!);
    expect(rowOf(row!.id)).toMatchObject({
      state: 'parked',
      lastStatus: 200,
      lastError: 'Jawaban server tidak sesuai kontrak: id (3 kali berturut-turut)',
    });
  });

  it('invalid answers must come in a row: a retry in between starts the count again', async () => {
    await save();
    const [row] = flat();
    one(invalid, { ...row!, invalidAnswers: 1 });
    expect(rowOf(row!.id).invalidAnswers).toBe(2);
    one(retry(), row!);
    expect(rowOf(row!.id).invalidAnswers).toBe(0);
    one(invalid, { ...row!, invalidAnswers: 0 });
    expect(rowOf(row!.id)).toMatchObject({ state: 'pending', invalidAnswers: 1 });
    one(delivered, row!);
    expect(rowOf(row!.id)).toMatchObject({ state: 'sent', invalidAnswers: 0 });
  });

  it('park: waits for a person, with the server’s reason', async () => {
    await save();
    const [row] = flat();
    one(park, row!);
    expect(rowOf(row!.id)).toMatchObject({
      state: 'parked',
      attempts: 1,
      lastStatus: 422,
      lastError: 'FIELD: title',
    });
  });

  it('pause: due again at once (sent when the pause is lifted), with the reason kept', async () => {
    await save();
    const [row] = flat();
    one(pause, row!);
    expect(rowOf(row!.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: 401,
      lastError: 'token',
      nextAttemptAt: desk.clock.now().toISOString(),
    });
    expect(flat()[0]?.id).toBe(row!.id);
  });

  it('writes a batch in one go, and an empty batch is nothing', async () => {
    await save('1');
    await save('2');
    store.record([]);
    const rows = flat();
    store.record([
      [rows[0]!, delivered],
      [rows[1]!, park],
    ]);
    expect([rowOf(rows[0]!.id).state, rowOf(rows[1]!.id).state]).toEqual(['sent', 'parked']);
    expect(sqlite().pragma('synchronous', { simple: true })).toBe(2); // FULL again after the batch
  });

  it('after the connection returns, everything backed off is due now', async () => {
    await save('1');
    await save('2');
    const rows = flat();
    store.record(rows.map((r) => [r, retry(600_000)]));
    expect(due()).toEqual([]);
    store.retryAllNow();
    expect(flat().map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });
});

describe('counts on screen', () => {
  it('waiting, held behind a parked message, parked, and the oldest waiting', async () => {
    expect(store.counts()).toEqual({ waiting: 0, held: 0, parked: 0, oldest: null });
    const a = await save('A');
    await note(a);
    await note(a);
    const firstCreated = sqlite()
      .prepare("SELECT created_at FROM outbox WHERE complaint_id = ? AND kind = 'complaint'")
      .pluck()
      .get(a) as string;
    const b = await save('B');
    const aRows = flat().filter((r) => r.complaintId === a);
    const bRows = flat().filter((r) => r.complaintId === b);
    expect(store.counts()).toMatchObject({
      waiting: aRows.length + bRows.length,
      held: 0,
      parked: 0,
      oldest: firstCreated,
    });
    one(park, aRows[0]!);
    const bCreated = sqlite()
      .prepare('SELECT created_at FROM outbox WHERE complaint_id = ?')
      .pluck()
      .get(b) as string;
    expect(store.counts()).toEqual({
      waiting: bRows.length,
      held: aRows.length - 1,
      parked: 1,
      oldest: bCreated,
    });
    store.record(flat().map((r) => [r, delivered]));
    expect(store.counts()).toEqual({ waiting: 0, held: aRows.length - 1, parked: 1, oldest: null });
  });

  it('counts a waiting event once however many parked messages are ahead of it', async () => {
    const a = await save();
    await note(a, 'satu');
    await note(a, 'dua');
    const rows = flat();
    store.record([
      [rows[0]!, park],
      [rows[1]!, park],
    ]);
    expect(store.counts()).toMatchObject({ parked: 2, held: rows.length - 2, waiting: 0 });
  });

  it('lists parked messages with their receipt number and reason for the supervisor', async () => {
    const a = await save();
    const [row] = flat();
    one(park, row!);
    const receipt = sqlite().prepare('SELECT receipt_number FROM complaints WHERE id = ?').pluck().get(a);
    expect(store.parked()).toEqual([
      {
        id: row!.id,
        complaintId: a,
        kind: 'complaint',
        lastStatus: 422,
        lastError: 'FIELD: title',
        receiptNumber: receipt,
        createdAt: expect.any(String),
      },
    ]);
  });
});

describe('resending', () => {
  it('puts one message back to pending from any state, attempts and counts cleared', async () => {
    await save();
    const [row] = flat();
    one(invalid, { ...row!, invalidAnswers: 2 });
    expect(rowOf(row!.id).state).toBe('parked');
    expect(store.resend(row!.id)).toBe(true);
    expect(rowOf(row!.id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      invalidAnswers: 0,
      nextAttemptAt: desk.clock.now().toISOString(),
    });
    one(delivered, row!);
    expect(store.resend(row!.id)).toBe(true);
    expect(rowOf(row!.id).state).toBe('pending');
    expect(store.resend(999_999)).toBe(false);
  });

  it('a parked complaint goes again with what the desk holds now, a delivered one as it was frozen', async () => {
    const a = await save('Judul lama');
    const [row] = flat();
    const frozen = store.body(row!);
    expect(JSON.parse(frozen!)).toMatchObject({ id: a, title: 'Judul lama — pengaduan uji' });
    one(park, row!);
    value(
      await desk.api.dispatch(
        'complaints.correct',
        { id: a, title: 'Judul yang dibetulkan', reason: 'Salah ketik judul' },
        'admin',
      ),
    );
    store.resend(row!.id);
    expect(JSON.parse(store.body(flat()[0]!)!)).toMatchObject({ title: 'Judul yang dibetulkan' });
    store.record(flat().map((r) => [r, delivered]));
    // Delivered: resending sends the body as frozen, not re-read.
    sqlite().prepare('UPDATE complaints SET receipt_number = receipt_number WHERE id = ?').run(a);
    const before = sqlite().prepare('SELECT payload_enc FROM outbox WHERE id = ?').pluck().get(row!.id);
    store.resend(row!.id);
    expect(sqlite().prepare('SELECT payload_enc FROM outbox WHERE id = ?').pluck().get(row!.id)).toBe(before);
  });

  it('a complaint and all its events again, in order, with the parked body refreshed', async () => {
    const a = await save('Judul lama');
    await note(a);
    const b = await save('Lain');
    const rows = flat();
    store.record(rows.map((r) => [r, r.complaintId === a && r.kind === 'complaint' ? park : delivered]));
    value(
      await desk.api.dispatch(
        'complaints.correct',
        { id: a, title: 'Judul baru dibetulkan', reason: 'Salah ketik' },
        'admin',
      ),
    );
    const aCount = sqlite().prepare('SELECT count(*) FROM outbox WHERE complaint_id = ?').pluck().get(a);
    expect(store.resendComplaint(a)).toBe(aCount);
    const again = due();
    expect(again.map((w) => w.complaintId)).toEqual([a]);
    expect(again[0]!.rows).toHaveLength(aCount as number);
    expect(JSON.parse(store.body(again[0]!.rows[0]!)!)).toMatchObject({ title: 'Judul baru dibetulkan' });
    expect(store.resendComplaint('0190f000-0000-7000-8000-000000000000')).toBe(0);
    void b;
  });
});

describe('bodies', () => {
  it('a complaint is sealed in the outbox and sent as frozen; an event without personal data is plain JSON', async () => {
    const a = await save();
    await note(a);
    const stored = sqlite().prepare('SELECT kind, payload_enc AS p FROM outbox ORDER BY id').all() as Array<{
      kind: string;
      p: string;
    }>;
    expect(stored[0]?.p.startsWith('{')).toBe(false);
    expect(stored[0]?.p).not.toContain(sampleComplaint.complainantName);
    expect(stored.at(-1)?.p.startsWith('{')).toBe(true);
    const [complaint, ...events] = flat();
    expect(JSON.parse(store.body(complaint!)!)).toMatchObject({
      id: a,
      complainant: { name: sampleComplaint.complainantName },
    });
    expect(JSON.parse(store.body(events.at(-1)!)!)).toMatchObject({ complaintId: a, kind: 'NOTE' });
  });

  it('a row from before bodies were frozen is built from the stored record', async () => {
    const a = await save();
    await note(a);
    sqlite().prepare('UPDATE outbox SET payload_enc = NULL').run();
    const [complaint, ...events] = flat();
    expect(JSON.parse(store.body(complaint!)!)).toMatchObject({ id: a, categoryCode: null });
    expect(JSON.parse(store.body(events.at(-1)!)!)).toMatchObject({
      complaintId: a,
      kind: 'NOTE',
      data: null,
    });
    expect(store.body({ ...events.at(-1)!, refId: '0190f000-0000-7000-8000-000000000000' })).toBeNull();
    expect(store.body({ ...complaint!, refId: '0190f000-0000-7000-8000-000000000000' })).toBeNull();
  });

  it('a complaint frozen before the contract had category codes is rebuilt, one with them is not', async () => {
    const a = await save();
    const [row] = flat();
    const cipher = desk.core.ctx.cipher;
    const old = { ...JSON.parse(store.body(row!)!), title: 'Dibekukan lama' } as Record<string, unknown>;
    delete old.categoryCode;
    sqlite()
      .prepare('UPDATE outbox SET payload_enc = ? WHERE id = ?')
      .run(cipher.encrypt('outbox', JSON.stringify(old)), row!.id);
    expect(JSON.parse(store.body(flat()[0]!)!)).toMatchObject({
      id: a,
      title: `${sampleComplaint.title} — pengaduan uji`,
      categoryCode: null,
    });
    const kept = { ...JSON.parse(store.body(row!)!), title: 'Dibekukan baru' };
    sqlite()
      .prepare('UPDATE outbox SET payload_enc = ? WHERE id = ?')
      .run(cipher.encrypt('outbox', JSON.stringify(kept)), row!.id);
    expect(JSON.parse(store.body(flat()[0]!)!)).toMatchObject({ title: 'Dibekukan baru' });
  });
});

describe('writing to the outbox (the history writer applies the rule)', () => {
  const outboxRows = () =>
    sqlite()
      .prepare('SELECT kind, ref_id AS refId, payload_enc AS p FROM outbox ORDER BY id')
      .all() as Array<{
      kind: string;
      refId: string;
      p: string;
    }>;

  it('wakes the sender after each committed write, until it stops listening', async () => {
    let woken = 0;
    const stop = desk.core.outbox.onAdded(() => woken++);
    const a = await save();
    expect(woken).toBe(1);
    await note(a);
    expect(woken).toBe(2);
    stop();
    await note(a);
    expect(woken).toBe(2);
  });

  it('seals a correction that carries personal values, and only such a one', async () => {
    const a = await save();
    value(
      await desk.api.dispatch(
        'complaints.correct',
        { id: a, title: 'Judul dibetulkan petugas', reason: 'Salah ketik' },
        'admin',
      ),
    );
    value(
      await desk.api.dispatch(
        'complaints.correct',
        { id: a, nik: '3513014507900099', reason: 'NIK salah ketik' },
        'admin',
      ),
    );
    const [titleFix, nikFix] = outboxRows().slice(-2);
    expect(titleFix?.p.startsWith('{')).toBe(true);
    expect(nikFix?.p.startsWith('{')).toBe(false);
    expect(nikFix?.p).not.toContain('3513014507900099');
    const rows = flat();
    const sealed = rows.find((r) => r.refId === nikFix?.refId)!;
    expect(JSON.parse(store.body(sealed)!)).toMatchObject({
      kind: 'KOREKSI',
      data: { complainant: { nik: '3513014507900099' } },
    });
  });

  it('keeps on the desk what the central server does not receive: who opened personal data', async () => {
    const a = await save();
    const before = outboxRows().length;
    value(
      await desk.api.dispatch(
        'complaints.revealPersonalData',
        { id: a, reason: 'Menelepon pelapor untuk klarifikasi' },
        'admin',
      ),
    );
    expect(outboxRows()).toHaveLength(before);
    const events = sqlite()
      .prepare('SELECT kind FROM complaint_events WHERE complaint_id = ? ORDER BY at, id')
      .pluck()
      .all(a);
    expect(events).toContain('PEMBUKAAN_DATA_PRIBADI');
  });
});
