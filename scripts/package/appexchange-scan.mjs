#!/usr/bin/env node
// Salesforce Code Analyzer AppExchange rules for the package's metadata XML, shipped LWC
// JavaScript and HTML (Apex is covered by the apex-pmd gate). Exit 0 = zero open findings.
//   node scripts/package/appexchange-scan.mjs [--json]
// Accepted findings live in scripts/package/appexchange-suppressions.json, each with a justification.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { runAppExchangeScan, RULESETS } = require('./lib/appexchangeScan.js');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
try {
    const result = runAppExchangeScan(root);
    if (process.argv.includes('--json')) {
        console.log(JSON.stringify({ rulesets: RULESETS, ...result, output: undefined }, null, 2));
    } else {
        console.log(`AppExchange rules (${RULESETS.map((r) => r.split('/').pop()).join(', ')}) on ${result.scanned} file(s)`);
        for (const s of result.suppressed) console.log(`  accepted: ${s.finding}\n            ${s.justification}`);
        for (const f of result.findings) console.log(`  FINDING: ${f}`);
        for (const e of result.errors) console.log(`  ERROR: ${e}`);
        console.log(`${result.findings.length} open finding(s), ${result.suppressed.length} accepted with justification, ${result.errors.length} processing error(s)`);
    }
    process.exit(result.ok ? 0 : 1);
} catch (error) {
    console.error(`AppExchange scan could not run: ${error.message}`);
    process.exit(2);
}
