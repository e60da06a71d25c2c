/**
 * One collection's conversation with the org: GET through the transport, SOQL with paging,
 * and the plan's rules for each step — row caps reported in `meta.scope.capsReached`, a
 * connection reset while reading a page retried once (GET is idempotent), and a step that
 * still fails part-way leaving its table in `meta.unavailable` instead of half its rows
 * (docs/evidence-plan.md "Faults"). It also counts queries, HTTP requests, rows and the rows'
 * JSON bytes, and keeps the trace of steps run (for the contract test and the bench).
 */
import type { EvidenceScope, Row, SnapshotMeta } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { OrgError } from '../errors';
import { describeRequest, type OrgTransport } from '../transport';
import type { DescribeResult, GlobalDescribeEntry } from './describe';
import { STEPS, type PlanStep } from './plan';
import { renderConditions, type BindValue } from './soql';

interface QueryPage {
    totalSize: number;
    done: boolean;
    nextRecordsUrl?: string;
    records: Row[];
}

/** One Metadata API call of a metadata step (kept apart from the SOQL trace: nothing of it is on the query wire). */
export interface MetadataTraceEntry {
    step: string;
    call: 'listMetadata' | 'readMetadata';
    type: string;
    /** Components asked for (readMetadata). */
    names: string[];
    /** Components answered. */
    components: number;
}

export interface TraceEntry {
    step: string;
    soql: string;
    /** Rows kept (0 when the query failed: the failure is in meta.unavailable or ended the collection). */
    rows: number;
}

/** Errors after which every later request would fail too: the collection stops with the error. */
const FATAL = new Set(['ExpiredSession', 'RequestLimitExceeded', 'Timeout', 'ServerError', 'BadResponse', 'UnknownOrg', 'OrgAuthError']);

function isConnectionReset(err: unknown): boolean {
    const e = err as { errorName?: string; message?: string };
    return e?.errorName === 'NetworkError' && /ECONNRESET|socket hang up|EPIPE|UND_ERR_SOCKET|other side closed/i.test(e.message ?? '');
}

function errorCode(err: unknown): string {
    const e = err as { errorName?: string; message?: string };
    return `${e?.errorName ?? ''} ${e?.message ?? ''}`;
}

/** A failure that concerns this query only: the step's table becomes unavailable, the collection goes on. */
function isStepFailure(err: unknown): boolean {
    if (!(err instanceof OrgError)) return false;
    if (isConnectionReset(err)) return true;
    if (FATAL.has(err.errorName)) return false;
    // An unreachable host (ECONNREFUSED, ENOTFOUND…) fails every later request: stop.
    return err.errorName !== 'NetworkError';
}

export interface StepOptions {
    /** The object queried (for steps whose plan object is a placeholder). */
    object?: string;
    /** Fields selected (for placeholder field lists: all scalar fields, share columns). */
    fields?: readonly string[];
    /** The condition, when the plan's holds placeholders (`{ShareParentField}`, `{MasterField}`). */
    where?: string;
    /** The collection can't go on without this step: any failure ends it. */
    essential?: boolean;
    /** Table the rows belong to, for meta.unavailable (default: the object). */
    table?: string;
    /** Words for the cap reason ("for Ana Rep"). */
    about?: string;
}

export class Session {
    queries = 0;
    requests = 0;
    rows = 0;
    bytes = 0;
    readonly truncated: NonNullable<SnapshotMeta['truncated']> = [];
    readonly unavailable: NonNullable<SnapshotMeta['unavailable']> = [];
    readonly capsReached: NonNullable<EvidenceScope['capsReached']> = [];
    readonly trace: TraceEntry[] = [];
    readonly metadataTrace: MetadataTraceEntry[] = [];
    /** Metadata API calls made (listMetadata, readMetadata). */
    metadataCalls = 0;
    private readonly describes = new Map<string, Promise<DescribeResult | null>>();
    private global: Promise<GlobalDescribeEntry[]> | null = null;

