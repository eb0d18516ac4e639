import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'data/', 'tests/fixtures/', 'bench/.q*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core never reaches out to a chat platform: dependencies point inward.
    files: ['src/store/**', 'src/ingest/**', 'src/extract/**', 'src/query/**', 'src/deliver/**', 'src/reply/**', 'commands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/platforms/**'], message: 'The core must not import a platform (dependencies point inward).' },
            { group: ['discord.js', '@slack/bolt', '@discordjs/*', '@slack/*'], message: 'Chat libraries belong in src/platforms only.' },
          ],
        },
      ],
    },
  },
);
