/** What other features may use of complaints: the history writer and the complaint tables. */
export type { History } from './history';
export { complaintEvents, complaints } from './schema';
