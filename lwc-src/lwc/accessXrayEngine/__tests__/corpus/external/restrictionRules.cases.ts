/**
 * Restriction and scoping rules (seed 000 steps 12 and 14; Restriction Rules Developer Guide
 * "Restriction Rules", "Considerations", "RestrictionRule"; Security guide "Create a
 * Restriction Rule"; Object Reference "UserRecordAccess": restriction rules are ignored).
 *
 * Base: Pat Partner has a manual Read share on both Confidential_Doc__c records, so every
 * other layer grants Read; the rule alone decides.
 */
import type { RestrictionRuleDefinition } from '../../../types';
import type { AcmeOrg } from '../../external/acmeOrg';
import type { ExternalCase } from './caseTypes';

const PARTNER_PUBLIC_ONLY: RestrictionRuleDefinition = {
    Id: '0RR000000000001AAA',
    DeveloperName: 'Partners_See_Public_Docs',
    MasterLabel: 'Partners see public docs',
    EnforcementType: 'Restrict',
    TargetEntity: 'Confidential_Doc__c',
    UserCriteria: "$User.UserType = 'PowerPartner'",
    RecordFilter: "Sensitivity__c = 'Public'",
    IsActive: true
};

function base(org: AcmeOrg, ...rules: RestrictionRuleDefinition[]): void {
    for (const doc of ['doc.public', 'doc.secret']) {
        for (const user of ['user.pat', 'user.olivia']) {
            org.add('Confidential_Doc__Share', { ParentId: org.ids[doc], UserOrGroupId: org.ids[user], AccessLevel: 'Read', RowCause: 'Manual' });
        }
    }
    org.snapshot.metadata = { ...(org.snapshot.metadata ?? {}), RestrictionRule: rules };
}

