/** Issue 9, item 17: the status-flow table against the rules written out by hand (not read from the table). */
import { describe, expect, it } from 'vitest';
import { complaintStatuses } from '../../src/shared/domain/complaint';
import {
  allowedActions,
  archiveReasons,
  closedStatuses,
  complaintActions,
  isAllowed,
  openStatuses,
  statusFlow,
} from '../../src/shared/domain/status-flow';
import { closed, columns, expected, needsReason } from '../support/status-rules';

describe('the status flow table, against the rules written out by hand', () => {
  it('covers every action and status', () => {
    expect(Object.keys(expected).sort()).toEqual([...complaintActions].sort());
    expect([...columns].sort()).toEqual([...complaintStatuses].sort());
  });
  for (const status of complaintStatuses) {
    it(`allows from ${status} exactly the actions the rules allow, leading where they say`, () => {
      const wanted = complaintActions.filter((a) => expected[a].allowed[columns.indexOf(status)] === 1);
      expect(allowedActions(status)).toEqual(wanted);
      for (const action of complaintActions)
        expect(isAllowed(action, status), action).toBe(wanted.includes(action));
    });
  }
  it('asks a reason exactly where the rules do', () => {
    for (const action of complaintActions)
      expect(statusFlow[action].needsReason, action).toBe(needsReason.includes(action));
  });
  it('knows which statuses are closed, and the reasons to archive', () => {
    expect([...closedStatuses]).toEqual(closed);
    expect([...openStatuses].sort()).toEqual(complaintStatuses.filter((s) => !closed.includes(s)).sort());
    expect([...archiveReasons]).toEqual(['TIDAK_VALID', 'DUPLIKAT', 'DI_LUAR_KEWENANGAN']);
  });
  it('leads each action to the status the rules name', () => {
    for (const action of complaintActions) expect(statusFlow[action].to, action).toBe(expected[action].to);
  });
});
