/** @jest-environment node */
/**
 * The collector end to end against the fake org (cli/src/fakeOrg/server.ts) through a real
 * jsforce Connection (access-token auth, loopback instance URL):
 * - it issues a constant number of queries whatever the org size, pages with
 *   nextRecordsUrl, and sends UserRecordAccess record ids in batches of at most 200
 *   (Object Reference "UserRecordAccess": "up to 200 record IDs");
 * - the snapshot it writes replays to the same explanation as the org's own data;
 * - faults (REST API "Status Codes and Error Responses": 401 INVALID_SESSION_ID,
 *   403 REQUEST_LIMIT_EXCEEDED, 500 UNKNOWN_EXCEPTION, INVALID_QUERY_LOCATOR, timeouts)
 *   end as one clear OrgError each.
 * Data: tests/cli/fixtures/mini-org.snapshot.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { collect } from '../../cli/src/collector';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import { jsforceTransport, type JsforceLikeConnection } from '../../cli/src/transport';
import type { Explanation, Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { ROOT, withEngine } from './helpers/engine';

const SUE = '005000000000004AAA';
const MIA = '005000000000003AAA';
const CASE = '500000000000001AAA';

function mini(): Snapshot {
    return JSON.parse(JSON.stringify(fixture)) as Snapshot;
}

function transportFor(org: FakeOrg, opts: { timeoutMs?: number; accessToken?: string } = {}) {
    const conn = new Connection({
        instanceUrl: org.url,
        accessToken: opts.accessToken ?? org.accessToken,
        version: '62.0'
    });
    return jsforceTransport(conn as unknown as JsforceLikeConnection, {
        orgLabel: 'fake-org',
        timeoutMs: opts.timeoutMs ?? 5000,
        retries: 1
    });
}

/** The fixture org with `extra` more users, groups and group members (to show the query count doesn't grow). */
function biggerOrg(extra: number): Snapshot {
    const s = mini();
    const users = s.tables.User as Row[];
    const groups = s.tables.Group as Row[];
    const members = s.tables.GroupMember as Row[];
    for (let i = 0; i < extra; i++) {
        const n = String(100 + i).padStart(9, '0');
        users.push({
            ...(users[3] as Row),
            Id: `005000${n}AAA`,
            Name: `Extra User ${i}`,
            Username: `extra${i}@fixture.example`
        });
        groups.push({
            attributes: { type: 'Group' },
            Id: `00G000${n}AAA`,
            Name: `Extra Group ${i}`,
            DeveloperName: `Extra_${i}`,
            Type: 'Regular',
            RelatedId: null,
            DoesIncludeBosses: true
        });
        members.push({
            attributes: { type: 'GroupMember' },
            Id: `011000${n}AAA`,
            GroupId: `00G000${n}AAA`,
            UserOrGroupId: `005000${n}AAA`
        });
    }
    return s;
}

