/**
 * Permissions for a sweep over many users: for one object, each user's flags on it (Read,
 * Edit, Delete, View All, Modify All) and the system permissions who-can-see reads (Modify All
 * Data, View All Data, Manage Users, View All Users, Manage External Users, and the transfer
 * permissions) as bits, and the users who hold View All, Modify All or one of the system
 * permissions that open records, found from the permission side.
 *
 * The rules are those of `permissions.ts` (`userPermissions`, `objectPermissions`,
 * `systemPermission`), so who-can-see and explain agree:
 * - the profile's own permission set (PermissionSet.ProfileId, IsOwnedByProfile not false);
 * - assignments, unless expired (ExpirationDate ≤ meta.collectedAt), inactive (IsActive =
 *   false) or revoked (IsRevoked = true);
 * - a permission set group gives its components' permissions minus those its muting
 *   permission sets enable; with no components collected, its aggregate permission set, else
 *   the assignment's own PermissionSetId;
 * - Modify All Data implies every object permission; Modify All implies View All, Read, Edit,
 *   Delete; View All implies Read.
 * Sources: Object Reference PermissionSetAssignment, PermissionSet, PermissionSetGroupComponent;
 * Metadata API MutingPermissionSet; access-semantics.md §1 and §10.
 * Per-set bits are computed once per (snapshot, object); a user's bits the first time they are asked.
 */
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import { assignmentsOf, isActiveAssignment } from './userFacts';
import { userSpace } from './userSpace';

export const P_READ = 1;
export const P_CREATE = 2;
export const P_EDIT = 4;
export const P_DELETE = 8;
export const P_VIEW_ALL = 16;
export const P_MODIFY_ALL = 32;
export const P_MODIFY_ALL_DATA = 64;
export const P_VIEW_ALL_DATA = 128;
export const P_MANAGE_USERS = 256;
export const P_VIEW_ALL_USERS = 512;
export const P_MANAGE_EXTERNAL_USERS = 1024;
/** Transfer Record, Transfer Cases, Transfer Leads (Help "Transfer Records"). */
export const P_TRANSFER_RECORD = 2048;
export const P_TRANSFER_CASES = 4096;
export const P_TRANSFER_LEADS = 8192;

const OBJECT_BITS = P_READ | P_CREATE | P_EDIT | P_DELETE | P_VIEW_ALL | P_MODIFY_ALL;
const ELEVATED = P_VIEW_ALL | P_MODIFY_ALL | P_MODIFY_ALL_DATA | P_VIEW_ALL_DATA | P_MANAGE_USERS | P_VIEW_ALL_USERS | P_MANAGE_EXTERNAL_USERS;
/** Bits that give (or imply) object Read. */
export const READS = P_READ | P_VIEW_ALL | P_MODIFY_ALL | P_MODIFY_ALL_DATA;

const OBJECT_FIELDS: readonly (readonly [string, number])[] = [
    ['PermissionsRead', P_READ],
    ['PermissionsCreate', P_CREATE],
    ['PermissionsEdit', P_EDIT],
    ['PermissionsDelete', P_DELETE],
    ['PermissionsViewAllRecords', P_VIEW_ALL],
    ['PermissionsModifyAllRecords', P_MODIFY_ALL]
];

const SYSTEM_FIELDS: readonly (readonly [string, number])[] = [
    ['PermissionsModifyAllData', P_MODIFY_ALL_DATA],
    ['PermissionsViewAllData', P_VIEW_ALL_DATA],
    ['PermissionsManageUsers', P_MANAGE_USERS],
    ['PermissionsViewAllUsers', P_VIEW_ALL_USERS],
    ['PermissionsManageExternalUsers', P_MANAGE_EXTERNAL_USERS],
    ['PermissionsTransferAnyEntity', P_TRANSFER_RECORD],
    ['PermissionsTransferAnyCase', P_TRANSFER_CASES],
    ['PermissionsTransferAnyLead', P_TRANSFER_LEADS]
];

/** The permission bit of a transfer permission field (layersBase.ts `transferPermissionFields` names the fields per object). */
export function permissionBitOf(field: string): number {
    return SYSTEM_FIELDS.find(([f]) => f === field)?.[1] ?? 0;
}

/** One source of a user's permissions and the bits it gives on the object. */
export interface PermissionGrant {
    id: string;
    kind: 'profile' | 'permissionSet' | 'permissionSetGroup';
    bits: number;
}

