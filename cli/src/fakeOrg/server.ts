/**
 * A fake Salesforce org for tests: an HTTP server on loopback (127.0.0.1, port 0) that
 * answers the REST and Tooling API calls the collector (and `@salesforce/core` when it
 * saves an access-token login) make, from a snapshot's tables, and the Metadata API's SOAP
 * listMetadata / readMetadata from its `metadata` section (metadataApi.ts). It counts requests and
 * can inject the faults a real org produces: expired session (401 INVALID_SESSION_ID, also
 * part-way through a collection), API limit (403 REQUEST_LIMIT_EXCEEDED), server error (500), a
 * hanging request (timeout), a query stopped by the org (400 QUERY_TIMEOUT), a connection reset
 * (e.g. mid-way through paging), and partial pages (a page whose `nextRecordsUrl` has expired).
 *
 * Error bodies follow the REST API: `[{ "message": …, "errorCode": … }]` (REST API
 * Developer Guide, "Status Codes and Error Responses").
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Row, Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { executeSoql, SoqlError } from './soql';
import { metadataCall, parseMetadataCall, soapFault } from './metadataApi';

export type FaultKind =
    | 'expiredSession'
    | 'requestLimit'
    | 'serverError'
    | 'timeout'
    | 'expiredCursor'
    | 'notJson'
    | 'noAccess'
    /** 400 QUERY_TIMEOUT: the org stopped a query that ran too long (REST API "Status Codes and Error Responses"). */
    | 'queryTimeout'
    /** The connection is closed without an answer (ECONNRESET on the client), e.g. mid-way through paging. */
    | 'connectionReset'
    /** Metadata API: the org has the API turned off (SOAP fault sf:API_DISABLED_FOR_ORG). */
    | 'apiDisabled';

export interface Fault {
    kind: FaultKind;
    /** Applies to requests whose path + query contains this text (decoded); all requests when absent. */
    match?: string;
    /** How many matching requests fail (default: every one). */
    times?: number;
    /** Matching requests that pass before the fault starts (a fault "part-way through"; default 0). */
    after?: number;
}

export interface FakeOrgOptions {
    snapshot: Snapshot;
    /** Access token the server accepts (default `00D000000000001!fake-token`). */
    accessToken?: string;
    /** Rows per query page before `nextRecordsUrl` (Salesforce default 2000). */
    pageSize?: number;
    /**
     * Objects that answer INVALID_TYPE (feature not enabled in the org, e.g. Territory2Model,
     * ExternalAccountHierarchy). An object the snapshot has no table and no describe for answers
     * INVALID_TYPE too ("sObject type '…' is not supported.").
     */
    unsupportedObjects?: string[];
    /** The user the token belongs to (userinfo), default the first User row. */
    loginUserId?: string;
}

export interface RequestLogEntry {
    method: string;
    path: string;
    /** Decoded SOQL for query calls. */
    soql?: string;
    /** Metadata API calls: the SOAP method, the type and the names asked for (`readMetadata SharingSet A,B`). */
    soap?: string;
    status: number;
}

export interface FakeOrg {
    url: string;
    accessToken: string;
    requests: RequestLogEntry[];
    /** Query requests (first pages + queryMore pages), REST and Tooling. */
    queryCount(): number;
    injectFault(fault: Fault): void;
    clearFaults(): void;
    close(): Promise<void>;
}

const API_VERSION = '62.0';

function sfError(res: http.ServerResponse, status: number, errorCode: string, message: string): number {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json;charset=UTF-8');
    res.end(JSON.stringify([{ message, errorCode }]));
    return status;
}

function json(res: http.ServerResponse, body: unknown): number {
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json;charset=UTF-8');
    res.end(JSON.stringify(body));
    return 200;
}

function keyPrefixOf(rows: Row[] | undefined): string | undefined {
    const id = rows?.find((r) => typeof r.Id === 'string')?.Id;
    return typeof id === 'string' ? id.slice(0, 3) : undefined;
}

