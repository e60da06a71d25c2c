/**
 * Same answer in pages: a who-can-see answer written in pages as the in-org job writes them
 * (engine whoCanSeePages: page 0 the record side with the public-default counts of the whole
 * answer, `meta.scope.publicCounts`; further pages disjoint slices of users) and merged by the
 * panel's WhoCanSeeSource equals the answer in one piece — the same users with the same access,
 * top mechanism and reason, the same totals per mechanism and per access, the same public counts
 * (per side, profile, permission set and access level) — and is confident whenever the answer in
 * one piece is. Page 0's counts include users listed on the other pages (reached by a grant and
 * counted by the aggregates: bosses in the role hierarchy, View All holders); each page reports
 * them (`publicOverlap`) and the merge takes them out once per user (a user the records name is
 * on every page).
 * - on generated orgs (fast-check, fixed seed in the title; AXR_FUZZ_SEED / AXR_FUZZ_FACTOR to
 *   search with another), 1 to 4 users per page;
 * - on every record of the demo org (data/demo-org.snapshot.json), 1 and 3 users per page;
 * - on a small org built so that pages' users overlap the public counts.
 * The whoCanSee/1 snapshots the CLI collects from the fake org (real aggregate queries) are split
 * and merged the same way in tests/cli/whoCanSeePages.test.ts.
 */
import '../../accessXray/__tests__/axrTestSupport';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshot, whoCanSee, whoCanSeePages } from 'c/accessXrayEngine';
import type { Snapshot, WhoCanSeeResult } from 'c/accessXrayEngine';
import { WhoCanSeeSource } from 'c/accessXrayWhoCanSeeSource';
import { build, spec } from '../../accessXrayEngine/__tests__/generatedOrgs';
import { SnapshotBuilder } from '../../accessXrayEngine/__tests__/snapshotBuilder';

const fuzzSeed = Number(process.env.AXR_FUZZ_SEED);
const fuzzFactor = Number(process.env.AXR_FUZZ_FACTOR);
const SEED = Number.isInteger(fuzzSeed) && fuzzSeed !== 0 ? fuzzSeed : 20261204;
const FACTOR = Number.isInteger(fuzzFactor) && fuzzFactor > 0 ? fuzzFactor : 1;

const ALL = { offset: 0, limit: 100_000 };

/** What must be equal: everything the who-can-see tab shows. */
function view(r: WhoCanSeeResult): unknown {
    return {
        total: r.total,
        totalsByMechanism: Object.entries(r.totalsByMechanism).sort(),
        totalsByAccess: Object.entries(r.totalsByAccess).sort(),
        users: r.users.map((u) => [u.userId, u.maxAccessLevel, u.topMechanism, u.topReason, u.mechanisms.join(','), u.uncertain]).sort(),
        publicAccess: r.publicAccess ?? [],
        uncertain: r.uncertain,
        uncertainties: [...r.uncertainties].sort()
    };
}

/** The answer in one piece, with the counts page 0 carries (so both count the same way), and the pages. */
function split(snapshot: Snapshot, recordId: string, usersPerPage: number): { whole: Snapshot; pages: Snapshot[] } {
    const pages = whoCanSeePages(snapshot, recordId, usersPerPage);
    const scope = pages[0]?.meta.scope;
    const { page: _page, ...counted } = scope ?? { kind: 'records' as const };
    return { whole: { ...snapshot, meta: { ...snapshot.meta, scope: counted } }, pages };
}

/** Users the further pages report whom page 0 did not (page 0's counts include them, the merge takes them out). */
function overlapBeyondPage0(pages: Snapshot[], recordId: string): string[] {
    const answers = pages.map((p) => whoCanSee(p, recordId));
    const page0 = new Set((answers[0]?.publicOverlap ?? []).map((u) => u.userId));
    return [...new Set(answers.slice(1).flatMap((a) => (a.publicOverlap ?? []).map((u) => u.userId)))].filter((id) => !page0.has(id));
}

function compare(snapshot: Snapshot, recordId: string, usersPerPage: number): { same: boolean; detail: string; overlap: number } {
    const { whole, pages } = split(snapshot, recordId, usersPerPage);
    const one = view(new WhoCanSeeSource([whole], recordId).query(ALL));
    const merged = view(new WhoCanSeeSource(pages, recordId).query(ALL));
    const same = JSON.stringify(one) === JSON.stringify(merged);
    return { same, detail: same ? '' : `one piece ${JSON.stringify(one)}\nmerged ${JSON.stringify(merged)}`, overlap: same ? overlapBeyondPage0(pages, recordId).length : 0 };
}

