// npm run central:conformance -- --url https://pusat.example.go.id --token <desk token> --desk PBL01 [--ca ca.pem]
// Checks a central server against docs/central-api.openapi.json; writes test records, so use a test instance.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runConformance } from '../src/main/forwarding/conformance';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    desk: { type: 'string', default: 'PBL01' },
    ca: { type: 'string' },
  },
});
if (!values.url || !values.token) {
  console.error(
    'Pakai: npm run central:conformance -- --url <alamat server> --token <token meja> [--desk PBL01] [--ca ca.pem]',
  );
  process.exit(2);
}
const results = await runConformance({
  url: values.url,
  token: values.token,
  deskCode: values.desk!,
  caCertificate: values.ca ? readFileSync(values.ca, 'utf8') : null,
});
for (const r of results)
  console.log(`${r.ok ? 'LULUS' : 'GAGAL'}  ${r.name}${r.ok ? '' : `\n       ${r.detail}`}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
