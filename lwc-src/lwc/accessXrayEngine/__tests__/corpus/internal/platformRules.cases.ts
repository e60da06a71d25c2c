/**
 * Documented platform rules of the second pass: the master-detail Sharing Setting
 * (writeRequiresMasterRead), View All on a parent vs its children, the transfer permissions,
 * queues and the role hierarchy (Queue.doesIncludeBosses), an account owner's role without a
 * child level, owner change, and HasAllAccess as "can share the record".
 */
import type { FieldDescribe } from '../../../types';
import { baseOrg, type SnapshotBuilder } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

const MD_HELP = 'Help: master-detail relationships, Sharing Setting ("Read Only": Read on the master allows create, edit and delete of the detail; "Read/Write": Edit on the master); describe writeRequiresMasterRead';
const KB_VIEW_ALL = 'Salesforce Knowledge Article 000240369 (View All Records on the parent reaches custom child records, not standard Controlled by Parent children)';
const TRANSFER = 'Help "Transfer Records" (Transfer Record AND Edit on the object); Help "Mass Transfer Records" (read sharing access on the records)';
const QUEUE_BOSSES = 'Metadata API Queue.doesIncludeBosses (API 67.0, Summer ’26; queues of packages targeting API 66.0 or earlier have it off)';

/** Invoice__c (master) → Line__c (detail) with the given Sharing Setting on Line__c.Invoice__c. */
function masterDetail(b: SnapshotBuilder, writeRequiresMasterRead: boolean | undefined, second?: { writeRequiresMasterRead?: boolean }): void {
    b.owd('Line__c', 'ControlledByParent');
    b.owd('Project__c', 'Private');
    const field = (name: string, to: string, order: number, w: boolean | undefined): FieldDescribe => ({
        name,
        type: 'reference',
        referenceTo: [to],
        cascadeDelete: true,
        nillable: false,
        relationshipOrder: order,
        ...(w === undefined ? {} : { writeRequiresMasterRead: w })
    });
    b.describe('Line__c', {
        name: 'Line__c',
        fields: [field('Invoice__c', 'Invoice__c', 0, writeRequiresMasterRead), ...(second ? [field('Project__c', 'Project__c', 1, second.writeRequiresMasterRead)] : [])]
    });
}

const WITH_LINES = { objects: { Invoice__c: 'CRED', Line__c: 'CRED', Project__c: 'CRED', Account: 'CRED', Contact: 'CRED', Case: 'CRED', Opportunity: 'CRED' } };

