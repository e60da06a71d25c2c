/**
 * Fixes that fit the operation: the smallest fix offered for a denied operation makes THAT
 * operation possible — with the object permission it also needs, never a share for an operation
 * object permissions forbid or a share can't give (Delete, Transfer, Share need Full Access).
 */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

const OBJECT_PERMS = 'Help "Object Permissions" (Delete on the object is needed to delete any record); seed 001 layer 1';
const FULL_ACCESS = 'Apex Developer Guide "Understanding Sharing" (Full Access: owner, users above the owner, Modify All); Help "Share Records Manually" (Read Only or Read/Write)';

export const cases: CorpusCase[] = [
    {
        name: 'the owner without object Delete: the delete fix grants Delete (naming the permission set) and is never a share',
        source: OBJECT_PERMS,
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'CRE' } });
            b.permissionSet('Invoice Cleanup', { objects: { Invoice__c: 'RED' } });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep, recordId: inv };
        },
        expect: {
            maxAccessLevel: 'Transfer',
            layer: 'ownership',
            status: 'grants',
            access: { delete: false, share: true },
            whyNot: { operation: 'delete', layer: 'objectPermissions' },
            fix: { operation: 'delete', includes: ['Assign permission set Invoice Cleanup', 'Delete on Invoice__c'], excludes: ['Share'], blastRadiusIncludes: 'user(s) hold it today' }
        }
    },
    {
        name: 'Read through a share and no object Edit: the edit fix pairs a Read/Write share with the Edit permission',
        source: `${OBJECT_PERMS}; ${FULL_ACCESS}`,
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'R' } });
            b.permissionSet('Invoice Editors', { objects: { Invoice__c: 'RE' } });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: {
            maxAccessLevel: 'Read',
            layer: 'sharingRules',
            status: 'grants',
            fix: { operation: 'edit', includes: ['Share this record manually with Sam Support', 'and assign permission set Invoice Editors'] }
        }
    },
    {
        name: 'object Edit is there, the share is Read Only: the edit fix is a Read/Write share alone',
        source: FULL_ACCESS,
        build() {
            const { b, ids } = baseOrg();
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'Read', layer: 'sharingRules', status: 'grants', fix: { operation: 'edit', includes: ['Share this record manually'], excludes: ['permission set'], blastRadiusIncludes: 'removed when the record’s owner changes' } }
    },
    {
        name: 'delete with Read/Write and object Delete: a share can never give Delete, so the fix gives Full Access (here a role above the owner)',
        source: FULL_ACCESS,
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: {
            maxAccessLevel: 'Edit',
            layer: 'manualShares',
            status: 'grants',
            whyNot: { operation: 'delete', layer: 'ownership' },
            fix: { operation: 'delete', includes: ['Move Sam Support to a role above Sales Rep'], excludes: ['Share this record'] }
        }
    },
    {
        name: 'transfer of a queue-owned case: joining the queue gives owner access, a cheaper fit than transferring',
        source: 'Help "Queues" (members get owner access); Help "Transfer Records"',
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Support Queue', { type: 'Queue', members: [ids.rep2] });
            const c = b.record('Case', { CaseNumber: '00001040', OwnerId: q });
            b.share('Case', c, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'manualShares', status: 'grants', fix: { operation: 'transfer', includes: ['Add Sam Support to queue Support Queue'] } }
    },
    {
        name: 'no object Read: the read fix grants Read (a permission set), never a share alone',
        source: `${OBJECT_PERMS}; seed 001 layer 1 ("a manual share or sharing rule does not give access without object Read")`,
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRED' } });
            b.permissionSet('Invoice Viewers', { objects: { Invoice__c: 'R' } });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks', fix: { operation: 'read', includes: ['Share this record manually', 'and assign permission set Invoice Viewers'] } }
    },
    {
        name: "a path never promises more than the object permissions allow: the manager's owner-level path ends at Read, and says it is capped",
        source: `${OBJECT_PERMS}; Apex Developer Guide "Understanding Sharing" (users above the owner get the owner's access)`,
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'R', Account: 'CRED' } });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.vp, recordId: inv };
        },
        expect: { maxAccessLevel: 'Read', layer: 'roleHierarchy', status: 'grants', access: { edit: false, share: true }, pathIncludes: '→ Read (All capped at Read by object permissions on Invoice__c (Read only))' }
    },
    {
        name: 'no fix that makes the operation possible is known: none is offered rather than one that would not work',
        source: 'brief: a fix offered must make the asked operation possible',
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'R', Account: 'CRED' } });
            b.metadataList('RestrictionRule', [
                { DeveloperName: 'Nobody', MasterLabel: 'Nobody', EnforcementType: 'Restrict', TargetEntity: 'Invoice__c', UserCriteria: '$User.IsActive = true', RecordFilter: "Region__c = 'NONE'", IsActive: true }
            ]);
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep, Region__c: 'AMER' });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'restrictionRules', status: 'blocks', fix: { operation: 'edit', none: true } }
    }
];