    constructor(
        readonly transport: OrgTransport,
        /** `--max-rows`: overrides every step's row cap. */
        readonly maxRows?: number,
        /** The plan whose steps this session runs (explain/1 unless said: plan.ts, planWhoCanSee.ts). */
        readonly plan: readonly PlanStep[] = STEPS,
        readonly planId = 'explain/1'
    ) {}

    /** True when this session's plan has the step (explain/1's rounds skip the steps who-can-see leaves out). */
    has(id: string): boolean {
        return this.plan.some((s) => s.id === id);
    }

    /** A step of this session's plan (an unknown id is a bug: the runner names a step its plan lacks). */
    stepOf(id: string): PlanStep {
        const step = this.plan.find((s) => s.id === id);
        if (!step) throw new Error(`evidence plan ${this.planId} has no step ${id}`);
        return step;
    }

    base(tooling: boolean): string {
        return `/services/data/v${this.transport.apiVersion}${tooling ? '/tooling' : ''}`;
    }

    async get<T>(path: string): Promise<T> {
        this.requests++;
        return this.transport.get<T>(path);
    }

    /** GET a page; a connection reset is retried once (the request is idempotent). */
    private async getPage(path: string): Promise<QueryPage> {
        try {
            return await this.get<QueryPage>(path);
        } catch (err) {
            if (!isConnectionReset(err)) throw err;
            return this.get<QueryPage>(path);
        }
    }

    /** Describe of an object, once per collection; null when the org has no such object. */
    describe(object: string): Promise<DescribeResult | null> {
        let d = this.describes.get(object);
        if (!d) {
            d = this.get<DescribeResult>(`${this.base(false)}/sobjects/${encodeURIComponent(object)}/describe`).catch((err: unknown) => {
                if (/NOT_FOUND|INVALID_TYPE/.test(errorCode(err))) return null;
                throw err;
            });
            this.describes.set(object, d);
        }
        return d;
    }

    globalDescribe(): Promise<GlobalDescribeEntry[]> {
        this.global ??= this.get<{ sobjects?: GlobalDescribeEntry[] }>(`${this.base(false)}/sobjects`).then((r) => r.sobjects ?? []);
        return this.global;
    }

    /**
     * One SOQL query, following its pages until `limit` rows are read (never more pages than
     * that needs). `capped` is true when the org had more rows than were kept.
     */
    async query(soql: string, opts: { tooling?: boolean; limit?: number | ((read: number) => number) } = {}): Promise<{ rows: Row[]; capped: boolean; totalSize: number }> {
        this.queries++;
        // A limit that grows with the rows read (whoCanSee/1's user lists in the CLI) is asked again after every page.
        const limitAt = typeof opts.limit === 'function' ? opts.limit : (): number => (opts.limit as number | undefined) ?? Number.POSITIVE_INFINITY;
        let page = await this.getPage(`${this.base(!!opts.tooling)}/query?q=${encodeURIComponent(soql)}`);
        const rows: Row[] = [...(page.records ?? [])];
        let limit = limitAt(rows.length);
        while (!page.done && page.nextRecordsUrl && rows.length < limit) {
            if (!page.nextRecordsUrl.startsWith('/services/')) {
                throw new OrgError(`The org returned an unexpected nextRecordsUrl while paging ${describeRequest(`?q=${encodeURIComponent(soql)}`)}.`, 'BadResponse');
            }
            page = await this.getPage(page.nextRecordsUrl);
            rows.push(...(page.records ?? []));
            limit = limitAt(rows.length);
        }
        const capped = rows.length > limit || (!page.done && rows.length >= limit);
        if (rows.length > limit) rows.length = limit;
        this.rows += rows.length;
        this.bytes += JSON.stringify(rows).length;
        return { rows, capped, totalSize: page.totalSize };
    }

