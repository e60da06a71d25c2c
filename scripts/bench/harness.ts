/**
 * `npm run bench [-- --json] [-- --sizes small,medium,large] [-- --seed N] [-- --pairs 1000]
 *  [-- --regenerate] [-- --no-collector] [-- --who-can-see-timeout 60] [-- --profile]`
 *
 * For each size: generate (or reuse from .build/bench/) the synthetic snapshot, then two
 * child processes, each with a fresh heap:
 *  1. engine (`--expose-gc`): JSON.parse vs loadSnapshot, explain latency over ≥ 1 000 random
 *     pairs, peak heap (./measure.ts);
 *  2. who-can-see for one record across all users, last in the same process: its clock starts
 *     when the engine figures arrive and the process is stopped after `--who-can-see-timeout`
 *     seconds (a slow who-can-see can't be interrupted from inside the process);
 * (with --profile, who-can-see gets a third process: a CPU profile is written only at exit);
 *  3. collector round trips per explanation against the CLI's fake org (./collectorChild.ts).
 * Then the LWC engine bundle size (esbuild, minified, gzipped) and the browser preview's
 * first-render metrics when artifacts/e2e/metrics.json exists. Writes
 * artifacts/bench/results.json and prints the table (or the JSON with --json).
 * Children are started by this process and killed by their own pid on timeout.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CollectorMeasurement } from './collectorChild';
import { BenchConfigError, configFor, DEFAULT_SEED, isSizeName, SIZES, type SizeName } from './generator';
import type { EngineMeasurement } from './measure';
import { EXPLAIN_MEDIAN_TARGET_MS, isEngine, judgeTargets, renderTable, whoCanSeeTargetMs, type BenchResults, type SizeResult, type WhoCanSeeRun } from './report';
import { addPanelFigure } from './panelRender';
import { renderProfile, summariseProfile, type CpuProfile } from './profileSummary';
import { ensureSnapshotFile } from './snapshotFile';

export interface BenchOptions {
    sizes: SizeName[];
    json: boolean;
    seed: number;
    pairs: number;
    regenerate: boolean;
    collector: boolean;
    whoCanSeeTimeoutSeconds: number;
    explainBudgetSeconds: number;
    collectorPairsPerObject: number;
    collectorTimeoutSeconds: number;
    /** Write a CPU profile of each engine run (node --cpu-prof) and summarise it. */
    profile: boolean;
}

export function parseArgs(argv: string[]): BenchOptions {
    const options: BenchOptions = {
        sizes: ['small', 'medium', 'large'],
        json: false,
        seed: DEFAULT_SEED,
        pairs: 1000,
        regenerate: false,
        collector: true,
        whoCanSeeTimeoutSeconds: 30,
        explainBudgetSeconds: 90,
        collectorPairsPerObject: 5,
        collectorTimeoutSeconds: 300,
        profile: false
    };
    const value = (i: number, flag: string): string => {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new BenchConfigError(`${flag} needs a value`);
        return v;
    };
    const count = (i: number, flag: string, min: number): number => {
        const n = Number(value(i, flag));
        if (!Number.isInteger(n) || n < min) throw new BenchConfigError(`${flag} must be an integer ≥ ${min}, got ${argv[i + 1]}`);
        return n;
    };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i] as string;
        switch (a) {
            case '--json':
                options.json = true;
                break;
            case '--regenerate':
                options.regenerate = true;
                break;
            case '--no-collector':
                options.collector = false;
                break;
            case '--profile':
                options.profile = true;
                break;
            case '--sizes': {
                const names = value(i++, a).split(',').map((s) => s.trim()).filter(Boolean);
                const bad = names.filter((n) => !isSizeName(n));
                if (bad.length || names.length === 0) {
                    throw new BenchConfigError(`unknown size ${bad.join(', ') || '(none)'}: choose from ${Object.keys(SIZES).join(', ')}`);
                }
                options.sizes = names as SizeName[];
                break;
            }
            case '--seed':
                options.seed = count(i++, a, 0);
                break;
            case '--pairs':
                options.pairs = count(i++, a, 1);
                break;
            case '--who-can-see-timeout':
                options.whoCanSeeTimeoutSeconds = count(i++, a, 1);
                break;
            case '--explain-budget':
                options.explainBudgetSeconds = count(i++, a, 1);
                break;
            case '--collector-pairs':
                options.collectorPairsPerObject = count(i++, a, 1);
                break;
            case '--collector-timeout':
                options.collectorTimeoutSeconds = count(i++, a, 1);
                break;
            default:
                throw new BenchConfigError(
                    `unknown option ${a}. Usage: npm run bench -- [--json] [--sizes ${Object.keys(SIZES).join(',')}] [--seed N] [--pairs N] [--regenerate] [--no-collector] [--who-can-see-timeout S] [--explain-budget S] [--collector-pairs N] [--collector-timeout S] [--profile]`
                );
        }
    }
    return options;
}

