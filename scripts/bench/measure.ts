/**
 * The engine measurements of one benchmark size, run inside a child process started with
 * `--expose-gc` (./child.ts) so each size has a fresh heap. Pure apart from the clock and
 * `process.memoryUsage()`: the engine and the snapshot text are passed in, so the Jest smoke
 * test runs the same code at a tiny size.
 *
 * Method (docs/performance.md):
 * - JSON.parse of the snapshot text then loadSnapshot (validation + index build) of the parsed
 *   object, `repeats` times (minimum of each kept), heap collected between: the headline is
 *   loadSnapshot ÷ JSON.parse of the same text.
 * - explain over `pairs` uniformly random user/record pairs (seeded; users from the User table,
 *   records from the record tables), after `warmup` unmeasured explanations: median, p95, max.
 * - whoCanSee for `whoCanSeeRecords` random records across all users (the first one is cold).
 * - heapUsed sampled after every phase and every 50 explanations; the peak is reported
 *   against the heap before the text was read (baseline) and against the JSON size.
 */
import type { Explanation, LoadedSnapshot, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { RandomStream } from './random';

/** The part of the engine API the benchmark calls (module `c/accessXrayEngine`). */
export interface EngineApi {
    loadSnapshot(input: unknown): LoadedSnapshot;
    explain(snapshot: Snapshot | LoadedSnapshot, req: { userId: string; recordId: string }): Explanation;
    whoCanSee(
        snapshot: Snapshot | LoadedSnapshot,
        recordId: string,
        opts?: { limit?: number; offset?: number }
    ): { recordId: string; total: number; users: { maxAccessLevel: string; uncertain: boolean }[] };
}

export interface MeasureOptions {
    pairs: number;
    warmup: number;
    repeats: number;
    whoCanSeeRecords: number;
    seed: number;
    /** Tables whose rows are the records explained (default: Account, Opportunity, Case, Project__c). */
    recordTables?: string[];
    /** Stop measuring explanations after this many seconds (the count reported says how many ran). */
    explainBudgetSeconds?: number;
    /** Stop who-can-see after this many seconds in total (each call still runs to completion). */
    whoCanSeeBudgetSeconds?: number;
    gc?: () => void;
}

export interface Distribution {
    count: number;
    medianMs: number;
    p95Ms: number;
    maxMs: number;
    meanMs: number;
}

export interface EngineMeasurement {
    jsonBytes: number;
    readMs: number | null;
    /** Minimum over the repeats (one repeat at the largest sizes). */
    parseMs: number;
    loadMs: number;
    parseRepeatsMs: number[];
    loadRepeatsMs: number[];
    /** loadSnapshot ÷ JSON.parse. */
    loadToParseRatio: number;
    rows: { total: number; users: number; shareRows: number; records: number };
    firstExplainMs: number;
    explain: Distribution;
    explainErrors: { count: number; first?: string };
    verdicts: Record<string, number>;
    uncertainExplanations: number;
    whoCanSee: { records: number; firstMs: number; medianMs: number; maxMs: number; usersWithAccess: number[]; skipped: number };
    heap: {
        baselineBytes: number;
        peakBytes: number;
        peakOverBaselineBytes: number;
        /** Parsed snapshot + index, text released, after a full collection. */
        retainedAfterLoadBytes: number;
        /** Same, after every explanation and who-can-see (the engine's memoised caches included). */
        retainedAfterRunBytes: number;
        peakToJsonRatio: number;
    };
}

const DEFAULT_RECORD_TABLES = ['Account', 'Opportunity', 'Case', 'Project__c'];

export function distribution(samples: number[]): Distribution {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number): number => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number) : 0);
    const mean = sorted.length ? sorted.reduce((s, x) => s + x, 0) / sorted.length : 0;
    return {
        count: sorted.length,
        medianMs: sorted.length ? median(sorted) : 0,
        p95Ms: at(0.95),
        maxMs: sorted.length ? (sorted[sorted.length - 1] as number) : 0,
        meanMs: mean
    };
}

export function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    if (s.length === 0) return 0;
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const now = (): number => performance.now();

function heapUsed(): number {
    return process.memoryUsage().heapUsed;
}

