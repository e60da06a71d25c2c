#!/usr/bin/env node
// Part of `npm run plan:apex`: runs the CLI collector on a few demo scenarios against the fake org and
// writes what the in-org collector's trace test compares with into the Apex test class
// force-app/main/default/classes/tests/util/AccessXRayPlanTraceScenarios.cls (formatted with
// prettier-plugin-apex, with its -meta.xml). `--check` only compares and exits 1 on drift;
// tests/apex/evidencePlanApex.test.ts runs the same comparison in `npm test`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const { build } = await import('esbuild');
// Bundled inside the project so the packages left external (jsforce…) resolve from its node_modules.
mkdirSync(join(root, '.build'), { recursive: true });
const dir = mkdtempSync(join(root, '.build', 'axr-traces-'));
let exported;
try {
    const out = join(dir, 'planApexTraces.mjs');
    await build({
        entryPoints: [join(root, 'cli', 'src', 'collect', 'planApexTraces.ts')],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning'
    });
    exported = await import(pathToFileURL(out).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}

const demo = JSON.parse(readFileSync(join(root, 'data', 'demo-org.snapshot.json'), 'utf8'));
const { scenarios } = JSON.parse(readFileSync(join(root, 'data', 'demo-org.scenarios.json'), 'utf8'));
const data = await exported.apexTraceData(demo, scenarios);

const prettier = await import('prettier');
const apexPath = join(root, exported.APEX_TRACES_PATH);
const options = (await prettier.resolveConfig(apexPath)) ?? {};
const apex = await prettier.format(exported.planApexTracesSource(data), { ...options, filepath: apexPath, parser: 'apex', plugins: ['prettier-plugin-apex'] });
const files = [
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
        console.error(`plan:apex: ${path.slice(root.length + 1)} differs from the CLI collector's run of the demo scenarios: run npm run plan:apex`);
        drift++;
    } else {
        writeFileSync(path, text);
        console.log(`wrote ${path.slice(root.length + 1)}`);
    }
}
process.exitCode = drift ? 1 : 0;
