// Jest through @salesforce/sfdx-lwc-jest, as two projects:
//  - lwc:  LWC component and engine tests next to their TypeScript sources
//          (lwc-src/**/__tests__), in jsdom, with the sa11y matcher. `c/<name>` resolves to
//          the compiled bundles in force-app (run `npm run build` first), so the tests
//          exercise exactly the JavaScript that ships.
//  - node: CLI, fake org, Apex contract, demo, package and bench tests (tests/**), in Node.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const ignored = [...jestConfig.testPathIgnorePatterns, '<rootDir>/force-app/', '<rootDir>/dist/'];

module.exports = {
    testTimeout: 30000,
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            roots: ['<rootDir>/lwc-src'],
            testMatch: ['**/__tests__/**/*.test.ts'],
            setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js'],
            testPathIgnorePatterns: ignored,
            modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.build/'],
            collectCoverageFrom: ['force-app/main/default/lwc/**/*.js']
        },
        {
            displayName: 'node',
            rootDir: jestConfig.rootDir,
            testEnvironment: 'node',
            roots: ['<rootDir>/tests'],
            testMatch: ['<rootDir>/tests/**/*.test.ts'],
            moduleFileExtensions: jestConfig.moduleFileExtensions,
            transform: jestConfig.transform,
            testPathIgnorePatterns: ignored,
            modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.build/']
        }
    ]
};