/** Run every engine measurement on one snapshot text. */
export function measureEngine(engine: EngineApi, readText: () => string, options: MeasureOptions): EngineMeasurement {
    const gc = options.gc ?? ((): void => undefined);
    gc();
    const baseline = heapUsed();
    let peak = baseline;
    const sample = (): void => {
        const h = heapUsed();
        if (h > peak) peak = h;
    };

    let t = now();
    let text: string | null = readText();
    const readMs = now() - t;
    const jsonBytes = Buffer.byteLength(text, 'utf8');
    sample();

    // Each repeat parses a fresh object and loads it (loadSnapshot memoises per object), so the
    // minimum of each is the warm figure; at one repeat both are cold (JIT included).
    const parseTimes: number[] = [];
    const loadTimes: number[] = [];
    let loaded: LoadedSnapshot | null = null;
    for (let i = 0; i < Math.max(1, options.repeats); i++) {
        loaded = null;
        gc();
        t = now();
        const parsed: unknown = JSON.parse(text as string);
        parseTimes.push(now() - t);
        sample();
        if (i === Math.max(1, options.repeats) - 1) {
            text = null;
            gc();
            sample();
        }
        t = now();
        loaded = engine.loadSnapshot(parsed);
        loadTimes.push(now() - t);
        sample();
    }
    if (!loaded) throw new Error('loadSnapshot returned nothing');
    const loadMs = Math.min(...loadTimes);
    gc();
    const retainedAfterLoad = heapUsed();

    const load: LoadedSnapshot = loaded;
    const tables = load.snapshot.tables;
    const users = (tables.User ?? []).map((u) => String(u.Id));
    const recordTables = options.recordTables ?? DEFAULT_RECORD_TABLES;
    const records = recordTables.flatMap((name) => (tables[name] ?? []).map((r) => String(r.Id)));
    let totalRows = 0;
    let shareRows = 0;
    for (const [name, rows] of Object.entries(tables)) {
        totalRows += rows.length;
        if (/Share$/.test(name)) shareRows += rows.length;
    }
    if (users.length === 0 || records.length === 0) {
        throw new Error(`the snapshot has ${users.length} users and ${records.length} records in ${recordTables.join(', ')}: nothing to explain`);
    }

    const rnd = new RandomStream(options.seed, 'bench.pairs');
    const pairAt = (i: number): { userId: string; recordId: string } => ({
        userId: users[rnd.int(i, 0, users.length)] as string,
        recordId: records[rnd.int(i, 1, records.length)] as string
    });

    const errors: string[] = [];
    const verdicts: Record<string, number> = {};
    let uncertain = 0;
    const run = (i: number): number => {
        const pair = pairAt(i);
        const start = now();
        try {
            const e = engine.explain(load, pair);
            const ms = now() - start;
            verdicts[e.maxAccessLevel] = (verdicts[e.maxAccessLevel] ?? 0) + 1;
            if (e.uncertain) uncertain++;
            return ms;
        } catch (err) {
            errors.push(`${pair.userId}/${pair.recordId}: ${err instanceof Error ? err.message : String(err)}`);
            return now() - start;
        }
    };

    const firstExplainMs = run(0);
    for (let i = 1; i <= options.warmup; i++) run(i);
    // Warm-up verdicts are not part of the reported distribution.
    for (const k of Object.keys(verdicts)) delete verdicts[k];
    uncertain = 0;
    errors.length = 0;
    const times: number[] = [];
    const explainBudgetMs = (options.explainBudgetSeconds ?? Infinity) * 1000;
    const explainStart = now();
    for (let i = 0; i < options.pairs; i++) {
        times.push(run(1_000_000 + i));
        if (i % 50 === 0) {
            sample();
            if (now() - explainStart > explainBudgetMs) break;
        }
    }
    sample();

    const wcsTimes: number[] = [];
    const usersWithAccess: number[] = [];
    const budgetMs = (options.whoCanSeeBudgetSeconds ?? Infinity) * 1000;
    let spent = 0;
    let skipped = 0;
    const wcs = new RandomStream(options.seed, 'bench.whoCanSee');
    for (let i = 0; i < options.whoCanSeeRecords; i++) {
        if (spent > budgetMs) {
            skipped++;
            continue;
        }
        const recordId = records[wcs.int(i, 0, records.length)] as string;
        const start = now();
        const result = engine.whoCanSee(load, recordId);
        const ms = now() - start;
        spent += ms;
        wcsTimes.push(ms);
        usersWithAccess.push(result.total);
        sample();
    }

    gc();
    const retainedAfterRun = heapUsed();
    if (load.snapshot.schemaVersion !== 1) throw new Error('snapshot changed under the benchmark'); // keeps `loaded` alive until here

    return {
        jsonBytes,
        readMs,
        parseMs: Math.min(...parseTimes),
        loadMs,
        parseRepeatsMs: parseTimes,
        loadRepeatsMs: loadTimes,
        loadToParseRatio: loadMs / Math.min(...parseTimes),
        rows: { total: totalRows, users: users.length, shareRows, records: records.length },
        firstExplainMs,
        explain: distribution(times),
        explainErrors: { count: errors.length, ...(errors[0] ? { first: errors[0] } : {}) },
        verdicts,
        uncertainExplanations: uncertain,
        whoCanSee: {
            records: wcsTimes.length,
            firstMs: wcsTimes[0] ?? 0,
            medianMs: median(wcsTimes),
            maxMs: wcsTimes.length ? Math.max(...wcsTimes) : 0,
            usersWithAccess,
            skipped
        },
        heap: {
            baselineBytes: baseline,
            peakBytes: peak,
            peakOverBaselineBytes: peak - baseline,
            retainedAfterLoadBytes: retainedAfterLoad - baseline,
            retainedAfterRunBytes: retainedAfterRun - baseline,
            peakToJsonRatio: (peak - baseline) / jsonBytes
        }
    };
}
