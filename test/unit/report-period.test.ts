/** Report periods: what each covers, and the period before it, across year ends and leap years. */
import { describe, expect, it } from 'vitest';
import { periodDays, previousPeriod, resolvePeriod } from '../../src/shared/domain/report-period';

describe('report periods', () => {
  it('cover whole months, quarters, semesters and years', () => {
    expect(resolvePeriod({ kind: 'month', year: 2028, index: 2 })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(resolvePeriod({ kind: 'month', year: 2026, index: 2 })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(resolvePeriod({ kind: 'month', year: 2026, index: 12 })).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(resolvePeriod({ kind: 'quarter', year: 2026, index: 1 })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(resolvePeriod({ kind: 'quarter', year: 2026, index: 3 })).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(resolvePeriod({ kind: 'semester', year: 2026, index: 2 })).toEqual({
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(resolvePeriod({ kind: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod({ kind: 'range', from: '2026-11-20', to: '2027-01-10' })).toEqual({
      from: '2026-11-20',
      to: '2027-01-10',
    });
  });

  it('have the one before: across the year end, and as many days before for a range', () => {
    expect(previousPeriod({ kind: 'month', year: 2027, index: 1 })).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(previousPeriod({ kind: 'month', year: 2028, index: 3 })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(previousPeriod({ kind: 'quarter', year: 2027, index: 1 })).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(previousPeriod({ kind: 'quarter', year: 2026, index: 3 })).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(previousPeriod({ kind: 'semester', year: 2027, index: 1 })).toEqual({
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(previousPeriod({ kind: 'semester', year: 2026, index: 2 })).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(previousPeriod({ kind: 'year', year: 2026 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod({ kind: 'range', from: '2026-12-25', to: '2027-01-07' })).toEqual({
      from: '2026-12-11',
      to: '2026-12-24',
    });
    expect(periodDays({ from: '2026-12-25', to: '2027-01-07' })).toBe(14);
    expect(periodDays({ from: '2026-12-25', to: '2026-12-25' })).toBe(1);
  });
});
