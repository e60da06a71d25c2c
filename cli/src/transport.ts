/**
 * The collector's only door to an org: GET a REST / Tooling API path and get JSON back.
 * `jsforceTransport` wraps the jsforce `Connection` that `@salesforce/core` builds from an
 * `sf org login` (which refreshes an expired access token itself when the login has a refresh
 * token), with a timeout, jsforce's bounded retries on 5xx and connection resets, and back-off
 * when the org's *concurrent* request limit is hit. Every failure becomes one `OrgError` that
 * says what to try: expired session, daily vs concurrent API limit, QUERY_TIMEOUT, timeout,
 * connection reset, server error.
 */
import { EXIT_SERVER, EXIT_TIMEOUT, OrgError } from './errors';

export interface OrgTransport {
    instanceUrl: string;
    apiVersion: string;
    /** Alias or username, for messages ("run sf org login web --alias …"). */
    orgLabel: string;
    get<T = unknown>(path: string): Promise<T>;
    /** The Metadata API (SOAP listMetadata / readMetadata); absent when the connection has none. */
    metadata?: MetadataTransport;
}

/** A component of a listMetadata answer (FileProperties; only the name is used). */
export interface ListedComponent {
    fullName: string;
}

/** The two Metadata API calls the collector makes, with its errors turned into OrgErrors. */
export interface MetadataTransport {
    list(type: string): Promise<ListedComponent[]>;
    /** At most 10 names per call (Metadata API Developer Guide, "readMetadata"). */
    read(type: string, fullNames: string[]): Promise<Record<string, unknown>[]>;
}

/** The part of a jsforce Connection the transport uses. */
export interface JsforceLikeConnection {
    instanceUrl: string;
    version: string;
    request<T = unknown>(request: { method: string; url: string }, options?: Record<string, unknown>): Promise<T>;
    /** jsforce's Metadata API client (`conn.metadata`). */
    metadata?: {
        list(queries: { type: string } | { type: string }[], asOfVersion?: string): Promise<unknown>;
        read(type: string, fullNames: string | string[]): Promise<unknown>;
    };
}

export interface BackoffOptions {
    /** Attempts after the first one (default 5). */
    retries?: number;
    /** First wait in ms; doubled each time (default 1000: 1, 2, 4, 8, 16 s). */
    baseMs?: number;
    /** Called before each wait (progress / reporting). */
    onBackoff?: (waitMs: number, attempt: number, what: string) => void;
    sleep?: (ms: number) => Promise<void>;
}

export interface TransportOptions {
    /** Milliseconds before a request is abandoned (default 60 000). */
    timeoutMs?: number;
    /** Retries on 5xx / connection resets (jsforce's own retry; default 2). */
    retries?: number;
    orgLabel: string;
    /** Back-off on the concurrent request limit. */
    backoff?: BackoffOptions;
}

interface SalesforceErrorLike {
    errorCode?: unknown;
    name?: unknown;
    message?: unknown;
    code?: unknown;
    statusCode?: unknown;
    cause?: unknown;
}

