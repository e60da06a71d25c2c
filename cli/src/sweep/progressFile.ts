/**
 * The sweep's progress file (`--resume <file>`): the plan (seed, sample, strata, the pairs
 * drawn) and every pair's result so far, rewritten atomically after each collection. Run the
 * same command with the same file to continue an interrupted sweep: the sample is not drawn
 * again, finished pairs are not evaluated again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors';
import { writeAtomically } from '../files';
import type { PairResult } from './classify';
import type { SweepPlan, SweepPlanInput } from './sweep';

export const PROGRESS_KIND = 'access-xray sweep progress';

export interface SweepProgress {
    kind: typeof PROGRESS_KIND;
    version: 1;
    plan: SweepPlan;
    results: Record<string, PairResult>;
    updatedAt: string;
}

export function readProgress(path: string): SweepProgress | undefined {
    if (!existsSync(path)) return undefined;
    let raw: unknown;
    try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
        throw new InputError(
            `The progress file ${path} is not valid JSON: ${(err as Error).message.split('\n')[0]}`,
            ['Give a new file name to --resume to start a new sweep.'],
            'BadProgressFile'
        );
    }
    const p = raw as Partial<SweepProgress>;
    if (p.kind !== PROGRESS_KIND || p.version !== 1 || !p.plan || !Array.isArray(p.plan.pairs) || typeof p.results !== 'object') {
        throw new InputError(
            `${path} is not a sweep progress file (it has no "kind": "${PROGRESS_KIND}").`,
            ['Give a new file name to --resume to start a new sweep.'],
            'BadProgressFile'
        );
    }
    return p as SweepProgress;
}

export function writeProgress(path: string, plan: SweepPlan, results: Record<string, PairResult>): void {
    const progress: SweepProgress = { kind: PROGRESS_KIND, version: 1, plan, results, updatedAt: new Date().toISOString() };
    writeAtomically(path, `${JSON.stringify(progress, null, 2)}\n`);
}

/** A progress file continues only the sweep it was made for: same source, no conflicting flags. */
export function checkResumable(
    progress: SweepProgress,
    path: string,
    source: SweepPlan['source'],
    given: Partial<SweepPlanInput>
): void {
    const p = progress.plan;
    const sameSource =
        p.source.kind === source.kind &&
        (p.source.kind === 'snapshot'
            ? source.kind === 'snapshot' && p.source.path === source.path
            : source.kind === 'org' && p.source.orgId.slice(0, 15) === source.orgId.slice(0, 15));
    if (!sameSource) {
        const was = p.source.kind === 'snapshot' ? `the snapshot ${p.source.path}` : `the org ${p.source.label} (${p.source.orgId})`;
        throw new InputError(`${path} is the progress of a sweep of ${was}, not of this one.`, ['Give a new file name to --resume to start a new sweep.'], 'BadProgressFile');
    }
    const conflicts: string[] = [];
    if (given.seed !== undefined && given.seed !== p.seed) conflicts.push(`--seed ${p.seed}`);
    if (given.sample !== undefined && given.sample !== p.sample) conflicts.push(`--sample ${p.sample}`);
    if (conflicts.length)
        throw new InputError(
            `${path} continues a sweep started with ${conflicts.join(' and ')}.`,
            ['Leave those flags out (or give the same values) to resume it, or give a new file name to start a new sweep.'],
            'BadProgressFile'
        );
}
