#!/usr/bin/env node
// Writes the bundled demo org from its readable description (scripts/demo-org/demoOrg.ts):
//   data/demo-org.snapshot.json   the Snapshot (engine contract, schemaVersion 1)
//   data/demo-org.scenarios.json  the named scenarios with their expected verdicts
//   data/tree/*.json              the same records as `sf data import tree` files + plan
//   scripts/scratch-org/apex/*    anonymous Apex seeding users, memberships, teams, shares
//                                 (scripts/demo-org/scratchSeed.ts)
// Usage (through npm so Node 22 strips the TypeScript types):
//   npm run demo:generate            rewrite both files
//   npm run demo:generate -- --check exit 1 if the committed files differ from the generator
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoSnapshot, demoScenarios } from './demoOrg.ts';
import { buildScratchSeed } from './scratchSeed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputs = [
    [join(root, 'data', 'demo-org.snapshot.json'), buildDemoSnapshot()],
    [join(root, 'data', 'demo-org.scenarios.json'), { scenarios: demoScenarios() }],
    ...Object.entries(buildScratchSeed(buildDemoSnapshot())).map(([path, text]) => [join(root, path), text])
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, value] of outputs) {
    const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
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
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
        console.log(`wrote ${file}`);
    }
}
process.exitCode = stale ? 1 : 0;
