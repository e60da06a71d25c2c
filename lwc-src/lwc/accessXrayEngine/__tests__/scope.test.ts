/**
 * meta.scope (docs/evidence-plan.md, scope.ts): a targeted snapshot answers only the questions
 * it was collected for, never concludes "not a member" from rows it didn't read, and says
 * blast-radius counts weren't counted; a snapshot without a scope (or `org`) behaves as before.
 * Fixture: tests/cli/fixtures/mini-org.snapshot.json (Fixture Co): Sam Sales owns case 00001001
 * and account Acme; the EMEA Sales group has a sharing-rule share on Acme giving its cases Read;
 * Mia Manager is in EMEA Sales and above Sam; Sue Support has nothing.
 */
import { explain } from '../explain';
import { ExplainError, SnapshotError } from '../errors';
import { loadSnapshot } from '../loadSnapshot';
import type { EvidenceScope, Snapshot } from '../types';
import { applyWhatIf, WhatIfError } from '../whatIf';
import { whoCanSee } from '../whoCanSee';
import fixture from '../../../../tests/cli/fixtures/mini-org.snapshot.json';

const SUE = '005000000000004AAA';
const MIA = '005000000000003AAA';
const SAM = '005000000000002AAA';
const CASE = '500000000000001AAA';
const ACME = '001000000000001AAA';

function snapshot(scope?: EvidenceScope): Snapshot {
    const s = JSON.parse(JSON.stringify(fixture)) as Snapshot;
    if (scope) s.meta.scope = scope;
    return s;
}

const pairs = (...p: [string, string][]): EvidenceScope => ({ kind: 'pairs', plan: 'explain/1', pairs: p.map(([userId, recordId]) => ({ userId, recordId })) });

function errorOf(fn: () => unknown): unknown {
    try {
        fn();
    } catch (e) {
        return e;
    }
    throw new Error('expected an error');
}

describe('explain on a pairs snapshot', () => {
    it('answers the pairs it covers, with the same verdict as the whole snapshot', () => {
        const scoped = explain(snapshot(pairs([SUE, CASE], [MIA, CASE])), { userId: MIA, recordId: CASE });
        const whole = explain(snapshot(), { userId: MIA, recordId: CASE });
        expect(scoped.access).toEqual(whole.access);
        expect(scoped.layers.map((l) => [l.id, l.status])).toEqual(whole.layers.map((l) => [l.id, l.status]));
        // 15-character ids in the scope or the request name the same pair.
        expect(() => explain(snapshot(pairs([SUE.slice(0, 15), CASE])), { userId: SUE, recordId: CASE.slice(0, 15) })).not.toThrow();
    });

    it('refuses another user or another record with ExplainError outOfScope, naming what the snapshot covers in plain words', () => {
        const err = errorOf(() => explain(snapshot(pairs([SUE, CASE])), { userId: MIA, recordId: CASE }));
        expect(err).toBeInstanceOf(ExplainError);
        expect(err).toMatchObject({ code: 'outOfScope' });
        const message = (err as Error).message;
        expect(message).toContain('explaining Sue Support on Case 00001001 only, not for Mia Manager on Case 00001001');
        expect(message).toContain(`access-xray collect --user ${MIA} --record ${CASE}`);
        expect(message).not.toMatch(/outOfScope|pairs|meta\.scope/);
        expect(errorOf(() => explain(snapshot(pairs([SUE, CASE])), { userId: SUE, recordId: ACME }))).toMatchObject({ code: 'outOfScope' });
    });

    it('a records scope covers any user of the snapshot on its records only', () => {
        const s = snapshot({ kind: 'records', plan: 'whoCanSee/1', recordIds: [CASE] });
        expect(() => explain(s, { userId: MIA, recordId: CASE })).not.toThrow();
        expect(errorOf(() => explain(s, { userId: MIA, recordId: ACME }))).toMatchObject({ code: 'outOfScope' });
    });

    it('a snapshot without scope, or with kind org, behaves exactly as before', () => {
        const before = explain(snapshot(), { userId: SUE, recordId: ACME });
        const org = explain(snapshot({ kind: 'org' }), { userId: SUE, recordId: ACME });
        expect(org).toEqual(before);
    });
});

describe('who-can-see and what-if on a pairs snapshot', () => {
    it('who-can-see says it needs the who-can-see evidence', () => {
        const err = errorOf(() => whoCanSee(snapshot(pairs([SUE, CASE])), CASE));
        expect(err).toMatchObject({ code: 'outOfScope', message: expect.stringContaining('Who can see a record needs the evidence of every user who could reach it') });
        expect(() => whoCanSee(snapshot(), CASE)).not.toThrow();
        expect(() => whoCanSee(snapshot({ kind: 'records', recordIds: [CASE] }), CASE)).not.toThrow();
        expect(errorOf(() => whoCanSee(snapshot({ kind: 'records', recordIds: [CASE] }), ACME))).toMatchObject({ code: 'outOfScope' });
    });

    it('what-if for a user of the scope works; for another user, or a share on another record, it is refused', () => {
        const s = snapshot(pairs([SUE, CASE]));
        const after = applyWhatIf(s, { kind: 'share', userId: SUE, recordId: CASE, level: 'Read' });
        expect(explain(after, { userId: SUE, recordId: CASE }).access.read).toBe(true);
        expect(() => applyWhatIf(s, { kind: 'addToGroup', userId: MIA, groupId: '00G000000000001AAA' })).toThrow(WhatIfError);
        expect(() => applyWhatIf(s, { kind: 'share', userId: SUE, recordId: ACME, level: 'Read' })).toThrow(/collected to explain user 005000000000004AAA on 500000000000001AAA only/);
    });
});

