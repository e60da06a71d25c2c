/**
 * Plain language: no text a reader sees — reasons, fixes, blast radii, near misses, summaries,
 * why-not, reconciliation, uncertainties, grant paths, Markdown and plain-text exports — cites a
 * seed or an issue, a project document, an engine layer id ("orgWideDefaults") or an engine
 * settings key ("grantAccessUsingHierarchies.Invoice__c"). Sources belong in the `sources` /
 * `source` fields and docs/engine.md. Scans every explanation of the demo org
 * (data/demo-org.snapshot.json, data/demo-org.scenarios.json) and of the internal corpus.
 */
import { explain, loadSnapshot, renderMarkdown, renderText, type Explanation } from 'c/accessXrayEngine';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusCase } from './corpus/internal/corpusCase';
import { baseOrg } from './snapshotBuilder';

const LAYER_IDS = ['objectPermissions', 'orgWideDefaults', 'roleHierarchy', 'sharingRules', 'manualShares', 'implicitSharing', 'systemPermissions', 'experienceCloud', 'restrictionRules'];
const FORBIDDEN: [string, RegExp][] = [
    ['a seed reference', /\bseeds?\s*0\d\d\b/i],
    ['an issue reference', /\bissues?\s*#?\d+/i],
    ['a project document', /docs\/|access-semantics|api-vocabulary|conventions\.md|engine\.md/i],
    ['a layer id', new RegExp(`\\b(${LAYER_IDS.join('|')})\\b`)],
    ['a settings key', /\b(grantAccessUsingHierarchies|sharingModel|sharingSettings|experienceCloud)\.[A-Za-z]/]
];
/** Machine fields: ids, enums and keys, never shown as prose. */
const MACHINE = new Set(['id', 'evidence', 'targetIds', 'kind', 'blockingLayer', 'layer', 'status', 'key', 'operation', 'userId', 'recordId', 'maxAccessLevel', 'recordTypeId', 'mechanisms', 'topMechanism']);

/** Every prose string of an explanation, with its JSON path (settings' own source text is the collector's, not the engine's). */
function proseOf(value: unknown, at: string, out: [string, string][]): [string, string][] {
    if (typeof value === 'string') {
        out.push([at, value]);
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => proseOf(v, `${at}[${i}]`, out));
    } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
            if (!MACHINE.has(k) && !(k === 'setting' && at.includes('settingsUsed'))) {
                proseOf(v, `${at}.${k}`, out);
            }
        }
    }
    return out;
}

function problems(e: Explanation): string[] {
    const texts = [...proseOf(e, 'explanation', []), ['renderText', renderText(e)] as [string, string], ['renderMarkdown', renderMarkdown(e)] as [string, string]];
    const found: string[] = [];
    for (const [at, text] of texts) {
        for (const [what, re] of FORBIDDEN) {
            const m = re.exec(text);
            if (m) {
                found.push(`${at}: ${what} "${m[0]}" in "${text.slice(Math.max(0, m.index - 40), m.index + 60)}"`);
            }
        }
    }
    return found;
}

describe('the plain-language scan', () => {
    it.each([
        ['Controlled by Parent (seed 002)', 'a seed reference'],
        ['see issue 15', 'an issue reference'],
        ['blocked at orgWideDefaults', 'a layer id'],
        ['Layers that change: manualShares', 'a layer id'],
        ['(setting grantAccessUsingHierarchies.Invoice__c)', 'a settings key'],
        ['report it (docs/engine.md)', 'a project document']
    ])('flags %p as %s', (text, what) => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const e = explain(b.build(), { userId: ids.vp, recordId: acc });
        const tainted: Explanation = { ...e, layers: e.layers.map((l, i) => (i === 3 ? { ...l, reason: `${l.reason} ${text}` } : l)) };
        expect(problems(e)).toEqual([]);
        expect(problems(tainted).join('\n')).toContain(what);
    });
});

const root = path.join(__dirname, '..', '..', '..', '..');
const demo = loadSnapshot(JSON.parse(fs.readFileSync(path.join(root, 'data', 'demo-org.snapshot.json'), 'utf8')));
const { scenarios } = JSON.parse(fs.readFileSync(path.join(root, 'data', 'demo-org.scenarios.json'), 'utf8')) as { scenarios: { n: number; title: string; userId: string; recordId: string }[] };

describe('plain language in every demo explanation (brief: no seed or issue references, no camelCase layer ids; sources in source fields)', () => {
    it.each(scenarios.map((s) => [`#${s.n} ${s.title}`, s] as const))('%s', (_title, s) => {
        const e = explain(demo, { userId: s.userId, recordId: s.recordId });
        expect(problems(e)).toEqual([]);
        // Sources are there, in their own field.
        expect(e.layers.every((l) => (l.sources ?? []).length > 0)).toBe(true);
    });
});

describe('plain language in every internal corpus explanation', () => {
    const dir = path.join(__dirname, 'corpus', 'internal');
    const cases = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.cases.ts'))
        .sort()
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        .flatMap((f) => (require(path.join(dir, f)) as { cases: CorpusCase[] }).cases.filter((c) => !('rejects' in c.expect)).map((c) => [`${f}: ${c.name}`, c] as const));
    it.each(cases)('%s', (_title, c) => {
        const { snapshot, userId, recordId } = c.build();
        expect(problems(explain(snapshot, { userId, recordId }))).toEqual([]);
    });
});

describe('plain language in every external corpus explanation (Experience Cloud, restriction rules, external account hierarchies)', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { acmeOrg } = require('./external/acmeOrg') as typeof import('./external/acmeOrg');
    const lists = ['licence', 'portal', 'sharingSets', 'rolesAndTeams', 'restrictionRules', 'externalAccountHierarchy', 'nearMiss'].flatMap((f) =>
        Object.values(require(`./corpus/external/${f}.cases`) as Record<string, import('./corpus/external/caseTypes').ExternalCase[]>).flat()
    );
    /* eslint-enable @typescript-eslint/no-require-imports */
    it.each(lists.map((c) => [`${c.id} ${c.title}`, c] as const))('%s', (_title, c) => {
        const org = acmeOrg();
        c.arrange?.(org);
        const id = (k: string): string => org.ids[k] ?? k;
        expect(problems(explain(loadSnapshot(org.snapshot), { userId: id(c.user), recordId: id(c.record) }))).toEqual([]);
    });
});
