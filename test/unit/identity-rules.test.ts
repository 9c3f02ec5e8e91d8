import { describe, expect, it } from 'vitest';
import { maskNik, nikProblem, normalizeNik } from '../../src/shared/domain/nik';
import { maskPhone, normalizePhone } from '../../src/shared/domain/phone';

describe('phone numbers', () => {
  it('treat 08…, +62… and 62… as the same number', () => {
    for (const raw of [
      '081234567890',
      '+62 812-3456-7890',
      '62812 3456 7890',
      '0812.3456.7890',
      '(0812) 34567890',
    ]) {
      expect(normalizePhone(raw), raw).toBe('081234567890');
    }
  });
  it('accept a Probolinggo landline and refuse what is not a number', () => {
    expect(normalizePhone('0335 841234')).toBe('0335841234');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('0812abc')).toBeNull();
    expect(normalizePhone('+1 415 555 0100')).toBeNull();
  });
  it('mask all but the first and last four digits', () => {
    expect(maskPhone('081234567890')).toBe('0812****7890');
  });
});

describe('NIK', () => {
  it('is 16 digits with a real region and birth date', () => {
    expect(nikProblem('3513014507900001')).toBeNull(); // woman born 5 Jul 1990 (45 = 5 + 40)
    expect(nikProblem('351301450790001')).toBe('format');
    expect(nikProblem('0013014507900001')).toBe('region');
    expect(nikProblem('3500014507900001')).toBe('region');
    expect(nikProblem('3513019913900001')).toBe('birthdate');
  });
  it('is masked as on the receipt: 3513********0001', () => {
    expect(maskNik('3513014507900001')).toBe('3513********0001');
    expect(normalizeNik('3513 0145 0790 0001')).toBe('3513014507900001');
  });
});

describe('NIK, every rule pinned (issue 9, item 18)', () => {
  // Province codes of Indonesia (Kemendagri), written out independently of the code under test.
  const provinces =
    '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96 97'.split(
      ' ',
    );
  it('accepts men (day as it is) and women (day + 40) alike', () => {
    expect(nikProblem('3513010507900001')).toBeNull(); // a man born 5 Jul 1990
    expect(nikProblem('3513014507900001')).toBeNull(); // a woman born the same day
    expect(nikProblem('3513013112900001')).toBeNull(); // 31 Dec
    expect(nikProblem('3513017112900001')).toBeNull(); // a woman, 31 Dec
  });

  it('accepts every province of Indonesia, and no other two digits', () => {
    for (const p of provinces) expect(nikProblem(`${p}13010507900001`), p).toBeNull();
    for (const p of [
      '00',
      '10',
      '20',
      '22',
      '30',
      '37',
      '41',
      '50',
      '54',
      '60',
      '66',
      '70',
      '77',
      '80',
      '83',
      '90',
      '98',
      '99',
    ])
      expect(nikProblem(`${p}13010507900001`), p).toBe('region');
  });

  it('refuses the wrong length, a month 00 or 13, and a day 00, 32 or 72', () => {
    expect(nikProblem('35130105079000011')).toBe('format'); // 17 digits
    expect(nikProblem('351301050790000')).toBe('format'); // 15
    expect(nikProblem('35130105079000a1')).toBe('format');
    expect(nikProblem('3513010500900001')).toBe('birthdate'); // month 00
    expect(nikProblem('3513010513900001')).toBe('birthdate'); // month 13
    expect(nikProblem('3513010007900001')).toBe('birthdate'); // day 00
    expect(nikProblem('3513013207900001')).toBe('birthdate'); // day 32
    expect(nikProblem('3513017207900001')).toBe('birthdate'); // day 72 (a woman's 32)
    expect(nikProblem('3513004007900001')).toBe('region'); // district 00
  });
});

describe('phone numbers, every rule pinned (issue 9, item 18)', () => {
  it('take mobile numbers of 10 to 13 digits and landlines of 9 to 12, nothing else', () => {
    expect(normalizePhone('0812345678')).toBe('0812345678'); // 10
    expect(normalizePhone('0812345678901')).toBe('0812345678901'); // 13
    expect(normalizePhone('081234567')).toBeNull(); // 9: too short for a mobile
    expect(normalizePhone('08123456789012')).toBeNull(); // 14
    expect(normalizePhone('033584123')).toBe('033584123'); // a 9-digit landline
    expect(normalizePhone('0335841234567')).toBeNull(); // 13-digit landline
    expect(normalizePhone('03358412')).toBeNull(); // 8
  });
  it('refuse letters, a second plus, and numbers that do not start with 0 or 62', () => {
    for (const raw of [
      '0812-3456-789O',
      'O81234567890',
      '++6281234567890',
      '81234567890',
      '6381234567890',
      '',
    ])
      expect(normalizePhone(raw), raw).toBeNull();
  });
});
