/** Sharing rules: share rows with RowCause Rule, derived membership, rule names. */
import { baseOrg, SnapshotBuilder } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

export const cases: CorpusCase[] = [
    {
        name: 'sharing rule to a public group the user is in',
        source: 'seed 001 layer 5 (Sharing Rules)',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', reasonIncludes: 'a sharing rule (definition not collected)', pathIncludes: 'EMEA Sales' }
    },
    {
        name: 'sharing rule reaches the user through a nested group',
        source: 'access-semantics.md §5 ("Group membership is transitive (groups in groups)")',
        build() {
            const { b, ids } = baseOrg();
            const inner = b.group('Berlin Team', { members: [ids.support] });
            const outer = b.group('EMEA Sales', { members: [inner] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, outer, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', pathIncludes: 'Berlin Team' }
    },
    {
        name: 'sharing rule to Role and Subordinates of an ancestor role',
        source: 'access-semantics.md §4 (RoleAndSubordinates groups derived from Group.RelatedId + UserRole.ParentRoleId)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, b.roleGroup(ids.vpRole, 'RoleAndSubordinates'), 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', pathIncludes: 'role VP Sales' }
    },
    {
        name: 'sharing rule to a Role group does not include subordinate roles',
        source: 'Object Reference "Group" (Type Role: all users in one UserRole)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, b.roleGroup(ids.vpRole, 'Role'), 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'sharingRules', status: 'neutral' }
    },
    {
        name: 'Role and Internal Subordinates excludes portal roles below',
        source: 'Object Reference "Group" (RoleAndSubordinatesInternal excludes customer and partner roles)',
        build() {
            const { b, ids } = baseOrg();
            const partnerProfile = b.profile('Partner Community User', { licence: 'Partner Community', objects: { Account: 'CRED' } });
            const partnerRole = b.role('Acme Partner User', ids.repRole, { PortalType: 'Partner' });
            const pat = b.user('Pat Partner', { profileId: partnerProfile, roleId: partnerRole, userType: 'PowerPartner' });
            const acc = b.record('Account', { Name: 'Globex', OwnerId: ids.support });
            b.share('Account', acc, b.roleGroup(ids.vpRole, 'RoleAndSubordinatesInternal'), 'Read', 'Rule');
            return { snapshot: b.build(), userId: pat, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'sharingRules', status: 'neutral' }
    },
    {
        name: 'Role and Subordinates (internal and portal) includes portal roles below',
        source: 'Object Reference "Group" (RoleAndSubordinates includes portal/site roles); seed 000 step 7',
        build() {
            const { b, ids } = baseOrg();
            const partnerProfile = b.profile('Partner Community User', { licence: 'Partner Community', objects: { Account: 'CRED' } });
            const partnerRole = b.role('Acme Partner User', ids.repRole, { PortalType: 'Partner' });
            const pat = b.user('Pat Partner', { profileId: partnerProfile, roleId: partnerRole, userType: 'PowerPartner' });
            const acc = b.record('Account', { Name: 'Globex', OwnerId: ids.support });
            b.share('Account', acc, b.roleGroup(ids.vpRole, 'RoleAndSubordinates'), 'Read', 'Rule');
            return { snapshot: b.build(), userId: pat, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants' }
    },
    {
        name: 'sharing rule to All Internal Users (Organization group)',
        source: 'Object Reference "Group" (Organization: all users); seed 000 step 7',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, b.orgGroup(), 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', reasonIncludes: 'All Internal Users' }
    },
    {
        name: 'criteria rule name resolved from SharingRules metadata',
        source: 'access-semantics.md §5 ("users ask for the rule name"); Metadata API SharingRules',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep, BillingCountry: 'Germany' });
            b.share('Account', acc, g, 'Read', 'Rule');
            b.sharingRule({ object: 'Account', kind: 'criteria', fullName: 'Account.EMEA_Accounts', label: 'EMEA accounts', accessLevel: 'Read', sharedTo: { group: 'EMEA_Sales' }, criteriaItems: [{ field: 'BillingCountry', operation: 'equals', value: 'Germany,France' }] });
            b.sharingRule({ object: 'Account', kind: 'criteria', fullName: 'Account.US_Accounts', label: 'US accounts', accessLevel: 'Read', sharedTo: { group: 'EMEA_Sales' }, criteriaItems: [{ field: 'BillingCountry', operation: 'equals', value: 'USA' }] });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', reasonIncludes: 'sharing rule EMEA accounts (Account.EMEA_Accounts)', pathIncludes: 'EMEA accounts' }
    },
    {
        name: 'owner-based rule name resolved (owner in the source role)',
        source: 'seed 001 layer 5 (owner-based rules); Metadata API SharingOwnerRule sharedFrom',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, b.roleGroup(ids.supportRole, 'Role'), 'Edit', 'Rule');
            b.sharingRule({ object: 'Account', kind: 'owner', fullName: 'Account.Reps_to_Support', label: 'Reps to Support', accessLevel: 'Edit', sharedTo: { role: 'Support' }, sharedFrom: { role: 'Sales_Rep' } });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'sharingRules', status: 'grants', reasonIncludes: 'Reps to Support' }
    },
    {
        name: 'no collected rule definition matches: said so, access still granted by the row',
        source: 'access-semantics.md §5 (share rows are the evidence; rule name from metadata)',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep, BillingCountry: 'Japan' });
            b.share('Account', acc, g, 'Read', 'Rule');
            b.sharingRule({ object: 'Account', kind: 'criteria', fullName: 'Account.EMEA_Accounts', accessLevel: 'Read', sharedTo: { group: 'EMEA_Sales' }, criteriaItems: [{ field: 'BillingCountry', operation: 'equals', value: 'Germany' }] });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', reasonIncludes: 'no collected definition matches' }
    },
    {
        name: 'Read/Write sharing rule gives Edit but not Delete',
        source: 'seed 001 layer 5 ("grant either Read-only or Read/Write"); access-semantics.md §2',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Edit', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'sharingRules', status: 'grants', access: { delete: false, transfer: false }, whyNot: { operation: 'delete', layer: 'ownership' } }
    },
    {
        name: 'sharing rule without object Read gives nothing',
        source: 'seed 001 layer 1 ("Before a user can access a record of any type, they need object-level permissions")',
        build() {
            const { b, ids } = baseOrg({ objects: { Contact: 'R' } });
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Edit', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks', alsoLayers: { sharingRules: 'grants' }, whyNot: { operation: 'read', layer: 'objectPermissions' } }
    },
    {
        name: 'account sharing rule child access: CaseAccessLevel on the AccountShare row opens the case',
        source: 'Object Reference "AccountShare" (CaseAccessLevel); access-semantics.md §5 (account rules have child levels)',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Read', 'Rule', { CaseAccessLevel: 'Edit', OpportunityAccessLevel: 'None', ContactAccessLevel: 'Read' });
            const c = b.record('Case', { CaseNumber: '00001020', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'sharingRules', status: 'grants', reasonIncludes: 'CaseAccessLevel' }
    },
    {
        name: 'share rows with 15-character ids match 18-character record and group ids',
        source: 'Salesforce Knowledge "What are Salesforce IDs composed of?" (15/18-character ids)',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc.slice(0, 15), g.slice(0, 15), 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: acc.slice(0, 15) };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants' }
    },
    {
        name: 'sharing rules do not apply to high-volume users',
        source: 'seed 004 ("users do not have roles and can\u2019t be added to teams, groups or sharing rules"); seed 003',
        build() {
            const b = new SnapshotBuilder();
            const hv = b.profile('Customer Community User', { licence: 'Customer Community', objects: { Invoice__c: 'CRED' } });
            const internal = b.profile('Standard User', { objects: { Invoice__c: 'CRED' } });
            const owner = b.user('Olivia Owner', { profileId: internal });
            const hank = b.user('Hank Highvolume', { profileId: hv, userType: 'CspLitePortal' });
            b.owd('Invoice__c', 'Private', 'Private');
            b.metadataList('RestrictionRule', []);
            const g = b.group('Customers', { members: [hank] });
            const inv = b.record('Invoice__c', { Name: 'INV-9', OwnerId: owner });
            b.share('Invoice__c', inv, g, 'Read', 'Rule');
            return { snapshot: b.build(), userId: hank, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'sharingRules', status: 'notApplicable', alsoLayers: { roleHierarchy: 'notApplicable', teams: 'notApplicable' }, whyNot: { operation: 'read', layer: 'sharingRules' } }
    }
];