/**
 * Profile explanations at 1 M share rows when their median passes its target: 1 ms, or 1.5× the
 * median at the smallest size already measured in this run, whichever is lower.
 */
function explainProfileOver(measured: SizeResult[]): number {
    const smallest = measured.find((s) => isEngine(s.engine));
    const flat = smallest && isEngine(smallest.engine) ? 1.5 * smallest.engine.cpu.explain.medianMs : Infinity;
    return Math.min(EXPLAIN_MEDIAN_TARGET_MS, flat);
}

/** Who-can-see records per size: a random one, then one of each record object (measure.ts). */
const WHO_CAN_SEE_RECORDS = 6;

interface ChildOutcome {
    result?: unknown;
    /** The JSON after `BENCH_WHO_CAN_SEE ` (engine child with who-can-see). */
    whoCanSee?: unknown;
    error?: string;
    timedOut: boolean;
    seconds: number;
}

/**
 * Run a bundled child script; its result is the JSON after `BENCH_RESULT ` on stdout. With
 * `rearmSeconds`, the clock restarts when that line arrives: the child then has
 * `rearmSeconds` more (its who-can-see phase) before it is stopped.
 */
function runChild(
    script: string,
    args: string[],
    nodeFlags: string[],
    timeoutSeconds: number,
    log?: (line: string) => void,
    rearmSeconds?: number
): Promise<ChildOutcome> {
    return new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(process.execPath, [...nodeFlags, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        let rearmed = false;
        const stop = (): void => {
            timedOut = true;
            child.kill('SIGKILL');
        };
        let timer = setTimeout(stop, timeoutSeconds * 1000);
        child.stdout.on('data', (d: Buffer) => {
            stdout += d.toString();
            if (rearmSeconds !== undefined && !rearmed && stdout.includes('BENCH_RESULT ') && stdout.slice(stdout.indexOf('BENCH_RESULT ')).includes('\n')) {
                rearmed = true;
                clearTimeout(timer);
                timer = setTimeout(stop, rearmSeconds * 1000);
            }
        });
        child.stderr.on('data', (d: Buffer) => {
            const chunk = d.toString();
            stderr += chunk;
            if (log) for (const line of chunk.split('\n').filter(Boolean)) log(`          ${line.trim()}`);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            const seconds = (Date.now() - started) / 1000;
            const lines = stdout.split('\n');
            const line = lines.find((l) => l.startsWith('BENCH_RESULT '));
            const wcs = lines.find((l) => l.startsWith('BENCH_WHO_CAN_SEE '));
            if (line) {
                resolve({
                    result: JSON.parse(line.slice('BENCH_RESULT '.length)),
                    ...(wcs ? { whoCanSee: JSON.parse(wcs.slice('BENCH_WHO_CAN_SEE '.length)) } : {}),
                    timedOut,
                    seconds
                });
            } else if (timedOut) {
                resolve({ error: `stopped after ${timeoutSeconds} s`, timedOut, seconds });
            } else {
                const why = stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${String(code)}`;
                resolve({ error: why, timedOut, seconds });
            }
        });
    });
}

async function engineBundleSize(root: string): Promise<BenchResults['engineBundle']> {
    const entry = join(root, 'lwc-src', 'lwc', 'accessXrayEngine', 'accessXrayEngine.ts');
    if (!existsSync(entry)) return { error: `${relative(root, entry)} does not exist` };
    try {
        const { build } = await import('esbuild');
        const out = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2020', write: false, logLevel: 'silent' });
        const code = out.outputFiles[0]?.contents ?? new Uint8Array();
        return { file: relative(root, entry), minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
    } catch (err) {
        return { error: err instanceof Error ? err.message.split('\n')[0] ?? 'esbuild failed' : String(err) };
    }
}

function e2eMetrics(root: string): Record<string, unknown> | null {
    const file = join(root, 'artifacts', 'e2e', 'metrics.json');
    if (!existsSync(file)) return null;
    try {
        return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
        return { error: 'artifacts/e2e/metrics.json is not valid JSON' };
    }
}

/** Run the benchmark; returns the process exit code. */
export async function runBench(root: string, binDir: string, options: BenchOptions, log: (line: string) => void): Promise<BenchResults> {
    const sizes: SizeResult[] = [];
    for (const name of options.sizes) {
        const config = configFor(name, { seed: options.seed });
        log(`[${name}] ${config.users} users, ${config.shareRows} share rows: snapshot…`);
        const file = ensureSnapshotFile(root, name, config, options.regenerate);
        log(`[${name}]   ${relative(root, file.path)} (${(file.bytes / 1048576).toFixed(1)} MB, ${file.cached ? 'cached' : `generated in ${file.seconds.toFixed(1)} s`})`);
        const big = file.bytes > 100 * 1048576;
        const heapFlags = ['--expose-gc', `--max-old-space-size=${16 * 1024}`];

        log(`[${name}]   engine: parse, loadSnapshot, ${options.pairs} explanations…`);
        const profileDir = join(root, 'artifacts', 'bench', 'profiles', name);
        if (options.profile) {
            rmSync(profileDir, { recursive: true, force: true });
            mkdirSync(profileDir, { recursive: true });
        }
        // Who-can-see runs last in the same process (one read + parse + load per size), with its
        // own clock started when the engine figures arrive. A CPU profile is only written at a
        // normal exit, so with --profile who-can-see gets a process of its own.
        const combined = !options.profile;
        // A phase over its target is profiled again in the child, so a missed target comes with where the time went.
        const wcsTarget = whoCanSeeTargetMs(config.users);
        const profileOver = [
            ...(config.shareRows >= 1_000_000 ? ['--explain-profile-over-ms', String(explainProfileOver(sizes))] : []),
            ...(wcsTarget !== undefined ? ['--who-can-see-profile-over-ms', String(wcsTarget)] : [])
        ];
        const engineRun = await runChild(
            join(binDir, 'child.mjs'),
            [
                ...['--snapshot', file.path, '--pairs', String(options.pairs), '--warmup', '100', '--repeats', big ? '1' : '3'],
                ...['--who-can-see', combined ? String(WHO_CAN_SEE_RECORDS) : '0', '--seed', String(options.seed), '--explain-budget', String(options.explainBudgetSeconds)],
                ...profileOver
            ],
            options.profile ? [...heapFlags, '--cpu-prof', `--cpu-prof-dir=${profileDir}`] : heapFlags,
            options.explainBudgetSeconds + 240,
            log,
            combined ? options.whoCanSeeTimeoutSeconds : undefined
        );
        const engine = engineRun.result ? (engineRun.result as EngineMeasurement) : { error: engineRun.error ?? 'no result' };
        let profile: SizeResult['profile'];
        if (options.profile) {
            const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
            if (file) {
                const top = summariseProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile, 25);
                profile = { file: relative(root, join(profileDir, file)), top };
                log(`[${name}]   CPU profile ${profile.file} (inclusive time, top functions):\n${renderProfile(top)}`);
            }
        }

        let wcsRun = engineRun;
        if (!combined) {
            log(`[${name}]   who-can-see in its own process (stopped after ${options.whoCanSeeTimeoutSeconds} s)…`);
            wcsRun = await runChild(
                join(binDir, 'child.mjs'),
                ['--snapshot', file.path, '--pairs', '0', '--warmup', '0', '--repeats', '1', '--who-can-see', String(WHO_CAN_SEE_RECORDS), '--seed', String(options.seed), ...profileOver],
                heapFlags,
                options.explainBudgetSeconds + 240,
                log,
                options.whoCanSeeTimeoutSeconds
            );
        }
        let whoCanSee: SizeResult['whoCanSee'];
        if (wcsRun.whoCanSee) {
            const w = wcsRun.whoCanSee as WhoCanSeeRun;
            whoCanSee = {
                records: w.records,
                firstMs: w.firstMs,
                firstCpuMs: w.firstCpuMs,
                medianMs: w.medianMs,
                maxMs: w.maxMs,
                usersWithAccess: w.usersWithAccess,
                ...(w.samples ? { samples: w.samples } : {}),
                ...(w.profile ? { profile: w.profile } : {})
            };
        } else if (wcsRun.result && wcsRun.timedOut) {
            whoCanSee = { timedOutAfterSeconds: options.whoCanSeeTimeoutSeconds, records: 0, firstMs: 0, firstCpuMs: 0, medianMs: 0, maxMs: 0, usersWithAccess: [] } satisfies WhoCanSeeRun;
        } else {
            whoCanSee = { error: wcsRun.error ?? 'the child ended without who-can-see figures' };
        }

        let collector: SizeResult['collector'];
        if (!options.collector) {
            collector = { notMeasured: 'skipped (--no-collector)' };
        } else if (!existsSync(join(root, 'cli', 'src', 'collector.ts')) || !existsSync(join(root, 'cli', 'src', 'fakeOrg', 'server.ts'))) {
            collector = { notMeasured: 'the CLI collector or fake org (cli/src/collector.ts, cli/src/fakeOrg/server.ts) does not exist yet' };
        } else {
            log(`[${name}]   collector against the fake org (${options.collectorPairsPerObject} pair(s) per object)…`);
            const run = await runChild(
                join(binDir, 'collectorChild.mjs'),
                ['--snapshot', file.path, '--pairs', String(options.collectorPairsPerObject), '--seed', String(options.seed)],
                [`--max-old-space-size=${16 * 1024}`],
                options.collectorTimeoutSeconds
            );
            collector = run.result
                ? (run.result as CollectorMeasurement)
                : {
                      notMeasured: run.timedOut
                          ? `stopped after ${options.collectorTimeoutSeconds} s (--collector-timeout): the fake org answered too slowly at this size`
                          : `collector run failed: ${run.error ?? 'no result'}`
                  };
        }
        sizes.push({
            name,
            users: config.users,
            shareRows: config.shareRows,
            snapshot: { file: relative(root, file.path), bytes: file.bytes, generateSeconds: file.seconds, cached: file.cached },
            engine,
            whoCanSee,
            collector,
            ...(profile ? { profile } : {})
        });
    }
    const cpuList = cpus();
    return {
        generatedAt: new Date().toISOString(),
        machine: {
            cpus: cpuList.length,
            cpuModel: cpuList[0]?.model ?? 'unknown',
            memoryGiB: Math.round((totalmem() / 1073741824) * 10) / 10,
            node: process.version,
            v8: process.versions.v8,
            platform: `${process.platform} ${process.arch}`
        },
        seed: options.seed,
        pairs: options.pairs,
        engineBundle: await engineBundleSize(root),
        e2e: e2eMetrics(root),
        sizes,
        targets: judgeTargets(sizes)
    };
}

/** Entry used by scripts/bench.mjs. */
export async function main(root: string, binDir: string, argv: string[]): Promise<number> {
    let options: BenchOptions;
    try {
        options = parseArgs(argv);
    } catch (err) {
        process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
    }
    const started = Date.now();
    const log = (line: string): void => {
        process.stderr.write(`${line}\n`);
    };
    const results = await runBench(root, binDir, options, log);
    await addPanelFigure(root, results, log);
    const outDir = join(root, 'artifacts', 'bench');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    if (options.json) {
        process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    } else {
        process.stdout.write(`\n${renderTable(results)}\n\nResults: ${relative(root, join(outDir, 'results.json'))} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
    const failed = results.sizes.some((s) => 'error' in s.engine);
    return failed ? 1 : 0;
}
