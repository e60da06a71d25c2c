/**
 * The index built once per snapshot: rows by id, share rows by record, lazy memoised hash
 * indexes per (table, field), group-membership closures per user, role ancestry, group
 * members. Nothing here scans a whole table per explain: every scan is done once and kept.
 *
 * Group semantics (access-semantics.md §4–5; Object Reference "Group"; "Record Access Under
 * the Hood – Group Maintenance Tables"): GroupMember lists direct members only; Role,
 * RoleAndSubordinates, RoleAndSubordinatesInternal groups are derived from Group.RelatedId +
 * UserRole.ParentRoleId (…Internal excludes portal roles, UserRole.PortalType != 'None');
 * Organization = all internal users; PRMOrganization = partner users; AllCustomerPortal =
 * customer portal / Customer Community Plus users; Territory / TerritoryAndSubordinates from
 * the active Territory2Model; Manager / ManagerAndSubordinatesInternal from User.ManagerId.
 */
import { parseShareLevel, type GrantLevel } from './accessLevels';
import { buildHierarchyModel, type HierarchyLink, type HierarchyModel } from './externalAccountHierarchy';
import { normaliseId } from './ids';
import { shareTableInfo, type ShareTableInfo } from './shareTables';
import type { PathStep, Row, Setting, Snapshot } from './types';
import { GroupMemberRoles } from './groupMemberRoles';
import { ID_FIELDS } from './validate';
import { classifyUser, type UserClassification } from './userLicence';

export interface IndexedRow {
    table: string;
    row: Row;
}

/** One share row on a record, with its table description and parsed level. */
export interface ShareEntry {
    table: string;
    info: ShareTableInfo;
    row: Row;
    /** Access the row gives on its own record (null: unreadable value). */
    level: GrantLevel | null;
    granteeId: string;
    rowCause: string;
}

/** A group the user belongs to and the chain that explains it (user excluded, group last). */
export interface GroupMembership {
    groupId: string;
    group: Row;
    chain: PathStep[];
}

const EMPTY: readonly Row[] = Object.freeze([]) as readonly Row[];

/** Groups nested in groups: strongly connected components and their members (see `membersOf`). */
interface GroupNesting {
    componentOf: Map<string, number>;
    /** Group ids per component; a component nested in another has a smaller number. */
    groups: string[][];
    successors: number[][];
    members: Map<number, Set<string>>;
}

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

/** Human label of a row: Name, then the usual name-like columns, then its id. */
export function labelOf(row: Row | undefined, fallback = ''): string {
    if (!row) {
        return fallback;
    }
    for (const f of ['Label', 'MasterLabel', 'Name', 'DeveloperName', 'CaseNumber', 'Subject', 'Title', 'Username', 'QualifiedApiName']) {
        const v = row[f];
        if (typeof v === 'string' && v) {
            return v;
        }
    }
    return str(row.Id) || fallback;
}

export function isPortalRole(role: Row | undefined): boolean {
    const t = str(role?.PortalType);
    return t !== '' && t !== 'None';
}

/** A membership whose chain is built the first time it is read, then kept. */
class LazyMembership implements GroupMembership {
    readonly groupId: string;
    readonly group: Row;
    private made: PathStep[] | null = null;
    private readonly make: () => PathStep[];

    constructor(groupId: string, group: Row, make: () => PathStep[]) {
        this.groupId = groupId;
        this.group = group;
        this.make = make;
    }

    get chain(): PathStep[] {
        if (!this.made) {
            this.made = this.make();
        }
        return this.made;
    }
}

/** Direct children per parent id, over `rows` (their Id normalised), `parentOf` naming each row's parent. */
function childrenByParent(rows: readonly Row[], parentOf: (id: string, row: Row) => string | null | undefined): Map<string, string[]> {
    const children = new Map<string, string[]>();
    for (const row of rows) {
        const id = normaliseId(row.Id);
        const parent = id ? parentOf(id, row) : null;
        if (id && parent) {
            const list = children.get(parent);
            if (list) {
                list.push(id);
            } else {
                children.set(parent, [id]);
            }
        }
    }
    return children;
}

