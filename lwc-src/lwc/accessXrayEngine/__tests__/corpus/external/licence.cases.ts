/**
 * Licence awareness and high-volume users (seed 000 first step; seed 003; seed 004;
 * Salesforce Help "Experience Cloud User Licenses", "About High-Volume Community or Site Users").
 */
import type { ExternalCase } from './caseTypes';

export const licenceCases: ExternalCase[] = [
    {
        id: 'EXT-LIC-01',
        title: 'Customer Community user cannot have Opportunity at all, even with object permission and a manual share',
        source: 'seed 000 step 0 (review the objects available for the licence); Help "Experience Cloud User Licenses"',
        arrange: (org) => {
            org.share('OpportunityShare', org.ids['opportunity.acmeDeal'] as string, org.ids['user.hank'] as string, 'Read', 'Manual');
        },
        user: 'user.hank',
        record: 'opportunity.acmeDeal',
        expect: {
            access: { read: false, edit: false },
            layers: { experienceCloud: 'blocks', objectPermissions: 'neutral' },
            reasons: { experienceCloud: ["can't have opportunity at all", 'partner community'] }
        },
        check: (e) => {
            const step = e.layers.find((l) => l.id === 'experienceCloud')?.nextSteps[0];
            expect(step?.action).toContain('licence that includes Opportunity');
        }
    },
    {
        id: 'EXT-LIC-02',
        title: 'Customer Community Plus user cannot have Lead (a Partner Community object)',
        source: 'seed 000 step 0; Help "Experience Cloud User Licenses" (leads, opportunities, campaigns: Partner Community)',
        user: 'user.cleo',
        record: 'lead.lee',
        expect: { access: { read: false }, layers: { experienceCloud: 'blocks' }, reasons: { experienceCloud: ['customer community plus', "can't have lead"] } }
    },
    {
        id: 'EXT-LIC-03',
        title: 'Partner Community licence includes Lead: a manual share gives Read and the Experience Cloud layer does not block',
        source: 'Help "Experience Cloud User Licenses"; seed 001 layer 8 (manual sharing)',
        arrange: (org) => {
            org.add('LeadShare', { LeadId: org.ids['lead.lee'], UserOrGroupId: org.ids['user.pat'], LeadAccessLevel: 'Read', RowCause: 'Manual' });
        },
        user: 'user.pat',
        record: 'lead.lee',
        expect: { access: { read: true, edit: false }, layers: { manualShares: 'grants', experienceCloud: 'neutral' } }
    },
    {
        id: 'EXT-LIC-04',
        title: 'Authenticated Website licence has no Case object',
        source: 'seed 004 (Authenticated Website CRUD: Document, Price Book, Product, Account, Asset, Idea, custom objects)',
        arrange: (org) => {
            org.row(org.ids['case.c2002'] as string).OwnerId = org.ids['user.ava'];
        },
        user: 'user.ava',
        record: 'case.c2002',
        expect: { access: { read: false }, layers: { experienceCloud: 'blocks', ownership: 'grants' }, reasons: { experienceCloud: ['authenticated website', "licence doesn't include it"] } }
    },
    {
        id: 'EXT-LIC-05',
        title: 'High Volume Customer Portal owner of a case gets read/edit but not delete or share (licence CRUD cap)',
        source: 'seed 004 (Service Cloud Portal: Create, Read, Update on Case — no Delete)',
        arrange: (org) => {
            org.row(org.ids['case.c2002'] as string).OwnerId = org.ids['user.sam'];
            org.objectPerms('hvcp', 'Case', { delete: true });
        },
        user: 'user.sam',
        record: 'case.c2002',
        expect: { access: { read: true, edit: true, delete: false, share: false }, layers: { ownership: 'grants' }, reasons: { experienceCloud: ['at most read/edit on case'] } }
    },
    {
        id: 'EXT-LIC-06',
        title: 'Internal user: Experience Cloud checks do not apply',
        source: 'access-semantics.md §12 (Experience Cloud layer covers external licences only)',
        user: 'user.olivia',
        record: 'case.c1001',
        expect: { layers: { experienceCloud: 'notApplicable' }, reasons: { experienceCloud: ['internal user', "experience cloud checks don't apply"] } }
    },
    {
        id: 'EXT-HV-01',
        title: 'High-volume user: role hierarchy, sharing rules and teams are not applicable, and the Experience Cloud layer says why',
        source: 'seed 004 ("users do not have roles and can\'t be added to teams, groups or sharing rules"); seed 003',
        user: 'user.hank',
        record: 'case.c1001',
        expect: {
            access: { read: false },
            layers: { roleHierarchy: 'notApplicable', sharingRules: 'notApplicable', teams: 'notApplicable', experienceCloud: 'neutral' },
            reasons: { experienceCloud: ['high-volume users have no role', 'sharing sets'] }
        }
    },
    {
        id: 'EXT-HV-02',
        title: 'High-volume (Customer Community) user reads the account they belong to, but cannot edit it',
        source: 'seed 004 default record access ("Read on Account related to the portal user"); Help "About High-Volume Community or Site Users"',
        user: 'user.hank',
        record: 'account.globex',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['read on the account they belong to'] } }
    },
    {
        id: 'EXT-HV-03',
        title: 'High Volume Customer Portal (Service Cloud Portal) user reads and updates their own account',
        source: 'seed 004 Service Cloud Portal default access ("Read and Update on Account and Contact related to the portal user")',
        user: 'user.sam',
        record: 'account.globex',
        expect: { access: { read: true, edit: true, delete: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['read and update'] } }
    },
    {
        id: 'EXT-HV-04',
        title: 'High-volume user reads and updates their own contact',
        source: 'seed 004 default record access ("Read and Update on Contact related to the portal user")',
        user: 'user.hank',
        record: 'contact.hank',
        expect: { access: { read: true, edit: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['own contact'] } }
    },
    {
        id: 'EXT-HV-05',
        title: "High-volume user does not see another contact of their account (no portal implicit contact sharing for Customer Community)",
        source: 'seed 002 ("I have tested these for CC users, they DO NOT work for them")',
        user: 'user.hank',
        record: 'contact.cleo',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' }, reasons: { experienceCloud: ['customer community plus and partner users only'] } }
    },
    {
        id: 'EXT-HV-06',
        title: 'Customer Community user who is the case contact gets nothing from "related cases", even with the setting on',
        source: 'seed 002 (related-cases implicit sharing is for CC+ and Partner users, not CC)',
        arrange: (org) => org.setting('experienceCloud.grantSiteUsersAccessToRelatedCases', true),
        user: 'user.hank',
        record: 'case.c2002',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' }, reasons: { experienceCloud: ['related cases'] } },
        check: (e) => {
            const step = e.layers.find((l) => l.id === 'experienceCloud')?.nextSteps.find((s) => s.kind === 'editSharingSet');
            expect(step?.action).toMatch(/sharing set/i);
        }
    },
    {
        id: 'EXT-HV-07',
        title: 'High-volume user owns a custom-object record: ownership gives full access (custom objects are fully available to the licence)',
        source: 'seed 004 ("Full access to Custom Objects"; default access "Custom object records owned by the user")',
        user: 'user.hank',
        record: 'invoice.inv1',
        expect: { access: { read: true, edit: true }, layers: { ownership: 'grants', experienceCloud: 'neutral' } }
    },
    {
        id: 'EXT-HV-08',
        title: 'High-volume user reads the master record of a detail record they own',
        source: 'seed 004 default access ("Master records where the user has access to the detail record and vice-versa")',
        arrange: (org) => {
            org.add('Invoice_Line__c', { Name: 'LINE-1', Invoice__c: org.ids['invoice.inv2'], OwnerId: org.ids['user.ava'] });
            org.snapshot.describe = {
                Invoice_Line__c: {
                    name: 'Invoice_Line__c',
                    fields: [{ name: 'Invoice__c', type: 'reference', referenceTo: ['Invoice__c'], cascadeDelete: true, nillable: false, relationshipName: 'Invoice__r' }]
                }
            };
        },
        user: 'user.ava',
        record: 'invoice.inv2',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['detail of this record', 'high-volume users can read master records of details they can access'] } }
    },
    {
        id: 'EXT-GUEST-01',
        title: 'Guest user reads a record through a guest user sharing rule, and gets read only even if the row says Edit',
        source: 'access-semantics.md §5/§12 (guest sharing rules grant read only); rowCauses GuestRule',
        arrange: (org) => {
            org.objectPerms('guest', 'Confidential_Doc__c', { edit: true });
            org.add('Confidential_Doc__Share', { ParentId: org.ids['doc.public'], UserOrGroupId: org.ids['user.gia'], AccessLevel: 'Edit', RowCause: 'GuestRule' });
        },
        user: 'user.gia',
        record: 'doc.public',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['guest user sharing rule', 'read only'] } }
    },
    {
        id: 'EXT-GUEST-02',
        title: 'Guest user without a guest sharing rule sees nothing; the next step is a guest sharing rule',
        source: 'access-semantics.md §12 (guest users: read only via guest sharing rules)',
        user: 'user.gia',
        record: 'doc.public',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' }, reasons: { experienceCloud: ['guest user sharing rules'] } },
        check: (e) => {
            expect(e.layers.find((l) => l.id === 'experienceCloud')?.nextSteps.some((s) => s.kind === 'editSharingRule')).toBe(true);
        }
    },
    {
        id: 'EXT-LIC-07',
        title: 'Chatter Free user cannot have CRM records such as Account',
        source: 'Salesforce Help "Chatter Free and Chatter External licenses"; seed 003 (Chatter users in sharing)',
        arrange: (org) => {
            const lic = org.add('UserLicense', { Name: 'Chatter Free' });
            const profile = org.add('Profile', { Name: 'Chatter Free User', UserType: 'CsnOnly', UserLicenseId: lic, UserLicense: { Name: 'Chatter Free' } });
            org.ids['user.chet'] = org.add('User', { Name: 'Chet Chatter', IsActive: true, UserType: 'CsnOnly', ProfileId: profile, Profile: { Name: 'Chatter Free User', UserLicense: { Name: 'Chatter Free' } } });
        },
        user: 'user.chet',
        record: 'account.acme',
        expect: { access: { read: false }, layers: { experienceCloud: 'blocks' }, reasons: { experienceCloud: ["can't have account at all", 'no access to crm records'] } }
    }
];