/** Describe childRelationships of an object: the lookups of every described object pointing to it. */
function childRelationshipsOf(snapshot: Snapshot, name: string): { childSObject: string; field: string; cascadeDelete: boolean }[] {
    const out: { childSObject: string; field: string; cascadeDelete: boolean }[] = [];
    for (const [child, d] of Object.entries(snapshot.describe ?? {})) {
        for (const f of d.fields ?? []) {
            if (f.type === 'reference' && (f.referenceTo ?? []).includes(name)) {
                out.push({ childSObject: child, field: f.name, cascadeDelete: f.cascadeDelete === true });
            }
        }
    }
    return out;
}

/** Tables the fake answers: the snapshot's, plus Tooling RestrictionRule from its metadata. */
function dataOf(
    snapshot: Snapshot,
    unsupported: string[]
): { rest: { tables: Record<string, Row[]> }; tooling: { tables: Record<string, Row[]> } } {
    const tables: Record<string, Row[]> = {};
    for (const [name, rows] of Object.entries(snapshot.tables)) {
        if (!unsupported.some((u) => u.toLowerCase() === name.toLowerCase())) tables[name] = rows;
    }
    // Every object the snapshot describes can be queried, even with no rows collected.
    for (const name of Object.keys(snapshot.describe ?? {})) tables[name] ??= [];
    const tooling: Record<string, Row[]> = {
        EntityDefinition: tables.EntityDefinition ?? [],
        RestrictionRule: (snapshot.metadata?.RestrictionRule ?? []).map(
            (r) => ({ attributes: { type: 'RestrictionRule' }, ...r }) as Row
        )
    };
    return { rest: { tables }, tooling: { tables: tooling } };
}

