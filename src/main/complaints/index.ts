/**
 * What other features may use of complaints: the history writer (every event goes through it), the
 * complaints service (receipts read what they print from it), the actions (the review verifies
 * through them), and the complaint table for foreign keys and read-only reporting. Only this
 * feature writes its tables (test/unit/architecture.test.ts).
 */
export type { Complaints } from './complaints';
export type { History } from './history';
export type { Actions } from './actions';
export type { Similar } from './similar';
export { complaints as complaintTable } from './schema';
export { reserveNumbersAfterRestore, type ReservedNumbers } from './numbering';
export { createPersonalData, type PersonalData, type HeldRecord } from './personal';
export type { Drafts } from './drafts';
