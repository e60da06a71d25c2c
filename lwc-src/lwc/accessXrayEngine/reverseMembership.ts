/**
 * Group membership run backwards: from a group (a share's grantee, a queue, a share group) down
 * to the users in it. `SnapshotIndex.groupsOf` walks upwards from one user; who-can-see needs
 * the other direction, and must get exactly the same answer, so every rule below is the inverse
 * of one rule of `groupsOf` (access-semantics.md §4–5; Object Reference "Group"):
 * - GroupMember rows: direct members, and groups nested in the group (walked to any depth;
 *   each group is visited once, so a nesting cycle ends the walk instead of cutting it short);
 * - Role: users holding the role; RoleAndSubordinates: users holding the role or one below it;
 *   RoleAndSubordinatesInternal: the same without users whose role is a portal role — only for
 *   users who can have a role (userLicence.ts);
 * - Territory: users with an active assignment to the (active) territory; TerritoryAndSubordinates:
 *   to the territory or one below it;
 * - Organization: internal users (not the Automated Process user); PRMOrganization: partner
 *   users; AllCustomerPortal: Customer Community Plus / Customer Portal users;
 * - ManagerAndSubordinatesInternal(X): X and everyone who reports to X; Manager(U): U's managers.
 * Results are memoised in the index (`memo`), one set per group.
 */
