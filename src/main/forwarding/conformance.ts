/**
 * The conformance check the central team runs against their server
 * (`npm run central:conformance -- --url … --token … --desk …`): every endpoint and rule the desk
 * relies on, each check named, with what was expected and what came back. It writes test records
 * (titles start with "UJI KESESUAIAN"), so run it against a test instance.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { formatReceiptNumber } from '../../shared/domain/receipt-number';
import {
  changesLimit,
  changesPage,
  canonicalJson,
  complaintRecord,
  dayRegisterRecord,
  errorBody,
  eventRecord,
  healthBody,
  type ComplaintRecord,
  type EventRecord,
} from './central-contract';
import { fileChecks } from './conformance-files';
import { createHttp, type HttpAnswer } from './http';

export interface ConformanceOptions {
  url: string;
  token: string;
  deskCode: string;
  timeoutMs?: number;
  caCertificate?: string | null;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** A record the contract accepts, marked as a test; also the fixture of the client's own tests. */
export function sampleComplaint(deskCode: string): ComplaintRecord {
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  return {
    id: uuidv7(),
    receiptNumber: formatReceiptNumber({
      deskCode,
      day: day.replace(/-/g, ''),
      sequence: 9000 + Math.floor(Math.random() * 999),
    }),
    deskCode,
    type: 'PENGADUAN',
    channel: 'TATAP_MUKA',
    title: 'UJI KESESUAIAN: abaikan catatan ini',
    body: 'Catatan uji dari pemeriksa kesesuaian kontrak Meja Pengaduan. Tidak perlu ditindaklanjuti.',
    incidentDate: day,
    location: { kecamatanCode: '35.13.01', desaCode: '35.13.01.2001', text: 'Uji' },
    categoryCode: 'INFRASTRUKTUR',
    subcategoryCode: null,
    agencyCode: 'DPUPR',
    supervisory: false,
    anonymous: false,
    confidential: false,
    complainant: { name: 'Uji Kesesuaian', nik: null, phone: '081200000000', email: null, address: null },
    officer: 'Pemeriksa kesesuaian',
    recordedAt: now.toISOString(),
    deadlines: { verifyBy: day, followUpBy: day, answerBy: day },
    attachments: [],
  };
}

export function eventOf(complaintId: string): EventRecord {
  return {
    id: uuidv7(),
    complaintId,
    kind: 'NOTE',
    at: new Date().toISOString(),
    actor: 'Pemeriksa kesesuaian',
    fromStatus: 'BARU',
    toStatus: 'BARU',
    reason: 'Catatan uji',
    data: null,
  };
}

