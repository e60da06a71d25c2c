#!/usr/bin/env node
// `npm test`: every quality gate, in order, then one closing summary line.
// Usage: node scripts/gates.mjs [--only name,name] [--skip name,name]
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATES, run } from './lib/gates.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argList = (flag) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1].split(',') : null;
};
const only = argList('--only');
const skip = argList('--skip') ?? [];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let testsPassed = 0;
let testsFailed = 0;

function jestGate() {
    const report = join(root, '.build', 'jest-results.json');
    mkdirSync(dirname(report), { recursive: true });
    rmSync(report, { force: true });
    const res = run(
        process.execPath,
        [join(root, 'node_modules', '@salesforce', 'sfdx-lwc-jest', 'bin', 'sfdx-lwc-jest'), '--', '--ci', '--json', `--outputFile=${report}`],
        root
    );
    if (existsSync(report)) {
        const r = JSON.parse(readFileSync(report, 'utf8'));
        testsPassed += r.numPassedTests;
        testsFailed += r.numFailedTests;
        const summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numTotalTestSuites} suites`;
        return { ok: res.ok && r.success, output: res.ok ? summary : `${res.output}\n${summary}` };
    }
    return { ok: false, output: res.output };
}

/** Other npm scripts that report "N passed, N failed" on their last line (e2e, gate self-test). */
function npmScriptGate(script) {
    return () => {
        const npmCli = process.env.npm_execpath;
        const res = npmCli ? run(process.execPath, [npmCli, 'run', '--silent', script], root) : run('npm', ['run', '--silent', script], root);
        // "N passed, N failed" (our scripts) or node:test's "# pass N" / "# fail N" (spec and TAP reporters).
        const counts = [...res.output.matchAll(/^\s*(?:\w+:\s*)?(\d+) passed, (\d+) failed/gm)].pop();
        const nodePass = [...res.output.matchAll(/^[#ℹ]\s*pass (\d+)/gm)].pop();
        const nodeFail = [...res.output.matchAll(/^[#ℹ]\s*fail (\d+)/gm)].pop();
        if (counts) {
            testsPassed += Number(counts[1]);
            testsFailed += Number(counts[2]);
        } else if (nodePass) {
            testsPassed += Number(nodePass[1]);
            testsFailed += Number(nodeFail?.[1] ?? 0);
        }
        return res;
    };
}

const gates = [
    ...GATES.map((g) => ({ ...g, run: () => g.run(root) })),
    { name: 'jest', what: 'Jest (sfdx-lwc-jest): engine, components, CLI, Apex contract, demo', run: jestGate },
    ...(pkg.scripts['test:e2e'] ? [{ name: 'e2e', what: 'Playwright end-to-end in Chromium against the preview', run: npmScriptGate('test:e2e') }] : []),
    { name: 'gate-selftest', what: 'each gate fails on an injected fault', run: npmScriptGate('test:gates') }
].filter((g) => (!only || only.includes(g.name)) && !skip.includes(g.name));

const results = [];
for (const gate of gates) {
    const started = Date.now();
    process.stdout.write(`▶ ${gate.name}: ${gate.what}\n`);
    const res = gate.run();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ name: gate.name, ok: res.ok, seconds });
    const body = res.output.trim();
    if (!res.ok) process.stdout.write(`${body}\n✖ ${gate.name} FAILED (${seconds}s)\n\n`);
    else process.stdout.write(`${body.split('\n').slice(-3).join('\n')}\n✔ ${gate.name} (${seconds}s)\n\n`);
}

const failed = results.filter((r) => !r.ok);
console.log('Gate summary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(16)} ${r.seconds}s`);
console.log(`Gates: ${results.length - failed.length} passed, ${failed.length} failed`);
console.log(`Tests: ${testsPassed} passed, ${testsFailed} failed`);
process.exit(failed.length === 0 ? 0 : 1);
