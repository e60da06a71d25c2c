/**
 * A user's effective permissions: profile + permission sets + permission set groups minus
 * muting, skipping expired / inactive / revoked assignments.
 * Sources: Object Reference PermissionSetAssignment (ExpirationDate, IsActive, IsRevoked,
 * PermissionSetGroupId), PermissionSet (IsOwnedByProfile, ProfileId, PermissionSetGroupId),
 * PermissionSetGroupComponent, Metadata MutingPermissionSet ("enabled settings are turned off
 * for the group") — api-vocabulary.md §7; access-semantics.md §1 and §10.
 */
import type { SnapshotIndex } from './snapshotIndex';
import { labelOf } from './snapshotIndex';
import type { Row } from './types';

/** Where a user's permissions come from: the profile, one permission set, or one group. */
export interface PermissionSource {
    kind: 'profile' | 'permissionSet' | 'permissionSetGroup';
    /** Id of the profile's permission set, the permission set, or the permission set group. */
    id: string;
    label: string;
    /** Permission sets whose permissions this source contributes. */
    permissionSetIds: string[];
    /** Muting permission sets of a group: their enabled permissions are removed from the group. */
    mutingIds: string[];
    evidence: string[];
}

/** An assignment that gives nothing today (expired, inactive, revoked), and what it would give. */
export interface IgnoredAssignment {
    assignmentId: string;
    /** "permission set Invoice Editor" / "permission set group Sales Ops". */
    what: string;
    /** "expired on 2026-01-01", "is inactive (IsActive = false)", "was revoked by a user access policy (IsRevoked = true)". */
    why: string;
    /** The permission sets whose permissions it would contribute. */
    permissionSetIds: string[];
}

export interface UserPermissions {
    sources: PermissionSource[];
    /** Assignments ignored, with the reason ("expired on …"). */
    ignored: string[];
    ignoredAssignments: IgnoredAssignment[];
    uncertainties: string[];
    /** Profile id and every granting permission set id (for record type visibility lookups). */
    parentIds: Set<string>;
}

export type ObjectFlag = 'read' | 'create' | 'edit' | 'delete' | 'viewAll' | 'modifyAll';

const OBJECT_FIELDS: Record<ObjectFlag, string> = {
    read: 'PermissionsRead',
    create: 'PermissionsCreate',
    edit: 'PermissionsEdit',
    delete: 'PermissionsDelete',
    viewAll: 'PermissionsViewAllRecords',
    modifyAll: 'PermissionsModifyAllRecords'
};

export const OBJECT_FLAG_LABEL: Record<ObjectFlag, string> = {
    read: 'Read',
    create: 'Create',
    edit: 'Edit',
    delete: 'Delete',
    viewAll: 'View All',
    modifyAll: 'Modify All'
};

export interface ObjectPermissionResult {
    flags: Record<ObjectFlag, boolean>;
    /** Source labels granting each flag. */
    via: Record<ObjectFlag, string[]>;
    /** Flags a group would give but a muting set removes, with the muting set's label. */
    muted: string[];
    /** The same, as data: which flag, which group, which muting permission set. */
    mutedFlags: { flag: ObjectFlag; groupId: string; groupLabel: string; mutingId: string }[];
    evidence: string[];
    /** False when ObjectPermissions / assignments were not collected. */
    known: boolean;
    uncertainties: string[];
}

const cache = new WeakMap<SnapshotIndex, Map<string, UserPermissions>>();

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

