#!/usr/bin/env node
// `npm run plan:apex`: writes the evidence plan (cli/src/collect/plan.ts) for the in-org
// collector: docs/evidence-plan.json and the Apex constants class
// force-app/main/default/classes/evidence/AccessXRayEvidencePlan.cls (formatted with
// prettier-plugin-apex, with its -meta.xml). `--check` only compares and exits 1 on drift.
// tests/cli/evidencePlan.test.ts runs the same comparison in `npm test`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const { build } = await import('esbuild');
const dir = mkdtempSync(join(tmpdir(), 'axr-plan-'));
let exported;
try {
    const out = join(dir, 'planExport.mjs');
    await build({
        entryPoints: [join(root, 'cli', 'src', 'collect', 'planExport.ts')],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'esm',
        logLevel: 'warning'
    });
    exported = await import(pathToFileURL(out).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}

const prettier = await import('prettier');
const apexPath = join(root, exported.PLAN_APEX_PATH);
const options = (await prettier.resolveConfig(apexPath)) ?? {};
const apex = await prettier.format(exported.planApexSource(), { ...options, filepath: apexPath, parser: 'apex', plugins: ['prettier-plugin-apex'] });
const files = [
    [join(root, exported.PLAN_JSON_PATH), exported.planJson()],
    [apexPath, apex],
    [
        `${apexPath}-meta.xml`,
        '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n'
    ]
];
let drift = 0;
for (const [path, text] of files) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) continue;
    if (check) {
        console.error(`plan:apex: ${path.slice(root.length + 1)} differs from cli/src/collect/plan.ts: run npm run plan:apex`);
        drift++;
    } else {
        writeFileSync(path, text);
        console.log(`wrote ${path.slice(root.length + 1)}`);
    }
}
process.exitCode = drift ? 1 : 0;
