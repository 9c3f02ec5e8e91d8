/**
 * What other features may use of complaints: the history writer (every event goes through it) and
 * the complaints service (receipts read what they print from it). The tables stay private.
 */
export type { Complaints } from './complaints';
export type { History } from './history';
