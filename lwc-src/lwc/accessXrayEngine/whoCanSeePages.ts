/**
 * A who-can-see snapshot split into pages as the in-org background job writes them (one page per
 * record of its results; the panel's WhoCanSeeSource merges the per-page answers). Page 0 is
 * the record side — every row that is not one user's own (the record, its parents and children,
 * share rows, groups and their members, roles, territories, permission sets) — with the users
 * the record names (owners, user grantees, team members, group and queue members, managers: the
 * other users' answers rest on their rows), and the users a public default reaches, counted over
 * the whole snapshot (`meta.scope.publicCounts`: the snapshot's own on a whoCanSee/1 snapshot,
 * else what the plan's aggregate queries would count, whoCanSeePublicCounts.ts `publicCountsOf`).
 * Each further page holds the record side, those named users, and a disjoint slice of the other
 * users with what their answers rest on (their User row, permission set assignments, territory
 * assignments, group memberships), and no counts. Merged, the pages give the whole snapshot's
 * answer: a named user listed by several pages counts once (with the same access), and the
 * users a page holds whom page 0's counts include (each page's `publicOverlap`) are taken out of
 * those counts once per user — page 0 has taken out its own.
 */
import { newState, requireRecord } from './engine';
import { normaliseId } from './ids';
import { toLoaded } from './loadSnapshot';
import type { PublicAccessCounts, Row, Snapshot } from './types';
import { audienceOf, newSweep } from './whoCanSeeAudience';
import { SIDES } from './whoCanSeeFacts';
import { publicCountsOf } from './whoCanSeePublicCounts';

/** Rows that belong to one user: the table and the column naming the user. */
const USER_ROWS: Readonly<Record<string, string>> = {
    User: 'Id',
    PermissionSetAssignment: 'AssigneeId',
    UserTerritory2Association: 'UserId',
    UserRecordAccess: 'UserId'
};

function key(v: unknown): string {
    return normaliseId(v)?.slice(0, 15) ?? '';
}

/** Users the record side names: their rows anchor other users' answers (bosses above them, members of groups). */
function namedUsers(snapshot: Snapshot): Set<string> {
    const named = new Set<string>();
    const add = (v: unknown): void => {
        const k = key(v);
        if (k.startsWith('005')) {
            named.add(k);
        }
    };
    // Managers anchor manager groups (a Manager group holds its user's managers; a manager-and-subordinates group, the reports below).
    for (const user of snapshot.tables.User ?? []) {
        add(user.ManagerId);
    }
    for (const [table, rows] of Object.entries(snapshot.tables)) {
        if (table in USER_ROWS) {
            continue;
        }
        for (const row of rows) {
            add(row.OwnerId);
            add(row.UserOrGroupId);
            add(row.UserId);
            add(row.MemberId);
            if (table === 'Group') {
                add(row.RelatedId);
            }
        }
    }
    return named;
}

/** The user a row belongs to, or '' for a record-side row. */
function ownerOf(table: string, row: Row): string {
    const column = USER_ROWS[table];
    if (column) {
        return key(row[column]);
    }
    if (table === 'GroupMember') {
        const member = key(row.UserOrGroupId);
        return member.startsWith('005') ? member : '';
    }
    return '';
}

/** What page 0 counts through a public default: the snapshot's aggregates, or the same counted from its rows. */
function countsOf(snapshot: Snapshot, recordId: string): { recordId: string; publicCounts?: PublicAccessCounts } {
    const { index } = toLoaded(snapshot);
    const rid = String(requireRecord(index, recordId).row.Id);
    const scope = snapshot.meta.scope;
    if (scope?.kind === 'records') {
        return { recordId: rid, ...(scope.publicCounts ? { publicCounts: scope.publicCounts } : {}) };
    }
    const audience = audienceOf(newSweep(index, newState(index)), rid, 'all');
    const sides = SIDES.filter((s) => audience.defaultOf(s));
    return { recordId: rid, ...(sides.length ? { publicCounts: publicCountsOf(audience, sides) } : {}) };
}

/**
 * Split `snapshot` (a who-can-see snapshot of `recordId`, or a whole-org one) into pages of at
 * most `usersPerPage` users besides the named ones. Pages are snapshots with
 * `meta.scope = { kind: 'records', recordIds: [recordId], page: { index, count } }`, page 0's
 * with the public-default counts (`publicCounts`).
 */
export function whoCanSeePages(snapshot: Snapshot, recordId: string, usersPerPage: number): Snapshot[] {
    if (!Number.isInteger(usersPerPage) || usersPerPage < 1) {
        throw new Error(`usersPerPage must be a whole number of users, 1 or more; got ${usersPerPage}`);
    }
    const counted = countsOf(snapshot, recordId);
    const named = namedUsers(snapshot);
    const others = (snapshot.tables.User ?? []).map((u) => key(u.Id)).filter((id) => id && !named.has(id));
    const slices: Set<string>[] = [new Set()];
    for (let i = 0; i < others.length; i += usersPerPage) {
        slices.push(new Set(others.slice(i, i + usersPerPage)));
    }
    // Only page 0 carries the counts.
    const scope = { ...(snapshot.meta.scope ?? { kind: 'records' as const }) };
    delete scope.publicCounts;
    return slices.map((slice, index) => {
        const tables: Record<string, Row[]> = {};
        for (const [table, rows] of Object.entries(snapshot.tables)) {
            tables[table] = rows.filter((row) => {
                const owner = ownerOf(table, row);
                return !owner || named.has(owner) || slice.has(owner);
            });
        }
        return {
            ...snapshot,
            meta: {
                ...snapshot.meta,
                scope: {
                    ...scope,
                    kind: 'records',
                    recordIds: [counted.recordId],
                    ...(index === 0 && counted.publicCounts ? { publicCounts: counted.publicCounts } : {}),
                    page: { index, count: slices.length }
                }
            },
            tables
        };
    });
}
