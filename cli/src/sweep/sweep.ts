/**
 * The org-wide fidelity sweep: sample (user, record) pairs stratified across objects and user
 * types, collect the evidence for each, explain, and compare with the platform's own
 * `UserRecordAccess`. On a snapshot the pairs are those its UserRecordAccess rows answer for;
 * on an org the sampling frame is, per object, the most recently modified records and, per
 * user type, active users (both bounded), and each record's evidence is collected once for
 * the users sampled with it, a few records at a time (bounded concurrency). Results are kept
 * per pair, so a progress file lets an interrupted sweep resume where it stopped.
 */
import { loadSnapshot, type LoadedSnapshot } from '../../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import type { Row, Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { collect } from '../collector';
import { objectForPrefix, runExplain } from '../commands';
import { CliError, InputError, OrgError } from '../errors';
import { soqlString } from '../collector';
import type { OrgTransport } from '../transport';
import { classify, pairKey, type PairResult } from './classify';
import { runPool } from './pool';
import { seededRandom } from './random';
import {
    crossStratum,
    listStratum,
    stratifiedSample,
    type Stratum,
    type StratumInfo,
    type SweepPair,
    type SweepRecord,
    type SweepUser
} from './sample';

/** Objects sampled on an org when --object is not given: the objects the panel ships for. */
export const DEFAULT_OBJECTS = ['Account', 'Contact', 'Case', 'Opportunity', 'Lead'];
/** UserType values (User object reference) sampled on an org when --user-type is not given. */
export const ORG_USER_TYPES = [
    'Standard',
    'PowerPartner',
    'PowerCustomerSuccess',
    'CustomerSuccess',
    'CspLitePortal',
    'CsnOnly',
    'SelfService'
];
/** Records per object and users per user type in an org's sampling frame. */
export const FRAME_SIZE = 200;
/** Users collected together for one record (one collection, one UserRecordAccess query each). */
const USERS_PER_COLLECTION = 10;

export type SweepSource =
    | { kind: 'snapshot'; snapshot: Snapshot; label: string; path: string }
    | { kind: 'org'; transport: OrgTransport; label: string; orgId: string; maxRows?: number };

export interface SweepPlanInput {
    sample: number;
    seed: number;
    objects?: string[];
    userTypes?: string[];
}

