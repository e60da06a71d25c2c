/** @jest-environment node */
/**
 * Round 11 of the evidence plan whoCanSee/1 (docs/evidence-plan.md "whoCanSee/1"): the CLI collector
 * reads the sharing-rule definitions of the record family and the org's sharing sets through the
 * Metadata API (jsforce conn.metadata.list / read, SOAP listMetadata / readMetadata) of the fake org,
 * which answers them from the demo snapshot's metadata section — explain/1's round 11 code, with its
 * batching, caps, cut reporting and fault handling.
 *
 * - A Rule share row names only the grantee group; the rule is found from the SharingRules metadata
 *   (access-semantics.md §5, Metadata API "SharingRules"): who-can-see's reasons name the rule.
 * - Sharing-set access is computed from setup metadata, never stored as share rows (Salesforce Help
 *   "Sharing Sets"; Object Reference, share objects): with the sets read, the answer on a case a
 *   sharing set opens to its account's customer users is confident.
 * - readMetadata takes at most ten names per call (Metadata API Developer Guide, "readMetadata()").
 * - Without "Modify Metadata Through Metadata API Functions" / "Modify All Data" (INSUFFICIENT_ACCESS),
 *   with the API disabled, a server error or an expired session on the Metadata API, the definitions go
 *   to meta.unavailable with what to do, and the answer is uncertain — never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, type CollectResult } from '../../cli/src/collector';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot, SharingSetDefinition, WhoCanSeeResult } from '../../lwc-src/lwc/accessXrayEngine/types';
import { ROOT, withEngine } from './helpers/engine';
import { transportFor } from './helpers/miniOrg';

const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;

/** Demo records: account Fjord Energy ASA, which a criteria sharing rule shares with public group Global Key Accounts; case 00001007, whose account has high-volume customer users. */
const ACCOUNT_SHARED_BY_RULE = '001Kx0000000001IAA';
const RULE = 'sharing rule Key accounts to Global Key Accounts (Account.Key_Accounts_to_Global_Key_Accounts)';
const CASE_OF_CUSTOMER_ACCOUNT = '500Kx0000000007IAA';
const HUGO_HALL = '005Kx0000000020IAA';

interface Collected {
    result: CollectResult;
    soap: string[];
}

async function collectWhoCanSee(snapshot: Snapshot, recordId: string, fault?: Parameters<FakeOrg['injectFault']>[0]): Promise<Collected> {
    const org = await startFakeOrg({ snapshot });
    try {
        if (fault) org.injectFault(fault);
        const result = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [], recordId, whoCanSee: true });
        return { result, soap: org.requests.flatMap((r) => (r.soap ? [r.soap] : [])) };
    } finally {
        await org.close();
    }
}

/** The engine's who-can-see on the collected snapshot (given the settings the API can't read), every user with their paths. */
function answer(snapshot: Snapshot, recordId: string): WhoCanSeeResult {
    return withEngine<WhoCanSeeResult>({ ...snapshot, settings: demo.settings ?? {} }, `return engine.whoCanSee(snapshot, '${recordId}', { withPaths: true });`);
}

const withoutShareGroups = (sets: readonly SharingSetDefinition[]): SharingSetDefinition[] => sets.map(({ shareGroupMembers: _m, ...s }) => s);

