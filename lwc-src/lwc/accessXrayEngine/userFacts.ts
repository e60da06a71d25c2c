/**
 * What decides a user's permissions, looked up once per user and kept per snapshot: their
 * profile and their active permission set (group) assignments, as permissions.ts reads them.
 * Users with the same profile and assignments have the same permissions, so a sweep computes
 * them once per combination (permissionHolders.ts).
 */
import type { SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';
import { userSpace } from './userSpace';

export interface Assignment {
    setId: string;
    groupId: string;
}

export interface UserFacts {
    profileId: string;
    /** Active permission set (group) assignments: not expired, not inactive, not revoked. */
    assigned: readonly Assignment[];
    /** Profile and assignments as one string: users with the same key have the same permissions. */
    permissionKey: string;
}

const NO_ASSIGNMENTS: readonly Assignment[] = Object.freeze([]);

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

/** The facts of the user with this number in the user space (an array, not a map: a sweep asks for every user). */
export function userFactsAt(index: SnapshotIndex, user: number): UserFacts {
    const space = userSpace(index);
    const cache = index.memo('userFacts', 'all', () => new Array<UserFacts | undefined>(space.size));
    let facts = cache[user];
    if (!facts) {
        facts = compute(index, space.ids[user] ?? '', space.rows[user]);
        cache[user] = facts;
    }
    return facts;
}

/** The facts of a user by id (computed without caching for an id that isn't a user of the snapshot). */
export function userFacts(index: SnapshotIndex, userId: string): UserFacts {
    const n = userSpace(index).numberOf(userId);
    return n >= 0 ? userFactsAt(index, n) : compute(index, userId, index.user(userId));
}

function compute(index: SnapshotIndex, userId: string, user: Row | undefined): UserFacts {
    const profileId = str(user?.ProfileId);
    const rows = user ? index.rowsWhere('PermissionSetAssignment', 'AssigneeId', userId) : [];
    if (!rows.length) {
        return { profileId, assigned: NO_ASSIGNMENTS, permissionKey: profileId };
    }
    const assigned: Assignment[] = [];
    for (const psa of rows) {
        if (isActiveAssignment(index, psa)) {
            assigned.push({ setId: str(psa.PermissionSetId), groupId: str(psa.PermissionSetGroupId) });
        }
    }
    if (!assigned.length) {
        return { profileId, assigned: NO_ASSIGNMENTS, permissionKey: profileId };
    }
    const parts = assigned.map((a) => `${a.groupId}:${a.setId}`);
    return { profileId, assigned, permissionKey: `${profileId}|${parts.length > 1 ? parts.sort().join(',') : parts[0]}` };
}
