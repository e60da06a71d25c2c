/**
 * What-if replays: apply one hypothetical change to a snapshot and return a new snapshot,
 * so `explain` can be run before and after ("what would assigning this permission set
 * grant?"). Pure: no I/O, the input snapshot is never mutated, unchanged tables are shared.
 *
 * The rows added are the rows Salesforce itself would add:
 * - a permission set (group) assignment is one `PermissionSetAssignment` row with
 *   `AssigneeId` + `PermissionSetId` (or `PermissionSetGroupId`) — Object Reference
 *   "PermissionSetAssignment" (api-vocabulary.md §7);
 * - adding a user to a public group or queue is one `GroupMember` row
 *   (`GroupId`, `UserOrGroupId`); only `Regular` and `Queue` groups take members — Object
 *   Reference "Group" ("Only Personal, Regular, and Queue can be used when creating a
 *   group"; role and territory groups are maintained by the platform, api-vocabulary.md §3);
 * - a manual share is one share row with `RowCause = 'Manual'` and `Read` or `Edit`
 *   (`All` can't be granted) on the object's share table, whose parent and access columns
 *   differ per object (AccountShare.AccountId/AccountAccessLevel, custom
 *   `X__Share.ParentId/AccessLevel`) — Object Reference share objects and Apex Developer
 *   Guide "Sharing a Record Using Apex" (api-vocabulary.md §6). One Manual row per
 *   user and record: a new share replaces a weaker one.
 * - a role change is the user's `UserRoleId` (Object Reference "User"); role groups follow
 *   the role (api-vocabulary.md §3), so nothing else changes. Only internal users take an
 *   internal role: a partner or customer user's role is one of their account's portal roles.
 */
import { own } from './ownKey';
import { sameId } from './ids';
import { whatIfOutOfScope } from './scope';
import { shareTableFor } from './shareTables';
import type { Row, Snapshot } from './types';

export type WhatIfChange =
    | { kind: 'addPermissionSet'; userId: string; permissionSetId: string }
    | { kind: 'addToGroup'; userId: string; groupId: string }
    | { kind: 'share'; userId: string; recordId: string; level: 'Read' | 'Edit' }
    | { kind: 'changeRole'; userId: string; roleId: string };

/** A change that can't be applied to this snapshot; the message says why in one sentence. */
export class WhatIfError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'WhatIfError';
    }
}

/** AccountShare also carries the child levels; a manual account share grants no child access unless set. */
const ACCOUNT_CHILD_DEFAULTS: Record<string, string> = {
    OpportunityAccessLevel: 'None',
    CaseAccessLevel: 'None',
    ContactAccessLevel: 'None'
};

const LEVEL_RANK: Record<string, number> = { None: 0, Read: 1, Edit: 2, All: 3 };

function rowsOf(snapshot: Snapshot, table: string): Row[] {
    const rows = snapshot.tables[table];
    return Array.isArray(rows) ? rows : [];
}

function findById(snapshot: Snapshot, table: string, id: string): Row | undefined {
    return rowsOf(snapshot, table).find((r) => sameId(r.Id, id));
}

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

function isShareTable(name: string): boolean {
    return name.endsWith('Share') || name.endsWith('__Share');
}

/** A fake but well-formed 18-character id, marked so nobody mistakes it for a real row. */
function syntheticId(prefix: string, snapshot: Snapshot, table: string): string {
    const taken = new Set(rowsOf(snapshot, table).map((r) => str(r.Id)));
    for (let n = 1; ; n++) {
        const id = `${prefix}WHATIF${String(n).padStart(9, '0')}`;
        if (!taken.has(id)) return id;
    }
}

function withRows(snapshot: Snapshot, table: string, rows: Row[]): Snapshot {
    return { ...snapshot, tables: { ...snapshot.tables, [table]: rows } };
}

function userLabel(snapshot: Snapshot, userId: string): string {
    const user = findById(snapshot, 'User', userId);
    if (!user) {
        throw new WhatIfError(
            `User ${userId} is not in the snapshot (tables.User); collect the snapshot for this user first.`
        );
    }
    return str(user.Name) || str(user.Username) || userId;
}

