/**
 * Both message catalogues are complete (issue 13, item 6): every key the screens and main ask for
 * is in Bahasa Indonesia and in English, no text is empty, each English text keeps the same
 * {{placeholders}}, and the screens hold no sentence outside the catalogues.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { id } from '../../src/shared/i18n/id';
import { repoRoot } from '../support/core';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const idKeys = flatten(id as unknown as Tree);
const enKeys = flatten(en as unknown as Tree);
const files = sources(join(repoRoot, 'src')).filter((f) => !f.includes(join('shared', 'i18n')));

/** Keys written out in full: t('a.b'), say('a.b'), i18nKey 'a.b' in tables of keys. */
function literalKeys(): Array<{ key: string; where: string }> {
  const found: Array<{ key: string; where: string }> = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|say|msg|i18n\.t)\(\s*'([a-zA-Z][\w.]*)'/g))
      found.push({ key: m[1]!, where: relative(repoRoot, file) });
  }
  return found;
}

/** Keys built from a prefix: t(`statuses.${s}`) needs the group `statuses` in both. */
function keyPrefixes(): Array<{ prefix: string; where: string }> {
  const found: Array<{ prefix: string; where: string }> = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|say)\(\s*`([a-zA-Z][\w.]*)\.\$\{/g))
      found.push({ prefix: m[1]!, where: relative(repoRoot, file) });
  }
  return found;
}

describe('the message catalogues', () => {
  it('hold the same keys in both languages, none empty, with the same placeholders', () => {
    expect([...enKeys.keys()].sort()).toEqual([...idKeys.keys()].sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of idKeys) {
      expect(text.trim(), `id ${key}`).not.toBe('');
      expect(enKeys.get(key)!.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(enKeys.get(key)!), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('have every key the code asks for, in both languages', () => {
    const used = literalKeys();
    expect(used.length).toBeGreaterThan(300);
    const missing = used.filter(({ key }) => !idKeys.has(key) || !enKeys.has(key));
    expect(missing).toEqual([]);
    const groups = keyPrefixes();
    expect(groups.length).toBeGreaterThan(20);
    const hasGroup = (keys: Map<string, string>, prefix: string) =>
      [...keys.keys()].some((k) => k.startsWith(`${prefix}.`));
    expect(groups.filter(({ prefix }) => !hasGroup(idKeys, prefix) || !hasGroup(enKeys, prefix))).toEqual([]);
  });

  it('leave no sentence written straight into a screen', () => {
    // JSX text between tags with two or more words of letters is a sentence a translator never saw.
    const screens = files.filter((f) => f.endsWith('.tsx'));
    const offenders: string[] = [];
    for (const file of screens) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/>\s*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ,.!?'’-]*(?:\s+[A-Za-zÀ-ÿ,.!?'’-]+)+)\s*</g)) {
        // Names of the languages themselves are shown in their own language on purpose.
        if (['Bahasa Indonesia'].includes(m[1]!.trim())) continue;
        offenders.push(`${relative(repoRoot, file)}: ${m[1]!.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('printed documents in both languages', () => {
  const source = {
    siteName: 'Mal Pelayanan Publik Kabupaten Probolinggo',
    deskCode: 'PBL01',
    receiptNumber: 'PBL01-20261128-0042-7',
    type: 'PENGADUAN' as const,
    receivedAt: '2026-11-28T02:00:00.000Z',
    channelName: 'Datang langsung',
    categoryName: null,
    agencyName: 'Dinas Perhubungan',
    title: 'Lampu jalan mati',
    anonymous: false,
    confidential: false,
    complainantName: 'Siti Aminah',
    nik: '3513014507900001',
    verifyBy: '2026-12-02',
    followUpBy: '2026-12-09',
    answerBy: '2026-12-12',
    officerName: 'Ani',
    attachments: 0,
    laporTrackingId: '9165816',
    followUpContact: null,
    statusUrl: null,
    footerText: null,
    escalationText: null,
    copyAt: '2026-11-29T03:00:00.000Z',
  };

  it('a receipt printed by an officer working in English is in English, dates included', async () => {
    const { inLanguage } = await import('../../src/main/platform/language');
    const { buildReceiptModel } = await import('../../src/main/receipts/model');
    const { renderReceiptHtml } = await import('../../src/main/receipts/html');
    const english = inLanguage('en', () => buildReceiptModel(source));
    expect(english.heading).toBe('COMPLAINT RECEIPT');
    expect(english.nextSteps[0]).toBe('Verified and forwarded by Wednesday, 2 December 2026 at the latest.');
    expect(english.free).toBe('This service is free of charge.');
    expect(english.copy).toMatch(/^COPY - reprinted 29 November 2026/);
    const html = await inLanguage('en', () => renderReceiptHtml(english, '80mm'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('What happens next:');
    expect(html).not.toMatch(/Nomor tanda terima|Yang terjadi|Petugas/);
    // Outside a call, and for an Indonesian officer: Bahasa Indonesia, as before.
    const indonesian = buildReceiptModel(source);
    expect(indonesian.heading).toBe('TANDA TERIMA PENGADUAN');
    expect(indonesian.nextSteps[0]).toBe('Verifikasi dan penerusan paling lambat Rabu, 2 Desember 2026.');
  });

  it('the daily register follows the language of the supervisor who prints it; its digest does not', async () => {
    const { inLanguage } = await import('../../src/main/platform/language');
    const { renderRegisterHtml } = await import('../../src/main/review/register-html');
    const content = {
      format: 'meja-pengaduan/register-harian@2' as const,
      chain: { audit: null, events: null },
      deskCode: 'PBL01',
      siteName: 'MPP Kabupaten Probolinggo',
      day: '2026-11-27',
      closedAt: '2026-11-27T09:00:00.000Z',
      closedBy: 'Sri',
      reason: null,
      entries: [],
      totals: { entries: 0, byType: {}, byStatus: {}, unreviewed: 0 },
    };
    const english = inLanguage('en', () => renderRegisterHtml(content as never, 'abc123'));
    expect(english).toContain('Daily Complaint Register');
    expect(english).toContain('Day: Friday, 27 November 2026');
    expect(english).toContain('No complaints on this day.');
    expect(english).toContain('SHA-256: abc123');
    const indonesian = renderRegisterHtml(content as never, 'abc123');
    expect(indonesian).toContain('Buku Register Pengaduan Harian');
    expect(indonesian).toContain('Hari: Jumat, 27 November 2026');
  });

  it('leave no words outside the catalogues in the modules that print', () => {
    const printing = [
      'src/main/receipts/model.ts',
      'src/main/receipts/html.ts',
      'src/main/receipts/escpos.ts',
      'src/main/review/register-html.ts',
      'src/main/reports/report-html.ts',
      'src/main/reports/report-tables.ts',
      'src/main/reports/charts.ts',
      'src/main/reports/export-files.ts',
      'src/main/privacy/copy-html.ts',
      'src/main/electron/passphrase-prompt.ts',
    ];
    const offenders: string[] = [];
    for (const file of printing) {
      const code = readFileSync(join(repoRoot, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/<style>[\s\S]*?<\/style>/g, '')
        .replace(/<script>[\s\S]*?<\/script>/g, '');
      // A quoted text or a text between tags that reads as words: two words of letters, the first capitalised.
      for (const m of code.matchAll(/(?:['"`>])([A-Z][a-z]+(?: [a-z][a-z]+)+)/g))
        offenders.push(`${file}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
