/**
 * Rounds 7–8 of the explain plan (docs/evidence-plan.md): role chains upward (following the
 * external account hierarchy, whose nodes and portal roles are read for every portal account
 * met), territory chains upward, then the groups the platform derives from those chains and
 * the group memberships walked upward from the users and from every group read.
 */
import { buildHierarchyModel, type HierarchySource } from '../../../lwc-src/lwc/accessXrayEngine/externalAccountHierarchy';
import type { ScopeLoop } from '../../../lwc-src/lwc/accessXrayEngine/scope';
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { planStep, type PlanStep } from './plan';
import { key15, str, uniqIds } from './soql';
import type { PlanState } from './state';

const ROLE_GROUP_TYPES = new Set(['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal']);
const TERRITORY_GROUP_TYPES = new Set(['Territory', 'TerritoryAndSubordinates']);

/** The users whose own memberships the plan reads upward: the users asked about and the family's owners. */
function principals(state: PlanState): Row[] {
    const ids = new Set([...state.subjectIds, ...state.familyOwners()].map(key15));
    return state.users().filter((u) => ids.has(key15(u.Id)));
}

function isPortalRole(role: Row | undefined): boolean {
    const t = str(role?.PortalType);
    return t !== '' && t !== 'None';
}

/** The engine's hierarchy rule over the rows read so far (the same code, so the chains are the engine's). */
function hierarchy(state: PlanState) {
    const source: HierarchySource = {
        rows: (table) => state.tables.rows(table),
        rowsWhere: (table, field, value) => state.tables.rows(table).filter((r) => key15(r[field]) !== '' && key15(r[field]) === key15(value))
    };
    return buildHierarchyModel(source);
}

/** Round 7a: role chains, with the external account hierarchy of every portal account met. */
export async function readRoleChains(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const roleStep = planStep('above.roles');
    const maxDepth = roleStep.loop?.maxDepth ?? 50;
    // Whose position matters: the principals always; everyone read only when the roles below the users asked about
    // are not known (with them known, a role below a user is one of those rows, whose chain up to the user is read).
    // who-can-see names the users whose bosses its answer holds (roundsAudience.ts bossSeeds).
    const chainUsers = state.chainUserIds;
    const people = chainUsers ? state.users().filter((u) => chainUsers.has(key15(u.Id))) : state.someoneBelow && !state.subtreeKnown ? state.users() : principals(state);
    const seeds = uniqIds([
        ...people.map((u) => u.UserRoleId),
        ...state.groups().filter((g) => ROLE_GROUP_TYPES.has(str(g.Type))).map((g) => g.RelatedId)
    ]);
    const external = principals(state).filter((u) => str(u.ContactId) || state.isPortalUser(u) || state.isHighVolume(u));
    const hierarchyAccounts = state.hierarchy.lookedUp;
    let hierarchyOn = Number(session.transport.apiVersion) >= 49 && !state.hierarchy.off && !session.unavailable.some((u) => u.table === 'ExternalAccountHierarchy');
    if (Number(session.transport.apiVersion) < 49 && external.length) {
        session.unavailable.push({
            table: 'ExternalAccountHierarchy',
            reason: `ExternalAccountHierarchy needs API 49.0 or later (collected with ${session.transport.apiVersion})`,
            fix: 'Collect again with --api-version 49.0 or later.'
        });
    }
    let pendingAccounts = uniqIds(external.map((u) => u.AccountId));
    const visited = new Set<string>();
    let frontier = seeds;
    let depth = 0;
    for (; (frontier.length || pendingAccounts.length) && depth < maxDepth; depth++) {
        frontier.forEach((id) => visited.add(key15(id)));
        const toRead = state.unread(frontier);
        if (toRead.length) tables.put('UserRole', await session.step('above.roles', { roleFrontier: toRead }));
        const rows = frontier.map((id) => tables.byId(id)?.row).filter((r): r is Row => !!r);
        pendingAccounts.push(...rows.filter(isPortalRole).map((r) => str(r.PortalAccountId)));
        pendingAccounts = uniqIds(pendingAccounts).filter((a) => !hierarchyAccounts.has(key15(a)));
        if (hierarchyOn && (pendingAccounts.length || depth === 0)) {
            hierarchyOn = await readHierarchy(state, pendingAccounts, hierarchyAccounts);
            if (!hierarchyOn) state.hierarchy.off = !session.unavailable.some((u) => u.table === 'ExternalAccountHierarchy');
        }
        pendingAccounts = [];
        const links = hierarchy(state).links;
        const parents = rows.flatMap((r) => [str(r.ParentRoleId), links.get(str(r.Id))?.parentRoleId ?? '']);
        // Portal roles read for the hierarchy join the chains: their parents (and links) are walked too.
        const portal = tables.rows('UserRole').filter((r) => hierarchyAccounts.has(`roles:${key15(r.PortalAccountId)}`) && !visited.has(key15(r.Id)));
        frontier = uniqIds([...parents, ...portal.map((r) => str(r.Id))]).filter((id) => !visited.has(key15(id)));
    }
    if (frontier.length) session.reachCap('roleDepth', maxDepth, `role chains go more than ${maxDepth} levels up; ${roleStep.onCap}`);
}

