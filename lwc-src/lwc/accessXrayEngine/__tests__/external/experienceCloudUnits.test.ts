/**
 * Unit and property tests for the Experience Cloud building blocks:
 * - every Experience Cloud RowCause (api-vocabulary.md §6; Object Reference AccountShare,
 *   CaseShare, ContactShare) produces a grant with its own named reason;
 * - licence caps (seed 004 CRUD lists; Help "Experience Cloud User Licenses");
 * - the criteria parser never throws anything but RuleSyntaxError, and canonical output
 *   re-parses to the same expression (property tests, fast-check).
 */
import { RUN_LABEL, runs } from '../propertyRuns';
import fc from 'fast-check';
import { explain, loadSnapshot, whoCanSee } from 'c/accessXrayEngine';
import { licenceCap } from '../../licenceCaps';
import { describeRowCause, knownRowCauses } from '../../rowCauses';
import { formatExpr, parseCriteria, RuleSyntaxError } from '../../restrictionRuleParser';
import { classifyUser } from '../../userLicence';
import { acmeOrg, sharingSet } from './acmeOrg';

const EXPERIENCE_CLOUD_CAUSES = knownRowCauses().filter((c) => describeRowCause(c).layer === 'experienceCloud');

describe('Experience Cloud share-row causes (api-vocabulary.md §6)', () => {
    test('the documented Experience Cloud causes all belong to the experienceCloud layer', () => {
        expect(EXPERIENCE_CLOUD_CAUSES.sort()).toEqual(
            ['ARImplicit', 'GuestParentImplicit', 'GuestPersonImplicit', 'GuestRule', 'LpuImplicit', 'LpuParentImplicit', 'PortalImplicit', 'RelatedPortalUser'].sort()
        );
    });

    test.each(EXPERIENCE_CLOUD_CAUSES)('an AccountShare row with RowCause %s grants Read to Pat and the reason names its meaning', (cause) => {
        const org = acmeOrg();
        org.share('AccountShare', org.ids['account.initech'] as string, org.ids['user.pat'] as string, 'Read', cause, {
            OpportunityAccessLevel: 'None',
            CaseAccessLevel: 'None',
            ContactAccessLevel: 'None'
        });
        const e = explain(loadSnapshot(org.snapshot), { userId: org.ids['user.pat'] as string, recordId: org.ids['account.initech'] as string });
        const layer = e.layers.find((l) => l.id === 'experienceCloud');
        expect(layer?.status).toBe('grants');
        expect(layer?.reason).toContain(describeRowCause(cause).label);
        expect(layer?.reason).toContain(describeRowCause(cause).meaning);
        expect(e.access.read).toBe(true);
    });

    test('a share row to someone else does not reach the user', () => {
        const org = acmeOrg();
        org.share('CaseShare', org.ids['case.c1001'] as string, org.ids['user.cleo'] as string, 'Edit', 'RelatedPortalUser');
        const e = explain(loadSnapshot(org.snapshot), { userId: org.ids['user.pat'] as string, recordId: org.ids['case.c1001'] as string });
        expect(e.layers.find((l) => l.id === 'experienceCloud')?.status).toBe('neutral');
    });
});

describe('licence caps (seed 004; Help "Experience Cloud User Licenses")', () => {
    const user = (userType: string, licence: string) => classifyUser({ UserType: userType, Profile: { UserLicense: { Name: licence } } });

    test.each([
        ['CspLitePortal', 'Customer Community', 'Opportunity', 'notAvailable'],
        ['CspLitePortal', 'Customer Community Login', 'Lead', 'notAvailable'],
        ['PowerCustomerSuccess', 'Customer Community Plus', 'Campaign', 'notAvailable'],
        ['PowerCustomerSuccess', 'Customer Community Plus', 'Case', 'allowed'],
        ['PowerPartner', 'Partner Community', 'Opportunity', 'allowed'],
        ['CspLitePortal', 'Authenticated Website', 'Case', 'notAvailable'],
        ['CspLitePortal', 'Authenticated Website', 'Account', 'readOnly'],
        ['CspLitePortal', 'Authenticated Website', 'Invoice__c', 'allowed'],
        ['CspLitePortal', 'High Volume Customer Portal', 'Case', 'readOnly'],
        ['CspLitePortal', 'High Volume Customer Portal', 'Opportunity', 'notAvailable'],
        ['CspLitePortal', 'High Volume Customer Portal', 'WorkOrder', 'unknown'],
        ['Guest', 'Guest User License', 'Case', 'readOnly'],
        ['CsnOnly', 'Chatter Free', 'Account', 'notAvailable'],
        ['Standard', 'Salesforce', 'Opportunity', 'allowed']
    ])('%s / %s on %s → %s', (userType, licence, object, verdict) => {
        const cap = licenceCap(user(userType, licence), object, 'Test User');
        expect(cap.verdict).toBe(verdict);
        expect(cap.reason.length).toBeGreaterThan(20);
        if (verdict === 'notAvailable') {
            expect(Object.values(cap.access).some(Boolean)).toBe(false);
            expect(cap.reason).toContain(`can't have ${object} at all`);
        }
    });

    test('High Volume Customer Portal allows read/edit on Case but never delete (seed 004 CRUD: Create, Read, Update)', () => {
        const cap = licenceCap(user('CspLitePortal', 'High Volume Customer Portal'), 'Case');
        expect(cap.access).toEqual({ read: true, edit: true, delete: false, transfer: false, share: false });
    });
});

