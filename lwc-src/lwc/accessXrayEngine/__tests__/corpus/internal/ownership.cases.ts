/** Ownership, queues and org-wide defaults (incl. Controlled by Parent). */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

export const cases: CorpusCase[] = [
    {
        name: 'owner has full access to a private record',
        source: 'seed 001 layer 3 (Ownership)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'ownership', status: 'grants', reasonIncludes: 'owns this record', access: { delete: true, share: true } }
    },
    {
        name: 'private record, not owner, no sharing: no access, the org-wide default is named',
        source: 'seed 001 layer 2 (Org-Wide Defaults: Private)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'neutral', reasonIncludes: 'Private', whyNot: { operation: 'read', layer: 'orgWideDefaults' } }
    },
    {
        name: 'Public Read Only gives Read but not Edit',
        source: 'access-semantics.md §2; seed 001 layer 2',
        build() {
            const { b, ids } = baseOrg();
            b.owd('Account', 'Read');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', access: { read: true, edit: false } }
    },
    {
        name: 'Public Read/Write gives Edit but never Delete',
        source: 'access-semantics.md §2 (Delete needs ownership, hierarchy, Full Access or Modify All)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('Account', 'ReadWrite');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'orgWideDefaults', status: 'grants', access: { edit: true, delete: false }, whyNot: { operation: 'delete', layer: 'ownership' } }
    },
    {
        name: 'Public Read/Write without object Edit permission gives Read only',
        source: 'seed 001 layer 2 ("if Public Read/Write, users with Read/Update permissions can see and edit")',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'R' } });
            b.owd('Account', 'ReadWrite');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', access: { edit: false }, whyNot: { operation: 'edit', layer: 'objectPermissions' } }
    },
    {
        name: 'Tooling vocabulary "Edit" is Public Read/Write',
        source: 'api-vocabulary.md §1 (EntityDefinition vocabularies: Edit ≡ ReadWrite)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('Account', 'Edit');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'orgWideDefaults', status: 'grants', reasonIncludes: 'Public Read/Write' }
    },
    {
        name: 'Public Read/Write/Transfer on Case gives Transfer without Delete',
        source: 'access-semantics.md §2 (Public Read/Write/Transfer for Case and Lead)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('Case', 'ReadEditTransfer');
            const c = b.record('Case', { CaseNumber: '00001001', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: c };
        },
        expect: { maxAccessLevel: 'Transfer', layer: 'orgWideDefaults', status: 'grants', access: { transfer: true, delete: false } }
    },
    {
        name: 'Public Full Access on Campaign gives every operation',
        source: 'access-semantics.md §2 (Public Full Access, Campaign)',
        build() {
            const { b, ids } = baseOrg({ objects: { Campaign: 'CRED' } });
            b.owd('Campaign', 'FullAccess');
            const c = b.record('Campaign', { Name: 'Spring', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: c };
        },
        expect: { maxAccessLevel: 'All', layer: 'orgWideDefaults', status: 'grants' }
    },
    {
        name: 'an unknown sharing-model value is reported as uncertain, never guessed',
        source: 'access-semantics.md §2 ("unknown values → uncertain")',
        build() {
            const { b, ids } = baseOrg();
            b.owd('Account', 'SomethingNew');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'uncertain', reasonIncludes: 'SomethingNew', uncertain: true }
    },
    {
        name: 'Organization.DefaultAccountAccess is used when EntityDefinition is absent',
        source: 'Object Reference "Organization" (DefaultAccountAccess); api-vocabulary.md §2',
        build() {
            const { b, ids } = baseOrg();
            const snap = b;
            snap.row('Organization', { Name: 'Org', DefaultAccountAccess: 'Read' });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const s = b.build();
            s.tables.EntityDefinition = (s.tables.EntityDefinition ?? []).filter((e) => e.QualifiedApiName !== 'Account');
            return { snapshot: s, userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants' }
    },
    {
        name: 'a queue member has the owner access of the queue',
        source: 'access-semantics.md §3 (Owner may be a queue); seed 000 queues step',
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Tier 1 Queue', { type: 'Queue', members: [ids.support] });
            const c = b.record('Case', { CaseNumber: '00001002', OwnerId: q });
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'All', layer: 'ownership', status: 'grants', reasonIncludes: 'Tier 1 Queue' }
    },
    {
        name: 'queue membership through a role group is derived',
        source: 'access-semantics.md §3 (members via roles); Object Reference "Group" (Role groups)',
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Support Queue', { type: 'Queue', members: [b.roleGroup(ids.supportRole, 'Role')] });
            const c = b.record('Case', { CaseNumber: '00001003', OwnerId: q });
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'All', layer: 'ownership', status: 'grants', pathIncludes: 'role Support' }
    },
    {
        name: 'queue membership through a nested public group is derived',
        source: 'access-semantics.md §5 ("Group membership is transitive; GroupMember lists only direct members")',
        build() {
            const { b, ids } = baseOrg();
            const inner = b.group('Night Shift', { members: [ids.support] });
            const q = b.group('Escalations', { type: 'Queue', members: [inner] });
            const c = b.record('Case', { CaseNumber: '00001004', OwnerId: q });
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'All', layer: 'ownership', status: 'grants', pathIncludes: 'Night Shift' }
    },
    {
        name: 'not a member of the owning queue: ownership names the queue and suggests joining it',
        source: 'seed 000 queues step',
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Billing Queue', { type: 'Queue', members: [ids.rep] });
            const c = b.record('Case', { CaseNumber: '00001005', OwnerId: q });
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'None', layer: 'ownership', status: 'neutral', reasonIncludes: 'Billing Queue' }
    },
    {
        name: 'owner without object Delete cannot delete their own record',
        source: 'seed 001 layer 1 (Delete allows deleting records)',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRE' } });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'Transfer', layer: 'ownership', status: 'grants', access: { delete: false, edit: true }, whyNot: { operation: 'delete', layer: 'objectPermissions' } }
    },
    {
        name: 'Controlled by Parent contact follows its account (account owner)',
        source: 'seed 002 (Controlled by Parent works like master-detail); access-semantics.md §2',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const con = b.record('Contact', { Name: 'Carl Contact', AccountId: acc, OwnerId: ids.rep2 });
            return { snapshot: b.build(), userId: ids.rep, recordId: con };
        },
        expect: { maxAccessLevel: 'All', layer: 'orgWideDefaults', status: 'grants', reasonIncludes: 'Controlled by Parent', pathIncludes: 'Account Acme' }
    },
    {
        name: 'Controlled by Parent contact: no access to the account, no access to the contact',
        source: 'seed 002; seed 000 step 3 ("start step 3 again for the parent")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const con = b.record('Contact', { Name: 'Carl Contact', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: con };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'neutral' }
    },
    {
        name: 'Controlled by Parent contact: Read share on the account gives Read on the contact',
        source: 'seed 002; seed 001 layer 9',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Read', 'Manual');
            const con = b.record('Contact', { Name: 'Carl Contact', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: con };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants' }
    },
    {
        name: 'master-detail child follows its master (describe names the master)',
        source: 'seed 002 ("a user will not be able to see a child record unless they can see the master"); Help: master-detail Sharing Setting (Edit on the master is enough to edit and delete a detail)',
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'CRED', Line__c: 'CRED' } });
            b.owd('Line__c', 'ControlledByParent');
            b.describe('Line__c', { name: 'Line__c', fields: [{ name: 'Invoice__c', type: 'reference', referenceTo: ['Invoice__c'], cascadeDelete: true, nillable: false, relationshipOrder: 0 }] });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Edit', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Delete', layer: 'orgWideDefaults', status: 'grants', access: { edit: true, delete: true, transfer: false, share: false }, alsoLayers: { ownership: 'notApplicable' } }
    },
    {
        name: 'two masters: access to only one master gives nothing',
        source: 'seed 002 ("for objects that have 2 master detail relationships, a user must have access to both")',
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'CRED', Project__c: 'CRED', Link__c: 'CRED' } });
            b.owd('Link__c', 'ControlledByParent');
            b.owd('Project__c', 'Private');
            b.describe('Link__c', {
                name: 'Link__c',
                fields: [
                    { name: 'Invoice__c', type: 'reference', cascadeDelete: true, nillable: false, relationshipOrder: 0 },
                    { name: 'Project__c', type: 'reference', cascadeDelete: true, nillable: false, relationshipOrder: 1 }
                ]
            });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.support });
            const prj = b.record('Project__c', { Name: 'PRJ-1', OwnerId: ids.rep });
            const link = b.record('Link__c', { Name: 'LNK-1', Invoice__c: inv, Project__c: prj });
            return { snapshot: b.build(), userId: ids.support, recordId: link };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'neutral', reasonIncludes: 'two masters' }
    },
    {
        name: 'two masters: access to both masters gives the lower of the two',
        source: 'seed 002 (two masters → need access to both)',
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'CRED', Project__c: 'CRED', Link__c: 'CRED' } });
            b.owd('Link__c', 'ControlledByParent');
            b.owd('Project__c', 'Read');
            b.describe('Link__c', {
                name: 'Link__c',
                fields: [
                    { name: 'Invoice__c', type: 'reference', cascadeDelete: true, nillable: false, relationshipOrder: 0 },
                    { name: 'Project__c', type: 'reference', cascadeDelete: true, nillable: false, relationshipOrder: 1 }
                ]
            });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.support });
            const prj = b.record('Project__c', { Name: 'PRJ-1', OwnerId: ids.rep });
            const link = b.record('Link__c', { Name: 'LNK-1', Invoice__c: inv, Project__c: prj });
            return { snapshot: b.build(), userId: ids.support, recordId: link };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', reasonIncludes: 'two masters' }
    },
    {
        name: 'Controlled by Parent custom object without describe is uncertain',
        source: 'access-semantics.md §0 ("missing evidence → uncertain")',
        build() {
            const { b, ids } = baseOrg({ objects: { Line__c: 'CRED' } });
            b.owd('Line__c', 'ControlledByParent');
            const line = b.record('Line__c', { Name: 'L-1' });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'uncertain', uncertain: true }
    },
    {
        name: 'Controlled by Parent contact whose account is not in the snapshot is uncertain',
        source: 'access-semantics.md §0 ("missing evidence → uncertain")',
        build() {
            const { b, ids } = baseOrg();
            const con = b.record('Contact', { Name: 'Carl Contact', AccountId: b.id('Account'), OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: con };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'uncertain', uncertain: true, reasonIncludes: 'not in the snapshot' }
    }
];
