/**
 * The benchmark's results document (artifacts/bench/results.json), the targets of issue 8
 * judged against it (reported beside the figures, never asserted), and the text table.
 * Pure functions: the Jest tests feed them hand-made results.
 */
import type { CollectorMeasurement } from './collectorChild';
import type { EngineMeasurement, PhaseProfile, WhoCanSeeSample } from './measure';
import type { FunctionCost } from './profileSummary';

export interface WhoCanSeeRun {
    /** Set when the call did not finish within the budget (the child was stopped). */
    timedOutAfterSeconds?: number;
    records: number;
    firstMs: number;
    /** The first call in process CPU time. */
    firstCpuMs: number;
    medianMs: number;
    maxMs: number;
    usersWithAccess: number[];
    /** Each record measured (a random one, then one per record object): what the target is judged on is the slowest. */
    samples?: WhoCanSeeSample[];
    /** Where the slowest record's time went, when it missed its target. */
    profile?: PhaseProfile;
}

/** CPU time of the slowest who-can-see record measured (the first call when samples are absent). */
export function slowestWhoCanSee(w: WhoCanSeeRun): { cpuMs: number; sample?: WhoCanSeeSample } {
    const slowest = [...(w.samples ?? [])].sort((a, b) => b.cpuMs - a.cpuMs)[0];
    return slowest ? { cpuMs: slowest.cpuMs, sample: slowest } : { cpuMs: w.firstCpuMs };
}

/** Who-can-see targets by org size (issue: ≤ 300 ms CPU over 10 k users, ≤ 1 s over 100 k users). */
export function whoCanSeeTargetMs(users: number): number | undefined {
    return users >= 100_000 ? 1000 : users >= 10_000 ? 300 : undefined;
}

/** Explain median target at 1 M share rows (ms CPU). */
export const EXPLAIN_MEDIAN_TARGET_MS = 1;

export interface SizeResult {
    name: string;
    users: number;
    shareRows: number;
    snapshot: { file: string; bytes: number; generateSeconds: number; cached: boolean };
    engine: EngineMeasurement | { error: string };
    whoCanSee: WhoCanSeeRun | { error: string };
    collector: CollectorMeasurement | { notMeasured: string };
    /** With --profile: the engine child's CPU profile and its most expensive functions. */
    profile?: { file: string; top: FunctionCost[] };
}

export interface TargetResult {
    id: string;
    description: string;
    target: string;
    actual: string;
    status: 'met' | 'missed' | 'not measured';
    note?: string;
    /** For a missed target: the most expensive functions of the phase that missed it. */
    profile?: PhaseProfile;
}

export interface BenchResults {
    generatedAt: string;
    machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; v8: string; platform: string };
    seed: number;
    pairs: number;
    engineBundle: { file: string; minifiedBytes: number; gzipBytes: number } | { error: string };
    e2e: Record<string, unknown> | null;
    /** The panel's first render of the verdict in the browser preview (./panelRender.ts). */
    panel?: import('./panelRender').PanelRenderResult;
    sizes: SizeResult[];
    targets: TargetResult[];
}

export function isEngine(e: SizeResult['engine']): e is EngineMeasurement {
    return !('error' in e);
}

export function isWhoCanSee(w: SizeResult['whoCanSee']): w is WhoCanSeeRun {
    return !('error' in w);
}

export function isCollector(c: SizeResult['collector']): c is CollectorMeasurement {
    return !('notMeasured' in c);
}

const ms = (x: number): string => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
const span = (v: { min: number; max: number }): string => (v.min === v.max ? String(v.min) : `${v.min}–${v.max}`);
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * Targets of issue 8, judged on the results (the smallest and largest measured sizes). Times
 * are judged in process CPU time: on a shared machine wall-clock includes waiting for a core
 * (docs/performance.md, "Method"); both are in the results.
 */
