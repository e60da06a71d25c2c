/**
 * A front door for the fake org (tests only), in front of `startFakeOrg`'s server: what the
 * org's OAuth endpoint and its API limits do, without touching the fake org itself.
 *
 * - OAuth refresh-token flow: `POST /services/oauth2/token` with `grant_type=refresh_token`
 *   answers a new access token (OAuth 2.0 Refresh Token Flow, Salesforce Help), or
 *   `400 {"error":"invalid_grant"}` once the refresh token is revoked. An access token can be
 *   made to expire after N more requests ("401 part-way through"): `@salesforce/core`'s
 *   connection must refresh it and carry on.
 * - API limits, both `403 REQUEST_LIMIT_EXCEEDED` (REST API Developer Guide, "Status Codes and
 *   Error Responses"), told apart by their message as the org words them: the concurrent
 *   long-running request limit ("ConcurrentPerOrgLongTxn Limit exceeded.") when more requests
 *   are in flight than allowed, or for the next N requests; and the rolling 24-hour limit
 *   ("TotalRequests Limit exceeded.") after N more requests.
 *
 * Every other request is passed to the fake org with its own token.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { soapFault } from './metadataApi';
import type { FakeOrg } from './server';

export interface FakeOrgFrontOptions {
    backend: FakeOrg;
    /** The refresh token the token endpoint accepts (default `5Aep-fake-refresh-token`). */
    refreshToken?: string;
    /** Milliseconds each API request waits before it is passed on (so requests overlap). */
    latencyMs?: number;
}

export interface FakeOrgFrontStats {
    /** Successful refresh-token grants. */
    refreshes: number;
    /** Requests answered 401 because their access token had expired. */
    expiredTokenRejections: number;
    concurrentRejections: number;
    dailyRejections: number;
    /** Most API requests in flight at once. */
    maxInFlight: number;
    /** API requests passed to the fake org. */
    forwarded: number;
}

export interface FakeOrgFront {
    url: string;
    refreshToken: string;
    stats: FakeOrgFrontStats;
    /** The access token in force stops working after `afterRequests` more API requests (0: at once). */
    expireAccessToken(afterRequests?: number): void;
    revokeRefreshToken(): void;
    /** More than `max` API requests in flight at once answer the concurrent limit (undefined: no limit). */
    limitConcurrency(max: number | undefined): void;
    /** The next `times` API requests (whose path and decoded query contain `match`, when given) answer the concurrent limit (a busy org). */
    concurrentLimitFor(times: number, match?: string): void;
    /** After `requests` more API requests, every API request answers the daily limit (undefined: lifted). */
    dailyLimitAfter(requests: number | undefined): void;
    close(): Promise<void>;
}

function sfError(res: http.ServerResponse, status: number, errorCode: string, message: string): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json;charset=UTF-8');
    res.end(JSON.stringify([{ message, errorCode }]));
}

function jsonBody(res: http.ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json;charset=UTF-8');
    res.end(JSON.stringify(body));
}