describe('caps reached and unreadable tables make the dependent layers uncertain, never "not a member"', () => {
    it('group nesting stopped short: the layers asking "is Sue in the group" become uncertain; the verdict is uncertain', () => {
        const s = snapshot({ ...pairs([SUE, CASE]), capsReached: [{ loop: 'groupNesting', limit: 20, reason: 'group memberships nest more than 20 levels up' }] });
        const e = explain(s, { userId: SUE, recordId: CASE });
        expect(e.uncertain).toBe(true);
        const rules = e.layers.find((l) => l.id === 'sharingRules');
        expect(rules?.status).toBe('uncertain');
        expect(rules?.reason).toContain('group memberships nest more than 20 levels up');
        // Layers that don't depend on group membership keep their status.
        expect(e.layers.find((l) => l.id === 'objectPermissions')?.status).toBe(explain(snapshot(), { userId: SUE, recordId: CASE }).layers.find((l) => l.id === 'objectPermissions')?.status);
        expect(e.access.read).toBe(false);
    });

    it('a layer that grants keeps its grant (the rows it rests on are real)', () => {
        const s = snapshot({ ...pairs([SAM, CASE]), capsReached: [{ loop: 'roleDepth', limit: 50, reason: 'role chains go more than 50 levels up' }] });
        const e = explain(s, { userId: SAM, recordId: CASE });
        expect(e.layers.find((l) => l.id === 'ownership')?.status).toBe('grants');
        expect(e.access.read).toBe(true);
    });

    it('a table the collector could not read (meta.unavailable) counts the same way on a targeted snapshot only', () => {
        const targeted = snapshot(pairs([SUE, CASE]));
        targeted.meta.unavailable = [{ table: 'GroupMember', reason: 'QUERY_TIMEOUT: Your query request was running for too long.' }];
        expect(explain(targeted, { userId: SUE, recordId: CASE }).layers.find((l) => l.id === 'sharingRules')).toMatchObject({ status: 'uncertain', reason: expect.stringContaining('GroupMember could not be read') });
        const whole = snapshot();
        whole.meta.unavailable = targeted.meta.unavailable;
        expect(explain(whole, { userId: SUE, recordId: CASE }).layers.find((l) => l.id === 'sharingRules')?.status).toBe('neutral');
    });

    it('parent-implicit children stopped short only concern accounts', () => {
        const caps: EvidenceScope['capsReached'] = [{ loop: 'accountChildren', limit: 200, reason: 'an account has more than 200 contacts' }];
        const onAccount = explain(snapshot({ ...pairs([SUE, ACME]), capsReached: caps }), { userId: SUE, recordId: ACME });
        expect(onAccount.layers.find((l) => l.id === 'implicitSharing')?.status).toBe('uncertain');
        const onCase = explain(snapshot({ ...pairs([SUE, CASE]), capsReached: caps }), { userId: SUE, recordId: CASE });
        expect(onCase.layers.find((l) => l.id === 'implicitSharing')?.status).not.toBe('uncertain');
    });
});

describe('blast radius on a targeted snapshot', () => {
    it('says counts that need the whole org were not counted, instead of counting the rows collected for one question', () => {
        const targeted = explain(snapshot(pairs([SUE, ACME])), { userId: SUE, recordId: ACME });
        const whole = explain(snapshot(), { userId: SUE, recordId: ACME });
        const blasts = (e: typeof whole): string[] => e.layers.flatMap((l) => l.nextSteps.map((s) => s.blastRadius ?? '')).filter(Boolean);
        expect(blasts(whole).join(' ')).toMatch(/\d+ (other )?\w+ record\(s\)|in this snapshot/);
        expect(blasts(targeted).join(' ')).not.toMatch(/in this snapshot|member\(s\) today/);
        expect(blasts(targeted).some((b) => b.includes('not counted: this snapshot holds only the evidence for this question'))).toBe(true);
    });
});

describe('meta.scope is validated when the snapshot is loaded', () => {
    it.each([
        [{ kind: 'everything' }, 'meta.scope.kind'],
        [{ kind: 'pairs' }, 'meta.scope.pairs'],
        [{ kind: 'pairs', pairs: [{ userId: 'Sue', recordId: CASE }] }, 'meta.scope.pairs[0].userId'],
        [{ kind: 'records', recordIds: [] }, 'meta.scope.recordIds'],
        [{ kind: 'pairs', pairs: [{ userId: SUE, recordId: CASE }], capsReached: [{ loop: 'roleDepth' }] }, 'meta.scope.capsReached[0]']
    ])('rejects %j at %s', (scope, path) => {
        const s = snapshot();
        (s.meta as { scope?: unknown }).scope = scope;
        const err = errorOf(() => loadSnapshot(s));
        expect(err).toBeInstanceOf(SnapshotError);
        expect((err as SnapshotError).path).toBe(path);
    });
});
