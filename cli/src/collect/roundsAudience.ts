/**
 * The rounds of whoCanSee/1 that explain/1 doesn't have (docs/evidence-plan.md "whoCanSee/1"):
 * the record's grants expanded downward to users (grantee groups and owning queues, nested
 * groups, role / territory / manager / all-users groups), the bosses (users of every role on
 * the chains read upward), the View All / View All Data holders, the Experience Cloud users of
 * the family's accounts, and the aggregate counts of users a public org-wide default reaches.
 * Every step that lists users of the answer reports a reached cap in `meta.truncated` as well
 * as `meta.scope.capsReached`: the engine then says users may be missing.
 */
import type { PublicAccessCounts, Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import type { BindValue } from './soql';
import { ID_CHUNK } from './plan';
import { readChainUpward, TERRITORY_CHAIN } from './roundsChains';
import { key15, str, uniqIds } from './soql';
import type { PlanState } from './state';

const USER = '005';
const GROUP = '00G';
const ROLE_GROUPS = new Set(['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal']);
const SUBORDINATE_ROLE_GROUPS = new Set(['RoleAndSubordinates', 'RoleAndSubordinatesInternal']);
/** Group types whose members are GroupMember rows (the others are derived by the platform). */
const MEMBER_GROUPS = new Set(['Regular', 'Queue']);
/** All-users groups and the user types they hold (reverseMembership.ts derivedUsers). */
const ALL_USERS_GROUPS: Readonly<Record<string, readonly string[]>> = {
    Organization: ['Standard'],
    PRMOrganization: ['PowerPartner'],
    AllCustomerPortal: ['PowerCustomerSuccess', 'CustomerSuccess']
};

/**
 * A step that lists users (or rows leading to users) of the answer: a reached cap also goes to
 * `meta.truncated` under `table`, so the answer is never presented as whole.
 */
export async function answerStep(state: PlanState, id: string, binds: Readonly<Record<string, BindValue>>, table: string): Promise<Row[] | undefined> {
    const { session } = state;
    const before = session.capsReached.length;
    const rows = await session.step(id, binds);
    for (const cap of session.capsReached.slice(before)) {
        if (!session.truncated.some((t) => t.table === table && t.reason === cap.reason)) session.truncated.push({ table, limit: cap.limit, reason: cap.reason });
    }
    if (rows === undefined && session.unavailable.some((u) => u.table === table)) {
        // A step that failed part-way: its users are not in the answer, which must say so.
        session.truncated.push({ table, limit: 0, reason: `${session.stepOf(id).title.toLowerCase()} could not be read` });
    }
    return rows;
}

/** Round 3 (who-can-see's part): Experience Cloud users of the family's accounts, and of contacts related to them. */
export async function readAccountAudience(state: PlanState): Promise<void> {
    const { tables } = state;
    const accounts = state.familyOf('Account').map((f) => f.id);
    if (!accounts.length) return;
    const relations = await state.session.step('wcs.accountRelations', { familyAccountIds: accounts });
    tables.put('AccountContactRelation', relations);
    tables.put('User', await answerStep(state, 'wcs.accountUsers', { familyAccountIds: accounts }, 'User'));
    const asked = new Set(
        [...state.familyOf('Contact').map((f) => f.id), ...state.familyRows().filter((r) => state.family.get(key15(r.Id))?.object === 'Case').map((r) => str(r.ContactId))].map(key15)
    );
    const related = uniqIds((relations ?? []).map((r) => r.ContactId)).filter((id) => !asked.has(key15(id)));
    if (related.length) tables.put('User', await answerStep(state, 'family.contactUsers', { contactIds: related }, 'User'));
}

/** Ids the family's records name: owners, share grantees, team members (users, groups, queues). */
function namedByFamily(state: PlanState): string[] {
    const { tables } = state;
    return [
        ...state.familyRows().map((r) => str(r.OwnerId)),
        ...state.shareRows().map((r) => str(r.UserOrGroupId)),
        ...tables.rows('AccountTeamMember').map((m) => str(m.UserId)),
        ...tables.rows('OpportunityTeamMember').map((m) => str(m.UserId)),
        ...tables.rows('CaseTeamMember').map((m) => str(m.MemberId)),
        ...tables.rows('CaseTeamTemplateMember').map((m) => str(m.MemberId))
    ];
}

/** Round 5: users and groups the family names (owners, share grantees, team members, owning queues). */
export async function readNamed(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const named = namedByFamily(state);
    const peopleIds = state.unread(named.filter((id) => id.startsWith(USER)));
    if (peopleIds.length) tables.put('User', await session.step('people.users', { peopleIds }));
    const groupIds = state.unread(named.filter((id) => id.startsWith(GROUP)));
    if (groupIds.length) tables.put('Group', await session.step('people.groups', { groupIds }));
}

/** A downward loop over one step: `next` gives the next frontier from the rows read; depth cap reported. */
async function downward(state: PlanState, id: string, bind: string, start: string[], next: (rows: Row[]) => string[], table: string, put: string): Promise<void> {
    const step = state.session.stepOf(id);
    const maxDepth = step.loop?.maxDepth ?? 20;
    const visited = new Set(start.map(key15));
    let frontier = start;
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        const rows = (await answerStep(state, id, { [bind]: frontier }, table)) ?? [];
        state.tables.put(put, rows);
        frontier = uniqIds(next(rows)).filter((x) => !visited.has(key15(x)));
        frontier.forEach((x) => visited.add(key15(x)));
    }
    if (frontier.length) {
        const reason = `${step.title.toLowerCase()}: more than ${maxDepth} levels; ${step.onCap}`;
        state.session.reachCap(step.capLoop, maxDepth, reason);
        state.session.truncated.push({ table, limit: maxDepth, reason });
    }
}

