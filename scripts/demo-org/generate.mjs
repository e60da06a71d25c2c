#!/usr/bin/env node
// Writes the bundled demo org from its readable description (scripts/demo-org/demoOrg.ts):
//   data/demo-org.snapshot.json   the Snapshot (engine contract, schemaVersion 1)
//   data/demo-org.scenarios.json  the named scenarios with their expected verdicts
// Usage (through npm so Node 22 strips the TypeScript types):
//   npm run demo:generate            rewrite both files
//   npm run demo:generate -- --check exit 1 if the committed files differ from the generator
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoSnapshot, demoScenarios } from './demoOrg.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputs = [
    [join(root, 'data', 'demo-org.snapshot.json'), buildDemoSnapshot()],
    [join(root, 'data', 'demo-org.scenarios.json'), { scenarios: demoScenarios() }]
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, value] of outputs) {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    if (check) {
        let current = '';
        try {
            current = readFileSync(file, 'utf8');
        } catch {
            current = '';
        }
        if (current !== text) {
            stale++;
            console.error(`${file} is out of date: run "npm run demo:generate" and commit it.`);
        }
    } else {
        writeFileSync(file, text);
        console.log(`wrote ${file}`);
    }
}
process.exitCode = stale ? 1 : 0;
