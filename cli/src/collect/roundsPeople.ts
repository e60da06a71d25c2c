/**
 * Rounds 5–6 of the explain plan (docs/evidence-plan.md): the people and groups the records
 * name (owners, share grantees, team members, manager chains), and — only when someone can be
 * below a user asked about — the members of the record's grantee groups and owning queues that
 * grant access using hierarchies, downward, capped.
 */
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { planStep } from './plan';
import { readChainUpward } from './roundsChains';
import { key15, str, uniqIds } from './soql';
import type { PlanState } from './state';

const USER = '005';
const GROUP = '00G';

/** Round 5: users and groups named by the family, manager chains, profiles. */
export async function readPeople(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const owners = state.familyRows().map((r) => str(r.OwnerId));
    const grantees = state.shareRows().map((r) => str(r.UserOrGroupId));
    const teamMembers = [
        ...tables.rows('AccountTeamMember').map((m) => str(m.UserId)),
        ...tables.rows('OpportunityTeamMember').map((m) => str(m.UserId)),
        ...tables.rows('CaseTeamMember').map((m) => str(m.MemberId)),
        ...tables.rows('CaseTeamTemplateMember').map((m) => str(m.MemberId))
    ];
    const named = [...owners, ...grantees, ...teamMembers];
    const peopleIds = state.unread(named.filter((id) => id.startsWith(USER)));
    if (peopleIds.length) tables.put('User', await session.step('people.users', { peopleIds }));
    const groupIds = state.unread([...named.filter((id) => id.startsWith(GROUP)), ...state.whatIf.groupIds]);
    if (groupIds.length) tables.put('Group', await session.step('people.groups', { groupIds }));

    // Manager chains: the subjects' managers (manager groups, sharing sets User.Manager.…), and the
    // users of Manager groups named by the records (a Manager group holds that user's managers).
    await readChainUpward(state, planStep('people.managers'), {
        start: [...state.subjects().map((u) => u.ManagerId), ...state.groups().filter((g) => g.Type === 'Manager').map((g) => g.RelatedId)],
        bind: 'managerIds',
        table: 'User',
        parentField: 'ManagerId',
        capLoop: 'managerDepth',
        defaultDepth: 30,
        what: 'manager chains'
    });

    const profileIds = state.unread(state.users().map((u) => u.ProfileId));
    if (profileIds.length) tables.put('Profile', await session.step('people.profiles', { profileIds }));
}

/** A role's chain upward by UserRole.ParentRoleId over the rows read (the role itself first). */
function chainOf(state: PlanState, roleId: string): string[] {
    const out: string[] = [];
    let current = roleId;
    while (current && !out.some((r) => key15(r) === key15(current))) {
        out.push(current);
        current = str(state.tables.byId(current)?.row.ParentRoleId);
    }
    return out;
}

/**
 * Round 6: is anyone below a user asked about? The roles below each internal user's role are
 * read (up to 200); none → nothing about other users' positions is needed. Known → only the
 * members of the record's boss groups who hold one of those roles are read. Too many (or a
 * portal role asked about) → the boss groups' members are read whole, capped.
 */
export async function readBelow(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const withRole = state.subjects().filter((u) => str(u.UserRoleId) && !state.isHighVolume(u));
    if (!withRole.length) return;
    const subtreeStep = planStep('below.subjectSubtree');
    const subtrees = new Map<string, Set<string>>();
    let known = true;
    for (const user of withRole) {
        const root = str(user.UserRoleId);
        const below = new Set<string>();
        let frontier = [root];
        for (let depth = 0; frontier.length && depth < (subtreeStep.loop?.maxDepth ?? 50) && below.size <= subtreeStep.cap; depth++) {
            const rows = (await session.step('below.subjectSubtree', { roleFrontier: frontier })) ?? [];
            tables.put('UserRole', rows);
            frontier = uniqIds(rows.map((r) => r.Id)).filter((id) => !below.has(key15(id)) && key15(id) !== key15(root));
            frontier.forEach((id) => below.add(key15(id)));
        }
        if (frontier.length || below.size > subtreeStep.cap) known = false;
        subtrees.set(key15(root), below);
    }
    // A portal role may be above the roles of child accounts through an external account hierarchy, whatever
    // UserRole.ParentRoleId says: its account is checked with the portal accounts below the users.
    const portalSubjects = withRole.filter((u) => state.isPortalUser(u));
    if (!portalSubjects.length && ![...subtrees.values()].some((s) => s.size > 0)) return;
    const allBelow = new Set([...subtrees.values()].flatMap((s) => [...s]));
    if (known && Number(session.transport.apiVersion) < 49 && portalSubjects.length) known = false;
    if (known && Number(session.transport.apiVersion) >= 49) {
        const portalAccounts = uniqIds([
            ...[...allBelow].map((id) => tables.byId(id)?.row).filter((r) => r && str(r.PortalType) && r.PortalType !== 'None').map((r) => r?.PortalAccountId),
            ...portalSubjects.map((u) => u.AccountId)
        ]);
        if (portalAccounts.length && !state.hierarchy.off) {
            portalAccounts.forEach((a) => state.hierarchy.lookedUp.add(key15(a)));
            const nodes = await session.step('below.subtreeHierarchyNodes', { subtreeAccountIds: portalAccounts });
            if (nodes === undefined) state.hierarchy.off = !session.unavailable.some((u) => u.table === 'ExternalAccountHierarchy');
            if (nodes === undefined && !state.hierarchy.off) known = false; // unreadable: the engine's links are unknown
            if (nodes?.length) {
                tables.put('ExternalAccountHierarchy', nodes);
                known = false; // the hierarchy moves portal roles: the subtree by ParentRoleId is not the engine's
            }
        }
    }
    // Nobody below anyone asked about (a portal role with no role and no hierarchy below it counts as known).
    state.someoneBelow = !known || allBelow.size > 0;
    if (!state.someoneBelow) return;
    state.subtreeKnown = known;
    if (known) await readMembersBelow(state, subtrees, allBelow);
    else await readMembersWhole(state);
}

