/**
 * The evidence plan "whoCanSee/1" as data: what "who can see this record, and why?" reads, in
 * rounds, bounded by the size of the answer (the users who can reach the record, and the
 * record's own family), never by the size of the org. docs/evidence-plan.md ("whoCanSee/1")
 * explains it in words.
 *
 * Same step format as explain/1 (plan.ts), so the same runner (session.ts) and the Apex generator
 * (planExport.ts) use it. Where a query is the same as one of explain/1 (the record, its
 * family, its share rows and teams, role chains upward, the permissions of a list of users) the
 * step is explain/1's, with the same id — the in-org collector reuses its selector — placed in
 * this plan's round. Steps of its own are named `wcs.…`:
 * - the record's grants expanded DOWNWARD to users: grantee groups and owning queues
 *   (`GroupMember WHERE GroupId IN :groupFrontier`, round by round, capped nesting depth), the
 *   role / territory / manager groups among them resolved by RelatedId to the roles below, the
 *   territories below, the reports, and the users of those;
 * - the bosses: the role chains upward of the users whose bosses the answer holds, then the users of those roles;
 * - the holders of View All / Modify All on the family's objects and of View All Data / Modify
 *   All Data (permission sets and profiles → assignments / profile users);
 * - Experience Cloud users of the family's accounts;
 * - users whose only way in is a public org-wide default, COUNTED per profile and permission set
 *   with aggregate queries (never read one by one).
 * Every user reached then has read what decides their access (round 9): the assignments of the
 * permission sets and groups that give something on the family's objects, memberships upward of
 * the external users only. Last, explain/1's Metadata API round: the sharing-rule definitions of
 * the family's objects (a rule share is named by its rule) and the org's sharing sets (always: the
 * answer is about every user).
 * Then round 12: the users those sharing sets reach on the family's records (a mapped field may
 * name an account or contact no earlier round met), read before round 9 so that their evidence is
 * read too.
 *
 * An answer larger than a step's cap is cut: the cut goes to `meta.scope.capsReached` (the
 * loop named by `capLoop`) and to `meta.truncated` (the table), and the engine's answer is marked
 * uncertain ("users it would reach may be missing").
 */
import { GROUP_FIELDS, GROUP_MEMBER_FIELDS, HIERARCHY_FIELDS, OBJECT_PERMISSION_FIELDS, PERMISSION_SET_FIELDS, ROLE_FIELDS, STEPS, TERRITORY_FIELDS, USER_FIELDS, type PlanRound, type PlanStep } from './plan';

export const WHO_CAN_SEE_PLAN_ID = 'whoCanSee/1';

/**
 * Row cap of the steps that list users of the answer, and of the steps reading those users' own
 * evidence (round 9), per query round: 50 000, the rows one Apex transaction may query. The in-org
 * collector keeps it (its round 9 reads a slice of the users per transaction, and a Queueable job
 * pages the rest); an answer beyond it there is cut and said to be.
 */
export const AUDIENCE_CAP = 50_000;

/**
 * The CLI has no governor limits, so its cap on those steps grows with the answer: at least
 * AUDIENCE_CAP, else CLI_ROWS_PER_USER rows per user read so far (the users the answer may hold),
 * per step and query round; a step that lists users counts the users it is reading (each row is a
 * user the answer may hold: the bosses of a large answer are many). Twenty rows per user is several
 * times what a user needs of any one step once round 9 reads only what decides access (the
 * assignments of the sets that matter, the memberships of external users): the cap still stops a
 * runaway read of evidence, never a whole answer. `--max-rows` overrides it, as every step's cap.
 */
export const CLI_ROWS_PER_USER = 20;

/**
 * The CLI's cap of a whoCanSee/1 step when `usersRead` users have been read and the step has read
 * `readByStep` rows (AUDIENCE_CAP steps scale; the others keep their cap).
 */
export function cliCapOf(step: PlanStep, usersRead: number, readByStep = 0): number {
    if (step.cap !== AUDIENCE_CAP) return step.cap;
    const users = usersRead + (step.object === 'User' ? readByStep : 0);
    return Math.max(AUDIENCE_CAP, CLI_ROWS_PER_USER * users);
}

/**
 * System permissions that open a record or that the answer reports (permissionHolders.ts
 * SYSTEM_FIELDS the PermissionSet fields of the plan hold): View All Data, Modify All Data, the
 * transfer permissions, and Manage Users / View All Users for User records.
 */
export const DECIDING_SYSTEM_PERMISSIONS = [
    'PermissionsViewAllData',
    'PermissionsModifyAllData',
    'PermissionsTransferAnyEntity',
    'PermissionsTransferAnyCase',
    'PermissionsTransferAnyLead',
    'PermissionsViewAllUsers',
    'PermissionsManageUsers'
] as const;

