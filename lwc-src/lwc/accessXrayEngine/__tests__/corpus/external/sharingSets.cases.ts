/**
 * Sharing sets and share groups (seed 000 step 8; seed 004; Metadata API "SharingSet";
 * Help "Use Share Groups to Share Records Owned by High-Volume Experience Cloud Site Users").
 */
import { sharingSet } from '../../external/acmeOrg';
import type { ExternalCase } from './caseTypes';

export const sharingSetCases: ExternalCase[] = [
    {
        id: 'EXT-SS-01',
        title: "Sharing set maps the user's account to the case's account: Read on every case of the account",
        source: 'seed 004 (sharing sets: records related to the portal user\'s contact or account); Metadata API SharingSet accessMappings',
        arrange: (org) => {
            sharingSet(org, 'CC_Account_Cases', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }]);
        },
        user: 'user.hank',
        record: 'case.c2001',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['sharing set cc account cases', 'user.account → case.account'] } },
        check: (e) => {
            expect(e.paths.some((p) => p.layer === 'experienceCloud' && p.steps.some((s) => s.kind === 'sharingSet'))).toBe(true);
            expect(e.layers.find((l) => l.id === 'experienceCloud')?.evidence).toContain('metadata:SharingSet:CC_Account_Cases');
        }
    },
    {
        id: 'EXT-SS-02',
        title: 'Sharing set with Read/Write access gives edit',
        source: 'seed 004 ("Access level can be read-only or read-write")',
        arrange: (org) => {
            sharingSet(org, 'CC_Account_Cases_RW', ['cc'], [{ accessLevel: 'Edit', object: 'Case', objectField: 'Account', userField: 'Account' }]);
        },
        user: 'user.hank',
        record: 'case.c2001',
        expect: { access: { read: true, edit: true, delete: false }, layers: { experienceCloud: 'grants' } }
    },
    {
        id: 'EXT-SS-03',
        title: "Sharing set for the user's profile without a mapping for the object: no access, next step adds a mapping",
        source: 'seed 000 step 8 ("make sure that the correct profiles are selected and the access mapping is configured correctly")',
        arrange: (org) => {
            sharingSet(org, 'CC_Invoices', ['cc'], [{ accessLevel: 'Read', object: 'Invoice__c', objectField: 'Account__c', userField: 'Account' }]);
        },
        user: 'user.hank',
        record: 'case.c2001',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' }, reasons: { experienceCloud: ['has no access mapping for case'] } },
        check: (e) => {
            const step = e.layers.find((l) => l.id === 'experienceCloud')?.nextSteps.find((s) => s.kind === 'editSharingSet');
            expect(step?.action).toContain('Add an access mapping for Case to sharing set CC Invoices');
        }
    },
    {
        id: 'EXT-SS-04',
        title: "No sharing set lists the user's profile: the next step creates one",
        source: 'seed 004 (sharing sets are per profile)',
        user: 'user.hank',
        record: 'case.c2001',
        expect: { access: { read: false }, reasons: { experienceCloud: ['no sharing set lists the profile acme customer community user'] } },
        check: (e) => {
            expect(e.layers.find((l) => l.id === 'experienceCloud')?.nextSteps.some((s) => s.kind === 'editSharingSet' && s.action.startsWith('Create a sharing set'))).toBe(true);
        }
    },
    {
        id: 'EXT-SS-05',
        title: 'Mapping on a record of another account does not match, and says which values differ',
        source: 'Metadata API SharingSet (objectField / userField must match)',
        arrange: (org) => {
            sharingSet(org, 'CC_Account_Cases', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }]);
        },
        user: 'user.hank',
        record: 'case.c1001',
        expect: { access: { read: false }, reasons: { experienceCloud: ["(globex) doesn't match", 'acme corp'] } }
    },
    {
        id: 'EXT-SS-06',
        title: 'Sharing-set access is not extended to superiors in the role hierarchy',
        source: 'seed 000 step 8 ("access granted to users via a sharing set isn\'t extended to their superiors in the role hierarchy"); Help "Create a Sharing Set"',
        arrange: (org) => {
            org.setting('experienceCloud.grantSiteUsersAccessToRelatedCases', false);
            sharingSet(org, 'Partner_My_Cases', ['partner'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Contact', userField: 'Contact' }]);
        },
        user: 'user.max',
        record: 'case.c1002',
        expect: { access: { read: false }, layers: { roleHierarchy: 'neutral', experienceCloud: 'neutral' } },
        check: (e, org) => {
            // The subordinate (the case contact) does get it through the same sharing set.
            expect(e.layers.find((l) => l.id === 'experienceCloud')?.reason).toContain("doesn't match");
            expect(org.ids['user.pat']).toBeDefined();
        }
    },
    {
        id: 'EXT-SS-07',
        title: 'The subordinate of EXT-SS-06 does get the case through the sharing set (Contact → Case.Contact)',
        source: 'Metadata API SharingSet (userField Contact, objectField Contact)',
        arrange: (org) => {
            org.setting('experienceCloud.grantSiteUsersAccessToRelatedCases', false);
            sharingSet(org, 'Partner_My_Cases', ['partner'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Contact', userField: 'Contact' }]);
        },
        user: 'user.pat',
        record: 'case.c1002',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' } }
    },
    {
        id: 'EXT-SS-08',
        title: 'Sharing sets not collected: the Experience Cloud layer is uncertain and says how to collect them',
        source: 'access-semantics.md §12 (Metadata SharingSet; missing evidence → uncertain)',
        arrange: (org) => {
            delete org.snapshot.metadata?.SharingSet;
            org.snapshot.meta.unavailable = [{ table: 'SharingSet', reason: 'Metadata API not reachable', fix: 'retrieve SharingSet metadata' }];
        },
        user: 'user.hank',
        record: 'case.c2001',
        expect: { access: { read: false }, uncertain: true, layers: { experienceCloud: 'uncertain' }, reasons: { experienceCloud: ['sharing sets were not collected', 'metadata api not reachable'] } }
    },
    {
        id: 'EXT-SS-09',
        title: 'A profile in two sharing sets is reported (one sharing set per profile)',
        source: 'seed 004 ("each user profile can be associated with only one sharing set")',
        arrange: (org) => {
            sharingSet(org, 'Set_A', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }]);
            sharingSet(org, 'Set_B', ['cc'], [{ accessLevel: 'Read', object: 'Invoice__c', objectField: 'Account__c', userField: 'Account' }]);
        },
        user: 'user.hank',
        record: 'case.c2001',
        expect: { access: { read: true }, uncertain: true },
        check: (e) => {
            expect(e.uncertainties.join(' ')).toContain('only one sharing set');
        }
    },
    {
        id: 'EXT-SS-10',
        title: 'Contact.RelatedAccount mapping follows AccountContactRelation to another account',
        source: 'Metadata API SharingSet (userField Contact.RelatedAccount)',
        arrange: (org) => {
            org.add('AccountContactRelation', { AccountId: org.ids['account.initech'], ContactId: org.ids['contact.hank'], IsActive: true, IsDirect: false });
            sharingSet(org, 'CC_Related_Invoices', ['cc'], [{ accessLevel: 'Read', object: 'Invoice__c', objectField: 'Account__c', userField: 'Contact.RelatedAccount' }]);
        },
        user: 'user.hank',
        record: 'invoice.inv2',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['contact.relatedaccount', 'initech'] } }
    },
    {
        id: 'EXT-SG-01',
        title: 'Share group member reads a record owned by a high-volume user, on an object the sharing set does not list',
        source: 'seed 000 step 8 ("share group members can access any records owned by high-volume users associated with the sharing set, even if the objects aren\'t defined in the sharing set")',
        arrange: (org) => {
            const group = org.add('Group', { Name: 'Customer Success', DeveloperName: 'Customer_Success', Type: 'Regular' });
            org.add('GroupMember', { GroupId: group, UserOrGroupId: org.ids['user.ian'] });
            sharingSet(org, 'CC_Account_Cases', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }], [group]);
        },
        user: 'user.ian',
        record: 'invoice.inv1',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['member of customer success', 'high-volume user hank highvolume'] } },
        check: (e) => {
            expect(e.paths.some((p) => p.layer === 'experienceCloud' && p.summary.includes('share group'))).toBe(true);
        }
    },
    {
        id: 'EXT-SG-02',
        title: 'A partner user listed in the share group reads the high-volume user\'s record',
        source: 'Help "Use Share Groups…" (members can be internal users and external users); seed 000 step 8',
        arrange: (org) => {
            sharingSet(org, 'CC_Account_Cases', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }], [org.ids['user.pat'] as string]);
        },
        user: 'user.pat',
        record: 'invoice.inv1',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['share group of sharing set cc account cases', 'listed directly in the share group', 'hank highvolume'] } }
    },
    {
        id: 'EXT-SG-03',
        title: 'Not in the share group: no access, and the layer says whose records the share group covers',
        source: 'seed 000 step 8 ("make sure that the correct members are added to the share group")',
        arrange: (org) => {
            sharingSet(org, 'CC_Account_Cases', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }], [org.ids['user.max'] as string]);
        },
        user: 'user.pat',
        record: 'invoice.inv1',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' }, reasons: { experienceCloud: ['not a member of the share group'] } }
    },
    {
        id: 'EXT-SG-04',
        title: 'A role listed in the share group reaches the users who hold it',
        source: 'seed 004 ("A Share Group … provides access to records owned by HVPU to other users, via Public Group, Role, Role and Subordinates and Users")',
        arrange: (org) => {
            sharingSet(org, 'CC_Account_Cases', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }], [org.ids['role.support'] as string]);
        },
        user: 'user.ian',
        record: 'invoice.inv1',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['role support agent is in the share group'] } }
    },
    {
        id: 'EXT-SS-11',
        title: "Manager.Contact mapping: a user sees records of their manager's contact",
        source: 'Metadata API SharingSet (userField Manager.Contact)',
        arrange: (org) => {
            org.row(org.ids['user.hank'] as string).ManagerId = org.ids['user.sam'];
            sharingSet(org, 'CC_Manager_Invoices', ['cc'], [{ accessLevel: 'Read', object: 'Invoice__c', objectField: 'Contact__c', userField: 'Manager.Contact' }]);
            org.row(org.ids['invoice.inv2'] as string).Contact__c = org.ids['contact.sam'];
        },
        user: 'user.hank',
        record: 'invoice.inv2',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['manager.contact'] } }
    }
];