/** The record's grantee groups and owning queues that grant access using hierarchies. */
function bossGroups(state: PlanState): string[] {
    const boss = (g: Row): boolean => (g.Type === 'Regular' || g.Type === 'Queue') && g.DoesIncludeBosses !== false;
    const named = new Set(uniqIds([...state.familyRows().map((r) => r.OwnerId), ...state.shareRows().map((r) => r.UserOrGroupId)]).map(key15));
    return state.groups().filter((g) => boss(g) && named.has(key15(g.Id))).map((g) => str(g.Id));
}

/** Members below the users asked about: nested groups down, then only members holding a role below a user. */
async function readMembersBelow(state: PlanState, subtrees: Map<string, Set<string>>, allBelow: Set<string>): Promise<void> {
    const { session, tables } = state;
    const step = planStep('below.nestedGroups');
    const maxDepth = step.loop?.maxDepth ?? 20;
    let frontier = bossGroups(state);
    if (!frontier.length) return;
    const expanded = [...frontier];
    const visited = new Set(frontier.map(key15));
    const roleGroups: Row[] = [];
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        const rows = (await session.step('below.nestedGroups', { bossGroupIds: frontier }, { about: 'of the groups sharing the record' })) ?? [];
        tables.put('GroupMember', rows);
        const nested = uniqIds(rows.map((r) => r.UserOrGroupId)).filter((id) => !visited.has(key15(id)));
        nested.forEach((id) => visited.add(key15(id)));
        const unread = state.unread(nested);
        if (unread.length) tables.put('Group', await session.step('below.groups', { memberGroupIds: unread }));
        const next: string[] = [];
        for (const id of nested) {
            const g = tables.byId(id)?.row;
            const type = str(g?.Type);
            if (type === 'Regular' || type === 'Queue') next.push(id);
            else if (type === 'Role' || type === 'RoleAndSubordinates' || type === 'RoleAndSubordinatesInternal') roleGroups.push(g as Row);
            else if (g) session.reachCap('groupMembersBelow', step.cap, `members of a group sharing the record include the ${type || 'unknown'} group ${str(g.Name) || id}, whose members are not read (not a bounded list); ${step.onCap}`);
        }
        expanded.push(...next);
        frontier = next;
    }
    if (frontier.length) session.reachCap('groupMembersBelow', maxDepth, `groups sharing the record nest more than ${maxDepth} levels down; ${step.onCap}`);
    const members = (await session.step('below.membersBelowUsers', { expandedGroupIds: expanded, subtreeRoleIds: [...allBelow].map((k) => str(tables.byId(k)?.row.Id)) })) ?? [];
    tables.put('GroupMember', members);

    // Role groups nested in them: the users of the roles that are below a user asked about.
    const roles = new Set<string>();
    for (const g of roleGroups) {
        const related = str(g.RelatedId);
        for (const [root, below] of subtrees) {
            if (g.Type === 'Role') {
                if (below.has(key15(related))) roles.add(key15(related));
                continue;
            }
            if (below.has(key15(related))) {
                // Its subtree, as far as it lies below the user (all of it does).
                for (const r of below) if (chainOf(state, str(tables.byId(r)?.row.Id)).some((c) => key15(c) === key15(related))) roles.add(r);
                continue;
            }
            // The group's role is the user's or above it: every role below the user is in the group.
            await readChainUp(state, root);
            if (chainOf(state, root).some((c) => key15(c) === key15(related))) below.forEach((r) => roles.add(r));
        }
    }
    const roleIds = [...roles].map((k) => str(tables.byId(k)?.row.Id)).filter(Boolean);
    if (roleIds.length) tables.put('User', await session.step('below.roleUsers', { memberRoleIds: roleIds }));
    const userIds = state.unread(members.map((m) => m.UserOrGroupId));
    if (userIds.length) tables.put('User', await session.step('below.memberUsers', { memberUserIds: userIds }));
}

