// The quality gates `npm test` runs, each a function of a project directory so the gate
// self-test (scripts/prove-gates.mjs) can run the same gates on a copy with injected faults.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import packageSources from '../package/lib/sources.js';
import deployChecks from '../package/lib/deployChecks.js';

const JAVA_LIB = (dir) => join(dir, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib', '*');
const bin = (dir, name) => join(dir, 'node_modules', '.bin', name);

/** Runs a command; returns { ok, output } with stdout+stderr merged. */
export function run(cmd, args, cwd, extraEnv = {}) {
    const res = spawnSync(cmd, args, {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0', ...extraEnv },
        maxBuffer: 64 * 1024 * 1024
    });
    const output = `${res.stdout ?? ''}${res.stderr ?? ''}${res.error ? `\n${res.error.message}` : ''}`;
    return { ok: res.status === 0, status: res.status, output };
}

/** Every file under `dir` (relative to `root`) whose name passes `keep`, skipping node_modules — the packaging checks' walker. */
export const { listFiles } = packageSources;

const APEX_DIRS = ['force-app', 'unpackaged'];
const apexFiles = (dir) => APEX_DIRS.flatMap((d) => listFiles(dir, d, (n) => /\.(cls|trigger)$/.test(n)));

export const GATES = [
    {
        name: 'typecheck',
        what: 'TypeScript strict type check (tsc --noEmit)',
        run: (dir) => run(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'], dir)
    },
    {
        name: 'lint',
        what: 'ESLint 9: typescript-eslint + LWC platform rules on sources, LWC recommended on shipped JS',
        run: (dir) => run(bin(dir, 'eslint'), ['--max-warnings', '0', '.'], dir)
    },
    {
        name: 'apex-semantics',
        what: 'Apex language server semantic check (unknown types, methods, fields)',
        run: (dir) => {
            if (apexFiles(dir).length === 0) return { ok: true, output: 'no Apex sources' };
            const res = run('java', ['-cp', JAVA_LIB(dir), 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', dir], dir);
            return res.ok ? res : { ...res, output: `Apex semantic errors (CheckForIssues exit ${res.status}):\n${res.output}` };
        }
    },
    {
        name: 'apex-pmd',
        what: 'PMD 7 Apex security rules + Salesforce AppExchange rules (zero findings)',
        run: (dir) => runPmd(dir)
    },
    {
        name: 'apex-format',
        what: 'prettier-plugin-apex formatting check',
        run: (dir) => {
            const files = apexFiles(dir);
            if (files.length === 0) return { ok: true, output: 'no Apex sources' };
            const res = run(bin(dir, 'prettier'), ['--check', ...files], dir);
            return res.ok ? res : { ...res, output: `${res.output}\nFix with: npm run apex:format:fix` };
        }
    },
    {
        name: 'source-structure',
        what: 'sf project convert source (metadata structure) + every Apex class has its -meta.xml',
        run: (dir) => checkSourceStructure(dir)
    },
    {
        name: 'deploy-package',
        what: 'what a deploy or package version rejects: LWC configuration files, object flags, permission dependencies, description lengths, ancestor, default deploy target',
        run: (dir) => runDeployChecks(dir)
    }
];

function runDeployChecks(dir) {
    const results = deployChecks.checkDeployment(dir);
    const lines = Object.entries(results).flatMap(([check, findings]) => findings.map((f) => `[${check}] ${f}`));
    return lines.length === 0
        ? { ok: true, output: `${Object.keys(results).length} deploy and package checks, 0 findings` }
        : { ok: false, output: `${lines.length} deploy/package finding(s):\n${lines.join('\n')}` };
}

function runPmd(dir) {
    const files = apexFiles(dir).map((f) => join(dir, f));
    if (files.length === 0) return { ok: true, output: 'no Apex sources' };
    const work = mkdtempSync(join(tmpdir(), 'axr-pmd-'));
    try {
        const ruleset = join(work, 'rules.xml');
        writeFileSync(
            ruleset,
            `<?xml version="1.0" encoding="UTF-8"?>
<ruleset name="Access X-Ray gates" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
  <description>PMD Apex security category and the Salesforce AppExchange security-review rules.</description>
  <rule ref="category/apex/security.xml"/>
  <rule ref="sfca/rulesets/AppExchange_apex.xml"/>
</ruleset>
`
        );
        const input = join(work, 'input.json');
        const output = join(work, 'results.json');
        writeFileSync(input, JSON.stringify({ ruleSetInputFile: ruleset, runDataPerLanguage: { apex: { filesToScan: files } } }));
        const res = run('java', ['-cp', JAVA_LIB(dir), 'com.salesforce.sfca.pmdwrapper.PmdWrapper', 'run', input, output], dir);
        if (!existsSync(output)) return { ok: false, output: `PMD did not run:\n${res.output}` };
        const results = JSON.parse(readFileSync(output, 'utf8'));
        const lines = [
            ...results.violations.map(
                (v) => `${relative(dir, v.codeLocation.file)}:${v.codeLocation.startLine}:${v.codeLocation.startCol} ${v.rule}: ${v.message}`
            ),
            ...results.processingErrors.map((e) => `processing error: ${e.file ?? ''} ${e.message ?? JSON.stringify(e)}`)
        ];
        return lines.length === 0
            ? { ok: true, output: `${files.length} Apex file(s), 0 findings` }
            : { ok: false, output: `${lines.length} PMD finding(s):\n${lines.join('\n')}` };
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

function checkSourceStructure(dir) {
    const missingMeta = apexFiles(dir).filter((f) => !existsSync(join(dir, `${f}-meta.xml`)));
    if (missingMeta.length > 0) {
        return { ok: false, output: `Apex sources without their -meta.xml (sf would silently drop them):\n${missingMeta.join('\n')}` };
    }
    const out = mkdtempSync(join(tmpdir(), 'axr-convert-'));
    try {
        // A throwaway HOME keeps the CLI from reading or writing real auth/config files.
        const home = mkdtempSync(join(tmpdir(), 'axr-home-'));
        const res = run(bin(dir, 'sf'), ['project', 'convert', 'source', '--output-dir', out, '--json'], dir, {
            HOME: home,
            SF_DISABLE_TELEMETRY: 'true',
            SF_AUTOUPDATE_DISABLE: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true'
        });
        rmSync(home, { recursive: true, force: true });
        if (!res.ok) return { ok: false, output: `sf project convert source failed:\n${res.output}` };
        const converted = listFiles(out, '.', () => true).filter((f) => f.endsWith('.ts') || f.includes('__tests__'));
        if (converted.length > 0) {
            return { ok: false, output: `TypeScript or test files would be deployed (fix .forceignore):\n${converted.join('\n')}` };
        }
        return { ok: true, output: 'metadata converts cleanly' };
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}