/** Round 6: the grantee groups and owning queues expanded downward, to users. */
export async function readGranteesDownward(state: PlanState): Promise<void> {
    const { tables } = state;
    // Nested groups, level by level (each group visited once: a nesting cycle ends the walk).
    const step = state.session.stepOf('wcs.groupMembers');
    const maxDepth = step.loop?.maxDepth ?? 20;
    const visited = new Set<string>();
    let frontier = state.groups().filter((g) => MEMBER_GROUPS.has(str(g.Type))).map((g) => str(g.Id));
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        frontier.forEach((id) => visited.add(key15(id)));
        const rows = (await answerStep(state, 'wcs.groupMembers', { groupFrontier: frontier }, 'GroupMember')) ?? [];
        tables.put('GroupMember', rows);
        const nested = uniqIds(rows.map((r) => r.UserOrGroupId)).filter((id) => id.startsWith(GROUP));
        const unread = state.unread(nested);
        if (unread.length) tables.put('Group', await answerStep(state, 'wcs.groups', { memberGroupIds: unread }, 'Group'));
        frontier = nested.filter((id) => !visited.has(key15(id)) && MEMBER_GROUPS.has(str(tables.byId(id)?.row.Type)));
    }
    if (frontier.length) {
        const reason = `group members nest more than ${maxDepth} levels down; ${step.onCap}`;
        state.session.reachCap('groupMembersBelow', maxDepth, reason);
        state.session.truncated.push({ table: 'GroupMember', limit: maxDepth, reason });
    }
    const groups = state.groups();
    const byType = (types: Set<string>): string[] => uniqIds(groups.filter((g) => types.has(str(g.Type))).map((g) => g.RelatedId));

    // Role groups: their roles, the roles below RoleAndSubordinates(Internal), and the users of all of those.
    const groupRoles = byType(ROLE_GROUPS);
    const unreadRoles = state.unread(groupRoles);
    if (unreadRoles.length) tables.put('UserRole', await answerStep(state, 'wcs.groupRoles', { groupRoleIds: unreadRoles }, 'UserRole'));
    const subRoots = byType(SUBORDINATE_ROLE_GROUPS);
    const memberRoles = new Set(groupRoles.map(key15));
    if (subRoots.length) {
        await downward(state, 'wcs.subordinateRoles', 'roleFrontier', subRoots, (rows) => rows.map((r) => str(r.Id)), 'UserRole', 'UserRole');
        // Every role below a subordinates group's role (walked over the rows read).
        const children = new Map<string, string[]>();
        for (const r of tables.rows('UserRole')) {
            const parent = key15(r.ParentRoleId);
            if (parent) children.set(parent, [...(children.get(parent) ?? []), str(r.Id)]);
        }
        const queue = [...subRoots];
        while (queue.length) {
            const role = queue.pop() as string;
            for (const child of children.get(key15(role)) ?? []) {
                if (!memberRoles.has(key15(child))) {
                    memberRoles.add(key15(child));
                    queue.push(child);
                }
            }
        }
    }
    await readPortalRolesBelow(state, subRoots, memberRoles);
    state.memberRoleIds = new Set(memberRoles);
    const roleIds = tables.rows('UserRole').filter((r) => memberRoles.has(key15(r.Id))).map((r) => str(r.Id));
    if (roleIds.length) tables.put('User', await answerStep(state, 'wcs.roleUsers', { memberRoleIds: roleIds }, 'User'));

    // Territory groups: the territories below TerritoryAndSubordinates (their users are read with the chains, round 7).
    const subTerritories = byType(new Set(['TerritoryAndSubordinates']));
    if (state.territoriesActive && subTerritories.length) {
        await downward(state, 'wcs.subordinateTerritories', 'territoryFrontier', subTerritories, (rows) => rows.map((r) => str(r.Id)), 'Territory2', 'Territory2');
    }

    // Manager-and-subordinates groups: the user and their reports, level by level.
    const managers = byType(new Set(['ManagerAndSubordinatesInternal']));
    if (managers.length) {
        await downward(state, 'wcs.reports', 'managerFrontier', managers, (rows) => rows.map((r) => str(r.Id)), 'User', 'User');
    }

    // All-users groups: every active user of that kind (the answer is as large as the org: capped and said).
    const types = [...new Set(groups.flatMap((g) => ALL_USERS_GROUPS[str(g.Type)] ?? []))];
    if (types.length) tables.put('User', await answerStep(state, 'wcs.allUsersOfType', { userTypes: types }, 'User'));

    // Direct members, the users of Manager and manager-and-subordinates groups.
    const memberUsers = [
        ...tables.rows('GroupMember').map((r) => str(r.UserOrGroupId)),
        ...groups.filter((g) => str(g.Type) === 'Manager' || str(g.Type) === 'ManagerAndSubordinatesInternal').map((g) => str(g.RelatedId))
    ];
    await readMemberUsers(state, memberUsers);
}

