/** @jest-environment node */
/**
 * Contract between the evidence plan (cli/src/collect/plan.ts, docs/evidence-plan.md) and the
 * CLI collector: for every demo scenario served by the fake org, every query that reaches the
 * org is one the collector traced, and has the shape of its plan step — the step's object and
 * selected fields, and its condition with the bind lists filled in (a top-level OR alternative
 * whose list was empty left out). Steps run in the plan's round order, except the role chain a
 * boss group's role-and-subordinates check reads early (the same step, above.roles).
 *
 * The Metadata API calls of round 11 (SOAP, no SOQL) are traced apart and checked the same way: the calls on
 * the wire are the traced ones, of their step's type, at most ten names per readMetadata.
 *
 * The step sequence per scenario — step id, query shape (literals as ?), rows read — is kept in
 * tests/cli/fixtures/evidence-plan-traces.json, for the in-org collector to compare its fake
 * reader's queries with. Regenerate it with UPDATE_PLAN_TRACES=1 after a deliberate plan change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect } from '../../cli/src/collector';
import { startFakeOrg } from '../../cli/src/fakeOrg/server';
import { planStep, type PlanStep } from '../../cli/src/collect/plan';
import { shapeOf } from '../../cli/src/collect/soql';
import { shareTableInfo } from '../../lwc-src/lwc/accessXrayEngine/shareTables';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { ROOT } from './helpers/engine';
import { transportFor } from './helpers/miniOrg';

const TRACES = join(ROOT, 'tests', 'cli', 'fixtures', 'evidence-plan-traces.json');

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The conditions a step may send: its condition, or the same with empty OR alternatives left out. */
function allowedWheres(step: PlanStep): RegExp[] {
    if (step.where === null) return [];
    const alternatives = step.where.split(' OR ').length > 1 && !/\(.* OR .*\)/.test(step.where) ? step.where.split(' OR ') : [step.where];
    const out: RegExp[] = [];
    for (let mask = 1; mask < 1 << alternatives.length; mask++) {
        const kept = alternatives.filter((_, i) => mask & (1 << i)).join(' OR ');
        out.push(new RegExp(`^${escape(shapeOf(kept)).replace(/\\\{\w+\\\}/g, '\\w+')}$`));
    }
    return out;
}

function fieldsMatch(step: PlanStep, sent: string[]): boolean {
    if (!step.fields.some((f) => f.startsWith('{'))) return sent.join(', ') === step.fields.join(', ');
    // Placeholders ({AllScalarFields}, share columns, rule fields): Id first, then names; the fixed fields in their places.
    if (sent[0] !== 'Id' || !sent.every((f) => /^[A-Za-z_][\w.]*$/.test(f))) return false;
    const fixed = step.fields.filter((f) => !f.startsWith('{'));
    return fixed.every((f) => sent.includes(f));
}

function matchesStep(step: PlanStep, soql: string): boolean {
    const m = /^SELECT (.+?) FROM (\w+)(?: WHERE (.+))?$/s.exec(soql);
    if (!m) return false;
    const [, fields, object, where] = m;
    if (!step.object.startsWith('{') && object !== step.object) return false;
    if (!fieldsMatch(step, (fields as string).split(', '))) return false;
    if (step.where === null) return where === undefined;
    // A share table's record column is the one the engine's share-table mapping names.
    const share = step.object === '{ShareTable}' ? shareTableInfo(object as string) : null;
    if (step.object === '{ShareTable}' && (!share || !(where ?? '').startsWith(`${share.parentField} IN `))) return false;
    return where !== undefined && allowedWheres(step).some((re) => re.test(shapeOf(where)));
}

