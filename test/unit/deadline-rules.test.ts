/**
 * Time limits per type and from a day on (issue 11): a record takes the limits in force on the day
 * it was received, for its type (or every type; the type's own wins a tie); records already received
 * never move; a rule cannot reach back into days already past; the forward uses the record's limits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';

let desk: ReturnType<typeof makeCore>;
beforeEach(async () => {
  desk = makeCore(); // Friday 27 November 2026, 09:00 WIB
  await setUpDesk(desk.api);
});
afterEach(() => desk.close());

const call = async <T>(method: string, input: unknown): Promise<T> => {
  let r = await desk.api.dispatch(method, input, 'admin');
  if (!r.ok && (r.error as { code: string }).code === 'SESSION_LOCKED') {
    value(await desk.api.dispatch('auth.unlock', { secret: 'rahasia-admin-1' }, 'admin'));
    r = await desk.api.dispatch(method, input, 'admin');
  }
  return value<T>(r);
};
type Saved = { id: string; deadlines: { verifyBy: string; followUpBy: string; answerBy: string } };
const save = (type = 'PENGADUAN') => call<Saved>('complaints.create', { ...sampleComplaint, type });
const rule = (complaintType: string | null, effectiveFrom: string, verify = 3, followUp = 5, answer = 14) =>
  call('settings.addDeadlineRule', {
    complaintType,
    verifyWorkingDays: verify,
    followUpWorkingDays: followUp,
    answerCalendarDays: answer,
    effectiveFrom,
  });

describe('time limits per type, from a day on', () => {
  it('apply from their day to records received from then, for their type; earlier records keep theirs', async () => {
    const before = await save('ASPIRASI');
    expect(before.deadlines).toEqual({
      verifyBy: '2026-12-02',
      followUpBy: '2026-12-09',
      answerBy: '2026-12-11',
    });
    await rule('ASPIRASI', '2026-11-30', 10, 10, 30);
    // Still Friday: the rule is not in force yet.
    expect((await save('ASPIRASI')).deadlines.verifyBy).toBe('2026-12-02');
    desk.clock.advance(3 * 86_400_000); // Monday 30 November
    const after = await save('ASPIRASI');
    expect(after.deadlines).toEqual({
      verifyBy: '2026-12-14',
      followUpBy: '2026-12-30', // ten working days on: 24 and 25 December are off
      answerBy: '2026-12-30',
    });
    // Another type keeps the desk's limits; the earlier record did not move.
    expect((await save('PENGADUAN')).deadlines.verifyBy).toBe('2026-12-03');
    const again = await call<{ complaint: { deadlines: Saved['deadlines'] } }>('complaints.get', {
      id: before.id,
    });
    expect(again.complaint.deadlines.verifyBy).toBe('2026-12-02');
  });

  it('a rule for every type applies to all; on the same day the type’s own wins; the newest day wins', async () => {
    await rule(null, '2026-11-27', 4, 5, 14);
    await rule('PENGADUAN', '2026-11-27', 2, 5, 14);
    expect((await save('PENGADUAN')).deadlines.verifyBy).toBe('2026-12-01');
    expect((await save('ASPIRASI')).deadlines.verifyBy).toBe('2026-12-03');
    await rule(null, '2026-11-28', 6, 5, 14);
    desk.clock.advance(86_400_000); // Saturday 28 November: the newer rule for every type
    expect((await save('PENGADUAN')).deadlines.verifyBy).toBe('2026-12-07');
  });

  it('the forward counts follow-up days by the record’s own limits', async () => {
    const saved = await save('ASPIRASI');
    // A rule from today also covers a record received earlier today: its limits are those of its day.
    await rule('ASPIRASI', '2026-11-27', 3, 2, 14);
    await call('complaints.act', { id: saved.id, action: 'VERIFY' });
    await call('complaints.act', { id: saved.id, action: 'FORWARD' });
    const got = await call<{ complaint: { deadlines: Saved['deadlines'] } }>('complaints.get', {
      id: saved.id,
    });
    expect(got.complaint.deadlines.followUpBy).toBe('2026-12-01'); // Friday + 2 working days
  });

  it('cannot reach back into past days, is admin-only, listed newest first, and kept append-only', async () => {
    const past = await desk.api.dispatch(
      'settings.addDeadlineRule',
      {
        complaintType: null,
        verifyWorkingDays: 3,
        followUpWorkingDays: 5,
        answerCalendarDays: 14,
        effectiveFrom: '2026-11-26',
      },
      'admin',
    );
    expect(past.ok === false && past.error.fields).toEqual({
      effectiveFrom:
        'Batas waktu baru berlaku paling awal hari ini (2026-11-27); hari yang sudah lewat tidak diubah.',
    });
    await rule(null, '2026-12-01');
    await rule('ASPIRASI', '2027-01-01');
    expect(
      (await call<Array<{ effectiveFrom: string }>>('settings.deadlineRules', {})).map(
        (r) => r.effectiveFrom,
      ),
    ).toEqual(['2027-01-01', '2026-12-01']);
    expect(() => desk.core.ctx.sqlite.prepare('DELETE FROM deadline_rules').run()).toThrow(/append-only/);
  });
});
