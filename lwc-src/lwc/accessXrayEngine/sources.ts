/**
 * Where the rules come from, as the reader finds them: public documentation titles, shown
 * under "Sources" (LayerResult.sources, NextStep.source, NearMiss.source) and never inside a
 * reason. docs/engine.md lists every rule with these sources.
 */
import type { LayerId } from './types';

export const SOURCE = {
    objectPermissions: 'Salesforce Help: Object Permissions',
    permissionSetAssignment: 'Object Reference: PermissionSetAssignment (ExpirationDate, IsActive, IsRevoked)',
    mutingPermissionSet: 'Salesforce Help: Muting Permission Sets in a Permission Set Group',
    owd: 'Salesforce Help: Organization-Wide Sharing Defaults',
    masterDetail: 'Salesforce Help: Master-Detail Relationships (Sharing Setting); Object Reference: describeSObjects Field.writeRequiresMasterRead',
    viewAllParent: 'Salesforce Knowledge Article 000240369: View All Records does not grant access to related parent or child objects',
    ownership: 'Apex Developer Guide: Understanding Sharing (record ownership)',
    queues: 'Salesforce Help: Queues (members get owner access)',
    hierarchy: 'Salesforce Help: Controlling Access Using Hierarchies',
    queueHierarchy: 'Metadata API Developer Guide: Queue.doesIncludeBosses (API 67.0, Summer ’26); Object Reference: Group.DoesIncludeBosses',
    sharingRules: 'Salesforce Help: Sharing Rules',
    territories: 'Salesforce Help: Enterprise Territory Management',
    teams: 'Salesforce Help: Account Teams, Opportunity Teams, Case Teams',
    manualShares: 'Salesforce Help: Share Records Manually; Apex Developer Guide: Sharing a Record Using Apex',
    ownerChange: 'Apex Developer Guide: Understanding Sharing (manual shares are removed when the owner changes, Apex managed sharing is kept); Salesforce Help: Transfer Records (Keep Account Team, Keep Opportunity Team)',
    implicit: 'Salesforce Help: Built-in Sharing Behavior (implicit sharing)',
    accountOwnerAccess: 'Object Reference: UserRole (CaseAccessForAccountOwner, ContactAccessForAccountOwner, OpportunityAccessForAccountOwner)',
    systemPermissions: 'Salesforce Help: View All Data and Modify All Data',
    transfer: 'Salesforce Help: Transfer Records (Transfer Record, Transfer Leads, Transfer Cases AND Edit on the object); Salesforce Help: Mass Transfer Records (read sharing access on the records)',
    userRecordAccess: 'Object Reference: UserRecordAccess (HasAllAccess: whether a user can share the record)',
    highVolume: 'Salesforce Help: About High-Volume Community or Site Users',
    userSharing: 'Salesforce Help: User Sharing',
    experienceCloud: 'Salesforce Help: Experience Cloud Sharing (sharing sets, share groups, external org-wide defaults)',
    relatedCases: 'Salesforce Release Notes Spring ’19: Restrict Community User Access to Cases',
    sharingSets: 'Metadata API Developer Guide: SharingSet; Salesforce Help: Create a Sharing Set',
    restrictionRules: 'Restriction Rules Developer Guide: Restriction Rules, Considerations',
    groups: 'Object Reference: Group, GroupMember',
    externalAccountHierarchy: 'Salesforce Help: External Account Hierarchies Considerations'
} as const;

/** The documentation each layer's rule rests on. */
export const LAYER_SOURCES: Readonly<Record<LayerId, readonly string[]>> = {
    objectPermissions: [SOURCE.objectPermissions, SOURCE.permissionSetAssignment],
    orgWideDefaults: [SOURCE.owd],
    ownership: [SOURCE.ownership],
    roleHierarchy: [SOURCE.hierarchy],
    sharingRules: [SOURCE.sharingRules, SOURCE.groups],
    territories: [SOURCE.territories],
    teams: [SOURCE.teams],
    manualShares: [SOURCE.manualShares],
    implicitSharing: [SOURCE.implicit],
    systemPermissions: [SOURCE.systemPermissions],
    experienceCloud: [SOURCE.experienceCloud],
    restrictionRules: [SOURCE.restrictionRules]
};
