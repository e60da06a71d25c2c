/**
 * The collector's only door to an org: GET a REST / Tooling API path and get JSON back.
 * `jsforceTransport` wraps a jsforce `Connection` (the one `@salesforce/core` builds from an
 * `sf org login`), with a timeout and a bounded retry count, and turns every failure into a
 * one-line `OrgError` (expired session, API limit, timeout, network, server error).
 */
import { OrgError } from './errors';

export interface OrgTransport {
    instanceUrl: string;
    apiVersion: string;
    /** Alias or username, for messages ("run sf org login web --alias …"). */
    orgLabel: string;
    get<T = unknown>(path: string): Promise<T>;
}

/** The part of a jsforce Connection the transport uses. */
export interface JsforceLikeConnection {
    instanceUrl: string;
    version: string;
    request<T = unknown>(request: { method: string; url: string }, options?: Record<string, unknown>): Promise<T>;
}

export interface TransportOptions {
    /** Milliseconds before a request is abandoned (default 60 000). */
    timeoutMs?: number;
    /** Retries on 5xx / connection resets (jsforce's own retry; default 2). */
    retries?: number;
    orgLabel: string;
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
    if (
        code === 'INVALID_SESSION_ID' ||
        /INVALID_SESSION_ID|Session expired or invalid/i.test(message) ||
        e.statusCode === 401
    ) {
        return new OrgError(
            `The session for ${opts.orgLabel} has expired or is invalid (INVALID_SESSION_ID). Log in again: ${login}`,
            'ExpiredSession'
        );
    }
    if (/RefreshToken|refresh token|AuthCode|OauthError|invalid_grant/i.test(`${code} ${message}`)) {
        return new OrgError(
            `The session for ${opts.orgLabel} has expired and could not be refreshed (${code || 'auth error'}). Log in again: ${login}`,
            'ExpiredSession'
        );
    }
    if (code === 'REQUEST_LIMIT_EXCEEDED' || /REQUEST_LIMIT_EXCEEDED/.test(message)) {
        return new OrgError(
            `The org's daily API request limit is used up (REQUEST_LIMIT_EXCEEDED) while running ${what}; try again later or ask an admin to check Setup > Company Information > API Requests.`,
            'RequestLimitExceeded'
        );
    }
    if (code === 'AbortError' || code === 'ETIMEDOUT' || /timeout|timed out|aborted/i.test(message)) {
        return new OrgError(
            `No answer from ${opts.instanceUrl} within ${Math.round(opts.timeoutMs / 1000)} s while running ${what}; check the network or raise --timeout.`,
            'Timeout'
        );
    }
    if (
        ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code) ||
        /ECONNREFUSED|ENOTFOUND|ECONNRESET|socket hang up/.test(message)
    ) {
        const which = /E[A-Z_]+/.exec(`${code} ${message}`)?.[0] ?? 'network error';
        return new OrgError(
            `Can't reach ${opts.instanceUrl} (${which}) while running ${what}; check the network, VPN or proxy.`,
            'NetworkError'
        );
    }
    if (code === 'INVALID_QUERY_LOCATOR') {
        return new OrgError(
            `The org dropped the query cursor while paging ${what} (INVALID_QUERY_LOCATOR); run the command again.`,
            'QueryCursorExpired'
        );
    }
    if (code === 'UNKNOWN_EXCEPTION' || /^5\d\d$/.test(String(e.statusCode ?? ''))) {
        return new OrgError(
            `Salesforce returned an internal error for ${what} (${code || 'HTTP 5xx'}): ${message || 'no details'}`,
            'ServerError'
        );
    }
    if (code === 'ERROR_HTTP_500' || code === 'ERROR_HTTP_502' || code === 'ERROR_HTTP_503') {
        return new OrgError(
            `Salesforce returned ${code.replace('ERROR_HTTP_', 'HTTP ')} for ${what}; try again later.`,
            'ServerError'
        );
    }
    if (/Unexpected token|not valid JSON|invalid json/i.test(message)) {
        return new OrgError(
            `The org answered ${what} with something that isn't JSON (maintenance page or proxy?); try again later.`,
            'BadResponse'
        );
    }
    return new OrgError(`${what} failed: ${code ? `${code}: ` : ''}${message || 'unknown error'}`, code || 'OrgError');
}

export function jsforceTransport(conn: JsforceLikeConnection, options: TransportOptions): OrgTransport {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const retries = options.retries ?? 2;
    const instanceUrl = conn.instanceUrl;
    return {
        instanceUrl,
        apiVersion: conn.version,
        orgLabel: options.orgLabel,
        async get<T>(path: string): Promise<T> {
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
                    throw Object.assign(new Error('Unexpected token: response is not valid JSON'), {
                        name: 'BadResponse'
                    });
                }
                return result;
            } catch (err) {
                throw toOrgError(err, path, { orgLabel: options.orgLabel, instanceUrl, timeoutMs });
            } finally {
                if (timer) clearTimeout(timer);
            }
        }
    };
}