export class SnapshotIndex {
    readonly snapshot: Snapshot;
    /** Collection time in ms: "now" for expiration dates. */
    readonly now: number;
    private readonly idMap = new Map<string, IndexedRow>();
    private readonly sharesByRecord = new Map<string, ShareEntry[]>();
    /** Share rows per grantee, per share table (counted while indexing the rows by record). */
    private readonly shareCounts = new Map<ShareTableInfo, Map<string, number>>();
    private readonly whereCache = new Map<string, Map<string, Row[]>>();
    private readonly groupsCache = new Map<string, Map<string, GroupMembership>>();
    private readonly membersCache = new Map<string, Set<string>>();
    private readonly sortedMembersCache = new Map<string, string[]>();
    private readonly ancestorsCache = new Map<string, string[]>();
    private readonly territoryAncestorsCache = new Map<string, string[]>();
    private readonly classificationCache = new Map<string, UserClassification>();
    /** Values derived from the snapshot by the layers (see `memo`). */
    private readonly derivedCache = new Map<string, Map<unknown, unknown>>();
    private activeModels: Set<string> | null = null;
    private hierarchyModel: HierarchyModel | null = null;
    private roleChildrenCache: Map<string, string[]> | null = null;
    private territoryChildrenCache: Map<string, string[]> | null = null;
    private memberRolesCache: GroupMemberRoles | null | undefined = undefined;
    private shareTablesList: ShareTableInfo[] = [];
    private nestingCache: GroupNesting | null = null;

    constructor(snapshot: Snapshot) {
        this.snapshot = snapshot;
        this.now = Date.parse(snapshot.meta.collectedAt);
        for (const [table, rows] of Object.entries(snapshot.tables)) {
            const info = shareTableInfo(table);
            if (info) {
                this.shareTablesList.push(info);
                const counts = new Map<string, number>();
                this.shareCounts.set(info, counts);
                for (const row of rows) {
                    const recordId = row[info.parentField];
                    const granteeId = row.UserOrGroupId;
                    if (typeof granteeId === 'string') {
                        counts.set(granteeId, (counts.get(granteeId) ?? 0) + 1);
                    }
                    if (typeof recordId !== 'string' || typeof granteeId !== 'string') {
                        continue;
                    }
                    const entry: ShareEntry = {
                        table,
                        info,
                        row,
                        level: parseShareLevel(row[info.accessField]),
                        granteeId,
                        rowCause: str(row.RowCause)
                    };
                    const list = this.sharesByRecord.get(recordId);
                    if (list) {
                        list.push(entry);
                    } else {
                        this.sharesByRecord.set(recordId, [entry]);
                    }
                }
                continue;
            }
            for (const row of rows) {
                const id = row.Id;
                if (typeof id === 'string' && !this.idMap.has(id)) {
                    this.idMap.set(id, { table, row });
                }
            }
        }
    }

    // ---- generic accessors -------------------------------------------------

    hasTable(table: string): boolean {
        return Object.prototype.hasOwnProperty.call(this.snapshot.tables, table);
    }

    rows(table: string): readonly Row[] {
        return this.snapshot.tables[table] ?? EMPTY;
    }

    /** Any non-share row of any table by Id (15 or 18 characters). */
    byId(id: string | null | undefined): IndexedRow | undefined {
        // Ids read from the snapshot are already 18 characters: try them as they are first.
        const direct = typeof id === 'string' ? this.idMap.get(id) : undefined;
        if (direct) {
            return direct;
        }
        const key = normaliseId(id);
        return key ? this.idMap.get(key) : undefined;
    }

    /**
     * A value derived from this snapshot only, computed once per (scope, key) and kept with the index:
     * for layer-side derivations that would otherwise repeat on every explain (rule targets, group share counts).
     */
    memo<T>(scope: string, key: unknown, compute: () => T): T {
        let cache = this.derivedCache.get(scope);
        if (!cache) {
            cache = new Map();
            this.derivedCache.set(scope, cache);
        }
        if (!cache.has(key)) {
            cache.set(key, compute());
        }
        return cache.get(key) as T;
    }

    /** Rows of `table` whose `field` equals `value` (ids compared in 18-character form); hash index built once. */
    rowsWhere(table: string, field: string, value: unknown): readonly Row[] {
        const cacheKey = `${table}\u0000${field}`;
        let map = this.whereCache.get(cacheKey);
        if (!map) {
            map = new Map();
            for (const row of this.rows(table)) {
                const v = row[field];
                if (v === null || v === undefined) {
                    continue;
                }
                const k = String(v);
                const list = map.get(k);
                if (list) {
                    list.push(row);
                } else {
                    map.set(k, [row]);
                }
            }
            this.whereCache.set(cacheKey, map);
        }
        if (value === null || value === undefined) {
            return EMPTY;
        }
        const raw = typeof value === 'string' ? value : String(value);
        const direct = map.get(raw);
        if (direct) {
            return direct;
        }
        // Stored id columns are 18 characters (normalised at load): only a 15-character (or
        // differently-cased 18-character) id needs normalising.
        const normal = ID_FIELDS.has(field) ? normaliseId(raw) : null;
        return normal && normal !== raw ? (map.get(normal) ?? EMPTY) : EMPTY;
    }

