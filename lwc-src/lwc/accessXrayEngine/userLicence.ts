/**
 * Which kind of user this is, from `User.UserType` and the profile's licence name.
 * Sources: Object Reference "Profile"/"User" (UserType values), Help "Experience Cloud
 * Licenses Eligible for Upgrades" (CspLitePortal = Customer Community, High Volume
 * Customer Portal, Authenticated Website), KB 000206085 (Customer Community Plus),
 * seed 003 (who can be in sharing rules), seed 004 (high-volume users) — see
 * ../shared/docs/api-vocabulary.md §5.
 */
import type { Row } from './types';

export type UserKind =
    | 'internal'
    | 'customerCommunity'
    | 'customerCommunityPlus'
    | 'partnerCommunity'
    | 'highVolume'
    | 'guest'
    | 'chatterExternal'
    | 'chatterFree'
    | 'automated'
    | 'unknown';

export interface UserClassification {
    kind: UserKind;
    /** Experience Cloud / portal / guest: the external org-wide default applies. */
    external: boolean;
    /** Customer Community and other `CspLitePortal` licences: no roles, groups, teams, rules (seed 004). */
    highVolume: boolean;
    userType: string;
    licenceName: string | null;
    /** Can hold a role (and so be reached by role groups and the role hierarchy). */
    canHaveRole: boolean;
    /** Can be a member of public groups / queues and a target of sharing rules (seed 003). */
    canBeInGroupsAndRules: boolean;
    /** Account and opportunity teams accept internal and partner users only (seed 000 step 10). */
    canBeOnAccountOrOpportunityTeams: boolean;
    /** Plain-words description, e.g. "Partner Community user (UserType PowerPartner)". */
    label: string;
}

function text(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

/** The licence name from `User.Profile.UserLicense.Name`, or the profile/licence rows given. */
export function licenceNameOf(user: Row, profile?: Row, licence?: Row): string | null {
    const nestedProfile = (user.Profile ?? profile) as Row | undefined;
    const nestedLicence = (nestedProfile?.UserLicense ?? licence) as Row | undefined;
    const name = text(nestedLicence?.Name) || text(licence?.Name);
    return name || null;
}

export function classifyUser(user: Row, profile?: Row, licence?: Row): UserClassification {
    const userType = text(user.UserType);
    const licenceName = licenceNameOf(user, profile, licence);
    const lower = (licenceName ?? '').toLowerCase();
    const make = (
        kind: UserKind,
        label: string,
        flags: Partial<Pick<UserClassification, 'external' | 'highVolume' | 'canHaveRole' | 'canBeInGroupsAndRules' | 'canBeOnAccountOrOpportunityTeams'>>
    ): UserClassification => ({
        kind,
        userType,
        licenceName,
        label: `${label} (UserType ${userType || 'unknown'}${licenceName ? `, licence ${licenceName}` : ''})`,
        external: flags.external ?? true,
        highVolume: flags.highVolume ?? false,
        canHaveRole: flags.canHaveRole ?? false,
        canBeInGroupsAndRules: flags.canBeInGroupsAndRules ?? false,
        canBeOnAccountOrOpportunityTeams: flags.canBeOnAccountOrOpportunityTeams ?? false
    });

    switch (userType.toLowerCase()) {
        case 'standard':
            if (lower.includes('automated process') || lower === 'automatedprocess') {
                return make('automated', 'Automated Process user', { external: false });
            }
            return make('internal', 'Internal user', {
                external: false,
                canHaveRole: true,
                canBeInGroupsAndRules: true,
                canBeOnAccountOrOpportunityTeams: true
            });
        case 'powerpartner':
            return make('partnerCommunity', 'Partner Community user', {
                canHaveRole: true,
                canBeInGroupsAndRules: true,
                canBeOnAccountOrOpportunityTeams: true
            });
        case 'powercustomersuccess':
            return make('customerCommunityPlus', 'Customer Community Plus user', { canHaveRole: true, canBeInGroupsAndRules: true });
        case 'customersuccess':
            // Legacy Customer Portal user: has a portal role like CC+ (Object Reference, Profile.UserType).
            return make('customerCommunityPlus', 'Customer Portal user', { canHaveRole: true, canBeInGroupsAndRules: true });
        case 'cspliteportal':
            // Customer Community (member/login) is a high-volume licence too; keep its name for the reader.
            return lower.includes('customer community')
                ? make('customerCommunity', 'Customer Community (high-volume) user', { highVolume: true })
                : make('highVolume', 'High-volume Experience Cloud user', { highVolume: true });
        case 'guest':
            return make('guest', 'Guest user', {});
        case 'csnonly':
            return lower.includes('external')
                ? make('chatterExternal', 'Chatter External user', {})
                : make('chatterFree', 'Chatter Free user', { external: false });
        case 'selfservice':
            return make('highVolume', 'Self-Service portal user', { highVolume: true });
        default:
            return make('unknown', 'User of unknown type', { external: false });
    }
}
