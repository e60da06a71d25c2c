/** @jest-environment node */
/**
 * The engine's verdict for every named scenario of the demo org (data/demo-org.snapshot.json).
 * Each scenario carries its expected maximum access level, the layer that decides it and the
 * public source of the rule (Salesforce Help, Object Reference, release notes) — see data/demo-org.scenarios.json
 * and docs/demo-org.md. The snapshot's UserRecordAccess rows are the platform's verdicts; the
 * engine must agree with them except where a restriction rule blocks (UserRecordAccess
 * ignores restriction rules — Object Reference "UserRecordAccess").
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Explanation } from '../../lwc-src/lwc/accessXrayEngine/types';
import type { DemoScenario } from '../../scripts/demo-org/demoOrg';

// Node-environment Jest cannot import the compiled LWC bundle (the LWC transformer adds
// DOM-only engine code), so the scenarios run through `scripts/demo.mjs --all --json`, which
// loads the engine's Node bundle dist/engine/accessXrayEngine.mjs (`npm run build`) — the
// same code path as `npm run demo`.
const root = join(__dirname, '..', '..');
const { scenarios } = JSON.parse(readFileSync(join(root, 'data', 'demo-org.scenarios.json'), 'utf8')) as {
    scenarios: DemoScenario[];
};
const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), '--all', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
});
const results = new Map<string, { explanation: Explanation; text: string; matches: boolean }>();
if (demo.stdout) {
    for (const r of (
        JSON.parse(demo.stdout) as {
            scenarios: { key: string; explanation: Explanation; text: string; matches: boolean }[];
        }
    ).scenarios) {
        results.set(r.key, r);
    }
}
const run = (s: DemoScenario): Explanation => {
    const r = results.get(s.key);
    if (!r)
        throw new Error(`scenario ${s.key} missing from demo.mjs output: ${demo.stderr || String(demo.error ?? '')}`);
    return r.explanation;
};
const label = (s: DemoScenario): string => `#${s.n} ${s.title} [${s.source}]`;

describe.each(scenarios.map((s) => [label(s), s] as const))('%s', (_name, s) => {
    it(`max access level is ${s.expected.maxAccessLevel}`, () => {
        const e = run(s);
        expect(e.maxAccessLevel).toBe(s.expected.maxAccessLevel);
        expect(e.access.read).toBe(s.expected.maxAccessLevel !== 'None');
    });

    it(`layer ${s.expected.decidingLayer} decides it (${s.expected.decidingStatus})`, () => {
        const e = run(s);
        const layer = e.layers.find((l) => l.id === s.expected.decidingLayer);
        expect(layer?.status).toBe(s.expected.decidingStatus);
        expect(layer?.reason.length).toBeGreaterThan(10);
        if (s.expected.maxAccessLevel !== 'None') {
            // A named grant path through the deciding layer reaches the max level (or more: a path
            // that gives the owner's access, All, is capped by object permissions, e.g. Transfer
            // for a profile without Delete — docs/engine.md "Owner without object Delete").
            const order = ['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'];
            const paths = e.paths.filter((p) => p.layer === s.expected.decidingLayer);
            expect(Math.max(...paths.map((p) => order.indexOf(p.level)))).toBeGreaterThanOrEqual(
                order.indexOf(s.expected.maxAccessLevel)
            );
            if (s.expected.maxAccessLevel !== 'Transfer')
                expect(paths.map((p) => p.level)).toContain(s.expected.maxAccessLevel);
            for (const p of paths) expect(p.summary.length).toBeGreaterThan(0);
        } else {
            // Denied: read is explained; a blocking layer is named as the read blocker.
            const whyNot = e.whyNot.find((w) => w.operation === 'read');
            expect(whyNot).toBeDefined();
            if (s.expected.decidingStatus === 'blocks') {
                expect(whyNot?.blockingLayer).toBe(s.expected.decidingLayer);
            } else {
                expect(e.layers.filter((l) => l.status === 'grants').map((l) => l.id)).toEqual([]);
            }
        }
    });

    it(`reconciliation with UserRecordAccess (${s.platformMaxAccessLevel}) ${s.expected.reconciliation}`, () => {
        const r = run(s).reconciliation;
        expect(r.status).toBe(s.expected.reconciliation);
        expect(r.platform?.maxAccessLevel).toBe(s.platformMaxAccessLevel);
        if (s.expected.reconciliation === 'disagrees') {
            // UserRecordAccess ignores restriction rules (Object Reference "UserRecordAccess").
            expect(r.explanations.join(' ')).toMatch(/restriction rule/i);
        }
    });

    it('is complete evidence: the verdict is not uncertain', () => {
        const e = run(s);
        expect(e.uncertainties).toEqual([]);
        expect(e.uncertain).toBe(false);
    });
});

describe('demo org scenarios: gates and rendering', () => {
    const withHidden = scenarios.filter((s) => (s.expected.hiddenFields ?? []).length > 0);
    it.each(withHidden.map((s) => [label(s), s] as const))(
        '%s → FLS hides the expected fields and shows the granted ones',
        (_name, s) => {
            const fields = run(s).gates.fields;
            for (const name of s.expected.hiddenFields ?? []) {
                const gate = fields.find((f) => f.field === name || f.field.endsWith(`.${name}`));
                expect(gate).toMatchObject({ readable: false });
            }
            const amount = fields.find((f) => f.field === 'Amount__c' || f.field.endsWith('.Amount__c'));
            expect(amount).toMatchObject({ readable: true, editable: false });
        }
    );
    it.each(scenarios.map((s) => [label(s), s] as const))(
        '%s → the explanation names the user and renders as text',
        (_name, s) => {
            const e = run(s);
            expect(e.userId).toBe(s.userId);
            expect(e.recordId).toBe(s.recordId);
            const text = results.get(s.key)?.text ?? '';
            expect(text).toContain(e.userName);
            expect(text.length).toBeGreaterThan(100);
        }
    );
});

describe('npm run demo (scripts/demo.mjs)', () => {
    const demoRun = (...args: string[]): ReturnType<typeof spawnSync> =>
        spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), ...args], {
            cwd: root,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' }
        });
    it('runs every scenario in agreement with the documented expectations (exit 0)', () => {
        expect(demo.status).toBe(0);
        expect([...results.values()].every((r) => r.matches)).toBe(true);
        expect(results.size).toBe(scenarios.length);
    });
    it('by default explains only the headline scenarios, with the engine text and the expectation check', () => {
        const r = demoRun();
        expect(r.status).toBe(0);
        const out = String(r.stdout);
        for (const s of scenarios) expect(out.includes(s.title)).toBe(s.headline === true);
        expect(out).toContain('UserRecordAccess');
        expect(out).toContain('✓ as expected: no access, decided by the org-wide default, which gives nothing here');
    });
    it('--scenario picks by number or key; --summary prints one line per scenario', () => {
        const one = demoRun('--scenario', '2', '--scenario', 'elio-invoice-4');
        expect(one.status).toBe(0);
        expect(String(one.stdout)).toContain(scenarios[1]?.title ?? '?');
        expect(String(one.stdout)).toContain('INV-0004');
        const summary = demoRun('--all', '--summary');
        expect(summary.status).toBe(0);
        expect(String(summary.stdout)).toContain(`${scenarios.length} of ${scenarios.length} match their expected verdicts`);
    });
    it.each([
        [['--scenario', '999'], /no scenario "999"/],
        [['--scenario'], /--scenario needs a scenario number or key/],
        [['--bogus'], /unknown option "--bogus"/],
        [['--all', '--scenario', '1'], /cannot be combined/]
    ])('bad arguments %p → one clear error line, exit 2, nothing on stdout', (args, message) => {
        const r = demoRun(...args);
        expect(r.status).toBe(2);
        expect(String(r.stderr)).toMatch(message);
        expect(String(r.stderr).trim().split('\n')).toHaveLength(1); // one line, no usage dump, no stack trace
        expect(String(r.stdout)).toBe('');
    });
});
