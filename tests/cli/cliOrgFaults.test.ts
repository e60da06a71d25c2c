/** @jest-environment node */
/**
 * Org faults that `sf xray` meets through `@salesforce/core`'s connection, against the fake org
 * behind its front door (cli/src/fakeOrg/front.ts): an access token that expires part-way
 * through a collection (the connection refreshes it with the login's refresh token and goes on —
 * OAuth 2.0 Refresh Token Flow, Salesforce Help), a refresh token that no longer works, and the
 * two REQUEST_LIMIT_EXCEEDED limits told apart (Salesforce Developer Limits and Allocations
 * Quick Reference, "API Request Limits and Allocations"): the concurrent long-running limit is
 * waited out with growing pauses, the 24-hour limit is not retried.
 */
import { startFakeOrgFront, type FakeOrgFront } from '../../cli/src/fakeOrg/front';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { freshHome, loginWithRefreshToken, runCli, type CliRun } from './helpers/cli';

jest.setTimeout(120_000);

const SUE = '005000000000004AAA';
const CASE = '500000000000001AAA';

function json<T>(run: CliRun): T {
    return JSON.parse(run.stdout) as T;
}

describe('sf xray against an org login with a refresh token', () => {
    let org: FakeOrg;
    let front: FakeOrgFront;
    let home: string;

    beforeAll(async () => {
        org = await startFakeOrg({ snapshot: JSON.parse(JSON.stringify(fixture)) as Snapshot });
        front = await startFakeOrgFront({ backend: org });
        home = freshHome();
        await loginWithRefreshToken(home, 'fake', front.url, front.refreshToken);
    });
    afterAll(async () => {
        await front.close();
        await org.close();
    });

    it('an access token that expires part-way through is refreshed through @salesforce/core and the collection goes on', async () => {
        const before = front.stats.refreshes;
        front.expireAccessToken(8);
        const run = await runCli(['explain', '-o', 'fake', '--user', 'Sue Support', '-i', CASE, '--operation', 'read', '--json'], { home });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(json<{ result: { operation: { allowed: boolean } } }>(run).result.operation.allowed).toBe(false);
        expect(front.stats.refreshes).toBe(before + 1);
        expect(front.stats.expiredTokenRejections).toBeGreaterThanOrEqual(1);
    });

    it('a refresh token that no longer works: exit 1, ExpiredSession, and the login command to run', async () => {
        front.expireAccessToken(3);
        front.revokeRefreshToken();
        const run = await runCli(['explain', '-o', 'fake', '--user', SUE, '-i', CASE], { home });
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^Error \(ExpiredSession\): The session for fake has expired and could not be refreshed: .*expired access\/refresh token/m);
        expect(run.stderr).toContain('sf org login web --alias fake');
        expect(run.stderr).not.toMatch(/\n\s+at /);
    });
});

describe('sf xray and the org API limits (both REQUEST_LIMIT_EXCEEDED, told apart by their message)', () => {
    let org: FakeOrg;
    let front: FakeOrgFront;
    let home: string;

    beforeAll(async () => {
        org = await startFakeOrg({ snapshot: JSON.parse(JSON.stringify(fixture)) as Snapshot });
        front = await startFakeOrgFront({ backend: org });
        home = freshHome();
        await loginWithRefreshToken(home, 'fake', front.url, front.refreshToken);
    });
    afterEach(() => {
        front.concurrentLimitFor(0);
        front.dailyLimitAfter(undefined);
    });
    afterAll(async () => {
        await front.close();
        await org.close();
    });

    it('the concurrent long-running request limit ("ConcurrentPerOrgLongTxn Limit exceeded") is waited out: 1 s, then 2 s, then the command succeeds', async () => {
        const before = front.stats.concurrentRejections;
        front.concurrentLimitFor(2, 'FROM UserRole');
        const run = await runCli(['explain', '-o', 'fake', '--user', SUE, '-i', CASE, '--json'], { home });
        expect(run.code).toBe(0);
        expect(front.stats.concurrentRejections - before).toBe(2);
        expect(json<{ status: number }>(run).status).toBe(0);
    });

    it('the concurrent back-off is reported on stderr for people (not in --json)', async () => {
        front.concurrentLimitFor(1, 'FROM UserRole');
        const run = await runCli(['explain', '-o', 'fake', '--user', SUE, '-i', CASE, '--operation', 'read'], { home });
        expect(run.code).toBe(0);
        expect(run.stderr).toMatch(/the org is at its limit of concurrent long-running requests; waiting 1 s before try 2/);
        expect(run.stderr).toMatch(/the UserRole query: /);
    });

    it('the 24-hour limit ("TotalRequests Limit exceeded") is not retried: exit 1, RequestLimitExceeded naming the 24-hour limit', async () => {
        const before = front.stats.dailyRejections;
        front.dailyLimitAfter(4);
        const run = await runCli(['explain', '-o', 'fake', '--user', SUE, '-i', CASE, '--json'], { home });
        expect(run.code).toBe(1);
        const out = json<{ name: string; message: string; actions: string[]; exitCode: number }>(run);
        expect(out).toMatchObject({ name: 'RequestLimitExceeded', exitCode: 1 });
        expect(out.message).toMatch(/24-hour API request limit is used up \(TotalRequests Limit exceeded: REQUEST_LIMIT_EXCEEDED\) while running /);
        expect(out.actions.join(' ')).toMatch(/API Requests, Last 24 Hours/);
        expect(front.stats.dailyRejections - before).toBe(1);
    });
});
