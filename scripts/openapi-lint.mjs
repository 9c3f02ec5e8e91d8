// npm run openapi:lint: the central contract under Redocly's and Spectral's recommended rules.
// Both must report nothing at all, warnings included: the central team lints with them too.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const doc = join(root, 'docs', 'central-api.openapi.json');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) =>
  spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });

let failed = false;
const redocly = run(bin('redocly'), ['lint', doc, '--format', 'json']);
try {
  const report = JSON.parse(redocly.stdout);
  const { errors, warnings } = report.totals;
  console.log(`Redocly (recommended): ${errors} errors, ${warnings} warnings`);
  for (const p of report.problems ?? [])
    console.log(`  ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
  failed ||= errors + warnings > 0;
} catch {
  console.log(redocly.stdout, redocly.stderr);
  failed = true;
}
const spectral = run(bin('spectral'), [
  'lint',
  doc,
  '--ruleset',
  join(root, '.spectral.yaml'),
  '--fail-severity',
  'hint',
]);
console.log(`Spectral (spectral:oas): ${spectral.status === 0 ? 'no problems' : 'problems found'}`);
if (spectral.status !== 0) console.log(spectral.stdout, spectral.stderr);
failed ||= spectral.status !== 0;
process.exit(failed ? 1 : 0);
