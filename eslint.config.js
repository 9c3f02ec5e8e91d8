import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = {
  paths: [{ name: 'electron', message: "Import 'electron' only in src/main/electron/ and src/preload/." }],
  patterns: [
    { group: ['electron/*'], message: "Import 'electron' only in src/main/electron/ and src/preload/." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.stryker-tmp/**',
      'reports/**',
      // A developer's local experiments (git-ignored).
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', electronImport],
    },
  },
  {
    // The only places allowed to touch Electron.
    files: ['src/main/electron/**', 'src/preload/**', 'test/unit/electron/**', 'test/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Shared code runs in both worlds: no Node built-ins, no DOM-only assumptions.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            { group: ['node:*'], message: 'src/shared must stay pure.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React Compiler is not used; TanStack Virtual is fine without its memoisation.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            {
              group: ['node:*', '**/main/**'],
              message: 'The renderer talks to main only through the api module.',
            },
          ],
        },
      ],
    },
  },
);
