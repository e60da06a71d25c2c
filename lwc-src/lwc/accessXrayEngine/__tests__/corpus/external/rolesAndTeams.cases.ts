/**
 * Portal roles, sharing-rule targets that reach portal users, and teams for external users
 * (seed 000 steps 5, 7 and 10; access-semantics.md §4–5, §7; Object Reference "Group" types
 * Role / RoleAndSubordinates / RoleAndSubordinatesInternal). These exercise the engine
 * engineer's group closure with portal users.
 */
import type { ExternalCase } from './caseTypes';

function ruleShare(table: string, recordKey: string, groupKey: string) {
    return (org: Parameters<NonNullable<ExternalCase['arrange']>>[0]): void => {
        org.share(table, org.ids[recordKey] as string, org.ids[groupKey] as string, 'Read', 'Rule');
    };
}

export const roleAndTeamCases: ExternalCase[] = [
    {
        id: 'EXT-ROLE-01',
        title: 'Sharing rule to "Portal Role and Subordinates" of the partner executive reaches the partner user two levels below',
        source: 'seed 000 step 7 (Portal Role and Subordinates); Object Reference Group Type RoleAndSubordinates',
        arrange: ruleShare('CaseShare', 'case.c1001', 'group.roleSub.acmeExec'),
        user: 'user.pat',
        record: 'case.c1001',
        expect: { access: { read: true, edit: false }, layers: { sharingRules: 'grants' } },
        check: (e) => {
            const path = e.paths.find((p) => p.layer === 'sharingRules');
            expect(path?.steps.some((s) => s.kind === 'role' && s.label.includes('Acme Corp Partner User'))).toBe(true);
        }
    },
    {
        id: 'EXT-ROLE-02',
        title: 'Sharing rule to the "Portal Role" of the partner manager reaches the manager only, not the partner user below',
        source: 'seed 000 step 7 (Portal Roles); Object Reference Group Type Role (all users in one role)',
        arrange: ruleShare('CaseShare', 'case.c1001', 'group.role.acmeManager'),
        user: 'user.pat',
        record: 'case.c1001',
        expect: { access: { read: false }, layers: { sharingRules: 'neutral' } }
    },
    {
        id: 'EXT-ROLE-03',
        title: 'The same "Portal Role" rule does reach the partner manager',
        source: 'seed 000 step 7; Object Reference Group Type Role',
        arrange: ruleShare('CaseShare', 'case.c1001', 'group.role.acmeManager'),
        user: 'user.max',
        record: 'case.c1001',
        expect: { access: { read: true }, layers: { sharingRules: 'grants' } }
    },
    {
        id: 'EXT-ROLE-04',
        title: '"Roles, Internal and Portal Subordinates" of an internal role reaches partner users under it',
        source: 'seed 000 step 7 (Roles, Internal and Portal Subordinates); Object Reference Group Type RoleAndSubordinates includes portal roles',
        arrange: ruleShare('CaseShare', 'case.c1001', 'group.roleSub.channelManager'),
        user: 'user.pat',
        record: 'case.c1001',
        expect: { access: { read: true }, layers: { sharingRules: 'grants' } }
    },
    {
        id: 'EXT-ROLE-05',
        title: '"Roles and Internal Subordinates" excludes portal roles: the partner user gets nothing',
        source: 'Object Reference Group Type RoleAndSubordinatesInternal ("excluding customer and partner roles")',
        arrange: ruleShare('CaseShare', 'case.c1001', 'group.roleSubInternal.channelManager'),
        user: 'user.pat',
        record: 'case.c1001',
        expect: { access: { read: false }, layers: { sharingRules: 'neutral' } }
    },
    {
        id: 'EXT-ROLE-06',
        title: 'The internal-subordinates rule still reaches the internal user in that role',
        source: 'Object Reference Group Type RoleAndSubordinatesInternal',
        arrange: ruleShare('CaseShare', 'case.c1001', 'group.roleSubInternal.channelManager'),
        user: 'user.olivia',
        record: 'case.c1001',
        expect: { access: { read: true }, layers: { sharingRules: 'grants', experienceCloud: 'notApplicable' } }
    },
    {
        id: 'EXT-ROLE-07',
        title: "A partner manager sees a record shared with a partner user below them (role hierarchy on portal roles)",
        source: 'access-semantics.md §4 (roles above inherit records shared to subordinate users); seed 001 layer 4',
        arrange: (org) => {
            org.share('CaseShare', org.ids['case.c1001'] as string, org.ids['user.pat'] as string, 'Read', 'Manual');
        },
        user: 'user.max',
        record: 'case.c1001',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' } }
    },
    {
        id: 'EXT-ROLE-08',
        title: 'The account owner (internal, above the portal roles) sees records shared with the partner user',
        source: 'access-semantics.md §4 (portal roles sit under the account owner\'s role)',
        arrange: (org) => {
            org.share('CaseShare', org.ids['case.c1001'] as string, org.ids['user.pat'] as string, 'Read', 'Manual');
        },
        user: 'user.olivia',
        record: 'case.c1001',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' } }
    },
    {
        id: 'EXT-TEAM-01',
        title: 'A partner user on the account team gets the team access',
        source: 'seed 000 step 10 ("Only Partner users can be added to account and opportunity teams")',
        arrange: (org) => {
            org.add('AccountTeamMember', {
                AccountId: org.ids['account.initech'],
                UserId: org.ids['user.pat'],
                AccountAccessLevel: 'Read',
                OpportunityAccessLevel: 'None',
                CaseAccessLevel: 'None',
                ContactAccessLevel: 'None',
                TeamMemberRole: 'Reseller'
            });
            org.share('AccountShare', org.ids['account.initech'] as string, org.ids['user.pat'] as string, 'Read', 'Team', { OpportunityAccessLevel: 'None', CaseAccessLevel: 'None', ContactAccessLevel: 'None' });
        },
        user: 'user.pat',
        record: 'account.initech',
        expect: { access: { read: true }, layers: { teams: 'grants' } }
    },
    {
        id: 'EXT-TEAM-02',
        title: 'A Customer Community Plus user listed on an account team is a finding: only partners can be on account teams',
        source: 'seed 000 step 10',
        arrange: (org) => {
            org.add('AccountTeamMember', {
                AccountId: org.ids['account.initech'],
                UserId: org.ids['user.cleo'],
                AccountAccessLevel: 'Read',
                OpportunityAccessLevel: 'None',
                CaseAccessLevel: 'None',
                ContactAccessLevel: 'None'
            });
        },
        user: 'user.cleo',
        record: 'account.initech',
        expect: { access: { read: false }, reasons: { experienceCloud: ['only partner users among external users can be on account and opportunity teams'] } }
    },
    {
        id: 'EXT-OWD-01',
        title: 'External org-wide default applies to external users: Public Read Only internally, Private externally',
        source: 'seed 000 step 2 (external org-wide defaults affect all Experience Cloud licences)',
        arrange: (org) => {
            const def = (org.snapshot.tables.EntityDefinition ?? []).find((r) => r.QualifiedApiName === 'Case');
            if (def) def.InternalSharingModel = 'Read';
        },
        user: 'user.pat',
        record: 'case.c1001',
        expect: { access: { read: false }, reasons: { orgWideDefaults: ['external'] } }
    },
    {
        id: 'EXT-OWD-02',
        title: 'Public Read Only externally gives the partner user Read',
        source: 'seed 000 step 2; seed 004 ("Read on all records where the object org-wide default is public read-only")',
        arrange: (org) => {
            const def = (org.snapshot.tables.EntityDefinition ?? []).find((r) => r.QualifiedApiName === 'Case');
            if (def) {
                def.InternalSharingModel = 'Read';
                def.ExternalSharingModel = 'Read';
            }
        },
        user: 'user.hank',
        record: 'case.c1001',
        expect: { access: { read: true, edit: false }, layers: { orgWideDefaults: 'grants' } }
    }
];
