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
 * Sets are bitmaps over the snapshot's users (userSpace.ts), memoised in the index per group.
 */
import { normaliseId } from './ids';
import { isPortalRole, type SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';
import { ALL_CUSTOMER_PORTAL, ALL_INTERNAL, ALL_PARTNERS, HIERARCHY, userSpace, type UserSet, type UserSpace } from './userSpace';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** Users of the User table whose `groupsOf` holds this group (directly, derived or nested). */
export function usersOfGroup(index: SnapshotIndex, groupId: string): UserSet {
    const gid = normaliseId(groupId) ?? groupId;
    return index.memo('reverseMembership.group', gid, () => {
        const space = userSpace(index);
        const out = space.empty();
        if (!index.byId(gid)) {
            return out;
        }
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
                    out.add(space.numberOf(member));
                } else if (!seen.has(member)) {
                    seen.add(member);
                    groups.push(member);
                }
            }
            const derived = derivedUsers(index, space, g);
            if (derived) {
                out.addAll(derived);
            }
        }
        return out;
    });
}

/** Users a Group row derives from its type (role, territory, org-wide and manager groups), not nesting; null when none. */
function derivedUsers(index: SnapshotIndex, space: UserSpace, groupId: string): UserSet | null {
    return index.memo('reverseMembership.derived', groupId, () => {
        const hit = index.byId(groupId);
        if (hit?.table !== 'Group') {
            return null;
        }
        const group = hit.row;
        const related = normaliseId(group.RelatedId);
        const type = str(group.Type);
        switch (type) {
            case 'Organization':
                return space.mask(ALL_INTERNAL);
            case 'PRMOrganization':
                return space.mask(ALL_PARTNERS);
            case 'AllCustomerPortal':
                return space.mask(ALL_CUSTOMER_PORTAL);
            default:
                break;
        }
        if (!related) {
            return null;
        }
        const out = space.empty();
        const addRows = (rows: readonly Row[]): void => {
            for (const u of rows) {
                out.add(space.numberOf(str(u.Id)));
            }
        };
        switch (type) {
            case 'Role':
                addRows(index.usersInRole(related));
                return out.and(space.mask(HIERARCHY));
            case 'RoleAndSubordinates':
            case 'RoleAndSubordinatesInternal':
                for (const r of [related, ...index.roleSubordinates(related)]) {
                    if (type === 'RoleAndSubordinatesInternal' && isPortalRole(index.byId(r)?.row)) {
                        continue;
                    }
                    addRows(index.usersInRole(r));
                }
                return out.and(space.mask(HIERARCHY));
            case 'Territory':
            case 'TerritoryAndSubordinates':
                for (const t of type === 'Territory' ? [related] : [related, ...territoryDescendants(index, related)]) {
                    if (!index.isActiveTerritory(t)) {
                        continue;
                    }
                    for (const a of index.rowsWhere('UserTerritory2Association', 'Territory2Id', t)) {
                        if (a.IsActive !== false) {
                            out.add(space.numberOf(str(a.UserId)));
                        }
                    }
                }
                return out;
            case 'ManagerAndSubordinatesInternal':
                out.add(space.numberOf(related));
                for (const r of index.reportsOf(related)) {
                    out.add(space.numberOf(r));
                }
                return out;
            case 'Manager':
                for (const m of index.managerChain(related)) {
                    out.add(space.numberOf(m));
                }
                return out;
            default:
                return null;
        }
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
export function usersAboveRole(index: SnapshotIndex, roleId: string): UserSet {
    const rid = normaliseId(roleId) ?? roleId;
    return index.memo('reverseMembership.above', rid, () => usersInRoles(index, index.roleAncestors(rid)));
}

/**
 * Users holding a role strictly above the role of some member of a group (`membersOf`, as the
 * role hierarchy layer reads a group's members), memoised per group: who inherits a share to a
 * public group or queue that includes bosses.
 */
export function usersAboveMembers(index: SnapshotIndex, groupId: string): UserSet {
    const gid = normaliseId(groupId) ?? groupId;
    return index.memo('reverseMembership.aboveMembers', gid, () => {
        const roles = new Set<string>();
        for (const m of index.membersOf(gid)) {
            const role = str(index.user(m)?.UserRoleId);
            if (role) {
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

function usersInRoles(index: SnapshotIndex, roles: Iterable<string>): UserSet {
    const space = userSpace(index);
    const out = space.empty();
    for (const r of roles) {
        for (const u of index.usersInRole(r)) {
            out.add(space.numberOf(str(u.Id)));
        }
    }
    return out;
}

/**
 * The first member of a group (in `sortedMembersOf` order) whose role is strictly below `roleId`,
 * or null: what the role hierarchy layer asks of a queue or group that includes bosses. Kept per
 * group: the first member of each role, and every role above a member's role — a user above
 * nobody in the group (most users) is answered with one lookup instead of a scan of the members.
 */
export function firstMemberBelow(index: SnapshotIndex, groupId: string, roleId: string): string | null {
    const gid = normaliseId(groupId) ?? groupId;
    // Public groups and queues: the member roles' ranges built at load answer without reading members.
    const memberRoles = index.groupMemberRoles();
    if (memberRoles?.covers(gid)) {
        return roleId ? memberRoles.firstMemberBelow(gid, roleId) : null;
    }
    const facts = index.memo('reverseMembership.memberRoles', gid, () => {
        // The smallest member id of each role (sortedMembersOf sorts ids), then those in id order.
        const first = new Map<string, string>();
        for (const m of index.membersOf(gid)) {
            const role = str(index.user(m)?.UserRoleId);
            const seen = role ? first.get(role) : undefined;
            if (role && (seen === undefined || m < seen)) {
                first.set(role, m);
            }
        }
        const firstOfRole = [...first].map(([role, m]): [string, string] => [m, role]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        const above = new Set<string>();
        for (const role of first.keys()) {
            for (const a of index.roleAncestors(role)) {
                above.add(a);
            }
        }
        return { firstOfRole, above };
    });
    if (!roleId || !facts.above.has(roleId)) {
        return null;
    }
    for (const [member, role] of facts.firstOfRole) {
        if (index.isRoleAbove(roleId, role)) {
            return member;
        }
    }
    return null;
}
