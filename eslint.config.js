// One linter for the whole tree. The rule that matters most: src/core stays pure
// (no Node built-ins, no framework, no other layer) so it runs in the browser too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'demo-data', 'test-results', 'playwright-report', '.tmp*'] },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/core must run in the browser: no Node built-ins.' },
            {
              group: [
                'fastify',
                'fastify/*',
                '@fastify/*',
                'pg',
                '@electric-sql/*',
                'react',
                'react-*',
                'nodemailer',
              ],
              message: 'src/core is pure domain logic: no framework, database or UI.',
            },
            {
              group: ['**/server/**', '**/db/**', '**/web/**', '**/cli/**', '**/api/**'],
              message: 'src/core depends on nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
);