describe('collector against the fake org', () => {
    let org: FakeOrg;
    afterEach(async () => {
        await org?.close();
    });

    it('collects a snapshot the engine loads and that replays to the same explanation as the source data', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const { snapshot, userIds, objectApiName, stats } = await collect(transportFor(org), {
            users: ['sue@fixture.example'],
            recordId: CASE
        });
        expect(userIds).toEqual([SUE]);
        expect(objectApiName).toBe('Case');
        expect(snapshot.meta).toMatchObject({
            source: 'org',
            orgId: '00D000000000001AAA',
            instanceUrl: org.url,
            queries: stats.queries,
            rows: stats.rows
        });
        // Rows as SOQL returns them, tables keyed by sObject name.
        expect(snapshot.tables.CaseShare).toEqual([
            expect.objectContaining({ CaseId: CASE, RowCause: 'Owner', CaseAccessLevel: 'All' })
        ]);
        expect(snapshot.tables.UserRecordAccess).toEqual([
            expect.objectContaining({ UserId: SUE, RecordId: CASE, MaxAccessLevel: 'None' }),
            expect.objectContaining({ UserId: SUE, RecordId: '001000000000001AAA' })
        ]);
        // Replayed through the built engine (npm run build): loads without error, same verdict as the source data.
        const explainSue = `engine.loadSnapshot(snapshot); return engine.explain(snapshot, { userId: '${SUE}', recordId: '${CASE}' });`;
        const fromOrg = withEngine<Explanation>(snapshot, explainSue);
        const fromSource = withEngine<Explanation>(mini(), explainSue);
        expect(fromOrg.access).toEqual(fromSource.access);
        expect(fromOrg.layers.map((l) => [l.id, l.status])).toEqual(fromSource.layers.map((l) => [l.id, l.status]));
        expect(fromOrg.reconciliation.status).toBe('agrees');
        // What the CLI collector does not read is said, not hidden.
        expect(snapshot.meta.unavailable?.map((u) => u.table)).toEqual(
            expect.arrayContaining(['metadata.SharingRules'])
        );
    });

    it('never writes the access token or session id into the snapshot', async () => {
        org = await startFakeOrg({ snapshot: mini(), accessToken: '00D000000000001!SECRET-SESSION-TOKEN' });
        const { snapshot } = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(JSON.stringify(snapshot)).not.toContain('SECRET-SESSION-TOKEN');
    });

    it('issues the same number of queries for an org 40 times larger (constant per explanation)', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const small = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        await org.close();
        org = await startFakeOrg({ snapshot: biggerOrg(200) });
        const big = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(big.stats.queries).toBe(small.stats.queries);
        expect(big.stats.rows).toBeGreaterThanOrEqual(small.stats.rows + 400);
        expect(big.snapshot.tables.GroupMember?.length).toBe(202);
    });

    it('follows nextRecordsUrl across pages and counts the extra requests', async () => {
        org = await startFakeOrg({ snapshot: biggerOrg(30), pageSize: 10 });
        const { snapshot, stats } = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(snapshot.tables.Group?.length).toBe(37);
        expect(org.requests.some((r) => /\/query\/01gFAKE/.test(r.path))).toBe(true);
        expect(stats.requests).toBeGreaterThan(stats.queries);
    });

    it('bounds org-wide tables and records the cut in meta.truncated (the engine then marks the layer uncertain)', async () => {
        org = await startFakeOrg({ snapshot: biggerOrg(30), pageSize: 10 });
        const { snapshot } = await collect(transportFor(org), { users: [MIA], recordId: CASE, maxRows: 20 });
        expect(snapshot.tables.Group?.length).toBe(20);
        expect(snapshot.meta.truncated).toEqual(
            expect.arrayContaining([expect.objectContaining({ table: 'Group', limit: 20 })])
        );
    });

    it('reads a page of active users for who-can-see and checks UserRecordAccess per user in batches of at most 200 record ids', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const progress: number[] = [];
        const result = await collect(transportFor(org), {
            users: [],
            recordId: CASE,
            allUsers: { limit: 3, offset: 1 },
            verifyEachUser: true,
            progress: (done) => progress.push(done)
        });
        expect(result.totalUsers).toBe(5);
        expect(result.userIds).toEqual(['005000000000002AAA', MIA, SUE]);
        expect(progress).toEqual([1, 2, 3]);
        const ura = org.requests.filter((r) => r.soql?.includes('FROM UserRecordAccess'));
        expect(ura).toHaveLength(3);
        for (const r of ura) expect((r.soql?.match(/'[a-zA-Z0-9]{18}'/g) ?? []).length - 1).toBeLessThanOrEqual(200);
    });

    it('reads an org without Enterprise Territory Management (INVALID_TYPE) as having no territories, not as missing evidence', async () => {
        org = await startFakeOrg({ snapshot: mini(), unsupportedObjects: ['Territory2Model'] });
        const { snapshot } = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(snapshot.tables.Territory2Model).toBeUndefined();
        expect(snapshot.meta.unavailable?.map((u) => u.table)).not.toContain('Territory2Model');
    });

    it('records restriction rules it may not read (INSUFFICIENT_ACCESS) in meta.unavailable, and the engine reports that layer uncertain', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'noAccess', match: 'FROM RestrictionRule' });
        const { snapshot } = await collect(transportFor(org), { users: [SUE], recordId: CASE });
        expect(snapshot.meta.unavailable).toEqual(
            expect.arrayContaining([
                expect.objectContaining({
                    table: 'RestrictionRule',
                    fix: expect.stringContaining('View Restriction and Scoping Rules')
                })
            ])
        );
        const e = withEngine<Explanation>(
            snapshot,
            `return engine.explain(snapshot, { userId: '${SUE}', recordId: '${CASE}' });`
        );
        expect(e.layers.find((l) => l.id === 'restrictionRules')?.status).toBe('uncertain');
    });

    it('says which user or record is unknown', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        await expect(collect(transportFor(org), { users: ['nobody@fixture.example'], recordId: CASE })).rejects.toThrow(
            'No user with Username nobody@fixture.example in fake-org.'
        );
        await expect(collect(transportFor(org), { users: [MIA], recordId: '500000000000099AAA' })).rejects.toThrow(
            /No Case record with Id 500000000000099AAA/
        );
        await expect(collect(transportFor(org), { users: [MIA], recordId: 'a0Z000000000001AAA' })).rejects.toThrow(
            /No object in fake-org has key prefix a0Z/
        );
    });
});

