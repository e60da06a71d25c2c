/**
 * `whoCanSee`: every active user with at least Read on a record, with their maximum access and
 * the mechanism that gives it, paged; `whoCanSeePaths`: the full grant paths of one user.
 *
 * The answer is computed from the record's side (whoCanSeeAudience.ts): its grants (owner,
 * queue, share rows and their groups, teams, territories, implicit parents and children,
 * Experience Cloud, View All / Modify All and View All Data / Modify All Data holders) are
 * expanded down to users, then each user's object permissions, licence and restriction rules
 * gate them — the same rules `explain` applies one user at a time, so both give the same
 * answer (whoCanSeeProperties.test.ts checks it on generated orgs, the benchmark's synthetic org
 * and the demo org). Users whose only way in is a public org-wide default are counted per
 * profile and permission set (`publicAccess`), and listed only with `listPublic` — as the
 * platform's own Sharing Hierarchy leaves them out.
 */
import { evaluateRecord, newState, requireRecord, requireUser } from './engine';
import { ExplainError } from './errors';
import { toLoaded, type LoadedSnapshot } from './loadSnapshot';
import { requireWhoCanSeeScope } from './scope';
import type { SnapshotIndex } from './snapshotIndex';
import type { GrantPath, Snapshot, WhoCanSeeOptions, WhoCanSeeResult } from './types';
import { LAYER_IDS } from './types';
import { audienceOf, newSweep } from './whoCanSeeAudience';
import { collectRows, entryOf, pageOf } from './whoCanSeeAnswer';

export type { WhoCanSeeCountedUser, WhoCanSeeEntry, WhoCanSeeResult, WhoCanSeeOptions, WhoCanSeePublicAccess } from './types';

function checkOptions(opts: WhoCanSeeOptions): void {
    for (const key of ['offset', 'limit'] as const) {
        const v = opts[key];
        if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
            throw new ExplainError('badRequest', `${key} must be a whole number of users, 0 or more; got ${JSON.stringify(v)}`);
        }
    }
    if (opts.sort !== undefined && opts.sort !== 'name' && opts.sort !== 'access') {
        throw new ExplainError('badRequest', `sort must be "name" or "access"; got ${JSON.stringify(opts.sort)}`);
    }
    if (opts.mechanism !== undefined && !LAYER_IDS.includes(opts.mechanism)) {
        throw new ExplainError('badRequest', `mechanism must be one of ${LAYER_IDS.join(', ')}; got ${JSON.stringify(opts.mechanism)}`);
    }
}

export function whoCanSee(snapshot: Snapshot | LoadedSnapshot, recordId: string, options: WhoCanSeeOptions = {}): WhoCanSeeResult {
    checkOptions(options);
    const { index } = toLoaded(snapshot);
    const record = requireRecord(index, recordId);
    const rid = String(record.row.Id);
    requireWhoCanSeeScope(index, rid);
    const state = newState(index);
    const audience = audienceOf(newSweep(index, state), rid, 'all');
    const parts = collectRows(audience, options.listPublic === true);
    const offset = options.offset ?? 0;
    const page = pageOf(parts.rows, { ...options, offset, sort: options.sort ?? 'name' });
    const users = page.rows.map((row) => entryOf(audience, row, options.withPaths ? pathsOf(index, row.userId, rid) : []));
    const result: WhoCanSeeResult = {
        recordId: rid,
        objectApiName: audience.object,
        recordName: audience.facts.recordName,
        total: page.total,
        totalsByMechanism: page.totalsByMechanism,
        totalsByAccess: page.totalsByAccess,
        offset,
        limit: options.limit ?? page.total,
        users,
        uncertain: parts.uncertainties.length > 0,
        uncertainties: parts.uncertainties
    };
    if (parts.publicAccess.length) {
        result.publicAccess = parts.publicAccess;
    }
    if (parts.publicOverlap) {
        result.publicOverlap = parts.publicOverlap;
    }
    return result;
}

/**
 * Every grant path of one user to the record, as `explain` finds them: each capped by what the
 * user's object permissions, licence and restriction rules let through (a path that would give
 * Full Access to a user whose object permission stops at Read shows Read and says why).
 */
export function whoCanSeePaths(snapshot: Snapshot | LoadedSnapshot, recordId: string, userId: string): GrantPath[] {
    const { index } = toLoaded(snapshot);
    const record = requireRecord(index, recordId);
    requireUser(index, userId);
    const rid = String(record.row.Id);
    requireWhoCanSeeScope(index, rid);
    const user = index.user(userId);
    return pathsOf(index, String(user?.Id), rid);
}

/** The explanation's own paths: capped by the gates in `evaluateRecord` (paths.ts `capPath`), so both say the same. */
function pathsOf(index: SnapshotIndex, userId: string, recordId: string): GrantPath[] {
    return evaluateRecord(newState(index), userId, recordId, 0, false).paths;
}
