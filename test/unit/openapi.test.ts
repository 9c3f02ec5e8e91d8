import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../src/main/forwarding/openapi';
import { repoRoot } from '../support/core';

describe('the central server contract', () => {
  it('is written down as OpenAPI 3.1 and matches the code (run npm run openapi after changing the schemas)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'docs', 'central-api.openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
    expect(committed.openapi).toBe('3.1.0');
    expect(Object.keys(committed.paths)).toEqual([
      '/v1/complaints/{id}',
      '/v1/complaints/{id}/events',
      '/v1/attachments/{sha256}',
      '/v1/registers/{day}',
      '/v1/changes',
      '/v1/health',
    ]);
    // Every reference points at a schema that exists.
    expect(JSON.stringify(committed)).not.toContain('#/$defs/');
    const refs = [...JSON.stringify(committed).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    for (const r of refs) expect(committed.components.schemas, r).toHaveProperty(r);
    expect(committed.components.schemas.Complaint.required).toEqual(
      expect.arrayContaining(['id', 'receiptNumber', 'deskCode', 'title', 'body', 'deadlines']),
    );
  });
});