export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const base = options.url.replace(/\/+$/, '');
  const http = createHttp({
    caCertificate: options.caCertificate ?? null,
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  const auth = { Authorization: `Bearer ${options.token}`, 'X-Desk-Code': options.deskCode };
  const jsonHeaders = { ...auth, 'Content-Type': 'application/json', Accept: 'application/json' };
  const results: CheckResult[] = [];
  const cap = 4 * 1024 * 1024;

  async function call(
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    path: string,
    body?: string | Buffer,
    headers: Record<string, string> = jsonHeaders,
  ) {
    const r = await http.send(method, `${base}${path}`, headers, body, cap);
    if (!r.ok) throw new Error(`${method} ${path}: ${r.failure} (${r.message})`);
    return r.answer;
  }
  const parse = <T>(answer: HttpAnswer, schema: z.ZodType<T>): T | string => {
    if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/.test(answer.contentType))
      return `Content-Type "${answer.contentType}" bukan application/json`;
    try {
      const parsed = schema.safeParse(JSON.parse(answer.body.toString('utf8')));
      return parsed.success
        ? parsed.data
        : `isi tidak sesuai skema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
    } catch {
      return 'isi bukan JSON';
    }
  };
  async function check(name: string, run: () => Promise<string | null>) {
    try {
      const problem = await run();
      results.push({ name, ok: problem === null, detail: problem ?? 'ok' });
    } catch (error) {
      results.push({ name, ok: false, detail: (error as Error).message });
    }
  }
  const expectStatus = (answer: HttpAnswer, wanted: number[], what = 'status') =>
    wanted.includes(answer.status)
      ? null
      : `${what}: diharapkan ${wanted.join(' atau ')}, didapat ${answer.status}`;
  const expectError = (answer: HttpAnswer, wanted: number[], code?: string) => {
    const s = expectStatus(answer, wanted);
    if (s) return s;
    const body = parse(answer, errorBody);
    if (typeof body === 'string') return `badan Error: ${body}`;
    return code && body.error.code !== code
      ? `kode galat: diharapkan ${code}, didapat ${body.error.code}`
      : null;
  };

  const complaint = sampleComplaint(options.deskCode);
  const put = (c: unknown, id = complaint.id, headers: Record<string, string> = jsonHeaders) =>
    call('PUT', `/v1/complaints/${id}`, JSON.stringify(c), headers);

  await check('GET /v1/health tanpa token menjawab 200 {"status":"ok"}', async () => {
    const a = await call('GET', '/v1/health', undefined, { Accept: 'application/json' });
    const s = expectStatus(a, [200]);
    if (s) return s;
    const body = parse(a, healthBody);
    return typeof body === 'string' ? body : null;
  });
  await check('PUT pengaduan baru menjawab 201 dengan pengaduan yang sama id-nya', async () => {
    const a = await put(complaint);
    const s = expectStatus(a, [201]);
    if (s) return s;
    const body = parse(a, complaintRecord);
    if (typeof body === 'string') return body;
    return body.id === complaint.id ? null : `id jawaban ${body.id}, bukan ${complaint.id}`;
  });
  await check('PUT ulang dengan isi sama menjawab 200 (idempoten)', async () => {
    const a = await put(complaint);
    const s = expectStatus(a, [200]);
    if (s) return s;
    const body = parse(a, complaintRecord);
    return typeof body === 'string' ? body : body.id === complaint.id ? null : 'id jawaban berbeda';
  });
  await check('PUT ulang dengan urutan kunci lain tetap dianggap isi sama (JSON kanonis)', async () => {
    const reordered = Object.fromEntries(Object.entries(complaint).reverse());
    return expectStatus(await put(reordered), [200]);
  });
  await check('PUT id sama dengan isi berbeda menjawab 409 CONFLICT', async () =>
    expectError(await put({ ...complaint, title: 'UJI KESESUAIAN: judul lain' }), [409], 'CONFLICT'),
  );
  await check('PUT dengan id isi berbeda dari id path menjawab 422', async () => {
    const other = sampleComplaint(options.deskCode);
    return expectError(await put(other, uuidv7()), [422]);
  });
  await check('PUT dengan deskCode berbeda dari X-Desk-Code menjawab 422', async () => {
    const other = {
      ...sampleComplaint(options.deskCode),
      deskCode: options.deskCode === 'ZZ99' ? 'ZZ98' : 'ZZ99',
    };
    return expectError(await put(other, other.id), [422]);
  });
  await check('PUT yang melanggar skema (tanpa judul) menjawab 422', async () => {
    const { title: _title, ...noTitle } = sampleComplaint(options.deskCode);
    return expectError(await put(noTitle, noTitle.id), [422]);
  });
  await check('PUT dengan JSON rusak menjawab 400', async () =>
    expectError(await call('PUT', `/v1/complaints/${uuidv7()}`, '{"id":'), [400]),
  );
  await check('PUT dengan id path bukan UUIDv7 menjawab 400', async () =>
    expectError(await put(complaint, 'BUKAN-UUID'), [400]),
  );
  await check('PUT dengan Content-Type text/plain menjawab 415', async () =>
    expectError(await put(complaint, complaint.id, { ...auth, 'Content-Type': 'text/plain' }), [415]),
  );
  await check('PUT lebih dari 1 MiB menjawab 413', async () => {
    const big = { ...sampleComplaint(options.deskCode), body: 'x'.repeat(1024 * 1024 + 10) };
    return expectError(await put(big, big.id), [413]);
  });
  await check('Tanpa token menjawab 401 dengan badan Error', async () =>
    expectError(
      await put(complaint, complaint.id, {
        'Content-Type': 'application/json',
        'X-Desk-Code': options.deskCode,
      }),
      [401],
    ),
  );
  await check('Token salah menjawab 401 atau 403', async () =>
    expectError(
      await put(complaint, complaint.id, { ...jsonHeaders, Authorization: 'Bearer salah-sekali' }),
      [401, 403],
    ),
  );
  const event = eventOf(complaint.id);
  const postEvent = (e: unknown, id = complaint.id) =>
    call('POST', `/v1/complaints/${id}/events`, JSON.stringify(e));
  await check('POST peristiwa baru menjawab 201 dengan peristiwa yang sama id-nya', async () => {
    const a = await postEvent(event);
    const s = expectStatus(a, [201]);
    if (s) return s;
    const body = parse(a, eventRecord);
    return typeof body === 'string'
      ? body
      : (body as EventRecord).id === event.id
        ? null
        : 'id jawaban berbeda';
  });
  await check('POST ulang peristiwa yang sama menjawab 200 (idempoten)', async () =>
    expectStatus(await postEvent(event), [200]),
  );
  await check('POST peristiwa koreksi (KOREKSI) dengan data bertipe diterima', async () => {
    const correction: EventRecord = {
      ...eventOf(complaint.id),
      kind: 'KOREKSI',
      reason: 'Uji koreksi',
      data: { changes: { title: { before: complaint.title, after: 'UJI KESESUAIAN: judul koreksi' } } },
    };
    return expectStatus(await postEvent(correction), [201]);
  });
  await check('POST dengan complaintId berbeda dari id path menjawab 422', async () =>
    expectError(await postEvent({ ...eventOf(uuidv7()) }, complaint.id), [422]),
  );
  await check(
    'POST peristiwa untuk pengaduan yang tidak dikenal menjawab 404 UNKNOWN_COMPLAINT',
    async () => {
      const unknown = uuidv7();
      return expectError(await postEvent(eventOf(unknown), unknown), [404], 'UNKNOWN_COMPLAINT');
    },
  );
  // A register for a far day of a test year, different on every run, so runs do not collide.
  const registerDay = `${2100 + Math.floor(Math.random() * 99)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  const registerOf = (entries: number) => {
    const content = canonicalJson({
      format: 'meja-pengaduan/register-harian@1',
      day: registerDay,
      uji: 'UJI KESESUAIAN',
      entries,
    });
    return {
      id: uuidv7(),
      deskCode: options.deskCode,
      day: registerDay,
      closedAt: new Date().toISOString(),
      entries,
      digest: createHash('sha256').update(content).digest('hex'),
      content,
    };
  };
  const register = registerOf(0);
  const putRegister = (r: unknown, day = registerDay) =>
    call('PUT', `/v1/registers/${day}`, JSON.stringify(r));
  await check('PUT register harian baru menjawab 201 dengan register yang sama', async () => {
    const a = await putRegister(register);
    const s = expectStatus(a, [201]);
    if (s) return s;
    const body = parse(a, dayRegisterRecord);
    if (typeof body === 'string') return body;
    return body.id === register.id && body.digest === register.digest
      ? null
      : 'jawaban bukan register yang dikirim';
  });
  await check('PUT ulang register yang sama menjawab 200 (idempoten)', async () =>
    expectStatus(await putRegister(register), [200]),
  );
  await check('PUT register lain untuk meja dan hari yang sama menjawab 409 CONFLICT', async () =>
    expectError(await putRegister(registerOf(1)), [409], 'CONFLICT'),
  );
  await check('PUT register dengan day berbeda dari path menjawab 422', async () =>
    expectError(await putRegister({ ...registerOf(0), day: '2099-01-01' }), [422]),
  );
  await check('GET /v1/changes dari awal menjawab halaman yang sah, paling banyak `limit`', async () => {
    const a = await call('GET', '/v1/changes?after=&limit=1');
    const s = expectStatus(a, [200]);
    if (s) return s;
    const page = parse(a, changesPage);
    if (typeof page === 'string') return page;
    return page.changes.length <= 1 ? null : `limit=1 menjawab ${page.changes.length} perubahan`;
  });
  await check('GET /v1/changes: halaman kosong mengembalikan `after` sebagai `next`', async () => {
    let after = '';
    for (let i = 0; i < 1000; i++) {
      const a = await call('GET', `/v1/changes?after=${encodeURIComponent(after)}&limit=${changesLimit.max}`);
      const page = parse(a, changesPage);
      if (typeof page === 'string') return page;
      if (page.changes.length === 0)
        return page.next === after ? null : `next "${page.next}", bukan "${after}"`;
      after = page.next;
    }
    return 'halaman kosong tidak tercapai setelah 1000 halaman';
  });
  await check(`GET /v1/changes dengan limit di luar 1-${changesLimit.max} menjawab 400`, async () =>
    expectError(await call('GET', `/v1/changes?limit=${changesLimit.max + 1}`), [400]),
  );
  await check('GET /v1/changes tanpa token menjawab 401', async () =>
    expectError(await call('GET', '/v1/changes', undefined, { 'X-Desk-Code': options.deskCode }), [401]),
  );
  await fileChecks({ call, check, parse, expectStatus, expectError, auth });
  await http.close();
  return results;
}
