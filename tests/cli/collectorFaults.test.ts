/** @jest-environment node */
/**
 * Faults while collecting (docs/evidence-plan.md "Faults"), injected by the fake org, through a
 * real jsforce Connection. Error shapes: REST API Developer Guide "Status Codes and Error
 * Responses" (401 INVALID_SESSION_ID, 403 REQUEST_LIMIT_EXCEEDED, 400 QUERY_TIMEOUT,
 * 400 INVALID_QUERY_LOCATOR, 500 UNKNOWN_EXCEPTION).
 * - A step that fails part-way (QUERY_TIMEOUT, an expired cursor, a connection reset that a
 *   second try doesn't fix) leaves its table in meta.unavailable — never half a table presented
 *   as whole — and the engine marks the layers that need it uncertain.
 * - A page whose connection is reset is read again once (GET is idempotent).
 * - Faults after which nothing else can be read (session expired part-way, API limit, no answer,
 *   unreachable host, persistent server errors) end the collection with one clear error.
 */
import { Connection } from 'jsforce';
import { collect } from '../../cli/src/collector';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import { jsforceTransport, type JsforceLikeConnection } from '../../cli/src/transport';
import type { Explanation } from '../../lwc-src/lwc/accessXrayEngine/types';
import { withEngine } from './helpers/engine';
import { biggerOrg, CASE, MIA, mini, sharedWith, SUE, transportFor } from './helpers/miniOrg';