    /** Share rows on a record, from every share table (record id in 18 characters). */
    sharesOf(recordId: string): readonly ShareEntry[] {
        return this.sharesByRecord.get(recordId) ?? this.sharesByRecord.get(normaliseId(recordId) ?? recordId) ?? [];
    }

    /** Share rows granted to a user or group, counted per object across the share tables (objects with none left out). */
    shareCountsTo(granteeId: string): Map<string, number> {
        const gid = normaliseId(granteeId) ?? granteeId;
        const out = new Map<string, number>();
        for (const info of this.shareTablesList) {
            const n = this.shareCounts.get(info)?.get(gid) ?? 0;
            if (n > 0) {
                out.set(info.object, (out.get(info.object) ?? 0) + n);
            }
        }
        return out;
    }

    shareTables(): readonly ShareTableInfo[] {
        return this.shareTablesList;
    }

    /** A setting with its provenance (null when absent). Record its use through the context. */
    setting(key: string): Setting | null {
        return this.snapshot.settings?.[key] ?? null;
    }

    /** Reason the collector gave for not reading a table, if any. */
    unavailable(table: string): string | null {
        // Entries for one unreadable record (recordId) say nothing about the table as a whole.
        const entry = this.snapshot.meta.unavailable?.find((u) => u.table === table && !u.recordId);
        return entry ? entry.reason : null;
    }

    truncated(table: string): string | null {
        const entry = this.snapshot.meta.truncated?.find((u) => u.table === table);
        return entry ? `${table} cut at ${entry.limit} rows (${entry.reason})` : null;
    }

    /** Human label for any id in the snapshot. */
    name(id: string | null | undefined): string {
        const hit = this.byId(id);
        return hit ? labelOf(hit.row, String(id)) : String(id ?? '');
    }

    /** Object API name of a record: its table, or the REST `attributes.type`. */
    objectOf(id: string): string | null {
        const hit = this.byId(id);
        if (!hit) {
            return null;
        }
        return hit.row.attributes?.type ?? hit.table;
    }

    // ---- users ---------------------------------------------------------------

    user(userId: string): Row | undefined {
        const hit = this.byId(userId);
        return hit && hit.table === 'User' ? hit.row : undefined;
    }

    classification(userId: string): UserClassification {
        const hit = this.classificationCache.get(userId);
        if (hit) {
            return hit;
        }
        const key = normaliseId(userId) ?? userId;
        let c = this.classificationCache.get(key);
        if (!c) {
            const user = this.user(key) ?? { Id: key };
            const profile = this.byId(str(user.ProfileId))?.row;
            const licence = profile ? this.byId(str(profile.UserLicenseId))?.row : undefined;
            c = classifyUser(user, profile, licence);
            this.classificationCache.set(key, c);
        }
        return c;
    }

    roleOf(userId: string): Row | undefined {
        const user = this.user(userId);
        const roleId = str(user?.UserRoleId);
        return roleId ? this.byId(roleId)?.row : undefined;
    }

    /** The external account hierarchy's role links (built once; empty without the table). */
    externalAccountHierarchy(): HierarchyModel {
        if (!this.hierarchyModel) {
            this.hierarchyModel = buildHierarchyModel(this);
        }
        return this.hierarchyModel;
    }

    /**
     * The role a role reports to: UserRole.ParentRoleId, except for the top portal role of a
     * child account in an active external account hierarchy, which reports to the parent
     * account's top portal role (externalAccountHierarchy.ts).
     */
    roleParent(roleId: string): string | null {
        const key = normaliseId(roleId) ?? roleId;
        const link = this.externalAccountHierarchy().links.get(key);
        return link ? link.parentRoleId : normaliseId(this.byId(key)?.row.ParentRoleId);
    }

    /** Ancestor role ids of a role, nearest first (the role itself excluded). Cycles are cut. */
    roleAncestors(roleId: string): readonly string[] {
        const early = this.ancestorsCache.get(roleId);
        if (early) {
            return early;
        }
        const key = normaliseId(roleId) ?? roleId;
        let list = this.ancestorsCache.get(key);
        if (!list) {
            list = [];
            const seen = new Set<string>([key]);
            let parent = this.roleParent(key);
            while (parent && !seen.has(parent)) {
                seen.add(parent);
                list.push(parent);
                parent = this.roleParent(parent);
            }
            this.ancestorsCache.set(key, list);
        }
        return list;
    }

