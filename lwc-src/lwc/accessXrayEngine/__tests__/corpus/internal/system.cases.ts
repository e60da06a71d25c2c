/** Object permissions (profile, permission sets, groups, muting, expiry) and system permissions. */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

export const cases: CorpusCase[] = [
    {
        name: 'View All Data reads every record of an object the user can read, without Edit',
        source: 'seed 001 layer 10 (View All Data)',
        build() {
            const { b, ids } = baseOrg();
            const ps = b.permissionSet('Auditor', { system: { viewAllData: true } });
            b.assign(ids.other, ps);
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'systemPermissions', status: 'grants', reasonIncludes: 'Auditor', access: { edit: false } }
    },
    {
        name: 'Modify All Data gives everything, even without object permissions',
        source: 'seed 001 layer 10; access-semantics.md §10 ("MAD implies all object permissions")',
        build() {
            const { b, ids } = baseOrg({ objects: {} });
            const ps = b.permissionSet('System Admin Extras', { system: { modifyAllData: true, viewAllData: true } });
            b.assign(ids.other, ps);
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'systemPermissions', status: 'grants', alsoLayers: { objectPermissions: 'grants' } }
    },
    {
        name: 'View All Data without object Read: the object permission still blocks (platform behaviour, not seed 001)',
        source: 'access-semantics.md §10 ("VAD does not grant object Read where the profile lacks it")',
        build() {
            const { b, ids } = baseOrg({ objects: { Contact: 'R' } });
            const ps = b.permissionSet('Auditor', { system: { viewAllData: true } });
            b.assign(ids.other, ps);
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks', alsoLayers: { systemPermissions: 'grants' }, whyNot: { operation: 'read', layer: 'objectPermissions' } }
    },
    {
        name: 'object View All reads every record of the object',
        source: 'seed 001 layer 1 ("View All and Modify All checkboxes bypass all lower layers")',
        build() {
            const { b, ids } = baseOrg();
            const ps = b.permissionSet('Account Viewer', { objects: { Account: 'RV' } });
            b.assign(ids.other, ps);
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'objectPermissions', status: 'grants', reasonIncludes: 'View All on Account' }
    },
    {
        name: 'object Modify All gives every operation on every record',
        source: 'seed 001 layer 1 (Modify All)',
        build() {
            const { b, ids } = baseOrg();
            const ps = b.permissionSet('Account Admin', { objects: { Account: 'CREDVM' } });
            b.assign(ids.other, ps);
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'objectPermissions', status: 'grants', reasonIncludes: 'Account Admin' }
    },
    {
        name: 'object permission from a permission set group',
        source: 'access-semantics.md §1 (permission set groups); Object Reference "PermissionSetGroupComponent"',
        build() {
            const { b, ids } = baseOrg({ objects: {} });
            const ps = b.permissionSet('Invoice Reader', { objects: { Invoice__c: 'R' } });
            const psg = b.permissionSetGroup('Finance', [ps]);
            b.assignGroup(ids.support, psg);
            b.owd('Invoice__c', 'Read');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', alsoLayers: { objectPermissions: 'neutral' } }
    },
    {
        name: 'a muting permission set in the group removes the permission',
        source: 'Metadata API "MutingPermissionSet" (enabled settings are turned off for the group)',
        build() {
            const { b, ids } = baseOrg({ objects: {} });
            const ps = b.permissionSet('Invoice Editor', { objects: { Invoice__c: 'RE' } });
            const mute = b.mutingSet('Mute Invoice Read', { objects: { Invoice__c: 'R' } });
            const psg = b.permissionSetGroup('Finance', [ps, mute]);
            b.assignGroup(ids.support, psg);
            b.owd('Invoice__c', 'Read');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks', reasonIncludes: 'muted' }
    },
    {
        name: 'an expired permission set assignment grants nothing',
        source: 'Object Reference "PermissionSetAssignment" (ExpirationDate)',
        build() {
            const { b, ids } = baseOrg({ objects: {} });
            const ps = b.permissionSet('Invoice Reader', { objects: { Invoice__c: 'R' } });
            b.assign(ids.support, ps, { ExpirationDate: '2025-12-31T00:00:00.000Z' });
            b.owd('Invoice__c', 'Read');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks' }
    },
    {
        name: 'an assignment expiring after collection still grants',
        source: 'Object Reference "PermissionSetAssignment" (ExpirationDate)',
        build() {
            const { b, ids } = baseOrg({ objects: {} });
            const ps = b.permissionSet('Invoice Reader', { objects: { Invoice__c: 'R' } });
            b.assign(ids.support, ps, { ExpirationDate: '2026-12-31T00:00:00.000Z' });
            b.owd('Invoice__c', 'Read');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants' }
    },
    {
        name: 'a permission set adds Edit on top of the profile Read',
        source: 'seed 001 layer 1 ("These come from their assigned profile or permission sets")',
        build() {
            const { b, ids } = baseOrg({ objects: { Account: 'R' } });
            const ps = b.permissionSet('Account Editor', { objects: { Account: 'RE' } });
            b.assign(ids.support, ps);
            b.owd('Account', 'ReadWrite');
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'objectPermissions', status: 'neutral', reasonIncludes: 'Account Editor' }
    },
    {
        name: 'object permissions not collected: uncertain, never a silent answer',
        source: 'access-semantics.md §0 ("missing evidence → uncertain")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const s = b.build();
            delete s.tables.ObjectPermissions;
            return { snapshot: s, userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'objectPermissions', status: 'uncertain', uncertain: true }
    },
    {
        name: 'no object Read blocks even the owner',
        source: 'seed 001 layer 1 ("Read permission grants viewing rights")',
        build() {
            const { b, ids } = baseOrg({ objects: { Contact: 'R' } });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.rep, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks', alsoLayers: { ownership: 'grants' } }
    },
    {
        name: 'UserRecordAccess agreeing with the evidence is reported as agrees',
        source: 'access-semantics.md §14 (Reconciliation)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.ura(ids.vp, acc, 'All');
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'roleHierarchy', status: 'grants', reconciliation: 'agrees' }
    },
    {
        name: 'UserRecordAccess granting what the evidence does not explain is a named disagreement',
        source: 'access-semantics.md §14 ("never hide the mismatch")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.ura(ids.support, acc, 'Read');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'neutral', reconciliation: 'disagrees', uncertain: true }
    }
];

cases.push(
    {
        name: 'a revoked permission set assignment grants nothing',
        source: 'Object Reference "PermissionSetAssignment" (IsRevoked, user access policies)',
        build() {
            const { b, ids } = baseOrg({ objects: {} });
            const ps = b.permissionSet('Invoice Reader', { objects: { Invoice__c: 'R' } });
            b.assign(ids.support, ps, { IsRevoked: true });
            b.owd('Invoice__c', 'Read');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'None', layer: 'objectPermissions', status: 'blocks' }
    },
    {
        name: 'a permission set group whose recalculation failed is reported as uncertain',
        source: 'Object Reference "PermissionSetGroup" (Status Updated/Outdated/Updating/Failed)',
        build() {
            const { b, ids } = baseOrg({ objects: {} });
            const ps = b.permissionSet('Invoice Reader', { objects: { Invoice__c: 'R' } });
            const psg = b.permissionSetGroup('Finance', [ps], 'Failed');
            b.assignGroup(ids.support, psg);
            b.owd('Invoice__c', 'Read');
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: inv };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', uncertain: true }
    },
    {
        name: 'a profile-owned permission set assigned through PermissionSetAssignment counts once, as the profile',
        source: 'access-semantics.md §1 (PermissionSetAssignment includes the profile\u2019s set)',
        build() {
            const { b, ids } = baseOrg();
            b.assign(ids.support, b.profileSet(ids.standard));
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'objectPermissions', status: 'neutral', reasonIncludes: 'Read via profile Standard User;' }
    }
);