export const WHO_CAN_SEE_ROUNDS: readonly PlanRound[] = [
    { round: 1, title: 'The org', needs: 'nothing: the request names the record only' },
    { round: 2, title: 'The record', needs: "the record's object (key prefix → global describe)" },
    { round: 3, title: 'Record family', needs: "the record's lookups (parents), the accounts in the family (children, Experience Cloud users)" },
    { round: 4, title: 'Evidence on the records', needs: 'the ids of every record of the family' },
    { round: 5, title: 'People and groups named by the records', needs: 'owners, share grantees, team members' },
    { round: 6, title: 'Grantees expanded downward', needs: 'the grantee groups and owning queues of round 5' },
    { round: 7, title: 'Chains upward and the bosses', needs: 'the roles of the owners, grantees, members and team members read; the accounts\u2019 territories' },
    { round: 8, title: 'View All and View All Data holders', needs: "the family's objects" },
    { round: 9, title: 'The evidence of every user reached', needs: 'the users reached by rounds 3–8' },
    { round: 10, title: 'Users reached only through a public org-wide default, counted', needs: "the record's org-wide defaults (round 4); the permission sets granting Read" },
    { round: 11, title: 'Sharing-rule definitions and sharing sets (Metadata API)', needs: "the family's objects (round 3)" },
    {
        round: 12,
        title: 'Users the sharing sets reach (runs before round 9, which reads their evidence too)',
        needs: "the sharing sets' access mappings (round 11) and the family's records (round 3)"
    }
];

/** explain/1's step `id`, placed in this plan's `round` (same query, same selector in Apex). */
function reuse(id: string, round: number, changes: Partial<Pick<PlanStep, 'binds' | 'when' | 'feeds' | 'serves' | 'cap'>> = {}): PlanStep {
    const step = STEPS.find((s) => s.id === id);
    if (!step) throw new Error(`evidence plan whoCanSee/1 reuses explain/1 step ${id}, which does not exist`);
    return { ...step, round, ...changes };
}

const ANSWER_CUT = 'the answer is cut: users it would reach may be missing (the answer is marked uncertain and meta.truncated says where)';
const WHO = 'whoCanSeeAudience.ts audienceOf';

