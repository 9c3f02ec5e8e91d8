/** What other screens may use of the queue: the correction form (the day review, the officer's Beranda). */
export { CorrectionForm } from './CorrectionForm';
export { EarlierComplaints } from './EarlierComplaints';
