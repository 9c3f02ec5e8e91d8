// npm run mutate: mutation testing (Stryker, vitest runner) of the modules that decide numbers,
// deadlines and identity rules, against their focused tests (vitest.mutation.config.ts). Not part of
// npm test (it takes minutes); run it when changing those modules. MUTATE=<files> narrows or widens
// it (with VITEST_CONFIG=vitest.config.ts for modules whose tests need the whole suite).
const mutate = process.env.MUTATE
  ? process.env.MUTATE.split(',')
  : [
      'src/shared/domain/nik.ts',
      'src/shared/domain/phone.ts',
      'src/shared/domain/receipt-number.ts',
      'src/shared/domain/status-flow.ts',
      'src/shared/domain/search.ts',
      'src/shared/calendar/working-days.ts',
    ];

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: process.env.VITEST_CONFIG ?? 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
