/** @jest-environment node */
/**
 * A who-can-see snapshot split into pages as the in-org job writes them (engine whoCanSeePages.ts:
 * page 0 the record side with the public-default counts, `meta.scope.publicCounts`; the others
 * disjoint slices of users with what their answers rest on) and merged back by the panel's
 * WhoCanSeeSource (lwc-src/lwc/accessXrayWhoCanSeeSource, the compiled component run against the
 * built engine) gives the same answer as the snapshot in one piece: the same users with the same
 * maximum access, top mechanism and reason, the same totals, the same public-default counts (page
 * 0's less the users the other pages list, once per user), confident whenever the one piece is —
 * for the whoCanSee/1 snapshots (real aggregate queries) of every demo record and of records of a
 * generated org (fixed, printed seeds), collected from the fake org, 1 and 3 users per page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collect } from '../../cli/src/collector';
import { startFakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { configFor, DEFAULT_SEED, SyntheticOrg } from '../../scripts/bench/generator';
import { RandomStream } from '../../scripts/bench/random';
import { ROOT, withEngine } from './helpers/engine';
import { transportFor } from './helpers/miniOrg';

const OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Compensation_Plan__c', 'Invoice__c', 'Product_Line__c'];
const GENERATED_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Project__c'];
/** Fixed seed of the generated org's records (printed by the test). */
const SEED = 20261204;
const GENERATED_RECORDS = 15;
/** Small pages, so most records are split into several. */
const USERS_PER_PAGE = [1, 3];

/** The generated org with public defaults for internal users (accounts Public Read Only, cases Public Read/Write, projects Public Read Only), so that the aggregates count users. */
function withPublicDefaults(whole: Snapshot): Snapshot {
    const models: Record<string, [string, string]> = { Account: ['Read', 'Read'], Case: ['ReadWrite', 'Edit'], Project__c: ['Read', 'Read'] };
    for (const row of whole.tables.EntityDefinition ?? []) {
        const model = models[String(row.QualifiedApiName)];
        if (model) row.InternalSharingModel = model[0];
    }
    for (const row of whole.tables.Organization ?? []) {
        row.DefaultAccountAccess = 'Read';
        row.DefaultCaseAccess = 'Edit';
    }
    return whole;
}

async function collectAll(whole: Snapshot, recordIds: string[]): Promise<Snapshot[]> {
    const org = await startFakeOrg({ snapshot: whole });
    const snapshots: Snapshot[] = [];
    try {
        for (const recordId of recordIds) {
            const { snapshot } = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [], recordId, whoCanSee: true });
            snapshots.push({ ...snapshot, metadata: { ...whole.metadata, ...snapshot.metadata }, settings: whole.settings ?? {} });
        }
    } finally {
        await org.close();
    }
    return snapshots;
}

interface Outcome {
    diffs: unknown[];
    split: number;
    publicRecords: number;
    /** Users on further pages whom page 0's counts include (taken out by the merge). */
    overlap: number;
    confident: number;
}

