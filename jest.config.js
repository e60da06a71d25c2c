// Jest through @salesforce/sfdx-lwc-jest: LWC component tests and engine tests live next to
// their TypeScript sources (lwc-src/**/__tests__); Node-side tests (CLI, fake org, Apex
// contract, demo) live in tests/ and declare `@jest-environment node` in their docblock.
// `c/<name>` resolves to the compiled bundles in force-app (run `npm run build` first), so
// the tests exercise exactly the JavaScript that ships.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    roots: ['<rootDir>/lwc-src', '<rootDir>/tests'],
    testMatch: ['**/__tests__/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js'],
    testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/force-app/', '<rootDir>/dist/'],
    modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.build/'],
    collectCoverageFrom: ['force-app/main/default/lwc/**/*.js'],
    testTimeout: 30000
};
