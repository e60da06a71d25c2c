/**
 * Portal implicit sharing for Customer Community Plus and Partner users, the related-cases
 * setting, and Experience Cloud share-row causes (seed 002; Spring '19 release notes
 * "Restrict Community User Access to Cases"; Object Reference CaseShare/AccountShare RowCause).
 */
import type { ExternalCase } from './caseTypes';

const RELATED = 'experienceCloud.grantSiteUsersAccessToRelatedCases';
const UNENABLED = 'experienceCloud.seeContactsNotEnabled';

export const portalCases: ExternalCase[] = [
    {
        id: 'EXT-PI-01',
        title: 'Partner user reads an enabled contact of their own account',
        source: 'seed 002 (CC+ or Partner users see contacts of their account that are enabled as users)',
        user: 'user.pat',
        record: 'contact.max',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['enabled as an experience cloud user'] } }
    },
    {
        id: 'EXT-PI-02',
        title: 'Partner user does not see a contact of their account that is not enabled, with the setting off (assumed default)',
        source: 'seed 002 ("Allow users to see contacts that have not been enabled…" must be checked)',
        user: 'user.pat',
        record: 'contact.nora',
        expect: {
            access: { read: false },
            layers: { experienceCloud: 'neutral' },
            reasons: { experienceCloud: ["isn't enabled as a site user", '"Allow users to see contacts that have not been enabled" is off (assumed'] },
            settingsUsed: { [UNENABLED]: { value: false, provenance: 'assumed' } }
        },
        check: (e) => {
            expect(e.layers.find((l) => l.id === 'experienceCloud')?.nextSteps.some((s) => s.kind === 'changeSetting')).toBe(true);
        }
    },
    {
        id: 'EXT-PI-03',
        title: 'With "see contacts not enabled" on, the partner user reads every contact of their account; the explanation shows the admin-entered value',
        source: 'seed 002 (Setup > Digital Experience > Settings > "Allow users to see contacts that have not been enabled")',
        arrange: (org) => org.setting(UNENABLED, true),
        user: 'user.pat',
        record: 'contact.nora',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' }, settingsUsed: { [UNENABLED]: { value: true, provenance: 'admin' } } }
    },
    {
        id: 'EXT-PI-04',
        title: 'Partner user does not see contacts of another account through portal implicit sharing',
        source: 'seed 002 (contacts "associated to the account their user is linked to")',
        user: 'user.pat',
        record: 'contact.cleo',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' }, reasons: { experienceCloud: ['not on pat partner'] } }
    },
    {
        id: 'EXT-PI-05',
        title: 'Partner user reads their own account (portal implicit)',
        source: 'Object Reference AccountShare RowCause PortalImplicit; seed 002',
        user: 'user.pat',
        record: 'account.acme',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['portalimplicit'] } }
    },
    {
        id: 'EXT-RC-01',
        title: 'Partner user who is the case contact gets Read/Write when "Grant site users access to related cases" is on',
        source: 'seed 002; seed 000 step 14 (Grant site users access to related cases)',
        arrange: (org) => org.setting(RELATED, true),
        user: 'user.pat',
        record: 'case.c1002',
        expect: {
            access: { read: true, edit: true, delete: false },
            layers: { experienceCloud: 'grants' },
            reasons: { experienceCloud: ['contact on this case', '"Grant site users access to related cases" is on (entered by an administrator)'] },
            settingsUsed: { [RELATED]: { value: true, provenance: 'admin' } }
        }
    },
    {
        id: 'EXT-RC-02',
        title: 'Setting off: the case contact gets nothing, and the next step names the setting',
        source: 'seed 002 ("You can turn this off in Setup -> Sharing Settings")',
        arrange: (org) => org.setting(RELATED, false),
        user: 'user.pat',
        record: 'case.c1002',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' }, reasons: { experienceCloud: ['is off'] } },
        check: (e) => {
            const step = e.layers.find((l) => l.id === 'experienceCloud')?.nextSteps.find((s) => s.kind === 'changeSetting');
            expect(step?.action).toContain('Grant site users access to related cases');
        }
    },
    {
        id: 'EXT-RC-03',
        title: 'Setting unknown: the documented default (on) is assumed and shown as assumed',
        source: 'Spring \u201919 release notes "Restrict Community User Access to Cases" (deselect to restrict)',
        user: 'user.pat',
        record: 'case.c1002',
        expect: { access: { read: true, edit: true }, settingsUsed: { [RELATED]: { value: true, provenance: 'assumed' } } }
    },
    {
        id: 'EXT-RC-04',
        title: 'Partner manager above the case contact in the portal role hierarchy also gets Read/Write',
        source: 'Spring \u201919 release notes (grants the contact "and everyone above in the role hierarchy"); api-vocabulary.md §8',
        arrange: (org) => org.setting(RELATED, true),
        user: 'user.max',
        record: 'case.c1002',
        expect: { access: { read: true, edit: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['above the case contact', 'portal role hierarchy'] } }
    },
    {
        id: 'EXT-RC-05',
        title: 'Partner executive two levels above the case contact gets Read/Write too',
        source: 'Spring \u201919 release notes "Restrict Community User Access to Cases"',
        arrange: (org) => org.setting(RELATED, true),
        user: 'user.eve',
        record: 'case.c1002',
        expect: { access: { read: true, edit: true }, layers: { experienceCloud: 'grants' } }
    },
    {
        id: 'EXT-RC-06',
        title: 'Related-case access goes up the portal role hierarchy, never down: a partner user below the case contact gets nothing',
        source: 'Spring \u201919 release notes (contact and users above); seed 002',
        arrange: (org) => org.setting(RELATED, true),
        user: 'user.pat',
        record: 'case.c1003',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' } }
    },
    {
        id: 'EXT-RC-07',
        title: 'Customer Community Plus case contact gets Read/Write (the documented licence for this setting)',
        source: 'Spring \u201919 release notes "Restrict Community User Access to Cases" (Customer Community Plus); seed 000 step 14',
        arrange: (org) => org.setting(RELATED, true),
        user: 'user.cleo',
        record: 'case.c2001',
        expect: { access: { read: true, edit: true }, layers: { experienceCloud: 'grants' } }
    },
    {
        id: 'EXT-RC-08',
        title: 'The Metadata API field collected by the org collector (SharingSettings.enablePortalUserCaseSharing) is honoured and named',
        source: 'api-vocabulary.md §8 (SharingSettings.enablePortalUserCaseSharing; mapping to the checkbox unconfirmed)',
        arrange: (org) => {
            (org.snapshot.settings ??= {})['sharingSettings.enablePortalUserCaseSharing'] = { value: false, provenance: 'org', source: 'Metadata API SharingSettings' };
        },
        user: 'user.pat',
        record: 'case.c1002',
        expect: {
            access: { read: false },
            reasons: { experienceCloud: ['is off (read from the org as the metadata field enablePortalUserCaseSharing)'] },
            settingsUsed: { 'sharingSettings.enablePortalUserCaseSharing': { value: false, provenance: 'org' } }
        }
    },
    {
        id: 'EXT-ROW-01',
        title: 'A CaseShare row with RowCause RelatedPortalUser is named with its meaning',
        source: 'Object Reference CaseShare (RowCause RelatedPortalUser: portal user is the contact on the case)',
        arrange: (org) => {
            org.setting(RELATED, false);
            org.share('CaseShare', org.ids['case.c1002'] as string, org.ids['user.pat'] as string, 'Edit', 'RelatedPortalUser');
        },
        user: 'user.pat',
        record: 'case.c1002',
        expect: { access: { read: true, edit: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['related portal user share', 'grant site users access to related cases'] } },
        check: (e) => {
            expect(e.layers.find((l) => l.id === 'experienceCloud')?.evidence.some((x) => x.startsWith('CaseShare:'))).toBe(true);
        }
    },
    {
        id: 'EXT-ROW-02',
        title: 'An AccountShare PortalImplicit row to the portal role group reaches users in that role',
        source: 'Object Reference AccountShare (RowCause PortalImplicit); api-vocabulary.md §6',
        arrange: (org) => {
            org.share('AccountShare', org.ids['account.acme'] as string, org.ids['group.role.acmeUser'] as string, 'Read', 'PortalImplicit', { OpportunityAccessLevel: 'None', CaseAccessLevel: 'None', ContactAccessLevel: 'None' });
        },
        user: 'user.pat',
        record: 'account.acme',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['portal implicit share', 'belongs to this account'] } }
    },
    {
        id: 'EXT-ROW-03',
        title: 'An ARImplicit share row names the account relationship data sharing rule',
        source: 'seed 000 step 8 (account relationship data sharing rules); Object Reference OpportunityShare RowCause ARImplicit',
        arrange: (org) => {
            org.snapshot.metadata?.AccountRelationshipShareRule?.push({ fullName: 'Distributor_Opportunities', label: 'Distributor opportunities', accessLevel: 'Read', entityType: 'Opportunity', type: 'Distributor' });
            org.share('OpportunityShare', org.ids['opportunity.acmeDeal'] as string, org.ids['user.pat'] as string, 'Read', 'ARImplicit');
        },
        user: 'user.pat',
        record: 'opportunity.acmeDeal',
        expect: { access: { read: true, edit: false }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['account relationship', 'distributor opportunities'] } }
    },
    {
        id: 'EXT-ROW-04',
        title: 'An LpuImplicit row is explained as high-volume implicit access',
        source: 'Object Reference AccountShare (RowCause LpuImplicit); seed 004',
        arrange: (org) => {
            org.share('AccountShare', org.ids['account.initech'] as string, org.ids['user.hank'] as string, 'Read', 'LpuImplicit', { OpportunityAccessLevel: 'None', CaseAccessLevel: 'None', ContactAccessLevel: 'None' });
        },
        user: 'user.hank',
        record: 'account.initech',
        expect: { access: { read: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['high-volume portal user implicit'] } }
    },
    {
        id: 'EXT-RC-09',
        title: 'Customer Community Plus executive above the case contact in the customer portal role hierarchy gets Read/Write',
        source: 'Spring \u201919 release notes "Restrict Community User Access to Cases" (contact and everyone above in the role hierarchy)',
        arrange: (org) => org.setting(RELATED, true),
        user: 'user.gus',
        record: 'case.c2001',
        expect: { access: { read: true, edit: true }, layers: { experienceCloud: 'grants' }, reasons: { experienceCloud: ['above the case contact'] } }
    },
    {
        id: 'EXT-PI-06',
        title: 'Contact Controlled by Parent for external users and the contact is not enabled: the verdict is marked uncertain, not guessed',
        source: 'seed 002 (only enabled contacts unless the setting is on); api-vocabulary.md §8 (CommunitiesSettings.enableCspContactVisibilityPref, equivalence unconfirmed)',
        arrange: (org) => {
            const def = (org.snapshot.tables.EntityDefinition ?? []).find((r) => r.QualifiedApiName === 'Contact');
            if (def) {
                def.InternalSharingModel = 'ControlledByParent';
                def.ExternalSharingModel = 'ControlledByParent';
            }
        },
        user: 'user.pat',
        record: 'contact.nora',
        expect: { uncertain: true, layers: { experienceCloud: 'uncertain' }, reasons: { experienceCloud: ['controlled by parent', 'unconfirmed'] } }
    }
];
