/** @jest-environment node */
/**
 * A who-can-see snapshot split into pages (engine whoCanSeePages.ts: page 0 the record side,
 * the others disjoint slices of users with what their answers rest on) and merged back by the
 * panel's WhoCanSeeSource (lwc-src/lwc/accessXrayWhoCanSeeSource, the compiled component run
 * against the built engine) gives the same answer as the whole snapshot: the same users with
 * the same maximum access and top mechanism, the same totals, the same public-default counts —
 * for the whoCanSee/1 snapshots of every demo record, collected from the fake org.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collect } from '../../cli/src/collector';
import { startFakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { ROOT, withEngine } from './helpers/engine';
import { transportFor } from './helpers/miniOrg';

const OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Compensation_Plan__c', 'Invoice__c', 'Product_Line__c'];
/** Small pages, so most records are split into several. */
const USERS_PER_PAGE = 3;

describe('who-can-see pages merged by the panel give the whole snapshot\u2019s answer', () => {
    it(`for the whoCanSee/1 snapshot of every demo record, ${USERS_PER_PAGE} users per page`, async () => {
        const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
        const recordIds = OBJECTS.flatMap((o) => (demo.tables[o] ?? []).map((r) => String(r.Id)));
        const org = await startFakeOrg({ snapshot: demo });
        const snapshots: Snapshot[] = [];
        try {
            for (const recordId of recordIds) {
                const { snapshot } = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [], recordId, whoCanSee: true });
                snapshots.push({ ...snapshot, metadata: { ...demo.metadata, ...snapshot.metadata }, settings: demo.settings ?? {} });
            }
        } finally {
            await org.close();
        }
        // The compiled panel module, its engine import pointed at the built engine.
        const source = readFileSync(join(ROOT, 'force-app', 'main', 'default', 'lwc', 'accessXrayWhoCanSeeSource', 'accessXrayWhoCanSeeSource.js'), 'utf8').replace(
            "from 'c/accessXrayEngine'",
            `from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'engine', 'accessXrayEngine.mjs')).href)}`
        );
        const result = withEngine<{ diffs: unknown[]; pages: number; split: number; publicRecords: number }>(
            { snapshots, recordIds, source, perPage: USERS_PER_PAGE },
            `const { writeFileSync, mkdtempSync } = await import('node:fs');
            const { join } = await import('node:path');
            const { tmpdir } = await import('node:os');
            const file = join(mkdtempSync(join(tmpdir(), 'axr-wcs-')), 'source.mjs');
            writeFileSync(file, snapshot.source);
            const { WhoCanSeeSource } = await import('file://' + file);
            const view = (r) => ({
                total: r.total, totalsByMechanism: Object.entries(r.totalsByMechanism).sort(), totalsByAccess: Object.entries(r.totalsByAccess).sort(), uncertain: r.uncertain,
                users: r.users.map((u) => [u.userId, u.maxAccessLevel, u.topMechanism, u.topReason]).sort(),
                publicAccess: (r.publicAccess ?? []).map((p) => [p.side, p.model, p.users, JSON.stringify(p.byProfile), JSON.stringify(p.byPermissionSet), JSON.stringify(p.byAccess)])
            });
            const diffs = [];
            let pages = 0, split = 0, publicRecords = 0;
            snapshot.recordIds.forEach((recordId, i) => {
                const whole = new WhoCanSeeSource([snapshot.snapshots[i]], recordId).query({ offset: 0, limit: 10000 });
                const parts = engine.whoCanSeePages(snapshot.snapshots[i], recordId, snapshot.perPage);
                pages += parts.length;
                if (parts.length > 2) split++;
                if (whole.publicAccess) publicRecords++;
                const merged = new WhoCanSeeSource(parts, recordId).query({ offset: 0, limit: 10000 });
                const a = view(whole), b = view(merged);
                if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push({ recordId, whole: { ...a, users: a.users.filter((x) => !b.users.some((y) => JSON.stringify(x) === JSON.stringify(y))) }, merged: { ...b, users: b.users.filter((x) => !a.users.some((y) => JSON.stringify(x) === JSON.stringify(y))) } });
            });
            return { diffs, pages, split, publicRecords };`
        );
        expect(result.diffs).toEqual([]);
        // Not vacuous: many records are split into several user pages, and public counts are merged too.
        expect(result.split).toBeGreaterThan(10);
        expect(result.publicRecords).toBeGreaterThan(0);
    }, 300_000);

    it('pages are disjoint slices of users: each user not named by the record side is in exactly one page', () => {
        const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
        const record = String(demo.tables.Case?.[0]?.Id);
        const out = withEngine<{ users: string[][]; named: string[] }>(
            { demo, record },
            `const parts = engine.whoCanSeePages(snapshot.demo, snapshot.record, 4);
            const users = parts.map((p) => (p.tables.User ?? []).map((u) => u.Id));
            const named = users.reduce((acc, list) => acc.filter((id) => list.includes(id)));
            return { users, named, scopes: parts.map((p) => p.meta.scope.page) };`
        );
        const sliced = out.users.map((list) => list.filter((id) => !out.named.includes(id)));
        const all = sliced.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all.length + out.named.length).toBe((demo.tables.User ?? []).length);
        expect(sliced[0]).toEqual([]);
        expect(sliced.slice(1).every((s) => s.length > 0 && s.length <= 4)).toBe(true);
    });
});
