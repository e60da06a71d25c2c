/**
 * The same demo org as a scratch-org seed, derived from the demo snapshot so the two cannot
 * drift: `sf data import tree` files for the records (data/tree/) and anonymous Apex scripts
 * for what the tree import cannot do — users, memberships, owners, teams, territories and
 * explicit shares (scripts/scratch-org/apex/). Share rows the platform writes by itself
 * (Owner, Rule, Territory, implicit causes, RelatedPortalUser) are not seeded: the org
 * computes them.
 *
 * Pure: takes the Snapshot, returns file contents. Usernames carry the placeholder
 * `__SUFFIX__`, which scripts/scratch-org/seed.sh replaces with a unique suffix (scratch-org
 * usernames are global across Salesforce).
 */
import type { Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';

/** Profiles of a scratch org that stand in for the demo profiles, plus the twin permission set. */
const PROFILE_TWIN: Record<string, { profile: string; permissionSets: string[] }> = {
    'System Administrator': { profile: 'System Administrator', permissionSets: [] },
    'Kestrel Sales User': { profile: 'Standard User', permissionSets: ['Kestrel_Sales_User'] },
    'Kestrel Support User': { profile: 'Standard User', permissionSets: ['Kestrel_Support_User'] },
    'Kestrel Finance User': { profile: 'Standard User', permissionSets: ['Kestrel_Finance_User'] },
    'Kestrel Auditor': { profile: 'Standard User', permissionSets: ['Kestrel_Auditor'] },
    'Kestrel Integration': { profile: 'Standard User', permissionSets: ['Kestrel_Integration'] },
    'Partner Community User': { profile: 'Partner Community User', permissionSets: ['Kestrel_External_User'] },
    'Customer Community Plus User': {
        profile: 'Customer Community Plus User',
        permissionSets: ['Kestrel_External_User']
    },
    'Customer Community User': { profile: 'Customer Community User', permissionSets: ['Kestrel_External_User'] }
};

/** Fields the tree import writes, per object; references become `@refId`. */
const TREE_FIELDS: Record<string, string[]> = {
    Account: ['Name', 'Type', 'BillingCountry'],
    Contact: ['FirstName', 'LastName', 'AccountId', 'Title', 'Email'],
    Opportunity: ['Name', 'AccountId', 'StageName', 'Amount', 'CloseDate'],
    Case: ['Subject', 'AccountId', 'ContactId', 'Origin', 'Type', 'Status', 'Priority'],
    Product_Line__c: ['Name', 'Published__c'],
    Compensation_Plan__c: ['Name', 'Plan_Year__c', 'Quota__c'],
    Invoice__c: ['Name', 'Account__c', 'Region__c', 'Status__c', 'Amount__c']
};
const TREE_ORDER = [
    'Account',
    'Contact',
    'Opportunity',
    'Case',
    'Product_Line__c',
    'Compensation_Plan__c',
    'Invoice__c'
];
const REFERENCE_FIELDS = new Set(['AccountId', 'ContactId', 'Account__c']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** Apex string literal. */
const q = (v: unknown): string =>
    `'${String(v ?? '')
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")}'`;

export function buildScratchSeed(snapshot: Snapshot): Record<string, string> {
    const t = (table: string): Row[] => snapshot.tables[table] ?? [];
    const byId = new Map<string, { table: string; row: Row }>();
    for (const [table, rows] of Object.entries(snapshot.tables))
        for (const row of rows) if (row.Id) byId.set(row.Id, { table, row });
    const row = (id: unknown): Row | undefined => byId.get(str(id))?.row;
    const files: Record<string, string> = {};

    // -- sf data import tree: one file per object + the plan ------------------------------
    const refIds = new Map<string, string>();
    for (const object of TREE_ORDER) t(object).forEach((r, i) => refIds.set(str(r.Id), `${object}Ref${i + 1}`));
    const plan: { sobject: string; saveRefs: boolean; resolveRefs: boolean; files: string[] }[] = [];
    for (const object of TREE_ORDER) {
        const records = t(object).map((r) => {
            const out: Record<string, unknown> = { attributes: { type: object, referenceId: refIds.get(str(r.Id)) } };
            for (const field of TREE_FIELDS[object] ?? []) {
                const value = r[field];
                if (value === null || value === undefined) continue;
                out[field] = REFERENCE_FIELDS.has(field) ? `@${refIds.get(str(value)) ?? ''}` : value;
            }
            return out;
        });
        const file = `${object}.json`;
        files[`data/tree/${file}`] = `${JSON.stringify({ records }, null, 2)}\n`;
        plan.push({ sobject: object, saveRefs: true, resolveRefs: object !== 'Account', files: [file] });
    }
    files['data/tree/demo-plan.json'] = `${JSON.stringify(plan, null, 2)}\n`;

    // -- Apex helpers shared by the scripts -----------------------------------------------------
    const users = t('User').filter((u) => u.UserType !== 'Guest');
    const usernameOf = (id: unknown): string => `${str(row(id)?.Username)}.__SUFFIX__`;
    const header = (title: string, lines: string[]): string =>
        [
            `// ${title}`,
            '// GENERATED by scripts/demo-org (npm run demo:generate) from data/demo-org.snapshot.json — do not edit.',
            '// Run by scripts/scratch-org/seed.sh, which replaces __SUFFIX__ with a unique username suffix.',
            ...lines
        ].join('\n');
    const userMap = [
        'Map<String, Id> userIds = new Map<String, Id>();',
        "for (User u : [SELECT Id, Username FROM User WHERE Username LIKE '%.__SUFFIX__']) {",
        '    userIds.put(u.Username, u.Id);',
        '}'
    ];
    const recordName = (object: string, r: Row): { field: string; value: string } =>
        object === 'Case'
            ? { field: 'Subject', value: str(r.Subject) }
            : object === 'Contact'
              ? { field: 'Email', value: str(r.Email) }
              : { field: 'Name', value: str(r.Name) };
    const recordLookup = (id: unknown): string => {
        const hit = byId.get(str(id));
        if (!hit) throw new Error(`scratch seed: unknown record ${String(id)}`);
        const { field, value } = recordName(hit.table, hit.row);
        return `[SELECT Id FROM ${hit.table} WHERE ${field} = ${q(value)} LIMIT 1].Id`;
    };
    const groupLookup = (id: unknown): string => {
        const g = row(id);
        if (!g) throw new Error(`scratch seed: unknown group ${String(id)}`);
        if (g.Type === 'Regular' || g.Type === 'Queue')
            return `[SELECT Id FROM Group WHERE DeveloperName = ${q(g.DeveloperName)} AND Type = ${q(g.Type)} LIMIT 1].Id`;
        const role = row(g.RelatedId);
        return `[SELECT Id FROM Group WHERE Type = ${q(g.Type)} AND RelatedId IN (SELECT Id FROM UserRole WHERE DeveloperName = ${q(role?.DeveloperName)}) LIMIT 1].Id`;
    };
    const principal = (id: unknown): string =>
        byId.get(str(id))?.table === 'User' ? `userIds.get(${q(usernameOf(id))})` : groupLookup(id);

    // 1. Internal users (setup objects only).
    const internal = users.filter((u) => u.UserType === 'Standard');
    files['scripts/scratch-org/apex/01-internal-users.apex'] = header(
        '1/5 Internal users with roles, departments and stand-in profiles.',
        [
            'Map<String, Id> profiles = new Map<String, Id>();',
            "for (Profile p : [SELECT Id, Name FROM Profile WHERE Name IN ('Standard User', 'System Administrator')]) {",
            '    profiles.put(p.Name, p.Id);',
            '}',
            'Map<String, Id> roles = new Map<String, Id>();',
            'for (UserRole r : [SELECT Id, DeveloperName FROM UserRole]) {',
            '    roles.put(r.DeveloperName, r.Id);',
            '}',
            'List<User> users = new List<User>();',
            ...internal.map((u) => {
                const twin = PROFILE_TWIN[str(row(u.ProfileId)?.Name)];
                const role = row(u.UserRoleId);
                return `users.add(new User(FirstName = ${q(u.FirstName)}, LastName = ${q(u.LastName)}, Alias = ${q(u.Alias)}, Username = ${q(usernameOf(u.Id))}, Email = ${q(u.Email)}, ProfileId = profiles.get(${q(twin?.profile)}), UserRoleId = ${role ? `roles.get(${q(role.DeveloperName)})` : 'null'}, Department = ${q(u.Department)}, Title = ${q(u.Title)}, TimeZoneSidKey = 'Europe/Berlin', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US'));`;
            }),
            'insert users;',
            `System.debug('Access X-Ray demo: inserted ' + users.size() + ' internal users');`
        ]
    );

    // 2. Record owners and portal-enabled accounts (records only).
    const ownerLines: string[] = [];
    for (const object of TREE_ORDER) {
        for (const r of t(object)) {
            const owner = byId.get(str(r.OwnerId));
            if (!owner || owner.row.UserType === 'CspLitePortal') continue; // high-volume owners: script 4
            const ownerExpr =
                owner.table === 'User' ? `userIds.get(${q(usernameOf(r.OwnerId))})` : groupLookup(r.OwnerId);
            ownerLines.push(`records.add(new ${object}(Id = ${recordLookup(r.Id)}, OwnerId = ${ownerExpr}));`);
        }
    }
    const portalAccounts = t('Account').filter((a) => a.IsPartner === true || a.IsCustomerPortal === true);
    files['scripts/scratch-org/apex/02-owners.apex'] = header(
        '2/5 Record owners (users and queues) and partner / customer accounts.',
        [
            ...userMap,
            'List<SObject> records = new List<SObject>();',
            ...ownerLines,
            'update records;',
            ...portalAccounts.map(
                (a) =>
                    `update new Account(Id = ${recordLookup(a.Id)}, ${a.IsPartner === true ? 'IsPartner = true' : 'IsCustomerPortal = true'});`
            ),
            `System.debug('Access X-Ray demo: set ' + records.size() + ' owners');`
        ]
    );

    // 3. External users: contact, licence profile, portal role (setup objects only).
    const external = users.filter((u) => u.UserType !== 'Standard');
    files['scripts/scratch-org/apex/03-external-users.apex'] = header(
        '3/5 Partner, Customer Community Plus and Customer Community users on their contacts, in their portal roles.',
        [
            'Map<String, Id> profiles = new Map<String, Id>();',
            "for (Profile p : [SELECT Id, Name FROM Profile WHERE Name IN ('Partner Community User', 'Customer Community Plus User', 'Customer Community User')]) {",
            '    profiles.put(p.Name, p.Id);',
            '}',
            'List<User> users = new List<User>();',
            'Map<String, List<Object>> wantedRoles = new Map<String, List<Object>>();',
            ...external.flatMap((u) => {
                const twin = PROFILE_TWIN[str(row(u.ProfileId)?.Name)];
                const contact = row(u.ContactId);
                const role = row(u.UserRoleId);
                const lines = [
                    `users.add(new User(FirstName = ${q(u.FirstName)}, LastName = ${q(u.LastName)}, Alias = ${q(u.Alias)}, Username = ${q(usernameOf(u.Id))}, Email = ${q(u.Email)}, ContactId = [SELECT Id FROM Contact WHERE Email = ${q(contact?.Email)} LIMIT 1].Id, ProfileId = profiles.get(${q(twin?.profile)}), Title = ${q(u.Title)}, TimeZoneSidKey = 'Europe/Berlin', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US'));`
                ];
                if (role) {
                    lines.push(
                        `wantedRoles.put(${q(usernameOf(u.Id))}, new List<Object>{ ${recordLookup(role.PortalAccountId)}, ${q(role.PortalRole)} });`
                    );
                }
                return lines;
            }),
            'insert users;',
            '// Portal roles exist once the account has its first external user: place each user now.',
            'List<User> placed = new List<User>();',
            'for (User u : users) {',
            '    List<Object> wanted = wantedRoles.get(u.Username);',
            '    if (wanted == null) {',
            '        continue;',
            '    }',
            '    Id roleId = portalRole((Id) wanted[0], (String) wanted[1]);',
            '    if (roleId != null) {',
            '        placed.add(new User(Id = u.Id, UserRoleId = roleId));',
            '    }',
            '}',
            'update placed;',
            `System.debug('Access X-Ray demo: inserted ' + users.size() + ' external users, placed ' + placed.size() + ' in portal roles');`,
            '',
            '// The portal role of that level on the account (Setup > Digital Experiences > Settings sets',
            '// how many partner / customer roles accounts get); null = the platform assigns its default role.',
            'Id portalRole(Id accountId, String level) {',
            '    List<UserRole> roles = [SELECT Id FROM UserRole WHERE PortalAccountId = :accountId AND PortalRole = :level LIMIT 1];',
            '    if (roles.isEmpty()) {',
            "        System.debug(LoggingLevel.WARN, 'Access X-Ray demo: no ' + level + ' portal role on account ' + accountId + '; raise the number of portal roles in Digital Experiences settings');",
            '        return null;',
            '    }',
            '    return roles[0].Id;',
            '}'
        ]
    );

    // 4. Setup memberships: groups, queues, permission sets, territories, case team roles.
    const psName = (id: unknown): string => str(row(id)?.Name);
    const assignments = t('PermissionSetAssignment').filter((a) => row(a.PermissionSetId)?.IsOwnedByProfile !== true);
    const twinAssignments = users.flatMap((u) =>
        (PROFILE_TWIN[str(row(u.ProfileId)?.Name)]?.permissionSets ?? []).map((ps) => ({ user: u, ps }))
    );
    files['scripts/scratch-org/apex/04-memberships.apex'] = header(
        '4/5 Group and queue members, permission sets, territory members, case team roles.',
        [
            ...userMap,
            'Map<String, Id> permissionSets = new Map<String, Id>();',
            'for (PermissionSet ps : [SELECT Id, Name FROM PermissionSet WHERE IsOwnedByProfile = false]) {',
            '    permissionSets.put(ps.Name, ps.Id);',
            '}',
            'List<SObject> rows = new List<SObject>();',
            ...t('GroupMember').map(
                (m) =>
                    `rows.add(new GroupMember(GroupId = ${groupLookup(m.GroupId)}, UserOrGroupId = ${principal(m.UserOrGroupId)}));`
            ),
            ...twinAssignments.map(
                ({ user, ps }) =>
                    `rows.add(new PermissionSetAssignment(AssigneeId = userIds.get(${q(usernameOf(user.Id))}), PermissionSetId = permissionSets.get(${q(ps)})));`
            ),
            ...assignments.map((a) => {
                // The platform refuses an expiration date in the past: an expired assignment is seeded
                // to expire tomorrow (docs/demo-org.md, "What differs in a real org").
                const expiry = a.ExpirationDate ? ', ExpirationDate = System.now().addDays(1)' : '';
                return `rows.add(new PermissionSetAssignment(AssigneeId = userIds.get(${q(usernameOf(a.AssigneeId))}), PermissionSetId = permissionSets.get(${q(psName(a.PermissionSetId))})${expiry}));`;
            }),
            ...t('UserTerritory2Association').map((a) => {
                const territory = row(a.Territory2Id);
                return `rows.add(new UserTerritory2Association(UserId = userIds.get(${q(usernameOf(a.UserId))}), Territory2Id = [SELECT Id FROM Territory2 WHERE DeveloperName = ${q(territory?.DeveloperName)} LIMIT 1].Id, RoleInTerritory2 = ${q(a.RoleInTerritory2)}));`;
            }),
            ...t('CaseTeamRole').map(
                (r) =>
                    `rows.add(new CaseTeamRole(Name = ${q(r.Name)}, AccessLevel = ${q(r.AccessLevel)}, PreferencesVisibleInCSP = false));`
            ),
            'insert rows;',
            `System.debug('Access X-Ray demo: inserted ' + rows.size() + ' membership rows');`
        ]
    );

    // 5. Record-level rows: territory assignments, teams, manual and Apex shares, HV-owned records.
    const explicitShares: string[] = [];
    for (const [table, rows] of Object.entries(snapshot.tables)) {
        if (!table.endsWith('Share')) continue;
        for (const s of rows) {
            const cause = str(s.RowCause);
            if (cause !== 'Manual' && !cause.endsWith('__c')) continue; // the platform writes the others
            const parentField =
                table === 'OpportunityShare'
                    ? 'OpportunityId'
                    : table === 'CaseShare'
                      ? 'CaseId'
                      : table === 'AccountShare'
                        ? 'AccountId'
                        : 'ParentId';
            const levelField =
                table === 'OpportunityShare'
                    ? 'OpportunityAccessLevel'
                    : table === 'CaseShare'
                      ? 'CaseAccessLevel'
                      : table === 'AccountShare'
                        ? 'AccountAccessLevel'
                        : 'AccessLevel';
            explicitShares.push(
                `rows.add(new ${table}(${parentField} = ${recordLookup(s[parentField])}, UserOrGroupId = ${principal(s.UserOrGroupId)}, ${levelField} = ${q(s[levelField])}${cause === 'Manual' ? '' : `, RowCause = ${q(cause)}`}));`
            );
        }
    }
    const hvOwned: string[] = [];
    for (const object of TREE_ORDER) {
        for (const r of t(object)) {
            if (row(r.OwnerId)?.UserType === 'CspLitePortal')
                hvOwned.push(
                    `rows.add(new ${object}(Id = ${recordLookup(r.Id)}, OwnerId = userIds.get(${q(usernameOf(r.OwnerId))})));`
                );
        }
    }
    // External account hierarchy nodes (Object Reference "ExternalAccountHierarchy", API 49.0+; the
    // object exists once CommunitiesSettings.enableExternalAccHierPref is on, which the scratch
    // definition sets). Parents first: a node's ParentId is the Id of the node inserted before it.
    const nodes = t('ExternalAccountHierarchy');
    const nodeOrder: Row[] = [];
    const placedNodes = new Set<string>();
    while (nodeOrder.length < nodes.length) {
        const next = nodes.find(
            (n) => !placedNodes.has(str(n.Id)) && (n.ParentId == null || placedNodes.has(str(n.ParentId)))
        );
        if (!next) throw new Error('scratch seed: ExternalAccountHierarchy has a cycle or a missing parent');
        nodeOrder.push(next);
        placedNodes.add(str(next.Id));
    }
    const nodeVar = (id: unknown): string => `hierarchyNode${nodeOrder.findIndex((n) => n.Id === id) + 1}`;
    const hierarchyLines = nodeOrder.flatMap((n) => [
        `ExternalAccountHierarchy ${nodeVar(n.Id)} = new ExternalAccountHierarchy(Name = ${q(n.Name)}, AccountId = ${recordLookup(n.AccountId)}, ${n.ParentId ? `ParentId = ${nodeVar(n.ParentId)}.Id, ` : ''}HierarchyType = ${q(n.HierarchyType)}, IsActive = ${n.IsActive === true}, IsAccessibleToParent = ${n.IsAccessibleToParent !== false});`,
        `insert ${nodeVar(n.Id)};`
    ]);
    files['scripts/scratch-org/apex/05-record-access.apex'] = header(
        '5/5 Territory assignments, account/opportunity/case teams, manual and Apex-managed shares, external account hierarchy.',
        [
            ...userMap,
            'List<SObject> rows = new List<SObject>();',
            ...t('ObjectTerritory2Association').map((a) => {
                const territory = row(a.Territory2Id);
                return `rows.add(new ObjectTerritory2Association(ObjectId = ${recordLookup(a.ObjectId)}, Territory2Id = [SELECT Id FROM Territory2 WHERE DeveloperName = ${q(territory?.DeveloperName)} LIMIT 1].Id, AssociationCause = 'Territory2Manual'));`;
            }),
            ...t('AccountTeamMember').map(
                (m) =>
                    `rows.add(new AccountTeamMember(AccountId = ${recordLookup(m.AccountId)}, UserId = userIds.get(${q(usernameOf(m.UserId))}), TeamMemberRole = ${q(m.TeamMemberRole)}, AccountAccessLevel = ${q(m.AccountAccessLevel)}, OpportunityAccessLevel = ${q(m.OpportunityAccessLevel)}, CaseAccessLevel = ${q(m.CaseAccessLevel)}));`
            ),
            ...t('OpportunityTeamMember').map(
                (m) =>
                    `rows.add(new OpportunityTeamMember(OpportunityId = ${recordLookup(m.OpportunityId)}, UserId = userIds.get(${q(usernameOf(m.UserId))}), TeamMemberRole = ${q(m.TeamMemberRole)}, OpportunityAccessLevel = ${q(m.OpportunityAccessLevel)}));`
            ),
            ...t('CaseTeamMember').map(
                (m) =>
                    `rows.add(new CaseTeamMember(ParentId = ${recordLookup(m.ParentId)}, MemberId = userIds.get(${q(usernameOf(m.MemberId))}), TeamRoleId = [SELECT Id FROM CaseTeamRole WHERE Name = ${q(row(m.TeamRoleId)?.Name)} LIMIT 1].Id));`
            ),
            ...explicitShares,
            'insert rows;',
            '// Records created by high-volume users (owner changes, after the inserts above).',
            'rows = new List<SObject>();',
            ...hvOwned,
            'update rows;',
            ...(hierarchyLines.length
                ? [
                      '// External account hierarchy (after the external users: the accounts have their portal roles).',
                      ...hierarchyLines
                  ]
                : []),
            `System.debug('Access X-Ray demo: record-level rows seeded');`
        ]
    );
    return files;
}
