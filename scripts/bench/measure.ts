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
 * - explain over `pairs` random user/record pairs (seeded; users from the User table, each user
 *   explained once — at most as many pairs as users allow; records from the record tables, drawn
 *   uniformly), after `warmup` unmeasured explanations (at most a tenth of the users): median, p95, max.
 * - whoCanSee across all users for `whoCanSeeRecords` records: a random one first (cold), then one
 *   of each record object (Account, Opportunity, Case, Project__c, Contact; seeded), last, after
 *   `beforeWhoCanSee` has been given the engine figures. Each call works out every user's access
 *   and the totals, and writes the first page of 50 users (the CLI's default page). The target is
 *   judged on the slowest.
 * - heapUsed sampled after every phase and every 50 explanations (up to who-can-see); the peak
 *   is reported against the heap before the text was read (baseline) and the JSON size. Each
 *   repeat of parse + load runs in its own function call, so the previous repeat's objects are
 *   garbage when the next one starts (a stack slot holding them would count two snapshots).
 * - `profile`, when given, wraps a slow phase in a CPU profile (the child uses the inspector):
 *   explanations when their median passes `explainProfileOverMs`, the slowest who-can-see
 *   record when it passes `whoCanSeeProfileOverMs`.
 */
import type { Explanation, LoadedSnapshot, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { availableParallelism, loadavg } from 'node:os';
import { RandomStream } from './random';

/** The part of the engine API the benchmark calls (module `c/accessXrayEngine`). */
export interface EngineApi {
    loadSnapshot(input: unknown): LoadedSnapshot;
    explain(snapshot: Snapshot | LoadedSnapshot, req: { userId: string; recordId: string }): Explanation;
    whoCanSee(
        snapshot: Snapshot | LoadedSnapshot,
        recordId: string,
        opts?: { limit?: number; offset?: number }
    ): { recordId: string; objectApiName?: string; total: number; users: { maxAccessLevel: string; uncertain: boolean }[]; publicAccess?: { users: number }[] };
}

/** The most expensive functions of a profiled phase (scripts/bench/profileSummary.ts). */
export interface PhaseProfile {
    phase: string;
    top: { name: string; file: string; line: number; selfMs: number; inclusiveMs: number; inclusivePercent: number }[];
}

/** One who-can-see call: the record, how many users can read it, its cost. */
export interface WhoCanSeeSample {
    recordId: string;
    object: string;
    users: number;
    cpuMs: number;
    wallMs: number;
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
    /** Run a phase under a CPU profiler and summarise it (the child passes the inspector). */
    profile?: (phase: string, run: () => void) => PhaseProfile;
    /** Profile the explanations when their median CPU passes this (ms). */
    explainProfileOverMs?: number;
    /** Also measure who-can-see on a Project__c record with the object's default Public Read Only (default true). */
    whoCanSeePublic?: boolean;
    /** Profile the slowest who-can-see record again when its CPU passes this (ms). */
    whoCanSeeProfileOverMs?: number;
    /** Called with the complete engine figures just before who-can-see starts. */
    beforeWhoCanSee?: (partial: EngineMeasurement) => void;
    /** Phase progress lines (the child writes them to stderr, so a stopped run still says how far it got). */
    progress?: (line: string) => void;
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
    /**
     * The same phases in process CPU time (user + system, all threads, so GC helper threads
     * count too). On a shared machine wall-clock includes waiting for a core; CPU time does not.
     */
    cpu: { parseMs: number; loadMs: number; loadToParseRatio: number; explain: Distribution; whoCanSeeFirstMs: number };
    /** 1-minute load average at the start and end of the run, and the cores available. */
    loadAverage: { start: number; end: number; cores: number };
    /** loadSnapshot ÷ JSON.parse. */
    loadToParseRatio: number;
    rows: { total: number; users: number; shareRows: number; records: number };
    firstExplainMs: number;
    explain: Distribution;
    explainErrors: { count: number; first?: string };
    verdicts: Record<string, number>;
    uncertainExplanations: number;
    whoCanSee: { records: number; firstMs: number; medianMs: number; maxMs: number; usersWithAccess: number[]; skipped: number; samples?: WhoCanSeeSample[]; profile?: PhaseProfile };
    /** Set when the explain median passed `explainProfileOverMs`: where the time went. */
    explainProfile?: PhaseProfile;
    heap: {
        baselineBytes: number;
        peakBytes: number;
        peakOverBaselineBytes: number;
        /** Parsed snapshot + index, text released, after a full collection. */
        retainedAfterLoadBytes: number;
        /** Same, after every explanation and who-can-see (the engine's memoised caches included). */
        retainedAfterRunBytes: number;
        peakToJsonRatio: number;
        /** The sample that found the peak (a phase, or "explanation N"). */
        peakAt: string;
    };
}

const DEFAULT_RECORD_TABLES = ['Account', 'Opportunity', 'Case', 'Project__c'];

/** 0…n-1 in a seeded random order (Fisher–Yates). */
export function shuffledIndexes(n: number, rnd: RandomStream): Int32Array {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
        const j = rnd.int(i, 2, i + 1);
        const t = order[i] as number;
        order[i] = order[j] as number;
        order[j] = t;
    }
    return order;
}

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

const WHO_CAN_SEE_OBJECTS = ['Account', 'Opportunity', 'Case', 'Project__c', 'Contact'];
/** Who-can-see is asked as the CLI and the panel ask it: every user's access and the totals, and the first page of 50 users with their reasons. */
export const WHO_CAN_SEE_PAGE = 50;
/** Explanations run on the Public Read Only copy before its who-can-see, as the main org had its explanations. */
const PUBLIC_WARMUP = 200;

/**
 * The records who-can-see is measured on: a random record first (the first call is cold), then
 * one of each record object, so the slowest kind of record is always among them. Seeded.
 */
export function whoCanSeeRecords(tables: Record<string, { Id?: unknown }[]>, records: string[], options: Pick<MeasureOptions, 'seed' | 'whoCanSeeRecords'>): string[] {
    const rnd = new RandomStream(options.seed, 'bench.whoCanSee');
    const out: string[] = [];
    if (options.whoCanSeeRecords > 0 && records.length) {
        out.push(records[rnd.int(0, 0, records.length)] as string);
    }
    for (const [i, object] of WHO_CAN_SEE_OBJECTS.entries()) {
        const rows = tables[object] ?? [];
        if (out.length >= options.whoCanSeeRecords || !rows.length) {
            continue;
        }
        out.push(String(rows[rnd.int(i + 1, 0, rows.length)]?.Id));
    }
    return out;
}

/** A copy of a snapshot whose object has a Public Read Only default on both sides (rows shared, not copied). */
export function withPublicDefault(snapshot: Snapshot, object: string): Snapshot {
    const entities = (snapshot.tables.EntityDefinition ?? []).map((e) =>
        e.QualifiedApiName === object ? { ...e, InternalSharingModel: 'Read', ExternalSharingModel: 'Read' } : e
    );
    return { ...snapshot, tables: { ...snapshot.tables, EntityDefinition: entities } };
}

export function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    if (s.length === 0) return 0;
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const now = (): number => performance.now();
/** Process CPU time (user + system, every thread of the process) in ms. */
const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
};

