/**
 * A who-can-see snapshot split into pages, for an answer too large to hold or send at once (the
 * in-org background job writes one page per record of its results; the panel's
 * WhoCanSeeSource merges the per-page answers). Page 0 is the record side — every row that is
 * not one user's own (the record, its parents and children, share rows, groups and their
 * members, roles, territories, permission sets) — with the users the record names (owners,
 * user grantees, team members, group and queue members, managers: the other users' answers rest
 * on their rows), and the users a public default reaches, counted over the whole snapshot. Each further
 * page holds the record side, those named users, and a disjoint slice of the other users with
 * what their answers rest on (their User row, permission set assignments, territory
 * assignments, group memberships). Merged, the pages give the whole snapshot's answer: a named
 * user listed by several pages counts once (with the same access), and the public counts are
 * those of page 0 only.
 */
import { whoCanSee } from './whoCanSee';
import { normaliseId } from './ids';
import type { Row, Snapshot } from './types';

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

/**
 * Split `snapshot` (a who-can-see snapshot of `recordId`, or a whole-org one) into pages of at
 * most `usersPerPage` users besides the named ones. Pages are snapshots with
 * `meta.scope = { kind: 'records', recordIds: [recordId], page: { index, count } }`.
 */
export function whoCanSeePages(snapshot: Snapshot, recordId: string, usersPerPage: number): Snapshot[] {
    if (!Number.isInteger(usersPerPage) || usersPerPage < 1) {
        throw new Error(`usersPerPage must be a whole number of users, 1 or more; got ${usersPerPage}`);
    }
    const whole = whoCanSee(snapshot, recordId, { limit: 0 });
    const named = namedUsers(snapshot);
    const others = (snapshot.tables.User ?? []).map((u) => key(u.Id)).filter((id) => id && !named.has(id));
    const slices: Set<string>[] = [new Set()];
    for (let i = 0; i < others.length; i += usersPerPage) {
        slices.push(new Set(others.slice(i, i + usersPerPage)));
    }
    const scope = snapshot.meta.scope;
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
                    ...(scope ?? {}),
                    kind: 'records',
                    recordIds: [whole.recordId],
                    page: { index, count: slices.length, ...(index === 0 && whole.publicAccess ? { publicAccess: whole.publicAccess } : {}) }
                }
            },
            tables
        };
    });
}
