/**
 * The org collector: reads, through the REST and Tooling APIs, the evidence the engine
 * needs for a few users and one record, and returns it as a `Snapshot` (types.ts): tables
 * keyed by sObject name, rows exactly as SOQL returns them.
 *
 * The number of queries is fixed by the plan below, never by the size of the org: every
 * table is read with one query whose filter is the ids already known (ids in `IN (…)` lists
 * are sent in chunks of at most 200, the UserRecordAccess limit), org-wide tables (roles,
 * groups, group members) are read once with a row bound, and a bound that cuts a table
 * short is recorded in `meta.truncated` so the engine marks the layers that depend on it
 * uncertain. Paging follows `nextRecordsUrl`. Optional features the org doesn't have
 * (INVALID_TYPE: territories, teams, the external account hierarchy) are left out of the
 * snapshot (the engine reads them as not in use); evidence the user may not read is recorded
 * in `meta.unavailable` with the fix.
 * Access tokens and session ids are never put in the snapshot.
 */
import type { Row, Snapshot, SnapshotMeta } from '../../lwc-src/lwc/accessXrayEngine/types';
import { InputError, OrgError } from './errors';
import { describeRequest, type OrgTransport } from './transport';
import { CLI_VERSION } from './version';

export const ID_CHUNK = 200;

export interface CollectRequest {
    /** User Ids (005…) or Usernames. */
    users: string[];
    recordId: string;
    /** Extra permission sets / groups to read (what-if targets). */
    permissionSetIds?: string[];
    groupIds?: string[];
    /** who-can-see: read a page of active users instead of (in addition to) `users`. */
    allUsers?: { limit: number; offset: number; /** Keyset paging: users with Id greater than this. */ after?: string };
    /** Row bound for org-wide tables (roles, groups, group members). */
    maxRows?: number;
    /** Progress callback (who-can-see UserRecordAccess checks): done, total. */
    progress?: (done: number, total: number) => void;
    /** Read UserRecordAccess for every user of an allUsers page (one query per user). */
    verifyEachUser?: boolean;
}

export interface CollectResult {
    snapshot: Snapshot;
    /** User ids the `users` references resolved to, in order. */
    userIds: string[];
    /** Object of the record. */
    objectApiName: string;
    /** Total active users (allUsers only). */
    totalUsers?: number;
    stats: { queries: number; requests: number; rows: number };
}

interface QueryPage {
    totalSize: number;
    done: boolean;
    nextRecordsUrl?: string;
    records: Row[];
}

interface DescribeField {
    name: string;
    type: string;
    referenceTo?: string[];
    relationshipName?: string | null;
    cascadeDelete?: boolean;
    nillable?: boolean;
    relationshipOrder?: number | null;
    permissionable?: boolean;
    calculated?: boolean;
    label?: string;
}

interface DescribeResult {
    name: string;
    label?: string;
    keyPrefix?: string | null;
    custom?: boolean;
    fields: DescribeField[];
    recordTypeInfos?: {
        recordTypeId: string;
        name: string;
        developerName?: string;
        available?: boolean;
        master?: boolean;
    }[];
}

const USER_FIELDS = [
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
];

const USER_ROLE_FIELDS =
    'Id, Name, DeveloperName, ParentRoleId, PortalType, PortalRole, PortalAccountId, CaseAccessForAccountOwner, ContactAccessForAccountOwner, OpportunityAccessForAccountOwner';

const ID_RE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Quote a value for SOQL (ids and usernames; backslash and quote escaped). */
export function soqlString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function inList(values: Iterable<string>): string {
    return `(${[...values].map(soqlString).join(', ')})`;
}