function heapUsed(): number {
    return process.memoryUsage().heapUsed;
}

/** Run every engine measurement on one snapshot text. */
export function measureEngine(engine: EngineApi, readText: () => string, options: MeasureOptions): EngineMeasurement {
    const gc = options.gc ?? ((): void => undefined);
    const progress = options.progress ?? ((): void => undefined);
    gc();
    const baseline = heapUsed();
    const loadAvgStart = loadavg()[0] ?? 0;
    let peak = baseline;
    let peakAt = 'baseline';
    /** Samples the heap; `phase` names where the peak was taken (garbage not yet collected counts). */
    const sample = (phase: string): void => {
        const h = heapUsed();
        if (h > peak) {
            peak = h;
            peakAt = phase;
        }
    };

    const t = now();
    let text: string | null = readText();
    const readMs = now() - t;
    const jsonBytes = Buffer.byteLength(text, 'utf8');
    sample('file read');
    progress(`read ${jsonBytes} bytes in ${readMs.toFixed(0)} ms`);

    // Each repeat parses a fresh object and loads it (loadSnapshot memoises per object), so the
    // minimum of each is the warm figure; at one repeat both are cold (JIT included). Each repeat
    // runs in its own call: its objects are garbage once it returns, unless it is the last one.
    const parseTimes: number[] = [];
    const loadTimes: number[] = [];
    const parseCpu: number[] = [];
    const loadCpu: number[] = [];
    const repeats = Math.max(1, options.repeats);
    const once = (last: boolean): LoadedSnapshot | null => {
        gc();
        let t0 = now();
        let c = cpu();
        const parsed: unknown = JSON.parse(text as string);
        parseTimes.push(now() - t0);
        parseCpu.push(cpu() - c);
        sample('parse');
        if (last) {
            text = null;
            gc();
            sample('parse, text released');
        }
        t0 = now();
        c = cpu();
        const result = engine.loadSnapshot(parsed);
        loadTimes.push(now() - t0);
        loadCpu.push(cpu() - c);
        sample('loadSnapshot');
        return last ? result : null;
    };
    let loaded: LoadedSnapshot | null = null;
    for (let i = 0; i < repeats; i++) {
        loaded = once(i === repeats - 1);
    }
    if (!loaded) throw new Error('loadSnapshot returned nothing');
    progress(`parse ${Math.min(...parseTimes).toFixed(0)} ms, loadSnapshot ${Math.min(...loadTimes).toFixed(0)} ms`);
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
    // Every measured explanation asks about a user the process has not explained before: users are
    // taken in a seeded random order, without replacement. The engine keeps what it works out about
    // a user (group closure, permissions) for the next question about them; drawn with replacement,
    // 1 100 pairs over the small org's 1 000 users found two in five users already explained, over
    // the large org's 100 000 users almost none, so the two sizes measured different work. Warm-up
    // takes at most a tenth of the users; with fewer users than pairs, fewer pairs are measured.
    const userOrder = shuffledIndexes(users.length, rnd);
    const warmup = Math.min(options.warmup, Math.floor(users.length / 10));
    const pairsToMeasure = Math.min(options.pairs, Math.max(1, users.length - 1 - warmup));
    const MEASURED = 1_000_000;
    const userSlot = (i: number): number => {
        if (i <= warmup) return i; // 0: the first (cold) explanation; 1…warmup: warm-up
        if (i >= MEASURED && i < MEASURED + pairsToMeasure) return 1 + warmup + (i - MEASURED);
        return i % users.length; // profiling and the Public Read Only copy's warm-up: users again
    };
    const pairAt = (i: number): { userId: string; recordId: string } => ({
        userId: users[userOrder[userSlot(i) % users.length] as number] as string,
        recordId: records[rnd.int(i, 1, records.length)] as string
    });

    const errors: string[] = [];
    const verdicts: Record<string, number> = {};
    let uncertain = 0;
    let lastCpu = 0;
    const run = (i: number): number => {
        const pair = pairAt(i);
        const start = now();
        const startCpu = cpu();
        try {
            const e = engine.explain(load, pair);
            const ms = now() - start;
            lastCpu = cpu() - startCpu;
            verdicts[e.maxAccessLevel] = (verdicts[e.maxAccessLevel] ?? 0) + 1;
            if (e.uncertain) uncertain++;
            return ms;
        } catch (err) {
            errors.push(`${pair.userId}/${pair.recordId}: ${err instanceof Error ? err.message : String(err)}`);
            lastCpu = cpu() - startCpu;
            return now() - start;
        }
    };

    const firstExplainMs = run(0);
    const warmupStart = now();
    const warmupBudgetMs = ((options.explainBudgetSeconds ?? Infinity) * 1000) / 3;
    for (let i = 1; i <= warmup && now() - warmupStart < warmupBudgetMs; i++) run(i);
    progress(`first explain ${firstExplainMs.toFixed(1)} ms, ${warmup} warm-up explanations done`);
    // Warm-up verdicts are not part of the reported distribution.
    for (const k of Object.keys(verdicts)) delete verdicts[k];
    uncertain = 0;
    errors.length = 0;
    const times: number[] = [];
    const explainBudgetMs = (options.explainBudgetSeconds ?? Infinity) * 1000;
    const explainStart = now();
    const cpuTimes: number[] = [];
    for (let i = 0; i < pairsToMeasure; i++) {
        times.push(run(MEASURED + i));
        cpuTimes.push(lastCpu);
        if (i % 50 === 0) sample(`explanation ${i + 1}`);
        if (now() - explainStart > explainBudgetMs) break;
    }
    progress(`explain: ${times.length} pairs in ${((now() - explainStart) / 1000).toFixed(1)} s`);
    sample('explanations done');
    let explainProfile: PhaseProfile | undefined;
    const explainMedianCpu = distribution(cpuTimes).medianMs;
    if (options.profile && options.explainProfileOverMs !== undefined && explainMedianCpu > options.explainProfileOverMs) {
        // Over its target: profile the same kind of work again to say where the time goes.
        progress(`explain median ${explainMedianCpu.toFixed(2)} ms CPU is over ${options.explainProfileOverMs} ms: profiling 300 more explanations…`);
        explainProfile = options.profile('explain', () => {
            for (let i = 0; i < 300; i++) run(2_000_000 + i);
        });
    }

    gc();
    const retainedAfterRun = heapUsed();

    const result: EngineMeasurement = {
        jsonBytes,
        readMs,
        parseMs: Math.min(...parseTimes),
        loadMs,
        parseRepeatsMs: parseTimes,
        loadRepeatsMs: loadTimes,
        cpu: {
            parseMs: Math.min(...parseCpu),
            loadMs: Math.min(...loadCpu),
            loadToParseRatio: Math.min(...loadCpu) / Math.min(...parseCpu),
            explain: distribution(cpuTimes),
            whoCanSeeFirstMs: 0
        },
        loadAverage: { start: loadAvgStart, end: loadavg()[0] ?? 0, cores: availableParallelism() },
        loadToParseRatio: loadMs / Math.min(...parseTimes),
        rows: { total: totalRows, users: users.length, shareRows, records: records.length },
        firstExplainMs,
        explain: distribution(times),
        explainErrors: { count: errors.length, ...(errors[0] ? { first: errors[0] } : {}) },
        verdicts,
        uncertainExplanations: uncertain,
        whoCanSee: { records: 0, firstMs: 0, medianMs: 0, maxMs: 0, usersWithAccess: [], skipped: 0 },
        ...(explainProfile ? { explainProfile } : {}),
        heap: {
            baselineBytes: baseline,
            peakBytes: peak,
            peakOverBaselineBytes: peak - baseline,
            retainedAfterLoadBytes: retainedAfterLoad - baseline,
            retainedAfterRunBytes: retainedAfterRun - baseline,
            peakToJsonRatio: (peak - baseline) / jsonBytes,
            peakAt
        }
    };
    // The engine figures are complete: hand them out before who-can-see, which may run long
    // enough for the harness to stop the process (the heap figures above exclude who-can-see).
    options.beforeWhoCanSee?.(result);

    const wcsTimes: number[] = [];
    const wcsCpu: number[] = [];
    const usersWithAccess: number[] = [];
    const samples: WhoCanSeeSample[] = [];
    const budgetMs = (options.whoCanSeeBudgetSeconds ?? Infinity) * 1000;
    let spent = 0;
    let skipped = 0;
    for (const recordId of whoCanSeeRecords(tables, records, options)) {
        if (spent > budgetMs) {
            skipped++;
            continue;
        }
        progress(`who-can-see ${recordId}…`);
        const start = now();
        const startCpu = cpu();
        const found = engine.whoCanSee(load, recordId, { limit: WHO_CAN_SEE_PAGE });
        const ms = now() - start;
        const cpuMs = cpu() - startCpu;
        const counted = (found.publicAccess ?? []).reduce((n, p) => n + p.users, 0);
        progress(`who-can-see ${recordId}: ${found.total} users listed${counted ? `, ${counted} counted under a public default` : ''} in ${cpuMs.toFixed(0)} ms CPU (${ms.toFixed(0)} ms wall)`);
        spent += ms;
        wcsTimes.push(ms);
        wcsCpu.push(cpuMs);
        usersWithAccess.push(found.total + counted);
        samples.push({ recordId, object: found.objectApiName ?? '', users: found.total + counted, cpuMs, wallMs: ms });
    }
    // The same org with the custom object's default raised to Public Read Only for both sides:
    // every user can then read the record, and who-can-see counts them per profile and
    // permission set instead of listing them (loaded again after the heap figures were taken).
    const project = samples.slice(1).find((x) => x.object === 'Project__c');
    if (project && spent <= budgetMs && options.whoCanSeePublic !== false) {
        const publicOrg = engine.loadSnapshot(withPublicDefault(load.snapshot, 'Project__c'));
        // Warmed like the main org was before its first who-can-see (explanations build the index's lazy lookups).
        for (let i = 0; i < PUBLIC_WARMUP; i++) {
            try {
                engine.explain(publicOrg, pairAt(3_000_000 + i));
            } catch {
                // The same pairs explained without error above; nothing to report here.
            }
        }
        progress(`who-can-see ${project.recordId} with Project__c Public Read Only (after ${PUBLIC_WARMUP} explanations on it)…`);
        const start = now();
        const startCpu = cpu();
        const found = engine.whoCanSee(publicOrg, project.recordId, { limit: WHO_CAN_SEE_PAGE });
        const ms = now() - start;
        const cpuMs = cpu() - startCpu;
        const counted = (found.publicAccess ?? []).reduce((n, p) => n + p.users, 0);
        progress(`who-can-see ${project.recordId} (Public Read Only): ${found.total} users listed, ${counted} counted under the default, in ${cpuMs.toFixed(0)} ms CPU`);
        wcsTimes.push(ms);
        wcsCpu.push(cpuMs);
        usersWithAccess.push(found.total + counted);
        samples.push({ recordId: project.recordId, object: 'Project__c (Public Read Only)', users: found.total + counted, cpuMs, wallMs: ms });
    }
    let wcsProfile: PhaseProfile | undefined;
    const slowest = [...samples].sort((a, b) => b.cpuMs - a.cpuMs)[0];
    if (options.profile && slowest && options.whoCanSeeProfileOverMs !== undefined && slowest.cpuMs > options.whoCanSeeProfileOverMs) {
        progress(`who-can-see ${slowest.recordId} took ${slowest.cpuMs.toFixed(0)} ms CPU, over ${options.whoCanSeeProfileOverMs} ms: profiling it again…`);
        wcsProfile = options.profile(`who-can-see ${slowest.object} ${slowest.recordId} (second run)`, () => {
            engine.whoCanSee(load, slowest.recordId, { limit: WHO_CAN_SEE_PAGE });
        });
    }
    if (load.snapshot.schemaVersion !== 1) throw new Error('snapshot changed under the benchmark'); // keeps `loaded` alive until here
    result.cpu.whoCanSeeFirstMs = wcsCpu[0] ?? 0;
    result.whoCanSee = {
        records: wcsTimes.length,
        firstMs: wcsTimes[0] ?? 0,
        medianMs: median(wcsTimes),
        maxMs: wcsTimes.length ? Math.max(...wcsTimes) : 0,
        usersWithAccess,
        skipped,
        samples,
        ...(wcsProfile ? { profile: wcsProfile } : {})
    };
    return result;
}