    /**
     * A plan's own cap rule (whoCanSee/1 in the CLI: caps that grow with the answer), given the rows
     * the step has read so far; `--max-rows` still overrides it.
     */
    capFor?: (step: PlanStep, readByStep: number) => number;

    capOf(step: PlanStep, readByStep = 0): number {
        return this.maxRows ?? this.capFor?.(step, readByStep) ?? step.cap;
    }

    /** Record a reached bound once per (loop, reason). */
    reachCap(loop: PlanStep['capLoop'], limit: number, reason: string): void {
        if (!loop || this.capsReached.some((c) => c.loop === loop && c.reason === reason)) return;
        this.capsReached.push({ loop, limit, reason });
    }

    /**
     * Run one plan step with its binds: one query per rendered condition (IN lists of at most
     * 200 ids), rows capped at the step's cap (reported), failures handled as the plan says.
     * Returns the rows, or undefined when the step could not be read (feature off, or recorded
     * in meta.unavailable).
     */
    async step(id: string, binds: Readonly<Record<string, BindValue>>, opts: StepOptions = {}): Promise<Row[] | undefined> {
        const step = this.stepOf(id);
        const object = opts.object ?? step.object;
        const fields = opts.fields ?? step.fields;
        const where = opts.where ?? step.where;
        const table = opts.table ?? object;
        const conditions = where === null ? [null] : renderConditions(where, binds);
        let cap = this.capOf(step);
        const out: Row[] = [];
        try {
            for (const condition of conditions) {
                cap = this.capOf(step, out.length);
                if (out.length >= cap) {
                    this.reachCap(step.capLoop, cap, `${step.title}${opts.about ? ` ${opts.about}` : ''}: more than ${cap} rows of ${object}; ${step.onCap}`);
                    break;
                }
                const soql = `SELECT ${fields.join(', ')} FROM ${object}${condition ? ` WHERE ${condition}` : ''}${step.groupBy ? ` GROUP BY ${step.groupBy.join(', ')}` : ''}`;
                const entry: TraceEntry = { step: id, soql, rows: 0 };
                this.trace.push(entry);
                const before = out.length;
                const { rows, capped } = await this.query(soql, { tooling: step.api === 'tooling', limit: (read) => this.capOf(step, before + read) - before });
                entry.rows = rows.length;
                out.push(...rows);
                cap = this.capOf(step, out.length);
                if (capped) {
                    this.reachCap(step.capLoop, cap, `${step.title}${opts.about ? ` ${opts.about}` : ''}: more than ${cap} rows of ${object}; ${step.onCap}`);
                    break;
                }
            }
            return out;
        } catch (err) {
            return this.failed(step, table, err, opts.essential === true);
        }
    }

    /** What a failed step leaves: nothing (feature off), an unavailable table, or the error. */
    failed(step: PlanStep, table: string, err: unknown, essential: boolean): undefined {
        const code = errorCode(err);
        if (step.optional === 'feature' && /INVALID_TYPE/.test(code)) return undefined;
        const optional = step.optional !== undefined && /INVALID_TYPE|INVALID_FIELD|NOT_FOUND|INSUFFICIENT_ACCESS|API_DISABLED|FUNCTIONALITY_NOT_ENABLED|MALFORMED_QUERY/.test(code);
        if (essential || (!optional && !isStepFailure(err))) throw err;
        const e = err as { message?: string };
        const reason = isConnectionReset(err)
            ? `the connection was reset twice while reading it (${step.title.toLowerCase()}); the rows already read were dropped`
            : (e.message ?? code).replace(/^the \w+ query failed: /, '');
        if (!this.unavailable.some((u) => u.table === table)) {
            this.unavailable.push({
                table,
                reason,
                fix: step.fix ?? 'Collect the snapshot again; if it keeps failing, check the org\u2019s status (trust.salesforce.com) or the collecting user\u2019s access to this object.'
            });
        }
        return undefined;
    }
}
