/**
 * Conformance corpus runner: every case in corpus/internal/*.cases.ts is explained and
 * checked against its expected verdict, named layer and status. Each test name carries the
 * case's source (seed file or documentation title).
 */
import { explain, loadSnapshot, SnapshotError } from 'c/accessXrayEngine';
import type { CorpusCase } from './corpus/internal/corpusCase';
import { OPERATIONS } from '../types';
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, 'corpus', 'internal');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cases.ts')).sort();

const all: { file: string; c: CorpusCase }[] = [];
for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as { cases: CorpusCase[] };
    for (const c of mod.cases) {
        all.push({ file, c });
    }
}

describe('conformance corpus (internal users)', () => {
    it('has at least 60 cases, each with a source and a unique name', () => {
        expect(all.length).toBeGreaterThanOrEqual(60);
        const names = new Set(all.map((x) => x.c.name));
        expect(names.size).toBe(all.length);
        for (const { c } of all) {
            expect(c.source.trim().length).toBeGreaterThan(3);
        }
    });

    it.each(all.map(({ file, c }) => [`${file}: ${c.name} [${c.source}]`, c] as const))('%s', (_title, c) => {
        const { snapshot, userId, recordId } = c.build();
        if ('rejects' in c.expect) {
            const { path: jsonPath, problemIncludes } = c.expect.rejects;
            let error: unknown;
            try {
                loadSnapshot(snapshot);
            } catch (e) {
                error = e;
            }
            expect(error).toBeInstanceOf(SnapshotError);
            expect({ path: (error as SnapshotError).path, problem: (error as SnapshotError).problem }).toEqual({ path: jsonPath, problem: expect.stringContaining(problemIncludes) });
            return;
        }
        const want = c.expect;
        const e = explain(snapshot, { userId, recordId });
        const layer = e.layers.find((l) => l.id === want.layer);
        const context = `${e.summary}\n${e.layers.map((l) => `${l.id}: ${l.status} — ${l.reason}`).join('\n')}`;
        expect({ max: e.maxAccessLevel, status: layer?.status, ctx: context }).toEqual({ max: want.maxAccessLevel, status: want.status, ctx: context });
        for (const op of OPERATIONS) {
            const flag = want.access?.[op];
            if (flag !== undefined) {
                expect([op, e.access[op]]).toEqual([op, flag]);
            }
        }
        if (want.reasonIncludes) {
            expect(layer?.reason).toContain(want.reasonIncludes);
        }
        for (const [id, status] of Object.entries(want.alsoLayers ?? {})) {
            expect([id, e.layers.find((l) => l.id === id)?.status, context]).toEqual([id, status, context]);
        }
        if (want.uncertain !== undefined) {
            expect([e.uncertain, e.uncertainties]).toEqual([want.uncertain, want.uncertain ? expect.any(Array) : []]);
        }
        if (want.uncertaintyIncludes) {
            expect(e.uncertainties.join('\n')).toContain(want.uncertaintyIncludes);
        }
        if (want.pathIncludes) {
            expect(e.paths.map((p) => p.summary).join('\n')).toContain(want.pathIncludes);
        }
        if (want.whyNot) {
            const w = e.whyNot.find((x) => x.operation === want.whyNot?.operation);
            expect(w?.blockingLayer).toBe(want.whyNot.layer);
        }
        if (want.reconciliation) {
            expect(e.reconciliation.status).toBe(want.reconciliation);
        }
        if (want.nearMiss) {
            const op = want.nearMiss.operation ?? 'read';
            const w = e.whyNot.find((x) => x.operation === op);
            const n = w?.nearMiss;
            expect({ layer: n?.layer, stoppedBy: n?.stoppedBy, reason: w?.reason }).toEqual({
                layer: want.nearMiss.layer,
                stoppedBy: expect.stringContaining(want.nearMiss.stoppedByIncludes),
                // The why-not leads with the near miss: what came closest, then what stopped it.
                reason: expect.stringMatching(new RegExp(`^${escapeRegExp(capitalised(n?.mechanism ?? ''))}, but `))
            });
            if (want.nearMiss.fixIncludes) {
                expect(n?.fix?.action).toContain(want.nearMiss.fixIncludes);
            }
            if (op === 'read') {
                expect(e.nearMiss).toEqual(n);
            }
        }
        if (want.fix) {
            const w = e.whyNot.find((x) => x.operation === want.fix?.operation);
            if ('none' in want.fix) {
                expect(w?.cheapestFix).toBeUndefined();
            } else {
                for (const text of want.fix.includes) {
                    expect(w?.cheapestFix?.action).toContain(text);
                }
                for (const text of want.fix.excludes ?? []) {
                    expect(w?.cheapestFix?.action).not.toContain(text);
                }
                if (want.fix.blastRadiusIncludes) {
                    expect(w?.cheapestFix?.blastRadius).toContain(want.fix.blastRadiusIncludes);
                }
            }
        }
        if (want.summaryIncludes) {
            expect(e.summary).toContain(want.summaryIncludes);
        }
        // Every explanation lists all twelve layers, in order.
        expect(e.layers.map((l) => l.id)).toEqual([
            'objectPermissions',
            'orgWideDefaults',
            'ownership',
            'roleHierarchy',
            'sharingRules',
            'territories',
            'teams',
            'manualShares',
            'implicitSharing',
            'systemPermissions',
            'experienceCloud',
            'restrictionRules'
        ]);
    });
});

function capitalised(text: string): string {
    const t = text.replace(/\.$/, '');
    return `${t.charAt(0).toUpperCase()}${t.slice(1)}`;
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
