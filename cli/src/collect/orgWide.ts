/**
 * The who-can-see page collection (`collect` with `allUsers`): a page of active users and the
 * org-wide tables whole (roles, groups, group members, bounded by `--max-rows`, a cut recorded
 * in `meta.truncated`), as the collector read before the explain plan. The snapshot carries no
 * `meta.scope` (it is read as a whole-org snapshot for the users of the page). Explanations use
 * the evidence plan instead (explainPlan.ts); who-can-see's own plan belongs to the who-can-see
 * work (docs/evidence-plan.md).
 */
import type { Row, Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { InputError } from '../errors';
import type { OrgTransport } from '../transport';
import { CLI_VERSION } from '../version';
import type { CollectRequest, CollectResult } from '../collector';
import { describeToSnapshot, fieldGroups, isMasterDetail, recordFields, type DescribeResult } from './describe';
import { USER_FIELDS, ROLE_FIELDS } from './plan';
import { Session } from './session';
import { chunks, ID_RE, inList, soqlString, str, uniqIds } from './soql';

const USER_ROLE_FIELDS = ROLE_FIELDS.join(', ');
const ID_CHUNK = 200;

/** Columns of the share table for an object (engine shareTables.ts, duplicated in SOQL form). */
function shareColumns(object: string): { table: string; parent: string; access: string[] } {
    if (object.endsWith('__c'))
        return { table: `${object.slice(0, -3)}__Share`, parent: 'ParentId', access: ['AccessLevel'] };
    if (object === 'Account') {
        return {
            table: 'AccountShare',
            parent: 'AccountId',
            access: ['AccountAccessLevel', 'OpportunityAccessLevel', 'CaseAccessLevel', 'ContactAccessLevel']
        };
    }
    if (['Case', 'Contact', 'Opportunity', 'Lead', 'User', 'Campaign'].includes(object)) {
        return { table: `${object}Share`, parent: `${object}Id`, access: [`${object}AccessLevel`] };
    }
    return { table: `${object}Share`, parent: 'ParentId', access: ['AccessLevel'] };
}

/** Objects whose records are children of an Account for implicit sharing (seed 002). */
const ACCOUNT_CHILDREN = new Set(['Contact', 'Opportunity', 'Case', 'Contract', 'Order', 'Asset']);

/**
 * Accounts of the external account hierarchy chains above `accountIds` (the accounts themselves
 * included when they have a node): each node's ParentId is followed up to the root, whether or
 * not the nodes are active (the engine decides what links; the collector reads the evidence).
 */
function hierarchyChainAccounts(nodes: Row[], accountIds: string[]): string[] {
    const byId = new Map(nodes.map((n) => [str(n.Id).slice(0, 15), n]));
    const wanted = new Set(accountIds.filter(Boolean).map((id) => id.slice(0, 15)));
    const out: string[] = [];
    for (const start of nodes.filter((n) => wanted.has(str(n.AccountId).slice(0, 15)))) {
        const seen = new Set<string>();
        let node: Row | undefined = start;
        while (node && !seen.has(str(node.Id))) {
            seen.add(str(node.Id));
            out.push(str(node.AccountId));
            node = byId.get(str(node.ParentId).slice(0, 15));
        }
    }
    return uniqIds(out.filter(Boolean));
}

/** The whole-table reads of the who-can-see page, on the plan's session (paging, retries, counts). */
class OrgWideSession extends Session {
    async bounded(soql: string, opts: { tooling?: boolean; maxRows?: number; table?: string } = {}): Promise<Row[]> {
        const max = opts.maxRows ?? Number.POSITIVE_INFINITY;
        const { rows, capped, totalSize } = await this.query(soql, { ...(opts.tooling ? { tooling: true } : {}), limit: max });
        if (capped) {
            this.truncated.push({
                table: opts.table ?? /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? 'unknown',
                limit: max,
                reason: `more than ${max} rows (${totalSize} in the org); raise --max-rows to read them all`
            });
        }
        return rows;
    }

    async boundedIds(soqlTemplate: string, ids: string[], opts: { tooling?: boolean; maxRows?: number; table?: string } = {}): Promise<Row[]> {
        const out: Row[] = [];
        for (const chunk of chunks(uniqIds(ids), ID_CHUNK)) out.push(...(await this.bounded(soqlTemplate.replace('{ids}', inList(chunk)), opts)));
        return out;
    }

    async optional(table: string, fix: string, run: () => Promise<Row[]>, opts: { featureObject?: boolean } = {}): Promise<Row[] | undefined> {
        try {
            return await run();
        } catch (err) {
            const e = err as { errorName?: string; message?: string };
            const code = e.errorName ?? '';
            if (opts.featureObject && code === 'INVALID_TYPE') return undefined;
            if (/INVALID_TYPE|INVALID_FIELD|NOT_FOUND|INSUFFICIENT_ACCESS|API_DISABLED|FUNCTIONALITY_NOT_ENABLED|MALFORMED_QUERY/.test(`${code} ${e.message ?? ''}`)) {
                this.unavailable.push({ table, reason: (e.message ?? code).replace(/^the \w+ query failed: /, ''), fix });
                return undefined;
            }
            throw err;
        }
    }

    async describeOrThrow(object: string): Promise<DescribeResult> {
        const d = await this.describe(object);
        if (!d) throw new InputError(`${object} can't be described in this org.`, [], 'UnknownRecord');
        return d;
    }
}

/** Metadata API evidence the who-can-see page collection does not read, said in every snapshot it writes. */
export const NOT_READ_BY_ORG_WIDE = [
    {
        table: 'metadata.SharingRules',
        reason: 'The who-can-see collection does not read sharing-rule metadata (Metadata API): sharing-rule shares are named by the group they grant to, not by the rule.',
        fix: 'Explain the user on the record (the explain collection reads it), or export the SharingRules metadata and add it to the snapshot under metadata.SharingRules.'
    },
    {
        table: 'metadata.SharingSet',
        reason: 'The who-can-see collection does not read sharing sets (Metadata API only); sharing-set access is uncertain.',
        fix: 'Explain the user on the record (the explain collection reads them), or add the SharingSet metadata to the snapshot under metadata.SharingSet.'
    }
];

export async function collectOrgWide(transport: OrgTransport, request: CollectRequest): Promise<CollectResult> {
    const s = new OrgWideSession(transport);
    const maxRows = request.maxRows ?? 50_000;
    const tables: Record<string, Row[]> = {};
    const put = (table: string, rows: Row[] | undefined): void => {
        if (!rows) return;
        const existing = tables[table] ?? [];
        const seen = new Set(existing.map((r) => str(r.Id)).filter(Boolean));
        tables[table] = [...existing, ...rows.filter((r) => !r.Id || !seen.has(str(r.Id)))];
    };

    if (!ID_RE.test(request.recordId)) {
        throw new InputError(`--record ${request.recordId} is not a Salesforce id (15 or 18 letters and digits).`);
    }

    // Phase 1: the org, the user(s), which object the record is.
    const org = await s.bounded(
        'SELECT Id, Name, DefaultAccountAccess, DefaultContactAccess, DefaultOpportunityAccess, DefaultCaseAccess, DefaultLeadAccess, DefaultCampaignAccess, DefaultPricebookAccess, DefaultCalendarAccess FROM Organization'
    );
    put('Organization', org);

    const userIds: string[] = [];
    let totalUsers: number | undefined;
    if (request.users.length) {
        const byId = request.users.filter((u) => ID_RE.test(u));
        const byName = request.users.filter((u) => !ID_RE.test(u));
        const where = [byId.length ? `Id IN ${inList(byId)}` : '', byName.length ? `Username IN ${inList(byName)}` : '']
            .filter(Boolean)
            .join(' OR ');
        const users = await s.bounded(`SELECT ${USER_FIELDS.join(', ')} FROM User WHERE ${where}`);
        for (const ref of request.users) {
            const hit = users.find((u) =>
                ID_RE.test(ref)
                    ? str(u.Id).slice(0, 15) === ref.slice(0, 15)
                    : str(u.Username).toLowerCase() === ref.toLowerCase()
            );
            if (!hit) {
                throw new InputError(
                    `No user with ${ID_RE.test(ref) ? 'Id' : 'Username'} ${ref} in ${transport.orgLabel}.`,
                    [
                        'Check the id or username (sf data query -q "SELECT Id, Username FROM User WHERE Name LIKE \'%…%\'").'
                    ],
                    'UnknownUser'
                );
            }
            userIds.push(str(hit.Id));
        }
        put('User', users);
    }
    if (request.allUsers) {
        const count = await s.get<{ totalSize: number }>(
            `/services/data/v${transport.apiVersion}/query?q=${encodeURIComponent('SELECT COUNT() FROM User WHERE IsActive = true')}`
        );
        s.queries++;
        totalUsers = count.totalSize;
        const page = await s.bounded(
            `SELECT ${USER_FIELDS.join(', ')} FROM User WHERE IsActive = true${request.allUsers.after ? ` AND Id > ${soqlString(request.allUsers.after)}` : ''} ORDER BY Id LIMIT ${request.allUsers.limit}${request.allUsers.offset ? ` OFFSET ${request.allUsers.offset}` : ''}`
        );
        put('User', page);
        for (const u of page) userIds.push(str(u.Id));
    }

    const sobjects = await s.globalDescribe();
    const prefix = request.recordId.slice(0, 3);
    const objectApiName = sobjects.find((o) => o.keyPrefix === prefix)?.name;
    if (!objectApiName) {
        throw new InputError(
            `No object in ${transport.orgLabel} has key prefix ${prefix}: ${request.recordId} is not a record id of this org.`,
            [],
            'UnknownRecord'
        );
    }
    const queryable = new Set(sobjects.filter((o) => o.queryable !== false).map((o) => o.name));

    // Phase 2: the record and its parents (account, masters).
    const describes: Record<string, DescribeResult> = {};
    describes[objectApiName] = await s.describeOrThrow(objectApiName);
    const main = describes[objectApiName];
    // A GET URL holds about 16 000 characters: objects with hundreds of fields are read in a
    // few field groups (a fixed number per object, never per org size) and merged.
    let record: Row | undefined;
    for (const group of fieldGroups(recordFields(main))) {
        const [row] = await s.bounded(
            `SELECT ${group.join(', ')} FROM ${objectApiName} WHERE Id = ${soqlString(request.recordId)}`
        );
        if (!row) break;
        record = { ...(record ?? {}), ...row };
    }
    const records = record ? [record] : [];
    if (!record) {
        throw new InputError(
            `No ${objectApiName} record with Id ${request.recordId} in ${transport.orgLabel} (or the logged-in user can't see it).`,
            [],
            'UnknownRecord'
        );
    }
    put(objectApiName, records);

    const parentIds = new Map<string, Set<string>>();
    const addParent = (object: string, id: unknown): void => {
        if (typeof id !== 'string' || !ID_RE.test(id)) return;
        const set = parentIds.get(object) ?? new Set<string>();
        set.add(id);
        parentIds.set(object, set);
    };
    for (const f of main.fields) {
        const target = f.referenceTo?.[0];
        if (!target || f.type !== 'reference') continue;
        if (isMasterDetail(f) || (ACCOUNT_CHILDREN.has(objectApiName) && f.name === 'AccountId'))
            addParent(target, record[f.name]);
    }
    // The users' own accounts (Experience Cloud users see their account and its contacts).
    for (const u of tables.User ?? []) if (userIds.includes(str(u.Id))) addParent('Account', u.AccountId);
    for (const [object, ids] of parentIds) {
        if (object === objectApiName) continue;
        describes[object] ??= await s.describeOrThrow(object);
        put(
            object,
            await s.boundedIds(
                `SELECT ${['Id', 'OwnerId', 'Name'].filter((f) => describes[object]?.fields.some((d) => d.name === f)).join(', ')} FROM ${object} WHERE Id IN {ids}`,
                [...ids]
            )
        );
    }
    const accountIds = [...(parentIds.get('Account') ?? [])];
    if (objectApiName === 'Account') accountIds.push(request.recordId);

    // Phase 3: people and groups around the record.
    const ownerIds = uniqIds(
        Object.entries(tables)
            .filter(([t]) => t === objectApiName || parentIds.has(t))
            .flatMap(([, rows]) => rows.map((r) => str(r.OwnerId)))
            .filter((id) => id.startsWith('005') && !userIds.some((u) => u.slice(0, 15) === id.slice(0, 15)))
    );
    const contactId = str(record.ContactId);
    const related: Row[] = [];
    if (ownerIds.length)
        related.push(...(await s.boundedIds(`SELECT ${USER_FIELDS.join(', ')} FROM User WHERE Id IN {ids}`, ownerIds)));
    if (contactId && objectApiName === 'Case')
        related.push(
            ...(await s.bounded(`SELECT ${USER_FIELDS.join(', ')} FROM User WHERE ContactId = ${soqlString(contactId)}`))
        );
    put('User', related);

    const profileIds = uniqIds((tables.User ?? []).map((u) => str(u.ProfileId)).filter(Boolean));
    if (profileIds.length) {
        put(
            'Profile',
            await s.boundedIds(
                'SELECT Id, Name, UserLicenseId, UserLicense.Name FROM Profile WHERE Id IN {ids}',
                profileIds
            )
        );
    }
    // Read whole (bounded): the role hierarchy, portal roles (PortalType, PortalRole, PortalAccountId) included —
    // the engine re-parents portal roles along the external account hierarchy (phase 6).
    put('UserRole', await s.bounded(`SELECT ${USER_ROLE_FIELDS} FROM UserRole`, { maxRows }));
    put(
        'Group',
        await s.bounded('SELECT Id, Name, DeveloperName, Type, RelatedId, DoesIncludeBosses FROM Group', { maxRows })
    );
    put(
        'GroupMember',
        await s.bounded("SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE Group.Type IN ('Regular', 'Queue')", {
            maxRows
        })
    );

    // Phase 4: permissions of the users (and the what-if permission sets).
    const psa = userIds.length
        ? await s.boundedIds(
              'SELECT Id, AssigneeId, PermissionSetId, PermissionSetGroupId, ExpirationDate, IsActive, IsRevoked FROM PermissionSetAssignment WHERE AssigneeId IN {ids}',
              userIds
          )
        : [];
    put('PermissionSetAssignment', psa);
    const groupIds = uniqIds([
        ...psa.map((a) => str(a.PermissionSetGroupId)),
        ...(request.permissionSetIds ?? []).filter((id) => id.startsWith('0PG'))
    ]);
    const components = groupIds.length
        ? await s.boundedIds(
              'SELECT Id, PermissionSetGroupId, PermissionSetId FROM PermissionSetGroupComponent WHERE PermissionSetGroupId IN {ids}',
              groupIds
          )
        : [];
    put('PermissionSetGroupComponent', components);
    if (groupIds.length)
        put(
            'PermissionSetGroup',
            await s.boundedIds(
                'SELECT Id, DeveloperName, MasterLabel, Status FROM PermissionSetGroup WHERE Id IN {ids}',
                groupIds
            )
        );
    const setIds = uniqIds([
        ...psa.map((a) => str(a.PermissionSetId)),
        ...components.map((c) => str(c.PermissionSetId)),
        ...(request.permissionSetIds ?? []).filter((id) => !id.startsWith('0PG'))
    ]);
    const muting = setIds.filter((id) => id.startsWith('0QM'));
    const plain = setIds.filter((id) => !id.startsWith('0QM'));
    if (plain.length || groupIds.length) {
        const where = [
            plain.length ? 'Id IN {ids}' : '',
            groupIds.length ? `PermissionSetGroupId IN ${inList(groupIds)}` : ''
        ]
            .filter(Boolean)
            .join(' OR ');
        const fields =
            'SELECT Id, Name, Label, IsOwnedByProfile, ProfileId, PermissionSetGroupId, PermissionsViewAllData, PermissionsModifyAllData, PermissionsViewAllUsers, PermissionsManageUsers FROM PermissionSet WHERE ';
        put('PermissionSet', plain.length ? await s.boundedIds(fields + where, plain) : await s.bounded(fields + where));
    }
    if (muting.length)
        put(
            'MutingPermissionSet',
            await s.boundedIds('SELECT Id, DeveloperName, MasterLabel FROM MutingPermissionSet WHERE Id IN {ids}', muting)
        );
    const parentSetIds = uniqIds([...(tables.PermissionSet ?? []).map((p) => str(p.Id)), ...muting]);
    const objects = [...new Set([objectApiName, ...parentIds.keys()])];
    if (parentSetIds.length) {
        put(
            'ObjectPermissions',
            await s.boundedIds(
                `SELECT Id, ParentId, SobjectType, PermissionsCreate, PermissionsRead, PermissionsEdit, PermissionsDelete, PermissionsViewAllRecords, PermissionsModifyAllRecords FROM ObjectPermissions WHERE SobjectType IN ${inList(objects)} AND ParentId IN {ids}`,
                parentSetIds
            )
        );
        put(
            'FieldPermissions',
            await s.boundedIds(
                `SELECT Id, ParentId, SobjectType, Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE SobjectType = ${soqlString(objectApiName)} AND ParentId IN {ids}`,
                parentSetIds
            )
        );
    }

    // Phase 5: sharing evidence on the record and its parents.
    for (const object of objects) {
        const ids = object === objectApiName ? [request.recordId] : [...(parentIds.get(object) ?? [])];
        const { table, parent, access } = shareColumns(object);
        if (!queryable.has(table)) {
            s.unavailable.push({
                table,
                reason: `${object} has no share table in this org (its org-wide default is public, or it is controlled by its parent)`
            });
            continue;
        }
        put(
            table,
            await s.boundedIds(
                `SELECT Id, ${parent}, UserOrGroupId, ${access.join(', ')}, RowCause FROM ${table} WHERE ${parent} IN {ids}`,
                ids
            )
        );
    }
    const uraIds = uniqIds([request.recordId, ...[...parentIds.values()].flatMap((set) => [...set])]);
    const uraUsers =
        request.allUsers && !request.verifyEachUser ? userIds.filter((u) => request.users.includes(u)) : userIds;
    let done = 0;
    for (const userId of uraUsers) {
        const rows = await s.boundedIds(
            `SELECT RecordId, HasReadAccess, HasEditAccess, HasDeleteAccess, HasTransferAccess, HasAllAccess, MaxAccessLevel FROM UserRecordAccess WHERE UserId = ${soqlString(userId)} AND RecordId IN {ids}`,
            uraIds
        );
        // UserRecordAccess rows don't carry the user: add it, as the snapshot format requires.
        put(
            'UserRecordAccess',
            rows.map((r) => ({ ...r, UserId: userId }))
        );
        request.progress?.(++done, uraUsers.length);
    }
    put(
        'EntityDefinition',
        await s.optional('EntityDefinition', 'Give the user "View Setup and Configuration".', () =>
            s.bounded(
                `SELECT QualifiedApiName, KeyPrefix, InternalSharingModel, ExternalSharingModel FROM EntityDefinition WHERE QualifiedApiName IN ${inList(objects)}`,
                {
                    tooling: true
                }
            )
        )
    );

    // Phase 6: optional features — external account hierarchy, territories, teams, restriction rules.
    // External account hierarchy (Object Reference "ExternalAccountHierarchy", API 49.0+: "works like a
    // role-based hierarchy"; Special Access Rules: "You must have a Partner or Customer Community Plus
    // license"). Read whole, without a row bound: at most five levels per hierarchy, and inactive nodes
    // matter (a node below an inactive one doesn't link upwards). INVALID_TYPE = the feature is off → the
    // table is left out and the engine reads it as "not in use".
    const hierarchyFix =
        'ExternalAccountHierarchy can be read only in an org with Partner or Customer Community Plus licences, by a user with read access to it: collect again logged in as such a user (e.g. a System Administrator: sf org login web --alias <alias>). Until then, access that external users could get through the hierarchy is reported as uncertain.';
    let hierarchy: Row[] | undefined;
    if (Number(transport.apiVersion) < 49) {
        // Before API 49.0 the object doesn't exist: INVALID_TYPE would not mean "feature off" here.
        s.unavailable.push({
            table: 'ExternalAccountHierarchy',
            reason: `ExternalAccountHierarchy needs API 49.0 or later (collected with ${transport.apiVersion})`,
            fix: 'Collect again with --api-version 49.0 or later.'
        });
    } else {
        hierarchy = await s.optional(
            'ExternalAccountHierarchy',
            hierarchyFix,
            () =>
                s.bounded(
                    'SELECT Id, Name, AccountId, ParentId, HierarchyType, IsActive, IsAccessibleToParent FROM ExternalAccountHierarchy'
                ),
            { featureObject: true }
        );
    }
    put('ExternalAccountHierarchy', hierarchy);
    if (hierarchy?.length && s.truncated.some((t) => t.table === 'UserRole')) {
        // UserRole was cut by --max-rows: make sure the portal roles of every account in the hierarchy chain
        // above the users' and the owners' accounts are there (the engine re-parents the top portal role of a
        // child account to the top portal role of its parent account). One query per 200 accounts.
        const chainAccounts = hierarchyChainAccounts(
            hierarchy,
            (tables.User ?? [])
                .filter((u) => [...userIds, ...ownerIds].some((id) => id.slice(0, 15) === str(u.Id).slice(0, 15)))
                .map((u) => str(u.AccountId))
        );
        if (chainAccounts.length)
            put(
                'UserRole',
                await s.boundedIds(
                    `SELECT ${USER_ROLE_FIELDS} FROM UserRole WHERE PortalAccountId IN {ids}`,
                    chainAccounts
                )
            );
    }
    const territoryFix =
        'Enterprise Territory Management is off in this org, or the user lacks "View Setup"; territory access is then reported as not applicable.';
    const models = await s.optional(
        'Territory2Model',
        territoryFix,
        () => s.bounded("SELECT Id, Name, State FROM Territory2Model WHERE State = 'Active'"),
        { featureObject: true }
    );
    put('Territory2Model', models);
    if (models?.length) {
        put(
            'Territory2',
            await s.optional('Territory2', territoryFix, () =>
                s.bounded(
                    `SELECT Id, Name, DeveloperName, ParentTerritory2Id, Territory2ModelId, AccountAccessLevel, OpportunityAccessLevel, CaseAccessLevel, ContactAccessLevel FROM Territory2 WHERE Territory2ModelId IN ${inList(models.map((m) => str(m.Id)))}`,
                    { maxRows }
                )
            )
        );
        if (userIds.length) {
            put(
                'UserTerritory2Association',
                await s.optional('UserTerritory2Association', territoryFix, () =>
                    s.boundedIds(
                        'SELECT Id, UserId, Territory2Id, IsActive, RoleInTerritory2 FROM UserTerritory2Association WHERE UserId IN {ids}',
                        userIds
                    )
                )
            );
        }
        if (accountIds.length) {
            put(
                'ObjectTerritory2Association',
                await s.optional('ObjectTerritory2Association', territoryFix, () =>
                    s.boundedIds(
                        'SELECT Id, ObjectId, Territory2Id, AssociationCause FROM ObjectTerritory2Association WHERE ObjectId IN {ids}',
                        accountIds
                    )
                )
            );
        }
    }
    const teamFix = 'Teams are not enabled for this object in the org; the teams layer is then not applicable.';
    if (accountIds.length) {
        put(
            'AccountTeamMember',
            await s.optional(
                'AccountTeamMember',
                teamFix,
                () =>
                    s.boundedIds(
                        'SELECT Id, AccountId, UserId, TeamMemberRole, AccountAccessLevel, OpportunityAccessLevel, CaseAccessLevel, ContactAccessLevel FROM AccountTeamMember WHERE AccountId IN {ids}',
                        accountIds
                    ),
                { featureObject: true }
            )
        );
    }
    if (objectApiName === 'Opportunity') {
        put(
            'OpportunityTeamMember',
            await s.optional(
                'OpportunityTeamMember',
                teamFix,
                () =>
                    s.bounded(
                        `SELECT Id, OpportunityId, UserId, TeamMemberRole, OpportunityAccessLevel FROM OpportunityTeamMember WHERE OpportunityId = ${soqlString(request.recordId)}`
                    ),
                { featureObject: true }
            )
        );
    }
    if (objectApiName === 'Case') {
        put(
            'CaseTeamMember',
            await s.optional(
                'CaseTeamMember',
                teamFix,
                () =>
                    s.bounded(
                        `SELECT Id, ParentId, MemberId, TeamRoleId, TeamTemplateMemberId FROM CaseTeamMember WHERE ParentId = ${soqlString(request.recordId)}`
                    ),
                { featureObject: true }
            )
        );
        if (tables.CaseTeamMember?.length) {
            put(
                'CaseTeamRole',
                await s.optional('CaseTeamRole', teamFix, () =>
                    s.bounded('SELECT Id, Name, AccessLevel FROM CaseTeamRole')
                )
            );
        }
    }
    const restriction = await s.optional(
        'RestrictionRule',
        'Reading restriction rules needs the "View Restriction and Scoping Rules" permission; without it restriction rules are reported as uncertain.',
        () =>
            s.bounded(
                'SELECT Id, DeveloperName, MasterLabel, EnforcementType, TargetEntity, UserCriteria, RecordFilter, IsActive, Description FROM RestrictionRule',
                { tooling: true }
            )
    );

    // Metadata API evidence this page collection does not read (the explain plan does: round 11).
    s.unavailable.push(...NOT_READ_BY_ORG_WIDE);

    const describe: NonNullable<Snapshot['describe']> = {};
    for (const [name, d] of Object.entries(describes)) describe[name] = describeToSnapshot(d);
    const orgRow = org[0];
    const snapshot: Snapshot = {
        schemaVersion: 1,
        meta: {
            collectedAt: new Date().toISOString(),
            source: 'org',
            ...(orgRow?.Id ? { orgId: str(orgRow.Id) } : {}),
            ...(orgRow?.Name ? { orgName: str(orgRow.Name) } : {}),
            instanceUrl: transport.instanceUrl,
            apiVersion: transport.apiVersion,
            collector: `access-xray-cli ${CLI_VERSION}`,
            queries: s.queries,
            rows: s.rows,
            ...(s.truncated.length ? { truncated: s.truncated } : {}),
            ...(s.unavailable.length ? { unavailable: s.unavailable } : {})
        },
        tables,
        describe,
        metadata: {
            ...(restriction ? { RestrictionRule: restriction.map(({ attributes: _a, ...r }) => r as never) } : {})
        },
        settings: {},
        subjects: userIds
            .filter((u) => !request.allUsers || request.users.includes(u))
            .map((userId) => ({ userId, recordId: request.recordId }))
    };
    return {
        snapshot,
        userIds,
        objectApiName,
        ...(totalUsers !== undefined ? { totalUsers } : {}),
        stats: { queries: s.queries, requests: s.requests, rows: s.rows, bytes: s.bytes }
    };
}
