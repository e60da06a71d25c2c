/** @jest-environment node */
/**
 * The evidence plan as data (cli/src/collect/plan.ts) is the one both collectors follow
 * (docs/evidence-plan.md). These tests keep its exports in step — the JSON document and the
 * Apex constants the in-org collector reads are regenerated and compared with the committed
 * files (`npm run plan:apex` rewrites them) — and check the plan is well formed: every bind a
 * condition names is described, every loop is capped and reported under a name the engine
 * maps to the layers it makes uncertain, and the doc names every step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PLAN_ID, ROUNDS, STEPS } from '../../cli/src/collect/plan';
import { PLAN_APEX_PATH, PLAN_JSON_PATH, planJson } from '../../cli/src/collect/planExport';
import { WHO_CAN_SEE_PLAN_ID, WHO_CAN_SEE_ROUNDS, WHO_CAN_SEE_STEPS } from '../../cli/src/collect/planWhoCanSee';
import { ROOT } from './helpers/engine';

const ENGINE_LOOPS = [
    'parentDepth',
    'accountChildren',
    'contactUsers',
    'relatedAccounts',
    'recordShares',
    'teamMembers',
    'managerDepth',
    'groupMembersBelow',
    'roleDepth',
    'hierarchyDepth',
    'territoryDepth',
    'groupNesting',
    'permissionRows',
    'restrictionRules',
    'labels',
    'nextSteps'
];

describe('the evidence plan explain/1 (docs/evidence-plan.md)', () => {
    it('docs/evidence-plan.json is the plan as data (run npm run plan:apex after changing plan.ts)', () => {
        expect(readFileSync(join(ROOT, PLAN_JSON_PATH), 'utf8')).toBe(planJson());
    });

    it('the Apex constants AccessXRayEvidencePlan are generated from the same data (run npm run plan:apex after changing plan.ts)', () => {
        // The generator formats the class with prettier-plugin-apex (an ES module prettier can only load outside Jest) and
        // compares it with the committed file: --check exits 1 and names the file on drift.
        expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'evidence-plan.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
        const committed = readFileSync(join(ROOT, PLAN_APEX_PATH), 'utf8');
        for (const s of STEPS) {
            expect(committed).toContain(`'${s.id}'`);
        }
        expect(committed).toContain(`PLAN_ID = '${PLAN_ID}'`);
    });

    it('every step has a unique id, a known round, and only described :binds in its condition', () => {
        const ids = STEPS.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        const rounds = new Set(ROUNDS.map((r) => r.round));
        for (const s of STEPS) {
            expect(rounds.has(s.round)).toBe(true);
            const used = [...(s.where ?? '').matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1]);
            expect({ id: s.id, binds: [...new Set(used)].sort() }).toEqual({ id: s.id, binds: Object.keys(s.binds).sort() });
            // Bind-only conditions: no literal ids or user input (only the constant type and state lists the platform defines).
            expect(s.where ?? '').not.toMatch(/'(?=[a-zA-Z0-9]*\d)[a-zA-Z0-9]{15,18}'/);
        }
    });

    it('steps run in round order, and every loop and cap reports under a name the engine understands', () => {
        const order = STEPS.map((s) => s.round);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        for (const s of STEPS) {
            expect(s.cap).toBeGreaterThan(0);
            if (s.capLoop !== null) expect(ENGINE_LOOPS).toContain(s.capLoop);
            if (s.loop) {
                expect(ENGINE_LOOPS).toContain(s.loop.name);
                expect(s.loop.maxDepth).toBeGreaterThan(0);
            }
        }
    });

    it('docs/evidence-plan.md names every step', () => {
        const doc = readFileSync(join(ROOT, 'docs', 'evidence-plan.md'), 'utf8');
        for (const s of STEPS) expect(doc).toContain(`\`${s.id}\``);
    });
});

describe('the evidence plan whoCanSee/1 (docs/evidence-plan.md "whoCanSee/1")', () => {
    it('is exported with explain/1: the JSON document and the Apex constants hold every step', () => {
        const doc = JSON.parse(planJson()) as { whoCanSee: { plan: string; steps: { id: string }[] } };
        expect(doc.whoCanSee.plan).toBe(WHO_CAN_SEE_PLAN_ID);
        expect(doc.whoCanSee.steps.map((s) => s.id)).toEqual(WHO_CAN_SEE_STEPS.map((s) => s.id));
        const committed = readFileSync(join(ROOT, PLAN_APEX_PATH), 'utf8');
        expect(committed).toContain(`WHO_CAN_SEE_PLAN_ID = '${WHO_CAN_SEE_PLAN_ID}'`);
        for (const s of WHO_CAN_SEE_STEPS) expect(committed).toContain(`'${s.id}'`);
    });

    it('every step has a unique id, a known round, only described :binds, and steps shared with explain/1 keep its query', () => {
        const ids = WHO_CAN_SEE_STEPS.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        const rounds = new Set(WHO_CAN_SEE_ROUNDS.map((r) => r.round));
        for (const s of WHO_CAN_SEE_STEPS) {
            expect(rounds.has(s.round)).toBe(true);
            const used = [...(s.where ?? '').matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1]);
            expect({ id: s.id, binds: [...new Set(used)].sort() }).toEqual({ id: s.id, binds: Object.keys(s.binds).sort() });
            const shared = STEPS.find((e) => e.id === s.id);
            if (shared) expect({ id: s.id, object: s.object, fields: s.fields, where: s.where }).toEqual({ id: s.id, object: shared.object, fields: shared.fields, where: shared.where });
            else expect(s.id).toMatch(/^wcs\./);
        }
    });

    it('steps run in round order; every loop and cap reports under a name the engine understands', () => {
        const order = WHO_CAN_SEE_STEPS.map((s) => s.round);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        for (const s of WHO_CAN_SEE_STEPS) {
            expect(s.cap).toBeGreaterThan(0);
            if (s.capLoop !== null) expect(ENGINE_LOOPS).toContain(s.capLoop);
            if (s.loop) expect(ENGINE_LOOPS).toContain(s.loop.name);
        }
    });

    it('reads nothing row by row that a public default reaches: user counts are aggregates, and UserRecordAccess is not read', () => {
        expect(WHO_CAN_SEE_STEPS.some((s) => s.object === 'UserRecordAccess')).toBe(false);
        for (const s of WHO_CAN_SEE_STEPS.filter((x) => x.object === 'User' && !x.groupBy)) {
            // Every User step is bounded by the record's grants (ids, roles, accounts, contacts, managers, profiles holding View All Data, an all-users grantee,
            // the contacts, accounts and managers a sharing set's mapping names on the family's records).
            expect(s.where).toMatch(/:(peopleIds|contactIds|familyAccountIds|managerFrontier|memberRoleIds|memberUserIds|chainRoleIds|managerIds|holderProfileIds|subjectIds|userTypes|grantingProfileIds|setContactIds|managerContactIds)\b/);
        }
        const counts = WHO_CAN_SEE_STEPS.filter((s) => s.id.startsWith('wcs.public') && s.id.endsWith('Counts'));
        expect(counts.length).toBeGreaterThan(0);
        for (const s of counts) expect(s.groupBy?.length).toBeGreaterThan(0);
    });

    it('docs/evidence-plan.md names every step', () => {
        const doc = readFileSync(join(ROOT, 'docs', 'evidence-plan.md'), 'utf8');
        for (const s of WHO_CAN_SEE_STEPS) expect(doc).toContain(`\`${s.id}\``);
    });
});