/**
 * The hierarchy nodes of `accounts`, their parents up to the root, and every portal role (and
 * the name) of each account on those chains. Returns false when the org has no such object.
 */
async function readHierarchy(state: PlanState, accounts: string[], done: Set<string>): Promise<boolean> {
    const { session, tables } = state;
    accounts.forEach((a) => done.add(key15(a)));
    if (accounts.length) {
        const first = await session.step('above.hierarchyNodes', { portalAccountIds: accounts });
        if (first === undefined) return false; // feature off (INVALID_TYPE) or unreadable (meta.unavailable)
        tables.put('ExternalAccountHierarchy', first);
    }
    // Parents of every node read (here or below the user in round 6), up to the root.
    const parentStep = planStep('above.hierarchyParents');
    const maxDepth = parentStep.loop?.maxDepth ?? 10;
    let depth = 0;
    for (; depth < maxDepth; depth++) {
        const parents = state.unread(tables.rows('ExternalAccountHierarchy').map((n) => n.ParentId));
        if (!parents.length) break;
        const nodes = await session.step('above.hierarchyParents', { parentNodeIds: parents });
        if (nodes === undefined) return false;
        tables.put('ExternalAccountHierarchy', nodes);
    }
    if (depth >= maxDepth && state.unread(tables.rows('ExternalAccountHierarchy').map((n) => n.ParentId)).length) {
        session.reachCap('hierarchyDepth', maxDepth, `external account hierarchy chains go more than ${maxDepth} levels up; ${parentStep.onCap}`);
    }
    // Every portal role of each account on the chains, once per account (the top role of each decides the links).
    const chainAccounts = uniqIds(tables.rows('ExternalAccountHierarchy').map((n) => n.AccountId)).filter((a) => !done.has(`roles:${key15(a)}`));
    chainAccounts.forEach((a) => {
        done.add(key15(a));
        done.add(`roles:${key15(a)}`);
    });
    if (chainAccounts.length) tables.put('UserRole', await session.step('above.portalRoles', { chainAccountIds: chainAccounts }));
    const unnamed = state.unread(chainAccounts);
    if (unnamed.length) tables.put('Account', await session.step('above.hierarchyAccounts', { chainAccountIds: unnamed }));
    return true;
}

/** Round 7b: the territories of the principals and accounts, and their chains upward. */
export async function readTerritoryChains(state: PlanState): Promise<void> {
    if (!state.territoriesActive) return;
    const { session, tables } = state;
    const ids = principals(state).map((u) => str(u.Id));
    if (ids.length) tables.put('UserTerritory2Association', await session.step('above.userTerritories', { principalIds: ids }));
    await readChainUpward(state, planStep('above.territories'), {
        start: [
            ...tables.rows('UserTerritory2Association').map((a) => a.Territory2Id),
            ...tables.rows('ObjectTerritory2Association').map((a) => a.Territory2Id),
            ...state.groups().filter((g) => TERRITORY_GROUP_TYPES.has(str(g.Type))).map((g) => g.RelatedId)
        ],
        ...TERRITORY_CHAIN
    });
}

