/** What Cari takes typed text for: the rules of classifySearch, without a database. */
import { describe, expect, it } from 'vitest';
import { formatReceiptNumber } from '../../src/shared/domain/receipt-number';
import { classifySearch, ftsQuery, searchTokens } from '../../src/shared/domain/search';

const receipt = formatReceiptNumber({ deskCode: 'PBL01', day: '20261128', sequence: 42 });

describe('Cari', () => {
  it('tells receipt numbers, mistyped receipt numbers, NIK, phones and words apart', () => {
    expect(classifySearch('')).toEqual({ kind: 'empty' });
    expect(classifySearch('   ')).toEqual({ kind: 'empty' });
    expect(classifySearch(receipt)).toEqual({ kind: 'receipt', number: receipt });
    expect(classifySearch(receipt.replace(/-/g, ' · '))).toEqual({ kind: 'receipt', number: receipt });
    const typo = receipt.replace('0042', '0024');
    expect(classifySearch(typo)).toEqual({ kind: 'receipt-invalid' });
    expect(classifySearch('3513014507900001')).toEqual({ kind: 'nik', nik: '3513014507900001' });
    expect(classifySearch('3513.0145.0790.0001')).toEqual({ kind: 'nik', nik: '3513014507900001' });
    expect(classifySearch('+62 812-3456-7890')).toEqual({ kind: 'phone', phone: '081234567890' });
    expect(classifySearch('0812 3456 7890')).toEqual({ kind: 'phone', phone: '081234567890' });
    expect(classifySearch('jalan rusak')).toEqual({ kind: 'words', tokens: ['jalan', 'rusak'] });
    // Too short to be a phone: words.
    expect(classifySearch('0812')).toEqual({ kind: 'words', tokens: ['0812'] });
    expect(classifySearch('a !')).toEqual({ kind: 'empty' });
  });

  it('takes "#" and 5 to 10 digits for a SP4N-LAPOR! tracking ID, and nothing else', () => {
    expect(classifySearch('#9165816')).toEqual({ kind: 'lapor', id: '9165816' });
    expect(classifySearch(' # 9165816 ')).toEqual({ kind: 'lapor', id: '9165816' });
    expect(classifySearch('#12345')).toEqual({ kind: 'lapor', id: '12345' });
    expect(classifySearch('#1234567890')).toEqual({ kind: 'lapor', id: '1234567890' });
    expect(classifySearch('#1234').kind).toBe('words'); // too short
    expect(classifySearch('#12345678901').kind).not.toBe('lapor'); // too long
    expect(classifySearch('#91658a6').kind).toBe('words');
    expect(classifySearch('9165816').kind).toBe('words'); // without "#": words (or a phone fragment)
  });

  it('takes sixteen digits for a NIK only when nothing else is typed beside them', () => {
    expect(classifySearch('  3513014507900001  ')).toEqual({ kind: 'nik', nik: '3513014507900001' });
    expect(classifySearch('nik 3513014507900001').kind).toBe('words');
    expect(classifySearch('3513014507900001 (ibu)').kind).toBe('words');
    expect(classifySearch('3513014507900001 jalan').kind).toBe('words');
    expect(classifySearch('351301450790000').kind).not.toBe('nik'); // 15 digits
    expect(classifySearch('35130145079000011').kind).not.toBe('nik'); // 17 digits
  });

  it('takes a phone only when the whole text is a phone', () => {
    expect(classifySearch(' 081234567890 ')).toEqual({ kind: 'phone', phone: '081234567890' });
    expect(classifySearch('081234567890 jalan').kind).toBe('words');
    expect(classifySearch('jalan 081234567890').kind).toBe('words');
    expect(classifySearch('0812345').kind).toBe('words'); // 7 digits: too short
    expect(classifySearch('99999999999').kind).toBe('words'); // digits, but no Indonesian number
  });

  it('makes words: lower case, accents gone, two letters or more, at most eight, each a prefix', () => {
    expect(searchTokens('Jalan RUSAK di Désa a b')).toEqual(['jalan', 'rusak', 'di', 'desa']);
    expect(searchTokens('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10')).toHaveLength(8);
    expect(searchTokens('jalan,rusak;desa')).toEqual(['jalan', 'rusak', 'desa']);
    expect(ftsQuery(['jal', 'ru"sak'])).toBe('"jal"* "rusak"*');
  });
});
