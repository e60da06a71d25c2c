/**
 * One benchmark size in its own process (started by ./harness.ts with `--expose-gc`):
 * reads the snapshot file, runs ./measure.ts against the engine and prints the engine figures as
 * one JSON line prefixed with `BENCH_RESULT ` on stdout, then who-can-see's on a line prefixed
 * with `BENCH_WHO_CAN_SEE `.
 * Usage: node --expose-gc child.mjs --snapshot <file> [--pairs 1000] [--warmup 100] [--repeats 3]
 *        [--who-can-see 3] [--who-can-see-budget 120] [--explain-budget 150] [--seed N]
 */
import { readFileSync } from 'node:fs';
import * as engine from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { measureEngine } from './measure';

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
        whoCanSeeRecords: num(argv, '--who-can-see', 3),
        whoCanSeeBudgetSeconds: num(argv, '--who-can-see-budget', 120),
        explainBudgetSeconds: num(argv, '--explain-budget', 150),
        seed: num(argv, '--seed', 1),
        gc: gcFn,
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