describe(`who-can-see pages merged by the panel equal the answer in one piece (generated orgs: seed ${SEED}, runs ×${FACTOR})`, () => {
    it('on every record of a generated org, 1 to 4 users per page', () => {
        let overlap = 0;
        let counted = 0;
        fc.assert(
            fc.property(spec, fc.integer({ min: 1, max: 4 }), (s, usersPerPage) => {
                const { snapshot, records } = build(s);
                for (const recordId of records) {
                    const c = compare(snapshot, recordId, usersPerPage);
                    if (!c.same) {
                        throw new Error(`record ${recordId}, ${usersPerPage} per page:\n${c.detail}`);
                    }
                    overlap += c.overlap;
                    counted += whoCanSee(snapshot, recordId).publicAccess ? 1 : 0;
                }
                return true;
            }),
            { seed: SEED, numRuns: 40 * FACTOR }
        );
        // Not vacuous: public counts, and users on further pages that page 0's counts include.
        expect(counted).toBeGreaterThan(20);
        expect(overlap).toBeGreaterThan(0);
    });

    it('page 0 counts, through a public default, what the answer in one piece counts one by one (the aggregates taken out again)', () => {
        fc.assert(
            fc.property(spec, (s) => {
                const { snapshot, records } = build(s);
                for (const recordId of records) {
                    const byOne = whoCanSee(snapshot, recordId).publicAccess ?? [];
                    const { whole } = split(snapshot, recordId, 2);
                    const byCounts = whoCanSee(whole, recordId).publicAccess ?? [];
                    const shape = (list: typeof byOne): unknown => list.map((p) => [p.side, p.users, p.byProfile.map((x) => [x.id, x.users]), p.byPermissionSet.map((x) => [x.id, x.users])]);
                    if (JSON.stringify(shape(byOne)) !== JSON.stringify(shape(byCounts))) {
                        throw new Error(`record ${recordId}: one by one ${JSON.stringify(shape(byOne))}, from the counts ${JSON.stringify(shape(byCounts))}`);
                    }
                }
                return true;
            }),
            { seed: SEED, numRuns: 20 * FACTOR }
        );
    });
});

describe('who-can-see pages merged by the panel equal the answer in one piece on every record of the demo org', () => {
    const demo = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
    const objects = ['Account', 'Contact', 'Opportunity', 'Case', 'Compensation_Plan__c', 'Invoice__c', 'Product_Line__c'];
    const records = objects.flatMap((o) => (demo.tables[o] ?? []).map((r) => [o, String(r.Id)] as const));
    const loaded = loadSnapshot(demo);
    it.each(records)('%s %s, 1 and 3 users per page', (_object, recordId) => {
        for (const usersPerPage of [1, 3]) {
            const c = compare(loaded.snapshot, recordId, usersPerPage);
            expect(c.detail).toBe('');
        }
    });
});

describe('pages whose users overlap the public counts', () => {
    // Account Public Read Only (internal): the owner (named, on every page), the owner's boss in the
    // role above (reached through the role hierarchy, on a further page), a View All holder (on a
    // further page) and two users reached only through the default. Every one of them has Read on
    // Account, so the aggregates count all five; the merge must count only the last two.
    const org = (model: string): { snapshot: Snapshot; account: string; profile: string; owner: string; boss: string; auditor: string } => {
        const b = new SnapshotBuilder();
        const profile = b.profile('Sales', { objects: { Account: 'RE' } });
        const vp = b.role('VP');
        const rep = b.role('Rep', vp);
        const owner = b.user('Olga Owner', { profileId: profile, roleId: rep });
        const boss = b.user('Bert Boss', { profileId: profile, roleId: vp });
        const auditor = b.user('Vera Viewall', { profileId: profile });
        b.assign(auditor, b.permissionSet('Account Auditor', { objects: { Account: 'RV' } }));
        b.user('Pia Public', { profileId: profile });
        b.user('Quinn Public', { profileId: profile });
        b.owd('Account', model, 'Private');
        const account = b.record('Account', { Name: 'Acme', OwnerId: owner });
        // Collected, and none in this org: nothing else is uncertain.
        b.metadataList('RestrictionRule', []);
        b.metadataList('SharingSet', []);
        return { snapshot: b.build(), account, profile, owner, boss, auditor };
    };
    const { snapshot, account, profile, owner, boss, auditor } = org('Read');

    it.each([1, 2, 5])('%i user(s) per page: the other pages report their users, the merge counts each once', (usersPerPage) => {
        const { whole, pages } = split(snapshot, account, usersPerPage);
        const one = new WhoCanSeeSource([whole], account).query(ALL);
        const merged = new WhoCanSeeSource(pages, account).query(ALL);
        expect(view(merged)).toEqual(view(one));
        expect(merged.uncertainties).toEqual([]);
        expect(merged.users.map((u) => u.userName).sort()).toEqual(['Bert Boss', 'Olga Owner', 'Vera Viewall']);
        expect(merged.publicAccess).toEqual([
            expect.objectContaining({ side: 'internal', users: 2, byProfile: [expect.objectContaining({ id: profile, users: 2 })], byPermissionSet: [], byAccess: { Read: 2 } })
        ]);
        // Page 0 counts the five users less the owner it holds: four. The boss and the auditor are
        // reported by the pages that hold them (the owner by every page: taken out once).
        const answers = pages.map((p) => whoCanSee(p, account));
        expect(answers[0]?.publicAccess?.[0]?.users).toBe(4);
        expect(answers[0]?.publicOverlap?.map((u) => u.userId)).toEqual([owner]);
        expect(overlapBeyondPage0(pages, account).sort()).toEqual([boss, auditor].sort());
        const auditorEntry = answers.flatMap((a) => a.publicOverlap ?? []).find((u) => u.userId === auditor);
        expect(auditorEntry).toMatchObject({ side: 'internal', profileId: profile, access: 'Read' });
        expect(auditorEntry?.permissionSetIds).toHaveLength(1);
    });

    it('a page reports nothing to take out when the defaults are private', () => {
        const closed = org('Private');
        const pages = whoCanSeePages(closed.snapshot, closed.account, 2);
        expect(pages[0]?.meta.scope?.publicCounts).toBeUndefined();
        for (const p of pages) {
            expect(whoCanSee(p, closed.account).publicOverlap).toEqual([]);
        }
        expect(new WhoCanSeeSource(pages, closed.account).query(ALL).publicAccess).toBeUndefined();
    });
});
