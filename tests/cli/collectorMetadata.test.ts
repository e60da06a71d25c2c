/** @jest-environment node */
/**
 * Round 11 of the evidence plan explain/1 (docs/evidence-plan.md): the CLI collector reads the
 * sharing-rule definitions of the record family and, when they can matter, the sharing sets,
 * through the Metadata API (jsforce conn.metadata.list / read, SOAP listMetadata / readMetadata)
 * of the fake org, which answers them from the demo snapshot's metadata section.
 *
 * - Sharing sets apply to Experience Cloud users with a contact, and a high-volume owner's share
 *   groups can reach anyone (Salesforce Help "Sharing Sets", "Share Groups"): the sets are read for
 *   Pat Partner, Hugo Hall, Carla Diaz, and for Sofia Santos on case 00001009 (owned by a high-volume
 *   user); not for an internal user on a record internal users own.
 * - readMetadata takes at most ten names per call (Metadata API Developer Guide, "readMetadata()").
 * - Without "Modify Metadata Through Metadata API Functions" / "Modify All Data" (INSUFFICIENT_ACCESS),
 *   with the API disabled, a server error or an expired session on the Metadata API, the definitions go
 *   to meta.unavailable with what to do, and the answer is uncertain where they matter — never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect } from '../../cli/src/collector';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot, SharingSetDefinition } from '../../lwc-src/lwc/accessXrayEngine/types';
import { ROOT, withEngine } from './helpers/engine';
import { transportFor } from './helpers/miniOrg';

interface Scenario {
    key: string;
    userId: string;
    recordId: string;
}

const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
const { scenarios } = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.scenarios.json'), 'utf8')) as { scenarios: Scenario[] };
const scenario = (key: string): Scenario => {
    const s = scenarios.find((x) => x.key === key);
    if (!s) throw new Error(`demo scenario ${key} not found`);
    return s;
};

/** Experience Cloud scenarios: partner, customer (Plus) and high-volume users, and an internal user on a high-volume user's case. */
const EXTERNAL = ['pat-case-1001', 'pat-case-1010', 'carla-case-1003', 'hugo-case-1007', 'hugo-case-1008', 'gus-case-1003', 'sofia-case-1009'];

/** Explain each pair on the whole demo org and on its CLI snapshot (given only the settings the API can't read). */
function explainBoth(pairs: { pair: Scenario; snapshot: Snapshot }[]): { key: string; whole: unknown; cli: unknown; uncertain: string[]; cliUncertain: string[] }[] {
    return withEngine(
        { demo, pairs: pairs.map((p) => ({ pair: { userId: p.pair.userId, recordId: p.pair.recordId }, key: p.pair.key, snapshot: { ...p.snapshot, settings: demo.settings ?? {} } })) },
        `const view = (e) => ({ access: e.access, max: e.maxAccessLevel, layers: e.layers.map((l) => [l.id, l.status, l.access]), paths: e.paths.map((p) => p.summary).sort() });
        const whole = engine.loadSnapshot(snapshot.demo);
        return snapshot.pairs.map((p) => {
            const cli = engine.explain(p.snapshot, p.pair);
            const uncertain = (cli.uncertainties ?? []).filter((u) => /sharing sets? (were|was) not collected|part of the sharing sets/.test(u));
            return { key: p.key, whole: view(engine.explain(whole, p.pair)), cli: view(cli), uncertain, cliUncertain: cli.uncertainties ?? [] };
        });`
    );
}

async function withOrg<T>(snapshot: Snapshot, run: (org: FakeOrg) => Promise<T>): Promise<T> {
    const org = await startFakeOrg({ snapshot });
    try {
        return await run(org);
    } finally {
        await org.close();
    }
}

const withoutShareGroups = (sets: readonly SharingSetDefinition[]): SharingSetDefinition[] => sets.map(({ shareGroupMembers: _m, ...s }) => s);