export interface PermissionHolders {
    object: string;
    /** False when ObjectPermissions / assignments were not collected (explain then assumes the gate open). */
    known: boolean;
    /** The user's bits, implications applied (memoised). */
    bits(userId: string): number;
    /** The same, for the user with this number in the user space (userSpace.ts). */
    bitsAt(user: number): number;
    /** The sources giving the user anything on the object, with their own bits. */
    grants(userId: string): PermissionGrant[];
    /** Users with View All, Modify All or a system permission above. */
    elevated: readonly string[];
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** System-permission bits of every permission set and muting permission set (once per snapshot). */
function systemBits(index: SnapshotIndex): ReadonlyMap<string, number> {
    return index.memo('permissionHolders.system', 'all', () => {
        const out = new Map<string, number>();
        for (const table of ['PermissionSet', 'MutingPermissionSet']) {
            for (const row of index.rows(table)) {
                let bits = 0;
                for (const [field, bit] of SYSTEM_FIELDS) {
                    if (row[field] === true) {
                        bits |= bit;
                    }
                }
                if (bits && str(row.Id)) {
                    out.set(str(row.Id), bits);
                }
            }
        }
        return out;
    });
}

function implied(bits: number): number {
    let out = bits;
    if (out & P_MODIFY_ALL_DATA) {
        out |= OBJECT_BITS;
    }
    if (out & P_MODIFY_ALL) {
        out |= P_VIEW_ALL | P_READ | P_EDIT | P_DELETE;
    }
    if (out & P_VIEW_ALL) {
        out |= P_READ;
    }
    return out;
}

/** Permissions on `object` for a sweep (memoised per snapshot and object). */
export function permissionHolders(index: SnapshotIndex, object: string): PermissionHolders {
    return index.memo('permissionHolders.object', object, () => build(index, object));
}

function build(index: SnapshotIndex, object: string): PermissionHolders {
    // Bits per permission set (and muting set) id: the object's flags plus the system permissions.
    const setBits = new Map<string, number>(systemBits(index));
    for (const op of index.rowsWhere('ObjectPermissions', 'SobjectType', object)) {
        const parent = str(op.ParentId);
        let bits = 0;
        for (const [field, bit] of OBJECT_FIELDS) {
            if (op[field] === true) {
                bits |= bit;
            }
        }
        if (parent && bits) {
            setBits.set(parent, (setBits.get(parent) ?? 0) | bits);
        }
    }
    const groupCache = new Map<string, number | null>();
    /** A group's components minus its muting sets; its aggregate set without components; null when neither was collected. */
    const groupBits = (groupId: string): number | null => {
        if (groupCache.has(groupId)) {
            return groupCache.get(groupId) as number | null;
        }
        let bits: number | null = null;
        const components = index.rowsWhere('PermissionSetGroupComponent', 'PermissionSetGroupId', groupId);
        if (components.length) {
            let granted = 0;
            let muted = 0;
            for (const c of components) {
                const id = str(c.PermissionSetId);
                if (index.byId(id)?.table === 'MutingPermissionSet') {
                    muted |= setBits.get(id) ?? 0;
                } else {
                    granted |= setBits.get(id) ?? 0;
                }
            }
            bits = granted & ~muted;
        } else {
            const aggregates = index.rowsWhere('PermissionSet', 'PermissionSetGroupId', groupId);
            if (aggregates.length) {
                bits = 0;
                for (const a of aggregates) {
                    bits |= setBits.get(str(a.Id)) ?? 0;
                }
            }
        }
        groupCache.set(groupId, bits);
        return bits;
    };
    const profileCache = new Map<string, PermissionGrant[]>();
    const profileGrants = (profileId: string): PermissionGrant[] => {
        let list = profileCache.get(profileId);
        if (!list) {
            list = [];
            for (const ps of index.rowsWhere('PermissionSet', 'ProfileId', profileId)) {
                const id = str(ps.Id);
                const bits = setBits.get(id) ?? 0;
                if (id && bits && ps.IsOwnedByProfile !== false) {
                    list.push({ id, kind: 'profile', bits });
                }
            }
            profileCache.set(profileId, list);
        }
        return list;
    };
    const grants = (userId: string): PermissionGrant[] => {
        const out = [...profileGrants(str(index.user(userId)?.ProfileId))];
        for (const a of assignmentsOf(index, userId)) {
            if (a.groupId) {
                const bits = groupBits(a.groupId) ?? setBits.get(a.setId) ?? 0;
                if (bits) {
                    out.push({ id: a.groupId, kind: 'permissionSetGroup', bits });
                }
            } else if (setBits.get(a.setId)) {
                out.push({ id: a.setId, kind: index.byId(a.setId)?.row.IsOwnedByProfile === true ? 'profile' : 'permissionSet', bits: setBits.get(a.setId) ?? 0 });
            }
        }
        return out;
    };
    const profileBits = new Map<string, number>();
    const bitsOfProfile = (profileId: string): number => {
        let b = profileBits.get(profileId);
        if (b === undefined) {
            b = profileGrants(profileId).reduce((acc, g) => acc | g.bits, 0);
            profileBits.set(profileId, b);
        }
        return b;
    };
    /** Profile bits, then each active assignment's: the same sources as `grants`, without building them. */
    const compute = (userId: string, profileId: string): number => {
        let b = bitsOfProfile(profileId);
        for (const psa of index.rowsWhere('PermissionSetAssignment', 'AssigneeId', userId)) {
            if (!isActiveAssignment(index, psa)) {
                continue;
            }
            const groupId = str(psa.PermissionSetGroupId);
            b |= groupId ? (groupBits(groupId) ?? setBits.get(str(psa.PermissionSetId)) ?? 0) : (setBits.get(str(psa.PermissionSetId)) ?? 0);
        }
        return implied(b);
    };
    const space = userSpace(index);
    const perUser = new Int32Array(space.size).fill(-1);
    const bitsAt = (user: number): number => {
        let b = perUser[user] as number;
        if (b < 0) {
            b = compute(space.ids[user] as string, str(space.rows[user]?.ProfileId));
            perUser[user] = b;
        }
        return b;
    };
    const bits = (userId: string): number => {
        const n = space.numberOf(userId);
        return n >= 0 ? bitsAt(n) : compute(userId, str(index.user(userId)?.ProfileId));
    };
    // Elevated users, found from the sets that give View All, Modify All or a system permission:
    // users of their profiles, their assignees, and the assignees of groups holding them.
    const candidates = new Set<string>();
    const elevatedProfiles = new Set<string>();
    for (const [setId, b] of setBits) {
        if (!(b & ELEVATED)) {
            continue;
        }
        const ps = index.byId(setId);
        if (ps?.table !== 'PermissionSet') {
            continue; // muting sets only take away, from their group
        }
        if (str(ps.row.ProfileId) && ps.row.IsOwnedByProfile !== false) {
            elevatedProfiles.add(str(ps.row.ProfileId));
        }
        index.rowsWhere('PermissionSetAssignment', 'PermissionSetId', setId).forEach((a) => candidates.add(str(a.AssigneeId)));
        const groups = new Set(index.rowsWhere('PermissionSetGroupComponent', 'PermissionSetId', setId).map((c) => str(c.PermissionSetGroupId)));
        if (str(ps.row.PermissionSetGroupId)) {
            groups.add(str(ps.row.PermissionSetGroupId));
        }
        for (const g of groups) {
            index.rowsWhere('PermissionSetAssignment', 'PermissionSetGroupId', g).forEach((a) => candidates.add(str(a.AssigneeId)));
        }
    }
    const elevated: string[] = [];
    for (let n = 0; n < space.size; n++) {
        const id = space.ids[n] as string;
        if ((elevatedProfiles.has(str(space.rows[n]?.ProfileId)) || candidates.has(id)) && bitsAt(n) & ELEVATED) {
            elevated.push(id);
        }
    }
    const known = index.hasTable('ObjectPermissions') && (index.hasTable('PermissionSetAssignment') || index.hasTable('PermissionSet'));
    return { object, known, bits, bitsAt, grants, elevated };
}

/** Plain labels of the sources giving a bit ("profile Standard User", "permission set Invoice Viewer"). */
export function sourcesGiving(index: SnapshotIndex, holders: PermissionHolders, userId: string, bit: number): string[] {
    const out: string[] = [];
    for (const g of holders.grants(userId)) {
        if (implied(g.bits) & bit) {
            const label = sourceLabel(index, g, userId);
            if (!out.includes(label)) {
                out.push(label);
            }
        }
    }
    return out;
}

export function sourceLabel(index: SnapshotIndex, grant: PermissionGrant, userId: string): string {
    if (grant.kind === 'profile') {
        return `profile ${labelOf(index.byId(str(index.user(userId)?.ProfileId))?.row, 'unknown')}`;
    }
    return `${grant.kind === 'permissionSetGroup' ? 'permission set group' : 'permission set'} ${labelOf(index.byId(grant.id)?.row, grant.id)}`;
}