export function userPermissions(index: SnapshotIndex, userId: string): UserPermissions {
    let perUser = cache.get(index);
    if (!perUser) {
        perUser = new Map();
        cache.set(index, perUser);
    }
    const hit = perUser.get(userId);
    if (hit) {
        return hit;
    }
    const user = index.user(userId);
    const sources: PermissionSource[] = [];
    const ignored: string[] = [];
    const ignoredAssignments: IgnoredAssignment[] = [];
    const uncertainties: string[] = [];
    const seenSets = new Set<string>();
    const parentIds = new Set<string>();
    const profileId = str(user?.ProfileId);
    const profile = profileId ? index.byId(profileId)?.row : undefined;
    if (profileId) {
        parentIds.add(profileId);
    }
    const profileLabel = `profile ${labelOf(profile, profileId || 'unknown')}`;
    for (const ps of index.rowsWhere('PermissionSet', 'ProfileId', profileId)) {
        const id = str(ps.Id);
        if (id && ps.IsOwnedByProfile !== false && !seenSets.has(id)) {
            seenSets.add(id);
            parentIds.add(id);
            sources.push({ kind: 'profile', id, label: profileLabel, permissionSetIds: [id], mutingIds: [], evidence: [`PermissionSet:${id}`] });
        }
    }
    for (const psa of index.rowsWhere('PermissionSetAssignment', 'AssigneeId', userId)) {
        const assignmentId = str(psa.Id);
        const groupId = str(psa.PermissionSetGroupId);
        const setId = str(psa.PermissionSetId);
        const what = groupId ? `permission set group ${index.name(groupId)}` : `permission set ${index.name(setId)}`;
        const expiry = psa.ExpirationDate;
        const why =
            typeof expiry === 'string' && !Number.isNaN(Date.parse(expiry)) && Date.parse(expiry) <= index.now
                ? `expired on ${expiry.slice(0, 10)}`
                : psa.IsActive === false
                  ? 'is inactive'
                  : psa.IsRevoked === true
                    ? 'was revoked by a user access policy'
                    : null;
        if (why) {
            ignored.push(`${what}: assignment ${why}`);
            const ids = groupId ? [...index.rowsWhere('PermissionSetGroupComponent', 'PermissionSetGroupId', groupId).map((c) => str(c.PermissionSetId)), ...index.rowsWhere('PermissionSet', 'PermissionSetGroupId', groupId).map((p) => str(p.Id))] : [setId];
            ignoredAssignments.push({ assignmentId, what, why, permissionSetIds: ids.filter((x) => x && index.byId(x)?.table === 'PermissionSet') });
            continue;
        }
        const evidence = assignmentId ? [`PermissionSetAssignment:${assignmentId}`] : [];
        if (groupId) {
            if (seenSets.has(groupId)) {
                continue;
            }
            seenSets.add(groupId);
            const group = index.byId(groupId)?.row;
            const status = str(group?.Status);
            if (status === 'Failed' || status === 'Outdated' || status === 'Updating') {
                uncertainties.push(`permission set group ${labelOf(group, groupId)} has Status ${status}: its aggregate permissions may not match its components`);
            }
            const components = index.rowsWhere('PermissionSetGroupComponent', 'PermissionSetGroupId', groupId);
            const setIds: string[] = [];
            const mutingIds: string[] = [];
            for (const c of components) {
                const cid = str(c.PermissionSetId);
                const table = index.byId(cid)?.table;
                if (table === 'MutingPermissionSet') {
                    mutingIds.push(cid);
                } else if (cid) {
                    setIds.push(cid);
                }
                evidence.push(`PermissionSetGroupComponent:${str(c.Id) || cid}`);
            }
            if (!components.length) {
                // No components collected: use the group's aggregate permission set when present.
                for (const agg of index.rowsWhere('PermissionSet', 'PermissionSetGroupId', groupId)) {
                    setIds.push(str(agg.Id));
                }
                if (!setIds.length && setId) {
                    setIds.push(setId);
                }
                if (!setIds.length) {
                    uncertainties.push(`permission set group ${labelOf(group, groupId)}: neither its components nor its aggregate permission set were collected`);
                }
            }
            setIds.forEach((s) => parentIds.add(s));
            parentIds.add(groupId);
            sources.push({ kind: 'permissionSetGroup', id: groupId, label: `permission set group ${labelOf(group, groupId)}`, permissionSetIds: setIds, mutingIds, evidence });
        } else if (setId) {
            if (seenSets.has(setId)) {
                continue;
            }
            seenSets.add(setId);
            parentIds.add(setId);
            const ps = index.byId(setId)?.row;
            const isProfile = ps?.IsOwnedByProfile === true;
            sources.push({
                kind: isProfile ? 'profile' : 'permissionSet',
                id: setId,
                label: isProfile ? profileLabel : `permission set ${labelOf(ps, setId)}`,
                permissionSetIds: [setId],
                mutingIds: [],
                evidence
            });
        }
    }
    const result: UserPermissions = { sources, ignored, ignoredAssignments, uncertainties, parentIds };
    perUser.set(userId, result);
    return result;
}

function objectRows(index: SnapshotIndex, parentId: string, object: string): Row[] {
    return index.rowsWhere('ObjectPermissions', 'ParentId', parentId).filter((r) => str(r.SobjectType) === object);
}

/** A boolean system permission (e.g. `PermissionsViewAllData`) and which sources give it. */
export function systemPermission(index: SnapshotIndex, userId: string, field: string): { granted: boolean; via: PermissionSource[]; muted: string[] } {
    const perms = userPermissions(index, userId);
    const via: PermissionSource[] = [];
    const muted: string[] = [];
    for (const source of perms.sources) {
        const gives = source.permissionSetIds.some((id) => index.byId(id)?.row[field] === true);
        if (!gives) {
            continue;
        }
        const muter = source.mutingIds.find((id) => index.byId(id)?.row[field] === true);
        if (muter) {
            muted.push(`${source.label} (muted by ${index.name(muter)})`);
            continue;
        }
        via.push(source);
    }
    return { granted: via.length > 0, via, muted };
}

/** The object-permission flags one permission set grants on an object (with Modify All / View All implications). */
export function permissionSetFlags(index: SnapshotIndex, permissionSetId: string, object: string): Record<ObjectFlag, boolean> {
    const flags: Record<ObjectFlag, boolean> = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };
    for (const row of objectRows(index, permissionSetId, object)) {
        for (const f of Object.keys(OBJECT_FIELDS) as ObjectFlag[]) {
            if (row[OBJECT_FIELDS[f]] === true) {
                flags[f] = true;
            }
        }
    }
    if (index.byId(permissionSetId)?.row.PermissionsModifyAllData === true) {
        for (const f of Object.keys(flags) as ObjectFlag[]) {
            flags[f] = true;
        }
    }
    if (flags.modifyAll) {
        flags.viewAll = flags.read = flags.edit = flags.delete = true;
    }
    if (flags.viewAll) {
        flags.read = true;
    }
    return flags;
}