export function judgeTargets(sizes: SizeResult[]): TargetResult[] {
    const measured = sizes.filter((s) => isEngine(s.engine));
    const bySize = [...measured].sort((a, b) => a.shareRows - b.shareRows);
    const smallest = bySize[0];
    const largest = bySize[bySize.length - 1];
    const out: TargetResult[] = [];
    const notMeasured = (id: string, description: string, target: string, why: string): TargetResult => ({
        id,
        description,
        target,
        actual: 'not measured',
        status: 'not measured',
        note: why
    });

    // 1. explain median ≤ 1 ms at 1 M share rows.
    const million = measured.find((s) => s.shareRows >= 1_000_000);
    if (million && isEngine(million.engine)) {
        const m = million.engine.cpu.explain.medianMs;
        out.push({
            id: 'explain-median-1m',
            description: 'explain median at 1 M share rows',
            target: `≤ ${EXPLAIN_MEDIAN_TARGET_MS} ms`,
            actual: `${ms(m)} CPU (wall ${ms(million.engine.explain.medianMs)})`,
            status: m <= EXPLAIN_MEDIAN_TARGET_MS ? 'met' : 'missed',
            ...(million.engine.explain.count < 1000 ? { note: `only ${million.engine.explain.count} explanations fitted in the time budget` } : {}),
            ...(m > EXPLAIN_MEDIAN_TARGET_MS && million.engine.explainProfile ? { profile: million.engine.explainProfile } : {})
        });
    } else {
        out.push(notMeasured('explain-median-1m', 'explain median at 1 M share rows', `≤ ${EXPLAIN_MEDIAN_TARGET_MS} ms`, 'no size with 1 M share rows was run (use --sizes large)'));
    }

    // 2. explain median at the largest size ≤ 1.5 × at the smallest (10 k share rows).
    if (smallest && largest && smallest !== largest && isEngine(smallest.engine) && isEngine(largest.engine)) {
        const ratio = largest.engine.cpu.explain.medianMs / smallest.engine.cpu.explain.medianMs;
        out.push({
            id: 'explain-flat',
            description: `explain median at ${largest.name} ÷ at ${smallest.name}`,
            target: '≤ 1.5×',
            actual: `${ratio.toFixed(2)}× (${ms(largest.engine.cpu.explain.medianMs)} vs ${ms(smallest.engine.cpu.explain.medianMs)} CPU)`,
            status: ratio <= 1.5 ? 'met' : 'missed',
            ...(ratio > 1.5 && largest.engine.explainProfile ? { profile: largest.engine.explainProfile } : {})
        });
    } else {
        out.push(notMeasured('explain-flat', 'explain median, largest ÷ smallest size', '≤ 1.5×', 'needs two sizes'));
    }

    // 3. index build ≤ 3 × JSON.parse, judged at the largest size: at a few MB the fixed
    // costs (JIT compilation of the engine on its first load) dominate; every size is in the table.
    if (largest && isEngine(largest.engine)) {
        const e = largest.engine;
        const others = measured.filter((s) => s !== largest).map((s) => `${s.name} ${(s.engine as EngineMeasurement).cpu.loadToParseRatio.toFixed(2)}×`);
        out.push({
            id: 'load-vs-parse',
            description: `loadSnapshot (validate + index) ÷ JSON.parse at ${largest.name}`,
            target: '≤ 3×',
            actual: `${e.cpu.loadToParseRatio.toFixed(2)}× CPU (wall ${e.loadToParseRatio.toFixed(2)}×)`,
            status: e.cpu.loadToParseRatio <= 3 ? 'met' : 'missed',
            ...(others.length ? { note: `smaller sizes: ${others.join(', ')}` } : {})
        });
    }

    // 4. who-can-see for one record: ≤ 300 ms CPU over 10 k users, ≤ 1 s over 100 k users, judged on
    // the slowest record measured (a random one and one of each record object).
    for (const [users, id] of [
        [10_000, 'who-can-see-10k'],
        [100_000, 'who-can-see-100k']
    ] as const) {
        const target = whoCanSeeTargetMs(users) as number;
        const targetText = target >= 1000 ? `≤ ${target / 1000} s` : `≤ ${target} ms`;
        const description = `who-can-see for one record over ${users / 1000} k users (slowest record measured)`;
        const size = sizes.find((s) => s.users === users) ?? (users === 100_000 ? sizes.find((s) => s.users > users) : undefined);
        if (!size || !isWhoCanSee(size.whoCanSee)) {
            out.push(notMeasured(id, description, targetText, size ? 'who-can-see failed' : `no size with ${users / 1000} k users was run (use --sizes ${users === 100_000 ? 'large' : 'medium'})`));
            continue;
        }
        const w = size.whoCanSee;
        if (w.timedOutAfterSeconds !== undefined) {
            out.push({ id, description, target: targetText, actual: `> ${w.timedOutAfterSeconds} s (stopped)`, status: 'missed' });
            continue;
        }
        const slowest = slowestWhoCanSee(w);
        const others = (w.samples ?? []).map((x) => `${x.object} ${x.users} users ${ms(x.cpuMs)}`).join(', ');
        out.push({
            id,
            description,
            target: targetText,
            actual: `${ms(slowest.cpuMs)} CPU${slowest.sample ? ` (${slowest.sample.object}, ${slowest.sample.users} users; wall ${ms(slowest.sample.wallMs)})` : ` (wall ${ms(w.firstMs)})`}`,
            status: slowest.cpuMs <= target ? 'met' : 'missed',
            ...(others ? { note: `records: ${others}` } : {}),
            ...(slowest.cpuMs > target && w.profile ? { profile: w.profile } : {})
        });
    }

    // 5. memory ≤ 4 × the snapshot's JSON size, judged at 10 k users (medium); at a few MB a
    // fixed few tens of MB of compiled code and caches dominate, so smaller sizes are only shown.
    const memorySize = measured.find((s) => s.users === 10_000) ?? largest;
    if (memorySize && isEngine(memorySize.engine)) {
        const e = memorySize.engine;
        const others = measured.filter((s) => s !== memorySize).map((s) => `${s.name} ${(s.engine as EngineMeasurement).heap.peakToJsonRatio.toFixed(2)}×`);
        out.push({
            id: 'memory',
            description: `peak heap over baseline ÷ snapshot JSON size at ${memorySize.name}`,
            target: '≤ 4×',
            actual: `${e.heap.peakToJsonRatio.toFixed(2)}× (${mb(e.heap.peakOverBaselineBytes)} for ${mb(e.jsonBytes)}${e.heap.peakAt ? `, peak at ${e.heap.peakAt}` : ''})`,
            status: e.heap.peakToJsonRatio <= 4 ? 'met' : 'missed',
            ...(others.length ? { note: `other sizes: ${others.join(', ')}` } : {})
        });
    }

    // 6. Collector (issue 14): rows and HTTP requests per explanation within 1.2× at every size (the
    // median explanation; the range is reported), nothing cut at the largest size, and the rows' JSON
    // bytes per explanation — what the in-org collector would hold on its heap — ≤ 1.5 MB there.
    const collected = sizes.filter((s) => isCollector(s.collector)).sort((a, b) => a.users - b.users);
    const c0 = (s: SizeResult): CollectorMeasurement => s.collector as CollectorMeasurement;
    if (collected.length >= 2) {
        const names = collected.map((s) => s.name).join(' / ');
        const c = (s: SizeResult): CollectorMeasurement => s.collector as CollectorMeasurement;
        const within = (values: number[]): { ratio: number; met: boolean } => {
            const base = values[0] || 1;
            const ratio = Math.max(...values.map((v) => Math.max(v / base, base / (v || 1))));
            return { ratio, met: ratio <= 1.2 };
        };
        const requests = within(collected.map((s) => c(s).requestsMedian ?? c(s).requestsPerExplanation.max));
        out.push({
            id: 'collector-constant',
            description: `collector HTTP requests per explanation (median) across ${names}`,
            target: 'within 1.2× at every size',
            actual: `${collected.map((s) => String(c(s).requestsMedian ?? c(s).requestsPerExplanation.max)).join(' / ')} (${requests.ratio.toFixed(2)}×); range ${collected.map((s) => span(c(s).requestsPerExplanation)).join(' / ')}`,
            status: requests.met ? 'met' : 'missed'
        });
        const rows = within(collected.map((s) => c(s).rowsPerExplanation.median ?? c(s).rowsPerExplanation.max));
        out.push({
            id: 'collector-rows-constant',
            description: `collector rows fetched per explanation (median) across ${names}`,
            target: 'within 1.2× at every size',
            actual: `${collected.map((s) => String(c(s).rowsPerExplanation.median ?? c(s).rowsPerExplanation.max)).join(' / ')} (${rows.ratio.toFixed(2)}×); range ${collected.map((s) => span(c(s).rowsPerExplanation)).join(' / ')}`,
            status: rows.met ? 'met' : 'missed'
        });
    } else {
        const reason = sizes.map((s) => (isCollector(s.collector) ? null : s.collector.notMeasured)).find(Boolean) ?? 'needs two sizes';
        out.push(notMeasured('collector-constant', 'collector requests per explanation across sizes', 'within 1.2× at every size', reason));
    }
    // 7. who-can-see collection (whoCanSee/1): rows bounded by the answer, not the org — rows per user
    // listed (median) within 1.5× at every size; HTTP requests and rows per collection reported.
    const withWcs = collected.filter((s) => c0(s).whoCanSee && (c0(s).whoCanSee?.records.length ?? 0) > 0);
    if (withWcs.length >= 1) {
        const w = (s: SizeResult): NonNullable<CollectorMeasurement['whoCanSee']> => c0(s).whoCanSee as NonNullable<CollectorMeasurement['whoCanSee']>;
        const perUser = withWcs.map((s) => w(s).rowsPerUserListed.median);
        const base = perUser[0] || 1;
        const ratio = Math.max(...perUser.map((v) => Math.max(v / base, base / (v || 1))));
        out.push({
            id: 'who-can-see-collection-rows',
            description: `who-can-see collection rows per user of the answer (median) across ${withWcs.map((s) => s.name).join(' / ')}`,
            target: 'within 1.5× at every size (rows bounded by the answer, not the org)',
            actual: `${perUser.join(' / ')} (${ratio.toFixed(2)}×); rows per collection ${withWcs.map((s) => `${w(s).rows.median} (${span(w(s).rows)})`).join(' / ')}; HTTP requests ${withWcs.map((s) => `${w(s).requests.median} (${span(w(s).requests)})`).join(' / ')}`,
            status: withWcs.length >= 2 ? (ratio <= 1.5 ? 'met' : 'missed') : 'not measured',
            ...(withWcs.length < 2 ? { note: 'needs two sizes' } : {})
        });
        const largest = withWcs[withWcs.length - 1] as SizeResult;
        out.push({
            id: 'who-can-see-collection-complete',
            description: `who-can-see collection bounds reached (caps, cut tables) at ${largest.name}`,
            target: 'none (an answer larger than the caps is cut and said to be)',
            actual: w(largest).truncatedTables.length ? w(largest).truncatedTables.join(', ') : 'none',
            status: w(largest).truncatedTables.length ? 'missed' : 'met'
        });
    }
    const largestCollected = [...sizes].filter((s) => isCollector(s.collector)).sort((a, b) => b.users - a.users)[0];
    if (largestCollected) {
        const c = largestCollected.collector as CollectorMeasurement;
        out.push({
            id: 'collector-complete',
            description: `collector bounds reached (caps, cut tables) at ${largestCollected.name}`,
            target: 'none',
            actual: c.truncatedTables.length ? c.truncatedTables.join(', ') : 'none',
            status: c.truncatedTables.length ? 'missed' : 'met'
        });
        if (c.bytesPerExplanation) {
            out.push({
                id: 'collector-heap',
                description: `rows' JSON bytes per explanation at ${largestCollected.name} (the in-org heap estimate)`,
                target: '≤ 1.5 MB',
                actual: `max ${mb(c.bytesPerExplanation.max)}, median ${(c.bytesPerExplanation.median / 1024).toFixed(0)} KB`,
                status: c.bytesPerExplanation.max <= 1.5 * 1048576 ? 'met' : 'missed'
            });
        }
    }
    return out;
}

