/**
 * Collector round trips per explanation at one benchmark size, in its own process: serves the
 * synthetic snapshot from the CLI's fake org (cli/src/fakeOrg/server.ts, loopback HTTP) and runs
 * the CLI collector (cli/src/collector.ts, the evidence plan explain/1) through a real jsforce
 * Connection for `--pairs` user/record pairs per record object (internal users), counting HTTP
 * requests the server saw, SOQL queries, rows and the rows' JSON bytes the collector reports (the
 * in-org heap estimate: what the Apex collector would hold), and every bound the plan reached
 * (meta.scope.capsReached, meta.truncated). Then the same for who-can-see: one collection with the
 * evidence plan whoCanSee/1 per record (`--pairs` per record object), with the size of the engine's
 * answer (users listed, users counted through a public default) beside the rows read.
 * Prints one `BENCH_RESULT {json}` line.
 */
import { readFileSync } from 'node:fs';
import { Connection } from 'jsforce';
import { collect } from '../../cli/src/collector';
import { startFakeOrg } from '../../cli/src/fakeOrg/server';
import { jsforceTransport, type JsforceLikeConnection } from '../../cli/src/transport';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { whoCanSee } from '../../lwc-src/lwc/accessXrayEngine/whoCanSee';
import { RandomStream } from './random';

export interface CollectorPairResult {
    object: string;
    userId: string;
    recordId: string;
    httpRequests: number;
    queries: number;
    rows: number;
    /** JSON bytes of the rows read (the in-org heap estimate). */
    bytes: number;
    /** Bounds reached: meta.scope.capsReached loops and meta.truncated tables. */
    truncated: string[];
    error?: string;
}

export interface CollectorMeasurement {
    pairs: CollectorPairResult[];
    /** Per record object: HTTP requests, SOQL queries and rows per explanation (min–max over the pairs). */
    byObject: Record<string, { requests: { min: number; max: number }; queries: { min: number; max: number }; rows: { min: number; max: number } }>;
    requestsPerExplanation: { min: number; max: number };
    queriesPerExplanation: { min: number; max: number };
    rowsPerExplanation: { min: number; max: number; mean: number; median: number };
    requestsMedian: number;
    /** JSON bytes of the rows per explanation (the in-org heap estimate). */
    bytesPerExplanation: { min: number; max: number; median: number };
    truncatedTables: string[];
    errors: number;
    /** who-can-see collections (the evidence plan whoCanSee/1), one per record measured. */
    whoCanSee?: WhoCanSeeCollection;
}

export interface WhoCanSeeRecordResult {
    object: string;
    recordId: string;
    httpRequests: number;
    queries: number;
    rows: number;
    bytes: number;
    /** Users listed by the engine's answer (max access, top reason), and users counted through a public default. */
    usersListed: number;
    usersCounted: number;
    truncated: string[];
    error?: string;
}

export interface WhoCanSeeCollection {
    records: WhoCanSeeRecordResult[];
    requests: { min: number; max: number; median: number };
    rows: { min: number; max: number; median: number };
    /** Rows read per user listed (the answer's size): what "bounded by the answer" is judged on. */
    rowsPerUserListed: { min: number; max: number; median: number };
    truncatedTables: string[];
    errors: number;
}

const RECORD_TABLES = ['Account', 'Opportunity', 'Case', 'Project__c'];

