/**
 * What decides a user's permissions: their profile and their active permission set (group)
 * assignments, as permissions.ts reads them. Users with the same profile and assignments have
 * the same permissions, so a sweep works permissions out once per combination
 * (permissionHolders.ts) and only needs each user's combination key, kept by user number.
 * A sweep that asks about many users reads every assignment once instead of looking each user up.
 */
import type { SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';
import { userSpace } from './userSpace';

export interface Assignment {
    setId: string;
    groupId: string;
}

/** Users looked up one by one before every assignment is read in one pass. */
const ONE_BY_ONE = 2000;

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** Ignored as permissions.ts ignores it: expired (ExpirationDate ≤ meta.collectedAt), inactive or revoked. */
export function isActiveAssignment(index: SnapshotIndex, psa: Row): boolean {
    const expiry = psa.ExpirationDate;
    if (typeof expiry === 'string' && expiry !== '') {
        const at = Date.parse(expiry);
        if (!Number.isNaN(at) && at <= index.now) {
            return false;
        }
    }
    return psa.IsActive !== false && psa.IsRevoked !== true;
}

/** A user's active assignments (read when needed: for one combination, or for a page of users). */
export function assignmentsOf(index: SnapshotIndex, userId: string): Assignment[] {
    const out: Assignment[] = [];
    for (const psa of index.rowsWhere('PermissionSetAssignment', 'AssigneeId', userId)) {
        if (isActiveAssignment(index, psa)) {
            out.push({ setId: str(psa.PermissionSetId), groupId: str(psa.PermissionSetGroupId) });
        }
    }
    return out;
}

function keyOf(profileId: string, parts: string[] | undefined): string {
    return parts?.length ? `${profileId}|${parts.length > 1 ? parts.sort().join(',') : parts[0]}` : profileId;
}

interface Keys {
    keys: (string | undefined)[];
    oneByOne: number;
}

/** The permission combination of the user with this number: profile id, then its assignments. */
export function permissionKeyAt(index: SnapshotIndex, user: number): string {
    const space = userSpace(index);
    const state = index.memo('userFacts.keys', 'all', (): Keys => ({ keys: new Array<string | undefined>(space.size), oneByOne: 0 }));
    let key = state.keys[user];
    if (key !== undefined) {
        return key;
    }
    if (++state.oneByOne > ONE_BY_ONE) {
        // Many users asked: read every assignment once.
        const parts = new Map<number, string[]>();
        for (const psa of index.rows('PermissionSetAssignment')) {
            const n = space.numberOf(str(psa.AssigneeId));
            if (n < 0 || !isActiveAssignment(index, psa)) {
                continue;
            }
            const list = parts.get(n);
            const part = `${str(psa.PermissionSetGroupId)}:${str(psa.PermissionSetId)}`;
            if (list) {
                list.push(part);
            } else {
                parts.set(n, [part]);
            }
        }
        for (let n = 0; n < space.size; n++) {
            state.keys[n] ??= keyOf(str(space.rows[n]?.ProfileId), parts.get(n));
        }
        return state.keys[user] as string;
    }
    key = keyOf(
        str(space.rows[user]?.ProfileId),
        assignmentsOf(index, space.ids[user] as string).map((a) => `${a.groupId}:${a.setId}`)
    );
    state.keys[user] = key;
    return key;
}
