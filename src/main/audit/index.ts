/** What other parts of main may use of the audit feature: the trail's writer. */
export { createAudit, type Audit } from './audit';