describe('collector faults against the fake org', () => {
    let org: FakeOrg;
    afterEach(async () => {
        await org?.close();
    });

    it('expired session (401 INVALID_SESSION_ID) → one line telling how to log in again', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        await expect(collect(transportFor(org, { accessToken: '00D000000000001!expired' }), { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'ExpiredSession',
            exitCode: 1,
            message: expect.stringMatching(/^The session for fake-org has expired or is invalid \(INVALID_SESSION_ID\), and the login has no refresh token to renew it\.$/),
            actions: ['Log in again: sf org login web --alias fake-org']
        });
    });

    it('a session that expires part-way through (401 after 10 requests) ends the collection with that error: no snapshot, never half the evidence', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'expiredSession', after: 10 });
        await expect(collect(transportFor(org), { users: [SUE], recordId: CASE })).rejects.toMatchObject({ errorName: 'ExpiredSession', exitCode: 1 });
        expect(org.requests.filter((r) => r.status === 401)).toHaveLength(1);
        expect(org.requests.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(10);
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
        // Mia's role chain (Sales Manager → CEO) and the owner's (Sales Rep) are all there.
        expect(ok.snapshot.tables.UserRole?.map((r) => r.Id)).toEqual(expect.arrayContaining(['00E000000000001AAA', '00E000000000002AAA', '00E000000000003AAA']));
        await org.close();
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'serverError', match: 'FROM UserRole' });
        await expect(collect(transportFor(org), { users: [MIA], recordId: CASE })).rejects.toMatchObject({ errorName: 'ServerError', exitCode: 20 });
    });

    it('a hanging request ends as Timeout after --timeout', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'timeout', match: 'FROM Organization' });
        const started = Date.now();
        await expect(collect(transportFor(org, { timeoutMs: 800 }), { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'Timeout',
            message: expect.stringContaining('within 1 s while running the Organization query')
        });
        expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('QUERY_TIMEOUT on the group memberships: GroupMember is listed unavailable with the reason, and the engine says the layers that need memberships are uncertain instead of "not a member"', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'queryTimeout', match: 'FROM GroupMember WHERE UserOrGroupId IN' });
        const { snapshot } = await collect(transportFor(org), { users: [SUE], recordId: CASE });
        expect(snapshot.meta.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'GroupMember', reason: expect.stringContaining('QUERY_TIMEOUT') })]));
        const e = withEngine<Explanation>(snapshot, `return engine.explain(snapshot, { userId: '${SUE}', recordId: '${CASE}' });`);
        expect(e.uncertain).toBe(true);
        // The account's sharing-rule share to EMEA Sales gives its cases Read: without memberships it can't be ruled out.
        expect(e.layers.find((l) => l.id === 'sharingRules')).toMatchObject({ status: 'uncertain', reason: expect.stringContaining('GroupMember could not be read') });
        expect(e.access.read).toBe(false);
    });

    it('QUERY_TIMEOUT on the record itself ends the collection with the error (the explanation has nothing to stand on)', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'queryTimeout', match: 'FROM Case WHERE Id =' });
        await expect(collect(transportFor(org), { users: [SUE], recordId: CASE })).rejects.toMatchObject({ errorName: 'QueryTimeout', exitCode: 69, message: expect.stringContaining('QUERY_TIMEOUT') });
    });

    it('a connection reset while reading a page is retried once, and the table is read whole', async () => {
        org = await startFakeOrg({ snapshot: sharedWith(30), pageSize: 10 });
        org.injectFault({ kind: 'connectionReset', match: '/query/01gFAKE', times: 1 });
        const { snapshot } = await collect(transportFor(org, { retries: 0 }), { users: [SUE], recordId: CASE });
        expect(snapshot.tables.CaseShare).toHaveLength(31);
        expect(snapshot.meta.unavailable?.map((u) => u.table)).not.toContain('CaseShare');
        expect(org.requests.filter((r) => r.status === 0)).toHaveLength(1);
    });

    it('a connection reset that the second try doesn\u2019t fix drops the rows already read and lists the table unavailable (never half a table)', async () => {
        org = await startFakeOrg({ snapshot: sharedWith(30), pageSize: 10 });
        org.injectFault({ kind: 'connectionReset', match: '/query/01gFAKE' });
        const { snapshot } = await collect(transportFor(org, { retries: 0 }), { users: [SUE], recordId: CASE });
        expect(snapshot.tables.CaseShare).toBeUndefined();
        expect(snapshot.meta.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'CaseShare', reason: expect.stringContaining('reset') })]));
        const e = withEngine<Explanation>(snapshot, `return engine.explain(snapshot, { userId: '${SUE}', recordId: '${CASE}' });`);
        expect(e.layers.find((l) => l.id === 'manualShares')?.status).toBe('uncertain');
    });

    it('a query cursor that expires mid-paging (INVALID_QUERY_LOCATOR) leaves the table unavailable instead of returning half of it', async () => {
        org = await startFakeOrg({ snapshot: sharedWith(30), pageSize: 10 });
        org.injectFault({ kind: 'expiredCursor', match: '/query/01gFAKE' });
        const { snapshot } = await collect(transportFor(org), { users: [SUE], recordId: CASE });
        expect(snapshot.tables.CaseShare).toBeUndefined();
        expect(snapshot.meta.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'CaseShare', reason: expect.stringContaining('INVALID_QUERY_LOCATOR') })]));
    });

    it('who-can-see: QUERY_TIMEOUT on the grantee groups\u2019 members leaves GroupMember unavailable and the answer uncertain ("users it would reach may be missing"), never a confident short list', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'queryTimeout', match: 'FROM GroupMember WHERE GroupId IN' });
        const { snapshot } = await collect(transportFor(org), { users: [], recordId: CASE, whoCanSee: true });
        expect(snapshot.meta.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'GroupMember', reason: expect.stringContaining('QUERY_TIMEOUT') })]));
        expect(snapshot.meta.truncated).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'GroupMember' })]));
        const answer = withEngine<{ uncertain: boolean; uncertainties: string[] }>(snapshot, `return engine.whoCanSee(snapshot, '${CASE}');`);
        expect(answer.uncertain).toBe(true);
        expect(answer.uncertainties.join(' ')).toMatch(/GroupMember[\s\S]*may be missing/);
    });

    it('who-can-see: a connection reset the second try doesn\u2019t fix drops the share rows already read; CaseShare is unavailable and the answer uncertain', async () => {
        org = await startFakeOrg({ snapshot: sharedWith(30), pageSize: 10 });
        org.injectFault({ kind: 'connectionReset', match: '/query/01gFAKE' });
        const { snapshot } = await collect(transportFor(org, { retries: 0 }), { users: [], recordId: CASE, whoCanSee: true });
        expect(snapshot.tables.CaseShare).toBeUndefined();
        expect(snapshot.meta.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'CaseShare', reason: expect.stringContaining('reset') })]));
        const answer = withEngine<{ uncertain: boolean }>(snapshot, `return engine.whoCanSee(snapshot, '${CASE}');`);
        expect(answer.uncertain).toBe(true);
    });

    it('who-can-see: a session that expires part-way ends the collection with that error (no snapshot)', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        org.injectFault({ kind: 'expiredSession', after: 12 });
        await expect(collect(transportFor(org, { retries: 0 }), { users: [], recordId: CASE, whoCanSee: true })).rejects.toMatchObject({ errorName: 'ExpiredSession' });
    });

    it('a closed port (network fault) → NetworkError naming the instance', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const url = org.url;
        await org.close();
        const conn = new Connection({ instanceUrl: url, accessToken: 'x', version: '62.0' });
        const transport = jsforceTransport(conn as unknown as JsforceLikeConnection, { orgLabel: 'fake-org', timeoutMs: 3000, retries: 0 });
        await expect(collect(transport, { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'NetworkError',
            message: expect.stringContaining(`Can't reach ${url} (ECONNREFUSED)`)
        });
    });

    it('a maintenance page instead of JSON ends as BadResponse, not as a crash', async () => {
        org = await startFakeOrg({ snapshot: biggerOrg(1) });
        org.injectFault({ kind: 'notJson', match: 'FROM UserRole' });
        await expect(collect(transportFor(org), { users: [MIA], recordId: CASE })).rejects.toMatchObject({
            errorName: 'BadResponse',
            exitCode: 1,
            message: expect.stringContaining("answered the UserRole query with something that isn't JSON")
        });
    });
});