    /** Ancestors by UserRole.ParentRoleId alone, ignoring the external account hierarchy. */
    collectedRoleAncestors(roleId: string): string[] {
        const list: string[] = [];
        const seen = new Set<string>([normaliseId(roleId) ?? roleId]);
        let parent = normaliseId(this.byId(roleId)?.row.ParentRoleId);
        while (parent && !seen.has(parent)) {
            seen.add(parent);
            list.push(parent);
            parent = normaliseId(this.byId(parent)?.row.ParentRoleId);
        }
        return list;
    }

    /** The hierarchy links crossed going up from role `lower` to role `upper` (lowest first). */
    hierarchyLinksBetween(upper: string, lower: string): HierarchyLink[] {
        const links = this.externalAccountHierarchy().links;
        if (links.size === 0) {
            return [];
        }
        const out: HierarchyLink[] = [];
        for (const r of [normaliseId(lower) ?? lower, ...this.roleAncestors(lower)]) {
            if (r === (normaliseId(upper) ?? upper)) {
                break;
            }
            const link = links.get(r);
            if (link) {
                out.push(link);
            }
        }
        return out;
    }

    /** True when role `upper` is strictly above role `lower`. */
    isRoleAbove(upper: string, lower: string): boolean {
        // Two lookups in the role tree numbered at load (groupMemberRoles.ts) instead of a walk up.
        const tree = this.groupMemberRoles();
        const above = tree?.isAbove(upper, lower);
        return above ?? this.roleAncestors(lower).includes(upper);
    }

    usersInRole(roleId: string): readonly Row[] {
        return this.rowsWhere('User', 'UserRoleId', roleId);
    }

    /** Direct child role ids per role, following `roleParent` (built once). */
    private roleChildren(roleId: string): readonly string[] {
        if (!this.roleChildrenCache) {
            this.roleChildrenCache = childrenByParent(this.rows('UserRole'), (id) => this.roleParent(id));
        }
        return this.roleChildrenCache.get(normaliseId(roleId) ?? roleId) ?? [];
    }

    /** Role ids strictly below a role (all levels). */
    roleSubordinates(roleId: string): string[] {
        const out: string[] = [];
        const start = normaliseId(roleId) ?? roleId;
        const seen = new Set<string>([start]);
        const queue = [start];
        while (queue.length) {
            const r = queue.shift() as string;
            for (const id of this.roleChildren(r)) {
                if (!seen.has(id)) {
                    seen.add(id);
                    out.push(id);
                    queue.push(id);
                }
            }
        }
        return out;
    }

    // ---- territories ----------------------------------------------------------

    /** Ids of Territory2Model rows with State = 'Active'. */
    activeTerritoryModels(): Set<string> {
        if (!this.activeModels) {
            this.activeModels = new Set(
                this.rows('Territory2Model')
                    .filter((m) => str(m.State) === 'Active')
                    .map((m) => str(m.Id))
            );
        }
        return this.activeModels;
    }

    /** True when the territory belongs to the active model. */
    isActiveTerritory(territoryId: string): boolean {
        const t = this.byId(territoryId)?.row;
        return !!t && this.activeTerritoryModels().has(str(t.Territory2ModelId));
    }

    territoryAncestors(territoryId: string): readonly string[] {
        let list = this.territoryAncestorsCache.get(territoryId);
        if (!list) {
            list = [];
            const seen = new Set([territoryId]);
            let current = this.byId(territoryId)?.row;
            while (current) {
                const parent = normaliseId(current.ParentTerritory2Id);
                if (!parent || seen.has(parent)) {
                    break;
                }
                seen.add(parent);
                list.push(parent);
                current = this.byId(parent)?.row;
            }
            this.territoryAncestorsCache.set(territoryId, list);
        }
        return list;
    }

    /** Territory ids strictly below a territory (every territory whose `territoryAncestors` include it); children map built once. */
    territoriesBelow(territoryId: string): string[] {
        if (!this.territoryChildrenCache) {
            this.territoryChildrenCache = childrenByParent(this.rows('Territory2'), (_id, t) => normaliseId(t.ParentTerritory2Id));
        }
        const out: string[] = [];
        const seen = new Set([territoryId]);
        for (let i = -1; i < out.length; i++) {
            for (const c of this.territoryChildrenCache.get(i < 0 ? territoryId : (out[i] as string)) ?? []) {
                if (!seen.has(c)) {
                    seen.add(c);
                    out.push(c);
                }
            }
        }
        return out;
    }

    /** Active territory ids the user is assigned to (active model, association not inactive). */
    territoriesOf(userId: string): string[] {
        return this.rowsWhere('UserTerritory2Association', 'UserId', userId)
            .filter((a) => a.IsActive !== false)
            .map((a) => str(a.Territory2Id))
            .filter((t) => this.isActiveTerritory(t));
    }

    // ---- groups ----------------------------------------------------------------

