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
import { externalAccessChecklist } from '../../experienceCloudChecklist';
import { acmeOrg, sharingSet } from './acmeOrg';

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

describe('seed 000 walkthrough: partner user at Acme cannot see case 00001001', () => {
    const { org, snapshot, caseId } = scenario();
    const pat = org.ids['user.pat'] as string;
    const e = explain(snapshot, { userId: pat, recordId: caseId });
    const seeing = whoCanSee(snapshot, caseId).users.map((u) => u.userName);
    const checklist = externalAccessChecklist(e, seeing);
    const steps = checklist.steps;

    test('the verdict: Pat Partner cannot read the case, and the platform agrees', () => {
        expect(e.access.read).toBe(false);
        expect(e.reconciliation.status).toBe('agrees');
    });

    test('the checklist follows the article\'s 14 steps in order, and steps 1–6 pass (licence allows Case, object Read, external OWD Private, roles and groups as expected)', () => {
        expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
        expect(steps.slice(0, 6).map((s) => [s.step, s.verdict])).toEqual([
            [1, 'pass'],
            [2, 'pass'],
            [3, 'pass'],
            [4, 'pass'],
            [5, 'pass'],
            [6, 'pass']
        ]);
        expect(steps[0]?.finding).toContain('Partner Community user');
        expect(steps[2]?.finding).toMatch(/external.*Private/);
    });

    test('step 4 (Sharing Hierarchy): the partner manager sees the case through the rule, Pat does not', () => {
        expect(seeing).toContain('Max Manager');
        expect(seeing).not.toContain('Pat Partner');
    });

    test('the walkthrough stops at step 7: the sharing rule targets the Portal Role, which leaves out the Partner User below it', () => {
        expect(checklist.stopsAt).toBe(7);
        const seven = steps[6];
        expect(seven?.verdict).toBe('stop');
        expect(seven?.finding).toContain('none reaching Pat Partner');
        expect(seven?.fix?.kind).toBe('changeRole');
        expect(seven?.fix?.action).toContain('Acme cases to partner managers');
        expect(seven?.fix?.targetIds).toEqual([org.ids['role.acmeManager']]);
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
        const fixedChecklist = externalAccessChecklist(after);
        expect(fixedChecklist.stopsAt).toBeNull();
        expect(fixedChecklist.grantedAt).toBe(7);
    });
});

describe('seed 000 checklist stops at the step an expert would name', () => {
    function checklistFor(arrange: (org: ReturnType<typeof acmeOrg>) => void, userKey: string, recordKey: string) {
        const org = acmeOrg();
        arrange(org);
        const e = explain(loadSnapshot(org.snapshot), { userId: org.ids[userKey] as string, recordId: org.ids[recordKey] as string });
        return { e, checklist: externalAccessChecklist(e) };
    }

    test('step 1: a Customer Community user and an Opportunity (seed 000 first step: objects available for the licence)', () => {
        const { checklist } = checklistFor(() => undefined, 'user.hank', 'opportunity.acmeDeal');
        expect(checklist.stopsAt).toBe(1);
        expect(checklist.steps[0]?.fix?.action).toContain('licence that includes Opportunity');
    });

    test('step 2: no object Read (seed 000 step "Check if the user has the relevant object permissions")', () => {
        const { checklist } = checklistFor((org) => org.objectPerms('partner', 'Case', { read: false, edit: false }), 'user.pat', 'case.c1002');
        expect(checklist.stopsAt).toBe(2);
    });

    test('step 8: a high-volume user whose sharing set has no mapping for Case (seed 000 step 8: access mapping)', () => {
        const { checklist } = checklistFor((org) => {
            sharingSet(org, 'CC_Invoices', ['cc'], [{ accessLevel: 'Read', object: 'Invoice__c', objectField: 'Account__c', userField: 'Account' }]);
        }, 'user.hank', 'case.c2001');
        expect(checklist.stopsAt).toBe(8);
        expect(checklist.steps[7]?.fix?.kind).toBe('editSharingSet');
    });

    test('step 14: the related-cases setting is off for the case contact (seed 000 step 14, Digital Experiences settings)', () => {
        const { checklist } = checklistFor((org) => org.setting('experienceCloud.grantSiteUsersAccessToRelatedCases', false), 'user.pat', 'case.c1002');
        expect(checklist.stopsAt).toBe(14);
        expect(checklist.steps[13]?.fix?.kind).toBe('changeSetting');
    });

    test('step 14: a restriction rule hides a record every other layer grants (seed 000 steps 12 and 14)', () => {
        const { checklist } = checklistFor((org) => {
            org.add('Confidential_Doc__Share', { ParentId: org.ids['doc.secret'], UserOrGroupId: org.ids['user.pat'], AccessLevel: 'Read', RowCause: 'Manual' });
            org.snapshot.metadata = {
                ...org.snapshot.metadata,
                RestrictionRule: [
                    {
                        DeveloperName: 'Partners_See_Public_Docs',
                        EnforcementType: 'Restrict',
                        TargetEntity: 'Confidential_Doc__c',
                        UserCriteria: "$User.UserType = 'PowerPartner'",
                        RecordFilter: "Sensitivity__c = 'Public'",
                        IsActive: true
                    }
                ]
            };
        }, 'user.pat', 'doc.secret');
        expect(checklist.grantedAt).toBe(12);
        expect(checklist.stopsAt).toBe(14);
        expect(checklist.steps[13]?.finding).toContain('Partners_See_Public_Docs');
    });
});
