import { describe, expect, it } from 'vitest';
import { yearsWithoutHolidays } from '../../src/shared/calendar/holiday-coverage';

describe('holiday table coverage', () => {
  const table = ['2025-12-25', '2026-01-01', '2026-12-25'];
  it('asks for next year’s holidays from October on', () => {
    expect(yearsWithoutHolidays('2026-09-30', table)).toEqual([]);
    expect(yearsWithoutHolidays('2026-11-28', table)).toEqual([2027]);
    expect(yearsWithoutHolidays('2026-11-28', [...table, '2027-01-01'])).toEqual([]);
  });
  it('asks for this year when the table has none for it', () => {
    expect(yearsWithoutHolidays('2028-03-01', table)).toEqual([2028]);
  });
});