/** In one child process: every record in one piece and in pages merged by the compiled panel module. */
function splitAndMerge(snapshots: Snapshot[], recordIds: string[]): Outcome {
    // The compiled panel module, its engine import pointed at the built engine.
    const source = readFileSync(join(ROOT, 'force-app', 'main', 'default', 'lwc', 'accessXrayWhoCanSeeSource', 'accessXrayWhoCanSeeSource.js'), 'utf8').replace(
        "from 'c/accessXrayEngine'",
        `from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'engine', 'accessXrayEngine.mjs')).href)}`
    );
    return withEngine<Outcome>(
        { snapshots, recordIds, source, sizes: USERS_PER_PAGE },
        `const { writeFileSync, mkdtempSync } = await import('node:fs');
        const { join } = await import('node:path');
        const { tmpdir } = await import('node:os');
        const file = join(mkdtempSync(join(tmpdir(), 'axr-wcs-')), 'source.mjs');
        writeFileSync(file, snapshot.source);
        const { WhoCanSeeSource } = await import('file://' + file);
        const view = (r) => ({
            total: r.total, totalsByMechanism: Object.entries(r.totalsByMechanism).sort(), totalsByAccess: Object.entries(r.totalsByAccess).sort(),
            uncertain: r.uncertain, uncertainties: [...r.uncertainties].sort(),
            users: r.users.map((u) => [u.userId, u.maxAccessLevel, u.topMechanism, u.topReason, u.mechanisms.join(','), u.uncertain]).sort(),
            publicAccess: (r.publicAccess ?? []).map((p) => [p.side, p.model, p.users, JSON.stringify(p.byProfile), JSON.stringify(p.byPermissionSet), JSON.stringify(p.byAccess)])
        });
        const diffs = [];
        let split = 0, publicRecords = 0, overlap = 0, confident = 0;
        snapshot.recordIds.forEach((recordId, i) => {
            const whole = new WhoCanSeeSource([snapshot.snapshots[i]], recordId).query({ offset: 0, limit: 10000 });
            if (whole.publicAccess) publicRecords++;
            if (!whole.uncertain) confident++;
            for (const size of snapshot.sizes) {
                const parts = engine.whoCanSeePages(snapshot.snapshots[i], recordId, size);
                if (parts.length > 2) split++;
                const answers = parts.map((p) => engine.whoCanSee(p, recordId));
                const first = new Set((answers[0].publicOverlap ?? []).map((u) => u.userId));
                overlap += new Set(answers.slice(1).flatMap((a) => (a.publicOverlap ?? []).map((u) => u.userId)).filter((id) => !first.has(id))).size;
                const merged = new WhoCanSeeSource(parts, recordId).query({ offset: 0, limit: 10000 });
                const a = view(whole), b = view(merged);
                if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push({ recordId, size, whole: { ...a, users: a.users.filter((x) => !b.users.some((y) => JSON.stringify(x) === JSON.stringify(y))) }, merged: { ...b, users: b.users.filter((x) => !a.users.some((y) => JSON.stringify(x) === JSON.stringify(y))) } });
            }
        });
        return { diffs, split, publicRecords, overlap, confident };`
    );
}

describe('who-can-see pages merged by the panel give the whole snapshot\u2019s answer', () => {
    it(`for the whoCanSee/1 snapshot of every demo record, ${USERS_PER_PAGE.join(' and ')} users per page`, async () => {
        const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
        const recordIds = OBJECTS.flatMap((o) => (demo.tables[o] ?? []).map((r) => String(r.Id)));
        const result = splitAndMerge(await collectAll(demo, recordIds), recordIds);
        expect(result.diffs).toEqual([]);
        // Not vacuous: many records are split into several user pages, public counts are merged, and
        // further pages list users page 0's counts include (Product_Line__c is Public Read Only).
        expect(result.split).toBeGreaterThan(10);
        expect(result.publicRecords).toBeGreaterThan(0);
        expect(result.overlap).toBeGreaterThan(0);
        // Most answers are confident in one piece, so "confident in pages too" is checked (uncertain is compared).
        expect(result.confident).toBeGreaterThan(recordIds.length / 2);
    }, 300_000);

    it(`for ${GENERATED_RECORDS} records of a generated org (generator seed ${DEFAULT_SEED}, records seed ${SEED}), ${USERS_PER_PAGE.join(' and ')} users per page`, async () => {
        console.info(`whoCanSeePages: ${GENERATED_RECORDS} records of the tiny synthetic org (generator seed ${DEFAULT_SEED}), records seed ${SEED}`);
        const whole = withPublicDefaults(new SyntheticOrg(configFor('tiny')).toSnapshot());
        const rnd = new RandomStream(SEED, 'whoCanSeePages');
        const recordIds: string[] = [];
        for (let i = 0; i < GENERATED_RECORDS; i++) {
            const rows = whole.tables[GENERATED_OBJECTS[i % GENERATED_OBJECTS.length] as string] ?? [];
            recordIds.push(String(rows[rnd.int(i, 0, rows.length)]?.Id));
        }
        const result = splitAndMerge(await collectAll(whole, recordIds), recordIds);
        expect(result.diffs).toEqual([]);
        expect(result.split).toBeGreaterThan(GENERATED_RECORDS);
        expect(result.publicRecords).toBeGreaterThan(GENERATED_RECORDS / 3);
        expect(result.overlap).toBeGreaterThan(0);
        expect(result.confident).toBeGreaterThan(GENERATED_RECORDS / 2);
    }, 600_000);

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