export const cases: CorpusCase[] = [
    {
        name: 'master-detail Sharing Setting Read Only: Read on the master is enough to edit and delete the detail',
        source: MD_HELP,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, true);
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Delete', layer: 'orgWideDefaults', status: 'grants', access: { read: true, edit: true, delete: true, transfer: false, share: false }, reasonIncludes: 'Sharing Setting of Invoice__c is Read Only', uncertain: false }
    },
    {
        name: 'master-detail Sharing Setting Read/Write: Read on the master gives Read only; the near miss names the setting and the fix shares the master Read/Write',
        source: MD_HELP,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, false);
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: {
            maxAccessLevel: 'Read',
            layer: 'orgWideDefaults',
            status: 'grants',
            access: { edit: false, delete: false },
            reasonIncludes: 'Sharing Setting of Invoice__c is Read/Write',
            nearMiss: { operation: 'edit', layer: 'orgWideDefaults', stoppedByIncludes: 'Sharing Setting Read/Write', fixIncludes: 'Share Invoice__c INV-1 with Sam Support (Read/Write)' },
            fix: { operation: 'edit', includes: ['Read/Write'] }
        }
    },
    {
        name: 'master-detail Sharing Setting Read/Write: Edit (not Full Access) on the master allows edit and delete of the detail',
        source: MD_HELP,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, false);
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Edit', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Delete', layer: 'orgWideDefaults', status: 'grants', access: { edit: true, delete: true, share: false }, uncertain: false }
    },
    {
        name: 'master-detail Sharing Setting not collected, Read on the master: edit and delete are uncertain, never assumed',
        source: `${MD_HELP}; brief: missing evidence gives an answer marked uncertain`,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, undefined);
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', access: { edit: false }, uncertain: true, uncertaintyIncludes: 'Sharing Setting of the master-detail field Invoice__c was not collected' }
    },
    {
        name: 'master-detail Sharing Setting not collected but Edit on the master: the setting does not matter, no doubt',
        source: MD_HELP,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, undefined);
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Edit', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Delete', layer: 'orgWideDefaults', status: 'grants', uncertain: false }
    },
    {
        name: 'two masters, each with its own Sharing Setting: Read/Write on the second master needs Edit there, so Read on both only reads',
        source: `${MD_HELP}; seed 002 (two masters: access to both)`,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, true, { writeRequiresMasterRead: false });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            const prj = b.record('Project__c', { Name: 'PRJ-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            b.share('Project__c', prj, ids.support, 'Read', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv, Project__c: prj });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', access: { read: true, edit: false, delete: false }, reasonIncludes: 'two masters' }
    },
    {
        name: 'two masters: Read on the Read Only master and Edit on the Read/Write master allow edit and delete',
        source: MD_HELP,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, true, { writeRequiresMasterRead: false });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            const prj = b.record('Project__c', { Name: 'PRJ-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            b.share('Project__c', prj, ids.support, 'Edit', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv, Project__c: prj });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Delete', layer: 'orgWideDefaults', status: 'grants', access: { edit: true, delete: true } }
    },
    {
        name: 'Read Only Sharing Setting still needs the detail object permission: without Edit on the detail object the fix grants it, never a share',
        source: `${MD_HELP} (with the detail's object permissions); Help "Object Permissions"`,
        build() {
            const { b, ids } = baseOrg({ objects: { ...WITH_LINES.objects, Line__c: 'R' } });
            masterDetail(b, true);
            b.permissionSet('Line Editors', { objects: { Line__c: 'RE' } });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: {
            maxAccessLevel: 'Read',
            layer: 'objectPermissions',
            status: 'neutral',
            access: { edit: false },
            whyNot: { operation: 'edit', layer: 'objectPermissions' },
            fix: { operation: 'edit', includes: ['Assign permission set Line Editors'], excludes: ['Share'] }
        }
    },
    {
        name: 'View All on Account does not reach a Controlled by Parent contact; the near miss says so and the fix is View All on Contact',
        source: KB_VIEW_ALL,
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.permissionSet('Account Auditors', { objects: { Account: 'RV' } }));
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const con = b.record('Contact', { LastName: 'Lee', Name: 'Lee', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: con };
        },
        expect: {
            maxAccessLevel: 'None',
            layer: 'orgWideDefaults',
            status: 'neutral',
            nearMiss: { layer: 'orgWideDefaults', stoppedByIncludes: "doesn't reach its Controlled by Parent contacts", fixIncludes: 'View All on Contact' }
        }
    },
    {
        name: 'View All on a custom master reaches its detail records',
        source: KB_VIEW_ALL,
        build() {
            const { b, ids } = baseOrg(WITH_LINES);
            masterDetail(b, false);
            b.assign(ids.support, b.permissionSet('Invoice Auditors', { objects: { Invoice__c: 'RV' } }));
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', access: { read: true } }
    },
    {
        name: 'a contact whose account is shared with the user (record access, not View All) follows the account',
        source: `${KB_VIEW_ALL} ("users can see all child records associated with parent records to which they have Read permission granted via sharing")`,
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.permissionSet('Account Auditors', { objects: { Account: 'RV' } }));
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Read', 'Manual', { ContactAccessLevel: 'None', CaseAccessLevel: 'None', OpportunityAccessLevel: 'None' });
            const con = b.record('Contact', { LastName: 'Lee', Name: 'Lee', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: con };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants' }
    },
    {
        name: 'Transfer Record lets a non-owner with Read on the record and Edit on the object transfer it (uncertain until UserRecordAccess confirms)',
        source: TRANSFER,
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.permissionSet('Transferrers', { system: { transferRecord: true } }));
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: {
            maxAccessLevel: 'Transfer',
            layer: 'systemPermissions',
            status: 'grants',
            access: { read: true, edit: false, transfer: true, share: false },
            reasonIncludes: 'Transfer Record (permission set Transferrers)',
            uncertain: true,
            uncertaintyIncludes: 'no UserRecordAccess row confirms it'
        }
    },
    {
        name: 'Transfer Record confirmed by UserRecordAccess.HasTransferAccess: no doubt left',
        source: `${TRANSFER}; Object Reference "UserRecordAccess" (HasTransferAccess)`,
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.permissionSet('Transferrers', { system: { transferRecord: true } }));
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Read', 'Manual');
            b.ura(ids.support, acc, 'Transfer', { read: true, edit: false, delete: false, transfer: true, all: false });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Transfer', layer: 'systemPermissions', status: 'grants', uncertain: false, reconciliation: 'agrees' }
    },
    {
        name: 'Transfer Record without Edit on the object transfers nothing; the near miss names the missing Edit and the fix grants it',
        source: TRANSFER,
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'R' } });
            b.assign(ids.support, b.permissionSet('Transferrers', { system: { transferRecord: true } }));
            b.permissionSet('Account Editors', { objects: { Account: 'RE' } });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: {
            maxAccessLevel: 'Read',
            layer: 'systemPermissions',
            status: 'neutral',
            access: { transfer: false },
            nearMiss: { operation: 'transfer', layer: 'systemPermissions', stoppedByIncludes: 'no Edit permission on Account', fixIncludes: 'Account Editors' }
        }
    },
    {
        name: 'Transfer Cases lets a non-owner transfer a case they can read',
        source: TRANSFER,
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.permissionSet('Case Transfer', { system: { transferCases: true } }));
            const c = b.record('Case', { CaseNumber: '00001001', OwnerId: ids.rep });
            b.share('Case', c, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'Transfer', layer: 'systemPermissions', status: 'grants', access: { edit: true, transfer: true, delete: false }, reasonIncludes: 'Transfer Cases' }
    },
    {
        name: 'Transfer Cases does not cover accounts',
        source: TRANSFER,
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.permissionSet('Case Transfer', { system: { transferCases: true } }));
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'systemPermissions', status: 'neutral', access: { transfer: false } }
    },
    {
        name: 'Transfer Record without any record access transfers nothing',
        source: TRANSFER,
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.permissionSet('Transferrers', { system: { transferRecord: true } }));
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'systemPermissions', status: 'neutral', access: { transfer: false } }
    },
    {
        name: "a queue whose Grant Access Using Hierarchies was not collected: the manager of a member is not assumed to inherit, and the doubt is said",
        source: QUEUE_BOSSES,
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Support Queue', { type: 'Queue', members: [ids.rep], doesIncludeBosses: null });
            const c = b.record('Case', { CaseNumber: '00001010', OwnerId: q });
            return { snapshot: b.build(), userId: ids.vp, recordId: c };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'uncertain', uncertain: true, uncertaintyIncludes: 'whether the queue grants access using hierarchies was not collected' }
    },
    {
        name: "a queue with Grant Access Using Hierarchies off: the near miss names the queue's setting and the fix turns it on",
        source: QUEUE_BOSSES,
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Support Queue', { type: 'Queue', members: [ids.rep], doesIncludeBosses: false });
            const c = b.record('Case', { CaseNumber: '00001010', OwnerId: q });
            return { snapshot: b.build(), userId: ids.vp, recordId: c };
        },
        expect: {
            maxAccessLevel: 'None',
            layer: 'roleHierarchy',
            status: 'neutral',
            uncertain: false,
            nearMiss: { layer: 'roleHierarchy', stoppedByIncludes: 'Grant Access Using Hierarchies is off for queue Support Queue', fixIncludes: 'Turn on Grant Access Using Hierarchies for queue Support Queue' }
        }
    },
    {
        name: 'a record shared with a queue whose bosses setting was not collected: the manager of a member is uncertain, not granted',
        source: QUEUE_BOSSES,
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Support Queue', { type: 'Queue', members: [ids.rep], doesIncludeBosses: null });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, q, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'uncertain', uncertain: true }
    },
    {
        name: "an account owner's role without a case level, Case Public Read/Write: the role setting doesn't apply and nothing is uncertain",
        source: 'Object Reference "UserRole" (CaseAccessForAccountOwner); Help "Organization-Wide Sharing Defaults" (the account-owner levels are set only when the child default is Private or Public Read Only)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('Case', 'ReadWrite');
            const role = b.role('No Levels', ids.vpRole);
            const owner = b.user('Nina Nolevel', { profileId: ids.standard, roleId: role });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: owner });
            const c = b.record('Case', { CaseNumber: '00001020', OwnerId: ids.support, AccountId: acc });
            return { snapshot: b.build(), userId: owner, recordId: c };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'implicitSharing', status: 'neutral', reasonIncludes: "doesn't apply", uncertain: false }
    },
    {
        name: "an account owner's role without an opportunity level under a Private default: uncertain, never presented as Read",
        source: 'Object Reference "UserRole" (OpportunityAccessForAccountOwner); seed 002 (child implicit per role)',
        build() {
            const { b, ids } = baseOrg();
            const role = b.role('No Levels', ids.vpRole);
            const owner = b.user('Nina Nolevel', { profileId: ids.standard, roleId: role });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: owner });
            const opp = b.record('Opportunity', { Name: 'Deal', OwnerId: ids.support, AccountId: acc });
            return { snapshot: b.build(), userId: owner, recordId: opp };
        },
        expect: { maxAccessLevel: 'None', layer: 'implicitSharing', status: 'uncertain', access: { read: false }, uncertain: true, uncertaintyIncludes: 'Opportunity access for account owners' }
    },
    {
        name: 'transferring to the user removes manual shares only: the fix counts the manual and Apex managed shares and the kept team',
        source: 'Apex Developer Guide "Understanding Sharing" (manual sharing is removed when the owner changes; Apex managed sharing is maintained); Help "Transfer Records" (Keep Account Team)',
        build() {
            const { b, ids } = baseOrg();
            // The owner has no role, so no role change is cheaper than transferring the record.
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.other });
            b.share('Account', acc, ids.support, 'Read', 'Manual');
            b.share('Account', acc, ids.rep2, 'Read', 'Manual');
            b.row('AccountTeamMember', { AccountId: acc, UserId: ids.rep2, AccountAccessLevel: 'Read' });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: {
            maxAccessLevel: 'Read',
            layer: 'manualShares',
            status: 'grants',
            fix: { operation: 'delete', includes: ['Transfer the record to Sam Support'], blastRadiusIncludes: 'removes its manual shares (RowCause Manual; 2 on this record) and keeps its Apex managed shares (custom sharing reasons; 0 on this record); its account team members (1) are removed unless "Keep Account Team" is selected' }
        }
    },
    {
        name: 'HasAllAccess is "can share the record": an owner without object Delete can still share; UserRecordAccess agrees',
        source: 'Object Reference "UserRecordAccess" (HasAllAccess: "Indicates whether a user can share the record")',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRE' } });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.ura(ids.rep, acc, 'Transfer', { read: true, edit: true, delete: false, transfer: true, all: true });
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'Transfer', layer: 'ownership', status: 'grants', access: { delete: false, transfer: true, share: true }, reconciliation: 'agrees' }
    },
    {
        name: 'UserRecordAccess says the user cannot share (HasAllAccess false) where the evidence says they can: the disagreement names the meaning',
        source: 'Object Reference "UserRecordAccess" (HasAllAccess)',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRE' } });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.ura(ids.rep, acc, 'Transfer', { read: true, edit: true, delete: false, transfer: true, all: false });
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'Transfer', layer: 'ownership', status: 'grants', reconciliation: 'disagrees', uncertain: true, uncertaintyIncludes: 'UserRecordAccess says read, edit, transfer' }
    }
];