export async function startFakeOrg(options: FakeOrgOptions): Promise<FakeOrg> {
    const accessToken = options.accessToken ?? '00D000000000001!fake-token';
    const pageSize = options.pageSize ?? 2000;
    const unsupported = options.unsupportedObjects ?? [];
    const { snapshot } = options;
    const data = dataOf(snapshot, unsupported);
    const requests: RequestLogEntry[] = [];
    const faults: (Fault & { used: number; seen: number })[] = [];
    const cursors = new Map<string, { records: Row[]; totalSize: number; tooling: boolean }>();
    const hanging = new Set<http.ServerResponse>();
    let cursorSeq = 0;
    const loginUser =
        (options.loginUserId && snapshot.tables.User?.find((u) => u.Id === options.loginUserId)) ||
        snapshot.tables.User?.[0] ||
        undefined;

    function page(records: Row[], totalSize: number, tooling: boolean, start: number): Record<string, unknown> {
        const end = start + pageSize;
        const body: Record<string, unknown> = {
            totalSize,
            done: end >= records.length,
            records: records.slice(start, end)
        };
        if (end < records.length) {
            const id = `01gFAKE${String(++cursorSeq).padStart(8, '0')}`;
            cursors.set(id, { records, totalSize, tooling });
            body.nextRecordsUrl = `/services/data/v${API_VERSION}/${tooling ? 'tooling/' : ''}query/${id}-${end}`;
        }
        return body;
    }

    function takeFault(target: string): Fault | undefined {
        for (const f of faults) {
            if (f.match && !target.includes(f.match)) continue;
            if (f.times !== undefined && f.used >= f.times) continue;
            if (f.seen++ < (f.after ?? 0)) continue;
            f.used++;
            return f;
        }
        return undefined;
    }

    function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): number | undefined {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const path = url.pathname;
        const soql = url.searchParams.get('q') ?? undefined;
        const soap = /^\/services\/Soap\/m\//.test(path) ? parseMetadataCall(body) : undefined;
        const target = `${path}${soql ? ` ${soql}` : ''}${soap ? ` ${soap.label}` : ''}`;
        if (soap) return metadataEndpoint(res, soap, takeFault(target));

        const auth = req.headers.authorization ?? '';
        const fault = takeFault(target);
        if (fault?.kind === 'timeout') {
            hanging.add(res);
            return undefined;
        }
        if (fault?.kind === 'connectionReset') {
            req.socket.destroy();
            return 0;
        }
        if (fault?.kind === 'expiredSession' || auth !== `Bearer ${accessToken}`) {
            return sfError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        }
        if (fault?.kind === 'noAccess')
            return sfError(res, 403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id');
        if (fault?.kind === 'requestLimit')
            return sfError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        if (fault?.kind === 'serverError') {
            return sfError(
                res,
                500,
                'UNKNOWN_EXCEPTION',
                'An unexpected error occurred. Please include this ErrorId if you contact support: 1234-fake'
            );
        }
        if (fault?.kind === 'queryTimeout') {
            return sfError(res, 400, 'QUERY_TIMEOUT', 'Your query request was running for too long.');
        }
        if (fault?.kind === 'notJson') {
            res.statusCode = 200;
            res.setHeader('content-type', 'text/html');
            res.end('<html><body>Maintenance</body></html>');
            return 200;
        }

        if (path === '/services/oauth2/userinfo') {
            return json(res, {
                preferred_username: loginUser?.Username ?? 'admin@fake.example',
                user_id: loginUser?.Id ?? '005000000000001AAA',
                organization_id: snapshot.meta.orgId ?? '00D000000000001AAA'
            });
        }
        if (path === '/services/data' || path === '/services/data/') {
            return json(res, [{ label: "Winter '25", url: `/services/data/v${API_VERSION}`, version: API_VERSION }]);
        }
        const m = /^\/services\/data\/v(\d+\.\d)(\/tooling)?\/(.*)$/.exec(path);
        if (!m) return sfError(res, 404, 'NOT_FOUND', `The requested resource does not exist: ${path}`);
        const tooling = !!m[2];
        const rest = m[3] ?? '';
        const tables = tooling ? data.tooling : data.rest;

        if (rest === 'query' || rest === 'queryAll') {
            if (!soql) return sfError(res, 400, 'MALFORMED_QUERY', 'A query string has to be specified');
            try {
                const result = executeSoql(tables, soql);
                return json(res, page(result.records, result.totalSize, tooling, 0));
            } catch (e) {
                if (e instanceof SoqlError) return sfError(res, 400, e.errorCode, e.message);
                throw e;
            }
        }
        const more = /^query\/(01gFAKE\d+)-(\d+)$/.exec(rest);
        if (more) {
            const cursor = cursors.get(more[1] as string);
            if (!cursor || fault?.kind === 'expiredCursor') {
                return sfError(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
            }
            return json(res, page(cursor.records, cursor.totalSize, cursor.tooling, Number(more[2])));
        }
        if (rest === 'sobjects' || rest === 'sobjects/') {
            const names = new Set([...Object.keys(data.rest.tables)]);
            return json(res, {
                encoding: 'UTF-8',
                maxBatchSize: 200,
                sobjects: [...names].map((name) => ({
                    name,
                    label: snapshot.describe?.[name]?.label ?? name,
                    keyPrefix: snapshot.describe?.[name]?.keyPrefix ?? keyPrefixOf(data.rest.tables[name]) ?? null,
                    custom: name.endsWith('__c') || name.endsWith('__Share'),
                    queryable: true
                }))
            });
        }
        const describe = /^sobjects\/([A-Za-z0-9_]+)\/describe\/?$/.exec(rest);
        if (describe) {
            const name = describe[1] as string;
            const known = snapshot.describe?.[name];
            const rows = data.rest.tables[name];
            if (!known && !rows) return sfError(res, 404, 'NOT_FOUND', `The requested resource does not exist`);
            // A real describe lists every field: fields the rows hold that the snapshot's describe
            // leaves out are added with a type inferred from their name and value.
            const fieldNames = new Map<string, unknown>();
            for (const r of rows ?? []) for (const [k, v] of Object.entries(r)) if (k !== 'attributes' && !fieldNames.has(k)) fieldNames.set(k, v);
            const listed = new Set((known?.fields ?? []).map((f) => f.name));
            const fields = [
                ...(known?.fields ?? []),
                ...[...fieldNames]
                    .filter(([n, v]) => !listed.has(n) && (v === null || typeof v !== 'object'))
                    .map(([n, v]) => ({
                        name: n,
                        type: n === 'Id' ? 'id' : n.endsWith('Id') ? 'reference' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'double' : 'string'
                    }))
            ];
            return json(res, {
                name,
                label: known?.label ?? name,
                keyPrefix: known?.keyPrefix ?? keyPrefixOf(rows) ?? null,
                custom: known?.custom ?? name.endsWith('__c'),
                fields,
                childRelationships: childRelationshipsOf(snapshot, name),
                recordTypeInfos: known?.recordTypeInfos ?? []
            });
        }
        const record = /^sobjects\/([A-Za-z0-9_]+)\/([A-Za-z0-9]{15,18})$/.exec(rest);
        if (record) {
            const row = data.rest.tables[record[1] as string]?.find(
                (r) => typeof r.Id === 'string' && r.Id.slice(0, 15) === (record[2] as string).slice(0, 15)
            );
            return row ? json(res, row) : sfError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
        }
        return sfError(res, 404, 'NOT_FOUND', `The requested resource does not exist: ${path}`);
    }

    /**
     * The Metadata API's SOAP endpoint (`/services/Soap/m/<version>`), for listMetadata and readMetadata as jsforce
     * sends them: the session travels in the SessionHeader; errors are SOAP faults with HTTP 500 (Metadata API
     * Developer Guide, "Error Handling"), INVALID_SESSION_ID included.
     */
    function metadataEndpoint(res: http.ServerResponse, call: NonNullable<ReturnType<typeof parseMetadataCall>>, fault: Fault | undefined): number | undefined {
        if (fault?.kind === 'timeout') {
            hanging.add(res);
            return undefined;
        }
        if (fault?.kind === 'connectionReset') {
            res.socket?.destroy();
            return 0;
        }
        if (fault?.kind === 'expiredSession' || call.sessionId !== accessToken) {
            return soapFault(res, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session hash');
        }
        if (fault?.kind === 'noAccess') {
            return soapFault(res, 'INSUFFICIENT_ACCESS', 'use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions');
        }
        if (fault?.kind === 'apiDisabled') return soapFault(res, 'API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner');
        if (fault?.kind === 'requestLimit') return soapFault(res, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        if (fault) return soapFault(res, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234-fake');
        return metadataCall(res, snapshot, call);
    }

    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (d: Buffer) => chunks.push(d));
        req.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const url = new URL(req.url ?? '/', 'http://127.0.0.1');
            const soql = url.searchParams.get('q') ?? undefined;
            const soap = /^\/services\/Soap\/m\//.test(url.pathname) ? parseMetadataCall(body) : undefined;
            let status: number | undefined;
            try {
                status = handle(req, res, body);
            } catch (e) {
                status = sfError(res, 500, 'UNKNOWN_EXCEPTION', `fake org failure: ${(e as Error).message}`);
            }
            requests.push({
                method: req.method ?? 'GET',
                path: url.pathname,
                ...(soql ? { soql } : {}),
                ...(soap ? { soap: soap.label } : {}),
                status: status ?? 0
            });
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    return {
        url: `http://127.0.0.1:${port}`,
        accessToken,
        requests,
        queryCount: () => requests.filter((r) => /\/query(All)?(\/|$)/.test(r.path)).length,
        injectFault: (fault) => faults.push({ ...fault, used: 0, seen: 0 }),
        clearFaults: () => faults.splice(0, faults.length),
        close: () =>
            new Promise<void>((resolve) => {
                for (const res of hanging) res.destroy();
                hanging.clear();
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}