describe('collector faults against the fake org', () => {
    let org: FakeOrg;
    afterEach(async () => {
        await org?.close();
    });

    it('expired session (401 INVALID_SESSION_ID) → one line telling how to log in again', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        await expect(
            collect(transportFor(org, { accessToken: '00D000000000001!expired' }), { users: [MIA], recordId: CASE })
        ).rejects.toMatchObject({
            errorName: 'ExpiredSession',
            exitCode: 1,
            message: expect.stringMatching(
                /^The session for fake-org has expired or is invalid \(INVALID_SESSION_ID\), and the login has no refresh token to renew it\.$/
            ),
            actions: ['Log in again: sf org login web --alias fake-org']
        });
    });

    it('API limit (403 REQUEST_LIMIT_EXCEEDED) → one line naming the limit', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'requestLimit', match: 'FROM GroupMember' });
        await expect(collect(transportFor(org), { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'RequestLimitExceeded',
            message: expect.stringContaining('REQUEST_LIMIT_EXCEEDED) while running the GroupMember query')
        });
    });

    it('a transient 500 is retried; a persistent one ends as ServerError', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'serverError', match: 'FROM UserRole', times: 1 });
        const ok = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(ok.snapshot.tables.UserRole?.length).toBe(5);
        await org.close();
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'serverError', match: 'FROM UserRole' });
        await expect(collect(transportFor(org), { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'ServerError',
            exitCode: 20
        });
    });

    it('a hanging request ends as Timeout after --timeout', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'timeout', match: 'FROM Organization' });
        const started = Date.now();
        await expect(
            collect(transportFor(org, { timeoutMs: 800 }), { users: [MIA], recordId: CASE })
        ).rejects.toMatchObject({
            errorName: 'Timeout',
            message: expect.stringContaining('within 1 s while running the Organization query')
        });
        expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('a partial page whose cursor expired (INVALID_QUERY_LOCATOR) fails instead of returning half a table', async () => {
        org = await startFakeOrg({ snapshot: biggerOrg(30), pageSize: 10 });
        org.injectFault({ kind: 'expiredCursor', match: '/query/01gFAKE' });
        await expect(collect(transportFor(org), { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'QueryCursorExpired'
        });
    });

    it('a closed port (network fault) → NetworkError naming the instance', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const url = org.url;
        await org.close();
        const conn = new Connection({ instanceUrl: url, accessToken: 'x', version: '62.0' });
        const transport = jsforceTransport(conn as unknown as JsforceLikeConnection, {
            orgLabel: 'fake-org',
            timeoutMs: 3000,
            retries: 0
        });
        await expect(collect(transport, { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'NetworkError',
            message: expect.stringContaining(`Can't reach ${url} (ECONNREFUSED)`)
        });
    });
});