function addPermissionSet(snapshot: Snapshot, userId: string, permissionSetId: string): Snapshot {
    const who = userLabel(snapshot, userId);
    const group = findById(snapshot, 'PermissionSetGroup', permissionSetId);
    const set = group ? undefined : findById(snapshot, 'PermissionSet', permissionSetId);
    if (!group && !set) {
        throw new WhatIfError(
            `Permission set ${permissionSetId} is not in the snapshot (tables.PermissionSet or tables.PermissionSetGroup); ` +
                'collect it with the snapshot (--add-permission-set does that when collecting from an org).'
        );
    }
    if (set && set.IsOwnedByProfile === true) {
        throw new WhatIfError(
            `Permission set ${permissionSetId} belongs to a profile and can't be assigned on its own.`
        );
    }
    const assignments = rowsOf(snapshot, 'PermissionSetAssignment');
    const already = assignments.some(
        (a) =>
            sameId(a.AssigneeId, userId) &&
            (group ? sameId(a.PermissionSetGroupId, permissionSetId) : sameId(a.PermissionSetId, permissionSetId)) &&
            a.IsRevoked !== true
    );
    if (already) {
        throw new WhatIfError(
            `${who} already has ${group ? 'permission set group' : 'permission set'} ${permissionSetId}; nothing would change.`
        );
    }
    // A group assignment carries the group id; its permissions live in the group's aggregate permission set.
    const aggregate = group
        ? rowsOf(snapshot, 'PermissionSet').find((p) => sameId(p.PermissionSetGroupId, permissionSetId))
        : set;
    const row: Row = {
        attributes: { type: 'PermissionSetAssignment' },
        Id: syntheticId('0Pa', snapshot, 'PermissionSetAssignment'),
        AssigneeId: userId,
        PermissionSetId: aggregate ? str(aggregate.Id) || null : null,
        PermissionSetGroupId: group ? permissionSetId : null,
        ExpirationDate: null,
        IsActive: true,
        IsRevoked: false
    };
    if (aggregate) {
        row.PermissionSet = {
            Name: aggregate.Name ?? null,
            Label: aggregate.Label ?? null,
            IsOwnedByProfile: false,
            PermissionSetGroupId: aggregate.PermissionSetGroupId ?? null
        };
    }
    return withRows(snapshot, 'PermissionSetAssignment', [...assignments, row]);
}

function addToGroup(snapshot: Snapshot, userId: string, groupId: string): Snapshot {
    const who = userLabel(snapshot, userId);
    const group = findById(snapshot, 'Group', groupId);
    if (!group) {
        throw new WhatIfError(`Group ${groupId} is not in the snapshot (tables.Group).`);
    }
    const type = str(group.Type);
    if (type !== 'Regular' && type !== 'Queue') {
        throw new WhatIfError(
            `Group ${str(group.Name) || groupId} is of type ${type || 'unknown'}: only public groups (Regular) and queues take members; ` +
                'role and territory groups follow the role or territory.'
        );
    }
    const members = rowsOf(snapshot, 'GroupMember');
    if (members.some((m) => sameId(m.GroupId, groupId) && sameId(m.UserOrGroupId, userId))) {
        throw new WhatIfError(
            `${who} is already a direct member of ${str(group.Name) || groupId}; nothing would change.`
        );
    }
    const row: Row = {
        attributes: { type: 'GroupMember' },
        Id: syntheticId('011', snapshot, 'GroupMember'),
        GroupId: groupId,
        UserOrGroupId: userId
    };
    return withRows(snapshot, 'GroupMember', [...members, row]);
}

function changeRole(snapshot: Snapshot, userId: string, roleId: string): Snapshot {
    const who = userLabel(snapshot, userId);
    const role = findById(snapshot, 'UserRole', roleId);
    if (!role) {
        throw new WhatIfError(`Role ${roleId} is not in the snapshot (tables.UserRole).`);
    }
    const roleName = str(role.Name) || roleId;
    const users = rowsOf(snapshot, 'User');
    const user = users.find((u) => sameId(u.Id, userId)) as Row;
    const userType = str(user.UserType);
    if (userType && userType !== 'Standard') {
        throw new WhatIfError(
            `${who} is a partner, customer or guest user: their role is one of their account's portal roles, not ${roleName}.`
        );
    }
    const portalType = str(role.PortalType);
    if (portalType && portalType !== 'None') {
        throw new WhatIfError(`Role ${roleName} is a portal role of an account; only that account's external users take it.`);
    }
    if (sameId(user.UserRoleId, roleId)) {
        throw new WhatIfError(`${who} already has role ${roleName}; nothing would change.`);
    }
    const changed: Row = { ...user, UserRoleId: roleId };
    if (user.UserRole && typeof user.UserRole === 'object') {
        changed.UserRole = { ...(user.UserRole as Row), Name: role.Name ?? null, DeveloperName: role.DeveloperName ?? null };
    }
    return withRows(
        snapshot,
        'User',
        users.map((u) => (u === user ? changed : u))
    );
}

/** The object whose table holds this record (share tables excluded). */
function objectOfRecord(snapshot: Snapshot, recordId: string): string {
    for (const [table, rows] of Object.entries(snapshot.tables)) {
        if (isShareTable(table) || !Array.isArray(rows)) continue;
        if (rows.some((r) => sameId(r.Id, recordId))) return table;
    }
    throw new WhatIfError(`Record ${recordId} is not in the snapshot; collect the snapshot for this record first.`);
}

