import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Two products in one repository: the app (src/, static/) never imports the local Forge runtime
 * (packages/forge-local), which the app only runs on; its seeds (local-site/) hand the runtime what
 * it needs. These patterns go into every app rule of `no-restricted-imports`, since a later rule
 * for the same files replaces an earlier one.
 */
const runtimeImports = [
  {
    group: [
      'forge-local',
      'forge-local/*',
      '**/packages/forge-local/**',
      '**/local-site',
      '**/local-site/**',
    ],
    message:
      'The app never imports the local Forge runtime or its seeds: they run the app, not the other way round.',
  },
];

/** The runtime never imports the app: the app's seeds hand it what it needs through the seed hook. */
const appImports = [
  {
    regex: '(^|/)(src|static|scripts|local-site)(/|$)',
    message:
      "The local Forge runtime never imports the app: the app's seeds hand it what it needs through the seed hook (SiteSeed).",
  },
];

/**
 * The runtime's tests run on the package's own fixture app and seed: they import the package
 * (`../src`) but nothing beyond it, neither the app's code nor its seeds.
 */
const runtimeTestImports = [
  {
    group: ['**/local-site', '**/local-site/**'],
    message:
      "The local Forge runtime's tests never import the app's seeds: they run on the package's own fixture seed.",
  },
  {
    regex: '^(\\.\\./){3,}(src|static|scripts)(/|$)',
    message: "The local Forge runtime's tests never import the app: only the package's own src/ and test/.",
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'static/build/', '.local-site/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.ts', 'static/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: runtimeImports }] },
  },
  {
    files: ['packages/forge-local/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: appImports }] },
  },
  {
    files: ['packages/forge-local/test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: runtimeTestImports }] },
  },
  {
    // The pure domain knows nothing of Forge, Jira, zod or the clock.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@forge/*',
                'zod',
                '**/contract/**',
                '**/application/**',
                '**/adapters/**',
                '**/resolvers/**',
                '**/platform/**',
                '**/triggers/**',
              ],
            },
            ...runtimeImports,
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass time in; the domain never reads the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass time in; the domain never reads the clock.',
        },
      ],
    },
  },
  {
    // The contract is shared with the browser: zod only.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@forge/*', '../*'] }, ...runtimeImports] }],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}', 'test/static/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@forge/api',
                '@forge/kvs',
                '@forge/resolver',
                '**/src/domain/**',
                '**/src/application/**',
                '**/src/adapters/**',
                '**/src/resolvers/**',
              ],
            },
            ...runtimeImports,
          ],
        },
      ],
    },
  },
  {
    // Command-line tools and the local runtime talk to a terminal.
    files: ['scripts/**/*.ts', 'local-site/**/*.ts', 'packages/forge-local/src/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