/**
 * A RoleAndSubordinates group of a portal role also holds the portal roles of the accounts below
 * its account in an external account hierarchy (the engine links each child account's top role
 * below the parent's). Every portal role of those accounts joins `memberRoles` (the engine decides
 * which links hold: inactive nodes, IsAccessibleToParent).
 */
async function readPortalRolesBelow(state: PlanState, subRoots: string[], memberRoles: Set<string>): Promise<void> {
    const { session, tables } = state;
    const accounts = uniqIds(subRoots.map((r) => tables.byId(r)?.row).filter((r) => r && str(r.PortalType) && str(r.PortalType) !== 'None').map((r) => r?.PortalAccountId));
    if (!accounts.length || Number(session.transport.apiVersion) < 49) return;
    const nodes = await session.step('wcs.groupHierarchyNodes', { portalAccountIds: accounts });
    if (!nodes) return;
    tables.put('ExternalAccountHierarchy', nodes);
    const childAccounts: string[] = [];
    await downward(state, 'wcs.hierarchyChildren', 'nodeFrontier', uniqIds(nodes.map((n) => n.Id)), (rows) => {
        childAccounts.push(...rows.map((r) => str(r.AccountId)));
        return rows.map((r) => str(r.Id));
    }, 'ExternalAccountHierarchy', 'ExternalAccountHierarchy');
    const unread = uniqIds(childAccounts);
    if (!unread.length) return;
    const roles = (await answerStep(state, 'wcs.childPortalRoles', { childAccountIds: unread }, 'UserRole')) ?? [];
    tables.put('UserRole', roles);
    roles.forEach((r) => memberRoles.add(key15(r.Id)));
}

/** `wcs.memberUsers` for the user ids not read yet. */
async function readMemberUsers(state: PlanState, ids: string[]): Promise<void> {
    const unread = state.unread(ids.filter((id) => id.startsWith(USER)));
    if (unread.length) state.tables.put('User', await answerStep(state, 'wcs.memberUsers', { memberUserIds: unread }, 'User'));
}

/**
 * Round 7: the users whose role chains the answer needs — those whose bosses it holds
 * (whoCanSeeGrants.ts hierarchyGrants: users above the owner, a user grantee, a role grantee, a
 * team member, a member of a group or queue that includes bosses) and the external users (portal
 * role chains, whoCanSeeExperience.ts). The bosses of a member of a group without bosses, of an
 * all-users group's users or of a View All holder get nothing from them. A group including bosses
 * that nests a territory, manager or all-users group: every user read (their members' roles are
 * not walked here).
 */
