import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'web/src/gql/**', '.data/**', 'tests/e2e/artifacts/**', 'docs/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ThrowStatement > NewExpression[callee.name='Error']",
          message: 'Throw a DomainError (common/errors) so the client gets a stable code.',
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-syntax': 'off' },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/test-support/**',
      'tests/**',
      'scripts/**',
      'bench/**',
      '**/cli/**',
      '**/seeds/**',
      '**/dev-idp/**',
      '**/db/**',
      '**/common/auth/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