    private groupsRelatedTo(relatedId: string, type: string): Row[] {
        return this.rowsWhere('Group', 'RelatedId', relatedId).filter((g) => str(g.Type) === type);
    }

    /**
     * Every group the user belongs to, directly or derived, with the chain that explains each
     * membership. Memoised per user.
     */
    groupsOf(userId: string): ReadonlyMap<string, GroupMembership> {
        const early = this.groupsCache.get(userId);
        if (early) {
            return early;
        }
        const uid = normaliseId(userId) ?? userId;
        const cached = this.groupsCache.get(uid);
        if (cached) {
            return cached;
        }
        const result = new Map<string, GroupMembership>();
        const queue: GroupMembership[] = [];
        // Chains are worded when read: most of a user's groups never appear in an explanation.
        const add = (group: Row, chain: () => PathStep[]): void => {
            const gid = str(group.Id);
            if (!gid || result.has(gid)) {
                return;
            }
            const m: GroupMembership = new LazyMembership(gid, group, chain);
            result.set(gid, m);
            queue.push(m);
        };
        const groupStep = (g: Row, via: string): PathStep => ({
            kind: str(g.Type) === 'Queue' ? 'queue' : 'group',
            label: `${groupTypeLabel(str(g.Type))} ${labelOf(g)}`.trim(),
            id: str(g.Id),
            via
        });
        const user = this.user(uid);
        const classification = this.classification(uid);

        // Direct memberships.
        for (const gm of sortBy(this.rowsWhere('GroupMember', 'UserOrGroupId', uid), 'GroupId')) {
            const g = this.byId(str(gm.GroupId))?.row;
            if (g) {
                add(g, () => [groupStep(g, 'member of')]);
            }
        }
        // Role groups.
        const roleId = normaliseId(user?.UserRoleId);
        if (roleId && classification.canHaveRole) {
            const role = this.byId(roleId)?.row;
            const roleStep: PathStep = { kind: 'role', label: `role ${labelOf(role, roleId)}`, id: roleId, via: 'holds' };
            const userRoleIsPortal = isPortalRole(role);
            for (const g of this.groupsRelatedTo(roleId, 'Role')) {
                add(g, () => [roleStep, groupStep(g, 'in')]);
            }
            for (const r of [roleId, ...this.roleAncestors(roleId)]) {
                const rRow = this.byId(r)?.row;
                const chain: PathStep[] =
                    r === roleId
                        ? [roleStep]
                        : [roleStep, { kind: 'role', label: `role ${labelOf(rRow, r)}`, id: r, via: 'subordinate of' }];
                for (const g of this.groupsRelatedTo(r, 'RoleAndSubordinates')) {
                    add(g, () => [...chain, groupStep(g, 'in')]);
                }
                if (!userRoleIsPortal) {
                    for (const g of this.groupsRelatedTo(r, 'RoleAndSubordinatesInternal')) {
                        add(g, () => [...chain, groupStep(g, 'in')]);
                    }
                }
            }
        }
        // Territory groups (active model only).
        for (const t of this.territoriesOf(uid)) {
            const tRow = this.byId(t)?.row;
            const tStep: PathStep = { kind: 'territory', label: `territory ${labelOf(tRow, t)}`, id: t, via: 'assigned to' };
            for (const g of this.groupsRelatedTo(t, 'Territory')) {
                add(g, () => [tStep, groupStep(g, 'in')]);
            }
            for (const a of [t, ...this.territoryAncestors(t)]) {
                const chain: PathStep[] =
                    a === t ? [tStep] : [tStep, { kind: 'territory', label: `territory ${this.name(a)}`, id: a, via: 'child of' }];
                for (const g of this.groupsRelatedTo(a, 'TerritoryAndSubordinates')) {
                    add(g, () => [...chain, groupStep(g, 'in')]);
                }
            }
        }
        // Org-wide groups.
        for (const g of this.rowsWhere('Group', 'Type', 'Organization')) {
            if (!classification.external && classification.kind !== 'automated') {
                add(g, () => [groupStep(g, 'internal user, so in')]);
            }
        }
        if (classification.kind === 'partnerCommunity') {
            for (const g of this.rowsWhere('Group', 'Type', 'PRMOrganization')) {
                add(g, () => [groupStep(g, 'partner user, so in')]);
            }
        }
        if (classification.kind === 'customerCommunityPlus') {
            for (const g of this.rowsWhere('Group', 'Type', 'AllCustomerPortal')) {
                add(g, () => [groupStep(g, 'customer portal user, so in')]);
            }
        }
        // Manager groups: ManagerAndSubordinatesInternal(X) holds X and X's reports; Manager(U) holds U's managers.
        for (const g of this.groupsRelatedTo(uid, 'ManagerAndSubordinatesInternal')) {
            add(g, () => [groupStep(g, 'is the manager named by')]);
        }
        const managers = this.managerChain(uid);
        for (const m of managers) {
            for (const g of this.groupsRelatedTo(m, 'ManagerAndSubordinatesInternal')) {
                add(g, () => [{ kind: 'user', label: `manager ${this.name(m)}`, id: m, via: 'reports to' }, groupStep(g, 'in')]);
            }
        }
        for (const report of this.reportsOf(uid)) {
            for (const g of this.groupsRelatedTo(report, 'Manager')) {
                add(g, () => [{ kind: 'user', label: `report ${this.name(report)}`, id: report, via: 'manages' }, groupStep(g, 'in')]);
            }
        }
        // Nested groups: any group containing a group we are in.
        while (queue.length) {
            const m = queue.shift() as GroupMembership;
            for (const gm of sortBy(this.rowsWhere('GroupMember', 'UserOrGroupId', m.groupId), 'GroupId')) {
                const parent = this.byId(str(gm.GroupId))?.row;
                if (parent) {
                    add(parent, () => [...m.chain, groupStep(parent, 'nested in')]);
                }
            }
        }
        this.groupsCache.set(uid, result);
        return result;
    }

