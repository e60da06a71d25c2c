/**
 * The near miss for external users: the mechanism that came closest and exactly what stopped
 * it, leading the why-not and the summary (docs/engine.md "The near miss"), with a fix that
 * makes the asked operation possible.
 */
import type { Explanation, NearMiss } from '../../../types';
import { sharingSet } from '../../external/acmeOrg';
import type { ExternalCase } from './caseTypes';

const RELATED = 'experienceCloud.grantSiteUsersAccessToRelatedCases';

/** The read near miss leads the summary and the why-not, and names what stopped it. */
function leads(e: Explanation, layer: string, stoppedBy: string, fix?: string): NearMiss {
    const n = e.nearMiss as NearMiss;
    expect({ layer: n?.layer, stoppedBy: n?.stoppedBy }).toEqual({ layer, stoppedBy: expect.stringContaining(stoppedBy) });
    const sentence = `${n.mechanism.charAt(0).toUpperCase()}${n.mechanism.slice(1)}, but ${n.stoppedBy}`;
    expect(e.summary).toContain(sentence);
    expect(e.whyNot.find((w) => w.operation === 'read')?.reason.startsWith(sentence)).toBe(true);
    if (fix) {
        expect(n.fix?.action).toContain(fix);
    }
    return n;
}

export const nearMissCases: ExternalCase[] = [
    {
        id: 'EXT-NM-01',
        title: "A sharing set maps the user's account to the case, but doesn't list the user's profile: that is the near miss, and the fix adds the profile",
        source: 'Metadata API "SharingSet" (profiles, accessMappings); Help "Create a Sharing Set" (select the profiles)',
        arrange: (org) => {
            sharingSet(org, 'HVCP_Account_Cases', ['hvcp'], [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }]);
        },
        user: 'user.hank',
        record: 'case.c2001',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' } },
        check: (e) => {
            leads(e, 'experienceCloud', "doesn't list Hank Highvolume's profile", 'Add the profile');
        }
    },
    {
        id: 'EXT-NM-02',
        title: 'The partner user is the case contact but "Grant site users access to related cases" is off: the near miss names the setting',
        source: 'Spring \u201919 release notes "Restrict Community User Access to Cases"; seed 002',
        arrange: (org) => org.setting(RELATED, false),
        user: 'user.pat',
        record: 'case.c1002',
        expect: { access: { read: false }, layers: { experienceCloud: 'neutral' } },
        check: (e) => {
            leads(e, 'experienceCloud', '"Grant site users access to related cases" is off', 'Turn on "Grant site users access to related cases"');
        }
    },
    {
        id: 'EXT-NM-03',
        title: "The user owns the case, but their licence doesn't include Case: the near miss is the owner's access stopped by the licence",
        source: 'Help "Experience Cloud User Licenses" (Authenticated Website: no Case)',
        arrange: (org) => {
            org.row(org.ids['case.c2002'] as string).OwnerId = org.ids['user.ava'];
        },
        user: 'user.ava',
        record: 'case.c2002',
        expect: { access: { read: false }, layers: { experienceCloud: 'blocks', ownership: 'grants' } },
        check: (e) => {
            const n = leads(e, 'experienceCloud', "licence doesn't include it", 'licence that includes Case');
            expect(n.mechanism).toContain('owns this record');
        }
    },
    {
        id: 'EXT-NM-04',
        title: 'A sharing rule shares the case with a role group a high-volume user can never be in: the near miss says why, and the fix is a sharing set',
        source: 'Help "About High-Volume Community or Site Users" (no roles, no sharing rules); Metadata API "SharingSet"',
        arrange: (org) => {
            org.share('CaseShare', org.ids['case.c2002'] as string, org.ids['group.roleSub.globexExec'] as string, 'Read', 'Rule');
        },
        user: 'user.hank',
        record: 'case.c2002',
        expect: { access: { read: false }, layers: { sharingRules: 'notApplicable' } },
        check: (e) => {
            leads(e, 'sharingRules', "can't be in public groups, roles or sharing rules", 'sharing set');
        }
    }
];
