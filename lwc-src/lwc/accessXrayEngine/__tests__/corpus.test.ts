/**
 * Conformance corpus runner: every case in corpus/internal/*.cases.ts is explained and
 * checked against its expected verdict, named layer and status. Each test name carries the
 * case's source (seed file or documentation title).
 */
import { explain } from 'c/accessXrayEngine';
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
        const e = explain(snapshot, { userId, recordId });
        const layer = e.layers.find((l) => l.id === c.expect.layer);
        const context = `${e.summary}\n${e.layers.map((l) => `${l.id}: ${l.status} — ${l.reason}`).join('\n')}`;
        expect({ max: e.maxAccessLevel, status: layer?.status, ctx: context }).toEqual({ max: c.expect.maxAccessLevel, status: c.expect.status, ctx: context });
        for (const op of OPERATIONS) {
            const want = c.expect.access?.[op];
            if (want !== undefined) {
                expect([op, e.access[op]]).toEqual([op, want]);
            }
        }
        if (c.expect.reasonIncludes) {
            expect(layer?.reason).toContain(c.expect.reasonIncludes);
        }
        for (const [id, status] of Object.entries(c.expect.alsoLayers ?? {})) {
            expect([id, e.layers.find((l) => l.id === id)?.status, context]).toEqual([id, status, context]);
        }
        if (c.expect.uncertain !== undefined) {
            expect([e.uncertain, e.uncertainties]).toEqual([c.expect.uncertain, c.expect.uncertain ? expect.any(Array) : []]);
        }
        if (c.expect.pathIncludes) {
            expect(e.paths.map((p) => p.summary).join('\n')).toContain(c.expect.pathIncludes);
        }
        if (c.expect.whyNot) {
            const w = e.whyNot.find((x) => x.operation === c.expect.whyNot?.operation);
            expect(w?.blockingLayer).toBe(c.expect.whyNot.layer);
        }
        if (c.expect.reconciliation) {
            expect(e.reconciliation.status).toBe(c.expect.reconciliation);
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