describe('whoCanSee/1 reads sharing rules and sharing sets through the Metadata API (round 11)', () => {
    it('a record a sharing rule shares: the definitions are read once each, and the reasons name the rule, not only its group', async () => {
        const { result, soap } = await collectWhoCanSee(demo, ACCOUNT_SHARED_BY_RULE);
        const { snapshot, metadataCalls = [] } = result;
        expect(snapshot.meta.unavailable ?? []).toEqual([]);
        expect(snapshot.meta.truncated).toBeUndefined();
        // One readMetadata for the family's sharing rules (the record's object first), then every sharing set.
        expect(soap[0]).toMatch(/^readMetadata SharingRules Account(,|$)/);
        expect(soap[1]).toBe('listMetadata SharingSet');
        expect(soap.slice(2)).toEqual([`readMetadata SharingSet ${(demo.metadata?.SharingSet ?? []).map((s) => s.fullName).sort().join(',')}`]);
        expect(metadataCalls.map((c) => c.step)).toEqual(['metadata.sharingRules', 'metadata.sharingSets', 'metadata.sharingSets']);
        expect(snapshot.metadata?.SharingRules?.map((r) => r.fullName)).toContain('Account.Key_Accounts_to_Global_Key_Accounts');
        expect(snapshot.metadata?.SharingSet).toEqual(withoutShareGroups(demo.metadata?.SharingSet ?? []));

        const who = answer(snapshot, ACCOUNT_SHARED_BY_RULE);
        expect(who.uncertainties).toEqual([]);
        // Elio Russo and Riley Ross are members of Global Key Accounts through their key account teams.
        const byRule = who.users.filter((u) => u.topMechanism === 'sharingRules');
        expect(byRule.map((u) => u.userName).sort()).toEqual(['Elio Russo', 'Riley Ross']);
        for (const u of byRule) {
            expect(u.topReason).toBe(`${RULE} shares it Read Only with public group Global Key Accounts`);
            expect(u.paths.some((p) => p.summary.includes(RULE))).toBe(true);
        }
    }, 60_000);

    it('a case a sharing set opens to its account\u2019s customer users: Hugo Hall reaches it through the set, and the answer is confident', async () => {
        const { result } = await collectWhoCanSee(demo, CASE_OF_CUSTOMER_ACCOUNT);
        const { snapshot } = result;
        expect(snapshot.meta.unavailable ?? []).toEqual([]);
        expect(snapshot.metadata?.SharingSet?.map((s) => s.fullName)).toEqual(['Customer_Community_Account_Cases']);
        const who = answer(snapshot, CASE_OF_CUSTOMER_ACCOUNT);
        expect(who.uncertain).toBe(false);
        const hugo = who.users.find((u) => u.userId === HUGO_HALL);
        expect(hugo).toMatchObject({ maxAccessLevel: 'Read', topMechanism: 'experienceCloud', uncertain: false });
        expect([hugo?.topReason, ...(hugo?.paths ?? []).map((p) => p.summary)].join(' | ')).toMatch(/Customer Community: cases of my account/);
    }, 60_000);

    it('sharing sets are read ten names per readMetadata call, up to the cap of 200, and a cut is reported and makes the answer uncertain', async () => {
        const base = demo.metadata?.SharingSet?.[0] as SharingSetDefinition;
        const many = (n: number): Snapshot => ({
            ...demo,
            metadata: { ...demo.metadata, SharingSet: Array.from({ length: n }, (_, i) => ({ ...base, fullName: `Set_${String(i).padStart(3, '0')}`, name: `Set ${i}` })) }
        });
        for (const [n, read] of [
            [25, 25],
            [205, 200]
        ] as const) {
            const { result, soap } = await collectWhoCanSee(many(n), CASE_OF_CUSTOMER_ACCOUNT);
            const reads = soap.filter((c) => c.startsWith('readMetadata SharingSet '));
            expect(reads).toHaveLength(Math.ceil(read / 10));
            for (const r of reads) expect(r.split(' ')[2]?.split(',').length).toBeLessThanOrEqual(10);
            expect(result.snapshot.metadata?.SharingSet).toHaveLength(read);
            if (read < n) {
                expect(result.snapshot.meta.truncated).toEqual([expect.objectContaining({ table: 'SharingSet', limit: 200 })]);
                expect(answer(result.snapshot, CASE_OF_CUSTOMER_ACCOUNT).uncertain).toBe(true);
            } else {
                expect(result.snapshot.meta.truncated).toBeUndefined();
            }
        }
    }, 60_000);

    it('an org without sharing sets: one listMetadata call, no read, and the answer is not made uncertain by them', async () => {
        const none: Snapshot = { ...demo, metadata: { ...demo.metadata, SharingSet: [] } };
        const { result, soap } = await collectWhoCanSee(none, ACCOUNT_SHARED_BY_RULE);
        expect(soap.filter((c) => c.includes('SharingSet'))).toEqual(['listMetadata SharingSet']);
        expect(result.snapshot.metadata?.SharingSet).toEqual([]);
        expect(answer(result.snapshot, ACCOUNT_SHARED_BY_RULE).uncertainties.filter((u) => /sharing set/i.test(u))).toEqual([]);
    }, 60_000);

    it.each([
        ['noAccess', /Modify Metadata Through Metadata API Functions/],
        ['apiDisabled', /API Enabled/],
        ['serverError', /Try again later/],
        ['expiredSession', /sf org login web/]
    ] as const)('a Metadata API fault (%s) leaves the definitions unavailable with what to do; the answer is uncertain and rule shares are named by their group, not a crash', async (kind, fix) => {
        const { result, soap } = await collectWhoCanSee(demo, ACCOUNT_SHARED_BY_RULE, { kind, match: '/services/Soap/m/' });
        const { snapshot } = result;
        // The first call failed; no further Metadata API call was made.
        expect(soap).toHaveLength(1);
        expect(snapshot.metadata?.SharingRules).toBeUndefined();
        expect(snapshot.metadata?.SharingSet).toBeUndefined();
        const unavailable = snapshot.meta.unavailable ?? [];
        expect(unavailable.map((u) => u.table).sort()).toEqual(['SharingRules', 'SharingSet']);
        for (const u of unavailable) expect(u.fix).toMatch(fix);
        const who = answer(snapshot, ACCOUNT_SHARED_BY_RULE);
        expect(who.uncertain).toBe(true);
        expect(who.uncertainties.some((u) => /sharing sets were not collected/.test(u))).toBe(true);
        const byRule = who.users.filter((u) => u.topMechanism === 'sharingRules');
        expect(byRule.map((u) => u.userName).sort()).toEqual(['Elio Russo', 'Riley Ross']);
        for (const u of byRule) expect(u.topReason).toBe('a sharing rule shares it Read Only with public group Global Key Accounts');
    }, 60_000);

    it('a targeted snapshot whose plan could not read a table, or reached a cap, gives an uncertain answer that says why (never a confident short list)', async () => {
        const { result } = await collectWhoCanSee(demo, ACCOUNT_SHARED_BY_RULE);
        expect(answer(result.snapshot, ACCOUNT_SHARED_BY_RULE).uncertain).toBe(false);
        const unreadable: Snapshot = { ...result.snapshot, meta: { ...result.snapshot.meta, unavailable: [{ table: 'GroupMember', reason: 'QUERY_TIMEOUT', fix: 'Collect again.' }] } };
        const gap = answer(unreadable, ACCOUNT_SHARED_BY_RULE);
        expect(gap.uncertain).toBe(true);
        expect(gap.uncertainties).toContain('the evidence for this record is incomplete: GroupMember could not be read (QUERY_TIMEOUT)');
        const capped: Snapshot = {
            ...result.snapshot,
            meta: { ...result.snapshot.meta, scope: { ...result.snapshot.meta.scope!, capsReached: [{ loop: 'groupNesting', limit: 20, reason: 'groups nest deeper than 20 levels' }] } }
        };
        expect(answer(capped, ACCOUNT_SHARED_BY_RULE).uncertainties).toContain('the evidence for this record is incomplete: groups nest deeper than 20 levels');
    }, 60_000);
});
