/** What other screens may show of attachments: the panel of a record's files, and the intake form's. */
export { AttachmentsPanel } from './AttachmentsPanel';
export { IntakeFiles } from './IntakeFiles';
export { draftKey as attachmentsDraftKey, useIntakeFiles, type IntakeFilesState } from './useIntakeFiles';