// ---------------------------------------------------------------------------
// Property tests for the parser
// ---------------------------------------------------------------------------

const fieldName = fc.constantFrom('Status__c', 'OwnerId', 'Region__c', 'Owner:User.UserRoleId', 'RecordType.Name', 'Amount__c');
const value = fc.oneof(
    fc.constantFrom("'Open'", "'EMEA'", 'true', 'false', 'null', '42', '2024-01-31', '$User.Id', '$User.Department', "'00e000000000001'"),
    fc.stringMatching(/^[A-Za-z ]{1,8}$/).map((s) => `'${s}'`)
);
const op = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
const leaf = fc.tuple(fieldName, op, value).map(([f, o, v]) => `${f} ${o} ${v}`);
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('node'), fc.constantFrom('AND', 'OR'), tie('node')).map(([a, k, b]) => `(${a as string}) ${k} (${b as string})`),
        tie('node').map((a) => `NOT(${a as string})`)
    )
})).node as fc.Arbitrary<string>;

describe(`criteria parser properties (${RUN_LABEL})`, () => {
    test('canonical output re-parses to the same canonical output', () => {
        fc.assert(
            fc.property(expr, (source) => {
                const once = formatExpr(parseCriteria(source, 'Prop_Rule', 'RecordFilter'));
                const twice = formatExpr(parseCriteria(once, 'Prop_Rule', 'RecordFilter'));
                expect(twice).toBe(once);
            }),
            runs(300)
        );
    });

    test('any string either parses or raises RuleSyntaxError with a column inside the string (never another error)', () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 40 }), (source) => {
                try {
                    parseCriteria(source, 'Fuzz_Rule', 'UserCriteria');
                } catch (e) {
                    expect(e).toBeInstanceOf(RuleSyntaxError);
                    const err = e as RuleSyntaxError;
                    expect(err.column).toBeGreaterThanOrEqual(1);
                    expect(err.column).toBeLessThanOrEqual(Math.max(1, source.length + 1));
                    expect(err.message).toContain('Fuzz_Rule');
                }
            }),
            runs(1000)
        );
    });
});

describe('who can see: Experience Cloud mechanisms are found in the sweep (seed 000 step 4, Sharing Hierarchy)', () => {
    test('share-group members, sharing-set users, related-case users and users above them are listed', () => {
        const org = acmeOrg();
        const group = org.add('Group', { Name: 'Customer Success', DeveloperName: 'Customer_Success', Type: 'Regular' });
        org.add('GroupMember', { GroupId: group, UserOrGroupId: org.ids['user.ian'] });
        sharingSet(org, 'CC_Account_Cases', ['cc'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }], [group]);
        org.setting('experienceCloud.grantSiteUsersAccessToRelatedCases', true);
        const s = loadSnapshot(org.snapshot);
        const names = (key: string) => whoCanSee(s, org.ids[key] as string).users.map((u) => u.userName);
        // INV-1 is owned by high-volume Hank; Ian reaches it through the share group (seed 000 step 8).
        expect(names('invoice.inv1')).toEqual(expect.arrayContaining(['Hank Highvolume', 'Ian Internal']));
        // Globex case: Hank through the sharing set; Cleo is the contact (related cases), Gus is above her.
        expect(names('case.c2001')).toEqual(expect.arrayContaining(['Hank Highvolume', 'Cleo Customer', 'Gus Globex']));
        // Pat's case: Pat (contact), Max and Eve above her in the portal role hierarchy; not Cleo (other account).
        const pats = names('case.c1002');
        expect(pats).toEqual(expect.arrayContaining(['Pat Partner', 'Max Manager', 'Eve Exec']));
        expect(pats).not.toContain('Cleo Customer');
    });
});
