// Mutation testing (npm run mutate) runs the fast, focused tests of the pure rules, so each of the
// hundreds of mutants takes a second, not a minute. The full suite still runs in npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/identity-rules.test.ts',
      'test/unit/receipt-number.test.ts',
      'test/unit/status-flow-rules.test.ts',
      'test/unit/search-intent.test.ts',
      'test/unit/working-days.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
  },
});