export interface SweepPlan extends SweepPlanInput {
    source: { kind: 'snapshot'; path: string } | { kind: 'org'; orgId: string; label: string };
    pairs: SweepPair[];
    strata: StratumInfo[];
    /** Requests spent drawing the sample (org only). */
    requests: number;
    notes: string[];
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function wanted(value: string, filter: string[] | undefined): boolean {
    return !filter?.length || filter.some((f) => f.toLowerCase() === value.toLowerCase());
}

// ---------------------------------------------------------------------------
// Planning: the sampling frame and the sample
// ---------------------------------------------------------------------------

function snapshotStrata(snapshot: Snapshot, input: SweepPlanInput): Stratum[] {
    const users = new Map((snapshot.tables.User ?? []).map((u) => [str(u.Id).slice(0, 15), u]));
    const groups = new Map<string, SweepPair[]>();
    const seen = new Set<string>();
    for (const row of snapshot.tables.UserRecordAccess ?? []) {
        const user = users.get(str(row.UserId).slice(0, 15));
        const recordId = str(row.RecordId);
        const object = objectForPrefix(snapshot, recordId);
        if (!user || !object) continue;
        const pair: SweepPair = {
            userId: str(user.Id),
            userName: str(user.Name),
            userType: str(user.UserType) || 'Standard',
            recordId,
            object
        };
        if (!wanted(object, input.objects) || !wanted(pair.userType, input.userTypes) || seen.has(pairKey(pair))) continue;
        seen.add(pairKey(pair));
        const key = `${object}|${pair.userType}`;
        groups.set(key, [...(groups.get(key) ?? []), pair]);
    }
    return [...groups.entries()].map(([key, pairs]) => {
        const [object, userType] = key.split('|') as [string, string];
        return listStratum(object, userType, pairs);
    });
}

async function query(transport: OrgTransport, soql: string): Promise<Row[]> {
    const page = await transport.get<{ records?: Row[] }>(
        `/services/data/v${transport.apiVersion}/query?q=${encodeURIComponent(soql)}`
    );
    return page.records ?? [];
}

async function orgStrata(
    transport: OrgTransport,
    input: SweepPlanInput,
    notes: string[]
): Promise<{ strata: Stratum[]; requests: number }> {
    let requests = 0;
    const global = await transport.get<{ sobjects?: { name: string; queryable?: boolean }[] }>(
        `/services/data/v${transport.apiVersion}/sobjects`
    );
    requests++;
    const queryable = new Map((global.sobjects ?? []).filter((o) => o.queryable !== false).map((o) => [o.name.toLowerCase(), o.name]));
    const asked = input.objects?.length ? input.objects : DEFAULT_OBJECTS;
    const objects: string[] = [];
    for (const o of asked) {
        const name = queryable.get(o.toLowerCase());
        if (name) objects.push(name);
        else if (input.objects?.length)
            throw new InputError(`${transport.orgLabel} has no object ${o} that can be queried.`, [], 'UnknownObject');
    }
    const records = new Map<string, SweepRecord[]>();
    for (const object of objects) {
        // The most recently modified records: the ones people are working on now.
        const rows = await query(transport, `SELECT Id FROM ${object} ORDER BY LastModifiedDate DESC LIMIT ${FRAME_SIZE}`);
        requests++;
        if (rows.length) records.set(object, rows.map((r) => ({ id: str(r.Id), object })));
        else notes.push(`${transport.orgLabel} has no ${object} records the logged-in user can see.`);
    }
    const users = new Map<string, SweepUser[]>();
    for (const type of input.userTypes?.length ? input.userTypes : ORG_USER_TYPES) {
        const rows = await query(
            transport,
            `SELECT Id, Name, UserType FROM User WHERE IsActive = true AND UserType = ${soqlString(type)} ORDER BY LastLoginDate DESC LIMIT ${FRAME_SIZE}`
        );
        requests++;
        if (rows.length) users.set(type, rows.map((r) => ({ id: str(r.Id), name: str(r.Name), userType: str(r.UserType) || type })));
        else if (input.userTypes?.length) notes.push(`${transport.orgLabel} has no active ${type} users.`);
    }
    const strata: Stratum[] = [];
    for (const [object, recs] of records) for (const [type, us] of users) strata.push(crossStratum(object, type, recs, us));
    return { strata, requests };
}

export async function planSweep(source: SweepSource, input: SweepPlanInput): Promise<SweepPlan> {
    const notes: string[] = [];
    const random = seededRandom(input.seed);
    let strata: Stratum[];
    let requests = 0;
    if (source.kind === 'snapshot') {
        strata = snapshotStrata(source.snapshot, input);
        if (!strata.length)
            throw new InputError(
                `${source.label} has no UserRecordAccess rows${input.objects?.length || input.userTypes?.length ? ' for these objects and user types' : ''} to compare with.`,
                ['Collect a snapshot with sf xray collect (it reads UserRecordAccess for each user), or sweep an org with --target-org.'],
                'NothingToSweep'
            );
    } else {
        ({ strata, requests } = await orgStrata(source.transport, input, notes));
        if (!strata.length)
            throw new InputError(
                `Nothing to sample in ${source.label}: no records of ${input.objects?.join(', ') || DEFAULT_OBJECTS.join(', ')} or no active users of the asked types.`,
                [],
                'NothingToSweep'
            );
    }
    const sample = stratifiedSample(strata, input.sample, random);
    if (sample.pairs.length < input.sample)
        notes.push(`Only ${sample.pairs.length} pairs could be drawn (asked for ${input.sample}).`);
    return {
        ...input,
        source:
            source.kind === 'snapshot'
                ? { kind: 'snapshot', path: source.path }
                : { kind: 'org', orgId: source.orgId, label: source.label },
        pairs: sample.pairs,
        strata: sample.strata,
        requests,
        notes
    };
}

// ---------------------------------------------------------------------------
// Running: explain each pair, compare with UserRecordAccess
// ---------------------------------------------------------------------------

export interface SweepRunOptions {
    concurrency: number;
    /** Results already known (a resumed sweep): their pairs are not evaluated again. */
    done?: Record<string, PairResult>;
    onProgress?: (done: number, total: number) => void;
    /** Called after each collection with every result so far (the progress file). */
    onResults?: (results: Record<string, PairResult>) => void;
}

export interface SweepRun {
    results: Record<string, PairResult>;
    /** Set when an org error stopped the sweep part-way. */
    stoppedBy?: CliError;
    collected: { queries: number; requests: number; rows: number };
}

function errorResult(pair: SweepPair, err: unknown): PairResult {
    return {
        ...pair,
        recordName: pair.recordId,
        status: 'error',
        error: err instanceof Error ? err.message : String(err)
    };
}

export async function runSweep(plan: SweepPlan, source: SweepSource, options: SweepRunOptions): Promise<SweepRun> {
    const results: Record<string, PairResult> = { ...(options.done ?? {}) };
    const pending = plan.pairs.filter((p) => !results[pairKey(p)]);
    const total = plan.pairs.length;
    const collected = { queries: 0, requests: plan.requests, rows: 0 };
    const progress = (): void => options.onProgress?.(Object.keys(results).length, total);
    progress();

    if (source.kind === 'snapshot') {
        const loaded: LoadedSnapshot = loadSnapshot(source.snapshot);
        for (const pair of pending) {
            try {
                results[pairKey(pair)] = classify(pair, runExplain(loaded as unknown as Snapshot, pair.userId, pair.recordId));
            } catch (err) {
                if (!(err instanceof InputError)) throw err;
                results[pairKey(pair)] = errorResult(pair, err);
            }
            progress();
        }
        options.onResults?.(results);
        return { results, collected };
    }

    // One collection per record for up to USERS_PER_COLLECTION of its sampled users.
    const byRecord = new Map<string, SweepPair[]>();
    for (const p of pending) byRecord.set(p.recordId, [...(byRecord.get(p.recordId) ?? []), p]);
    const units: SweepPair[][] = [];
    for (const pairs of byRecord.values())
        for (let i = 0; i < pairs.length; i += USERS_PER_COLLECTION) units.push(pairs.slice(i, i + USERS_PER_COLLECTION));

    let stoppedBy: CliError | undefined;
    try {
        await runPool(units, options.concurrency, async (unit) => {
            const recordId = (unit[0] as SweepPair).recordId;
            try {
                const out = await collect(source.transport, {
                    users: unit.map((p) => p.userId),
                    recordId,
                    ...(source.maxRows !== undefined ? { maxRows: source.maxRows } : {})
                });
                collected.queries += out.stats.queries;
                collected.requests += out.stats.requests;
                collected.rows += out.stats.rows;
                const loaded = loadSnapshot(out.snapshot);
                for (const pair of unit) {
                    try {
                        results[pairKey(pair)] = classify(pair, runExplain(loaded as unknown as Snapshot, pair.userId, recordId));
                    } catch (err) {
                        if (!(err instanceof InputError)) throw err;
                        results[pairKey(pair)] = errorResult(pair, err);
                    }
                }
            } catch (err) {
                // A record deleted since sampling, or a user who can no longer be read: that pair's
                // answer is an error, the sweep goes on. An org error (limit, session, network) stops it.
                if (!(err instanceof InputError)) throw err;
                for (const pair of unit) results[pairKey(pair)] = errorResult(pair, err);
            }
            options.onResults?.(results);
            progress();
        });
    } catch (err) {
        if (!(err instanceof OrgError)) throw err;
        stoppedBy = err;
    }
    return { results, collected, ...(stoppedBy ? { stoppedBy } : {}) };
}
