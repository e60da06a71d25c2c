/**
 * Runs the external-user conformance corpus (../corpus/external/*.cases.ts) through the
 * public engine API (`c/accessXrayEngine`, the compiled JavaScript that ships). Test names
 * carry each case's id and source.
 */
import { explain, loadSnapshot } from 'c/accessXrayEngine';
import type { ExternalCase } from '../corpus/external/caseTypes';
import { licenceCases } from '../corpus/external/licence.cases';
import { portalCases } from '../corpus/external/portal.cases';
import { sharingSetCases } from '../corpus/external/sharingSets.cases';
import { roleAndTeamCases } from '../corpus/external/rolesAndTeams.cases';
import { restrictionCases } from '../corpus/external/restrictionRules.cases';
import { externalAccountHierarchyCases } from '../corpus/external/externalAccountHierarchy.cases';
import { nearMissCases } from '../corpus/external/nearMiss.cases';
import { acmeOrg } from './acmeOrg';

const corpus: ExternalCase[] = [...licenceCases, ...portalCases, ...sharingSetCases, ...roleAndTeamCases, ...restrictionCases, ...externalAccountHierarchyCases, ...nearMissCases];

function id(org: ReturnType<typeof acmeOrg>, key: string): string {
    const value = org.ids[key];
    if (!value) throw new Error(`unknown fixture key ${key}`);
    return value;
}

test('the external corpus has at least 40 cases, each with a unique id and a source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    for (const c of corpus) {
        expect(c.source.length).toBeGreaterThan(5);
    }
});

describe.each(corpus.map((c) => [`${c.id} ${c.title} [${c.source}]`, c] as const))('%s', (_name, c) => {
    test('explanation matches', () => {
        const org = acmeOrg();
        c.arrange?.(org);
        const snapshot = loadSnapshot(org.snapshot);
        const e = explain(snapshot, { userId: id(org, c.user), recordId: id(org, c.record) });
        const layer = (l: string) => e.layers.find((x) => x.id === l);
        for (const [op, value] of Object.entries(c.expect.access ?? {})) {
            expect({ op, value: e.access[op as keyof typeof e.access] }).toEqual({ op, value });
        }
        for (const [l, status] of Object.entries(c.expect.layers ?? {})) {
            expect({ layer: l, status: layer(l)?.status, reason: layer(l)?.reason }).toEqual({ layer: l, status, reason: layer(l)?.reason });
        }
        for (const [l, words] of Object.entries(c.expect.reasons ?? {})) {
            const reason = (layer(l)?.reason ?? '').toLowerCase();
            for (const w of words ?? []) {
                expect({ layer: l, contains: w, reason }).toEqual({ layer: l, contains: w, reason: expect.stringContaining(w.toLowerCase()) });
            }
        }
        if (c.expect.uncertain !== undefined) {
            expect({ uncertain: e.uncertain, uncertainties: e.uncertainties }).toEqual({ uncertain: c.expect.uncertain, uncertainties: e.uncertainties });
        }
        for (const [key, s] of Object.entries(c.expect.settingsUsed ?? {})) {
            const used = e.settingsUsed.find((u) => u.key === key);
            expect({ key, value: used?.setting.value }).toEqual({ key, value: s.value });
            if (s.provenance) expect(used?.setting.provenance).toBe(s.provenance);
        }
        c.check?.(e, org);
    });
});