export function bossSeeds(state: PlanState): Set<string> {
    const { tables } = state;
    const all = (): Set<string> => new Set(state.users().map((u) => key15(u.Id)));
    const seeds = new Set<string>(
        [
            state.recordId,
            ...namedByFamily(state)
        ]
            .filter((id) => id.startsWith(USER))
            .map(key15)
    );
    for (const u of state.users()) if (str(u.UserType) !== 'Standard') seeds.add(key15(u.Id));
    // Members (nested) of the named groups and queues that include bosses (bossesOf: a queue without the setting is unknown, read too).
    const named = new Set(
        [...state.familyRows().map((r) => str(r.OwnerId)), ...state.shareRows().map((r) => str(r.UserOrGroupId)), ...tables.rows('CaseTeamTemplateMember').map((m) => str(m.MemberId))].map(key15)
    );
    const members = new Map<string, string[]>();
    for (const gm of tables.rows('GroupMember')) {
        const g = key15(gm.GroupId);
        members.set(g, [...(members.get(g) ?? []), str(gm.UserOrGroupId)]);
    }
    const queue = state.groups().filter((g) => named.has(key15(g.Id)) && MEMBER_GROUPS.has(str(g.Type)) && g.DoesIncludeBosses !== false).map((g) => key15(g.Id));
    const seen = new Set(queue);
    while (queue.length) {
        for (const m of members.get(queue.pop() as string) ?? []) {
            const k = key15(m);
            if (m.startsWith(USER)) {
                seeds.add(k);
                continue;
            }
            const type = str(tables.byId(m)?.row.Type);
            if (ROLE_GROUPS.has(type)) continue; // its role's chain is read (role groups seed the chains)
            if (!MEMBER_GROUPS.has(type)) return all();
            if (!seen.has(k)) {
                seen.add(k);
                queue.push(k);
            }
        }
    }
    return seeds;
}

/** Round 7 (who-can-see's part, after explain/1's role chains): territories upward, their users, the bosses, manager chains. */
export async function readBossesAndTerritories(state: PlanState): Promise<void> {
    const { session, tables } = state;
    if (state.territoriesActive) {
        await readChainUpward(state, session.stepOf('above.territories'), {
            start: [
                ...tables.rows('ObjectTerritory2Association').map((a) => a.Territory2Id),
                ...state.groups().filter((g) => ['Territory', 'TerritoryAndSubordinates'].includes(str(g.Type))).map((g) => g.RelatedId)
            ],
            ...TERRITORY_CHAIN
        });
        const territoryIds = uniqIds(tables.rows('Territory2').map((t) => t.Id));
        if (territoryIds.length) {
            const assignments = await answerStep(state, 'wcs.territoryUsers', { territoryIds }, 'UserTerritory2Association');
            tables.put('UserTerritory2Association', assignments);
            await readMemberUsers(state, (assignments ?? []).map((a) => str(a.UserId)));
        }
    }
    // The bosses: active users of every role on the chains read (roles whose users wcs.roleUsers already read left out).
    const chainRoles = tables.rows('UserRole').map((r) => str(r.Id)).filter((id) => !state.memberRoleIds.has(key15(id)));
    if (chainRoles.length) tables.put('User', await answerStep(state, 'wcs.bossUsers', { chainRoleIds: chainRoles }, 'User'));
    // Manager groups hold their user's managers: the chains upward.
    const managerStep = session.stepOf('people.managers');
    const maxDepth = managerStep.loop?.maxDepth ?? 30;
    const visited = new Set<string>();
    let frontier = uniqIds(state.groups().filter((g) => g.Type === 'Manager').map((g) => tables.byId(g.RelatedId)?.row.ManagerId));
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        frontier.forEach((id) => visited.add(key15(id)));
        const toRead = state.unread(frontier);
        if (toRead.length) tables.put('User', await session.step('people.managers', { managerIds: toRead }));
        frontier = uniqIds(frontier.map((id) => tables.byId(id)?.row.ManagerId)).filter((id) => !visited.has(key15(id)));
    }
    if (frontier.length) session.reachCap('managerDepth', maxDepth, `manager chains go more than ${maxDepth} levels up; ${managerStep.onCap}`);
}

