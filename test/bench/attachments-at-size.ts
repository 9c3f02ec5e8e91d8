/**
 * The queue and the detail pane at 1,000,000 complaints with 300,000 attachments, beside the same
 * data set without them (issue 15: "no slower than without them"). The 1M data set of npm run bench is
 * copied once to bench-data/1000000-lampiran and given 300,000 attachments on 150,000 records (two
 * each), written as the desk writes them: encrypted contents and thumbnails, encrypted names, and
 * each file's sent upload in the outbox. A real desk's 300,000 files would be some 150 GB, beyond this
 * machine's disk: the rows are 300,000, their contents 2,000 distinct files of 300 kB that the rows
 * share (the queue and the detail pane read rows and thumbnails, never a file's content).
 * Both desks are open in the same process and timed alternately.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { createApi } from '../../src/main/api';
import { repoRoot } from '../support/core';
import { benchAdmin, benchKeyFile, openBenchCore } from './build-dataset';
import { resultLine, summarize } from './stats';

const source = join(repoRoot, 'bench-data', '1000000');
const target = join(repoRoot, 'bench-data', '1000000-lampiran');
const log = (s: string) => console.log(s);

export async function benchAttachmentsAtSize() {
  if (!existsSync(join(source, 'dataset.json')))
    throw new Error('No 1M data set: run `npm run bench` (BENCH_SIZES=1000000) first.');
  const marker = join(target, 'lampiran.json');
  const sourceMarker = readFileSync(join(source, 'dataset.json'), 'utf8');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== sourceMarker) {
    log('  copying the 1M data set and adding 300,000 attachments (once)…');
    const db = new Database(join(source, 'desk.sqlite'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    mkdirSync(target, { recursive: true });
    copyFileSync(join(source, 'desk.sqlite'), join(target, 'desk.sqlite'));
    writeFileSync(benchKeyFile(target), readFileSync(benchKeyFile(source)));
    addAttachments();
    writeFileSync(marker, sourceMarker);
  }
  const plain = openBenchCore(source);
  const withFiles = openBenchCore(target);
  try {
    const apis = [createApi(plain), createApi(withFiles)];
    for (const api of apis) await api.dispatch('auth.signIn', benchAdmin, 'bench');
    const call = (which: 0 | 1) => async (method: string, input: unknown) => {
      const r = await apis[which]!.dispatch(method, input, 'bench');
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    const counts = withFiles.ctx.sqlite
      .prepare('SELECT count(*) AS rows, count(DISTINCT complaint_id) AS records FROM attachments')
      .get() as { rows: number; records: number };
    log(
      `  ${counts.rows.toLocaleString('en')} attachments on ${counts.records.toLocaleString('en')} records`,
    );
    // The newest records with two files, and the newest with none (the same ids on both desks).
    const ids = withFiles.ctx.sqlite
      .prepare(
        'SELECT a.complaint_id FROM attachments a JOIN complaints c ON c.id = a.complaint_id GROUP BY a.complaint_id ORDER BY max(c.seq) DESC LIMIT 100',
      )
      .pluck()
      .all() as string[];
    const bare = withFiles.ctx.sqlite
      .prepare(
        'SELECT c.id FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.complaint_id = c.id) ORDER BY c.seq DESC LIMIT 100',
      )
      .pluck()
      .all() as string[];
    const detail = (list: string[]) => async (c: ReturnType<typeof call>, i: number) => {
      await c('complaints.get', { id: list[i % list.length]! });
      await c('attachments.list', { complaintId: list[i % list.length]! });
    };
    const ops: Array<[string, (c: ReturnType<typeof call>, i: number) => Promise<unknown>, string]> = [
      ['queue, newest 50', (c) => c('complaints.queue', { sort: 'newest', limit: 50 }), 'no slower'],
      [
        'queue, search a word',
        (c) => c('complaints.queue', { sort: 'newest', limit: 50, search: 'jalan' }),
        'no slower',
      ],
      ['detail pane, a record without files', detail(bare), 'no slower'],
      // The same record: on one desk it shows its two thumbnails (decrypted), on the other nothing.
      ['detail pane, a record with 2 files', detail(ids), 'its own files: < 50 ms'],
    ];
    for (const [name, op, goal] of ops) {
      // Alternating blocks of 25 calls, each desk first in every other round, so that both meet the
      // machine in the same states.
      const samples: [number[], number[]] = [[], []];
      for (let i = 0; i < 10; i++) await op(call(i % 2 === 0 ? 0 : 1), i);
      for (let round = 0; round < 8; round++)
        for (const which of round % 2 ? ([0, 1] as const) : ([1, 0] as const))
          for (let i = 0; i < 25; i++) {
            const t0 = performance.now();
            await op(call(which), round * 25 + i);
            samples[which].push(performance.now() - t0);
          }
      log(resultLine(`${name} (with / without)`, summarize(samples[1]), summarize(samples[0]), goal, 58));
    }
  } finally {
    plain.close();
    withFiles.close();
  }
}

/** 300,000 attachments on 150,000 records (every sixth or so, two each), as the desk stores them. */
function addAttachments() {
  const core = openBenchCore(target);
  try {
    const { sqlite, cipher } = core.ctx;
    const officer = sqlite.prepare("SELECT id FROM accounts WHERE name = 'admin'").pluck().get() as string;
    const contents: Array<{ sha256: string }> = [];
    const insertContent = sqlite.prepare(
      `INSERT INTO attachment_contents (sha256, mime, bytes, width, height, content_enc, thumb_enc, created_at)
       VALUES (?, 'image/jpeg', ?, 2048, 1536, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        const content = randomBytes(300 * 1024);
        const sha256 = createHash('sha256').update(content).digest('hex');
        const thumb = randomBytes(8 * 1024);
        insertContent.run(
          sha256,
          content.length,
          cipher.encryptBytes(sha256, content),
          cipher.encryptBytes(sha256, thumb),
          new Date().toISOString(),
        );
        contents.push({ sha256 });
      }
    })();
    const records = sqlite
      .prepare('SELECT id, received_at FROM complaints WHERE seq % 20 < 3 ORDER BY seq LIMIT 150000')
      .all() as Array<{ id: string; received_at: string }>;
    const insert = sqlite.prepare(
      `INSERT INTO attachments (id, complaint_id, sha256, mime, bytes, name_enc, personal, keeps_location, added_at, added_by)
       VALUES (?, ?, ?, 'image/jpeg', ?, ?, 0, 0, ?, ?)`,
    );
    const sent = sqlite.prepare(
      `INSERT INTO outbox (complaint_id, kind, ref_id, payload_enc, state, next_attempt_at, created_at, sent_at, last_status)
       VALUES (?, 'attachment', ?, ?, 'sent', ?, ?, ?, 200)`,
    );
    const name = cipher.encrypt('attachmentName', 'foto-bukti.jpg');
    for (let from = 0; from < records.length; from += 10_000)
      sqlite.transaction(() => {
        for (const [k, r] of records.slice(from, from + 10_000).entries())
          for (let n = 0; n < 2; n++) {
            const { sha256 } = contents[(from + k * 2 + n) % contents.length]!;
            const id = uuidv7();
            insert.run(id, r.id, sha256, 300 * 1024, name, r.received_at, officer);
            sent.run(r.id, id, JSON.stringify({ sha256 }), r.received_at, r.received_at, r.received_at);
          }
      })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    core.close();
  }
}
