// npm run mutate: mutation testing (Stryker, vitest runner) of the modules that decide numbers,
// deadlines, identity, delivery, lockout and the queue, each group against its focused tests
// (mutation-groups.json; vitest.mutation.config.ts runs the same group's tests). Not part of npm test
// (a group takes minutes); run the group of a module when changing it:
//   MUTATION_GROUP=rules|delivery|accounts|queue|reports|operations|trail|all npm run mutate   (default: rules)
import { readFileSync } from 'node:fs';

const groups = JSON.parse(readFileSync(new URL('./mutation-groups.json', import.meta.url), 'utf8'));
const name = process.env.MUTATION_GROUP ?? 'rules';
const chosen = name === 'all' ? Object.values(groups) : [groups[name]];
if (!chosen[0]) throw new Error(`MUTATION_GROUP must be one of ${Object.keys(groups).join(', ')}, all`);

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: chosen.flatMap((g) => g.mutate),
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  concurrency: 2,
  timeoutMS: 30000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