    /** The user's managers (User.ManagerId chain), nearest first. */
    managerChain(userId: string): string[] {
        const out: string[] = [];
        const seen = new Set([userId]);
        let current = this.user(userId);
        while (current) {
            const m = normaliseId(current.ManagerId);
            if (!m || seen.has(m)) {
                break;
            }
            seen.add(m);
            out.push(m);
            current = this.user(m);
        }
        return out;
    }

    /** Direct and indirect reports of a user. */
    reportsOf(userId: string): string[] {
        const out: string[] = [];
        const seen = new Set([userId]);
        const queue = [userId];
        while (queue.length) {
            const u = queue.shift() as string;
            for (const r of this.rowsWhere('User', 'ManagerId', u)) {
                const id = str(r.Id);
                if (id && !seen.has(id)) {
                    seen.add(id);
                    out.push(id);
                    queue.push(id);
                }
            }
        }
        return out;
    }

    /**
     * Which roles the members of each public group and queue hold, as ranges of the role tree
     * (groupMemberRoles.ts): built once, at load (`loadSnapshot`), so the role hierarchy layer
     * asks "is this user above a member" without reading the group's members. Null when the
     * role graph loops (the layer then scans the members).
     */
    groupMemberRoles(): GroupMemberRoles | null {
        if (this.memberRolesCache === undefined) {
            const groupIds = [...this.rowsWhere('Group', 'Type', 'Regular'), ...this.rowsWhere('Group', 'Type', 'Queue')].map((g) => str(g.Id)).filter((id) => id && this.byId(id)?.table === 'Group');
            // The index is the source itself (no closures over it: a closure kept by the engine's
            // call-site caches would keep this whole index alive after it is dropped).
            this.memberRolesCache = GroupMemberRoles.build(this, groupIds);
        }
        return this.memberRolesCache;
    }

    /**
     * `membersOf(groupId).size` without reading the members where the load-time index knows it:
     * public groups and queues, and role groups with no members of their own (groupMemberRoles.ts).
     */
    memberCount(groupId: string): number {
        const gid = normaliseId(groupId) ?? groupId;
        const plainRoleGroup = this.rowsWhere('GroupMember', 'GroupId', gid).length === 0 ? this.roleRangeOf(gid) : null;
        return this.groupMemberRoles()?.memberCount(gid, plainRoleGroup) ?? this.membersOf(gid).size;
    }

    /** True when the role (by id) is a portal role. */
    isPortalRoleId(roleId: string): boolean {
        return isPortalRole(this.byId(roleId)?.row);
    }

    /** Groups nested in groups, as `membersOf` resolves them (strongly connected components, nested ones numbered first). */
    nesting(): GroupNesting {
        return this.groupNesting();
    }

    /** `membersOf` in a stable (sorted) order, memoised. */
    sortedMembersOf(groupId: string): readonly string[] {
        let list = this.sortedMembersCache.get(groupId);
        if (!list) {
            list = [...this.membersOf(groupId)].sort();
            this.sortedMembersCache.set(groupId, list);
        }
        return list;
    }

    /** True when the user is (directly or derived) a member of the group. */
    isMember(userId: string, groupId: string): GroupMembership | undefined {
        const groups = this.groupsOf(userId);
        return groups.get(groupId) ?? groups.get(normaliseId(groupId) ?? groupId);
    }

