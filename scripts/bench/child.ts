/**
 * One benchmark size in its own process (started by ./harness.ts with `--expose-gc`):
 * reads the snapshot file, runs ./measure.ts against the engine and prints the engine figures as
 * one JSON line prefixed with `BENCH_RESULT ` on stdout, then who-can-see's on a line prefixed
 * with `BENCH_WHO_CAN_SEE `.
 * Usage: node --expose-gc child.mjs --snapshot <file> [--pairs 1000] [--warmup 100] [--repeats 3]
 *        [--who-can-see 6] [--who-can-see-budget 120] [--explain-budget 150] [--seed N]
 *        [--explain-profile-over-ms N] [--who-can-see-profile-over-ms N]
 * A phase over its `--…-profile-over-ms` is run again under the inspector's CPU profiler (in this
 * process, synchronously) and its most expensive functions come back with the figures.
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as engine from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { measureEngine, type PhaseProfile } from './measure';
import { summariseProfile, type CpuProfile } from './profileSummary';

export const RESULT_MARKER = 'BENCH_RESULT ';
export const WHO_CAN_SEE_MARKER = 'BENCH_WHO_CAN_SEE ';

function arg(argv: string[], name: string, fallback?: string): string {
    const i = argv.indexOf(name);
    const value = i >= 0 ? argv[i + 1] : fallback;
    if (value === undefined) throw new Error(`missing ${name}`);
    return value;
}

function num(argv: string[], name: string, fallback: number): number {
    const value = Number(arg(argv, name, String(fallback)));
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
    return value;
}

/** Runs `work` under the V8 CPU profiler (the in-process inspector answers synchronously). */
function profilePhase(phase: string, work: () => void): PhaseProfile {
    const session = new Session();
    session.connect();
    let profile: CpuProfile | null = null;
    try {
        session.post('Profiler.enable');
        session.post('Profiler.start');
        work();
        session.post('Profiler.stop', (err, result) => {
            if (!err) profile = (result as { profile: CpuProfile }).profile;
        });
    } finally {
        session.disconnect();
    }
    // Only the engine's own frames (under explain / whoCanSee) and the garbage collector count.
    return { phase, top: profile ? summariseProfile(profile, 15, phase.startsWith('explain') ? ['explain'] : ['whoCanSee']) : [] };
}

function optionalNum(argv: string[], name: string): number | undefined {
    return argv.includes(name) ? num(argv, name, 0) : undefined;
}

function main(argv: string[]): void {
    const file = arg(argv, '--snapshot');
    const gcFn = (globalThis as { gc?: () => void }).gc;
    if (!gcFn) throw new Error('run with node --expose-gc (heap figures need a full collection between phases)');
    // The engine figures are printed as soon as they are complete; who-can-see's follow on
    // their own line, so a harness that stops a slow who-can-see still has the rest.
    const result = measureEngine(engine, () => readFileSync(file, 'utf8'), {
        pairs: num(argv, '--pairs', 1000),
        warmup: num(argv, '--warmup', 100),
        repeats: num(argv, '--repeats', 3),
        whoCanSeeRecords: num(argv, '--who-can-see', 6),
        whoCanSeeBudgetSeconds: num(argv, '--who-can-see-budget', 120),
        explainBudgetSeconds: num(argv, '--explain-budget', 150),
        seed: num(argv, '--seed', 1),
        gc: gcFn,
        profile: profilePhase,
        ...(optionalNum(argv, '--explain-profile-over-ms') !== undefined ? { explainProfileOverMs: optionalNum(argv, '--explain-profile-over-ms') } : {}),
        ...(optionalNum(argv, '--who-can-see-profile-over-ms') !== undefined ? { whoCanSeeProfileOverMs: optionalNum(argv, '--who-can-see-profile-over-ms') } : {}),
        progress: (line) => process.stderr.write(`  ${line}\n`),
        beforeWhoCanSee: (partial) => process.stdout.write(`${RESULT_MARKER}${JSON.stringify(partial)}\n`)
    });
    process.stdout.write(`${WHO_CAN_SEE_MARKER}${JSON.stringify({ ...result.whoCanSee, firstCpuMs: result.cpu.whoCanSeeFirstMs })}\n`);
}

try {
    main(process.argv.slice(2));
} catch (err) {
    process.stderr.write(`bench child: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
}