function pad(cells: string[][]): string {
    const widths = cells[0]?.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length))) ?? [];
    return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}

/** The human table `npm run bench` prints. */
export function renderTable(results: BenchResults): string {
    const head = ['size', 'users', 'shares', 'JSON', 'parse', 'load', 'load/parse', 'explain p50', 'p95', 'who-can-see max', 'peak heap', 'heap/JSON', 'collector req', 'collector rows', 'load avg'];
    const rows = results.sizes.map((s) => {
        const e = isEngine(s.engine) ? s.engine : null;
        const w = isWhoCanSee(s.whoCanSee) ? s.whoCanSee : null;
        const c = isCollector(s.collector) ? s.collector : null;
        return [
            s.name,
            String(s.users),
            String(s.shareRows),
            mb(s.snapshot.bytes),
            e ? ms(e.cpu.parseMs) : 'error',
            e ? ms(e.cpu.loadMs) : '',
            e ? `${e.cpu.loadToParseRatio.toFixed(2)}×` : '',
            e ? ms(e.cpu.explain.medianMs) : '',
            e ? ms(e.cpu.explain.p95Ms) : '',
            w ? (w.timedOutAfterSeconds !== undefined ? `>${w.timedOutAfterSeconds} s wall` : ms(slowestWhoCanSee(w).cpuMs)) : 'error',
            e ? mb(e.heap.peakOverBaselineBytes) : '',
            e ? `${e.heap.peakToJsonRatio.toFixed(2)}×` : '',
            c ? `${c.requestsMedian ?? ''} (${span(c.requestsPerExplanation)})` : 'not measured',
            c ? `${c.rowsPerExplanation.median ?? ''} (${span(c.rowsPerExplanation)})` : '',
            e ? `${e.loadAverage.start.toFixed(1)}/${e.loadAverage.cores}` : ''
        ];
    });
    const lines = [
        'Times are process CPU time (user + system); wall-clock figures are in results.json. "load avg" = 1-minute load average / cores when the engine run started.',
        pad([head, ...rows]),
        ''
    ];
    for (const s of results.sizes) {
        if (!isEngine(s.engine)) lines.push(`${s.name}: engine run failed: ${s.engine.error}`);
        else if (s.engine.explainErrors.count) lines.push(`${s.name}: ${s.engine.explainErrors.count} explain error(s), first: ${s.engine.explainErrors.first ?? ''}`);
        if (!isWhoCanSee(s.whoCanSee)) lines.push(`${s.name}: who-can-see failed: ${s.whoCanSee.error}`);
        if (!isCollector(s.collector)) lines.push(`${s.name}: collector not measured: ${s.collector.notMeasured}`);
        else if (s.collector.truncatedTables.length) lines.push(`${s.name}: collector bounds reached (meta.scope.capsReached, meta.truncated): ${s.collector.truncatedTables.join(', ')}`);
        if (isCollector(s.collector) && s.collector.whoCanSee) {
            const w = s.collector.whoCanSee;
            const listed = w.records.filter((r) => !r.error).map((r) => r.usersListed);
            lines.push(
                `${s.name}: who-can-see collection (whoCanSee/1): ${w.records.length} records, HTTP requests ${w.requests.median} (${span(w.requests)}), rows ${w.rows.median} (${span(w.rows)}), users listed ${listed.length ? `${Math.min(...listed)}–${Math.max(...listed)}` : '–'}, rows per user listed ${w.rowsPerUserListed.median} (${span(w.rowsPerUserListed)})${w.truncatedTables.length ? `, bounds reached: ${w.truncatedTables.join(', ')}` : ''}${w.errors ? `, ${w.errors} error(s): ${w.records.find((r) => r.error)?.error ?? ''}` : ''}`
            );
        }
    }
    const b = results.engineBundle;
    lines.push('error' in b ? `LWC engine bundle: not measured (${b.error})` : `LWC engine bundle (esbuild, minified): ${(b.minifiedBytes / 1024).toFixed(1)} KiB, gzipped ${(b.gzipBytes / 1024).toFixed(1)} KiB`);
    lines.push(results.e2e ? `Browser preview (artifacts/e2e/metrics.json): ${JSON.stringify(results.e2e)}` : 'Browser preview first render: not measured (artifacts/e2e/metrics.json absent: run the e2e suite first)');
    lines.push('', 'Targets (reported, never asserted):');
    for (const t of results.targets) {
        const mark = t.status === 'met' ? '✔' : t.status === 'missed' ? '✖' : '–';
        lines.push(`  ${mark} ${t.description}: ${t.actual} (target ${t.target})${t.note ? ` — ${t.note}` : ''}`);
        if (t.profile && t.profile.top.length) {
            lines.push(`      CPU profile of ${t.profile.phase}, most expensive functions (inclusive):`);
            for (const f of t.profile.top.slice(0, 10)) {
                lines.push(`        ${f.inclusiveMs.toFixed(0).padStart(7)} ms ${f.inclusivePercent.toFixed(1).padStart(5)} %  self ${f.selfMs.toFixed(0).padStart(5)} ms  ${f.name || '(anonymous)'} (${f.file}:${f.line})`);
            }
        }
    }
    return lines.join('\n');
}