    /**
     * Ids of every user in a group (derived membership), memoised. Used for blast radius,
     * "bosses of members" and who-can-see.
     *
     * Nested groups are resolved per strongly connected component of the nesting graph: groups
     * that contain each other (a cycle) have the same members, whatever order the GroupMember
     * rows come in (a partial set cached as a cycle guard would depend on that order).
     */
    membersOf(groupId: string): ReadonlySet<string> {
        const early = this.membersCache.get(groupId);
        if (early) {
            return early;
        }
        const gid = normaliseId(groupId) ?? groupId;
        const cached = this.membersCache.get(gid);
        if (cached) {
            return cached;
        }
        const nesting = this.groupNesting();
        const component = nesting.componentOf.get(gid);
        const set = component === undefined ? this.ownMembers(gid) : this.componentMembers(component);
        this.membersCache.set(gid, set);
        return set;
    }

    /** Users of one component: its groups' own members plus those of every component nested in it. */
    private componentMembers(component: number): Set<string> {
        const nesting = this.groupNesting();
        const hit = nesting.members.get(component);
        if (hit) {
            return hit;
        }
        // Tarjan numbers components so that every component nested in another has a smaller number:
        // computing the reachable ones in ascending order finds each one's successors done.
        const reachable = new Set<number>([component]);
        const todo = [component];
        while (todo.length) {
            const c = todo.pop() as number;
            for (const next of nesting.successors[c] ?? []) {
                if (!reachable.has(next) && !nesting.members.has(next)) {
                    reachable.add(next);
                    todo.push(next);
                }
            }
        }
        for (const c of [...reachable].sort((a, b) => a - b)) {
            const set = new Set<string>();
            for (const g of nesting.groups[c] ?? []) {
                for (const u of this.ownMembers(g)) {
                    set.add(u);
                }
            }
            for (const next of nesting.successors[c] ?? []) {
                for (const u of nesting.members.get(next) ?? []) {
                    set.add(u);
                }
            }
            nesting.members.set(c, set);
        }
        return nesting.members.get(component) as Set<string>;
    }

    /** The group-in-group graph and its strongly connected components (iterative Tarjan), built once. */
    private groupNesting(): GroupNesting {
        if (this.nestingCache) {
            return this.nestingCache;
        }
        const children = new Map<string, string[]>();
        for (const gm of this.rows('GroupMember')) {
            const parent = normaliseId(gm.GroupId);
            const child = normaliseId(gm.UserOrGroupId);
            if (!parent || !child || this.byId(child)?.table !== 'Group') {
                continue;
            }
            const list = children.get(parent);
            if (list) {
                list.push(child);
            } else {
                children.set(parent, [child]);
            }
        }
        const nodes = new Set<string>(children.keys());
        for (const list of children.values()) {
            list.forEach((c) => nodes.add(c));
        }
        const order = new Map<string, number>();
        const low = new Map<string, number>();
        const onStack = new Set<string>();
        const stack: string[] = [];
        const componentOf = new Map<string, number>();
        const groups: string[][] = [];
        let counter = 0;
        const visit = (node: string): void => {
            order.set(node, counter);
            low.set(node, counter);
            counter++;
            stack.push(node);
            onStack.add(node);
        };
        for (const root of [...nodes].sort()) {
            if (order.has(root)) {
                continue;
            }
            visit(root);
            const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
            while (work.length) {
                const frame = work[work.length - 1] as { node: string; next: number };
                const kids = children.get(frame.node) ?? [];
                if (frame.next < kids.length) {
                    const kid = kids[frame.next++] as string;
                    if (!order.has(kid)) {
                        visit(kid);
                        work.push({ node: kid, next: 0 });
                    } else if (onStack.has(kid)) {
                        low.set(frame.node, Math.min(low.get(frame.node) as number, order.get(kid) as number));
                    }
                    continue;
                }
                work.pop();
                if (low.get(frame.node) === order.get(frame.node)) {
                    const members: string[] = [];
                    let w: string | undefined;
                    do {
                        w = stack.pop() as string;
                        onStack.delete(w);
                        componentOf.set(w, groups.length);
                        members.push(w);
                    } while (w !== frame.node);
                    groups.push(members.sort());
                }
                const parent = work[work.length - 1];
                if (parent) {
                    low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
                }
            }
        }
        const successors: number[][] = groups.map(() => []);
        for (const [parent, list] of children) {
            const from = componentOf.get(parent) as number;
            for (const child of list) {
                const to = componentOf.get(child) as number;
                if (to !== from && !(successors[from] as number[]).includes(to)) {
                    (successors[from] as number[]).push(to);
                }
            }
        }
        this.nestingCache = { componentOf, groups, successors, members: new Map() };
        return this.nestingCache;
    }