export const restrictionCases: ExternalCase[] = [
    {
        id: 'EXT-RR-01',
        title: 'Active rule applies to the partner user and the record fails its record criteria: blocked, rule named',
        source: 'seed 000 step 12 ("the rule\'s user criteria includes the user, but the record criteria isn\'t met"); Restriction Rules Developer Guide',
        arrange: (org) => base(org, PARTNER_PUBLIC_ONLY),
        user: 'user.pat',
        record: 'doc.secret',
        expect: {
            access: { read: false },
            layers: { manualShares: 'grants', restrictionRules: 'blocks' },
            reasons: { restrictionRules: ['"partners see public docs" (partners_see_public_docs)', "sensitivity__c is 'secret'", 'userrecordaccess ignores restriction rules'] }
        },
        check: (e) => {
            const step = e.layers.find((l) => l.id === 'restrictionRules')?.nextSteps[0];
            expect(step?.kind).toBe('editRestrictionRule');
            expect(step?.targetIds).toEqual(['0RR000000000001AAA']);
        }
    },
    {
        id: 'EXT-RR-02',
        title: 'The record meets the rule\'s record criteria: the rule does not block',
        source: 'Restriction Rules Developer Guide ("records … are filtered by criteria that you specify")',
        arrange: (org) => base(org, PARTNER_PUBLIC_ONLY),
        user: 'user.pat',
        record: 'doc.public',
        expect: { access: { read: true }, layers: { restrictionRules: 'neutral' }, reasons: { restrictionRules: ['meets its record criteria'] } }
    },
    {
        id: 'EXT-RR-03',
        title: 'User criteria do not match an internal user: the rule does not apply',
        source: 'Restriction Rules Developer Guide (userCriteria: "the users that this rule applies to")',
        arrange: (org) => base(org, PARTNER_PUBLIC_ONLY),
        user: 'user.olivia',
        record: 'doc.secret',
        expect: { access: { read: true }, layers: { restrictionRules: 'neutral' }, reasons: { restrictionRules: ["doesn't apply to olivia owner"] } }
    },
    {
        id: 'EXT-RR-04',
        title: 'View All on the object exempts the user from restriction rules',
        source: 'access-semantics.md §1/§13 (users with View All / Modify All on the object are not restricted)',
        arrange: (org) => {
            base(org, PARTNER_PUBLIC_ONLY);
            org.objectPerms('partner', 'Confidential_Doc__c', { viewAll: true });
        },
        user: 'user.pat',
        record: 'doc.secret',
        expect: { access: { read: true }, layers: { restrictionRules: 'neutral' }, reasons: { restrictionRules: ['exempt', 'view all on confidential_doc__c'] } }
    },
    {
        id: 'EXT-RR-05',
        title: 'View All Data exempts the user from restriction rules',
        source: 'access-semantics.md §13 (View All Data / Modify All Data are not restricted)',
        arrange: (org) => base(org, { ...PARTNER_PUBLIC_ONLY, UserCriteria: '$User.IsActive = true' }),
        user: 'user.ada',
        record: 'doc.secret',
        expect: { access: { read: true }, layers: { restrictionRules: 'neutral' }, reasons: { restrictionRules: ['view all data'] } }
    },
    {
        id: 'EXT-RR-06',
        title: 'A scoping rule is list-view scoping, never access',
        source: 'Restriction Rules Developer Guide, RestrictionRule (EnforcementType Scoping "controls the default records … without restricting access")',
        arrange: (org) => base(org, { ...PARTNER_PUBLIC_ONLY, DeveloperName: 'Partner_Default_View', MasterLabel: 'Partner default view', EnforcementType: 'Scoping' }),
        user: 'user.pat',
        record: 'doc.secret',
        expect: { access: { read: true }, layers: { restrictionRules: 'neutral' }, reasons: { restrictionRules: ['list-view scoping, never access'] } }
    },
    {
        id: 'EXT-RR-07',
        title: 'An inactive rule is ignored',
        source: 'Metadata API RestrictionRule (active: "Indicates whether the rule is active")',
        arrange: (org) => base(org, { ...PARTNER_PUBLIC_ONLY, IsActive: false }),
        user: 'user.pat',
        record: 'doc.secret',
        expect: { access: { read: true }, layers: { restrictionRules: 'neutral' }, reasons: { restrictionRules: ['inactive rule'] } }
    },
    {
        id: 'EXT-RR-08',
        title: 'Restriction rules not readable: the layer is uncertain and gives the setup step',
        source: 'Tooling API RestrictionRule (needs "View Restriction and Scoping Rules")',
        arrange: (org) => {
            base(org);
            delete org.snapshot.metadata?.RestrictionRule;
            org.snapshot.meta.unavailable = [{ table: 'RestrictionRule', reason: 'INSUFFICIENT_ACCESS: View Restriction and Scoping Rules is missing' }];
        },
        user: 'user.pat',
        record: 'doc.secret',
        expect: { access: { read: true }, uncertain: true, layers: { restrictionRules: 'uncertain' }, reasons: { restrictionRules: ['could not be read', 'view restriction and scoping rules'] } },
        check: (e) => {
            expect(e.layers.find((l) => l.id === 'restrictionRules')?.nextSteps[0]?.kind).toBe('collectEvidence');
        }
    },
    {
        id: 'EXT-RR-09',
        title: 'Restriction rules not collected at all (no metadata list): uncertain',
        source: 'access-semantics.md §13; missing evidence → uncertain (project rule)',
        arrange: (org) => {
            base(org);
            delete org.snapshot.metadata?.RestrictionRule;
        },
        user: 'user.pat',
        record: 'doc.secret',
        expect: { uncertain: true, layers: { restrictionRules: 'uncertain' }, reasons: { restrictionRules: ['were not collected'] } }
    },
    {
        id: 'EXT-RR-10',
        title: 'A malformed rule makes the layer uncertain, naming the rule and the column; nothing crashes',
        source: 'issue 10 (malformed rule → error naming the rule and position, layer uncertain)',
        arrange: (org) => base(org, { ...PARTNER_PUBLIC_ONLY, RecordFilter: "Sensitivity__c = 'Public" }),
        user: 'user.pat',
        record: 'doc.secret',
        expect: { uncertain: true, layers: { restrictionRules: 'uncertain' }, reasons: { restrictionRules: ['partners_see_public_docs', 'recordfilter is malformed at column 18', 'unterminated'] } }
    },
    {
        id: 'EXT-RR-11',
        title: 'UserRecordAccess grants Read but a restriction rule blocks it: reconciliation names the rule and the blind spot',
        source: 'Object Reference UserRecordAccess (does not consider restriction rules); access-semantics.md §13–14',
        arrange: (org) => {
            base(org, PARTNER_PUBLIC_ONLY);
            org.platform(org.ids['user.pat'] as string, org.ids['doc.secret'] as string, 'Read');
        },
        user: 'user.pat',
        record: 'doc.secret',
        expect: { access: { read: false }, layers: { restrictionRules: 'blocks' } },
        check: (e) => {
            expect(e.reconciliation.status).toBe('disagrees');
            expect(e.reconciliation.platform?.maxAccessLevel).toBe('Read');
            const text = e.reconciliation.explanations.join(' ');
            expect(text).toContain('UserRecordAccess ignores restriction rules');
            expect(text).toContain('Partners see public docs');
            // The disagreement is explained, so it is not an unexplained uncertainty.
            expect(e.uncertainties.some((u) => u.startsWith('Reconciliation'))).toBe(false);
        }
    },
    {
        id: 'EXT-RR-12',
        title: 'Two active rules apply and disagree: Salesforce observes only one, so the verdict is uncertain',
        source: 'Restriction Rules Developer Guide "Restriction Rules" ("If you create two active rules, and both rules apply to a given user, only one of the active rules is observed")',
        arrange: (org) =>
            base(org, PARTNER_PUBLIC_ONLY, {
                ...PARTNER_PUBLIC_ONLY,
                Id: '0RR000000000002AAA',
                DeveloperName: 'Partners_See_EMEA_Docs',
                MasterLabel: 'Partners see EMEA docs',
                RecordFilter: "Region__c = 'EMEA'"
            }),
        user: 'user.pat',
        record: 'doc.secret',
        expect: { uncertain: true, layers: { restrictionRules: 'uncertain' }, reasons: { restrictionRules: ['only one of them'] } }
    },
    {
        id: 'EXT-RR-13',
        title: 'A record field the filter needs is missing from the snapshot: uncertain, naming the field',
        source: 'project rule (missing evidence → uncertain with the reason)',
        arrange: (org) => {
            base(org, PARTNER_PUBLIC_ONLY);
            delete org.row(org.ids['doc.secret'] as string).Sensitivity__c;
        },
        user: 'user.pat',
        record: 'doc.secret',
        expect: { uncertain: true, layers: { restrictionRules: 'uncertain' }, reasons: { restrictionRules: ['sensitivity__c is not in the snapshot'] } }
    },
    {
        id: 'EXT-RR-14',
        title: 'Permission criteria: users with the custom permission are restricted, others are not',
        source: 'Security guide "Create a Restriction Rule" (Permission Criteria: a custom permission)',
        arrange: (org) => {
            base(org, { ...PARTNER_PUBLIC_ONLY, UserCriteria: '$Permission.Restricted_Docs' });
            const cp = org.add('CustomPermission', { DeveloperName: 'Restricted_Docs', MasterLabel: 'Restricted docs' });
            org.add('SetupEntityAccess', { ParentId: org.ids['ps.partner'], SetupEntityId: cp, SetupEntityType: 'CustomPermission' });
        },
        user: 'user.pat',
        record: 'doc.secret',
        expect: { access: { read: false }, layers: { restrictionRules: 'blocks' }, reasons: { restrictionRules: ['has this custom permission'] } }
    },
    {
        id: 'EXT-RR-15',
        title: 'Owner-based rule through a polymorphic owner: Owner:User.UserRoleId = $User.UserRoleId',
        source: 'Restriction Rules Developer Guide "Allow Users to See Only Records Owned by Same Role"',
        arrange: (org) => base(org, { ...PARTNER_PUBLIC_ONLY, UserCriteria: '$User.IsActive = true', RecordFilter: 'Owner:User.UserRoleId = $User.UserRoleId' }),
        user: 'user.pat',
        record: 'doc.secret',
        expect: { access: { read: false }, layers: { restrictionRules: 'blocks' }, reasons: { restrictionRules: ['owner:user.userroleid'] } }
    }
];
