// Mutation testing (npm run mutate) runs only the focused tests of the chosen group of modules
// (MUTATION_GROUP, mutation-groups.json), so each of the hundreds of mutants takes seconds, not
// minutes. The full suite still runs in npm test.
import { defineConfig } from 'vitest/config';
import groups from './mutation-groups.json';

const name = process.env.MUTATION_GROUP ?? 'rules';
const chosen = name === 'all' ? Object.values(groups) : [groups[name as keyof typeof groups]];

export default defineConfig({
  test: {
    include: chosen.flatMap((g) => g.tests),
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
