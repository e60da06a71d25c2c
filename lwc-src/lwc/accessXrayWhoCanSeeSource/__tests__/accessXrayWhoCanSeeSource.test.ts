// Who can see case 00001001 on the demo org, with the real engine: one evidence snapshot (the
// engine pages and filters), or several pages of a background job whose results are combined
// and then searched, filtered, sorted and paged with the same rules (types.ts WhoCanSeeOptions).
import '../../accessXray/__tests__/axrTestSupport';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from 'c/accessXrayEngine';
import { WhoCanSeeSource } from 'c/accessXrayWhoCanSeeSource';

const TEXT = readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json'), 'utf8');
const demo = (): Snapshot => JSON.parse(TEXT) as Snapshot;
const CASE_00001001 = '500Kx0000000001IAA';

describe('WhoCanSeeSource', () => {
    const single = new WhoCanSeeSource([demo()], CASE_00001001);
    const all = single.query({ offset: 0, limit: 100 });

    it('lists the users who can read the record, by name, with totals per mechanism and per access', () => {
        expect(all.total).toBeGreaterThan(0);
        expect(all.users.map((u) => u.userName)).toEqual([...all.users.map((u) => u.userName)].sort((a, b) => a.localeCompare(b)));
        const counted = Object.values(all.totalsByAccess).reduce((a, b) => a + (b ?? 0), 0);
        expect(counted).toBe(all.total);
        expect(all.users.some((u) => u.userName === 'Pat Partner')).toBe(false);
    });

    it('pages, searches (name or username, any case) and filters by mechanism', () => {
        const first = single.query({ offset: 0, limit: 2 });
        expect(first.users).toHaveLength(Math.min(2, all.total));
        const second = single.query({ offset: 2, limit: 2 });
        expect(second.users[0]?.userId).toBe(all.users[2]?.userId);
        const tara = single.query({ offset: 0, limit: 10, search: 'tara' });
        expect(tara.users.map((u) => u.userName)).toEqual(['Tara Nguyen']);
        const mechanism = all.users[0]!.mechanisms[0]!;
        const filtered = single.query({ offset: 0, limit: 100, mechanism });
        expect(filtered.users.every((u) => u.mechanisms.includes(mechanism))).toBe(true);
    });

    it('combines the pages of a background job: a user listed twice counts once, with the highest access', () => {
        const withShare = demo();
        // On the second page Pat Partner also holds a manual Read share (Object Reference CaseShare).
        withShare.tables.CaseShare = [
            ...(withShare.tables.CaseShare ?? []),
            { Id: '01nKx00000000ZZIAA', CaseId: CASE_00001001, UserOrGroupId: '005Kx0000000016IAA', CaseAccessLevel: 'Read', RowCause: 'Manual' }
        ];
        const paged = new WhoCanSeeSource([demo(), withShare], CASE_00001001);
        expect(paged.pageCount).toBe(2);
        const combined = paged.query({ offset: 0, limit: 100 });
        // Pat Partner, and the partner users above him in the portal role hierarchy, join the list once each.
        expect(combined.total).toBeGreaterThan(all.total);
        expect(combined.users.filter((u) => u.userName === 'Pat Partner').map((u) => u.maxAccessLevel)).toEqual(['Read']);
        expect(new Set(combined.users.map((u) => u.userId)).size).toBe(combined.total);
        for (const u of all.users) {
            expect(combined.users.find((c) => c.userId === u.userId)?.maxAccessLevel).toBe(u.maxAccessLevel);
        }
        const counted = Object.values(combined.totalsByAccess).reduce((a, b) => a + (b ?? 0), 0);
        expect(counted).toBe(combined.total);
    });

    it('searches, filters, sorts by access and pages the combined answer', () => {
        const paged = new WhoCanSeeSource([demo(), demo()], CASE_00001001);
        const byAccess = paged.query({ offset: 0, limit: 100, sort: 'access' });
        const rank = { None: 0, Read: 1, Edit: 2, Delete: 3, Transfer: 4, All: 5 } as const;
        const levels = byAccess.users.map((u) => rank[u.maxAccessLevel]);
        expect(levels).toEqual([...levels].sort((a, b) => b - a));
        const page = paged.query({ offset: 1, limit: 2 });
        expect(page.users.map((u) => u.userId)).toEqual(all.users.slice(1, 3).map((u) => u.userId));
        expect(page.total).toBe(all.total);
        expect(paged.query({ offset: 0, limit: 10, search: 'TARA' }).users.map((u) => u.userName)).toEqual(['Tara Nguyen']);
        const mechanism = all.users[0]!.mechanisms[0]!;
        expect(paged.query({ offset: 0, limit: 100, mechanism }).total).toBe(all.totalsByMechanism[mechanism]);
    });

    it('refuses no evidence, and damaged evidence with the engine’s SnapshotError', () => {
        expect(() => new WhoCanSeeSource([], CASE_00001001)).toThrow();
        expect(() => new WhoCanSeeSource([{ schemaVersion: 1 }], CASE_00001001)).toThrow(expect.objectContaining({ name: 'SnapshotError' }));
    });
});