export const WHO_CAN_SEE_STEPS: readonly PlanStep[] = [
    // ---- Round 1: the org ---------------------------------------------------------------
    reuse('org', 1),
    reuse('restrictionRules', 1),
    // ---- Round 2: the record ------------------------------------------------------------
    reuse('record', 2),
    // ---- Round 3: record family ---------------------------------------------------------
    reuse('family.parents', 3),
    reuse('family.children', 3, { when: 'the family holds an Account and the record is not a Case or Opportunity (their audience takes only the account\u2019s owner and share rows); one query per child object' }),
    {
        id: 'wcs.accountRelations',
        round: 3,
        title: 'Contacts related to the family\u2019s accounts (AccountContactRelation)',
        api: 'rest',
        object: 'AccountContactRelation',
        fields: ['Id', 'AccountId', 'ContactId', 'IsActive', 'IsDirect'],
        where: 'AccountId IN :familyAccountIds',
        binds: { familyAccountIds: 'the record when it is an Account, and the Account parents' },
        when: 'the family holds an Account',
        feeds: 'their users (family.contactUsers): Experience Cloud users related to the account',
        serves: ['whoCanSeeExperience.ts experienceGrants (related accounts)'],
        cap: AUDIENCE_CAP,
        capLoop: 'relatedAccounts',
        onCap: 'Experience Cloud access through related accounts is uncertain',
        optional: 'feature'
    },
    {
        id: 'wcs.accountUsers',
        round: 3,
        title: 'Active Experience Cloud users of the family\u2019s accounts',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'AccountId IN :familyAccountIds AND IsActive = true',
        binds: { familyAccountIds: 'the record when it is an Account, and the Account parents' },
        when: 'the family holds an Account',
        feeds: 'users reached (round 9); their portal roles join the role chains',
        serves: ['whoCanSeeExperience.ts experienceGrants (portal implicit sharing, account users)'],
        cap: AUDIENCE_CAP,
        capLoop: 'contactUsers',
        onCap: 'Experience Cloud access of the account\u2019s users is uncertain; ' + ANSWER_CUT
    },
    reuse('family.contactUsers', 3, { binds: { contactIds: 'the record if a Contact, the family\u2019s contacts, ContactId of the family\u2019s cases, contacts related to the family\u2019s accounts' } }),
    // ---- Round 4: evidence on the records ------------------------------------------------
    reuse('records.shares', 4),
    reuse('records.accountTeams', 4),
    reuse('records.opportunityTeams', 4),
    reuse('records.caseTeams', 4),
    reuse('records.caseTeamTemplates', 4),
    reuse('records.caseTeamTemplateMembers', 4),
    reuse('records.caseTeamTemplateNames', 4),
    reuse('records.caseTeamRoles', 4),
    reuse('records.territoryModel', 4),
    reuse('records.accountTerritories', 4),
    reuse('records.sharingModels', 4),
    // ---- Round 5: people and groups named by the records ---------------------------------
    reuse('people.users', 5, { cap: AUDIENCE_CAP }),
    reuse('people.groups', 5),
    // ---- Round 6: grantees expanded downward ---------------------------------------------
    {
        id: 'wcs.groupMembers',
        round: 6,
        title: 'Members of the grantee groups and owning queues, level by level down their nested groups',
        api: 'rest',
        object: 'GroupMember',
        fields: GROUP_MEMBER_FIELDS,
        where: 'GroupId IN :groupFrontier',
        binds: { groupFrontier: 'first the grantee groups of the family\u2019s share rows, its owning queues and the groups of Contract / Order owners; then the nested groups found in the previous level' },
        feeds: 'user members (wcs.memberUsers), nested groups (wcs.groups, the next level)',
        serves: ['reverseMembership.ts usersOfGroup (GroupMember rows, nested groups)', WHO],
        loop: { name: 'groupMembersBelow', maxDepth: 20 },
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.groups',
        round: 6,
        title: 'The groups nested in them (their type says how they expand)',
        api: 'rest',
        object: 'Group',
        fields: GROUP_FIELDS,
        where: 'Id IN :memberGroupIds',
        binds: { memberGroupIds: 'UserOrGroupId of wcs.groupMembers rows that are groups, not read yet' },
        when: 'wcs.groupMembers found groups',
        feeds: 'the next level of wcs.groupMembers (Regular, Queue); role, territory, manager and all-users groups resolved by RelatedId',
        serves: ['reverseMembership.ts derivedUsers'],
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.groupRoles',
        round: 6,
        title: 'The roles of the role groups among the grantees and nested groups (RelatedId)',
        api: 'rest',
        object: 'UserRole',
        fields: ROLE_FIELDS,
        where: 'Id IN :groupRoleIds',
        binds: { groupRoleIds: 'RelatedId of Role, RoleAndSubordinates and RoleAndSubordinatesInternal groups' },
        when: 'a role group is a grantee or nested in one',
        feeds: 'wcs.subordinateRoles, wcs.roleUsers',
        serves: ['reverseMembership.ts derivedUsers (Role)'],
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.subordinateRoles',
        round: 6,
        title: 'The roles below a RoleAndSubordinates(Internal) group\u2019s role, level by level',
        api: 'rest',
        object: 'UserRole',
        fields: ROLE_FIELDS,
        where: 'ParentRoleId IN :roleFrontier',
        binds: { roleFrontier: 'first the roles of RoleAndSubordinates(Internal) groups; then the roles found in the previous level' },
        when: 'a RoleAndSubordinates(Internal) group is a grantee or nested in one',
        feeds: 'wcs.roleUsers',
        serves: ['reverseMembership.ts derivedUsers (RoleAndSubordinates, RoleAndSubordinatesInternal)'],
        loop: { name: 'roleDepth', maxDepth: 50 },
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.groupHierarchyNodes',
        round: 6,
        title: 'External account hierarchy nodes of the portal accounts of RoleAndSubordinates groups',
        api: 'rest',
        object: 'ExternalAccountHierarchy',
        fields: HIERARCHY_FIELDS,
        where: 'AccountId IN :portalAccountIds',
        binds: { portalAccountIds: 'PortalAccountId of the portal roles of RoleAndSubordinates groups' },
        when: 'a RoleAndSubordinates group of a portal role is a grantee or nested in one',
        feeds: 'the hierarchy nodes below (wcs.hierarchyChildren)',
        serves: ['externalAccountHierarchy.ts buildHierarchyModel (links)'],
        cap: AUDIENCE_CAP,
        capLoop: 'hierarchyDepth',
        onCap: 'the role hierarchy through external account hierarchies is uncertain',
        optional: 'feature',
        fix: 'ExternalAccountHierarchy can be read only in an org with Partner or Customer Community Plus licences, by a user with read access to it.'
    },
    {
        id: 'wcs.hierarchyChildren',
        round: 6,
        title: 'External account hierarchy nodes below those accounts, level by level (their portal roles are below the account\u2019s top role)',
        api: 'rest',
        object: 'ExternalAccountHierarchy',
        fields: HIERARCHY_FIELDS,
        where: 'ParentId IN :nodeFrontier',
        binds: { nodeFrontier: 'first the nodes of the portal accounts of RoleAndSubordinates groups; then the nodes found in the previous level' },
        when: 'a RoleAndSubordinates group of a portal role is a grantee or nested in one, and the org has external account hierarchies',
        feeds: 'the child accounts, whose portal roles join the roles below (above.portalRoles) and whose users join the answer (wcs.roleUsers)',
        serves: ['externalAccountHierarchy.ts buildHierarchyModel (links)', 'reverseMembership.ts derivedUsers (RoleAndSubordinates)'],
        loop: { name: 'hierarchyDepth', maxDepth: 10 },
        cap: AUDIENCE_CAP,
        capLoop: 'hierarchyDepth',
        onCap: 'the role hierarchy through external account hierarchies is uncertain; ' + ANSWER_CUT,
        optional: 'feature',
        fix: 'ExternalAccountHierarchy can be read only in an org with Partner or Customer Community Plus licences, by a user with read access to it.'
    },
    {
        id: 'wcs.childPortalRoles',
        round: 6,
        title: 'Every portal role of the accounts below (the hierarchy puts them below the parent account\u2019s top role)',
        api: 'rest',
        object: 'UserRole',
        fields: ROLE_FIELDS,
        where: 'PortalAccountId IN :childAccountIds',
        binds: { childAccountIds: 'AccountId of the nodes below (wcs.hierarchyChildren)' },
        when: 'wcs.hierarchyChildren found accounts',
        feeds: 'the roles below a portal role group\u2019s role (wcs.roleUsers)',
        serves: ['reverseMembership.ts derivedUsers (RoleAndSubordinates through the hierarchy)'],
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.subordinateTerritories',
        round: 6,
        title: 'The territories below a TerritoryAndSubordinates group\u2019s territory, level by level',
        api: 'rest',
        object: 'Territory2',
        fields: TERRITORY_FIELDS,
        where: 'ParentTerritory2Id IN :territoryFrontier',
        binds: { territoryFrontier: 'first RelatedId of TerritoryAndSubordinates groups; then the territories found in the previous level' },
        when: 'a TerritoryAndSubordinates group is a grantee or nested in one',
        feeds: 'wcs.territoryUsers',
        serves: ['reverseMembership.ts derivedUsers (TerritoryAndSubordinates)'],
        loop: { name: 'territoryDepth', maxDepth: 20 },
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT,
        optional: 'feature'
    },
    {
        id: 'wcs.reports',
        round: 6,
        title: 'The reports of a ManagerAndSubordinatesInternal group\u2019s user, level by level (ManagerId)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'ManagerId IN :managerFrontier AND IsActive = true',
        binds: { managerFrontier: 'first RelatedId of ManagerAndSubordinatesInternal groups; then the users found in the previous level' },
        when: 'a ManagerAndSubordinatesInternal group is a grantee or nested in one',
        feeds: 'users reached (round 9)',
        serves: ['reverseMembership.ts derivedUsers (ManagerAndSubordinatesInternal)'],
        loop: { name: 'managerDepth', maxDepth: 30 },
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.allUsersOfType',
        round: 6,
        title: 'Active users of an all-users grantee group (All Internal Users, All Partner Users, All Customer Portal Users)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'IsActive = true AND UserType IN :userTypes',
        binds: { userTypes: 'the user types the all-users group holds (Organization: Standard; PRMOrganization: PowerPartner; AllCustomerPortal: PowerCustomerSuccess, CustomerSuccess)' },
        when: 'an Organization, PRMOrganization or AllCustomerPortal group is a grantee or nested in one: the answer holds every user of that kind',
        feeds: 'users reached (round 9)',
        serves: ['reverseMembership.ts derivedUsers (Organization, PRMOrganization, AllCustomerPortal)'],
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.roleUsers',
        round: 6,
        title: 'Active users of the roles of role groups (and of the roles below them)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'UserRoleId IN :memberRoleIds AND IsActive = true',
        binds: { memberRoleIds: 'the roles of wcs.groupRoles and wcs.subordinateRoles' },
        when: 'a role group is a grantee or nested in one',
        feeds: 'users reached (round 9)',
        serves: ['reverseMembership.ts derivedUsers (Role, RoleAndSubordinates)'],
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    {
        id: 'wcs.memberUsers',
        round: 6,
        title: 'The users who are members: direct group and queue members, users of the territories met',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'Id IN :memberUserIds',
        binds: { memberUserIds: 'UserOrGroupId of wcs.groupMembers rows that are users; UserId of wcs.territoryUsers; AssigneeId of wcs.holderAssignments; not read yet' },
        feeds: 'users reached (round 9)',
        serves: ['reverseMembership.ts usersOfGroup', WHO],
        cap: AUDIENCE_CAP,
        capLoop: 'groupMembersBelow',
        onCap: ANSWER_CUT
    },
    // ---- Round 7: chains upward and the bosses -------------------------------------------
    reuse('above.roles', 7, {
        cap: AUDIENCE_CAP,
        binds: {
            roleFrontier:
                'the roles of the users whose bosses the answer holds (owners, user grantees, team members, members of the grantee groups and queues that include bosses, non-standard users: roundsAudience.ts bossSeeds) and of the role groups; then ParentRoleId of the roles found'
        },
        feeds: 'wcs.bossUsers (the users of every role on those chains)'
    }),
    reuse('above.hierarchyNodes', 7),
    reuse('above.hierarchyParents', 7),
    reuse('above.portalRoles', 7),
    reuse('above.hierarchyAccounts', 7),
    reuse('above.territories', 7, { binds: { territoryFrontier: 'the territories of the family\u2019s accounts and of territory groups; then ParentTerritory2Id of the territories found' } }),
    {
        id: 'wcs.territoryUsers',
        round: 7,
        title: 'Users assigned to the territories met (the accounts\u2019 territories and those above, territory groups and the territories below them)',
        api: 'rest',
        object: 'UserTerritory2Association',
        fields: ['Id', 'UserId', 'Territory2Id', 'IsActive', 'RoleInTerritory2'],
        where: 'Territory2Id IN :territoryIds',
        binds: { territoryIds: 'every territory read' },
        when: 'a territory model is active and a territory was met',
        feeds: 'users reached (wcs.memberUsers)',
        serves: ['whoCanSeeGrants.ts territoryGrants', 'reverseMembership.ts derivedUsers (Territory, TerritoryAndSubordinates)'],
        cap: AUDIENCE_CAP,
        capLoop: 'territoryDepth',
        onCap: 'territories are uncertain; ' + ANSWER_CUT,
        optional: 'feature'
    },
    {
        id: 'wcs.bossUsers',
        round: 7,
        title: 'Active users of every role on those chains: the bosses (role hierarchy)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'UserRoleId IN :chainRoleIds AND IsActive = true',
        binds: { chainRoleIds: 'every role of above.roles (and above.portalRoles) not read by wcs.roleUsers' },
        feeds: 'users reached (round 9); their managers',
        serves: ['whoCanSeeGrants.ts hierarchyGrants (users above the owner, grantees, members, team members)'],
        cap: AUDIENCE_CAP,
        capLoop: 'roleDepth',
        onCap: 'the role hierarchy is uncertain; ' + ANSWER_CUT
    },
    reuse('people.managers', 7, { binds: { managerIds: 'RelatedId of Manager groups (a Manager group holds that user\u2019s managers), then ManagerId of the users found' } }),
    // ---- Round 8: View All and View All Data holders -------------------------------------
    {
        id: 'wcs.viewAllPermissions',
        round: 8,
        title: 'Permission sets and profiles with View All or Modify All on the family\u2019s objects',
        api: 'rest',
        object: 'ObjectPermissions',
        fields: OBJECT_PERMISSION_FIELDS,
        where: 'SobjectType IN :familyObjects AND (PermissionsViewAllRecords = true OR PermissionsModifyAllRecords = true)',
        binds: { familyObjects: "the record's object, its parents' and children's objects" },
        feeds: 'the holder permission sets (wcs.holderSets)',
        serves: ['whoCanSeeGrants.ts permissionGrants (View All, Modify All)', 'permissionHolders.ts'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'View All and Modify All holders are uncertain'
    },
    {
        id: 'wcs.holderSets',
        round: 8,
        title: 'Those permission sets, and every permission set or profile with View All Data or Modify All Data',
        api: 'rest',
        object: 'PermissionSet',
        fields: PERMISSION_SET_FIELDS,
        where: 'Id IN :viewAllSetIds OR PermissionsViewAllData = true OR PermissionsModifyAllData = true',
        binds: { viewAllSetIds: 'ParentId of wcs.viewAllPermissions' },
        feeds: 'assignments of the sets (wcs.holderAssignments); users of the profiles (wcs.profileUsers)',
        serves: ['whoCanSeeGrants.ts permissionGrants (View All Data, Modify All Data)', 'permissionHolders.ts'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'View All Data and Modify All Data holders are uncertain'
    },
    {
        id: 'wcs.holderAssignments',
        round: 8,
        title: 'Assignments of those permission sets (and of the permission set groups they aggregate) to active users',
        api: 'rest',
        object: 'PermissionSetAssignment',
        fields: ['Id', 'AssigneeId', 'PermissionSetId', 'PermissionSetGroupId', 'ExpirationDate', 'IsActive', 'IsRevoked'],
        where: '(PermissionSetId IN :holderSetIds AND Assignee.IsActive = true) OR (PermissionSetGroupId IN :holderGroupIds AND Assignee.IsActive = true)',
        binds: { holderSetIds: 'the holder sets that are not a profile\u2019s', holderGroupIds: 'PermissionSetGroupId of the holder sets that aggregate a group' },
        when: 'a holder set is not a profile\u2019s',
        feeds: 'the holders (wcs.memberUsers)',
        serves: ['permissionHolders.ts (assignees of a set or group)'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'View All holders are uncertain; ' + ANSWER_CUT
    },
    {
        id: 'wcs.profileUsers',
        round: 8,
        title: 'Active users of the holder profiles (e.g. System Administrator: View All Data)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'ProfileId IN :holderProfileIds AND IsActive = true',
        binds: { holderProfileIds: 'ProfileId of the holder sets owned by a profile' },
        when: 'a holder set is a profile\u2019s',
        feeds: 'users reached (round 9)',
        serves: ['whoCanSeeGrants.ts permissionGrants (profiles)'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'View All holders are uncertain; ' + ANSWER_CUT
    },
    // ---- Round 9: the evidence of every user reached ------------------------------------
    reuse('subjectRuleFields', 9, { cap: AUDIENCE_CAP, binds: { subjectIds: 'every user reached' } }),
    reuse('people.profiles', 9, { cap: AUDIENCE_CAP }),
    // Memberships upward: only of the users the Experience Cloud layer evaluates one by one (external users, whose
    // share groups and sharing sets ask which groups they are in) and of the family's owners. Every group grant is
    // expanded downward (round 6), so an internal user's other groups change nothing in the answer.
    reuse('above.userTerritories', 9, { cap: AUDIENCE_CAP, binds: { principalIds: 'the external users reached and the family’s owners' } }),
    reuse('groups.derived', 9, {
        cap: AUDIENCE_CAP,
        binds: { relatedIds: 'the roles and territories of the external users reached and of the family’s owners, and those users (role, territory and manager groups); the all-users groups' }
    }),
    reuse('groups.membershipUp', 9, {
        cap: AUDIENCE_CAP,
        binds: { frontier: 'first the external users reached, the family’s owners and every group read; then the GroupId of the rows found in the previous level' }
    }),
    reuse('groups.byId', 9, { cap: AUDIENCE_CAP }),
    // Permissions: only what decides access to the record family. A permission set, group or profile that gives
    // nothing on the family's objects and none of the deciding system permissions changes no user's answer
    // (permissionHolders.ts counts a source only by the bits it gives), so only the assignments of the sets that
    // give something are read; every assignment only when a restriction rule tests a custom permission.
    {
        id: 'wcs.decidingObjectPermissions',
        round: 9,
        title: 'Permission sets, groups and profiles with any object permission on the family’s objects',
        api: 'rest',
        object: 'ObjectPermissions',
        fields: ['Id', 'ParentId', 'SobjectType', 'Parent.IsOwnedByProfile', 'Parent.PermissionSetGroupId'],
        where: 'SobjectType IN :familyObjects',
        binds: { familyObjects: "the record's object, its parents' and children's objects" },
        when: 'no active restriction rule on the record’s object tests a custom permission',
        feeds: 'the deciding sets and groups (wcs.decidingGroupComponents, wcs.permissionAssignments)',
        serves: ['permissionHolders.ts (a set counts only by the bits it gives)'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain'
    },
    {
        id: 'wcs.decidingSystemSets',
        round: 9,
        title: 'Permission sets and profiles with View All Data, Modify All Data, a transfer permission, Manage Users or View All Users',
        api: 'rest',
        object: 'PermissionSet',
        fields: ['Id', 'IsOwnedByProfile', 'PermissionSetGroupId'],
        where: DECIDING_SYSTEM_PERMISSIONS.map((f) => `${f} = true`).join(' OR '),
        binds: {},
        when: 'as wcs.decidingObjectPermissions',
        feeds: 'the deciding sets and groups (wcs.decidingGroupComponents, wcs.permissionAssignments)',
        serves: ['permissionHolders.ts (system permissions)'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain'
    },
    {
        id: 'wcs.decidingGroupComponents',
        round: 9,
        title: 'Permission set groups holding a deciding permission set',
        api: 'rest',
        object: 'PermissionSetGroupComponent',
        fields: ['Id', 'PermissionSetGroupId', 'PermissionSetId'],
        where: 'PermissionSetId IN :decidingSetIds',
        binds: { decidingSetIds: 'ParentId of wcs.decidingObjectPermissions and Id of wcs.decidingSystemSets, not owned by a profile' },
        when: 'as wcs.decidingObjectPermissions, when a deciding set is not a profile’s',
        feeds: 'the deciding groups (wcs.permissionAssignments)',
        serves: ['permissionHolders.ts groupBits'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain',
        optional: 'feature'
    },
    {
        id: 'wcs.permissionAssignments',
        round: 9,
        title: 'Assignments of the deciding permission sets and groups to the users reached',
        api: 'rest',
        object: 'PermissionSetAssignment',
        fields: ['Id', 'AssigneeId', 'PermissionSetId', 'PermissionSetGroupId', 'ExpirationDate', 'IsActive', 'IsRevoked'],
        where: '(AssigneeId IN :subjectIds AND PermissionSetId IN :decidingSetIds) OR (AssigneeId IN :subjectIds AND PermissionSetGroupId IN :decidingGroupIds)',
        binds: {
            subjectIds: 'every user reached',
            decidingSetIds: 'the deciding sets not owned by a profile (at most 200 per query: more are sent in turns)',
            decidingGroupIds: 'PermissionSetGroupId of the deciding sets (group aggregates) and of wcs.decidingGroupComponents'
        },
        when: 'as wcs.decidingObjectPermissions, when a deciding set is not a profile’s (a profile’s own set reaches its users through ProfileId)',
        feeds: 'permission set groups and sets (permissions.groupComponents, permissions.sets)',
        serves: ['permissionHolders.ts', 'permissions.ts userPermissions'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'object and system permissions are uncertain'
    },
    reuse('permissions.assignments', 9, {
        cap: AUDIENCE_CAP,
        binds: { subjectIds: 'every user reached' },
        when: 'an active restriction rule on the record’s object tests a custom permission (any set may grant it): every assignment of the users reached'
    }),
    reuse('permissions.groupComponents', 9, { cap: AUDIENCE_CAP }),
    reuse('permissions.groups', 9, { cap: AUDIENCE_CAP }),
    reuse('permissions.sets', 9, {
        cap: AUDIENCE_CAP,
        binds: { setIds: 'PermissionSetId of the assignments and group components', psgIds: 'the permission set groups', profileIds: 'ProfileId of every user reached' }
    }),
    reuse('permissions.muting', 9, { cap: AUDIENCE_CAP }),
    reuse('permissions.objects', 9, { cap: AUDIENCE_CAP }),
    reuse('permissions.customPermissionAccess', 9, { cap: AUDIENCE_CAP }),
    reuse('permissions.customPermissions', 9, { cap: AUDIENCE_CAP }),
    // ---- Round 10: users reached only through a public org-wide default, counted ----------
    {
        id: 'wcs.readGrantingPermissions',
        round: 10,
        title: 'Profiles and permission sets granting Read or Edit on the record\u2019s object (the users a public default can reach)',
        api: 'rest',
        object: 'ObjectPermissions',
        fields: [...OBJECT_PERMISSION_FIELDS, 'Parent.Name', 'Parent.Label', 'Parent.IsOwnedByProfile', 'Parent.ProfileId', 'Parent.PermissionSetGroupId'],
        where: 'SobjectType = :recordObject AND (PermissionsRead = true OR PermissionsEdit = true)',
        binds: { recordObject: "the record's object" },
        when: 'the record\u2019s org-wide default (or, Controlled by Parent, a parent\u2019s) is public for internal or external users',
        feeds: 'which profiles and sets grant Read and Edit (wcs.publicSetHolders, wcs.publicSetCounts)',
        serves: ['whoCanSeePublicCounts.ts publicAccessFromCounts'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'the counts of users with access through a public default are uncertain'
    },
    {
        id: 'wcs.publicProfileCounts',
        round: 10,
        title: 'Active users per profile and user type (an aggregate: one row per profile, never a row per user)',
        api: 'rest',
        object: 'User',
        fields: ['ProfileId', 'Profile.Name', 'UserType', 'COUNT(Id) users'],
        where: 'IsActive = true',
        groupBy: ['ProfileId', 'Profile.Name', 'UserType'],
        binds: {},
        when: 'as wcs.readGrantingPermissions',
        feeds: 'publicAccess users and byProfile: every user of a profile granting Read, less the users reached another way',
        serves: ['whoCanSeePublicCounts.ts publicAccessFromCounts'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'the counts of users with access through a public default are uncertain'
    },
    {
        id: 'wcs.publicSetHolders',
        round: 10,
        title: 'Distinct active users holding a permission set that grants Read (then one that grants Edit), per profile and user type (an aggregate)',
        api: 'rest',
        object: 'PermissionSetAssignment',
        fields: ['Assignee.ProfileId', 'Assignee.UserType', 'COUNT_DISTINCT(AssigneeId) users'],
        where: 'PermissionSetId IN :grantingSetIds AND Assignee.IsActive = true',
        groupBy: ['Assignee.ProfileId', 'Assignee.UserType'],
        binds: { grantingSetIds: 'the permission sets (not profiles) of wcs.readGrantingPermissions granting Read, group aggregates included; under a Read/Write default, once more with those granting Edit' },
        when: 'as wcs.readGrantingPermissions, when a permission set grants Read (at most 200 sets: a distinct count can’t be summed over chunks)',
        feeds: 'publicAccess users and byProfile for profiles that grant nothing themselves; byAccess (Edit) under a Read/Write default',
        serves: ['whoCanSeePublicCounts.ts publicAccessFromCounts'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'the counts of users with access through a public default are uncertain'
    },
    {
        id: 'wcs.publicSetCounts',
        round: 10,
        title: 'Active assignees per granting permission set and user type (an aggregate)',
        api: 'rest',
        object: 'PermissionSetAssignment',
        fields: ['PermissionSetId', 'PermissionSetGroupId', 'Assignee.UserType', 'COUNT(Id) users'],
        where: 'PermissionSetId IN :grantingSetIds AND Assignee.IsActive = true',
        groupBy: ['PermissionSetId', 'PermissionSetGroupId', 'Assignee.UserType'],
        binds: { grantingSetIds: 'the permission sets (not profiles) of wcs.readGrantingPermissions granting Read' },
        when: 'as wcs.publicSetHolders',
        feeds: 'publicAccess byPermissionSet',
        serves: ['whoCanSeePublicCounts.ts publicAccessFromCounts'],
        cap: AUDIENCE_CAP,
        capLoop: 'permissionRows',
        onCap: 'the counts of users with access through a public default are uncertain'
    },
    // ---- Round 11: sharing-rule definitions and sharing sets (Metadata API) -------------------
    reuse('metadata.sharingRules', 11, {
        serves: ['sharingRuleNames.ts (a Rule share named by its rule)', 'whoCanSeeGrants.ts shareRowGrants (sharing-rule reasons)']
    }),
    reuse('metadata.sharingSets', 11, {
        when: 'always: the answer is about every user, and without the org\u2019s sharing sets every answer is uncertain (whoCanSeeAudience.ts: external users of a profile a set lists could reach the record through it); an org without sharing sets costs the one listMetadata call',
        serves: ['whoCanSeeExperience.ts experienceCloudCandidates (sharing-set and share-group candidates)', 'whoCanSeeAudience.ts audienceOf (sharingSetsUnknown)', 'layerExperienceCloud.ts']
    }),
    // ---- Round 12: users the sharing sets reach (before round 9) -----------------------------
    {
        id: 'wcs.sharingSetRelations',
        round: 12,
        title: 'Contacts related to the accounts a sharing set maps to the user\u2019s related accounts (AccountContactRelation)',
        api: 'rest',
        object: 'AccountContactRelation',
        fields: ['Id', 'AccountId', 'ContactId', 'IsActive', 'IsDirect'],
        where: 'AccountId IN :setRelatedAccountIds',
        binds: { setRelatedAccountIds: 'the values of the family records\u2019 mapped fields, for access mappings from User.Contact.RelatedAccount' },
        when: 'a sharing set maps User.Contact.RelatedAccount to a field of a family record\u2019s object',
        feeds: 'their contacts (wcs.sharingSetUsers)',
        serves: ['sharingSets.ts resolveUserField (Contact.RelatedAccount)', 'whoCanSeeExperience.ts sharingSetCandidates'],
        cap: AUDIENCE_CAP,
        capLoop: 'contactUsers',
        onCap: 'Experience Cloud access through sharing sets is uncertain; ' + ANSWER_CUT,
        optional: 'feature'
    },
    {
        id: 'wcs.sharingSetManagers',
        round: 12,
        title: 'Users of the accounts and contacts a sharing set maps to the user\u2019s manager (Manager.Account, Manager.Contact)',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where: 'ContactId IN :managerContactIds OR AccountId IN :managerAccountIds',
        binds: {
            managerContactIds: 'the values of the family records\u2019 mapped fields, for access mappings from User.Manager.Contact',
            managerAccountIds: 'the values of the family records\u2019 mapped fields, for access mappings from User.Manager.Account'
        },
        when: 'a sharing set maps User.Manager.Account or User.Manager.Contact to a field of a family record\u2019s object',
        feeds: 'the managers whose reports wcs.sharingSetUsers reads',
        serves: ['sharingSets.ts resolveUserField (Manager.Account, Manager.Contact)', 'whoCanSeeExperience.ts sharingSetCandidates'],
        cap: AUDIENCE_CAP,
        capLoop: 'contactUsers',
        onCap: 'Experience Cloud access through sharing sets is uncertain; ' + ANSWER_CUT
    },
    {
        id: 'wcs.sharingSetUsers',
        round: 12,
        title: 'Active users of the sharing sets\u2019 profiles whose contact, account or manager a mapping of the family\u2019s records names',
        api: 'rest',
        object: 'User',
        fields: USER_FIELDS,
        where:
            '(ContactId IN :setContactIds AND Profile.Name IN :setProfileNames AND IsActive = true) OR (AccountId IN :setAccountIds AND Profile.Name IN :setProfileNames AND IsActive = true) OR (ManagerId IN :setManagerIds AND Profile.Name IN :setProfileNames AND IsActive = true)',
        binds: {
            setContactIds: 'the mapped values of User.Contact mappings, and the contacts of wcs.sharingSetRelations',
            setAccountIds: 'the mapped values of User.Account mappings',
            setManagerIds: 'the users of wcs.sharingSetManagers',
            setProfileNames: 'the profiles (Metadata API names) of the sharing sets with a mapping on a family record\u2019s object'
        },
        when: 'a sharing set maps a field of a family record\u2019s object (the record, its parents, the accounts\u2019 children); a mapping from any other user field (Account.<Field>, Contact.<Field>), or through a record not read, is not followed: the answer is uncertain and names the sharing set',
        feeds: 'users reached (round 9, which runs after this round)',
        serves: ['whoCanSeeExperience.ts experienceCloudCandidates (sharing sets)', 'sharingSets.ts evaluateSharingSets'],
        cap: AUDIENCE_CAP,
        capLoop: 'contactUsers',
        onCap: 'Experience Cloud access through sharing sets is uncertain; ' + ANSWER_CUT
    }
];

/** Steps of whoCanSee/1 by id (throws on an unknown id). */
export function whoCanSeeStep(id: string): PlanStep {
    const step = WHO_CAN_SEE_STEPS.find((s) => s.id === id);
    if (!step) throw new Error(`evidence plan ${WHO_CAN_SEE_PLAN_ID} has no step ${id}`);
    return step;
}
