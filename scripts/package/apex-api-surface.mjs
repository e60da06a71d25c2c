#!/usr/bin/env node
// Upgrade safety for the managed package: the public/global Apex API surface.
//
//   node scripts/package/apex-api-surface.mjs            check (default): exit 1 when a recorded
//                                                        signature disappeared or changed and the
//                                                        "## [Unreleased]" section of CHANGELOG.md
//                                                        does not name it (e.g. AccessXRayController.collect)
//   node scripts/package/apex-api-surface.mjs --record   write the current surface to docs/apex-api-surface.json
//   add --json for machine-readable output.
//
// scripts/package/create-version.mjs checks before building a version and records after it, so the
// recorded file is the surface of the last version built. The logic lives in lib/apiSurface.js
// (shared with tests/package/apiSurface.test.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { SURFACE_FILE, checkSurface, recordSurface } = require('./lib/apiSurface.js');

export { checkSurface, recordSurface };

function main() {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const args = process.argv.slice(2);
    const unknown = args.filter((a) => !['--record', '--check', '--json'].includes(a));
    if (unknown.length > 0) {
        console.error(`Unknown option(s): ${unknown.join(' ')}. Usage: apex-api-surface.mjs [--check | --record] [--json]`);
        process.exit(2);
    }
    try {
        if (args.includes('--record')) {
            const count = recordSurface(root);
            console.log(args.includes('--json') ? JSON.stringify({ status: 0, recorded: count }) : `Recorded ${count} signature(s) in ${SURFACE_FILE}`);
            return;
        }
        const check = checkSurface(root);
        if (args.includes('--json')) console.log(JSON.stringify({ status: check.ok ? 0 : 1, message: check.message, result: check.result }, null, 2));
        else (check.ok ? console.log : console.error)(check.message);
        process.exit(check.ok ? 0 : 1);
    } catch (error) {
        console.error(`Apex API surface check could not run: ${error.message}`);
        process.exit(2);
    }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
