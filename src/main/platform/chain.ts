/**
 * The hash chain over the audit trail and the complaint history: each row carries the SHA-256 of
 * the hash before it and of its own content, so an edited, removed or slipped-in row breaks the
 * chain at that row. The writers (audit/audit.ts, complaints/history.ts) link each row as they
 * append it, inside the same transaction; the trail feature verifies the whole chain and seals rows
 * written before the chain existed. The row encodings here are the single definition both use.
 */
import { createHash } from 'node:crypto';

export const genesis = '0'.repeat(64);

export function linkHash(prev: string, kind: 'audit' | 'event', rowText: string): string {
  return createHash('sha256').update(`${prev}\n${kind}\n${rowText}`).digest('hex');
}

export interface AuditRowValues {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}
export const auditRowText = (r: AuditRowValues) =>
  JSON.stringify([r.id, r.at, r.actorId, r.action, r.target, r.detail]);

export interface EventRowValues {
  chainSeq: number | null;
  id: string;
  complaintId: string;
  kind: string;
  at: string;
  actorId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  /** The data column as stored: JSON text, or null. */
  data: string | null;
}
export const eventRowText = (r: EventRowValues) =>
  JSON.stringify([
    r.chainSeq,
    r.id,
    r.complaintId,
    r.kind,
    r.at,
    r.actorId,
    r.fromStatus,
    r.toStatus,
    r.reason,
    r.data,
  ]);
