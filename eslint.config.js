// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// From src/modules/<a>/file.ts, another module is `../<b>/...` (or `../../modules/<b>/...`); only its index.js may be named.
const crossModule = {
  regex: '^(\\.\\./(?!\\.\\.)[^/]+|(\\.\\./)+modules/[^/]+)/(?!index\\.js$).+',
  message: 'Import another module only through its index.ts (docs/ARCHITECTURE.md, "Who may import whom").',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'artifacts/', 'coverage/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify, Kysely and pg-boss hand us loosely typed values at the edges; zod narrows them.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Raw HTML bypasses escaping; only src/platform/views may use it.',
        },
      ],
    },
  },
  {
    files: ['src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**', '**/modules.js', '**/app.js', '**/worker.js'], message: 'platform/ imports no module.' }] },
      ],
    },
  },
  {
    files: ['src/modules/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossModule] }] },
  },
  { files: ['src/platform/views/**'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', 'test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
