/** @jest-environment node */
/**
 * Plain language wherever the demo's words reach people: every line `npm run demo` prints
 * (headline scenarios, --all, --summary, --list, --help and an error), and every scenario's
 * title, reason ("why") and source — which `npm run demo`, `sf xray … --snapshot demo`, the
 * panel preview (the snapshot's subjects and description) and docs/demo-org.md show. None may
 * cite a seed, a document section (§), an issue, a project document (*.md) or a camelCase code
 * identifier ("orgWideDefaults", "notApplicable"). Sources are public titles (Salesforce Help,
 * Object Reference, release notes, developer guides).
 *
 * "issue" is matched as a word: the demo's invoices have the status "Issued".
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import type { DemoScenario } from '../../scripts/demo-org/demoOrg';

const root = join(__dirname, '..', '..');
const { scenarios } = JSON.parse(readFileSync(join(root, 'data', 'demo-org.scenarios.json'), 'utf8')) as { scenarios: DemoScenario[] };
const snapshot = JSON.parse(readFileSync(join(root, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;

const FORBIDDEN: [string, RegExp][] = [
    ['a seed reference', /\bseeds?\b/i],
    ['a document section', /§/],
    ['an issue reference', /\bissues?\b/i],
    ['a project document', /\.md\b|access-semantics|api-vocabulary/i],
    ['a camelCase identifier', /\b[a-z]+[A-Z][A-Za-z0-9]*\b/]
];

/** What is wrong with a text, one entry per rule it breaks. */
function problems(where: string, text: string): string[] {
    return FORBIDDEN.flatMap(([what, re]) => {
        const m = re.exec(text);
        return m ? [`${where}: ${what} "${m[0]}" in "${text.slice(Math.max(0, m.index - 40), m.index + 40)}"`] : [];
    });
}

function demo(...args: string[]): { status: number | null; lines: string[] } {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024
    });
    return { status: r.status, lines: `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim()) };
}

describe('the scan flags what it must', () => {
    it.each([
        ['expected None — seed 000 steps 2, 7 and 14', 'a seed reference'],
        ['access-semantics §4 (portal roles)', 'a document section'],
        ['see issue 15', 'an issue reference'],
        ['31 of 31 match docs/demo-org.md', 'a project document'],
        ['decided by orgWideDefaults (neutral)', 'a camelCase identifier'],
        ['sharing rules (notApplicable)', 'a camelCase identifier']
    ])('%p is %s', (text, what) => {
        expect(problems('sample', text).join('\n')).toContain(what);
    });
    it.each([
        'Rule "Issued invoices to Sales" shares it Read',
        'no access, decided by the org-wide default, which gives nothing here',
        'UserRecordAccess agrees; Related Portal User share (CaseShare RowCause RelatedPortalUser)'
    ])('%p passes', (text) => {
        expect(problems('sample', text)).toEqual([]);
    });
});

describe('every line npm run demo prints is plain language', () => {
    it.each([
        ['the headline scenarios', []],
        ['every scenario', ['--all']],
        ['the summary', ['--all', '--summary']],
        ['the list', ['--list']],
        ['the help', ['--help']]
    ] as [string, string[]][])('%s', (_name, args) => {
        const run = demo(...args);
        expect(run.status).toBe(0);
        expect(run.lines.length).toBeGreaterThan(3);
        expect(run.lines.flatMap((l, i) => problems(`line ${i + 1}`, l))).toEqual([]);
    });
    it('an error', () => {
        const run = demo('--scenario', '999');
        expect(run.status).toBe(2);
        expect(run.lines.flatMap((l) => problems('stderr', l))).toEqual([]);
    });
});

describe('every scenario reads as plain language, with a public source', () => {
    it.each(scenarios.map((s) => [`#${s.n} ${s.key}`, s] as const))('%s', (_name, s) => {
        expect([...problems('title', s.title), ...problems('why', s.why), ...problems('source', s.source)]).toEqual([]);
        expect(s.source).toMatch(/^(Salesforce Help|Object Reference|Apex Developer Guide|Restriction Rules Developer Guide|Spring ’19 release notes)\b/);
    });
    it("the snapshot's description and subjects (the panel preview's header and scenario list)", () => {
        const texts: [string, string][] = [
            ['meta.description', snapshot.meta.description ?? ''],
            ...(snapshot.subjects ?? []).map((s, i): [string, string] => [`subjects[${i}].title`, s.title ?? ''])
        ];
        expect(texts.flatMap(([where, text]) => problems(where, text))).toEqual([]);
    });
    it('the scenario table of docs/demo-org.md', () => {
        const rows = readFileSync(join(root, 'docs', 'demo-org.md'), 'utf8')
            .split('\n')
            .filter((l) => /^\| \d+ /.test(l));
        expect(rows).toHaveLength(scenarios.length);
        expect(rows.flatMap((l) => problems(l.slice(0, 6), l.replace(/`[^`]*`/g, '')))).toEqual([]);
    });
});