describe('collector on the demo org served by the fake org (data/demo-org.snapshot.json, data/demo-org.scenarios.json)', () => {
    it('for every named scenario, the collected evidence gives the demo verdict, or says it is uncertain — never a confident wrong answer', async () => {
        const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
        const { scenarios } = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.scenarios.json'), 'utf8')) as {
            scenarios: { key: string; userId: string; recordId: string }[];
        };
        const org = await startFakeOrg({ snapshot: demo });
        const collected: Record<string, Snapshot> = {};
        try {
            for (const s of scenarios) {
                collected[s.key] = (
                    await collect(transportFor(org), { users: [s.userId], recordId: s.recordId })
                ).snapshot;
            }
        } finally {
            await org.close();
        }
        const verdicts = withEngine<
            { key: string; demo: string; collected: string; uncertain: boolean; reasons: string[] }[]
        >(
            { demo, collected, scenarios },
            `return snapshot.scenarios.map((s) => {
                const a = engine.explain(snapshot.demo, { userId: s.userId, recordId: s.recordId });
                const b = engine.explain(snapshot.collected[s.key], { userId: s.userId, recordId: s.recordId });
                return { key: s.key, demo: a.maxAccessLevel, collected: b.maxAccessLevel, uncertain: b.uncertain, reasons: b.uncertainties };
            });`
        );
        expect(verdicts).toHaveLength(scenarios.length);
        const confidentlyWrong = verdicts.filter((v) => v.demo !== v.collected && !v.uncertain);
        expect(confidentlyWrong).toEqual([]);
        // Most scenarios don't need the Metadata API evidence the CLI collector leaves out.
        expect(verdicts.filter((v) => v.demo === v.collected).length).toBeGreaterThan(scenarios.length / 2);
    });
});

describe('collector details', () => {
    it('reads a record with hundreds of fields in a few field groups that each fit a GET URL, and merges them', async () => {
        const s = mini();
        const fields = Array.from({ length: 600 }, (_, i) => ({ name: `Custom_Field_Number_${i}__c`, type: 'string' }));
        s.describe = {
            ...(s.describe ?? {}),
            Case: {
                ...(s.describe?.Case ?? { name: 'Case' }),
                fields: [...(s.describe?.Case?.fields ?? []), ...fields]
            }
        };
        const caseRow = s.tables.Case?.[0] as Row;
        fields.forEach((f, i) => (caseRow[f.name] = `value ${i}`));
        const org = await startFakeOrg({ snapshot: s });
        try {
            const { snapshot } = await collect(transportFor(org), { users: [MIA], recordId: CASE });
            const caseQueries = org.requests.filter((r) => /FROM Case WHERE Id =/.test(r.soql ?? ''));
            expect(caseQueries.length).toBeGreaterThan(1);
            for (const q of caseQueries) expect(encodeURIComponent(q.soql ?? '').length).toBeLessThan(16_000);
            expect(snapshot.tables.Case?.[0]).toMatchObject({
                Id: CASE,
                CaseNumber: '00001001',
                Custom_Field_Number_0__c: 'value 0',
                Custom_Field_Number_599__c: 'value 599'
            });
        } finally {
            await org.close();
        }
    });

    it('a maintenance page instead of JSON ends as BadResponse, not as a crash', async () => {
        const org = await startFakeOrg({ snapshot: mini() });
        try {
            org.injectFault({ kind: 'notJson', match: 'FROM UserRole' });
            await expect(collect(transportFor(org), { users: [MIA], recordId: CASE })).rejects.toMatchObject({
                errorName: 'BadResponse',
                exitCode: 1,
                message: expect.stringContaining("answered the UserRole query with something that isn't JSON")
            });
        } finally {
            await org.close();
        }
    });
});
