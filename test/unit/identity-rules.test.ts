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