cases.push(
    {
        name: 'sharing rule to a territory-and-subordinates group reaches users of child territories',
        source: 'access-semantics.md §6 (Group types Territory and TerritoryAndSubordinates)',
        build() {
            const { b, ids } = baseOrg();
            const model = b.row('Territory2Model', { Name: 'FY26', State: 'Active' });
            const emea = b.row('Territory2', { Name: 'EMEA', Territory2ModelId: model, AccountAccessLevel: 'Read' });
            const dach = b.row('Territory2', { Name: 'DACH', Territory2ModelId: model, ParentTerritory2Id: emea, AccountAccessLevel: 'Read' });
            b.row('UserTerritory2Association', { UserId: ids.support, Territory2Id: dach, IsActive: true });
            const g = b.row('Group', { Name: '', Type: 'TerritoryAndSubordinates', RelatedId: emea });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Edit', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'sharingRules', status: 'grants', pathIncludes: 'territory DACH' }
    },
    {
        name: 'sharing rule to a public group whose member is a role-and-subordinates group',
        source: 'access-semantics.md §5 ("Group membership is transitive (groups in groups, roles, territories)")',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('Sales Org', { members: [b.roleGroup(ids.vpRole, 'RoleAndSubordinatesInternal')] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, g, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', pathIncludes: 'Sales Org' }
    }
);
