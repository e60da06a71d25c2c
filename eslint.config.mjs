// ESLint 9 flat config. Three areas:
//  1. TypeScript LWC sources (lwc-src): typescript-eslint + the LWC platform rules
//     (@lwc/eslint-plugin-lwc, as configured by @salesforce/eslint-config-lwc "base").
//  2. The generated JavaScript that ships (force-app/**/lwc): @salesforce/eslint-config-lwc
//     "recommended" — the exact rules Salesforce recommends for LWC, on the exact code deployed.
//  3. Node-side code and tests (cli, scripts, tests): typescript-eslint + Node/Jest globals.
import { createRequire } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');

const lwcBase = lwcConfig.configs.base;
const lwcPlatformRules = Object.assign({}, ...lwcBase.map((c) => c.rules ?? {}));
const lwcPlugins = Object.assign({}, ...lwcBase.map((c) => c.plugins ?? {}));
// The best-practice rules of "recommended" also run on the TypeScript sources, so authors see
// them on their own lines (the shipped JS is linted with the full set anyway). Rules whose
// JavaScript version misreads TypeScript are replaced by their typescript-eslint twins.
const recommendedRules = Object.assign({}, ...lwcConfig.configs.recommended.map((c) => c.rules ?? {}));
const replacedByTs = ['no-shadow', 'no-use-before-define', 'no-unused-expressions', 'no-empty-function', 'no-useless-constructor', 'no-redeclare', 'no-undef', 'no-unused-vars', 'no-dupe-class-members'];
const bestPracticeRules = Object.fromEntries(
    Object.entries(recommendedRules).filter(
        ([name]) => (!name.includes('/') || name.startsWith('@lwc/')) && !replacedByTs.includes(name)
    )
);
const lwcRecommended = lwcConfig.configs.recommended.map((c) => ({
    ...c,
    files: ['force-app/**/lwc/**/*.js']
}));

export default tseslint.config(
    {
        ignores: ['node_modules/**', 'dist/**', '.build/**', 'coverage/**', 'artifacts/**', '.sf/**', '.sfdx/**', 'preview/dist/**']
    },
    // 1. TypeScript LWC sources.
    {
        files: ['lwc-src/**/*.ts'],
        extends: [js.configs.recommended, ...tseslint.configs.recommended],
        plugins: lwcPlugins,
        languageOptions: { globals: { ...globals.browser } },
        rules: {
            ...bestPracticeRules,
            ...lwcPlatformRules,
            '@typescript-eslint/no-shadow': 'error',
            '@typescript-eslint/no-unused-expressions': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
            'no-console': 'error'
        }
    },
    // Tests next to the LWC sources run in Jest.
    {
        files: ['lwc-src/**/__tests__/**/*.ts'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            'no-console': 'off',
            '@lwc/lwc/no-async-operation': 'off',
            'no-await-in-loop': 'off',
            'no-new': 'off',
            'dot-notation': 'off'
        }
    },
    // 2. The shipped JavaScript.
    ...lwcRecommended,
    {
        // Generated from TypeScript, where an ignored caught error is named `_…` on purpose
        // (an optional catch binding would not parse in the AppExchange scanner).
        files: ['force-app/**/lwc/**/*.js'],
        rules: { 'no-unused-vars': ['error', { caughtErrorsIgnorePattern: '^_' }] }
    },
    // 3. Node-side code.
    {
        files: ['cli/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'preview/**/*.ts'],
        extends: [js.configs.recommended, ...tseslint.configs.recommended],
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] }
    },
    {
        files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
        ignores: ['force-app/**/lwc/**'],
        extends: [js.configs.recommended],
        languageOptions: { globals: { ...globals.node }, ecmaVersion: 'latest', sourceType: 'module' }
    },
    {
        files: ['**/*.cjs', 'jest.config.js', 'jest.setup.js'],
        languageOptions: { sourceType: 'commonjs' }
    }
);