    /** Users a group holds by itself: derived from its type (role, territory, org-wide, manager) and its direct user members. */
    private ownMembers(gid: string): Set<string> {
        const set = new Set<string>();
        const range = this.roleRangeOf(gid);
        if (range) {
            for (const r of range.type === 'Role' ? [range.roleId] : [range.roleId, ...this.roleSubordinates(range.roleId)]) {
                if (range.type === 'RoleAndSubordinatesInternal' && isPortalRole(this.byId(r)?.row)) {
                    continue;
                }
                for (const u of this.usersInRole(r)) {
                    if (typeof u.Id === 'string') {
                        set.add(u.Id);
                    }
                }
            }
        }
        this.ownUserMembers(gid, (u) => set.add(u));
        return set;
    }

    /**
     * The role a Role, RoleAndSubordinates or RoleAndSubordinatesInternal group derives its
     * members from (Group.RelatedId), with the group's type; null for every other group.
     */
    roleRangeOf(gid: string): { type: 'Role' | 'RoleAndSubordinates' | 'RoleAndSubordinatesInternal'; roleId: string } | null {
        const group = this.byId(gid)?.row;
        const type = str(group?.Type);
        const related = normaliseId(group?.RelatedId);
        return related && (type === 'Role' || type === 'RoleAndSubordinates' || type === 'RoleAndSubordinatesInternal') ? { type, roleId: related } : null;
    }

    /**
     * Users a group holds by itself other than through `roleRangeOf`: territory, org-wide and
     * manager groups' derived users, and its direct user members (GroupMember rows).
     */
    ownUserMembers(gid: string, visit: (userId: string) => void): void {
        const group = this.byId(gid)?.row;
        const type = str(group?.Type);
        const related = normaliseId(group?.RelatedId);
        switch (type) {
            case 'Territory':
            case 'TerritoryAndSubordinates':
                if (related && this.isActiveTerritory(related)) {
                    const territories = type === 'TerritoryAndSubordinates' ? [related, ...this.territoriesBelow(related)] : [related];
                    for (const t of territories) {
                        for (const a of this.rowsWhere('UserTerritory2Association', 'Territory2Id', t)) {
                            if (a.IsActive !== false && typeof a.UserId === 'string') {
                                visit(a.UserId);
                            }
                        }
                    }
                }
                break;
            case 'Organization':
            case 'PRMOrganization':
            case 'AllCustomerPortal':
                for (const u of this.rows('User')) {
                    const id = str(u.Id);
                    const c = this.classification(id);
                    const inGroup =
                        type === 'Organization'
                            ? !c.external && c.kind !== 'automated'
                            : type === 'PRMOrganization'
                              ? c.kind === 'partnerCommunity'
                              : c.kind === 'customerCommunityPlus';
                    if (id && inGroup) {
                        visit(id);
                    }
                }
                break;
            case 'Manager':
                if (related) {
                    this.managerChain(related).forEach(visit);
                }
                break;
            case 'ManagerAndSubordinatesInternal':
                if (related) {
                    visit(related);
                    this.reportsOf(related).forEach(visit);
                }
                break;
            default:
                break;
        }
        for (const gm of this.rowsWhere('GroupMember', 'GroupId', gid)) {
            const member = str(gm.UserOrGroupId);
            if (this.byId(member)?.table === 'User') {
                visit(member);
            }
        }
    }
}

/** Rows sorted by a column, so derived chains never depend on row order. */
function sortBy(rows: readonly Row[], field: string): readonly Row[] {
    return rows.length < 2 ? rows : [...rows].sort((a, b) => str(a[field]).localeCompare(str(b[field])));
}


/** A group's member ids in a stable order. */
export function sortedIds(ids: Iterable<string>): string[] {
    return [...ids].sort();
}

export function groupTypeLabel(type: string): string {
    switch (type) {
        case 'Regular':
            return 'public group';
        case 'Queue':
            return 'queue';
        case 'Role':
            return 'role group';
        case 'RoleAndSubordinates':
            return 'role-and-subordinates group';
        case 'RoleAndSubordinatesInternal':
            return 'role-and-internal-subordinates group';
        case 'Organization':
            return 'all-internal-users group';
        case 'PRMOrganization':
            return 'all-partner-users group';
        case 'AllCustomerPortal':
            return 'all-customer-portal-users group';
        case 'Territory':
            return 'territory group';
        case 'TerritoryAndSubordinates':
            return 'territory-and-subordinates group';
        case 'Manager':
            return 'managers group';
        case 'ManagerAndSubordinatesInternal':
            return 'manager-and-subordinates group';
        default:
            return type ? `${type} group` : 'group';
    }
}