/** How territory chains are walked upward (rounds of explain/1 and whoCanSee/1). */
export const TERRITORY_CHAIN = { bind: 'territoryFrontier', table: 'Territory2', parentField: 'ParentTerritory2Id', capLoop: 'territoryDepth', defaultDepth: 20, what: 'territory chains' } as const;

/**
 * Walk a chain of parents upward level by level (territories by ParentTerritory2Id, managers by
 * ManagerId): read the ids not read yet with `step` (bound `bind`, rows put into `table`), then
 * their parents, until no new id or the step's maxDepth; a chain longer than that is a reached
 * cap (`capLoop`), the answer then uncertain where it matters.
 */
export async function readChainUpward(
    state: PlanState,
    step: PlanStep,
    o: { start: unknown[]; bind: string; table: string; parentField: string; capLoop: ScopeLoop; defaultDepth: number; what: string }
): Promise<void> {
    const { session, tables } = state;
    const maxDepth = step.loop?.maxDepth ?? o.defaultDepth;
    const visited = new Set<string>();
    let frontier = uniqIds(o.start);
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        frontier.forEach((id) => visited.add(key15(id)));
        const toRead = state.unread(frontier);
        if (toRead.length) tables.put(o.table, await session.step(step.id, { [o.bind]: toRead }));
        frontier = uniqIds(frontier.map((id) => tables.byId(id)?.row[o.parentField])).filter((id) => !visited.has(key15(id)));
    }
    if (frontier.length) session.reachCap(o.capLoop, maxDepth, `${o.what} go more than ${maxDepth} levels up; ${step.onCap}`);
}

/** A role's chain upward as the engine walks it (UserRole.ParentRoleId, or the hierarchy link). */
function roleChain(state: PlanState, roleId: string, links: Map<string, { parentRoleId: string }>): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    let current = roleId;
    while (current && !seen.has(key15(current))) {
        seen.add(key15(current));
        out.push(current);
        const row = state.tables.byId(current)?.row;
        current = links.get(str(row?.Id))?.parentRoleId ?? str(row?.ParentRoleId);
    }
    return out;
}

function territoryChain(state: PlanState, territoryId: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    let current = territoryId;
    while (current && !seen.has(key15(current))) {
        seen.add(key15(current));
        out.push(current);
        current = str(state.tables.byId(current)?.row.ParentTerritory2Id);
    }
    return out;
}

/** Round 8: derived groups of the principals' chains, then memberships upward from users and every group read. */
export async function readGroupMemberships(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const links = hierarchy(state).links;
    const related: string[] = [];
    for (const u of principals(state)) {
        if (str(u.UserRoleId)) related.push(...roleChain(state, str(u.UserRoleId), links));
        for (const a of tables.rows('UserTerritory2Association').filter((x) => key15(x.UserId) === key15(u.Id))) related.push(...territoryChain(state, str(a.Territory2Id)));
    }
    // Manager groups: the users asked about and their managers (ManagerAndSubordinatesInternal of each).
    for (const u of state.subjects()) {
        let current: Row | undefined = u;
        const seen = new Set<string>();
        while (current && !seen.has(key15(current.Id))) {
            seen.add(key15(current.Id));
            related.push(str(current.Id));
            current = tables.byId(current.ManagerId)?.row;
        }
    }
    tables.put('Group', await session.step('groups.derived', { relatedIds: uniqIds(related) }, { about: 'of the users asked about and the owners' }));

    const step = planStep('groups.membershipUp');
    const maxDepth = step.loop?.maxDepth ?? 20;
    let frontier = uniqIds([...principals(state).map((u) => u.Id), ...state.groups().map((g) => g.Id), ...state.whatIf.groupIds]);
    const visited = new Set(frontier.map(key15));
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        const rows = (await session.step('groups.membershipUp', { frontier })) ?? [];
        tables.put('GroupMember', rows);
        frontier = uniqIds(rows.map((r) => r.GroupId)).filter((id) => !visited.has(key15(id)));
        frontier.forEach((id) => visited.add(key15(id)));
        const unread = state.unread(frontier);
        if (unread.length) tables.put('Group', await session.step('groups.byId', { groupIds: unread }));
    }
    if (frontier.length) session.reachCap('groupNesting', maxDepth, `group memberships nest more than ${maxDepth} levels up; ${step.onCap}`);
}
