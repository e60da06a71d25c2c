/** @jest-environment node */
/**
 * The benchmark harness at a tiny size: the real pipeline (synthetic snapshot cached under
 * .build/bench, the engine measurements of scripts/bench/measure.ts and then who-can-see in a
 * child process with --expose-gc) returns a complete, self-consistent record; the targets
 * of issue 8 are judged as documented in docs/performance.md; options are validated with clear
 * messages. No timing is asserted (figures depend on the machine) — only shapes and logic.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { configFor, SyntheticOrg } from '../../scripts/bench/generator';
import { parseArgs, runBench } from '../../scripts/bench/harness';
import { distribution, median, shuffledIndexes, type EngineMeasurement } from '../../scripts/bench/measure';
import { RandomStream } from '../../scripts/bench/random';
import { isEngine, isWhoCanSee, judgeTargets, renderTable, type BenchResults, type SizeResult } from '../../scripts/bench/report';
import type { CollectorMeasurement } from '../../scripts/bench/collectorChild';
import { renderProfile, summariseProfile, type CpuProfile, type FunctionCost } from '../../scripts/bench/profileSummary';
import { ensureSnapshotFile, GENERATOR_VERSION } from '../../scripts/bench/snapshotFile';

const ROOT = resolve(__dirname, '..', '..');

describe('runBench (smoke run at the tiny size, child processes as npm run bench starts them)', () => {
    let bin: string;
    let results: BenchResults;
    let result: EngineMeasurement;

    beforeAll(async () => {
        bin = mkdtempSync(join(tmpdir(), 'axr-bench-bin-'));
        await build({
            entryPoints: { child: join(ROOT, 'scripts', 'bench', 'child.ts') },
            outdir: bin,
            outExtension: { '.js': '.mjs' },
            bundle: true,
            platform: 'node',
            format: 'esm',
            target: 'node22',
            packages: 'external',
            logLevel: 'silent'
        });
        const options = { ...parseArgs(['--sizes', 'tiny', '--pairs', '60', '--no-collector']) };
        results = await runBench(ROOT, bin, options, () => undefined);
        const engine = results.sizes[0]?.engine;
        if (!engine || !isEngine(engine)) throw new Error(`engine run failed: ${JSON.stringify(engine)}`);
        result = engine;
    }, 120_000);

    afterAll(() => rmSync(bin, { recursive: true, force: true }));

    it('explains every pair without an error and counts each verdict once', () => {
        expect(results.sizes.map((x) => x.name)).toEqual(['tiny']);
        expect(result.explain.count).toBe(60);
        expect(result.explainErrors.count).toBe(0);
        expect(Object.values(result.verdicts).reduce((a, b) => a + b, 0)).toBe(60);
        // A uniform sample of a private-OWD org sees both granted and denied pairs.
        expect(result.verdicts.None ?? 0).toBeGreaterThan(0);
        expect(60 - (result.verdicts.None ?? 0)).toBeGreaterThan(0);
    });

    it('reports sizes, timings and heap figures that are consistent with each other', () => {
        expect(result.jsonBytes).toBe(Buffer.byteLength(JSON.stringify(new SyntheticOrg(configFor('tiny')).toSnapshot())));
        expect(result.rows.shareRows).toBe(2000);
        expect(result.rows.users).toBe(200);
        expect(result.parseRepeatsMs).toHaveLength(3);
        expect(result.parseMs).toBe(Math.min(...result.parseRepeatsMs));
        expect(result.loadToParseRatio).toBeCloseTo(result.loadMs / result.parseMs, 6);
        expect(result.explain.medianMs).toBeLessThanOrEqual(result.explain.p95Ms);
        expect(result.explain.p95Ms).toBeLessThanOrEqual(result.explain.maxMs);
        expect(result.cpu.explain.count).toBe(60);
        expect(result.cpu.loadToParseRatio).toBeCloseTo(result.cpu.loadMs / result.cpu.parseMs, 6);
        expect(result.heap.peakBytes).toBeGreaterThanOrEqual(result.heap.baselineBytes);
        expect(result.heap.peakToJsonRatio).toBeCloseTo(result.heap.peakOverBaselineBytes / result.jsonBytes, 6);
        expect(result.whoCanSee.records).toBe(0); // the engine figures are printed before who-can-see starts
    });

    it('runs who-can-see after the engine figures, on its own clock, and reports the collector as skipped', () => {
        const size = results.sizes[0] as SizeResult;
        expect(isWhoCanSee(size.whoCanSee)).toBe(true);
        if (isWhoCanSee(size.whoCanSee)) {
            // A random record, then one of each record object (Account, Opportunity, Case, Project__c, Contact),
            // then the Project__c record again with the object's default Public Read Only.
            expect(size.whoCanSee.records).toBe(7);
            expect(size.whoCanSee.samples?.map((x) => x.object).slice(1)).toEqual(['Account', 'Opportunity', 'Case', 'Project__c', 'Contact', 'Project__c (Public Read Only)']);
            // Under Public Read Only every active user with Read on Project__c can see it: more than under Private.
            const [priv, pub] = [size.whoCanSee.samples?.[4], size.whoCanSee.samples?.[6]];
            expect(pub?.recordId).toBe(priv?.recordId);
            expect(pub?.users ?? 0).toBeGreaterThan(priv?.users ?? 0);
            expect(size.whoCanSee.usersWithAccess[0]).toBeGreaterThan(0);
            expect(size.whoCanSee.firstCpuMs).toBeGreaterThan(0);
            expect(size.whoCanSee.samples?.[0]?.cpuMs).toBe(size.whoCanSee.firstCpuMs);
        }
        expect(size.collector).toEqual({ notMeasured: 'skipped (--no-collector)' });
        expect(results.targets.map((t) => t.id)).toContain('load-vs-parse');
        expect('error' in results.engineBundle).toBe(false);
    });

    it('a child given a snapshot with nothing to explain fails with a message naming what is missing', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-bench-empty-'));
        try {
            const file = join(dir, 'empty.json');
            writeFileSync(file, JSON.stringify({ schemaVersion: 1, meta: { collectedAt: '2026-11-23T12:00:00.000Z', source: 'synthetic' }, tables: { User: [] } }));
            const { spawnSync } = await import('node:child_process');
            const res = spawnSync(process.execPath, ['--expose-gc', join(bin, 'child.mjs'), '--snapshot', file], { encoding: 'utf8' });
            expect(res.status).toBe(1);
            expect(res.stderr).toMatch(/bench child: the snapshot has 0 users and 0 records/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('statistics', () => {
    it('median and p95 follow the nearest-rank definition', () => {
        expect(median([3, 1, 2])).toBe(2);
        expect(median([4, 1, 2, 3])).toBe(2.5);
        const d = distribution(Array.from({ length: 100 }, (_, i) => i + 1));
        expect(d.p95Ms).toBe(95);
        expect(d.maxMs).toBe(100);
        expect(d.count).toBe(100);
    });

    it('users are taken in a seeded order without replacement, so no measured explanation asks about a user explained before', () => {
        const a = shuffledIndexes(1000, new RandomStream(20261123, 'bench.pairs'));
        expect(new Set(a).size).toBe(1000);
        expect([...a].every((i) => i >= 0 && i < 1000)).toBe(true);
        expect([...a]).toEqual([...shuffledIndexes(1000, new RandomStream(20261123, 'bench.pairs'))]);
        expect([...a]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
    });
});

function engineResult(over: Partial<EngineMeasurement>): EngineMeasurement {
    return {
        jsonBytes: 1_000_000,
        readMs: 1,
        parseMs: 10,
        loadMs: 20,
        parseRepeatsMs: [10],
        loadRepeatsMs: [20],
        loadToParseRatio: 2,
        rows: { total: 1, users: 1, shareRows: 1, records: 1 },
        firstExplainMs: 1,
        explain: { count: 1000, medianMs: 1, p95Ms: 2, maxMs: 3, meanMs: 1 },
        explainErrors: { count: 0 },
        verdicts: { Read: 1000 },
        uncertainExplanations: 0,
        whoCanSee: { records: 0, firstMs: 0, medianMs: 0, maxMs: 0, usersWithAccess: [], skipped: 0 },
        cpu: { parseMs: 10, loadMs: 20, loadToParseRatio: 2, explain: { count: 1000, medianMs: 1, p95Ms: 2, maxMs: 3, meanMs: 1 }, whoCanSeeFirstMs: 0 },
        loadAverage: { start: 1, end: 1, cores: 2 },
        heap: { baselineBytes: 0, peakBytes: 3_000_000, peakOverBaselineBytes: 3_000_000, retainedAfterLoadBytes: 0, retainedAfterRunBytes: 0, peakToJsonRatio: 3, peakAt: 'loadSnapshot' },
        ...over
    };
}

function cpuWith(explainMedianMs: number): EngineMeasurement['cpu'] {
    return { parseMs: 10, loadMs: 20, loadToParseRatio: 2, explain: { count: 1000, medianMs: explainMedianMs, p95Ms: explainMedianMs, maxMs: explainMedianMs, meanMs: explainMedianMs }, whoCanSeeFirstMs: 0 };
}

function collectorResult(requests: [number, number], rows = 100, over: Partial<CollectorMeasurement> = {}): CollectorMeasurement {
    const r = { min: requests[0], max: requests[1] };
    return {
        pairs: [],
        byObject: { Case: { requests: r, queries: r, rows: { min: rows, max: rows } } },
        requestsPerExplanation: r,
        requestsMedian: requests[0],
        queriesPerExplanation: r,
        rowsPerExplanation: { min: rows, max: rows, mean: rows, median: rows },
        bytesPerExplanation: { min: rows * 300, max: rows * 300, median: rows * 300 },
        truncatedTables: [],
        errors: 0,
        ...over
    };
}

function size(name: string, users: number, shareRows: number, engineOver: Partial<EngineMeasurement>, extra: Partial<SizeResult> = {}): SizeResult {
    return {
        name,
        users,
        shareRows,
        snapshot: { file: `${name}.json`, bytes: 1_000_000, generateSeconds: 0, cached: true },
        engine: engineResult(engineOver),
        whoCanSee: { records: 1, firstMs: 500, firstCpuMs: 500, medianMs: 500, maxMs: 500, usersWithAccess: [10] },
        collector: collectorResult([20, 22]),
        ...extra
    };
}

const status = (sizes: SizeResult[], id: string): string | undefined => judgeTargets(sizes).find((t) => t.id === id)?.status;

describe('judgeTargets (issue 8 targets, reported never asserted)', () => {
    it('explain median: ≤ 1 ms at 1 M share rows and ≤ 1.5× the 10 k value; a miss carries the profile', () => {
        const flat = [size('small', 1000, 10_000, { cpu: cpuWith(0.6) }), size('large', 100_000, 1_000_000, { cpu: cpuWith(0.8) })];
        expect(status(flat, 'explain-median-1m')).toBe('met');
        expect(status(flat, 'explain-flat')).toBe('met');
        const explainProfile = { phase: 'explain', top: [{ name: 'evaluateSharingRules', file: 'layersSharing.ts', line: 1, selfMs: 1, inclusiveMs: 9, inclusivePercent: 50 }] };
        const steep = [size('small', 1000, 10_000, { cpu: cpuWith(0.5) }), size('large', 100_000, 1_000_000, { cpu: cpuWith(1.2), explainProfile })];
        expect(status(steep, 'explain-median-1m')).toBe('missed');
        expect(status(steep, 'explain-flat')).toBe('missed');
        expect(judgeTargets(steep).find((t) => t.id === 'explain-median-1m')?.profile).toEqual(explainProfile);
        expect(status([steep[0] as SizeResult], 'explain-median-1m')).toBe('not measured');
    });

    it('load ≤ 3× parse at the largest size, memory ≤ 4× JSON at 10 k users (other sizes noted)', () => {
        expect(status([size('a', 1000, 10_000, {}), size('b', 10_000, 100_000, {})], 'load-vs-parse')).toBe('met');
        expect(status([size('a', 1000, 10_000, {}), size('b', 10_000, 100_000, { cpu: { ...cpuWith(1), loadToParseRatio: 3.2 } })], 'load-vs-parse')).toBe('missed');
        const slowSmall = judgeTargets([size('a', 1000, 10_000, { cpu: { ...cpuWith(1), loadToParseRatio: 9 } }), size('b', 10_000, 100_000, {})]).find((x) => x.id === 'load-vs-parse');
        expect(slowSmall).toMatchObject({ status: 'met', note: 'smaller sizes: a 9.00×' });
        const heavy = engineResult({}).heap;
        expect(status([size('a', 1000, 10_000, {}), size('b', 10_000, 100_000, { heap: { ...heavy, peakToJsonRatio: 4.5 } })], 'memory')).toBe('missed');
        expect(status([size('a', 1000, 10_000, { heap: { ...heavy, peakToJsonRatio: 8 } }), size('b', 10_000, 100_000, {})], 'memory')).toBe('met');
        // Judged at 10 k users even when a larger size ran.
        expect(status([size('b', 10_000, 100_000, { heap: { ...heavy, peakToJsonRatio: 4.5 } }), size('c', 100_000, 1_000_000, {})], 'memory')).toBe('missed');
    });

    it('who-can-see: ≤ 300 ms over 10 k users and ≤ 1 s over 100 k users, judged on the slowest record; a miss carries the profile', () => {
        const sample = (object: string, cpuMs: number) => ({ recordId: `${object}1`, object, users: 100, cpuMs, wallMs: cpuMs });
        const run = (cpus: number[], profile?: { phase: string; top: never[] }) => ({
            whoCanSee: { records: cpus.length, firstMs: cpus[0] ?? 0, firstCpuMs: cpus[0] ?? 0, medianMs: 0, maxMs: 0, usersWithAccess: [], samples: cpus.map((c, i) => sample(`O${i}`, c)), ...(profile ? { profile } : {}) }
        });
        expect(status([size('medium', 10_000, 100_000, {}, run([100, 250]))], 'who-can-see-10k')).toBe('met');
        expect(status([size('medium', 10_000, 100_000, {}, run([100, 350], { phase: 'who-can-see', top: [] }))], 'who-can-see-10k')).toBe('missed');
        expect(judgeTargets([size('medium', 10_000, 100_000, {}, run([100, 350], { phase: 'who-can-see', top: [] }))]).find((t) => t.id === 'who-can-see-10k')?.profile?.phase).toBe('who-can-see');
        expect(status([size('large', 100_000, 1_000_000, {}, run([100, 900]))], 'who-can-see-100k')).toBe('met');
        expect(status([size('large', 100_000, 1_000_000, {}, run([100, 1200]))], 'who-can-see-100k')).toBe('missed');
        expect(status([size('large', 100_000, 1_000_000, {})], 'who-can-see-100k')).toBe('met');
        expect(status([size('large', 100_000, 1_000_000, {})], 'who-can-see-10k')).toBe('not measured');
        const stopped = size('large', 100_000, 1_000_000, {}, { whoCanSee: { timedOutAfterSeconds: 60, records: 0, firstMs: 0, firstCpuMs: 0, medianMs: 0, maxMs: 0, usersWithAccess: [] } });
        expect(status([stopped], 'who-can-see-100k')).toBe('missed');
        expect(judgeTargets([stopped]).find((t) => t.id === 'who-can-see-100k')?.actual).toBe('> 60 s (stopped)');
    });

    it('collector rows and requests per explanation: the median within 1.2× at every size; nothing cut and ≤ 1.5 MB of rows at the largest', () => {
        expect(status([size('a', 1000, 10_000, {}), size('b', 10_000, 100_000, {})], 'collector-constant')).toBe('met');
        const grown = size('b', 10_000, 100_000, {}, { collector: collectorResult([30, 40]) });
        expect(status([size('a', 1000, 10_000, {}), grown], 'collector-constant')).toBe('missed');
        const slightly = size('b', 10_000, 100_000, {}, { collector: collectorResult([22, 40], 115) });
        expect(status([size('a', 1000, 10_000, {}), slightly], 'collector-constant')).toBe('met');
        expect(status([size('a', 1000, 10_000, {}), slightly], 'collector-rows-constant')).toBe('met');
        const moreRows = size('b', 10_000, 100_000, {}, { collector: collectorResult([20, 22], 130) });
        expect(status([size('a', 1000, 10_000, {}), moreRows], 'collector-rows-constant')).toBe('missed');
        const cut = size('b', 10_000, 100_000, {}, { collector: collectorResult([20, 22], 100, { truncatedTables: ['groupMembersBelow'] }) });
        expect(status([size('a', 1000, 10_000, {}), cut], 'collector-complete')).toBe('missed');
        const heavy = size('b', 10_000, 100_000, {}, { collector: collectorResult([20, 22], 100, { bytesPerExplanation: { min: 1, max: 2_000_000, median: 1 } }) });
        expect(status([size('a', 1000, 10_000, {}), heavy], 'collector-heap')).toBe('missed');
        expect(status([size('a', 1000, 10_000, {}), size('b', 10_000, 100_000, {})], 'collector-heap')).toBe('met');
        const absent = size('b', 10_000, 100_000, {}, { collector: { notMeasured: 'the CLI collector does not exist yet' } });
        expect(judgeTargets([absent]).find((t) => t.id === 'collector-constant')).toMatchObject({ status: 'not measured', note: 'the CLI collector does not exist yet' });
    });

    it('renders a table with every size and every target', () => {
        const sizes = [size('small', 1000, 10_000, {}), size('large', 100_000, 1_000_000, {})];
        const results: BenchResults = {
            generatedAt: '2026-11-23T18:00:00.000Z',
            machine: { cpus: 2, cpuModel: 'test', memoryGiB: 24, node: 'v22', v8: '12', platform: 'linux x64' },
            seed: 1,
            pairs: 1000,
            engineBundle: { file: 'engine.ts', minifiedBytes: 131072, gzipBytes: 40960 },
            e2e: null,
            sizes,
            targets: judgeTargets(sizes)
        };
        const table = renderTable(results);
        expect(table).toMatch(/^size +users +shares/m);
        expect(table).toContain('large');
        expect(table).toContain('minified): 128.0 KiB, gzipped 40.0 KiB');
        for (const t of results.targets) expect(table).toContain(t.description);
    });
});

describe('parseArgs', () => {
    it('defaults to small, medium and large with 1 000 pairs', () => {
        expect(parseArgs([])).toMatchObject({ sizes: ['small', 'medium', 'large'], pairs: 1000, json: false, collector: true });
        expect(parseArgs(['--json', '--sizes', 'tiny,small', '--pairs', '50'])).toMatchObject({ sizes: ['tiny', 'small'], pairs: 50, json: true });
    });

    it('rejects unknown sizes and options with a message saying what is allowed', () => {
        expect(() => parseArgs(['--sizes', 'huge'])).toThrow(/unknown size huge: choose from tiny, small, medium, large/);
        expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
        expect(() => parseArgs(['--pairs', '0'])).toThrow(/--pairs must be an integer ≥ 1/);
        expect(() => parseArgs(['--seed'])).toThrow(/--seed needs a value/);
    });
});

describe('summariseProfile (V8 .cpuprofile: nodes, samples, timeDeltas in µs)', () => {
    it('counts self time at the leaf and inclusive time once per function on the stack, recursion included', () => {
        const frame = (functionName: string): { functionName: string; url: string; lineNumber: number } => ({ functionName, url: 'file:///x/child.mjs', lineNumber: 9 });
        // (root) → explain → rules → rules (recursive) ; explain → byId
        const profile: CpuProfile = {
            nodes: [
                { id: 1, callFrame: frame('(root)'), children: [2] },
                { id: 2, callFrame: frame('explain'), children: [3, 5] },
                { id: 3, callFrame: frame('rules'), children: [4] },
                { id: 4, callFrame: { ...frame('rules') }, children: [] },
                { id: 5, callFrame: frame('byId'), children: [] }
            ],
            samples: [4, 4, 5, 2],
            timeDeltas: [1000, 1000, 2000, 1000]
        };
        const top = summariseProfile(profile, 10);
        const by = (name: string): FunctionCost | undefined => top.find((c) => c.name === name);
        expect(by('explain')).toMatchObject({ inclusiveMs: 5, selfMs: 1, inclusivePercent: 100, file: 'child.mjs', line: 10 });
        expect(by('rules')).toMatchObject({ inclusiveMs: 2, selfMs: 2 });
        expect(by('byId')).toMatchObject({ inclusiveMs: 2, selfMs: 2, inclusivePercent: 40 });
        expect(top.some((c) => c.name === '(root)')).toBe(false);
        expect(renderProfile(top).split('\n')[0]).toMatch(/^\s+5 ms\s+100\.0 %\s+self\s+1 ms\s+explain \(child\.mjs:10\)$/);
    });

    it('within the engine entry: the harness and profiler frames above it are left out, the garbage collector kept', () => {
        const frame = (functionName: string): { functionName: string; url: string; lineNumber: number } => ({ functionName, url: 'file:///x/child.mjs', lineNumber: 0 });
        // (root) → measureEngine → explain → rules ; (root) → post (the profiler) ; (root) → (garbage collector)
        const profile: CpuProfile = {
            nodes: [
                { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
                { id: 2, callFrame: frame('measureEngine'), children: [3] },
                { id: 3, callFrame: frame('explain'), children: [4] },
                { id: 4, callFrame: frame('rules'), children: [] },
                { id: 5, callFrame: frame('post'), children: [] },
                { id: 6, callFrame: frame('(garbage collector)'), children: [] }
            ],
            samples: [4, 4, 5, 6],
            timeDeltas: [1000, 1000, 5000, 2000]
        };
        const names = summariseProfile(profile, 10, ['explain'])
            .map((c) => [c.name, c.inclusivePercent])
            .sort();
        expect(names).toEqual([
            ['(garbage collector)', 50],
            ['explain', 50],
            ['rules', 50]
        ]);
    });
});

describe('ensureSnapshotFile (cache under .build/bench)', () => {
    it('generates once, then reuses the file whose name holds the configuration and generator version', () => {
        const root = mkdtempSync(join(tmpdir(), 'axr-bench-cache-'));
        try {
            const config = configFor('tiny', { seed: 99 });
            const first = ensureSnapshotFile(root, 'tiny', config);
            const second = ensureSnapshotFile(root, 'tiny', config);
            expect(first.cached).toBe(false);
            expect(second).toMatchObject({ cached: true, path: first.path, bytes: first.bytes });
            expect(first.path).toContain(`-g${GENERATOR_VERSION}-200u-2000s-seed99`);
            expect(ensureSnapshotFile(root, 'tiny', { ...config, seed: 100 }).path).not.toBe(first.path);
            expect(ensureSnapshotFile(root, 'tiny', config, true).cached).toBe(false);
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });
});