function text(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** Describe the request in a few words for error messages: the SOQL object or the path. */
export function describeRequest(path: string): string {
    const q = /[?&]q=([^&]*)/.exec(path);
    if (q) {
        const soql = decodeURIComponent((q[1] ?? '').replace(/\+/g, ' '));
        const from = /\bFROM\s+([A-Za-z0-9_]+)/i.exec(soql);
        return `the ${from?.[1] ?? 'SOQL'} query`;
    }
    if (/\/query\/[^/]+$/.test(path)) return 'the next page of a query';
    return path.replace(/^\/services\/data\/v\d+\.\d\//, '');
}

export type RequestLimitKind = 'concurrent' | 'daily' | 'unknown';

/**
 * REQUEST_LIMIT_EXCEEDED covers two different limits (Salesforce Developer Limits and Allocations
 * Quick Reference, "API Request Limits and Allocations"): the concurrent long-running request
 * limit ("ConcurrentPerOrgLongTxn Limit exceeded", "ConcurrentRequests (Concurrent API Requests)
 * Limit exceeded"), which clears as soon as other requests finish, and the rolling 24-hour total
 * ("TotalRequests Limit exceeded"), which doesn't clear for hours.
 */
export function requestLimitKind(message: string): RequestLimitKind {
    if (/Concurrent/i.test(message)) return 'concurrent';
    if (/TotalRequests/i.test(message)) return 'daily';
    return 'unknown';
}

export function toOrgError(
    err: unknown,
    path: string,
    opts: { orgLabel: string; instanceUrl: string; timeoutMs: number }
): OrgError {
    if (err instanceof OrgError) return err;
    const e = (err ?? {}) as SalesforceErrorLike;
    // Node's fetch reports network failures as "TypeError: fetch failed" with the system error in `cause`.
    const cause = (e.cause ?? {}) as SalesforceErrorLike;
    const code = text(e.errorCode) || text(e.code) || text(cause.code) || text(e.name);
    const message = text(e.message).split('\n')[0] ?? '';
    const what = describeRequest(path);
    const login = `sf org login web --alias ${opts.orgLabel}`;
    if (/RefreshToken|refresh token|AuthCode|OauthError|invalid_grant|expired access\/refresh token/i.test(`${code} ${message}`)) {
        return new OrgError(
            `The session for ${opts.orgLabel} has expired and could not be refreshed: ${message || code || 'the refresh token was refused'}.`.replace(/\.\.$/, '.'),
            'ExpiredSession',
            [`Log in again: ${login}`]
        );
    }
    if (
        code === 'INVALID_SESSION_ID' ||
        /INVALID_SESSION_ID|Session expired or invalid/i.test(message) ||
        e.statusCode === 401
    ) {
        return new OrgError(
            `The session for ${opts.orgLabel} has expired or is invalid (INVALID_SESSION_ID), and the login has no refresh token to renew it.`,
            'ExpiredSession',
            [`Log in again: ${login}`]
        );
    }
    if (code === 'REQUEST_LIMIT_EXCEEDED' || /REQUEST_LIMIT_EXCEEDED/.test(message)) {
        const kind = requestLimitKind(message);
        if (kind === 'concurrent') {
            return new OrgError(
                `The org is at its limit of concurrent long-running API requests (${message.replace(/\.$/, '')}: REQUEST_LIMIT_EXCEEDED) while running ${what}, and it stayed there through every back-off.`,
                'ConcurrentRequestLimit',
                [
                    'Try again in a few minutes, or with a lower --concurrency; other integrations are holding long requests open (Setup > System Overview shows them).'
                ]
            );
        }
        return new OrgError(
            kind === 'daily'
                ? `The org's 24-hour API request limit is used up (${message.replace(/\.$/, '')}: REQUEST_LIMIT_EXCEEDED) while running ${what}.`
                : `The org refused ${what} with an API request limit (REQUEST_LIMIT_EXCEEDED: ${message || 'no details'}).`,
            'RequestLimitExceeded',
            [
                'Try again later (the limit is a rolling 24 hours), or ask an admin to check Setup > Company Information > API Requests, Last 24 Hours.'
            ]
        );
    }
    if (code === 'QUERY_TIMEOUT' || /QUERY_TIMEOUT/.test(message)) {
        return new OrgError(
            `Salesforce stopped ${what} after its own time limit (QUERY_TIMEOUT): ${message || 'the query took too long'}.`,
            'QueryTimeout',
            [
                'Run the command again (a second run often finds the data cached); if it keeps failing, lower --max-rows so the org-wide tables are read in fewer rows.'
            ],
            EXIT_TIMEOUT
        );
    }
    if (code === 'AbortError' || code === 'ETIMEDOUT' || /timeout|timed out|aborted/i.test(message)) {
        return new OrgError(
            `No answer from ${opts.instanceUrl} within ${Math.round(opts.timeoutMs / 1000)} s while running ${what}.`,
            'Timeout',
            ['Check the network, or raise --timeout.'],
            EXIT_TIMEOUT
        );
    }
    if (
        ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE'].includes(code) ||
        /ECONNREFUSED|ENOTFOUND|ECONNRESET|socket hang up|other side closed/.test(message)
    ) {
        const which = /E[A-Z_]{3,}/.exec(`${code} ${message}`)?.[0] ?? 'connection closed';
        const reset = which === 'ECONNRESET' || /socket hang up|other side closed/.test(message);
        return new OrgError(
            reset
                ? `The connection to ${opts.instanceUrl} was reset while reading ${what} (${which}), also on the retries.`
                : `Can't reach ${opts.instanceUrl} (${which}) while running ${what}.`,
            'NetworkError',
            [
                reset
                    ? 'Run the command again; if it keeps happening, check the VPN or proxy between you and Salesforce.'
                    : 'Check the network, VPN or proxy.'
            ]
        );
    }
    if (code === 'INVALID_QUERY_LOCATOR') {
        return new OrgError(
            `The org dropped the query cursor while paging ${what} (INVALID_QUERY_LOCATOR).`,
            'QueryCursorExpired',
            ['Run the command again.']
        );
    }
    if (code === 'UNKNOWN_EXCEPTION' || /^5\d\d$/.test(String(e.statusCode ?? '')) || /^ERROR_HTTP_5\d\d$/.test(code)) {
        return new OrgError(
            `Salesforce returned an internal error for ${what} (${code.replace('ERROR_HTTP_', 'HTTP ') || 'HTTP 5xx'}): ${message || 'no details'}`,
            'ServerError',
            ['Try again later; if it persists, open a case with Salesforce Support quoting the error id.'],
            EXIT_SERVER
        );
    }
    if (/Unexpected token|not valid JSON|invalid json/i.test(message)) {
        return new OrgError(
            `The org answered ${what} with something that isn't JSON (a maintenance page or a proxy?).`,
            'BadResponse',
            ['Try again later.']
        );
    }
    return new OrgError(`${what} failed: ${code ? `${code}: ` : ''}${message || 'unknown error'}`, code || 'OrgError');
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function jsforceTransport(conn: JsforceLikeConnection, options: TransportOptions): OrgTransport {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const retries = options.retries ?? 2;
    const backoffRetries = options.backoff?.retries ?? 5;
    const baseMs = options.backoff?.baseMs ?? 1000;
    const sleep = options.backoff?.sleep ?? realSleep;
    const instanceUrl = conn.instanceUrl;

    async function once<T>(path: string): Promise<T> {
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
            // jsforce has its own timeout option; the race is a second guard that never lets a hung socket hang the CLI.
            const call = conn.request<T>(
                { method: 'GET', url: path },
                { timeout: timeoutMs, retry: { maxRetries: retries, minTimeout: 200 } }
            );
            const guard = new Promise<never>((_, reject) => {
                timer = setTimeout(
                    () => reject(Object.assign(new Error('request timed out'), { name: 'AbortError' })),
                    timeoutMs + 1000
                );
            });
            const result = await Promise.race([call, guard]);
            if (typeof result === 'string') {
                throw Object.assign(new Error('Unexpected token: response is not valid JSON'), { name: 'BadResponse' });
            }
            return result;
        } finally {
            if (timer) clearTimeout(timer);
        }
    }

    const metadataApi = conn.metadata;
    /** One Metadata API call with the same timeout guard; a SOAP fault (`sf:INSUFFICIENT_ACCESS`) becomes an OrgError. */
    async function soap<T>(what: string, run: () => Promise<unknown>): Promise<T> {
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
            const guard = new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(Object.assign(new Error('request timed out'), { name: 'AbortError' })), timeoutMs + 1000);
            });
            return (await Promise.race([run(), guard])) as T;
        } catch (err) {
            const e = (err ?? {}) as SalesforceErrorLike;
            const code = text(e.errorCode).replace(/^sf:/, '');
            throw toOrgError(code ? Object.assign(err as object, { errorCode: code }) : err, what, { orgLabel: options.orgLabel, instanceUrl, timeoutMs });
        } finally {
            if (timer) clearTimeout(timer);
        }
    }
    const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
    const metadata: MetadataTransport | undefined = metadataApi
        ? {
              list: async (type) =>
                  asList(await soap(`listMetadata ${type}`, () => metadataApi.list({ type }, conn.version)))
                      .filter((c): c is ListedComponent => !!c && typeof (c as ListedComponent).fullName === 'string'),
              read: async (type, fullNames) =>
                  asList(await soap(`readMetadata ${type}`, () => metadataApi.read(type, fullNames)))
                      .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && typeof (r as { fullName?: unknown }).fullName === 'string')
          }
        : undefined;

    return {
        instanceUrl,
        apiVersion: conn.version,
        orgLabel: options.orgLabel,
        ...(metadata ? { metadata } : {}),
        async get<T>(path: string): Promise<T> {
            for (let attempt = 0; ; attempt++) {
                try {
                    return await once<T>(path);
                } catch (err) {
                    const e = (err ?? {}) as SalesforceErrorLike;
                    const code = text(e.errorCode) || text(e.name);
                    const concurrent =
                        (code === 'REQUEST_LIMIT_EXCEEDED' || /REQUEST_LIMIT_EXCEEDED/.test(text(e.message))) &&
                        requestLimitKind(text(e.message)) === 'concurrent';
                    // The concurrent limit clears when other long requests finish: wait and try again, doubling
                    // the wait. The daily limit doesn't clear for hours, so it is never retried.
                    if (concurrent && attempt < backoffRetries) {
                        const waitMs = baseMs * 2 ** attempt;
                        options.backoff?.onBackoff?.(waitMs, attempt + 1, describeRequest(path));
                        await sleep(waitMs);
                        continue;
                    }
                    throw toOrgError(err, path, { orgLabel: options.orgLabel, instanceUrl, timeoutMs });
                }
            }
        }
    };
}
