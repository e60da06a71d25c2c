/** @jest-environment node */
/**
 * What a support user gets from the in-org collector when they cannot see the owner, the roles and
 * the group of the Apex fixture (Ana on Acme): the rows are redacted exactly as
 * AccessXRayCollectionContext.redacted writes them (the kept fields of SETUP_KEPT_FIELDS, `Name`
 * replaced by the AXR_Apex_HiddenName label, `__redacted: true`). The engine must give the same
 * verdict (the structure it computes with is kept), render the neutral label where a name was,
 * and never show a hidden name, username or label anywhere: summary, layers, grant paths, next
 * steps or the Markdown the panel copies and the CLI prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEngine } from '../cli/helpers/engine';
import type { Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';

const ROOT = join(__dirname, '..', '..');
const base = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'apexCollectorSnapshot.json'), 'utf8')) as Snapshot;
const context = readFileSync(
    join(ROOT, 'force-app', 'main', 'default', 'classes', 'evidence', 'AccessXRayCollectionContext.cls'),
    'utf8'
);
const labels = readFileSync(join(ROOT, 'force-app', 'main', 'default', 'labels', 'AccessXRayApex.labels-meta.xml'), 'utf8');
const HIDDEN = /<fullName>AXR_Apex_HiddenName<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/.exec(labels)![1]!;
const ANA = '005000000000001AAA';
const RAJ = '005000000000002AAA';
const ACME = '001000000000001AAA';

/** The kept fields per table, read from the Apex so the test follows the collector. */
function keptFields(table: string): string[] {
    const block = new RegExp(`'${table}' => new List<String>\\{([^}]*)\\}`).exec(context);
    if (!block) throw new Error(`SETUP_KEPT_FIELDS has no entry for ${table}`);
    return [...block[1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
}

function redact(table: string, row: Row): Row {
    const out: Row = {};
    for (const field of keptFields(table)) if (field in row) out[field] = row[field];
    out.Name = HIDDEN;
    out.__redacted = true;
    return out;
}

const redactedSnapshot = (): Snapshot => {
    const s = JSON.parse(JSON.stringify(base)) as Snapshot;
    s.tables.User = s.tables.User!.map((u) => (u.Id === RAJ ? redact('User', u) : u));
    s.tables.UserRole = s.tables.UserRole!.map((r) => redact('UserRole', r));
    // The public group is hidden, and so is every role group: it is named after its role (AccessXRayCollectionContext).
    const hiddenRoles = new Set(base.tables.UserRole!.map((r) => r.Id));
    s.tables.Group = s.tables.Group!.map((g) => (g.Type === 'Regular' || hiddenRoles.has(g.RelatedId as string) ? redact('Group', g) : g));
    return s;
};

const HIDDEN_TEXTS = (() => {
    const names = new Set<string>();
    for (const u of base.tables.User!) if (u.Id === RAJ) [u.Name, u.Username].forEach((v) => names.add(String(v)));
    for (const r of base.tables.UserRole!) [r.Name, r.DeveloperName].forEach((v) => v && names.add(String(v)));
    for (const g of base.tables.Group!) [g.Name, g.DeveloperName].forEach((v) => v && names.add(String(v)));
    return [...names];
})();

type Result = { access: unknown; maxAccessLevel: string; texts: string[]; markdown: string };
const run = (snapshot: Snapshot): Result =>
    withEngine<Result>(
        snapshot,
        `const e = engine.explain(engine.loadSnapshot(snapshot), { userId: '${ANA}', recordId: '${ACME}' });
         const texts = [];
         const walk = (v) => { if (typeof v === 'string') texts.push(v); else if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v === 'object') Object.values(v).forEach(walk); };
         walk(e);
         return { access: e.access, maxAccessLevel: e.maxAccessLevel, texts, markdown: engine.renderMarkdown(e) };`
    );

describe('a snapshot redacted for a support user', () => {
    const plain = run(base);
    const hidden = run(redactedSnapshot());

    test('the hidden names exist in the unredacted fixture (guards the checks below)', () => {
        expect(HIDDEN_TEXTS).toEqual(expect.arrayContaining(['Raj Rep', 'raj@acme.example', 'EMEA Sales']));
        expect(plain.texts.join('\n')).toContain('EMEA Sales');
    });

    test('the verdict is the same: the ids and flags it is computed from are kept', () => {
        expect(hidden.access).toEqual(plain.access);
        expect(hidden.maxAccessLevel).toBe(plain.maxAccessLevel);
    });

    test('no hidden name or username appears anywhere in the explanation or its Markdown', () => {
        const everything = [...hidden.texts, hidden.markdown].join('\n');
        for (const text of HIDDEN_TEXTS) expect({ text, shown: everything.includes(text) }).toEqual({ text, shown: false });
    });

    test('the neutral label stands where a name was, and no raw id or "undefined" takes its place', () => {
        const everything = [...hidden.texts, hidden.markdown].join('\n');
        expect(everything).toContain(HIDDEN);
        expect(everything).not.toMatch(/\bundefined\b|\bnull\b/);
        expect(hidden.markdown).not.toContain(RAJ);
    });
});