/** Round 8: holders of View All / Modify All on the family's objects and of View All Data / Modify All Data. */
export async function readViewAllHolders(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const objectPermissions = (await session.step('wcs.viewAllPermissions', { familyObjects: state.familyObjects() })) ?? [];
    tables.put('ObjectPermissions', objectPermissions);
    const sets = (await session.step('wcs.holderSets', { viewAllSetIds: uniqIds(objectPermissions.map((o) => o.ParentId)) })) ?? [];
    tables.put('PermissionSet', sets);
    const profileSets = sets.filter((s) => s.IsOwnedByProfile !== false && str(s.ProfileId));
    const holderSetIds = uniqIds(sets.filter((s) => !profileSets.includes(s)).map((s) => s.Id));
    const holderGroupIds = uniqIds(sets.map((s) => s.PermissionSetGroupId));
    if (holderSetIds.length || holderGroupIds.length) {
        const assignments = (await answerStep(state, 'wcs.holderAssignments', { holderSetIds, holderGroupIds }, 'PermissionSetAssignment')) ?? [];
        tables.put('PermissionSetAssignment', assignments);
        await readMemberUsers(state, assignments.map((a) => str(a.AssigneeId)));
    }
    const holderProfileIds = uniqIds(profileSets.map((s) => s.ProfileId));
    if (holderProfileIds.length) tables.put('User', await answerStep(state, 'wcs.profileUsers', { holderProfileIds }, 'User'));
}

/** Round 10: users a public default reaches, counted per profile and permission set (aggregates, no user rows). */
export async function readPublicCounts(state: PlanState): Promise<PublicAccessCounts | undefined> {
    const { session } = state;
    const granting = await session.step('wcs.readGrantingPermissions', { recordObject: state.objectApiName });
    if (!granting) return undefined;
    const parent = (r: Row): Row => (r.Parent ?? {}) as Row;
    const isProfile = (r: Row): boolean => parent(r).IsOwnedByProfile === true && !!str(parent(r).ProfileId);
    const profiles = new Map<string, { read: boolean; edit: boolean }>();
    const readSets: string[] = [];
    const editSets: string[] = [];
    const names = new Map<string, string>();
    for (const r of granting) {
        const p = parent(r);
        if (isProfile(r)) {
            const k = key15(p.ProfileId);
            const cur = profiles.get(k) ?? { read: false, edit: false };
            profiles.set(k, { read: cur.read || r.PermissionsRead === true, edit: cur.edit || r.PermissionsEdit === true });
            continue;
        }
        const id = str(r.ParentId);
        names.set(id, str(p.Label) || str(p.Name) || id);
        if (r.PermissionsRead === true) readSets.push(id);
        if (r.PermissionsEdit === true) editSets.push(id);
    }
    const counts = (await session.step('wcs.publicProfileCounts', {})) ?? undefined;
    if (!counts) return undefined;
    const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
    const result: PublicAccessCounts = {
        profiles: counts.map((c) => ({
            profileId: str(c.ProfileId),
            name: str(c.Name) || str(c.ProfileId),
            userType: str(c.UserType),
            users: num(c.users),
            read: profiles.get(key15(c.ProfileId))?.read === true,
            edit: profiles.get(key15(c.ProfileId))?.edit === true
        })),
        readSetHolders: [],
        editSetHolders: [],
        sets: []
    };
    const holders = async (setIds: string[]): Promise<PublicAccessCounts['readSetHolders'] | undefined> => {
        if (!setIds.length) return [];
        if (setIds.length > ID_CHUNK) {
            // A distinct count can't be summed over chunks: the counts are said to be uncertain.
            session.reachCap('permissionRows', ID_CHUNK, `more than ${ID_CHUNK} permission sets grant access to ${state.objectApiName}; ${session.stepOf('wcs.publicSetHolders').onCap}`);
            return undefined;
        }
        const rows = await session.step('wcs.publicSetHolders', { grantingSetIds: setIds });
        return rows?.map((r) => ({ profileId: str(r.ProfileId), userType: str(r.UserType), users: num(r.users) }));
    };
    const readHolders = await holders(uniqIds(readSets));
    if (!readHolders) return undefined;
    result.readSetHolders = readHolders;
    const edit = uniqIds(editSets);
    if (state.publicEditMatters) {
        const editHolders = await holders(edit);
        if (!editHolders) return undefined;
        result.editSetHolders = editHolders;
    }
    if (readSets.length) {
        const setRows = await session.step('wcs.publicSetCounts', { grantingSetIds: uniqIds(readSets) });
        if (!setRows) return undefined;
        result.sets = setRows.map((r) => {
            const id = str(r.PermissionSetGroupId) || str(r.PermissionSetId);
            return { id, name: names.get(str(r.PermissionSetId)) ?? id, userType: str(r.UserType), users: num(r.users) };
        });
    }
    return result;
}
