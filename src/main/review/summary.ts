/** The summary band of the day review, counted in one pass over the day's records. */
import type { DaySummary, ReviewRecord } from '../../shared/contract/review';
import type { ComplaintStatus } from '../../shared/domain/complaint';
import { reviewStates } from '../../shared/domain/review';

const stageOf = (status: ComplaintStatus): keyof DaySummary['byStage'] => {
  switch (status) {
    case 'BARU':
      return 'new';
    case 'TERVERIFIKASI':
      return 'verified';
    case 'SELESAI':
    case 'DIARSIPKAN':
      return 'closed';
    case 'TUNDA':
      return 'postponed';
    default:
      return 'forwarded';
  }
};

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The summary band of a day, in one pass over its records. */
export function summarize(records: ReviewRecord[], today: string, nextWorkingDay: string): DaySummary {
  const summary: DaySummary = {
    received: records.length,
    byType: {},
    byChannel: {},
    byOfficer: {},
    byAgency: {},
    byKecamatan: {},
    byStage: { new: 0, verified: 0, forwarded: 0, closed: 0, postponed: 0 },
    late: 0,
    dueWithinOneWorkingDay: 0,
    supervisory: 0,
    anonymous: 0,
    confidential: 0,
    delivery: { sent: 0, waiting: 0, parked: 0 },
    review: Object.fromEntries(reviewStates.map((s) => [s, 0])) as DaySummary['review'],
    flagged: 0,
  };
  for (const r of records) {
    bump(summary.byType, r.type);
    bump(summary.byChannel, r.channel);
    bump(summary.byOfficer, r.officerName);
    bump(summary.byAgency, r.agencyCode);
    bump(summary.byKecamatan, r.kecamatanCode ?? '-');
    summary.byStage[stageOf(r.status)]++;
    if (r.currentDue !== null && r.currentDue < today) summary.late++;
    else if (r.currentDue !== null && r.currentDue <= nextWorkingDay) summary.dueWithinOneWorkingDay++;
    if (r.supervisory) summary.supervisory++;
    if (r.anonymous) summary.anonymous++;
    if (r.confidential) summary.confidential++;
    if (r.delivery !== 'none') summary.delivery[r.delivery]++;
    summary.review[r.review.state]++;
    if (r.flags.length) summary.flagged++;
  }
  return summary;
}
