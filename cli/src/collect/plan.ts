/**
 * The evidence plan "explain/1" as data: what one explanation reads, in rounds, each query
 * bounded by the shape of the question (one or a few users, one record), never by the size of
 * the org. docs/evidence-plan.md explains it in words; this module is the one both collectors
 * follow:
 * - the CLI collector (cli/src/collect/explainPlan.ts) runs these steps through jsforce;
 * - the Apex collector implements the same steps from the generated constants
 *   (`npm run plan:apex` → force-app/main/default/classes/evidence/AccessXRayEvidencePlan.cls,
 *   `docs/evidence-plan.json`); tests/cli/evidencePlan.test.ts fails when they drift.
 *
 * A step is one query shape: object, selected fields, and a WHERE condition whose variable
 * parts are named bind lists (`:frontier`), exactly as Apex writes them. The CLI replaces each
 * bind with a literal IN list (at most 200 ids per query, so every GET URL stays short); Apex
 * binds the list. `{Name}` in an object or field list is a placeholder the step explains
 * (the record's object, a share table and its columns).
 *
 * Loops (`loop`) are the only repetition: each round reads the next level of a chain (roles
 * upward, groups upward, managers, territories, parents, hierarchy nodes, groups downward)
 * until nothing new is found or `maxDepth` rounds have run; a loop stopped by its depth cap is
 * reported in `meta.scope.capsReached` under the loop's name. Every step has a row cap
 * (`cap`, per round for loops); a step that reaches it is reported the same way under its
 * `capLoop`. The engine (lwc-src/lwc/accessXrayEngine/scope.ts) maps each name to the layers
 * that depend on it and marks them uncertain instead of concluding "not a member".
 */
import type { ScopeLoop } from '../../../lwc-src/lwc/accessXrayEngine/scope';

export const PLAN_ID = 'explain/1';

/** Row bound of a step when the plan gives none (one REST page). `--max-rows` overrides every step's cap. */
export const DEFAULT_STEP_CAP = 2000;

/** Ids per IN list in the CLI (UserRecordAccess takes at most 200 record ids; keeps GET URLs short). */
export const ID_CHUNK = 200;

/** `metadata`: Metadata API SOAP calls (listMetadata, readMetadata), not SOQL: `object` is the metadata type, `fields` the members kept, `where` names the components read. */
export type Api = 'rest' | 'tooling' | 'metadata';

export interface PlanStep {
    /** Stable id, e.g. `groups.membershipUp`; the Apex constants and the recorded traces use it. */
    id: string;
    round: number;
    /** What the step reads, in plain words. */
    title: string;
    api: Api;
    /** sObject queried; `{RecordObject}`, `{ParentObject}`, `{ChildObject}`, `{ShareTable}`, `{DetailObject}` are placeholders. */
    object: string;
    /** Fields selected; `{AllScalarFields}` = every scalar field of the describe; `{ShareParentField}`, `{ShareAccessFields}` for share tables. */
    fields: readonly string[];
    /** WHERE condition with `:bind` lists only (null: no WHERE). */
    where: string | null;
    /** GROUP BY fields of an aggregate step (who-can-see counts): one row per group, never per record. */
    groupBy?: readonly string[];
    /** What each bind holds. */
    binds: Readonly<Record<string, string>>;
    /** When the step runs (always when absent). */
    when?: string;
    /** What the rows feed: the next round's binds, or the engine derivation they serve. */
    feeds: string;
    /** Engine derivations (files / functions) that need these rows to be exact. */
    serves: readonly string[];
    /** Depth loop: the step repeats with the new ids of the previous round. */
    loop?: { name: ScopeLoop; maxDepth: number };
    /** Row cap per query round. */
    cap: number;
    /** Name reported in meta.scope.capsReached when the cap is reached; null when the cap can't be reached (the query returns that many rows at most by its nature). */
    capLoop: ScopeLoop | null;
    /** What a reached cap makes uncertain, in plain words. */
    onCap: string;
    /**
     * `feature`: INVALID_TYPE means the feature is off (table left out, not an error);
     * `permission`: any failure is recorded in meta.unavailable with `fix`.
     */
    optional?: 'feature' | 'permission';
    fix?: string;
}

export interface PlanRound {
    round: number;
    title: string;
    /** Why the round comes after the previous one: the binds it needs. */
    needs: string;
}

export const USER_FIELDS = [
    'Id',
    'Name',
    'Username',
    'UserType',
    'IsActive',
    'ProfileId',
    'Profile.Name',
    'Profile.UserLicense.Name',
    'UserRoleId',
    'ContactId',
    'AccountId',
    'ManagerId'
] as const;

export const ROLE_FIELDS = [
    'Id',
    'Name',
    'DeveloperName',
    'ParentRoleId',
    'PortalType',
    'PortalRole',
    'PortalAccountId',
    'CaseAccessForAccountOwner',
    'ContactAccessForAccountOwner',
    'OpportunityAccessForAccountOwner'
] as const;

export const GROUP_FIELDS = ['Id', 'Name', 'DeveloperName', 'Type', 'RelatedId', 'DoesIncludeBosses'] as const;
export const GROUP_MEMBER_FIELDS = ['Id', 'GroupId', 'UserOrGroupId'] as const;
export const TERRITORY_FIELDS = [
    'Id',
    'Name',
    'DeveloperName',
    'ParentTerritory2Id',
    'Territory2ModelId',
    'AccountAccessLevel',
    'OpportunityAccessLevel',
    'CaseAccessLevel',
    'ContactAccessLevel'
] as const;
export const HIERARCHY_FIELDS = ['Id', 'Name', 'AccountId', 'ParentId', 'HierarchyType', 'IsActive', 'IsAccessibleToParent'] as const;
export const PERMISSION_SET_FIELDS = [
    'Id',
    'Name',
    'Label',
    'IsOwnedByProfile',
    'ProfileId',
    'PermissionSetGroupId',
    'PermissionsViewAllData',
    'PermissionsModifyAllData',
    'PermissionsViewAllUsers',
    'PermissionsManageUsers',
    // Transfer Record / Transfer Cases / Transfer Leads let a non-owner transfer (Help "Transfer Records").
    'PermissionsTransferAnyEntity',
    'PermissionsTransferAnyCase',
    'PermissionsTransferAnyLead'
] as const;
export const OBJECT_PERMISSION_FIELDS = [
    'Id',
    'ParentId',
    'SobjectType',
    'PermissionsCreate',
    'PermissionsRead',
    'PermissionsEdit',
    'PermissionsDelete',
    'PermissionsViewAllRecords',
    'PermissionsModifyAllRecords'
] as const;

/** Group types every user of a kind belongs to (read once, a handful of rows). */
export const ORG_WIDE_GROUP_TYPES = ['Organization', 'PRMOrganization', 'AllCustomerPortal'] as const;