/** Share table and its columns for an object (the engine's one mapping, shareTables.ts). */
export function shareTableOf(objectApiName: string): {
    table: string;
    parent: string;
    access: string;
    extra?: Record<string, string>;
} {
    const info = shareTableFor(objectApiName);
    return {
        table: info.table,
        parent: info.parentField,
        access: info.accessField,
        ...(objectApiName === 'Account' ? { extra: ACCOUNT_CHILD_DEFAULTS } : {})
    };
}

function share(snapshot: Snapshot, userId: string, recordId: string, level: 'Read' | 'Edit'): Snapshot {
    if (level !== 'Read' && level !== 'Edit') {
        throw new WhatIfError(
            `A manual share grants Read or Edit, not ${String(level)} (Full Access can't be granted by a share).`
        );
    }
    const who = userLabel(snapshot, userId);
    const objectApiName = objectOfRecord(snapshot, recordId);
    const { table, parent, access, extra } = shareTableOf(objectApiName);
    const rows = rowsOf(snapshot, table);
    const existing = rows.find(
        (r) => sameId(r[parent], recordId) && sameId(r.UserOrGroupId, userId) && r.RowCause === 'Manual'
    );
    if (existing && (own(LEVEL_RANK, str(existing[access])) ?? 0) >= (own(LEVEL_RANK, level) ?? 0)) {
        throw new WhatIfError(
            `${who} already has a manual ${str(existing[access])} share on ${recordId}; nothing would change.`
        );
    }
    const row: Row = {
        attributes: { type: table },
        Id: existing?.Id ?? syntheticId(objectApiName === 'Account' ? '00r' : '02c', snapshot, table),
        [parent]: recordId,
        UserOrGroupId: userId,
        [access]: level,
        RowCause: 'Manual',
        ...(extra ?? {})
    };
    const kept = existing ? rows.filter((r) => r !== existing) : rows;
    return withRows(snapshot, table, [...kept, row]);
}

/**
 * Apply one change and return the new snapshot (the input is not modified). Throws
 * `WhatIfError` when the change can't apply (unknown user/group/permission set/record,
 * wrong group type, already in place).
 */
export function applyWhatIf(snapshot: Snapshot, change: WhatIfChange): Snapshot {
    if (!snapshot || typeof snapshot !== 'object' || !snapshot.tables || typeof snapshot.tables !== 'object') {
        throw new WhatIfError('What-if needs a snapshot with tables.');
    }
    const outOfScope = whatIfOutOfScope(snapshot, change.userId, change.kind === 'share' ? change.recordId : undefined);
    if (outOfScope) {
        throw new WhatIfError(outOfScope);
    }
    let changed: Snapshot;
    switch (change.kind) {
        case 'addPermissionSet':
            changed = addPermissionSet(snapshot, change.userId, change.permissionSetId);
            break;
        case 'addToGroup':
            changed = addToGroup(snapshot, change.userId, change.groupId);
            break;
        case 'share':
            changed = share(snapshot, change.userId, change.recordId, change.level);
            break;
        case 'changeRole':
            changed = changeRole(snapshot, change.userId, change.roleId);
            break;
        default:
            throw new WhatIfError(`Unknown what-if change ${JSON.stringify((change as { kind?: unknown }).kind)}.`);
    }
    return withoutPlatformVerdict(changed, change.userId);
}

/**
 * UserRecordAccess rows were the platform's answer before the change; after a hypothetical
 * change the platform has not answered, so the user's rows are dropped and reconciliation
 * reports "unavailable" instead of a false disagreement.
 */
function withoutPlatformVerdict(snapshot: Snapshot, userId: string): Snapshot {
    const rows = snapshot.tables.UserRecordAccess;
    if (!Array.isArray(rows) || !rows.some((r) => sameId(r.UserId, userId))) return snapshot;
    return withRows(
        snapshot,
        'UserRecordAccess',
        rows.filter((r) => !sameId(r.UserId, userId))
    );
}

/** One line describing the change, for output headers. */
export function describeWhatIf(snapshot: Snapshot, change: WhatIfChange): string {
    const name = (table: string, id: string): string => {
        const row = findById(snapshot, table, id);
        return row ? str(row.Name) || str(row.Label) || id : id;
    };
    const who = name('User', change.userId);
    switch (change.kind) {
        case 'addPermissionSet':
            return `assign ${findById(snapshot, 'PermissionSetGroup', change.permissionSetId) ? 'permission set group' : 'permission set'} ${
                findById(snapshot, 'PermissionSetGroup', change.permissionSetId)
                    ? name('PermissionSetGroup', change.permissionSetId)
                    : name('PermissionSet', change.permissionSetId)
            } to ${who}`;
        case 'addToGroup':
            return `add ${who} to ${findById(snapshot, 'Group', change.groupId)?.Type === 'Queue' ? 'queue' : 'group'} ${name('Group', change.groupId)}`;
        case 'share':
            return `share ${change.recordId} with ${who} (manual ${change.level})`;
        case 'changeRole':
            return `move ${who} to role ${name('UserRole', change.roleId)}`;
        default:
            return 'unknown change';
    }
}
