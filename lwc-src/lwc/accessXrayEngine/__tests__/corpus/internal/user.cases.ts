/** The User object as a record (seed 003). */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

export const cases: CorpusCase[] = [
    {
        name: 'a user can read and edit their own user record',
        source: 'seed 003 ("users can only read and edit their own user record")',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            return { snapshot: b.build(), userId: ids.rep, recordId: ids.rep };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'ownership', status: 'grants' }
    },
    {
        name: 'User OWD Private: a manager keeps read on subordinates\u2019 user records',
        source: 'seed 003 ("Users with subordinates in the role hierarchy maintain read access")',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            return { snapshot: b.build(), userId: ids.vp, recordId: ids.rep };
        },
        expect: { maxAccessLevel: 'Read', layer: 'roleHierarchy', status: 'grants' }
    },
    {
        name: 'User OWD Private: a peer\u2019s user record is not visible',
        source: 'seed 003 (Organization-wide defaults for user records: Private)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            return { snapshot: b.build(), userId: ids.rep, recordId: ids.rep2 };
        },
        expect: { maxAccessLevel: 'None', layer: 'orgWideDefaults', status: 'neutral' }
    },
    {
        name: 'User OWD Public Read Only for internal users',
        source: 'seed 003 ("defaults to ... Public Read Only for internal users")',
        build() {
            const { b, ids } = baseOrg();
            return { snapshot: b.build(), userId: ids.rep, recordId: ids.rep2 };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants' }
    },
    {
        name: 'View All Users reads every user record',
        source: 'seed 003 ("View All Users" permission)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            const ps = b.permissionSet('User Auditor', { system: { viewAllUsers: true } });
            b.assign(ids.rep, ps);
            return { snapshot: b.build(), userId: ids.rep, recordId: ids.support };
        },
        expect: { maxAccessLevel: 'Read', layer: 'systemPermissions', status: 'grants', reasonIncludes: 'View All Users' }
    },
    {
        name: 'Manage Users implies View All Users',
        source: 'seed 003 ("If you already have the Manage Users permission, you\u2019re automatically granted View All Users")',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            const ps = b.permissionSet('User Admin', { system: { manageUsers: true } });
            b.assign(ids.rep, ps);
            return { snapshot: b.build(), userId: ids.rep, recordId: ids.support };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'systemPermissions', status: 'grants', reasonIncludes: 'Manage Users' }
    },
    {
        name: 'Manage External Users opens partner user records',
        source: 'seed 003 (User sharing for external users: Manage External Users)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            const partnerProfile = b.profile('Partner Community User', { licence: 'Partner Community' });
            const pat = b.user('Pat Partner', { profileId: partnerProfile, userType: 'PowerPartner' });
            const ps = b.permissionSet('Partner Admin', { system: { manageExternalUsers: true } });
            b.assign(ids.rep, ps);
            return { snapshot: b.build(), userId: ids.rep, recordId: pat };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'systemPermissions', status: 'grants', reasonIncludes: 'Manage External Users' }
    },
    {
        name: 'Manage External Users does not open guest user records',
        source: 'seed 003 ("doesn\u2019t grant access to guest or Chatter External users")',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            const guestProfile = b.profile('Site Guest', { licence: 'Guest User License' });
            const gia = b.user('Gia Guest', { profileId: guestProfile, userType: 'Guest' });
            const ps = b.permissionSet('Partner Admin', { system: { manageExternalUsers: true } });
            b.assign(ids.rep, ps);
            return { snapshot: b.build(), userId: ids.rep, recordId: gia };
        },
        expect: { maxAccessLevel: 'None', layer: 'systemPermissions', status: 'neutral', reasonIncludes: 'does not cover' }
    },
    {
        name: 'a manual UserShare row opens a user record',
        source: 'seed 003 (Manual sharing for user records: read or edit)',
        build() {
            const { b, ids } = baseOrg();
            b.owd('User', 'Private', 'Private');
            b.share('User', ids.support, ids.rep, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.rep, recordId: ids.support };
        },
        expect: { maxAccessLevel: 'Read', layer: 'manualShares', status: 'grants' }
    }
];
