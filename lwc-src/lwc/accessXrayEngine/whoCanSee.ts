/**
 * `whoCanSee`: every user of the snapshot with at least Read on a record, with their
 * maximum access and grant paths, sorted by name. Uses the same evaluation as `explain`.
 * Users who cannot pass the object-permission gate (no Read, no Modify All Data) are
 * skipped before any sharing is evaluated.
 */
import { maxAccessLevelOf } from './accessLevels';
import { evaluateRecord, newState, requireRecord } from './engine';
import { toLoaded, type LoadedSnapshot } from './loadSnapshot';
import { objectPermissions, systemPermission } from './permissions';
import { labelOf } from './snapshotIndex';
import type { AccessLevel, GrantPath, Snapshot } from './types';

export interface WhoCanSeeEntry {
    userId: string;
    userName: string;
    maxAccessLevel: AccessLevel;
    paths: GrantPath[];
    uncertain: boolean;
}

export interface WhoCanSeeResult {
    recordId: string;
    total: number;
    users: WhoCanSeeEntry[];
}

export function whoCanSee(snapshot: Snapshot | LoadedSnapshot, recordId: string, opts: { limit?: number; offset?: number } = {}): WhoCanSeeResult {
    const { index } = toLoaded(snapshot);
    const record = requireRecord(index, recordId);
    const rid = String(record.row.Id);
    const object = index.objectOf(rid) ?? record.table;
    const entries: WhoCanSeeEntry[] = [];
    for (const user of index.rows('User')) {
        const uid = typeof user.Id === 'string' ? user.Id : '';
        if (!uid || user.IsActive === false) {
            continue;
        }
        if (object !== 'User') {
            const op = objectPermissions(index, uid, object);
            if (op.known && !op.flags.read && !systemPermission(index, uid, 'PermissionsModifyAllData').granted) {
                continue;
            }
        }
        const evaluation = evaluateRecord(newState(index), uid, rid);
        if (!evaluation.combined.access.read) {
            continue;
        }
        entries.push({
            userId: uid,
            userName: labelOf(user, uid),
            maxAccessLevel: maxAccessLevelOf(evaluation.combined.access),
            paths: evaluation.paths,
            uncertain: evaluation.uncertainties.length > 0
        });
    }
    entries.sort((a, b) => a.userName.localeCompare(b.userName) || a.userId.localeCompare(b.userId));
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = opts.limit === undefined ? entries.length : Math.max(0, opts.limit);
    return { recordId: rid, total: entries.length, users: entries.slice(offset, offset + limit) };
}