/** Effective object permissions of a user on an object. Modify All Data implies all of them. */
export function objectPermissions(index: SnapshotIndex, userId: string, object: string): ObjectPermissionResult {
    const perms = userPermissions(index, userId);
    const flags: Record<ObjectFlag, boolean> = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };
    const via: Record<ObjectFlag, string[]> = { read: [], create: [], edit: [], delete: [], viewAll: [], modifyAll: [] };
    const muted: string[] = [];
    const mutedFlags: ObjectPermissionResult['mutedFlags'] = [];
    const evidence: string[] = [];
    const uncertainties = [...perms.uncertainties];
    const known = index.hasTable('ObjectPermissions') && (index.hasTable('PermissionSetAssignment') || index.hasTable('PermissionSet'));
    if (!known) {
        const why = index.unavailable('ObjectPermissions') ?? 'ObjectPermissions or PermissionSetAssignment rows were not collected';
        uncertainties.push(`object permissions unknown: ${why}`);
    }
    for (const source of perms.sources) {
        const mutedBy = new Map<ObjectFlag, string>();
        for (const m of source.mutingIds) {
            for (const row of objectRows(index, m, object)) {
                for (const f of Object.keys(OBJECT_FIELDS) as ObjectFlag[]) {
                    if (row[OBJECT_FIELDS[f]] === true && !mutedBy.has(f)) {
                        mutedBy.set(f, m);
                    }
                }
            }
        }
        for (const psId of source.permissionSetIds) {
            for (const row of objectRows(index, psId, object)) {
                evidence.push(`ObjectPermissions:${str(row.Id) || `${psId}.${object}`}`);
                for (const f of Object.keys(OBJECT_FIELDS) as ObjectFlag[]) {
                    if (row[OBJECT_FIELDS[f]] !== true) {
                        continue;
                    }
                    const muter = mutedBy.get(f);
                    if (muter) {
                        muted.push(`${OBJECT_FLAG_LABEL[f]} from ${source.label} is muted`);
                        if (!mutedFlags.some((x) => x.flag === f && x.groupId === source.id)) {
                            mutedFlags.push({ flag: f, groupId: source.id, groupLabel: source.label, mutingId: muter });
                        }
                        continue;
                    }
                    flags[f] = true;
                    if (!via[f].includes(source.label)) {
                        via[f].push(source.label);
                    }
                }
            }
        }
    }
    const mad = systemPermission(index, userId, 'PermissionsModifyAllData');
    if (mad.granted) {
        for (const f of Object.keys(OBJECT_FIELDS) as ObjectFlag[]) {
            flags[f] = true;
            const label = `Modify All Data (${mad.via.map((s) => s.label).join(', ')})`;
            if (!via[f].includes(label)) {
                via[f].push(label);
            }
        }
    }
    // Modify All implies View All, Read, Edit, Delete; View All implies Read; Edit/Delete imply Read.
    if (flags.modifyAll) {
        for (const f of ['viewAll', 'read', 'edit', 'delete'] as ObjectFlag[]) {
            if (!flags[f]) {
                flags[f] = true;
                via[f].push('implied by Modify All');
            }
        }
    }
    if (flags.viewAll && !flags.read) {
        flags.read = true;
        via.read.push('implied by View All');
    }
    return { flags, via, muted, mutedFlags, evidence, known, uncertainties };
}

/** Field permissions of a user: readable / editable and by which sources. */
export function fieldPermission(
    index: SnapshotIndex,
    userId: string,
    object: string,
    field: string
): { readable: boolean; editable: boolean; readVia: string[]; editVia: string[] } {
    const perms = userPermissions(index, userId);
    const qualified = `${object}.${field}`;
    const readVia: string[] = [];
    const editVia: string[] = [];
    for (const source of perms.sources) {
        const mutedRead = source.mutingIds.some((m) =>
            index.rowsWhere('FieldPermissions', 'ParentId', m).some((r) => r.Field === qualified && r.PermissionsRead === true)
        );
        const mutedEdit = source.mutingIds.some((m) =>
            index.rowsWhere('FieldPermissions', 'ParentId', m).some((r) => r.Field === qualified && r.PermissionsEdit === true)
        );
        for (const psId of source.permissionSetIds) {
            for (const r of index.rowsWhere('FieldPermissions', 'ParentId', psId)) {
                if (r.Field !== qualified) {
                    continue;
                }
                if ((r.PermissionsRead === true || r.PermissionsEdit === true) && !mutedRead && !readVia.includes(source.label)) {
                    readVia.push(source.label);
                }
                if (r.PermissionsEdit === true && !mutedEdit && !editVia.includes(source.label)) {
                    editVia.push(source.label);
                }
            }
        }
    }
    return { readable: readVia.length > 0, editable: editVia.length > 0, readVia, editVia };
}
