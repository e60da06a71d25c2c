#!/usr/bin/env node
// `npm run plan:apex`: writes the evidence plan (cli/src/collect/plan.ts) for the in-org
// collector: docs/evidence-plan.json and the Apex constants class
// force-app/main/default/classes/evidence/AccessXRayEvidencePlan.cls (formatted with
// prettier-plugin-apex, with its -meta.xml). `--check` only compares and exits 1 on drift.
// tests/cli/evidencePlan.test.ts runs the same comparison in `npm test`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APEX_CLASS_META, formatApex, importTypeScript, writeGenerated } from './lib/generatedFiles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const exported = await importTypeScript(root, 'cli/src/collect/planExport.ts');
const apexPath = join(root, exported.PLAN_APEX_PATH);
const files = [
    [join(root, exported.PLAN_JSON_PATH), exported.planJson()],
    [apexPath, await formatApex(apexPath, exported.planApexSource())],
    [`${apexPath}-meta.xml`, APEX_CLASS_META]
];
const drift = writeGenerated(root, files, check, (path) => `plan:apex: ${path} differs from cli/src/collect/plan.ts: run npm run plan:apex`);
process.exitCode = drift ? 1 : 0;