/** Objects whose `AccountId` makes the account a parent (Controlled by Parent, child implicit sharing, account teams). */
export const ACCOUNT_CHILD_OBJECTS = ['Contact', 'Opportunity', 'Case', 'Contract', 'Order', 'Asset'] as const;
/** Children of an account read for parent implicit sharing (seed 002: owning a contract or order, or Read on a contact, opportunity or case). */
export const IMPLICIT_CHILD_OBJECTS = ['Contact', 'Opportunity', 'Case', 'Contract', 'Order'] as const;

const HIERARCHY_FIX =
    'ExternalAccountHierarchy can be read only in an org with Partner or Customer Community Plus licences, by a user with read access to it: collect again logged in as such a user (e.g. a System Administrator). Until then, access that external users could get through the hierarchy is reported as uncertain.';

const MEMBERSHIP = 'every layer that asks whether the user is in a group (ownership by a queue, sharing rules, manual and Apex shares, teams, territories, implicit and Experience Cloud shares)';

export const ROUNDS: readonly PlanRound[] = [
    { round: 1, title: 'Subjects', needs: 'the request: user ids or usernames, the record id' },
    { round: 2, title: 'The record', needs: "the record's object (key prefix → global describe)" },
    { round: 3, title: 'Record family', needs: "the record's lookups (parents), the users' contact and account, the accounts in the family (children)" },
    { round: 4, title: 'Evidence on the records', needs: 'the ids of every record of the family' },
    { round: 5, title: 'People and groups named by the records', needs: 'owners, share grantees, team members, managers' },
    { round: 6, title: 'Below the user (bounded by the record)', needs: "the users' role (is anyone below it?) and the grantee groups of the record" },
    { round: 7, title: 'Chains upward', needs: 'the roles and territories of everyone whose position matters' },
    { round: 8, title: 'Group memberships upward', needs: "the users' role, territory and manager chains, every group read so far" },
    { round: 9, title: 'Permissions', needs: "the users' assignments and profiles, the family's objects" },
    { round: 10, title: 'The platform\u2019s verdict', needs: 'the record and its parents' },
    {
        round: 11,
        title: 'Setup metadata (Metadata API)',
        needs: "the family's objects; the users asked about (external users with a contact) and the family's owners (high-volume Experience Cloud users)"
    }
];

/** Components per readMetadata call: the documented maximum (Metadata API Developer Guide, "readMetadata()"). */
export const READ_METADATA_BATCH = 10;

const METADATA_FIX =
    'Reading Metadata API definitions needs the API Enabled permission and "Modify Metadata Through Metadata API Functions" or "Modify All Data" (Metadata API Developer Guide, "Metadata API Permissions"): collect again as a user who has them, e.g. a System Administrator.';

