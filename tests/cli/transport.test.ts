/** @jest-environment node */
/**
 * The transport's error mapping and back-off, with a stub connection shaped like jsforce's
 * errors (errorCode + message, as the REST API answers them: REST API Developer Guide,
 * "Status Codes and Error Responses"). Exit codes follow the Salesforce CLI's table
 * (Salesforce CLI Plugin Developer Guide, "Common Coding Patterns"): 20 for a Salesforce
 * server error, 69 for a request that timed out, 1 otherwise.
 */
import { jsforceTransport, requestLimitKind, toOrgError, type JsforceLikeConnection } from '../../cli/src/transport';

const PATH = `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM GroupMember')}`;
const OPTS = { orgLabel: 'acme', instanceUrl: 'https://acme.my.salesforce.com', timeoutMs: 60_000 };

function stub(errors: unknown[], then: unknown = { records: [] }): JsforceLikeConnection & { calls: number } {
    const conn = {
        instanceUrl: OPTS.instanceUrl,
        version: '62.0',
        calls: 0,
        request<T>(): Promise<T> {
            const err = errors[conn.calls++];
            return err ? Promise.reject(err) : Promise.resolve(then as T);
        }
    };
    return conn;
}

const concurrent = Object.assign(new Error('ConcurrentPerOrgLongTxn Limit exceeded.'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' });
const daily = Object.assign(new Error('TotalRequests Limit exceeded.'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' });

describe('REQUEST_LIMIT_EXCEEDED: concurrent vs 24-hour', () => {
    it('classifies the two messages the org uses (and the Help article wording of the concurrent one)', () => {
        expect(requestLimitKind('ConcurrentPerOrgLongTxn Limit exceeded.')).toBe('concurrent');
        expect(requestLimitKind('ConcurrentRequests (Concurrent API Requests) Limit exceeded')).toBe('concurrent');
        expect(requestLimitKind('TotalRequests Limit exceeded.')).toBe('daily');
        expect(requestLimitKind('something else')).toBe('unknown');
    });

    it('waits 1, 2, 4, 8, 16 s on the concurrent limit, then gives up with ConcurrentRequestLimit', async () => {
        const waits: number[] = [];
        const conn = stub(Array(10).fill(concurrent));
        const t = jsforceTransport(conn, { orgLabel: 'acme', backoff: { sleep: async (ms) => void waits.push(ms) } });
        await expect(t.get(PATH)).rejects.toMatchObject({ name: 'ConcurrentRequestLimit', exitCode: 1 });
        expect(waits).toEqual([1000, 2000, 4000, 8000, 16000]);
        expect(conn.calls).toBe(6);
    });

    it('succeeds once the concurrent limit clears', async () => {
        const waits: number[] = [];
        const conn = stub([concurrent, concurrent]);
        const t = jsforceTransport(conn, { orgLabel: 'acme', backoff: { baseMs: 10, sleep: async (ms) => void waits.push(ms) } });
        await expect(t.get(PATH)).resolves.toEqual({ records: [] });
        expect(waits).toEqual([10, 20]);
    });

    it('never retries the 24-hour limit', async () => {
        const waits: number[] = [];
        const conn = stub([daily]);
        const t = jsforceTransport(conn, { orgLabel: 'acme', backoff: { sleep: async (ms) => void waits.push(ms) } });
        await expect(t.get(PATH)).rejects.toMatchObject({ name: 'RequestLimitExceeded' });
        expect(waits).toEqual([]);
        expect(conn.calls).toBe(1);
    });
});

describe('org errors mapped with the fix to try', () => {
    it('QUERY_TIMEOUT: the org stopped the query (exit 69), try again / lower --max-rows', () => {
        const err = toOrgError(Object.assign(new Error('Your query request was running for too long.'), { errorCode: 'QUERY_TIMEOUT' }), PATH, OPTS);
        expect(err).toMatchObject({ name: 'QueryTimeout', exitCode: 69 });
        expect(err.message).toContain('the GroupMember query');
        expect(err.actionList.join(' ')).toMatch(/--max-rows/);
    });

    it('a connection reset mid-page (after jsforce retried it): NetworkError naming the page, run again', () => {
        const err = toOrgError(
            Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }),
            '/services/data/v62.0/query/01gFAKE00000001-2000',
            OPTS
        );
        expect(err).toMatchObject({ name: 'NetworkError', exitCode: 1 });
        expect(err.message).toBe(
            'The connection to https://acme.my.salesforce.com was reset while reading the next page of a query (ECONNRESET), also on the retries.'
        );
    });

    it('401 without a refresh token: ExpiredSession with the login command', () => {
        const err = toOrgError(Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' }), PATH, OPTS);
        expect(err.name).toBe('ExpiredSession');
        expect(err.actionList).toEqual(['Log in again: sf org login web --alias acme']);
    });

    it('a Salesforce server error is exit code 20 (the CLI\'s code for errors in Salesforce server code)', () => {
        const err = toOrgError(Object.assign(new Error('An unexpected error occurred.'), { errorCode: 'UNKNOWN_EXCEPTION' }), PATH, OPTS);
        expect(err).toMatchObject({ name: 'ServerError', exitCode: 20 });
    });

    it('no answer within the timeout is exit code 69 (request timed out)', () => {
        const err = toOrgError(Object.assign(new Error('request timed out'), { name: 'AbortError' }), PATH, OPTS);
        expect(err).toMatchObject({ name: 'Timeout', exitCode: 69 });
    });
});
