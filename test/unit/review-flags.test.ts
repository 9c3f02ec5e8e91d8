/**
 * The day review's rules, one by one: each names its point on a record that has it, keeps quiet on
 * one that does not, follows its threshold at the boundary, and can be switched off.
 */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/shared/calendar/working-days';
import { defaultReviewRules, reviewRuleNames, type ReviewRules } from '../../src/shared/domain/review';
import { reviewFlags, type FlagInput } from '../../src/main/review/flags';

const calendar = new WorkingCalendar(['2026-12-25']);
/** A record no rule has anything to say about: Friday 09:00 WIB, clear, complete, reachable. */
const clean: FlagInput = {
  title: 'Jalan desa rusak parah di Ngadisari',
  body: 'Sejak bulan lalu jalan utama di depan balai desa berlubang besar sehingga warga pengendara motor sering jatuh pada malam hari.',
  kecamatanCode: '35.13.01',
  desaCode: '35.13.01.2001',
  locationDetail: 'Depan balai desa',
  incidentDate: '2026-11-20',
  categoryId: 1,
  subcategoryId: 2,
  supervisory: false,
  anonymous: false,
  agencyCode: 'DPUPR',
  reachable: true,
  receivedAt: '2026-11-27T02:00:00.000Z',
  receivedDay: '2026-11-27',
  corrected: false,
  duplicateOf: null,
  afterClose: false,
};
const rules = defaultReviewRules;
const flagsOf = (change: Partial<FlagInput>, r: ReviewRules = rules) =>
  reviewFlags({ ...clean, ...change }, r, calendar);
const names = (change: Partial<FlagInput>, r: ReviewRules = rules) => flagsOf(change, r).map((f) => f.rule);

describe('review flags', () => {
  it('say nothing about a clear, complete record saved in working hours', () => {
    expect(flagsOf({})).toEqual([]);
  });

  it('each rule names its point, with the reason’s parameters', () => {
    expect(flagsOf({ desaCode: null, locationDetail: '  ' })).toEqual([{ rule: 'vagueLocation' }]);
    expect(names({ desaCode: null })).toEqual([]); // a location detail is enough
    expect(names({ locationDetail: null })).toEqual([]); // so is a desa
    expect(flagsOf({ subcategoryId: null })).toEqual([{ rule: 'noCategory' }]);
    expect(flagsOf({ categoryId: null })).toEqual([{ rule: 'noCategory' }]);
    expect(flagsOf({ duplicateOf: 'PBL01-20261120-0001-X' })).toEqual([
      { rule: 'possibleDuplicate', params: { receipt: 'PBL01-20261120-0001-X' } },
    ]);
    expect(flagsOf({ supervisory: true })).toEqual([
      { rule: 'supervisoryNotInspektorat', params: { agency: 'DPUPR' } },
    ]);
    expect(names({ supervisory: true, agencyCode: 'INSPEKTORAT' })).toEqual([]);
    expect(flagsOf({ reachable: false })).toEqual([{ rule: 'unreachable' }]);
    expect(names({ reachable: false, anonymous: true })).toEqual([]); // an anonymous report expects no contact
    expect(flagsOf({ corrected: true })).toEqual([{ rule: 'corrected' }]);
    expect(flagsOf({ afterClose: true })).toEqual([{ rule: 'afterClose' }]);
  });

  it('a thin report: too few words, or what/where/when/who/how missing, named', () => {
    expect(flagsOf({ body: 'Jalan rusak.' })).toEqual([
      { rule: 'thinReport', params: { words: 2, min: 15, missing: 'apa, siapa' } }, // when: the incident date; how: "rusak"
    ]);
    const fifteen =
      'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua-belas tiga-belas';
    // Enough words and every cue but "how": still thin, and says which.
    expect(
      flagsOf({ body: `Sejak kemarin warga di jalan desa ${fifteen}` }).map((f) => f.params?.missing),
    ).toEqual(['bagaimana']);
    // The threshold is the setting's, at its boundary.
    const body = `Sejak kemarin warga di jalan desa rusak sehingga ${'kata '.repeat(7)}`.trim();
    expect(body.split(/\s+/)).toHaveLength(15);
    expect(names({ body })).toEqual([]);
    expect(names({ body }, { ...rules, minBodyWords: 16 })).toEqual(['thinReport']);
  });

  it('an old incident: more than the set number of days before receipt, at the boundary', () => {
    expect(names({ incidentDate: '2026-10-28' })).toEqual([]); // 30 days before
    expect(flagsOf({ incidentDate: '2026-10-27' })).toEqual([
      { rule: 'oldIncident', params: { date: '2026-10-27', days: 30 } },
    ]);
    expect(names({ incidentDate: null })).toEqual([]);
    expect(names({ incidentDate: '2026-11-17' }, { ...rules, maxIncidentAgeDays: 9 })).toEqual([
      'oldIncident',
    ]);
    expect(names({ incidentDate: '2026-11-18' }, { ...rules, maxIncidentAgeDays: 9 })).toEqual([]);
  });

  it('outside working hours: before the start, from the end on, on weekends and holidays (WIB)', () => {
    const at = (iso: string, day = iso.slice(0, 10)) =>
      names({ receivedAt: iso, receivedDay: day, incidentDate: null });
    expect(at('2026-11-27T00:29:00.000Z')).toEqual(['outsideHours']); // 07:29 WIB
    expect(at('2026-11-27T00:30:00.000Z')).toEqual([]); // 07:30
    expect(at('2026-11-27T08:59:00.000Z')).toEqual([]); // 15:59
    expect(flagsOf({ receivedAt: '2026-11-27T09:00:00.000Z' })).toEqual([
      { rule: 'outsideHours', params: { time: '16:00' } },
    ]);
    expect(at('2026-11-28T02:00:00.000Z')).toEqual(['outsideHours']); // Saturday
    expect(at('2026-12-25T02:00:00.000Z')).toEqual(['outsideHours']); // a holiday
    // 23:30 UTC on Thursday is 06:30 WIB on Friday: early, judged on the WIB day.
    expect(at('2026-11-26T23:30:00.000Z', '2026-11-27')).toEqual(['outsideHours']);
    expect(names({ receivedAt: '2026-11-27T10:00:00.000Z' }, { ...rules, workEnd: '18:00' })).toEqual([]);
  });

  it('a rule switched off says nothing; the order is the rules’ order', () => {
    const messy = { desaCode: null, locationDetail: null, categoryId: null, corrected: true };
    expect(names(messy)).toEqual(['vagueLocation', 'noCategory', 'corrected']);
    expect(names(messy, { ...rules, off: ['noCategory'] })).toEqual(['vagueLocation', 'corrected']);
    expect(names(messy, { ...rules, off: [...reviewRuleNames] })).toEqual([]);
  });
});
