/** What other features may use of attachments: the service (receipts count them, the purge takes them). */
export type { Attachments } from './attachments';
