/** The conformance check the central team runs: it passes against a server built to the document, and names what a broken one breaks. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/main/forwarding/conformance';
import { FakeCentral } from '../support/fake-central';

let central: FakeCentral;
beforeEach(async () => {
  central = await new FakeCentral().start();
});
afterEach(() => central.stop());

const run = () =>
  runConformance({ url: central.url, token: central.token, deskCode: 'PBL01', timeoutMs: 2000 });

describe('npm run central:conformance', () => {
  it('passes every check against the desk’s own test server', async () => {
    const results = await run();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(20);
  });

  it('names the checks a server fails: a 202 that stores nothing, an HTML health page, a redirect', async () => {
    central.fault = (req) => (req.method === 'PUT' ? '202' : 'ok');
    central.healthFault = () => 'html';
    let failed = (await run()).filter((r) => !r.ok).map((r) => r.name);
    expect(failed).toEqual(
      expect.arrayContaining([
        'GET /v1/health tanpa token menjawab 200 {"status":"ok"}',
        'PUT pengaduan baru menjawab 201 dengan pengaduan yang sama id-nya',
        'POST peristiwa baru menjawab 201 dengan peristiwa yang sama id-nya',
      ]),
    );
    central.healthFault = () => 'ok';
    central.fault = (req, path) => (req.method === 'GET' && path === '/v1/changes' ? 'redirect' : 'ok');
    failed = (await run()).filter((r) => !r.ok).map((r) => r.name);
    expect(failed.every((n) => n.startsWith('GET /v1/changes'))).toBe(true);
    expect(failed.length).toBeGreaterThanOrEqual(3);
  });
});
