/** Role hierarchy: above the owner, above share recipients, Grant Access Using Hierarchies. */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

export const cases: CorpusCase[] = [
    {
        name: 'a role above the owner gets the owner access',
        source: 'seed 001 layer 4 (Role Hierarchy)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'roleHierarchy', status: 'grants', reasonIncludes: 'VP Sales', pathIncludes: 'owner Ana Rep' }
    },
    {
        name: 'two levels above the owner also inherits',
        source: 'seed 001 layer 4 ("users in parent roles can see records owned by users in child roles")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.ceo, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'roleHierarchy', status: 'grants' }
    },
    {
        name: 'a peer in the same role gets nothing from the hierarchy',
        source: 'seed 001 layer 3 ("users below them cannot")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep2, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'neutral' }
    },
    {
        name: 'a subordinate of the owner gets nothing',
        source: 'seed 001 layer 4 ("If below, they do not")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.vp });
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'neutral' }
    },
    {
        name: 'a user with no role gets nothing through the hierarchy',
        source: 'access-semantics.md §4 ("Users without a role get nothing through the hierarchy")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'neutral', reasonIncludes: 'no role' }
    },
    {
        name: 'Grant Access Using Hierarchies off for a custom object: the manager gets nothing',
        source: 'seed 000 note at step 2; access-semantics.md §4',
        build() {
            const { b, ids } = baseOrg();
            b.setting('grantAccessUsingHierarchies.Invoice__c', false, 'admin', 'Sharing Settings screenshot');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.vp, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'neutral', reasonIncludes: 'Grant Access Using Hierarchies is off' }
    },
    {
        name: 'Grant Access Using Hierarchies unknown for a custom object: assumed on, and said so',
        source: 'access-semantics.md §4 ("reports which value it used")',
        build() {
            const { b, ids } = baseOrg();
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.vp, recordId: inv };
        },
        expect: { maxAccessLevel: 'All', layer: 'roleHierarchy', status: 'grants', uncertain: true }
    },
    {
        name: 'Grant Access Using Hierarchies cannot be off for a standard object',
        source: 'seed 000 note at step 2 (the setting exists for custom objects only)',
        build() {
            const { b, ids } = baseOrg();
            b.setting('grantAccessUsingHierarchies.Account', false, 'admin');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'roleHierarchy', status: 'grants' }
    },
    {
        name: 'a manager inherits a manual share given to a subordinate',
        source: 'access-semantics.md §4 ("Roles above also inherit records shared to subordinate users")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, ids.rep, 'Edit', 'Manual');
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'roleHierarchy', status: 'grants', reasonIncludes: 'Ana Rep', access: { delete: false } }
    },
    {
        name: 'a manager inherits a sharing-rule share to a subordinate role',
        source: 'access-semantics.md §4 (inheritance of sharing-rule shares)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, b.roleGroup(ids.repRole, 'Role'), 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'roleHierarchy', status: 'grants' }
    },
    {
        name: 'public group with Grant Access Using Hierarchies: the manager of a member inherits',
        source: 'Object Reference "Group" (DoesIncludeBosses = Grant Access Using Hierarchies); api-vocabulary.md §10',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('Deal Desk', { members: [ids.rep], doesIncludeBosses: true });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, g, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'roleHierarchy', status: 'grants', reasonIncludes: 'Deal Desk' }
    },
    {
        name: 'public group without Grant Access Using Hierarchies: the manager of a member gets nothing',
        source: 'Object Reference "Group" (DoesIncludeBosses false)',
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('Deal Desk', { members: [ids.rep], doesIncludeBosses: false });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            b.share('Account', acc, g, 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'neutral' }
    },
    {
        name: 'queue with DoesIncludeBosses: the manager of a queue member gets owner access',
        source: 'api-vocabulary.md §10 (Queue doesIncludeBosses, Summer \u201926)',
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Sales Queue', { type: 'Queue', members: [ids.rep], doesIncludeBosses: true });
            const c = b.record('Case', { CaseNumber: '00001010', OwnerId: q });
            return { snapshot: b.build(), userId: ids.vp, recordId: c };
        },
        expect: { maxAccessLevel: 'All', layer: 'roleHierarchy', status: 'grants', reasonIncludes: 'Sales Queue' }
    },
    {
        name: 'queue without DoesIncludeBosses: the manager of a queue member gets nothing',
        source: 'api-vocabulary.md §10 (Queue doesIncludeBosses false)',
        build() {
            const { b, ids } = baseOrg();
            const q = b.group('Sales Queue', { type: 'Queue', members: [ids.rep], doesIncludeBosses: false });
            const c = b.record('Case', { CaseNumber: '00001011', OwnerId: q });
            return { snapshot: b.build(), userId: ids.vp, recordId: c };
        },
        expect: { maxAccessLevel: 'None', layer: 'roleHierarchy', status: 'neutral' }
    }
];
