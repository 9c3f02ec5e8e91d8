/**
 * NIK (Nomor Induk Kependudukan): 16 digits. Digits 1-2 are the province, 3-4 the
 * regency/city, 5-6 the district, 7-12 the birth date (day + 40 for women), 13-16 a serial.
 */
const provinceCodes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
]);

export type NikProblem = 'format' | 'region' | 'birthdate';

export function nikProblem(nik: string): NikProblem | null {
  if (!/^\d{16}$/.test(nik)) return 'format';
  if (!provinceCodes.has(nik.slice(0, 2)) || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    return 'region';
  }
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const dayOfMonth = day > 40 ? day - 40 : day;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return 'birthdate';
  return null;
}

export function normalizeNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/** 3513********0001: the form a receipt or a screen may show (UU 27/2022). */
export function maskNik(nik: string): string {
  return nik.slice(0, 4) + '*'.repeat(Math.max(0, nik.length - 8)) + nik.slice(-4);
}