const QUERY_STEPS: readonly PlanStep[] = [
    // ---- Round 1: subjects -------------------------------------------------------------
    {
        id: 'org',
        round: 1,
        title: 'The org and its default access levels',
        api: 'rest',
        object: 'Organization',
        fields: ['Id', 'Name', 'DefaultAccountAccess', 'DefaultContactAccess', 'DefaultOpportunityAccess', 'DefaultCaseAccess', 'DefaultLeadAccess', 'DefaultCampaignAccess', 'DefaultPricebookAccess', 'DefaultCalendarAccess'],
        where: null,
        binds: {},
        feeds: 'org-wide defaults when EntityDefinition has no row',
        serves: ['engine.ts resolveOwd', 'layerImplicit.ts childSharingModel'],
        cap: 1,
        capLoop: null,
        onCap: 'nothing (one row)'
    },
    {
        id: 'subjects',
        round: 1,
        title: 'The users asked about',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'Id IN :userIds OR Username IN :usernames',
        binds: { userIds: 'the user ids of the request', usernames: 'the usernames of the request' },
        feeds: 'every later round (role, profile, contact, account, manager)',
        serves: ['userLicence.ts classifyUser', 'every layer'],
        cap: 200,
        capLoop: null,
        onCap: 'not reachable: the request names at most a few users'
    },
    {
        id: 'restrictionRules',
        round: 1,
        title: 'Restriction rules (Tooling API)',
        api: 'tooling',
        object: 'RestrictionRule',
        fields: ['Id', 'DeveloperName', 'MasterLabel', 'EnforcementType', 'TargetEntity', 'UserCriteria', 'RecordFilter', 'IsActive', 'Description'],
        where: null,
        binds: {},
        feeds: "metadata.RestrictionRule; the $User fields and $Permission names their criteria use (step subjectRuleFields, permissions.customPermissions)",
        serves: ['layerRestrictionRules.ts'],
        cap: 2000,
        capLoop: 'restrictionRules',
        onCap: 'restriction rules uncertain',
        optional: 'permission',
        fix: 'Reading restriction rules needs the "View Restriction and Scoping Rules" permission; without it restriction rules are reported as uncertain.'
    },
    // ---- Round 2: the record -----------------------------------------------------------
    {
        id: 'record',
        round: 2,
        title: 'The record, every scalar field (sharing-rule criteria and restriction rules may filter on any of them)',
        api: 'rest',
        object: '{RecordObject}',
        fields: ['{AllScalarFields}'],
        where: 'Id = :recordId',
        binds: { recordId: 'the record id of the request' },
        when: 'always; a describe with hundreds of fields is read in a few field groups, each led by Id',
        feeds: 'owner, master-detail and AccountId parents, case contact, record type',
        serves: ['every layer', 'explain.ts gates'],
        cap: 1,
        capLoop: null,
        onCap: 'nothing (one row)'
    },
    {
        id: 'subjectRuleFields',
        round: 2,
        title: 'The $User fields that restriction rules on the object use, for the users asked about',
        api: 'rest',
        object: 'User',
        fields: ['Id', '{RuleUserFields}'],
        where: 'Id IN :subjectIds',
        binds: { subjectIds: 'the users asked about' },
        when: 'an active restriction rule on the record\u2019s object names $User fields that USER_FIELDS lacks',
        feeds: 'merged into the subjects\u2019 User rows',
        serves: ['restrictionRuleEvaluator.ts rowContext ($User.…)'],
        cap: 200,
        capLoop: null,
        onCap: 'not reachable',
        optional: 'permission',
        fix: 'A field named by a restriction rule could not be read; the rule is then reported as uncertain.'
    },
    // ---- Round 3: record family --------------------------------------------------------
    {
        id: 'family.parents',
        round: 3,
        title: 'Parents of the record, level by level: master-detail masters and the account of a contact, opportunity, case, contract, order or asset',
        api: 'rest',
        object: '{ParentObject}',
        fields: ['{AllScalarFields}'],
        where: 'Id IN :parentIds',
        binds: { parentIds: 'master-detail field values and AccountId (account children) of the records read in the previous level' },
        feeds: 'the family: shares, teams, owners, UserRecordAccess; the next level',
        serves: ['layersBase.ts evaluateOrgWideDefaults (Controlled by Parent)', 'engine.ts sharesFor (AccountShare child columns)', 'layerImplicit.ts childImplicit'],
        loop: { name: 'parentDepth', maxDepth: 6 },
        cap: 200,
        capLoop: 'parentDepth',
        onCap: 'Controlled by Parent access through the parents not read is uncertain'
    },
    {
        id: 'family.identity',
        round: 3,
        title: "The users' own contact and account (Experience Cloud users), every scalar field",
        api: 'rest',
        object: '{Contact|Account}',
        fields: ['{AllScalarFields}'],
        where: 'Id IN :identityIds',
        binds: { identityIds: "ContactId and AccountId of the users asked about; their contacts' AccountId" },
        when: 'a user asked about has a ContactId or AccountId (one query for contacts, then one for accounts)',
        feeds: 'sharing sets (User.Contact.… / User.Account.…), portal implicit sharing',
        serves: ['sharingSets.ts externalIdentity, resolveUserField', 'experienceCloudImplicit.ts portalImplicit'],
        cap: 200,
        capLoop: null,
        onCap: 'not reachable'
    },
    {
        id: 'family.children',
        round: 3,
        title: 'Children of each account in the family (parent implicit sharing), every scalar field',
        api: 'rest',
        object: '{ChildObject}',
        fields: ['{AllScalarFields}'],
        where: 'AccountId IN :familyAccountIds',
        binds: { familyAccountIds: 'the record when it is an Account, and the Account parents read in family.parents' },
        when: 'the family holds an Account; one query per child object: Contact, Opportunity, Case, Contract, Order',
        feeds: 'the children join the family (their shares, owners and teams are read like the record\u2019s)',
        serves: ['layerImplicit.ts parentImplicit → engine.ts accessTo(child, recordLevelOnly)'],
        cap: 200,
        capLoop: 'accountChildren',
        onCap: 'parent implicit sharing of that account is uncertain when no child read gives access'
    },
    {
        id: 'family.ownedDetails',
        round: 3,
        title: 'Detail records of the record owned by the user (high-volume users read masters of details they own)',
        api: 'rest',
        object: '{DetailObject}',
        fields: ['Id', 'Name', 'OwnerId', '{MasterField}'],
        where: '{MasterField} = :recordId AND OwnerId IN :subjectIds',
        binds: { recordId: 'the record', subjectIds: 'the high-volume users asked about' },
        when: 'a user asked about is a high-volume Experience Cloud user; one query per custom object whose master-detail field points to the record\u2019s object (describe childRelationships with cascadeDelete), plus its describe',
        feeds: 'high-volume licence default access',
        serves: ['experienceCloudImplicit.ts highVolumeDefaults'],
        cap: 1,
        capLoop: null,
        onCap: 'nothing (one owned detail is enough)'
    },
    {
        id: 'family.contactUsers',
        round: 3,
        title: 'Users enabled for the contacts of the family (the record when it is a contact, child contacts, case contacts)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'ContactId IN :contactIds',
        binds: { contactIds: 'the record if a Contact, the family\u2019s contacts, ContactId of the family\u2019s cases' },
        when: 'the family holds a contact or a case with a contact',
        feeds: 'portal implicit sharing (enabled contacts, related cases up the portal role hierarchy); their roles join the role chains',
        serves: ['experienceCloudImplicit.ts portalImplicit'],
        cap: 2000,
        capLoop: 'contactUsers',
        onCap: 'Experience Cloud portal implicit sharing is uncertain'
    },
    {
        id: 'family.relatedAccounts',
        round: 3,
        title: "Accounts related to the users' contacts (AccountContactRelation)",
        api: 'rest',
        object: 'AccountContactRelation',
        fields: ['Id', 'AccountId', 'ContactId', 'IsActive', 'IsDirect'],
        where: 'ContactId IN :subjectContactIds',
        binds: { subjectContactIds: 'ContactId of the users asked about' },
        when: 'a user asked about has a contact',
        feeds: 'sharing sets mapping User.Contact.RelatedAccount',
        serves: ['sharingSets.ts resolveUserField'],
        cap: 2000,
        capLoop: 'relatedAccounts',
        onCap: 'sharing sets through related accounts are uncertain',
        optional: 'feature'
    },
    // ---- Round 4: evidence on the records ------------------------------------------------
    {
        id: 'records.shares',
        round: 4,
        title: 'Share rows of every record of the family (one query per share table)',
        api: 'rest',
        object: '{ShareTable}',
        fields: ['Id', '{ShareParentField}', 'UserOrGroupId', '{ShareAccessFields}', 'RowCause'],
        where: '{ShareParentField} IN :familyRecordIds',
        binds: { familyRecordIds: 'the family\u2019s records of that object' },
        when: "the object has a share table (an object whose org-wide default is public or Controlled by Parent may have none: recorded in meta.unavailable)",
        feeds: 'grantee users and groups (round 5), the bosses of grantee-group members (round 6)',
        serves: ['engine.ts sharesFor', 'layersSharing.ts', 'layerImplicit.ts', 'layerExperienceCloud.ts'],
        cap: 2000,
        capLoop: 'recordShares',
        onCap: 'every layer built on share rows is uncertain when it gives nothing'
    },
    {
        id: 'records.accountTeams',
        round: 4,
        title: 'Account team members of the family\u2019s accounts',
        api: 'rest',
        object: 'AccountTeamMember',
        fields: ['Id', 'AccountId', 'UserId', 'TeamMemberRole', 'AccountAccessLevel', 'OpportunityAccessLevel', 'CaseAccessLevel', 'ContactAccessLevel'],
        where: 'AccountId IN :familyAccountIds',
        binds: { familyAccountIds: "the family's accounts (the record, parents, the account of a contact/opportunity/case)" },
        feeds: 'team member users (round 5)',
        serves: ['layersSharing.ts teamGrants', 'layerExperienceCloud.ts (team findings)'],
        cap: 2000,
        capLoop: 'teamMembers',
        onCap: 'teams (and users above team members) are uncertain',
        optional: 'feature'
    },
    {
        id: 'records.opportunityTeams',
        round: 4,
        title: 'Opportunity team members of the family\u2019s opportunities',
        api: 'rest',
        object: 'OpportunityTeamMember',
        fields: ['Id', 'OpportunityId', 'UserId', 'TeamMemberRole', 'OpportunityAccessLevel'],
        where: 'OpportunityId IN :familyOpportunityIds',
        binds: { familyOpportunityIds: "the family's opportunities" },
        when: 'the family holds an opportunity',
        feeds: 'team member users (round 5)',
        serves: ['layersSharing.ts teamGrants'],
        cap: 2000,
        capLoop: 'teamMembers',
        onCap: 'teams are uncertain',
        optional: 'feature'
    },
    {
        id: 'records.caseTeams',
        round: 4,
        title: 'Case team members of the family\u2019s cases',
        api: 'rest',
        object: 'CaseTeamMember',
        fields: ['Id', 'ParentId', 'MemberId', 'TeamRoleId', 'TeamTemplateMemberId'],
        where: 'ParentId IN :familyCaseIds',
        binds: { familyCaseIds: "the family's cases" },
        when: 'the family holds a case',
        feeds: 'team member users, case team roles',
        serves: ['layersSharing.ts teamGrants'],
        cap: 2000,
        capLoop: 'teamMembers',
        onCap: 'teams are uncertain',
        optional: 'feature'
    },
    {
        id: 'records.caseTeamTemplates',
        round: 4,
        title: 'Predefined case teams added to the family\u2019s cases',
        api: 'rest',
        object: 'CaseTeamTemplateRecord',
        fields: ['Id', 'ParentId', 'TeamTemplateId'],
        where: 'ParentId IN :familyCaseIds',
        binds: { familyCaseIds: "the family's cases" },
        when: 'the family holds a case',
        feeds: 'template ids (records.caseTeamTemplateMembers)',
        serves: ['layersSharing.ts teamGrants'],
        cap: 2000,
        capLoop: 'teamMembers',
        onCap: 'teams are uncertain',
        optional: 'feature'
    },
    {
        id: 'records.caseTeamTemplateMembers',
        round: 4,
        title: 'Members of those predefined case teams',
        api: 'rest',
        object: 'CaseTeamTemplateMember',
        fields: ['Id', 'TeamTemplateId', 'MemberId', 'TeamRoleId'],
        where: 'TeamTemplateId IN :templateIds',
        binds: { templateIds: 'TeamTemplateId of records.caseTeamTemplates' },
        when: 'a predefined case team was found',
        feeds: 'team member users, case team roles',
        serves: ['layersSharing.ts teamGrants'],
        cap: 2000,
        capLoop: 'teamMembers',
        onCap: 'teams are uncertain',
        optional: 'feature'
    },
    {
        id: 'records.caseTeamTemplateNames',
        round: 4,
        title: 'Names of those predefined case teams',
        api: 'rest',
        object: 'CaseTeamTemplate',
        fields: ['Id', 'Name'],
        where: 'Id IN :templateIds',
        binds: { templateIds: 'TeamTemplateId of records.caseTeamTemplates' },
        when: 'a predefined case team was found',
        feeds: 'labels',
        serves: ['layersSharing.ts teamGrants (labels)'],
        cap: 2000,
        capLoop: 'labels',
        onCap: 'labels only',
        optional: 'feature'
    },
    {
        id: 'records.caseTeamRoles',
        round: 4,
        title: 'Case team roles used by those members',
        api: 'rest',
        object: 'CaseTeamRole',
        fields: ['Id', 'Name', 'AccessLevel'],
        where: 'Id IN :teamRoleIds',
        binds: { teamRoleIds: 'TeamRoleId of the case team members found' },
        when: 'a case team member was found',
        feeds: 'the access level of each member',
        serves: ['layersSharing.ts teamGrants'],
        cap: 2000,
        capLoop: 'teamMembers',
        onCap: 'teams are uncertain',
        optional: 'feature'
    },
    {
        id: 'records.territoryModel',
        round: 4,
        title: 'The active territory model',
        api: 'rest',
        object: 'Territory2Model',
        fields: ['Id', 'Name', 'State'],
        where: "State = 'Active'",
        binds: {},
        feeds: 'whether territories apply at all',
        serves: ['snapshotIndex.ts activeTerritoryModels'],
        cap: 10,
        capLoop: null,
        onCap: 'not reachable (one active model)',
        optional: 'feature',
        fix: 'Enterprise Territory Management is off in this org, or the user lacks "View Setup"; territory access is then reported as not applicable.'
    },
    {
        id: 'records.accountTerritories',
        round: 4,
        title: 'Territories the family\u2019s accounts are assigned to',
        api: 'rest',
        object: 'ObjectTerritory2Association',
        fields: ['Id', 'ObjectId', 'Territory2Id', 'AssociationCause'],
        where: 'ObjectId IN :familyAccountIds',
        binds: { familyAccountIds: "the family's accounts" },
        when: 'a territory model is active',
        feeds: 'territory chains (round 7)',
        serves: ['layersSharing.ts evaluateTerritories'],
        cap: 2000,
        capLoop: 'territoryDepth',
        onCap: 'territories are uncertain',
        optional: 'feature'
    },
    {
        id: 'records.sharingModels',
        round: 4,
        title: 'Org-wide defaults of the family\u2019s objects (Tooling API)',
        api: 'tooling',
        object: 'EntityDefinition',
        fields: ['QualifiedApiName', 'KeyPrefix', 'InternalSharingModel', 'ExternalSharingModel'],
        where: 'QualifiedApiName IN :familyObjects',
        binds: { familyObjects: "the record's object, its parents' and children's objects" },
        feeds: 'org-wide defaults, Controlled by Parent',
        serves: ['engine.ts resolveOwd', 'layerImplicit.ts childSharingModel'],
        cap: 200,
        capLoop: null,
        onCap: 'not reachable',
        optional: 'permission',
        fix: 'Give the user "View Setup and Configuration".'
    },
    // ---- Round 5: people and groups named by the records ---------------------------------
    {
        id: 'people.users',
        round: 5,
        title: 'Users named by the records: owners, share grantees, team members',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'Id IN :peopleIds',
        binds: { peopleIds: 'OwnerId of the family, user grantees of its share rows, team member users' },
        feeds: 'their roles (round 7), their licences (team eligibility), their names',
        serves: ['layersSharing.ts evaluateRoleHierarchy (above the owner / grantee / team member)', 'layersBase.ts evaluateOwnership', 'sharingSets.ts evaluateShareGroups'],
        cap: 2000,
        capLoop: 'recordShares',
        onCap: 'share-based layers are uncertain'
    },
    {
        id: 'people.groups',
        round: 5,
        title: 'Groups named by the records: owning queues, grantee groups',
        api: 'rest',
        object: 'Group',
        fields: GROUP_FIELDS,
        where: 'Id IN :groupIds',
        binds: { groupIds: 'queues owning a family record, group grantees of its share rows, the what-if groups of the request' },
        feeds: 'role/territory/manager groups → their role, territory or user (round 7, people.managers); Regular/Queue groups with DoesIncludeBosses → round 6',
        serves: ['paths.ts granteeChain', 'layersSharing.ts', 'sharingRuleNames.ts groupsOfSharedTo'],
        cap: 2000,
        capLoop: 'recordShares',
        onCap: 'share-based layers are uncertain'
    },
    {
        id: 'people.managers',
        round: 5,
        title: 'Manager chains, level by level: the managers of the users asked about and of the users whose Manager groups share the records',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'Id IN :managerIds',
        binds: { managerIds: 'ManagerId of the users read in the previous level' },
        when: 'a user asked about has a manager, or a Manager group is a grantee',
        feeds: 'Manager and ManagerAndSubordinatesInternal groups (round 8); sharing sets User.Manager.…',
        serves: ['snapshotIndex.ts managerChain, reportsOf, groupsOf (manager groups)'],
        loop: { name: 'managerDepth', maxDepth: 30 },
        cap: 2000,
        capLoop: 'managerDepth',
        onCap: MEMBERSHIP + ' is uncertain'
    },
    {
        id: 'people.profiles',
        round: 5,
        title: 'Profiles of every user read',
        api: 'rest',
        object: 'Profile',
        fields: ['Id', 'Name', 'UserLicenseId', 'UserLicense.Name'],
        where: 'Id IN :profileIds',
        binds: { profileIds: 'ProfileId of every user read so far' },
        feeds: 'names and licences',
        serves: ['snapshotIndex.ts classification', 'sharingSets.ts (profile names)', 'permissions.ts (profile label)'],
        cap: 2000,
        capLoop: 'labels',
        onCap: 'labels only'
    },
    // ---- Round 6: below the user, bounded by the record ----------------------------------
    {
        id: 'below.subjectSubtree',
        round: 6,
        title: 'Roles below the role of each user asked about, level by level (is anyone below them at all, and who)',
        api: 'rest',
        object: 'UserRole',
        fields: ROLE_FIELDS,
        where: 'ParentRoleId IN :roleFrontier',
        binds: { roleFrontier: 'UserRoleId of the users asked about (internal roles), then the roles found' },
        when: 'a user asked about holds a role (internal or portal)',
        feeds: 'none found: nobody is below the user, so nothing about other users’ positions is read; up to 200 roles: the members below the user are read through them (below.nestedGroups, below.membersBelowUsers); more: below.groupMembers',
        serves: ['layersSharing.ts evaluateRoleHierarchy', 'layerImplicit.ts childImplicit', 'snapshotIndex.ts isRoleAbove (a role below the user is one of these)'],
        loop: { name: 'roleDepth', maxDepth: 50 },
        cap: 200,
        capLoop: null,
        onCap: 'not reported: more than 200 roles below the user switches to reading the members of the grantee groups whole'
    },
    {
        id: 'below.subtreeHierarchyNodes',
        round: 6,
        title: 'External account hierarchy nodes of the portal accounts below the user, and of the portal user\u2019s own account (a node could move portal roles into or out of the subtree)',
        api: 'rest',
        object: 'ExternalAccountHierarchy',
        fields: HIERARCHY_FIELDS,
        where: 'AccountId IN :subtreeAccountIds',
        binds: { subtreeAccountIds: 'PortalAccountId of the portal roles among the roles below the user; AccountId of a portal user asked about' },
        when: 'the roles below the user include portal roles, or a portal user is asked about; API 49.0 or later (below it, a portal user\u2019s groups are read whole)',
        feeds: 'any node: the subtree by ParentRoleId is not the engine’s, so the plan reads the members of the grantee groups whole (below.groupMembers)',
        serves: ['snapshotIndex.ts roleParent (external account hierarchy links)'],
        cap: 2000,
        capLoop: 'hierarchyDepth',
        onCap: 'as above.hierarchyNodes',
        optional: 'feature',
        fix: HIERARCHY_FIX
    },
    {
        id: 'below.nestedGroups',
        round: 6,
        title: "Groups nested in the record's grantee groups and owning queues that grant access using hierarchies, level by level down",
        api: 'rest',
        object: 'GroupMember',
        fields: GROUP_MEMBER_FIELDS,
        where: 'GroupId IN :bossGroupIds AND UserOrGroupId IN (SELECT Id FROM Group)',
        binds: { bossGroupIds: 'Regular and Queue grantees of the family’s share rows and owning queues whose DoesIncludeBosses is not false; then the public groups and queues found' },
        when: 'the roles below the user are known (at most 200, no external account hierarchy among them)',
        feeds: 'below.groups; below.membersBelowUsers; role groups → below.roleUsers',
        serves: ['snapshotIndex.ts membersOf (nesting)'],
        loop: { name: 'groupMembersBelow', maxDepth: 20 },
        cap: 2000,
        capLoop: 'groupMembersBelow',
        onCap: 'the role hierarchy (users above members of that group) is uncertain when it gives nothing'
    },
    {
        id: 'below.membersBelowUsers',
        round: 6,
        title: 'Members of those groups who hold a role below a user asked about (only they can make the user a boss)',
        api: 'rest',
        object: 'GroupMember',
        fields: GROUP_MEMBER_FIELDS,
        where: 'GroupId IN :expandedGroupIds AND UserOrGroupId IN (SELECT Id FROM User WHERE UserRoleId IN :subtreeRoleIds)',
        binds: { expandedGroupIds: 'the boss groups and the groups nested in them', subtreeRoleIds: 'the roles below the users asked about' },
        when: 'as below.nestedGroups',
        feeds: 'below.memberUsers',
        serves: ['layersSharing.ts evaluateRoleHierarchy (above a member of a grantee group or owning queue)'],
        cap: 2000,
        capLoop: 'groupMembersBelow',
        onCap: 'the role hierarchy is uncertain when it gives nothing'
    },
    {
        id: 'below.groupMembers',
        round: 6,
        title: "Members of the record's grantee groups and owning queues that grant access using hierarchies, level by level down the nesting (when the roles below the user are too many to read, or a portal role is asked about)",
        api: 'rest',
        object: 'GroupMember',
        fields: GROUP_MEMBER_FIELDS,
        where: 'GroupId IN :bossGroupIds',
        binds: { bossGroupIds: 'Regular and Queue grantees of sharing-rule, manual/Apex and team shares, and owning queues, whose DoesIncludeBosses is not false; then the nested groups found' },
        when: 'a user asked about has roles below their own and they are not known (more than 200, or a portal role)',
        feeds: 'member users (below.memberUsers); nested public groups (next level); role groups (below.roleUsers); every member\u2019s role chain (above.roles)',
        serves: ['snapshotIndex.ts membersOf / sortedMembersOf (users above members of a grantee group or owning queue)'],
        loop: { name: 'groupMembersBelow', maxDepth: 20 },
        cap: 2000,
        capLoop: 'groupMembersBelow',
        onCap: 'the role hierarchy (users above members of that group) is uncertain when it gives nothing'
    },
    {
        id: 'below.groups',
        round: 6,
        title: 'The nested groups found among those members',
        api: 'rest',
        object: 'Group',
        fields: GROUP_FIELDS,
        where: 'Id IN :memberGroupIds',
        binds: { memberGroupIds: 'UserOrGroupId of below.groupMembers that are groups' },
        when: 'below.groupMembers found groups',
        feeds: 'their type: public groups and queues nest further; role groups → below.roleUsers; other kinds are reported as not expanded',
        serves: ['snapshotIndex.ts membersOf'],
        cap: 2000,
        capLoop: 'groupMembersBelow',
        onCap: 'as below.groupMembers'
    },
    {
        id: 'below.subordinateRoles',
        round: 6,
        title: 'Roles below the roles of role-and-subordinates groups nested in those groups, level by level',
        api: 'rest',
        object: 'UserRole',
        fields: ROLE_FIELDS,
        where: 'ParentRoleId IN :roleFrontier',
        binds: { roleFrontier: 'RelatedId of nested RoleAndSubordinates(Internal) groups, then the roles found' },
        when: 'a nested role-and-subordinates group was found',
        feeds: 'below.roleUsers',
        serves: ['snapshotIndex.ts roleSubordinates, membersOf'],
        loop: { name: 'groupMembersBelow', maxDepth: 50 },
        cap: 2000,
        capLoop: 'groupMembersBelow',
        onCap: 'as below.groupMembers'
    },
    {
        id: 'below.roleUsers',
        round: 6,
        title: 'Users holding the roles of role groups nested in those groups (when the roles below the user are known: only those roles)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'UserRoleId IN :memberRoleIds',
        binds: { memberRoleIds: 'RelatedId of nested Role groups, and the roles of below.subordinateRoles; with the roles below the user known, the ones among them' },
        when: 'a nested role group was found',
        feeds: 'their roles (round 7)',
        serves: ['snapshotIndex.ts usersInRole, membersOf'],
        cap: 2000,
        capLoop: 'groupMembersBelow',
        onCap: 'as below.groupMembers'
    },
    {
        id: 'below.memberUsers',
        round: 6,
        title: 'The member users of those groups',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'Id IN :memberUserIds',
        binds: { memberUserIds: 'UserOrGroupId of below.groupMembers that are users' },
        when: 'below.groupMembers found users',
        feeds: 'their roles (round 7)',
        serves: ['layersSharing.ts evaluateRoleHierarchy (above a member)'],
        cap: 2000,
        capLoop: 'groupMembersBelow',
        onCap: 'as below.groupMembers'
    },
    // ---- Round 7: chains upward ----------------------------------------------------------
    {
        id: 'above.roles',
        round: 7,
        title: 'Role chains, level by level up to the top',
        api: 'rest',
        object: 'UserRole',
        fields: ROLE_FIELDS,
        where: 'Id IN :roleFrontier',
        binds: {
            roleFrontier:
                'first the roles of the users asked about and of the family\u2019s owners, and — when someone may be below a user asked about — the roles of every other user read and the RelatedId of role groups read; then ParentRoleId of the roles found and the parent roles the external account hierarchy gives them'
        },
        feeds: 'role ancestry; role groups (round 8); portal accounts (above.hierarchyNodes)',
        serves: ['snapshotIndex.ts roleAncestors, isRoleAbove, collectedRoleAncestors', 'layersSharing.ts evaluateRoleHierarchy', 'layerImplicit.ts childImplicit', 'externalAccountHierarchyReasons.ts'],
        loop: { name: 'roleDepth', maxDepth: 50 },
        cap: 2000,
        capLoop: 'roleDepth',
        onCap: 'the role hierarchy, role groups and ' + MEMBERSHIP + ' are uncertain'
    },
    {
        id: 'above.hierarchyNodes',
        round: 7,
        title: 'External account hierarchy nodes of the portal accounts met',
        api: 'rest',
        object: 'ExternalAccountHierarchy',
        fields: HIERARCHY_FIELDS,
        where: 'AccountId IN :portalAccountIds',
        binds: { portalAccountIds: 'PortalAccountId of the portal roles read, AccountId of the external users asked about and of external owners' },
        when: 'a portal role or an external user is met, API 49.0 or later (the first query tells whether the org has the feature: INVALID_TYPE = off)',
        feeds: 'above.hierarchyParents; the accounts of the chain (above.portalRoles)',
        serves: ['externalAccountHierarchy.ts buildHierarchyModel', 'snapshotIndex.ts roleParent', 'externalAccountHierarchyReasons.ts', 'layerImplicit.ts childAccountOwnerDoubt'],
        cap: 2000,
        capLoop: 'hierarchyDepth',
        onCap: 'the role hierarchy through external account hierarchies is uncertain',
        optional: 'feature',
        fix: HIERARCHY_FIX
    },
    {
        id: 'above.hierarchyParents',
        round: 7,
        title: 'Their parent nodes, level by level up to the root (inactive nodes too: a node below an inactive one links nowhere)',
        api: 'rest',
        object: 'ExternalAccountHierarchy',
        fields: HIERARCHY_FIELDS,
        where: 'Id IN :parentNodeIds',
        binds: { parentNodeIds: 'ParentId of the nodes read in the previous level' },
        when: 'a node read has a parent not read yet',
        feeds: 'the accounts of the chain',
        serves: ['externalAccountHierarchy.ts buildHierarchyModel (activeToRoot, links)'],
        loop: { name: 'hierarchyDepth', maxDepth: 10 },
        cap: 2000,
        capLoop: 'hierarchyDepth',
        onCap: 'the role hierarchy through external account hierarchies is uncertain',
        optional: 'feature',
        fix: HIERARCHY_FIX
    },
    {
        id: 'above.portalRoles',
        round: 7,
        title: 'Every portal role of each account on those hierarchy chains (to find each account\u2019s top role)',
        api: 'rest',
        object: 'UserRole',
        fields: ROLE_FIELDS,
        where: 'PortalAccountId IN :chainAccountIds',
        binds: { chainAccountIds: 'AccountId of every hierarchy node read' },
        when: 'hierarchy nodes were read',
        feeds: 'the role chain (their parents join the role frontier)',
        serves: ['externalAccountHierarchy.ts topPortalRole'],
        cap: 2000,
        capLoop: 'hierarchyDepth',
        onCap: 'as above.hierarchyNodes'
    },
    {
        id: 'above.hierarchyAccounts',
        round: 7,
        title: 'Names of the accounts on those chains',
        api: 'rest',
        object: 'Account',
        fields: ['Id', 'Name', 'OwnerId'],
        where: 'Id IN :chainAccountIds',
        binds: { chainAccountIds: 'AccountId of every hierarchy node read, not read yet' },
        when: 'hierarchy nodes were read',
        feeds: 'labels of the hierarchy steps of grant paths',
        serves: ['externalAccountHierarchyReasons.ts accountName'],
        cap: 2000,
        capLoop: 'labels',
        onCap: 'labels only'
    },
    {
        id: 'above.userTerritories',
        round: 7,
        title: 'Territories of the users asked about and of the family\u2019s owners',
        api: 'rest',
        object: 'UserTerritory2Association',
        fields: ['Id', 'UserId', 'Territory2Id', 'IsActive', 'RoleInTerritory2'],
        where: 'UserId IN :principalIds',
        binds: { principalIds: 'the users asked about and the family\u2019s owners' },
        when: 'a territory model is active',
        feeds: 'territory chains',
        serves: ['snapshotIndex.ts territoriesOf, groupsOf (territory groups)'],
        cap: 2000,
        capLoop: 'territoryDepth',
        onCap: 'territories and ' + MEMBERSHIP + ' are uncertain',
        optional: 'feature'
    },
    {
        id: 'above.territories',
        round: 7,
        title: 'Territory chains, level by level up to the top',
        api: 'rest',
        object: 'Territory2',
        fields: TERRITORY_FIELDS,
        where: 'Id IN :territoryFrontier',
        binds: { territoryFrontier: 'the users\u2019 and accounts\u2019 territories and RelatedId of territory groups read; then ParentTerritory2Id of the territories found' },
        when: 'a territory was met',
        feeds: 'territory groups (round 8)',
        serves: ['snapshotIndex.ts territoryAncestors, isActiveTerritory', 'layersSharing.ts evaluateTerritories'],
        loop: { name: 'territoryDepth', maxDepth: 20 },
        cap: 2000,
        capLoop: 'territoryDepth',
        onCap: 'territories and ' + MEMBERSHIP + ' are uncertain',
        optional: 'feature'
    },
    // ---- Round 8: group memberships upward -----------------------------------------------
    {
        id: 'groups.derived',
        round: 8,
        title: 'Groups the platform derives: role, territory and manager groups of the chains read, and the all-users groups',
        api: 'rest',
        object: 'Group',
        fields: GROUP_FIELDS,
        where: "RelatedId IN :relatedIds OR Type IN ('Organization', 'PRMOrganization', 'AllCustomerPortal')",
        binds: { relatedIds: 'the role chains and territory chains of the users asked about and of the family\u2019s owners; those users and their managers' },
        feeds: 'the first frontier of groups.membershipUp',
        serves: ['snapshotIndex.ts groupsOf (role, territory, org-wide and manager groups)', 'sharingRuleNames.ts (owner in sharedFrom)'],
        cap: 2000,
        capLoop: 'groupNesting',
        onCap: MEMBERSHIP + ' is uncertain'
    },
    {
        id: 'groups.membershipUp',
        round: 8,
        title: 'Group memberships, level by level upward from the users and from every group read',
        api: 'rest',
        object: 'GroupMember',
        fields: GROUP_MEMBER_FIELDS,
        where: 'UserOrGroupId IN :frontier',
        binds: {
            frontier:
                'first the users asked about, the family\u2019s owners and every group read so far (derived, grantee, owning, nested, what-if); then the GroupId of the rows found in the previous level'
        },
        feeds: 'the next level; groups.byId',
        serves: ['snapshotIndex.ts groupsOf (direct and nested memberships)', 'paths.ts granteeChain', 'whatIf.ts addToGroup (what-if-ready groups)'],
        loop: { name: 'groupNesting', maxDepth: 20 },
        cap: 2000,
        capLoop: 'groupNesting',
        onCap: MEMBERSHIP + ' is uncertain'
    },
    {
        id: 'groups.byId',
        round: 8,
        title: 'The groups those memberships name',
        api: 'rest',
        object: 'Group',
        fields: GROUP_FIELDS,
        where: 'Id IN :groupIds',
        binds: { groupIds: 'GroupId of groups.membershipUp not read yet' },
        when: 'groups.membershipUp found groups not read yet',
        feeds: 'names and types',
        serves: ['snapshotIndex.ts groupsOf'],
        cap: 2000,
        capLoop: 'groupNesting',
        onCap: MEMBERSHIP + ' is uncertain'
    },
    // ---- Round 9: permissions ------------------------------------------------------------
    {
        id: 'permissions.assignments',
        round: 9,
        title: 'Permission set assignments of the users asked about',
        api: 'rest',
        object: 'PermissionSetAssignment',
        fields: ['Id', 'AssigneeId', 'PermissionSetId', 'PermissionSetGroupId', 'ExpirationDate', 'IsActive', 'IsRevoked'],
        where: 'AssigneeId IN :subjectIds',
        binds: { subjectIds: 'the users asked about' },
        feeds: 'permission sets and groups',
        serves: ['permissions.ts userPermissions'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain'
    },
    {
        id: 'permissions.groupComponents',
        round: 9,
        title: 'Components of their permission set groups (and of what-if groups)',
        api: 'rest',
        object: 'PermissionSetGroupComponent',
        fields: ['Id', 'PermissionSetGroupId', 'PermissionSetId'],
        where: 'PermissionSetGroupId IN :psgIds',
        binds: { psgIds: 'PermissionSetGroupId of the assignments and the what-if permission set groups' },
        when: 'a permission set group is assigned or asked about',
        feeds: 'permission sets and muting permission sets',
        serves: ['permissions.ts userPermissions'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain'
    },
    {
        id: 'permissions.groups',
        round: 9,
        title: 'Those permission set groups (status)',
        api: 'rest',
        object: 'PermissionSetGroup',
        fields: ['Id', 'DeveloperName', 'MasterLabel', 'Status'],
        where: 'Id IN :psgIds',
        binds: { psgIds: 'as permissions.groupComponents' },
        when: 'a permission set group is assigned or asked about',
        feeds: 'labels, outdated-group doubts',
        serves: ['permissions.ts userPermissions'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'labels only'
    },
    {
        id: 'permissions.fixCandidates',
        round: 9,
        title: 'Permission sets (not profiles, not group aggregates) granting Read or Edit on the record\u2019s object: the next step when object permissions block',
        api: 'rest',
        object: 'ObjectPermissions',
        fields: OBJECT_PERMISSION_FIELDS,
        where: 'SobjectType = :recordObject AND (PermissionsRead = true OR PermissionsEdit = true) AND Parent.IsOwnedByProfile = false AND Parent.PermissionSetGroupId = null',
        binds: { recordObject: "the record's object" },
        feeds: 'candidate permission sets (their PermissionSet rows and field permissions, so a what-if on them is exact)',
        serves: ['layersBase.ts permissionSetsGranting (next steps)', 'whatIf.ts addPermissionSet'],
        cap: 5,
        capLoop: 'nextSteps',
        onCap: 'only the first candidates are offered as next steps'
    },
    {
        id: 'permissions.sets',
        round: 9,
        title: 'The permission sets: assigned, of the profiles, aggregates of the groups, what-if targets, fix candidates',
        api: 'rest',
        object: 'PermissionSet',
        fields: PERMISSION_SET_FIELDS,
        where: 'Id IN :setIds OR PermissionSetGroupId IN :psgIds OR ProfileId IN :profileIds',
        binds: { setIds: 'PermissionSetId of assignments and group components, what-if permission sets, fix candidates', psgIds: 'the permission set groups', profileIds: 'ProfileId of the users asked about' },
        feeds: 'system permissions; the parents of object and field permissions',
        serves: ['permissions.ts userPermissions, systemPermission', 'layersBase.ts evaluateSystemPermissions'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain'
    },
    {
        id: 'permissions.muting',
        round: 9,
        title: 'Muting permission sets of those groups',
        api: 'rest',
        object: 'MutingPermissionSet',
        fields: ['Id', 'DeveloperName', 'MasterLabel', 'PermissionsViewAllData', 'PermissionsModifyAllData', 'PermissionsViewAllUsers', 'PermissionsManageUsers'],
        where: 'Id IN :mutingIds',
        binds: { mutingIds: 'PermissionSetId of group components that are muting permission sets (0QM…)' },
        when: 'a group has a muting permission set',
        feeds: 'muted permissions',
        serves: ['permissions.ts systemPermission, objectPermissions (muting)'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain'
    },
    {
        id: 'permissions.objects',
        round: 9,
        title: 'Object permissions of those sets on the family\u2019s objects',
        api: 'rest',
        object: 'ObjectPermissions',
        fields: OBJECT_PERMISSION_FIELDS,
        where: 'SobjectType IN :familyObjects AND ParentId IN :permissionParentIds',
        binds: { familyObjects: "the record's object, its parents' and children's objects", permissionParentIds: 'the permission sets and muting permission sets read' },
        feeds: 'object permissions',
        serves: ['permissions.ts objectPermissions', 'layersBase.ts evaluateObjectPermissions'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'object permissions are uncertain'
    },
    {
        id: 'permissions.fields',
        round: 9,
        title: 'Field permissions of those sets (and of the fix candidates) on the record\u2019s object',
        api: 'rest',
        object: 'FieldPermissions',
        fields: ['Id', 'ParentId', 'SobjectType', 'Field', 'PermissionsRead', 'PermissionsEdit'],
        where: 'SobjectType = :recordObject AND ParentId IN :permissionParentIds',
        binds: { recordObject: "the record's object", permissionParentIds: 'as permissions.objects, plus the fix candidates' },
        feeds: 'field gates',
        serves: ['permissions.ts fieldPermission', 'explain.ts buildGates'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'field-level security is uncertain'
    },
    {
        id: 'permissions.customPermissionAccess',
        round: 9,
        title: 'Custom permissions those sets enable (restriction rules testing $Permission)',
        api: 'rest',
        object: 'SetupEntityAccess',
        fields: ['Id', 'ParentId', 'SetupEntityId', 'SetupEntityType'],
        where: "ParentId IN :permissionParentIds AND SetupEntityType = 'CustomPermission'",
        binds: { permissionParentIds: 'as permissions.objects' },
        when: 'an active restriction rule on the record\u2019s object tests $Permission',
        feeds: 'permissions.customPermissions',
        serves: ['layerRestrictionRules.ts customPermissionsOf'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'restriction rules testing $Permission are uncertain'
    },
    {
        id: 'permissions.customPermissions',
        round: 9,
        title: 'Those custom permissions (names)',
        api: 'rest',
        object: 'CustomPermission',
        fields: ['Id', 'DeveloperName', 'MasterLabel'],
        where: 'Id IN :customPermissionIds',
        binds: { customPermissionIds: 'SetupEntityId of permissions.customPermissionAccess' },
        when: 'permissions.customPermissionAccess ran',
        feeds: 'names $Permission tests',
        serves: ['layerRestrictionRules.ts customPermissionsOf'],
        cap: 2000,
        capLoop: 'permissionRows',
        onCap: 'restriction rules testing $Permission are uncertain'
    },
    // ---- Round 10: the platform's verdict ------------------------------------------------
    {
        id: 'platform.userRecordAccess',
        round: 10,
        title: "Salesforce's own verdict for each user asked about on the record and its parents",
        api: 'rest',
        object: 'UserRecordAccess',
        fields: ['RecordId', 'HasReadAccess', 'HasEditAccess', 'HasDeleteAccess', 'HasTransferAccess', 'HasAllAccess', 'MaxAccessLevel'],
        where: 'UserId = :subjectId AND RecordId IN :recordAndParentIds',
        binds: { subjectId: 'one user asked about (one query per user)', recordAndParentIds: 'the record and its parents (at most 200 ids)' },
        feeds: 'reconciliation (the collector adds UserId to each row: SOQL does not return it)',
        serves: ['explain.ts reconcile'],
        cap: 200,
        capLoop: null,
        onCap: 'not reachable'
    }
];

/**
 * Round 11: Metadata API definitions (SOAP listMetadata / readMetadata, jsforce conn.metadata), read after the
 * rounds as the in-org collector reads them (AccessXRaySetupMetadataEvidence). `cap` counts components (objects
 * or sharing sets), read ten per call; a cut is reported in meta.truncated under the metadata type, a failure in
 * meta.unavailable with the permission to ask for.
 */
export const METADATA_STEPS: readonly PlanStep[] = [
    {
        id: 'metadata.sharingRules',
        round: 11,
        title: 'Sharing-rule definitions of the family\u2019s objects (Metadata API SharingRules, one component per object)',
        api: 'metadata',
        object: 'SharingRules',
        fields: ['sharingCriteriaRules', 'sharingOwnerRules', 'sharingGuestRules', 'sharingTerritoryRules'],
        where: 'fullName IN :familyObjects',
        binds: { familyObjects: "the record's object first, then its parents' and children's objects, by name" },
        feeds: 'metadata.SharingRules',
        serves: ['sharingRuleNames.ts (a Rule share named by its rule)', 'layersSharing.ts evaluateSharingRules'],
        cap: READ_METADATA_BATCH,
        capLoop: null,
        onCap: 'rules of the objects not read are named by the group they share with (meta.truncated SharingRules)',
        optional: 'permission',
        fix: METADATA_FIX
    },
    {
        id: 'metadata.sharingSets',
        round: 11,
        title: 'Sharing sets (Metadata API SharingSet: listMetadata, then readMetadata ten at a time, by name)',
        api: 'metadata',
        object: 'SharingSet',
        fields: ['fullName', 'name', 'description', 'profiles', 'accessMappings'],
        where: 'fullName IN :sharingSetNames',
        binds: { sharingSetNames: 'every sharing set listMetadata names, sorted' },
        when: 'a user asked about has a ContactId (an Experience Cloud user), or a record of the family is owned by a high-volume Experience Cloud user (its share groups)',
        feeds: 'metadata.SharingSet',
        serves: ['sharingSets.ts sharingSetsUnknown, sharingSetOutcome, shareGroupOutcome', 'layerExperienceCloud.ts'],
        cap: 200,
        capLoop: null,
        onCap: 'a sharing set not read proves nothing: access it could give is uncertain (meta.truncated SharingSet)',
        optional: 'permission',
        fix: METADATA_FIX
    }
];

/** Every step of explain/1 in plan order: the SOQL rounds, then the Metadata API round. */
export const STEPS: readonly PlanStep[] = [...QUERY_STEPS, ...METADATA_STEPS];

/** Steps by id (throws on an unknown id: a collector naming a step the plan lacks is a bug). */
export function planStep(id: string): PlanStep {
    const step = STEPS.find((s) => s.id === id);
    if (!step) throw new Error(`evidence plan explain/1 has no step ${id}`);
    return step;
}
