/**
 * The near miss (docs/engine.md "The near miss"): when an operation is denied, the why-not and
 * the summary lead with the mechanism that came closest and exactly what stopped it, naming the
 * setting or record, with a fix that makes the operation possible.
 */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

export const cases: CorpusCase[] = [
    {
        name: 'near miss: above the owner, but Grant Access Using Hierarchies is off for the object (leads the summary)',
        source: 'Help "Controlling Access Using Hierarchies" (custom objects can turn it off); seed 000 note at step 2',
        build() {
            const { b, ids } = baseOrg();
            b.setting('grantAccessUsingHierarchies.Invoice__c', false, 'admin');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.vp, recordId: inv };
        },
        expect: {
            maxAccessLevel: 'None',
            layer: 'roleHierarchy',
            status: 'neutral',
            whyNot: { operation: 'read', layer: 'roleHierarchy' },
            nearMiss: { layer: 'roleHierarchy', stoppedByIncludes: 'Grant Access Using Hierarchies is off for Invoice__c', fixIncludes: 'Turn on Grant Access Using Hierarchies for Invoice__c' },
            summaryIncludes: "Vic VP can't read Invoice__c INV-1: Vic VP's role VP Sales is above the owner Ana Rep's role Sales Rep, but Grant Access Using Hierarchies is off for Invoice__c"
        }
    },
    {
        name: 'near miss: a sharing rule reaches the user, but the permission set that gives Read expired — the fix renews it',
        source: 'Object Reference "PermissionSetAssignment" (ExpirationDate); Help "Sharing Rules"',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRED' } });
            const viewers = b.permissionSet('Invoice Viewers', { objects: { Invoice__c: 'R' } });
            b.assign(ids.support, viewers, { ExpirationDate: '2026-01-01T00:00:00.000Z' });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: {
            maxAccessLevel: 'None',
            layer: 'objectPermissions',
            status: 'blocks',
            nearMiss: { layer: 'objectPermissions', stoppedByIncludes: 'the assignment of permission set Invoice Viewers to Sam Support expired on 2026-01-01', fixIncludes: 'Renew the assignment of permission set Invoice Viewers' },
            fix: { operation: 'read', includes: ['Renew the assignment of permission set Invoice Viewers to Sam Support'] }
        }
    },
    {
        name: 'near miss: an inactive permission set assignment is named, and the fix reactivates it',
        source: 'Object Reference "PermissionSetAssignment" (IsActive)',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRED' } });
            const viewers = b.permissionSet('Invoice Viewers', { objects: { Invoice__c: 'R' } });
            b.assign(ids.support, viewers, { IsActive: false });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks', nearMiss: { layer: 'objectPermissions', stoppedByIncludes: 'is inactive', fixIncludes: 'Reactivate' } }
    },
    {
        name: 'near miss: Edit is muted in the permission set group — the near miss names the muting permission set',
        source: 'Help "Muting Permission Sets in a Permission Set Group"; Metadata API MutingPermissionSet',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRED', Invoice__c: 'R' } });
            const editors = b.permissionSet('Invoice Editors', { objects: { Invoice__c: 'RE' } });
            const mute = b.mutingSet('No Invoice Edit', { objects: { Invoice__c: 'E' } });
            b.assignGroup(ids.support, b.permissionSetGroup('Finance Bundle', [editors, mute]));
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: {
            maxAccessLevel: 'Read',
            layer: 'objectPermissions',
            status: 'neutral',
            access: { edit: false },
            nearMiss: { operation: 'edit', layer: 'objectPermissions', stoppedByIncludes: 'muting permission set No Invoice Edit in permission set group Finance Bundle removes Edit on Invoice__c', fixIncludes: 'Remove Edit on Invoice__c from muting permission set No Invoice Edit' }
        }
    },
    {
        name: 'near miss: the user is in a territory holding the account, but its territory model is not active',
        source: 'Help "Enterprise Territory Management" (only the active model grants access)',
        build() {
            const { b, ids } = baseOrg();
            const model = b.row('Territory2Model', { Name: 'FY27 Planning', State: 'Planning' });
            const t = b.row('Territory2', { Name: 'Nordics', Territory2ModelId: model, AccountAccessLevel: 'Edit' });
            b.row('UserTerritory2Association', { UserId: ids.support, Territory2Id: t, IsActive: true });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.row('ObjectTerritory2Association', { ObjectId: acc, Territory2Id: t });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: {
            maxAccessLevel: 'None',
            layer: 'territories',
            status: 'neutral',
            nearMiss: { layer: 'territories', stoppedByIncludes: 'territory model FY27 Planning is not active (state Planning)', fixIncludes: 'Activate territory model FY27 Planning' }
        }
    },
    {
        name: 'near miss: the account is in another territory than the user’s — the fix assigns the user to it',
        source: 'Help "Enterprise Territory Management" (users see accounts of their territories and those below)',
        build() {
            const { b, ids } = baseOrg();
            const model = b.row('Territory2Model', { Name: 'FY26', State: 'Active' });
            const mine = b.row('Territory2', { Name: 'DACH', Territory2ModelId: model, AccountAccessLevel: 'Read' });
            const theirs = b.row('Territory2', { Name: 'Nordics', Territory2ModelId: model, AccountAccessLevel: 'Read' });
            b.row('UserTerritory2Association', { UserId: ids.support, Territory2Id: mine, IsActive: true });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.row('ObjectTerritory2Association', { ObjectId: acc, Territory2Id: theirs });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'territories', status: 'neutral', nearMiss: { layer: 'territories', stoppedByIncludes: 'assigned to territory Nordics', fixIncludes: 'Assign Sam Support to territory Nordics' } }
    },
    {
        name: "near miss: a public group with Grant Access Using Hierarchies off — the manager of a member is named, and the fix turns it on for that group",
        source: 'Object Reference "Group" (DoesIncludeBosses: Grant Access Using Hierarchies)',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('Deal Desk', { members: [ids.rep], doesIncludeBosses: false });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, g, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'neutral', nearMiss: { layer: 'roleHierarchy', stoppedByIncludes: 'Grant Access Using Hierarchies is off for public group Deal Desk', fixIncludes: 'public group Deal Desk' } }
    },
    {
        name: "near miss: the user owns the account, but the owner's role gives account owners no access to its cases",
        source: 'Object Reference "UserRole" (CaseAccessForAccountOwner); seed 002 (child implicit per role)',
        build() {
            const { b, ids } = baseOrg();
            const role = b.role('Key Accounts', ids.vpRole, { CaseAccessForAccountOwner: 'None' });
            const owner = b.user('Kim Keyaccount', { profileId: ids.standard, roleId: role });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: owner });
            const c = b.record('Case', { CaseNumber: '00001030', OwnerId: ids.support, AccountId: acc });
            return { snapshot: b.build(), userId: owner, recordId: c };
        },
        expect: { maxAccessLevel: 'None', layer: 'implicitSharing', status: 'neutral', nearMiss: { layer: 'implicitSharing', stoppedByIncludes: 'gives account owners no access to the account\'s cases', fixIncludes: 'Set the Case access for account owners of role Key Accounts to Read/Write' } }
    },
    {
        name: "near miss: on the account team, but the team member's access to the account's cases is None",
        source: 'Object Reference "AccountTeamMember" (CaseAccessLevel); Help "Account Teams"',
        build() {
            const { b, ids } = baseOrg();
            b.owd('Contact', 'Private');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.row('AccountTeamMember', { AccountId: acc, UserId: ids.support, AccountAccessLevel: 'Read', CaseAccessLevel: 'None', TeamMemberRole: 'Advisor' });
            const c = b.record('Case', { CaseNumber: '00001031', OwnerId: ids.rep2, AccountId: acc });
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'None', layer: 'teams', status: 'neutral', nearMiss: { layer: 'teams', stoppedByIncludes: 'None', fixIncludes: 'Read/Write case access' } }
    },
    {
        name: 'near miss ranking: a grant stopped only by a missing object permission comes before a hierarchy switched off',
        source: 'docs/engine.md "The near miss" (tier 1 before tier 2); Help "Object Permissions"; Help "Controlling Access Using Hierarchies"',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRED' } });
            b.setting('grantAccessUsingHierarchies.Invoice__c', false, 'admin');
            b.permissionSet('Invoice Viewers', { objects: { Invoice__c: 'R' } });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.vp, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.vp, recordId: inv };
        },
        expect: {
            maxAccessLevel: 'None',
            layer: 'objectPermissions',
            status: 'blocks',
            nearMiss: { layer: 'objectPermissions', stoppedByIncludes: 'has no Read permission on Invoice__c', fixIncludes: 'Assign permission set Invoice Viewers' }
        }
    },
    {
        name: 'near miss: a restriction rule filters out the record a sharing rule gives; the rule and its criteria are stated once',
        source: 'Restriction Rules Developer Guide "Restriction Rules"; Object Reference "UserRecordAccess" (restriction rules not considered)',
        build() {
            const { b, ids } = baseOrg();
            b.metadataList('RestrictionRule', [
                { DeveloperName: 'EMEA_Only', MasterLabel: 'EMEA only', EnforcementType: 'Restrict', TargetEntity: 'Invoice__c', UserCriteria: "$User.Department = 'EMEA'", RecordFilter: "Region__c = 'EMEA'", IsActive: true }
            ]);
            const user = b.rowsOf('User').find((u) => u.Id === ids.support) as Record<string, unknown>;
            user.Department = 'EMEA';
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep, Region__c: 'AMER' });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: {
            maxAccessLevel: 'None',
            layer: 'restrictionRules',
            status: 'blocks',
            nearMiss: { layer: 'restrictionRules', stoppedByIncludes: 'restriction rule "EMEA only" (EMEA_Only) applies to Sam Support', fixIncludes: 'Change the record or user criteria of restriction rule "EMEA only"' },
            summaryIncludes: "Region__c = 'EMEA'"
        }
    }
];
