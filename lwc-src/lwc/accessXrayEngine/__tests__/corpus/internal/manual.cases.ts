/** Manual and Apex-managed shares. */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

export const cases: CorpusCase[] = [
    {
        name: 'manual Read share to the user',
        source: 'seed 001 layer 8 (Manual Shares)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'manualShares', status: 'grants', reasonIncludes: 'Manual Sharing' }
    },
    {
        name: 'manual Read/Write share to a group the user is in',
        source: 'seed 001 layer 8 ("share a single record with a user or group")',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('Legal', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'manualShares', status: 'grants', pathIncludes: 'Legal' }
    },
    {
        name: 'Apex managed share names its sharing reason',
        source: 'Apex Developer Guide "Sharing a Record Using Apex" (custom RowCause <Reason>__c)',
        build() {
            const { b, ids } = baseOrg();
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Edit', 'Billing_Review__c');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'manualShares', status: 'grants', reasonIncludes: 'Billing_Review__c' }
    },
    {
        name: 'manual share without object Read gives nothing',
        source: 'access-semantics.md §1 ("A manual share or sharing rule does not give access without object Read")',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'CRED' } });
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks', alsoLayers: { manualShares: 'grants' } }
    },
    {
        name: 'Read/Write manual share never gives Delete',
        source: 'access-semantics.md §2 ("never Delete/Transfer/Share: those need ownership, hierarchy, Full Access, Modify All or MAD")',
        build() {
            const { b, ids } = baseOrg();
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'manualShares', status: 'grants', access: { delete: false, share: false }, whyNot: { operation: 'delete', layer: 'ownership' } }
    },
    {
        name: 'Full Access share gives Delete, Transfer and Share',
        source: 'Object Reference "StandardObjectNameShare" (AccessLevel All = Full Access)',
        build() {
            const { b, ids } = baseOrg();
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            b.share('Invoice__c', inv, ids.support, 'All', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'All', layer: 'manualShares', status: 'grants', access: { delete: true } }
    },
    {
        name: 'several paths: owner rule and manual share are all listed',
        source: 'access-semantics.md §0 ("An explanation is the set of grant paths")',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('EMEA Sales', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Read', 'Rule');
            b.share('Account', acc, ids.support, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'manualShares', status: 'grants', alsoLayers: { sharingRules: 'grants' } }
    }
];
