/**
 * Rounds 5–6 of the explain plan (docs/evidence-plan.md): the people and groups the records
 * name (owners, share grantees, team members, manager chains), and — only when someone can be
 * below a user asked about — the members of the record's grantee groups and owning queues that
 * grant access using hierarchies, downward, capped.
 */
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { planStep } from './plan';
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
    const managerStep = planStep('people.managers');
    const maxDepth = managerStep.loop?.maxDepth ?? 30;
    const visited = new Set<string>();
    let frontier = uniqIds([...state.subjects().map((u) => u.ManagerId), ...state.groups().filter((g) => g.Type === 'Manager').map((g) => g.RelatedId)]);
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        frontier.forEach((id) => visited.add(key15(id)));
        const toRead = state.unread(frontier);
        if (toRead.length) tables.put('User', await session.step('people.managers', { managerIds: toRead }));
        frontier = uniqIds(frontier.map((id) => tables.byId(id)?.row.ManagerId)).filter((id) => !visited.has(key15(id)));
    }
    if (frontier.length) session.reachCap('managerDepth', maxDepth, `manager chains go more than ${maxDepth} levels up; ${managerStep.onCap}`);

    const profileIds = state.unread(state.users().map((u) => u.ProfileId));
    if (profileIds.length) tables.put('Profile', await session.step('people.profiles', { profileIds }));
}

/** Round 6: is anyone below a user asked about? Only then, the members of the record's boss groups, downward. */
export async function readBelow(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const withRole = state.subjects().filter((u) => str(u.UserRoleId));
    // A portal role may be above child accounts' roles (external account hierarchy): treated as having roles below.
    state.someoneBelow = withRole.some((u) => state.isPortalUser(u));
    const internalRoles = uniqIds(withRole.filter((u) => !state.isPortalUser(u) && !state.isHighVolume(u)).map((u) => u.UserRoleId));
    if (internalRoles.length) {
        const children = (await session.step('below.subjectRoleChildren', { subjectRoleIds: internalRoles })) ?? [];
        tables.put('UserRole', children);
        if (children.length) state.someoneBelow = true;
    }
    if (!state.someoneBelow) return;

    const membersStep = planStep('below.groupMembers');
    const maxDepth = membersStep.loop?.maxDepth ?? 20;
    const boss = (g: Row): boolean => (g.Type === 'Regular' || g.Type === 'Queue') && g.DoesIncludeBosses !== false;
    const named = new Set(uniqIds([...state.familyRows().map((r) => r.OwnerId), ...state.shareRows().map((r) => r.UserOrGroupId)]).map(key15));
    let frontier = state.groups().filter((g) => boss(g) && named.has(key15(g.Id))).map((g) => str(g.Id));
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