/** A subject's role chain read upward now (the same above.roles step round 7 would run). */
async function readChainUp(state: PlanState, roleId: string): Promise<void> {
    const step = planStep('above.roles');
    let current = [roleId];
    for (let depth = 0; current.length && depth < (step.loop?.maxDepth ?? 50); depth++) {
        const unread = state.unread(current);
        if (unread.length) state.tables.put('UserRole', await state.session.step('above.roles', { roleFrontier: unread }));
        current = uniqIds(current.map((id) => state.tables.byId(id)?.row.ParentRoleId));
    }
}

/** The boss groups' members whole, down the nesting, capped (their role chains are read in round 7). */
async function readMembersWhole(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const membersStep = planStep('below.groupMembers');
    const maxDepth = membersStep.loop?.maxDepth ?? 20;
    let frontier = bossGroups(state);
    const visited = new Set(frontier.map(key15));
    const memberUsers: string[] = [];
    const memberRoles: string[] = [];
    const subordinateRoots: string[] = [];
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        const rows = (await session.step('below.groupMembers', { bossGroupIds: frontier }, { about: 'of the groups sharing the record' })) ?? [];
        tables.put('GroupMember', rows);
        const ids = rows.map((r) => str(r.UserOrGroupId));
        memberUsers.push(...ids.filter((id) => id.startsWith(USER)));
        const nested = uniqIds(ids.filter((id) => id.startsWith(GROUP))).filter((id) => !visited.has(key15(id)));
        nested.forEach((id) => visited.add(key15(id)));
        const unreadGroups = state.unread(nested);
        if (unreadGroups.length) tables.put('Group', await session.step('below.groups', { memberGroupIds: unreadGroups }));
        const next: string[] = [];
        for (const id of nested) {
            const g = tables.byId(id)?.row;
            const type = str(g?.Type);
            if (type === 'Regular' || type === 'Queue') next.push(id);
            else if (type === 'Role') memberRoles.push(str(g?.RelatedId));
            else if (type === 'RoleAndSubordinates' || type === 'RoleAndSubordinatesInternal') subordinateRoots.push(str(g?.RelatedId));
            else if (g) {
                session.reachCap('groupMembersBelow', membersStep.cap, `members of a group sharing the record include the ${type || 'unknown'} group ${str(g.Name) || id}, whose members are not read (not a bounded list); ${membersStep.onCap}`);
            }
        }
        frontier = next;
    }
    if (frontier.length) session.reachCap('groupMembersBelow', maxDepth, `groups sharing the record nest more than ${maxDepth} levels down; ${membersStep.onCap}`);

    // Role-and-subordinates groups among the members: the roles below their role, level by level.
    const subStep = planStep('below.subordinateRoles');
    const subDepth = subStep.loop?.maxDepth ?? 50;
    let roles = uniqIds(subordinateRoots);
    const seenRoles = new Set(roles.map(key15));
    memberRoles.push(...roles);
    for (depth = 0; roles.length && depth < subDepth; depth++) {
        const rows = (await session.step('below.subordinateRoles', { roleFrontier: roles })) ?? [];
        tables.put('UserRole', rows);
        roles = uniqIds(rows.map((r) => r.Id)).filter((id) => !seenRoles.has(key15(id)));
        roles.forEach((id) => seenRoles.add(key15(id)));
        memberRoles.push(...roles);
    }
    if (roles.length) session.reachCap('groupMembersBelow', subDepth, `roles below a role group sharing the record go more than ${subDepth} levels down; ${subStep.onCap}`);
    const roleIds = uniqIds(memberRoles);
    if (roleIds.length) tables.put('User', await session.step('below.roleUsers', { memberRoleIds: roleIds }));
    const userIds = state.unread(memberUsers);
    if (userIds.length) tables.put('User', await session.step('below.memberUsers', { memberUserIds: userIds }));
}