describe('the CLI collector reads sharing rules and sharing sets through the Metadata API (plan round 11)', () => {
    it('Experience Cloud scenarios: the definitions are read, nothing is unavailable, and the answer is the whole org\u2019s', async () => {
        const collected = await withOrg(demo, async (org) => {
            const out: { pair: Scenario; snapshot: Snapshot; soap: string[] }[] = [];
            for (const key of EXTERNAL) {
                const pair = scenario(key);
                const before = org.requests.length;
                const { snapshot } = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [pair.userId], recordId: pair.recordId });
                out.push({ pair, snapshot, soap: org.requests.slice(before).flatMap((r) => (r.soap ? [r.soap] : [])) });
            }
            return out;
        });
        for (const { pair, snapshot, soap } of collected) {
            expect({ key: pair.key, unavailable: (snapshot.meta.unavailable ?? []).map((u) => u.table) }).toEqual({ key: pair.key, unavailable: [] });
            expect(snapshot.meta.truncated).toBeUndefined();
            // Every sharing set of the org, as the Metadata API holds it.
            expect(snapshot.metadata?.SharingSet).toEqual(withoutShareGroups(demo.metadata?.SharingSet ?? []));
            expect(soap).toContain('listMetadata SharingSet');
            // The sharing rules of the family's objects, the record's object first.
            const objects = new Set((snapshot.metadata?.SharingRules ?? []).map((r) => r.object));
            expect(objects.has('Case')).toBe(true);
            const byName = (a: { fullName: string }, b: { fullName: string }): number => a.fullName.localeCompare(b.fullName);
            expect([...(snapshot.metadata?.SharingRules ?? [])].sort(byName)).toEqual((demo.metadata?.SharingRules ?? []).filter((r) => objects.has(r.object)).sort(byName));
            expect(soap.filter((c) => c.startsWith('readMetadata SharingRules Case'))).toHaveLength(1);
        }
        const answers = explainBoth(collected);
        for (const a of answers) {
            expect({ key: a.key, uncertain: a.uncertain }).toEqual({ key: a.key, uncertain: [] });
            if (a.key === 'sofia-case-1009') continue;
            expect({ key: a.key, answer: a.cli }).toEqual({ key: a.key, answer: a.whole });
        }
        // Share-group members are not part of the Metadata API's SharingSet (the demo lists them by hand): on a case a
        // high-volume user owns, an internal user's share-group access is uncertain, never a confident "no".
        const sofia = answers.find((a) => a.key === 'sofia-case-1009');
        expect((sofia?.whole as { max: string }).max).toBe('Read');
        expect(sofia?.cliUncertain.some((u) => /share group whose members were not collected/.test(u))).toBe(true);
        expect((sofia?.cli as { layers: [string, string][] }).layers.find((l) => l[0] === 'experienceCloud')?.[1]).toBe('uncertain');
    }, 120_000);

    it('an internal user on a record no high-volume user owns: sharing rules only, no sharing-set call', async () => {
        const pair = scenario('riley-account-fjord');
        const { snapshot, soap } = await withOrg(demo, async (org) => {
            const { snapshot: s } = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [pair.userId], recordId: pair.recordId });
            return { snapshot: s, soap: org.requests.flatMap((r) => (r.soap ? [r.soap] : [])) };
        });
        expect(soap.every((c) => c.startsWith('readMetadata SharingRules Account'))).toBe(true);
        expect(soap).toHaveLength(1);
        expect(snapshot.metadata?.SharingSet).toBeUndefined();
        expect(snapshot.metadata?.SharingRules?.map((r) => r.fullName)).toContain('Account.Key_Accounts_to_Global_Key_Accounts');
        expect((snapshot.meta.unavailable ?? []).map((u) => u.table)).toEqual([]);
    }, 60_000);

    it('sharing sets are read ten names per readMetadata call, every one of them up to the cap of 200, and a cut is reported', async () => {
        const base = demo.metadata?.SharingSet?.[0] as SharingSetDefinition;
        const many = (n: number): Snapshot => ({
            ...demo,
            metadata: { ...demo.metadata, SharingSet: Array.from({ length: n }, (_, i) => ({ ...base, fullName: `Set_${String(i).padStart(3, '0')}`, name: `Set ${i}` })) }
        });
        const pair = scenario('hugo-case-1007');
        for (const [n, read] of [
            [25, 25],
            [205, 200]
        ] as const) {
            const { snapshot, soap } = await withOrg(many(n), async (org) => {
                const { snapshot: s } = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [pair.userId], recordId: pair.recordId });
                return { snapshot: s, soap: org.requests.flatMap((r) => (r.soap ? [r.soap] : [])) };
            });
            const reads = soap.filter((c) => c.startsWith('readMetadata SharingSet '));
            expect(reads).toHaveLength(Math.ceil(read / 10));
            for (const r of reads) expect(r.split(' ')[2]?.split(',').length).toBeLessThanOrEqual(10);
            expect(snapshot.metadata?.SharingSet).toHaveLength(read);
            if (read < n) {
                expect(snapshot.meta.truncated).toEqual([expect.objectContaining({ table: 'SharingSet', limit: 200 })]);
            } else {
                expect(snapshot.meta.truncated).toBeUndefined();
            }
        }
    }, 60_000);

    it.each([
        ['noAccess', /Modify Metadata Through Metadata API Functions/],
        ['apiDisabled', /API Enabled/],
        ['serverError', /Try again later/],
        ['expiredSession', /sf org login web/]
    ] as const)('a Metadata API fault (%s) leaves the definitions unavailable with what to do; Hugo Hall\u2019s answer is uncertain, not a crash', async (kind, fix) => {
        const pair = scenario('hugo-case-1007');
        const { snapshot, soap } = await withOrg(demo, async (org) => {
            org.injectFault({ kind, match: '/services/Soap/m/' });
            const { snapshot: s } = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [pair.userId], recordId: pair.recordId });
            return { snapshot: s, soap: org.requests.flatMap((r) => (r.soap ? [r.soap] : [])) };
        });
        // The first call failed; no further Metadata API call was made.
        expect(soap).toHaveLength(1);
        expect(snapshot.metadata?.SharingRules).toBeUndefined();
        expect(snapshot.metadata?.SharingSet).toBeUndefined();
        const unavailable = snapshot.meta.unavailable ?? [];
        expect(unavailable.map((u) => u.table).sort()).toEqual(['SharingRules', 'SharingSet']);
        for (const u of unavailable) expect(u.fix).toMatch(fix);
        const [answer] = explainBoth([{ pair, snapshot }]);
        expect(answer?.uncertain.length).toBeGreaterThan(0);
    }, 60_000);
});
