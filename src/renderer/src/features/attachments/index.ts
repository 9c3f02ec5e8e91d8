/** What other screens may show of attachments: the panel of a record's files. */
export { AttachmentsPanel } from './AttachmentsPanel';
