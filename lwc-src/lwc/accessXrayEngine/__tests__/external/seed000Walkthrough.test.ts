/**
 * "Partner user at Acme can't see case 00001001" — the troubleshooting article of seed 000
 * ("Troubleshoot Missing Object or Record Access for Customer or Partner Users"), followed
 * step by step, in its order, against one explanation. Each step reads only what the
 * explanation (and who-can-see, for the Sharing Hierarchy step) says; the walkthrough stops
 * at the first step whose finding explains the missing access and names it.
 *
 * Scenario: the admin shared Acme's cases with the partner managers through a criteria
 * sharing rule targeting the *Portal Role* "Acme Corp Partner Manager" instead of
 * *Portal Role and Subordinates*, so Pat Partner (Partner User, below the manager) is left out.
 * Case 00001001's contact is Nora (not Pat), so "related cases" can't help either.
 */
import { explain, loadSnapshot, whoCanSee } from 'c/accessXrayEngine';
import type { Explanation, LayerResult } from 'c/accessXrayEngine';
import { acmeOrg } from './acmeOrg';

interface StepOutcome {
    step: number;
    title: string;
    verdict: 'continue' | 'stop';
    finding: string;
}

function layer(e: Explanation, id: LayerResult['id']): LayerResult {
    const found = e.layers.find((l) => l.id === id);
    if (!found) throw new Error(`layer ${id} missing`);
    return found;
}

function scenario(target: 'group.role.acmeManager' | 'group.roleSub.acmeManager' = 'group.role.acmeManager') {
    const org = acmeOrg();
    const caseId = org.ids['case.c1001'] as string;
    const managerGroup = org.ids[target] as string;
    org.setting('experienceCloud.grantSiteUsersAccessToRelatedCases', true);
    org.share('CaseShare', caseId, managerGroup, 'Edit', 'Rule');
    org.snapshot.metadata = {
        ...org.snapshot.metadata,
        SharingRules: [
            {
                object: 'Case',
                kind: 'criteria',
                fullName: 'Case.Acme_Cases_To_Partner_Managers',
                label: 'Acme cases to partner managers',
                accessLevel: 'Edit',
                sharedTo: { portalRole: 'acmeManager' },
                criteriaItems: [{ field: 'AccountId', operation: 'equals', value: org.ids['account.acme'] as string }]
            }
        ]
    };
    org.platform(org.ids['user.pat'] as string, caseId, 'None');
    return { org, snapshot: loadSnapshot(org.snapshot), caseId };
}

/** Seed 000, in order. Numbering follows the article's list (1 = licence review). */
function walk(e: Explanation, whoSees: string[]): StepOutcome[] {
    const out: StepOutcome[] = [];
    const push = (step: number, title: string, stop: boolean, finding: string): boolean => {
        out.push({ step, title, verdict: stop ? 'stop' : 'continue', finding });
        return stop;
    };
    const ec = layer(e, 'experienceCloud');
    if (push(1, "Review the objects available for the user's Experience Cloud license", ec.status === 'blocks', ec.reason)) return out;
    const op = layer(e, 'objectPermissions');
    if (push(2, 'Check object permissions', op.status === 'blocks', op.reason)) return out;
    const owd = layer(e, 'orgWideDefaults');
    const owdPublic = owd.status === 'grants';
    if (push(3, 'Check the external organization-wide default', owdPublic, owd.reason)) return out;
    if (push(4, 'Review who does have access (Sharing Hierarchy)', false, `users with access: ${whoSees.join(', ') || 'none'}`)) return out;
    const roles = layer(e, 'roleHierarchy');
    if (push(5, 'Check the user\'s (portal) role and the external account hierarchy', roles.status === 'uncertain', roles.reason)) return out;
    if (push(6, "Review the user's public groups", false, 'no public group of the user is a grantee on this record')) return out;
    const rules = layer(e, 'sharingRules');
    const ruleMissesUser = rules.status !== 'grants' && /none reaching/.test(rules.reason);
    if (push(7, 'Review sharing rules (Portal Roles, Portal Role and Subordinates, Roles Internal and Portal Subordinates)', ruleMissesUser, `${rules.reason} Next: ${rules.nextSteps.map((s) => s.action).join(' / ')}`)) return out;
    push(8, 'Review Experience Cloud-specific sharing features', ec.status === 'grants', ec.reason);
    return out;
}

describe('seed 000 walkthrough: partner user at Acme cannot see case 00001001', () => {
    const { org, snapshot, caseId } = scenario();
    const pat = org.ids['user.pat'] as string;
    const e = explain(snapshot, { userId: pat, recordId: caseId });
    const seeing = whoCanSee(snapshot, caseId).users.map((u) => u.userName);
    const steps = walk(e, seeing);

    test('the verdict: Pat Partner cannot read the case, and the platform agrees', () => {
        expect(e.access.read).toBe(false);
        expect(e.reconciliation.status).toBe('agrees');
    });

    test('steps 1–6 pass in order (licence allows Case, object Read, external OWD Private, roles and groups as expected)', () => {
        expect(steps.slice(0, 6).map((s) => [s.step, s.verdict])).toEqual([
            [1, 'continue'],
            [2, 'continue'],
            [3, 'continue'],
            [4, 'continue'],
            [5, 'continue'],
            [6, 'continue']
        ]);
        expect(steps[0]?.finding).toContain('Partner Community user');
        expect(steps[2]?.finding).toMatch(/external.*Private/);
    });

    test('step 4 (Sharing Hierarchy): the partner manager sees the case through the rule, Pat does not', () => {
        expect(seeing).toContain('Max Manager');
        expect(seeing).not.toContain('Pat Partner');
    });

    test('the walkthrough stops at step 7: the sharing rule targets the Portal Role, which leaves out the Partner User below it', () => {
        const last = steps[steps.length - 1];
        expect(last?.step).toBe(7);
        expect(last?.verdict).toBe('stop');
        expect(last?.finding).toContain('Acme cases to partner managers');
        expect(last?.finding).toContain('none reaching Pat Partner');
        const step = layer(e, 'sharingRules').nextSteps.find((s) => s.kind === 'changeRole');
        expect(step?.targetIds).toEqual([org.ids['role.acmeManager']]);
    });

    test('the Experience Cloud layer (step 8) is checked too and explains why related cases do not help', () => {
        const ec = layer(e, 'experienceCloud');
        expect(ec.status).toBe('neutral');
        expect(ec.reason).toContain('case contact Nora Notenabled is not Pat Partner');
        expect(e.settingsUsed.find((s) => s.key === 'experienceCloud.grantSiteUsersAccessToRelatedCases')?.setting.provenance).toBe('admin');
    });

    test('targeting Portal Role and Subordinates instead fixes it (the rule now reaches Pat)', () => {
        const fixed = scenario('group.roleSub.acmeManager');
        const after = explain(fixed.snapshot, { userId: pat, recordId: fixed.caseId });
        expect(after.access.read).toBe(true);
        expect(layer(after, 'sharingRules').status).toBe('grants');
    });
});
