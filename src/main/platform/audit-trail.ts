/**
 * What a feature needs of the audit trail: to record who did what to which record. The audit
 * feature keeps the trail (and shows it); every other feature is handed this port, so none of them
 * depends on the audit feature, which itself reads the accounts (to name who acted).
 */
export interface AuditTrail {
  record(actorId: string | null, action: string, target?: string | null, detail?: unknown): void;
}