describe('evidence plan contract: the queries the CLI collector sends are the plan\u2019s', () => {
    it('for every demo scenario: each query on the wire is traced, has the shape of its step, and the steps follow the rounds', async () => {
        const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
        const { scenarios } = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.scenarios.json'), 'utf8')) as { scenarios: { key: string; userId: string; recordId: string }[] };
        const org = await startFakeOrg({ snapshot: demo });
        const traces: Record<string, { step: string; shape: string; rows: number }[]> = {};
        const metadata: Record<string, { step: string; call: string; type: string; names: number; components: number }[]> = {};
        const problems: string[] = [];
        try {
            for (const s of scenarios) {
                const before = org.requests.length;
                const { trace = [], metadataCalls: calls = [] } = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [s.userId], recordId: s.recordId });
                // Round 11 (Metadata API): each call is the step's type, at most ten names per readMetadata, after every query.
                const soap = org.requests.slice(before).filter((r) => r.soap !== undefined).map((r) => r.soap as string);
                const traced = calls.map((c) => `${c.call} ${c.type}${c.names.length ? ` ${c.names.join(',')}` : ''}`);
                if (JSON.stringify(soap) !== JSON.stringify(traced)) problems.push(`${s.key}: the Metadata API calls on the wire are not the traced ones`);
                for (const c of calls) {
                    const step = planStep(c.step);
                    if (step.api !== 'metadata' || c.type !== step.object || c.names.length > 10) problems.push(`${s.key}: ${c.step} made a call of another shape: ${c.call} ${c.type}`);
                }
                metadata[s.key] = calls.map((c) => ({ step: c.step, call: c.call, type: c.type, names: c.names.length, components: c.components }));
                const wire = org.requests.slice(before).filter((r) => r.soql !== undefined).map((r) => r.soql as string);
                if (JSON.stringify(wire) !== JSON.stringify(trace.map((t) => t.soql))) problems.push(`${s.key}: the queries on the wire are not the traced ones`);
                let round = 0;
                for (const t of trace) {
                    const step = planStep(t.step);
                    if (!matchesStep(step, t.soql)) problems.push(`${s.key}: ${t.step} sent a query of another shape: ${t.soql}`);
                    if (step.round < round && t.step !== 'above.roles') problems.push(`${s.key}: ${t.step} (round ${step.round}) ran after round ${round}`);
                    round = Math.max(round, step.round);
                }
                traces[s.key] = trace.map((t) => ({ step: t.step, shape: shapeOf(t.soql), rows: t.rows }));
            }
        } finally {
            await org.close();
        }
        expect(problems).toEqual([]);
        const text = `${JSON.stringify({ plan: 'explain/1', data: 'data/demo-org.snapshot.json', traces, metadata }, null, 1)}\n`;
        if (process.env.UPDATE_PLAN_TRACES === '1') writeFileSync(TRACES, text);
        expect(readFileSync(TRACES, 'utf8')).toBe(text);
    }, 120_000);

    it('a step sending another object, other fields or another condition does not pass the shape check', () => {
        const step = planStep('groups.membershipUp');
        expect(matchesStep(step, "SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE UserOrGroupId IN ('005000000000001AAA', '00G000000000001AAA')")).toBe(true);
        expect(matchesStep(step, 'SELECT Id, GroupId, UserOrGroupId FROM GroupMember')).toBe(false);
        expect(matchesStep(step, "SELECT Id, GroupId FROM GroupMember WHERE UserOrGroupId IN ('005000000000001AAA')")).toBe(false);
        expect(matchesStep(step, "SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE GroupId IN ('00G000000000001AAA')")).toBe(false);
        const subjects = planStep('subjects');
        expect(matchesStep(subjects, "SELECT Id, Name, Username, UserType, IsActive, ProfileId, Profile.Name, Profile.UserLicense.Name, UserRoleId, ContactId, AccountId, ManagerId FROM User WHERE Username IN ('a@b.c')")).toBe(true);
        const shares = planStep('records.shares');
        expect(matchesStep(shares, "SELECT Id, CaseId, UserOrGroupId, CaseAccessLevel, RowCause FROM CaseShare WHERE CaseId IN ('500000000000001AAA')")).toBe(true);
        expect(matchesStep(shares, "SELECT Id, CaseId, UserOrGroupId, CaseAccessLevel, RowCause FROM CaseShare WHERE UserOrGroupId IN ('005000000000001AAA')")).toBe(false);
    });
});
