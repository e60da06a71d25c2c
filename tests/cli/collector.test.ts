/** @jest-environment node */
/**
 * The collector end to end against the fake org (cli/src/fakeOrg/server.ts) through a real
 * jsforce Connection (access-token auth, loopback instance URL), following the evidence plan
 * explain/1 (docs/evidence-plan.md):
 * - the same queries and rows for an org 40 times larger (bounded by the question, not the org),
 *   pages with nextRecordsUrl, per-step row caps reported in meta.scope.capsReached;
 * - UserRecordAccess record ids in batches of at most 200 (Object Reference "UserRecordAccess":
 *   "up to 200 record IDs");
 * - the snapshot says what it covers (meta.scope) and replays to the same explanation as the
 *   org's own data.
 * Faults are in collectorFaults.test.ts; exactness on the demo org and a synthetic org in
 * collectorTargeted.test.ts. Data: tests/cli/fixtures/mini-org.snapshot.json.
 */
import { collect } from '../../cli/src/collector';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Explanation, Row } from '../../lwc-src/lwc/accessXrayEngine/types';
import { withEngine } from './helpers/engine';
import { biggerOrg, CASE, MIA, mini, sharedWith, SUE, transportFor } from './helpers/miniOrg';

describe('collector against the fake org', () => {
    let org: FakeOrg;
    afterEach(async () => {
        await org?.close();
    });

    it('collects a snapshot the engine loads, says it covers the pair asked (meta.scope), and replays to the same explanation as the source data', async () => {
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
            rows: stats.rows,
            scope: { kind: 'pairs', plan: 'explain/1', pairs: [{ userId: SUE, recordId: CASE }] }
        });
        expect(stats.bytes).toBeGreaterThan(0);
        // Rows as SOQL returns them, tables keyed by sObject name.
        expect(snapshot.tables.CaseShare).toEqual([expect.objectContaining({ CaseId: CASE, RowCause: 'Owner', CaseAccessLevel: 'All' })]);
        expect(snapshot.tables.UserRecordAccess).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ UserId: SUE, RecordId: CASE, MaxAccessLevel: 'None' }),
                expect.objectContaining({ UserId: SUE, RecordId: '001000000000001AAA' })
            ])
        );
        // Only what the question needs: Ada Admin and Pat Partner play no part in Sue on this case.
        expect(snapshot.tables.User?.map((u) => u.Id)).not.toContain('005000000000005AAA');
        // Replayed through the built engine: the same verdict, layers and grant paths as the source data.
        const explainSue = `engine.loadSnapshot(snapshot); return engine.explain(snapshot, { userId: '${SUE}', recordId: '${CASE}' });`;
        const fromOrg = withEngine<Explanation>(snapshot, explainSue);
        const fromSource = withEngine<Explanation>(mini(), explainSue);
        expect(fromOrg.access).toEqual(fromSource.access);
        expect(fromOrg.layers.map((l) => [l.id, l.status, l.access])).toEqual(fromSource.layers.map((l) => [l.id, l.status, l.access]));
        expect(fromOrg.paths.map((p) => p.summary)).toEqual(fromSource.paths.map((p) => p.summary));
        expect(fromOrg.reconciliation.status).toBe('agrees');
        // Sharing-rule definitions come from the Metadata API (plan round 11): read, not listed as missing.
        expect(snapshot.metadata?.SharingRules).toBeDefined();
        expect(snapshot.meta.unavailable?.map((u) => u.table)).not.toContain('metadata.SharingRules');
    });

    it('never writes the access token or session id into the snapshot', async () => {
        org = await startFakeOrg({ snapshot: mini(), accessToken: '00D000000000001!SECRET-SESSION-TOKEN' });
        const { snapshot } = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(JSON.stringify(snapshot)).not.toContain('SECRET-SESSION-TOKEN');
    });

    it('issues the same queries and reads the same rows for an org 40 times larger (bounded by the question, not by the org)', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const small = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        const smallRequests = org.requests.length;
        await org.close();
        org = await startFakeOrg({ snapshot: biggerOrg(200) });
        const big = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(big.stats.queries).toBe(small.stats.queries);
        expect(org.requests.length).toBe(smallRequests);
        expect(big.stats.rows).toBe(small.stats.rows);
        expect(big.snapshot.tables.GroupMember?.length).toBe(small.snapshot.tables.GroupMember?.length);
    });

    it('follows nextRecordsUrl across pages and counts the extra requests', async () => {
        org = await startFakeOrg({ snapshot: sharedWith(30), pageSize: 10 });
        const { snapshot, stats } = await collect(transportFor(org), { users: [MIA], recordId: CASE });
        expect(snapshot.tables.CaseShare?.length).toBe(31);
        expect(org.requests.some((r) => /\/query\/01gFAKE/.test(r.path))).toBe(true);
        expect(stats.requests).toBeGreaterThan(stats.queries);
    });

    it('caps each step (--max-rows) and reports the cap in meta.scope.capsReached; the engine then says the layers built on those rows are uncertain', async () => {
        org = await startFakeOrg({ snapshot: sharedWith(30), pageSize: 10 });
        const { snapshot } = await collect(transportFor(org), { users: [SUE], recordId: CASE, maxRows: 5 });
        expect(snapshot.tables.CaseShare?.length).toBe(5);
        expect(snapshot.meta.scope?.capsReached).toEqual(expect.arrayContaining([expect.objectContaining({ loop: 'recordShares', limit: 5, reason: expect.stringContaining('CaseShare') })]));
        expect(snapshot.meta.truncated).toBeUndefined();
        const e = withEngine<Explanation>(snapshot, `return engine.explain(snapshot, { userId: '${SUE}', recordId: '${CASE}' });`);
        expect(e.uncertain).toBe(true);
        expect(e.layers.find((l) => l.id === 'manualShares')).toMatchObject({ status: 'uncertain', reason: expect.stringContaining('more than 5 rows of CaseShare') });
    });

    it('collects who-can-see with the plan whoCanSee/1: a records scope, progress per round, no UserRecordAccess, rows that do not grow with unrelated users and groups', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const rounds: number[] = [];
        const small = await collect(transportFor(org), { users: [], recordId: CASE, whoCanSee: true, progress: (round) => rounds.push(round) });
        await org.close();
        expect(small.snapshot.meta.scope).toMatchObject({ kind: 'records', plan: 'whoCanSee/1', recordIds: [CASE] });
        // Round 9 (the evidence of every user reached) runs last, after the sharing sets' users (round 12).
        expect(rounds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 9]);
        expect(small.trace?.some((t) => t.soql.includes('FROM UserRecordAccess'))).toBe(false);
        org = await startFakeOrg({ snapshot: biggerOrg(300) });
        const big = await collect(transportFor(org), { users: [], recordId: CASE, whoCanSee: true });
        // 300 more users, groups and memberships that have nothing to do with the case: the same rows and queries.
        expect({ rows: big.stats.rows, queries: big.stats.queries }).toEqual({ rows: small.stats.rows, queries: small.stats.queries });
    });

    it('an answer larger than the caps is cut and said to be: meta.truncated, capsReached, and the engine marks the answer uncertain', async () => {
        org = await startFakeOrg({ snapshot: sharedWith(30) });
        const { snapshot } = await collect(transportFor(org), { users: [], recordId: CASE, whoCanSee: true, maxRows: 20 });
        expect(snapshot.meta.scope?.capsReached).toEqual(expect.arrayContaining([expect.objectContaining({ limit: 20 })]));
        expect(snapshot.meta.truncated?.length).toBeGreaterThan(0);
        const answer = withEngine<{ uncertain: boolean; uncertainties: string[] }>(snapshot, `return engine.whoCanSee(snapshot, '${CASE}');`);
        expect(answer.uncertain).toBe(true);
        expect(answer.uncertainties.join(' ')).toMatch(/users it would reach may be missing/);
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
        const e = withEngine<Explanation>(snapshot, `return engine.explain(snapshot, { userId: '${SUE}', recordId: '${CASE}' });`);
        expect(e.layers.find((l) => l.id === 'restrictionRules')?.status).toBe('uncertain');
    });

    it('says which user or record is unknown', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        await expect(collect(transportFor(org), { users: ['nobody@fixture.example'], recordId: CASE })).rejects.toThrow('No user with Username nobody@fixture.example in fake-org.');
        await expect(collect(transportFor(org), { users: [MIA], recordId: '500000000000099AAA' })).rejects.toThrow(/No Case record with Id 500000000000099AAA/);
        await expect(collect(transportFor(org), { users: [MIA], recordId: 'a0Z000000000001AAA' })).rejects.toThrow(/No object in fake-org has key prefix a0Z/);
    });

    it('reads the what-if targets it is given (a permission set and a group, with what they grant and where they nest)', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const { snapshot } = await collect(transportFor(org), { users: [SUE], recordId: CASE, permissionSetIds: ['0PS000000000002AAA'], groupIds: ['00G000000000001AAA'] });
        expect(snapshot.tables.PermissionSet?.map((p) => p.Id)).toContain('0PS000000000002AAA');
        expect(snapshot.tables.Group?.map((g) => g.Id)).toContain('00G000000000001AAA');
        expect(org.requests.some((r) => r.soql?.includes('FROM GroupMember WHERE UserOrGroupId IN') && r.soql.includes('00G000000000001AAA'))).toBe(true);
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
});