async function main(argv: string[]): Promise<void> {
    const file = argv[argv.indexOf('--snapshot') + 1];
    const pairs = Number(argv.includes('--pairs') ? argv[argv.indexOf('--pairs') + 1] : 5);
    const seed = Number(argv.includes('--seed') ? argv[argv.indexOf('--seed') + 1] : 1);
    if (!file || argv.indexOf('--snapshot') < 0) throw new Error('missing --snapshot <file>');
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    // Every org answers UserRecordAccess queries; the fake answers only tables it holds, so a
    // snapshot generated without UserRecordAccess rows gets an empty table (no platform verdicts).
    snapshot.tables.UserRecordAccess ??= [];
    // One internal user per pair, one pair per record object (repeated `--pairs` times), so the
    // counts compare like with like across sizes: the query plan depends on the object.
    const users = (snapshot.tables.User ?? []).filter((u) => u.IsActive !== false && u.UserType === 'Standard').map((u) => String(u.Id));
    const org = await startFakeOrg({ snapshot });
    const results: CollectorPairResult[] = [];
    const wcs: WhoCanSeeRecordResult[] = [];
    try {
        const conn = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '62.0' });
        const transport = jsforceTransport(conn as unknown as JsforceLikeConnection, { orgLabel: 'bench-fake-org', timeoutMs: 600_000, retries: 0 });
        const rnd = new RandomStream(seed, 'bench.collector');
        for (let i = 0; i < pairs * RECORD_TABLES.length; i++) {
            const object = RECORD_TABLES[i % RECORD_TABLES.length] as string;
            const records = snapshot.tables[object] ?? [];
            const userId = users[rnd.int(i, 0, users.length)] as string;
            const recordId = String(records[rnd.int(i, 1, records.length)]?.Id);
            const before = org.requests.length;
            try {
                const res = await collect(transport, { users: [userId], recordId });
                results.push({
                    object,
                    userId,
                    recordId,
                    httpRequests: org.requests.length - before,
                    queries: res.stats.queries,
                    rows: res.stats.rows,
                    bytes: res.stats.bytes,
                    truncated: [
                        ...(res.snapshot.meta.truncated ?? []).map((t) => `${t.table} (>${t.limit})`),
                        // Bounds that only shorten names or suggestions (labels, nextSteps) cut no evidence.
                        ...(res.snapshot.meta.scope?.capsReached ?? []).filter((c) => c.loop !== 'labels' && c.loop !== 'nextSteps').map((c) => `${c.loop} (>${c.limit})`)
                    ]
                });
            } catch (err) {
                results.push({ object, userId, recordId, httpRequests: org.requests.length - before, queries: 0, rows: 0, bytes: 0, truncated: [], error: err instanceof Error ? err.message : String(err) });
            }
        }
        // who-can-see collections: one record per object, `--pairs` times, as for the explanations.
        const rndW = new RandomStream(seed, 'bench.collector.whoCanSee');
        for (let i = 0; i < pairs * RECORD_TABLES.length; i++) {
            const object = RECORD_TABLES[i % RECORD_TABLES.length] as string;
            const records = snapshot.tables[object] ?? [];
            const recordId = String(records[rndW.int(i, 1, records.length)]?.Id);
            const before = org.requests.length;
            try {
                const res = await collect(transport, { users: [], recordId, whoCanSee: true });
                const answer = whoCanSee(res.snapshot, recordId, { limit: 0 });
                wcs.push({
                    object,
                    recordId,
                    httpRequests: org.requests.length - before,
                    queries: res.stats.queries,
                    rows: res.stats.rows,
                    bytes: res.stats.bytes,
                    usersListed: answer.total,
                    usersCounted: (answer.publicAccess ?? []).reduce((n, p) => n + p.users, 0),
                    truncated: [
                        ...(res.snapshot.meta.truncated ?? []).map((t) => `${t.table} (>${t.limit})`),
                        ...(res.snapshot.meta.scope?.capsReached ?? []).filter((c) => c.loop !== 'labels' && c.loop !== 'nextSteps').map((c) => `${c.loop} (>${c.limit})`)
                    ]
                });
            } catch (err) {
                wcs.push({ object, recordId, httpRequests: org.requests.length - before, queries: 0, rows: 0, bytes: 0, usersListed: 0, usersCounted: 0, truncated: [], error: err instanceof Error ? err.message : String(err) });
            }
        }
    } finally {
        await org.close();
    }
    const ok = results.filter((r) => !r.error);
    const range = (values: number[]): { min: number; max: number } => ({ min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 0 });
    const rows = ok.map((r) => r.rows);
    const median = (values: number[]): number => {
        const sorted = [...values].sort((a, b) => a - b);
        return sorted.length ? (sorted[(sorted.length - 1) >> 1] as number) : 0;
    };
    const byObject: CollectorMeasurement['byObject'] = {};
    for (const object of RECORD_TABLES) {
        const mine = ok.filter((r) => r.object === object);
        if (mine.length) {
            byObject[object] = {
                requests: range(mine.map((r) => r.httpRequests)),
                queries: range(mine.map((r) => r.queries)),
                rows: range(mine.map((r) => r.rows))
            };
        }
    }
    const measurement: CollectorMeasurement = {
        pairs: results,
        byObject,
        requestsPerExplanation: range(ok.map((r) => r.httpRequests)),
        queriesPerExplanation: range(ok.map((r) => r.queries)),
        rowsPerExplanation: { ...range(rows), mean: rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : 0, median: median(rows) },
        requestsMedian: median(ok.map((r) => r.httpRequests)),
        bytesPerExplanation: { ...range(ok.map((r) => r.bytes)), median: median(ok.map((r) => r.bytes)) },
        truncatedTables: [...new Set(ok.flatMap((r) => r.truncated.map((t) => t.replace(/ \(.*$/, ''))))].sort(),
        errors: results.length - ok.length
    };
    const wcsOk = wcs.filter((r) => !r.error);
    const stat = (values: number[]): { min: number; max: number; median: number } => ({ ...range(values), median: median(values) });
    measurement.whoCanSee = {
        records: wcs,
        requests: stat(wcsOk.map((r) => r.httpRequests)),
        rows: stat(wcsOk.map((r) => r.rows)),
        rowsPerUserListed: stat(wcsOk.map((r) => Math.round((r.rows / Math.max(1, r.usersListed)) * 10) / 10)),
        truncatedTables: [...new Set(wcsOk.flatMap((r) => r.truncated.map((t) => t.replace(/ \(.*$/, ''))))].sort(),
        errors: wcs.length - wcsOk.length
    };
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(measurement)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`bench collector child: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
});
