/**
 * What a sweep over every user of the org asks about each user, looked up once and kept per
 * snapshot: their classification (userLicence.ts — the same object `SnapshotIndex.classification`
 * gives, shared by every user with the same user type and profile, since nothing else decides
 * it) and what decides their permissions (profile and active permission set assignments, as in
 * permissions.ts). One map lookup per user answers both.
 */
import type { SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';
import type { UserClassification } from './userLicence';

export interface Assignment {
    setId: string;
    groupId: string;
}

export interface UserFacts {
    classification: UserClassification;
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
        facts = compute(index, cache, userId);
        cache.set(userId, facts);
    }
    return facts;
}

function compute(index: SnapshotIndex, cache: Map<string, UserFacts>, userId: string): UserFacts {
    const user = index.user(userId);
    const profileId = str(user?.ProfileId);
    // Users of one type and profile share one classification (a nested Profile relationship is per user).
    let classification: UserClassification;
    if (!user || user.Profile !== undefined) {
        classification = index.classification(userId);
    } else {
        const key = `\u0000${str(user.UserType)}\u0000${profileId}`;
        classification = cache.get(key)?.classification ?? index.classification(userId);
        if (!cache.has(key)) {
            cache.set(key, { classification, profileId, assigned: NO_ASSIGNMENTS, permissionKey: profileId });
        }
    }
    const rows = user ? index.rowsWhere('PermissionSetAssignment', 'AssigneeId', userId) : [];
    const assigned = rows.length
        ? rows.filter((psa) => isActiveAssignment(index, psa)).map((psa) => ({ setId: str(psa.PermissionSetId), groupId: str(psa.PermissionSetGroupId) }))
        : NO_ASSIGNMENTS;
    const permissionKey = assigned.length ? `${profileId}|${assigned.map((a) => `${a.groupId}:${a.setId}`).sort().join(',')}` : profileId;
    return { classification, profileId, assigned, permissionKey };
}

export function classOf(index: SnapshotIndex, userId: string): UserClassification {
    return userFacts(index, userId).classification;
}