function chunks<T>(items: T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function uniq(ids: Iterable<string>): string[] {
    const seen = new Map<string, string>();
    for (const id of ids) if (id && !seen.has(id.slice(0, 15))) seen.set(id.slice(0, 15), id);
    return [...seen.values()];
}

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

class Session {
    queries = 0;
    requests = 0;
    rows = 0;
    readonly truncated: NonNullable<SnapshotMeta['truncated']> = [];
    readonly unavailable: NonNullable<SnapshotMeta['unavailable']> = [];

    constructor(private readonly transport: OrgTransport) {}

    private base(tooling: boolean): string {
        return `/services/data/v${this.transport.apiVersion}${tooling ? '/tooling' : ''}`;
    }

    async get<T>(path: string): Promise<T> {
        this.requests++;
        return this.transport.get<T>(path);
    }

    async describe(object: string): Promise<DescribeResult> {
        return this.get<DescribeResult>(`${this.base(false)}/sobjects/${encodeURIComponent(object)}/describe`);
    }

    async globalDescribe(): Promise<{ name: string; keyPrefix?: string | null; queryable?: boolean }[]> {
        const result = await this.get<{
            sobjects?: { name: string; keyPrefix?: string | null; queryable?: boolean }[];
        }>(`${this.base(false)}/sobjects`);
        return result.sobjects ?? [];
    }

    /**
     * Run one SOQL query and follow its pages up to `maxRows` rows. A cut-short result is
     * recorded in meta.truncated under `table`.
     */
    async query(soql: string, opts: { tooling?: boolean; maxRows?: number; table?: string } = {}): Promise<Row[]> {
        this.queries++;
        const base = this.base(!!opts.tooling);
        let page = await this.get<QueryPage>(`${base}/query?q=${encodeURIComponent(soql)}`);
        const records: Row[] = [...(page.records ?? [])];
        const max = opts.maxRows ?? Number.POSITIVE_INFINITY;
        while (!page.done && page.nextRecordsUrl && records.length < max) {
            if (!page.nextRecordsUrl.startsWith('/services/')) {
                throw new OrgError(
                    `The org returned an unexpected nextRecordsUrl while paging ${describeRequest(`?q=${encodeURIComponent(soql)}`)}.`,
                    'BadResponse'
                );
            }
            page = await this.get<QueryPage>(page.nextRecordsUrl);
            records.push(...(page.records ?? []));
        }
        if (records.length > max || (!page.done && records.length >= max)) {
            this.truncated.push({
                table: opts.table ?? /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? 'unknown',
                limit: max,
                reason: `more than ${max} rows (${page.totalSize} in the org); raise --max-rows to read them all`
            });
            records.length = Math.min(records.length, max);
        }
        this.rows += records.length;
        return records;
    }

    /** Same query over id chunks of ≤ 200 (`{ids}` in the SOQL is replaced by each chunk's IN list). */
    async queryIds(
        soqlTemplate: string,
        ids: string[],
        opts: { tooling?: boolean; maxRows?: number; table?: string } = {}
    ): Promise<Row[]> {
        const out: Row[] = [];
        for (const chunk of chunks(uniq(ids), ID_CHUNK)) {
            out.push(...(await this.query(soqlTemplate.replace('{ids}', inList(chunk)), opts)));
        }
        return out;
    }

    /**
     * Optional evidence: an object the org doesn't have (feature off, no permission) is
     * recorded in meta.unavailable instead of failing the whole collection.
     */
    async optional(
        table: string,
        fix: string,
        run: () => Promise<Row[]>,
        opts: { featureObject?: boolean } = {}
    ): Promise<Row[] | undefined> {
        try {
            return await run();
        } catch (err) {
            const e = err as { errorName?: string; message?: string };
            const code = e.errorName ?? '';
            // An object of an optional feature that doesn't exist in the org (INVALID_TYPE: Enterprise
            // Territory Management or team selling not enabled) means the feature is off: the table is left
            // out (the engine reads a missing feature table as "not in use"), and it is not uncertainty.
            if (opts.featureObject && code === 'INVALID_TYPE') return undefined;
            if (
                /INVALID_TYPE|INVALID_FIELD|NOT_FOUND|INSUFFICIENT_ACCESS|API_DISABLED|FUNCTIONALITY_NOT_ENABLED|MALFORMED_QUERY/.test(
                    `${code} ${e.message ?? ''}`
                )
            ) {
                this.unavailable.push({
                    table,
                    reason: (e.message ?? code).replace(/^the \w+ query failed: /, ''),
                    fix
                });
                return undefined;
            }
            throw err;
        }
    }
}

/** Fields to read from the record: every scalar field (criteria and restriction rules filter on any of them). */
function recordFields(describe: DescribeResult): string[] {
    const skip = new Set(['base64', 'address', 'location', 'complexvalue', 'anyType']);
    const fields = describe.fields
        .filter((f) => !skip.has(f.type) && !(f.type === 'textarea' && f.name !== 'Description'))
        .map((f) => f.name);
    if (!fields.includes('Id')) fields.unshift('Id');
    return fields;
}

/** Split a field list into groups whose SELECT stays well under the URL length limit; `Id` leads every group. */
export function fieldGroups(fields: string[], maxChars = 6000): string[][] {
    const groups: string[][] = [];
    let current: string[] = ['Id'];
    let length = 2;
    for (const f of fields) {
        if (f === 'Id') continue;
        if (length + f.length + 2 > maxChars && current.length > 1) {
            groups.push(current);
            current = ['Id'];
            length = 2;
        }
        current.push(f);
        length += f.length + 2;
    }
    groups.push(current);
    return groups;
}

/**
 * Accounts of the external account hierarchy chains above `accountIds` (the accounts themselves
 * included when they have a node): each node's ParentId is followed up to the root, whether or
 * not the nodes are active (the engine decides what links; the collector reads the evidence).
 */
export function hierarchyChainAccounts(nodes: Row[], accountIds: string[]): string[] {
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
    return uniq(out.filter(Boolean));
}

function isMasterDetail(f: DescribeField): boolean {
    return f.type === 'reference' && f.cascadeDelete === true && f.nillable === false;
}

function describeToSnapshot(d: DescribeResult): NonNullable<Snapshot['describe']>[string] {
    return {
        name: d.name,
        ...(d.label ? { label: d.label } : {}),
        ...(d.keyPrefix ? { keyPrefix: d.keyPrefix } : {}),
        ...(d.custom !== undefined ? { custom: d.custom } : {}),
        fields: d.fields.map((f) => ({
            name: f.name,
            type: f.type,
            ...(f.label ? { label: f.label } : {}),
            ...(f.referenceTo?.length ? { referenceTo: f.referenceTo } : {}),
            ...(f.relationshipName ? { relationshipName: f.relationshipName } : {}),
            ...(f.cascadeDelete !== undefined ? { cascadeDelete: f.cascadeDelete } : {}),
            ...(typeof f.relationshipOrder === 'number' ? { relationshipOrder: f.relationshipOrder } : {}),
            ...(f.nillable !== undefined ? { nillable: f.nillable } : {}),
            ...(f.permissionable !== undefined ? { permissionable: f.permissionable } : {}),
            ...(f.calculated !== undefined ? { calculated: f.calculated } : {})
        })),
        ...(d.recordTypeInfos?.length ? { recordTypeInfos: d.recordTypeInfos } : {})
    };
}

/**
 * Collect the evidence for `request` (see the module comment for the query plan, and
 * docs/cli.md "What the collector reads" for the list).
 */
export async function collect(transport: OrgTransport, request: CollectRequest): Promise<CollectResult> {
    const s = new Session(transport);
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
    const org = await s.query(
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
        const users = await s.query(`SELECT ${USER_FIELDS.join(', ')} FROM User WHERE ${where}`);
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
        const count = await s.get<QueryPage>(
            `/services/data/v${transport.apiVersion}/query?q=${encodeURIComponent('SELECT COUNT() FROM User WHERE IsActive = true')}`
        );
        s.queries++;
        totalUsers = count.totalSize;
        const page = await s.query(
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
    describes[objectApiName] = await s.describe(objectApiName);
    const main = describes[objectApiName];
    // A GET URL holds about 16 000 characters: objects with hundreds of fields are read in a
    // few field groups (a fixed number per object, never per org size) and merged.
    let record: Row | undefined;
    for (const group of fieldGroups(recordFields(main))) {
        const [row] = await s.query(
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
        describes[object] ??= await s.describe(object);
        put(
            object,
            await s.queryIds(
                `SELECT ${['Id', 'OwnerId', 'Name'].filter((f) => describes[object]?.fields.some((d) => d.name === f)).join(', ')} FROM ${object} WHERE Id IN {ids}`,
                [...ids]
            )
        );
    }
    const accountIds = [...(parentIds.get('Account') ?? [])];
    if (objectApiName === 'Account') accountIds.push(request.recordId);

    // Phase 3: people and groups around the record.
    const ownerIds = uniq(
        Object.entries(tables)
            .filter(([t]) => t === objectApiName || parentIds.has(t))
            .flatMap(([, rows]) => rows.map((r) => str(r.OwnerId)))
            .filter((id) => id.startsWith('005') && !userIds.some((u) => u.slice(0, 15) === id.slice(0, 15)))
    );
    const contactId = str(record.ContactId);
    const related: Row[] = [];
    if (ownerIds.length)
        related.push(...(await s.queryIds(`SELECT ${USER_FIELDS.join(', ')} FROM User WHERE Id IN {ids}`, ownerIds)));
    if (contactId && objectApiName === 'Case')
        related.push(
            ...(await s.query(`SELECT ${USER_FIELDS.join(', ')} FROM User WHERE ContactId = ${soqlString(contactId)}`))
        );
    put('User', related);

    const profileIds = uniq((tables.User ?? []).map((u) => str(u.ProfileId)).filter(Boolean));
    if (profileIds.length) {
        put(
            'Profile',
            await s.queryIds(
                'SELECT Id, Name, UserLicenseId, UserLicense.Name FROM Profile WHERE Id IN {ids}',
                profileIds
            )
        );
    }
    // Read whole (bounded): the role hierarchy, portal roles (PortalType, PortalRole, PortalAccountId) included —
    // the engine re-parents portal roles along the external account hierarchy (phase 6).
    put('UserRole', await s.query(`SELECT ${USER_ROLE_FIELDS} FROM UserRole`, { maxRows }));
    put(
        'Group',
        await s.query('SELECT Id, Name, DeveloperName, Type, RelatedId, DoesIncludeBosses FROM Group', { maxRows })
    );
    put(
        'GroupMember',
        await s.query("SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE Group.Type IN ('Regular', 'Queue')", {
            maxRows
        })
    );

    // Phase 4: permissions of the users (and the what-if permission sets).
    const psa = userIds.length
        ? await s.queryIds(
              'SELECT Id, AssigneeId, PermissionSetId, PermissionSetGroupId, ExpirationDate, IsActive, IsRevoked FROM PermissionSetAssignment WHERE AssigneeId IN {ids}',
              userIds
          )
        : [];
    put('PermissionSetAssignment', psa);
    const groupIds = uniq([
        ...psa.map((a) => str(a.PermissionSetGroupId)),
        ...(request.permissionSetIds ?? []).filter((id) => id.startsWith('0PG'))
    ]);
    const components = groupIds.length
        ? await s.queryIds(
              'SELECT Id, PermissionSetGroupId, PermissionSetId FROM PermissionSetGroupComponent WHERE PermissionSetGroupId IN {ids}',
              groupIds
          )
        : [];
    put('PermissionSetGroupComponent', components);
    if (groupIds.length)
        put(
            'PermissionSetGroup',
            await s.queryIds(
                'SELECT Id, DeveloperName, MasterLabel, Status FROM PermissionSetGroup WHERE Id IN {ids}',
                groupIds
            )
        );
    const setIds = uniq([
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
        put('PermissionSet', plain.length ? await s.queryIds(fields + where, plain) : await s.query(fields + where));
    }
    if (muting.length)
        put(
            'MutingPermissionSet',
            await s.queryIds('SELECT Id, DeveloperName, MasterLabel FROM MutingPermissionSet WHERE Id IN {ids}', muting)
        );
    const parentSetIds = uniq([...(tables.PermissionSet ?? []).map((p) => str(p.Id)), ...muting]);
    const objects = uniq([objectApiName, ...parentIds.keys()]);
    if (parentSetIds.length) {
        put(
            'ObjectPermissions',
            await s.queryIds(
                `SELECT Id, ParentId, SobjectType, PermissionsCreate, PermissionsRead, PermissionsEdit, PermissionsDelete, PermissionsViewAllRecords, PermissionsModifyAllRecords FROM ObjectPermissions WHERE SobjectType IN ${inList(objects)} AND ParentId IN {ids}`,
                parentSetIds
            )
        );
        put(
            'FieldPermissions',
            await s.queryIds(
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
            await s.queryIds(
                `SELECT Id, ${parent}, UserOrGroupId, ${access.join(', ')}, RowCause FROM ${table} WHERE ${parent} IN {ids}`,
                ids
            )
        );
    }
    const uraIds = uniq([request.recordId, ...[...parentIds.values()].flatMap((set) => [...set])]);
    const uraUsers =
        request.allUsers && !request.verifyEachUser ? userIds.filter((u) => request.users.includes(u)) : userIds;
    let done = 0;
    for (const userId of uraUsers) {
        const rows = await s.queryIds(
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
            s.query(
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
                s.query(
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
                await s.queryIds(
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
        () => s.query("SELECT Id, Name, State FROM Territory2Model WHERE State = 'Active'"),
        { featureObject: true }
    );
    put('Territory2Model', models);
    if (models?.length) {
        put(
            'Territory2',
            await s.optional('Territory2', territoryFix, () =>
                s.query(
                    `SELECT Id, Name, DeveloperName, ParentTerritory2Id, Territory2ModelId, AccountAccessLevel, OpportunityAccessLevel, CaseAccessLevel, ContactAccessLevel FROM Territory2 WHERE Territory2ModelId IN ${inList(models.map((m) => str(m.Id)))}`,
                    { maxRows }
                )
            )
        );
        if (userIds.length) {
            put(
                'UserTerritory2Association',
                await s.optional('UserTerritory2Association', territoryFix, () =>
                    s.queryIds(
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
                    s.queryIds(
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
                    s.queryIds(
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
                    s.query(
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
                    s.query(
                        `SELECT Id, ParentId, MemberId, TeamRoleId, TeamTemplateMemberId FROM CaseTeamMember WHERE ParentId = ${soqlString(request.recordId)}`
                    ),
                { featureObject: true }
            )
        );
        if (tables.CaseTeamMember?.length) {
            put(
                'CaseTeamRole',
                await s.optional('CaseTeamRole', teamFix, () =>
                    s.query('SELECT Id, Name, AccessLevel FROM CaseTeamRole')
                )
            );
        }
    }
    const restriction = await s.optional(
        'RestrictionRule',
        'Reading restriction rules needs the "View Restriction and Scoping Rules" permission; without it restriction rules are reported as uncertain.',
        () =>
            s.query(
                'SELECT Id, DeveloperName, MasterLabel, EnforcementType, TargetEntity, UserCriteria, RecordFilter, IsActive, Description FROM RestrictionRule',
                { tooling: true }
            )
    );

    // Metadata API evidence the CLI collector does not read in this version (SOAP Metadata API).
    s.unavailable.push(
        {
            table: 'metadata.SharingRules',
            reason: 'The CLI collector does not read sharing-rule metadata (Metadata API) yet: sharing-rule shares are named by the group they grant to, not by the rule.',
            fix: 'Run the in-org panel, or export the SharingRules metadata and add it to the snapshot under metadata.SharingRules.'
        },
        {
            table: 'metadata.SharingSet',
            reason: 'The CLI collector does not read sharing sets (Metadata API only); sharing-set access of high-volume users is uncertain.',
            fix: 'Add the SharingSet metadata to the snapshot under metadata.SharingSet.'
        }
    );

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
        stats: { queries: s.queries, requests: s.requests, rows: s.rows }
    };
}
