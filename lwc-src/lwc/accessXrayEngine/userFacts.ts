/**
 * What decides a user's permissions besides their profile: their active permission set (group)
 * assignments, read as permissions.ts reads them.
 */
import type { SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';

export interface Assignment {
    setId: string;
    groupId: string;
}

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
