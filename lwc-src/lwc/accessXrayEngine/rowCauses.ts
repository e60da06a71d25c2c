/**
 * Share-row `RowCause` values: which layer explains each one and how to say it.
 * Source: Salesforce Object Reference (AccountShare, CaseShare, ContactShare,
 * OpportunityShare, LeadShare, StandardObjectNameShare) and the Apex Developer Guide
 * "Sharing a Record Using Apex" — summarised in ../shared/docs/api-vocabulary.md §6.
 * Any cause not listed here is an Apex sharing reason (custom objects, `<Reason>__c`)
 * or unknown; `describeRowCause` says which.
 */
import { own } from './ownKey';
import type { LayerId } from './types';

export interface RowCauseInfo {
    /** The layer that owns this kind of share row. */
    layer: LayerId;
    /** Salesforce's label for the cause. */
    label: string;
    /** Human explanation, completed with the group/user it was granted to. */
    meaning: string;
}

const CAUSES: Record<string, RowCauseInfo> = {
    Owner: { layer: 'ownership', label: 'Owner', meaning: 'the record owner (or a member of the owning queue)' },
    Manual: { layer: 'manualShares', label: 'Manual Sharing', meaning: 'a manual share added on the record' },
    Rule: { layer: 'sharingRules', label: 'Sharing Rule', meaning: 'a sharing rule' },
    Team: { layer: 'teams', label: 'Team', meaning: 'membership of the record team (account, opportunity/sales or case team)' },
    Territory: { layer: 'territories', label: 'Territory Assignment Rule', meaning: 'the territories the account is assigned to' },
    TerritoryRule: { layer: 'territories', label: 'Territory Sharing Rule', meaning: 'a territory assignment rule' },
    Territory2AssociationManual: {
        layer: 'territories',
        label: 'Territory Manual',
        meaning: 'a manual assignment of the account to a territory'
    },
    TerritoryManual: { layer: 'territories', label: 'Territory Manual', meaning: 'a manual territory assignment (deprecated since API 45)' },
    Territory2Forecast: { layer: 'territories', label: 'Territory Forecast', meaning: 'the forecast manager of the territory' },
    ImplicitParent: {
        layer: 'implicitSharing',
        label: 'Associated record owner or sharing',
        meaning: 'access to a child record (contact, opportunity, case) or ownership of a contract/order on this account'
    },
    ImplicitChild: { layer: 'implicitSharing', label: 'Account Sharing', meaning: 'access to the parent account' },
    ImplicitPerson: { layer: 'implicitSharing', label: 'Person Contact', meaning: 'the person account this contact belongs to' },
    PortalImplicit: {
        layer: 'experienceCloud',
        label: 'Portal Implicit',
        meaning: 'Experience Cloud implicit sharing: the external user belongs to this account or contact'
    },
    LpuImplicit: {
        layer: 'experienceCloud',
        label: 'High-Volume Portal User Implicit',
        meaning: 'high-volume (Customer Community) user implicit access to their own account/contact and records they relate to'
    },
    LpuParentImplicit: {
        layer: 'experienceCloud',
        label: 'High-Volume Portal User Parent Implicit',
        meaning: 'a high-volume user owns or can see a child record of this account'
    },
    ARImplicit: {
        layer: 'experienceCloud',
        label: 'Account Relationship Implicit',
        meaning: 'an account relationship data sharing rule (partner-to-partner sharing)'
    },
    RelatedPortalUser: {
        layer: 'experienceCloud',
        label: 'Related Portal User',
        meaning:
            'the external user is the contact on this case ("Grant site users access to related cases"), or is above that user in the portal role hierarchy'
    },
    GuestRule: { layer: 'experienceCloud', label: 'Guest User Sharing Rule', meaning: 'a guest user sharing rule (read only)' },
    GuestParentImplicit: {
        layer: 'experienceCloud',
        label: 'Associated guest user sharing',
        meaning: 'guest-user access to a child record of this account'
    },
    GuestPersonImplicit: {
        layer: 'experienceCloud',
        label: 'Associated guest user sharing',
        meaning: 'guest-user access to the person account of this contact'
    },
    CompliantDataSharing: { layer: 'sharingRules', label: 'Compliant Data Sharing', meaning: 'Compliant Data Sharing participant access' },
    SharingRecordCollection: {
        layer: 'sharingRules',
        label: 'Sharing Record Collection',
        meaning: 'membership of a group with access to a sharing record collection'
    }
};

/** Layer and reason for a share row's cause. Unknown `__c` causes are Apex sharing reasons. */
export function describeRowCause(rowCause: string | undefined | null): RowCauseInfo {
    const cause = rowCause ?? '';
    const known = own(CAUSES, cause);
    if (known) {
        return known;
    }
    if (cause.endsWith('__c')) {
        return {
            layer: 'manualShares',
            label: `Apex sharing reason ${cause}`,
            meaning: `Apex managed sharing with the reason "${cause}" (written by code, kept when the owner changes)`
        };
    }
    return {
        layer: 'manualShares',
        label: cause || 'Unknown cause',
        meaning: `a share row with the undocumented cause "${cause}" (treated as an explicit share)`
    };
}

/** All documented causes, for documentation and exhaustiveness tests. */
export function knownRowCauses(): string[] {
    return Object.keys(CAUSES);
}