import { normaliseId } from './ids';
import { isPortalRole, type SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';
import { classOf } from './userFacts';

const EMPTY: ReadonlySet<string> = new Set<string>();

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** Users of the User table whose `groupsOf` holds this group (directly, derived or nested). */
export function usersOfGroup(index: SnapshotIndex, groupId: string): ReadonlySet<string> {
    const gid = normaliseId(groupId) ?? groupId;
    return index.memo('reverseMembership.group', gid, () => {
        if (!index.byId(gid)) {
            return EMPTY;
        }
        const out = new Set<string>();
        const groups = [gid];
        const seen = new Set(groups);
        for (let i = 0; i < groups.length; i++) {
            const g = groups[i] as string;
            for (const gm of index.rowsWhere('GroupMember', 'GroupId', g)) {
                const member = str(gm.UserOrGroupId);
                const hit = index.byId(member);
                if (!hit) {
                    continue;
                }
                if (hit.table === 'User') {
                    out.add(member);
                } else if (!seen.has(member)) {
                    seen.add(member);
                    groups.push(member);
                }
            }
            for (const u of derivedUsers(index, g)) {
                out.add(u);
            }
        }
        return out;
    });
}

/** The users a user, group or other grantee id stands for: the user itself, or the group's users. */
export function usersOfGrantee(index: SnapshotIndex, granteeId: string): ReadonlySet<string> {
    return index.byId(granteeId)?.table === 'User' ? new Set([granteeId]) : usersOfGroup(index, granteeId);
}

/** Users a Group row derives from its type (role, territory, org-wide and manager groups), not nesting. */
function derivedUsers(index: SnapshotIndex, groupId: string): ReadonlySet<string> {
    return index.memo('reverseMembership.derived', groupId, () => {
        const hit = index.byId(groupId);
        if (hit?.table !== 'Group') {
            return EMPTY;
        }
        const group = hit.row;
        const related = normaliseId(group.RelatedId);
        const out = new Set<string>();
        const addRows = (rows: readonly Row[], keep: (u: Row) => boolean): void => {
            for (const u of rows) {
                const id = str(u.Id);
                if (id && keep(u)) {
                    out.add(id);
                }
            }
        };
        const canHaveRole = (u: Row): boolean => classOf(index, str(u.Id)).canHaveRole;
        switch (str(group.Type)) {
            case 'Role':
                if (related) {
                    addRows(index.usersInRole(related), canHaveRole);
                }
                break;
            case 'RoleAndSubordinates':
            case 'RoleAndSubordinatesInternal': {
                if (!related) {
                    break;
                }
                const internalOnly = str(group.Type) === 'RoleAndSubordinatesInternal';
                for (const r of [related, ...index.roleSubordinates(related)]) {
                    if (internalOnly && isPortalRole(index.byId(r)?.row)) {
                        continue;
                    }
                    addRows(index.usersInRole(r), canHaveRole);
                }
                break;
            }
            case 'Territory':
            case 'TerritoryAndSubordinates':
                if (related) {
                    const territories = str(group.Type) === 'Territory' ? [related] : [related, ...territoryDescendants(index, related)];
                    for (const t of territories) {
                        if (!index.isActiveTerritory(t)) {
                            continue;
                        }
                        for (const a of index.rowsWhere('UserTerritory2Association', 'Territory2Id', t)) {
                            const user = str(a.UserId);
                            if (a.IsActive !== false && index.user(user)) {
                                out.add(user);
                            }
                        }
                    }
                }
                break;
            case 'Organization':
            case 'PRMOrganization':
            case 'AllCustomerPortal': {
                const type = str(group.Type);
                addRows(index.rows('User'), (u) => {
                    const c = classOf(index, str(u.Id));
                    return type === 'Organization' ? !c.external && c.kind !== 'automated' : type === 'PRMOrganization' ? c.kind === 'partnerCommunity' : c.kind === 'customerCommunityPlus';
                });
                break;
            }
            case 'ManagerAndSubordinatesInternal':
                if (related) {
                    if (index.user(related)) {
                        out.add(related);
                    }
                    for (const r of index.reportsOf(related)) {
                        out.add(r);
                    }
                }
                break;
            case 'Manager':
                if (related) {
                    for (const m of index.managerChain(related)) {
                        if (index.user(m)) {
                            out.add(m);
                        }
                    }
                }
                break;
            default:
                break;
        }
        return out;
    });
}

/** Territory ids strictly below a territory, following ParentTerritory2Id (children map built once). */
export function territoryDescendants(index: SnapshotIndex, territoryId: string): string[] {
    const children = index.memo('reverseMembership.territoryChildren', 'all', () => {
        const map = new Map<string, string[]>();
        for (const t of index.rows('Territory2')) {
            const id = normaliseId(t.Id);
            const parent = normaliseId(t.ParentTerritory2Id);
            if (id && parent) {
                const list = map.get(parent);
                if (list) {
                    list.push(id);
                } else {
                    map.set(parent, [id]);
                }
            }
        }
        return map;
    });
    const out: string[] = [];
    const seen = new Set([territoryId]);
    const queue = [territoryId];
    while (queue.length) {
        const t = queue.shift() as string;
        for (const c of children.get(t) ?? []) {
            if (!seen.has(c)) {
                seen.add(c);
                out.push(c);
                queue.push(c);
            }
        }
    }
    return out;
}

/** Users holding a role strictly above `roleId` (the roles `roleAncestors` names), memoised per role. */
export function usersAboveRole(index: SnapshotIndex, roleId: string): ReadonlySet<string> {
    const rid = normaliseId(roleId) ?? roleId;
    return index.memo('reverseMembership.above', rid, () => usersInRoles(index, index.roleAncestors(rid)));
}

/**
 * Users holding a role strictly above the role of some member of a group (`membersOf`, as the
 * role hierarchy layer reads a group's members), memoised per group: who inherits a share to a
 * public group or queue that includes bosses.
 */
export function usersAboveMembers(index: SnapshotIndex, groupId: string): ReadonlySet<string> {
    const gid = normaliseId(groupId) ?? groupId;
    return index.memo('reverseMembership.aboveMembers', gid, () => {
        const roles = new Set<string>();
        for (const m of index.membersOf(gid)) {
            const role = str(index.user(m)?.UserRoleId);
            if (role && !roles.has(role)) {
                roles.add(role);
            }
        }
        const above = new Set<string>();
        for (const r of roles) {
            for (const a of index.roleAncestors(r)) {
                above.add(a);
            }
        }
        return usersInRoles(index, above);
    });
}

function usersInRoles(index: SnapshotIndex, roles: Iterable<string>): ReadonlySet<string> {
    const out = new Set<string>();
    for (const r of roles) {
        for (const u of index.usersInRole(r)) {
            const id = str(u.Id);
            if (id) {
                out.add(id);
            }
        }
    }
    return out;
}
