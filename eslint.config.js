// @ts-check
import js from '@eslint/js';
import {defineConfig, globalIgnores} from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeScript = ['**/*.ts', '**/*.mts'];
const javaScript = ['**/*.js', '**/*.mjs'];
const widgets = ['packages/widgets/src/**/*.ts', 'stories/**/*.ts', 'tests/widgets/**/*.ts'];

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', 'packages/server/public/', 'storybook-static/', '.data/', 'coverage/', '.cache/', 'bench/.tmp/']),
  {linterOptions: {reportUnusedDisableDirectives: 'error'}},
  js.configs.recommended,
  {
    files: typeScript,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // each file is checked against the tsconfig.json nearest to it; the one file no tsconfig lists gets the base options
        projectService: {allowDefaultProject: ['.storybook/check-build.ts'], defaultProject: 'tsconfig.base.json'},
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', {considerDefaultExhaustiveForUnions: true}],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's describe and it return promises the runner itself awaits
            {from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach']},
            // @open-wc/semantic-dom-diff types every chai `equal` as a promise; only its DOM snapshots are one
            {from: 'package', package: 'chai', name: ['Equal']},
          ],
        },
      ],
      // a fake fetch rejects with `signal.reason` (typed any), as fetch itself does
      '@typescript-eslint/prefer-promise-reject-errors': ['error', {allowThrowingAny: true}],
      // `async` without `await` is deliberate here: it turns a throw into a rejection and fits a Promise-returning interface
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  {
    files: javaScript,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {globals: globals.node},
  },
  {
    files: widgets,
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    rules: {
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/prefer-static-styles': 'error',
      'lit/quoted-expressions': ['error', 'never'],
      'lit/value-after-constraints': 'error',
      // Lit calls `@click=${this.onClick}` with the element as `this`, and the tests stash built-ins (fetch, click) to put them back as they were
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // chai's property assertions: `expect(el).to.exist`
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['tests/server/**/*.ts'],
    rules: {
      // the server tests read each response body as `any` (tests/server/helpers.ts) and let assert check its shape
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
