#!/usr/bin/env node
// Part of `npm run plan:apex`: runs the CLI collector on a few demo scenarios against the fake org and
// writes what the in-org collector's trace test compares with into the Apex test class
// force-app/main/default/classes/tests/util/AccessXRayPlanTraceScenarios.cls (formatted with
// prettier-plugin-apex, with its -meta.xml). `--check` only compares and exits 1 on drift;
// tests/apex/evidencePlanApex.test.ts runs the same comparison in `npm test`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APEX_CLASS_META, formatApex, importTypeScript, writeGenerated } from './lib/generatedFiles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const exported = await importTypeScript(root, 'cli/src/collect/planApexTraces.ts');
const demo = JSON.parse(readFileSync(join(root, 'data', 'demo-org.snapshot.json'), 'utf8'));
const { scenarios } = JSON.parse(readFileSync(join(root, 'data', 'demo-org.scenarios.json'), 'utf8'));
const data = await exported.apexTraceData(demo, scenarios);

const apexPath = join(root, exported.APEX_TRACES_PATH);
const files = [
    [apexPath, await formatApex(apexPath, exported.planApexTracesSource(data))],
    [`${apexPath}-meta.xml`, APEX_CLASS_META]
];
const drift = writeGenerated(root, files, check, (path) => `plan:apex: ${path} differs from the CLI collector's run of the demo scenarios: run npm run plan:apex`);
process.exitCode = drift ? 1 : 0;