export async function startFakeOrgFront(options: FakeOrgFrontOptions): Promise<FakeOrgFront> {
    const backend = new URL(options.backend.url);
    const refreshToken = options.refreshToken ?? '5Aep-fake-refresh-token';
    const stats: FakeOrgFrontStats = {
        refreshes: 0,
        expiredTokenRejections: 0,
        concurrentRejections: 0,
        dailyRejections: 0,
        maxInFlight: 0,
        forwarded: 0
    };
    let tokenSeq = 0;
    let accessToken: string | undefined;
    let expiresAfter: number | undefined;
    let refreshRevoked = false;
    let maxConcurrent: number | undefined;
    let concurrentBurst = 0;
    let concurrentMatch: string | undefined;
    let dailyLeft: number | undefined;
    let inFlight = 0;
    let url = '';

    const userinfo = await new Promise<{ user_id: string; organization_id: string }>((resolve, reject) => {
        http.get(`${options.backend.url}/services/oauth2/userinfo`, { headers: { authorization: `Bearer ${options.backend.accessToken}` } }, (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve(JSON.parse(body) as { user_id: string; organization_id: string }));
        }).on('error', reject);
    });

    function tokenEndpoint(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== refreshToken || refreshRevoked) {
            jsonBody(res, 400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
            return;
        }
        stats.refreshes++;
        accessToken = `00D000000000001!front-access-${++tokenSeq}`;
        expiresAfter = undefined;
        jsonBody(res, 200, {
            access_token: accessToken,
            instance_url: url,
            id: `${url}/id/${userinfo.organization_id}/${userinfo.user_id}`,
            token_type: 'Bearer',
            issued_at: String(Date.now()),
            signature: 'fake-signature',
            scope: 'api refresh_token'
        });
    }

    /** Metadata API (SOAP) requests carry the session in the body too, and learn of an expired one from a SOAP fault. */
    const isSoap = (req: http.IncomingMessage): boolean => /^\/services\/Soap\//.test(req.url ?? '');

    function forward(req: http.IncomingMessage, res: http.ServerResponse, original: Buffer): void {
        const body = isSoap(req)
            ? Buffer.from(original.toString('utf8').replace(/<sessionId>[^<]*<\/sessionId>/, `<sessionId>${options.backend.accessToken}</sessionId>`))
            : original;
        const headers = { ...req.headers, host: backend.host, authorization: `Bearer ${options.backend.accessToken}`, 'content-length': String(body.length) };
        const upstream = http.request(
            { hostname: backend.hostname, port: backend.port, path: req.url, method: req.method, headers },
            (up) => {
                res.writeHead(up.statusCode ?? 502, up.headers);
                up.pipe(res);
            }
        );
        upstream.on('error', () => sfError(res, 502, 'ERROR_HTTP_502', 'bad gateway'));
        upstream.end(body);
    }

    function api(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
        const auth = isSoap(req)
            ? `Bearer ${/<sessionId>([^<]*)<\/sessionId>/.exec(body.toString('utf8'))?.[1] ?? ''}`
            : (req.headers.authorization ?? '');
        if (!accessToken || auth !== `Bearer ${accessToken}` || expiresAfter === 0) {
            stats.expiredTokenRejections++;
            if (isSoap(req)) soapFault(res, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
            else sfError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
            return;
        }
        if (expiresAfter !== undefined) expiresAfter--;
        if (dailyLeft !== undefined) {
            if (dailyLeft <= 0) {
                stats.dailyRejections++;
                sfError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
                return;
            }
            dailyLeft--;
        }
        const target = decodeURIComponent((req.url ?? '').replace(/\+/g, ' '));
        const burst = concurrentBurst > 0 && (!concurrentMatch || target.includes(concurrentMatch));
        if (burst || (maxConcurrent !== undefined && inFlight >= maxConcurrent)) {
            if (burst) concurrentBurst--;
            stats.concurrentRejections++;
            sfError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.');
            return;
        }
        inFlight++;
        stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
        res.on('close', () => inFlight--);
        stats.forwarded++;
        const go = (): void => forward(req, res, body);
        if (options.latencyMs) setTimeout(go, options.latencyMs);
        else go();
    }

    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (d: Buffer) => chunks.push(d));
        req.on('end', () => {
            const body = Buffer.concat(chunks);
            const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
            if (req.method === 'POST' && path === '/services/oauth2/token') tokenEndpoint(req, res, body.toString());
            else api(req, res, body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    return {
        url,
        refreshToken,
        stats,
        expireAccessToken: (afterRequests = 0) => {
            expiresAfter = afterRequests;
        },
        revokeRefreshToken: () => {
            refreshRevoked = true;
        },
        limitConcurrency: (max) => {
            maxConcurrent = max;
        },
        concurrentLimitFor: (times, match) => {
            concurrentBurst = times;
            concurrentMatch = match;
        },
        dailyLimitAfter: (requests) => {
            dailyLeft = requests;
        },
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}
