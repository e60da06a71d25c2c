/**
 * What decides a user's permissions, looked up once per user and kept per snapshot: their
 * profile and their active permission set (group) assignments, as permissions.ts reads them.
 * Users with the same profile and assignments have the same permissions, so a sweep computes
 * them once per combination (permissionHolders.ts).
 */
import type { SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';

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
const caches = new WeakMap<SnapshotIndex, Map<string, UserFacts>>();

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** Ignored as permissions.ts ignores it: expired (ExpirationDate ≤ meta.collectedAt), inactive or revoked. */
export function isActiveAssignment(index: SnapshotIndex, psa: Row): boolean {
    const expiry = psa.ExpirationDate;
    if (typeof expiry === 'string' && !Number.isNaN(Date.parse(expiry)) && Date.parse(expiry) <= index.now) {
        return false;
    }
    return psa.IsActive !== false && psa.IsRevoked !== true;
}

export function userFacts(index: SnapshotIndex, userId: string): UserFacts {
    let cache = caches.get(index);
    if (!cache) {
        cache = new Map();
        caches.set(index, cache);
    }
    let facts = cache.get(userId);
    if (!facts) {
        facts = compute(index, userId);
        cache.set(userId, facts);
    }
    return facts;
}

function compute(index: SnapshotIndex, userId: string): UserFacts {
    const user = index.user(userId);
    const profileId = str(user?.ProfileId);
    const rows = user ? index.rowsWhere('PermissionSetAssignment', 'AssigneeId', userId) : [];
    const assigned = rows.length
        ? rows.filter((psa) => isActiveAssignment(index, psa)).map((psa) => ({ setId: str(psa.PermissionSetId), groupId: str(psa.PermissionSetGroupId) }))
        : NO_ASSIGNMENTS;
    const permissionKey = assigned.length ? `${profileId}|${assigned.map((a) => `${a.groupId}:${a.setId}`).sort().join(',')}` : profileId;
    return { profileId, assigned, permissionKey };
}
