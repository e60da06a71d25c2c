/**
 * The record's own mechanisms, walked from the record down to the users they reach — each the
 * inverse of one layer's rule, so a user reached here is a user that layer grants in `explain`:
 * - ownership (layersBase.ts): the owner; members of an owning queue;
 * - role hierarchy (layersSharing.ts): users in roles strictly above the owner, above a member of
 *   an owning queue or of a share's grantee group that includes bosses, above a role group's
 *   role, above a user given a share or on a team — not for high-volume users or users who can't
 *   hold a role; nothing when Grant Access Using Hierarchies is off for a custom object;
 * - share rows (sharing rules, manual and Apex shares, team, territory and implicit rows): the
 *   grantee, or every user of the grantee group (reverseMembership.ts), with each layer's
 *   licence rules (high-volume users get no sharing rules or teams…);
 * - teams, territories (the territory holding the account or one below a user's territory) and
 *   child implicit sharing (the account owner and the roles above, per UserRole.<Object>AccessForAccountOwner);
 * - object View All / Modify All and View All Data / Modify All Data (permissionHolders.ts), and
 *   the User-record permissions (Manage Users, View All Users, Manage External Users).
 * Sources: as each layer's file says (seed 001 layers 1–10; seed 002; seed 003; seed 004;
 * access-semantics.md §1–10).
 */
import { parseShareLevel, type GrantLevel } from './accessLevels';
import { ALL, bitsOfGrant, EDIT, READ } from './accessBits';
import type { ShareGrant } from './context';
import { accountOwnerLevel, childAccountOwnerDoubt } from './layerImplicit';
import { ownerless } from './layersBase';
import { levelText, unreadableShareText } from './paths';
import {
    P_MANAGE_EXTERNAL_USERS,
    P_MANAGE_USERS,
    P_MODIFY_ALL,
    P_MODIFY_ALL_DATA,
    P_VIEW_ALL,
    P_VIEW_ALL_DATA,
    P_VIEW_ALL_USERS,
    permissionHolders,
    sourcesGiving,
    type PermissionHolders
} from './permissionHolders';
import { usersAboveMembers, usersAboveRole, usersOfGroup } from './reverseMembership';
import { describeRowCause } from './rowCauses';
import { matchSharingRules, ruleLabel } from './sharingRuleNames';
import { groupTypeLabel, labelOf, type SnapshotIndex } from './snapshotIndex';
import { bossesOf, hierarchyOn, teamGrants, type TeamGrant } from './layersSharing';
import type { LayerId, Row } from './types';
import type { RecordFacts, SideFacts } from './whoCanSeeFacts';
import { only, passes, type LicenceFilter } from './whoCanSeeFilters';
import type { GrantRef, ReachMap } from './whoCanSeeReach';
import type { UserSet, UserSpace } from './userSpace';

/** Where a walk records grants: the tally, the user space, and the side it is for (null: both sides). */
export interface Target {
    index: SnapshotIndex;
    reach: ReachMap;
    space: UserSpace;
    side: UserSet | null;
}

/** Grants one user (by id), if they are of the walk's side and pass the mechanism's licence filter. */
export function grantUser(t: Target, userId: string, ref: GrantRef, filter?: LicenceFilter): void {
    const n = t.space.numberOf(userId);
    if (n >= 0 && (!t.side || t.side.has(n)) && (!filter || passes(t.index, filter, n))) {
        t.reach.add(n, ref);
    }
}

/** Grants a set of users (kept as the set), filtered by licence and side. */
export function grantSet(t: Target, users: UserSet, ref: GrantRef, filter?: LicenceFilter): void {
    const kept = filter ? only(t.index, users, filter) : users;
    t.reach.addAll(t.side ? kept.and(t.side) : kept, ref);
}

/** Grants a share's grantee: the user, or every user of the group. */
export function grantGrantee(t: Target, granteeId: string, ref: GrantRef, filter?: LicenceFilter): void {
    if (t.index.byId(granteeId)?.table === 'User') {
        grantUser(t, granteeId, ref, filter);
    } else {
        grantSet(t, usersOfGroup(t.index, granteeId), ref, filter);
    }
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

export function makeRef(layer: LayerId, bits: number, reason: (userId: string) => string, doubts?: readonly string[]): GrantRef {
    return doubts && doubts.length ? { layer, bits, reason, doubts } : { layer, bits, reason };
}

/** "public group EMEA Sales", "queue Support", "Ana Rep": how a grantee is named in a reason. */
function granteeText(index: SnapshotIndex, granteeId: string): string {
    const hit = index.byId(granteeId);
    if (hit?.table === 'Group') {
        const type = str(hit.row.Type);
        const related = str(hit.row.RelatedId);
        const name = labelOf(hit.row, '') || (related ? index.name(related) : granteeId);
        return `${groupTypeLabel(type)} ${name}`;
    }
    return index.name(granteeId);
}

function roleOfUser(index: SnapshotIndex, userId: string): string {
    return str(index.user(userId)?.UserRoleId);
}

function roleName(index: SnapshotIndex, userId: string): string {
    return index.name(roleOfUser(index, userId));
}

// ---------------------------------------------------------------------------
// Permissions: View All / Modify All, View All Data / Modify All Data, User records
// ---------------------------------------------------------------------------

export function permissionGrants(facts: RecordFacts, t: Target, doubts: string[]): void {
    const { index, object } = facts;
    const holders = permissionHolders(index, object);
    const via = (userId: string, bit: number): string => sourcesGiving(index, holders, userId, bit).join(', ');
    if (object !== 'User' && holders.known) {
        const modifyAll = makeRef('objectPermissions', ALL, (u) => `Modify All on ${object} (${via(u, P_MODIFY_ALL)})`);
        const viewAll = makeRef('objectPermissions', READ, (u) => `View All on ${object} (${via(u, P_VIEW_ALL)})`);
        for (const userId of holders.elevated) {
            const bits = holders.bits(userId);
            if (bits & (P_MODIFY_ALL | P_VIEW_ALL)) {
                grantUser(t, userId, bits & P_MODIFY_ALL ? modifyAll : viewAll);
            }
        }
    }
    if (!index.hasTable('PermissionSet')) {
        doubts.push('PermissionSet rows were not collected, so who holds View All Data or Modify All Data is unknown');
        return;
    }
    const mad = makeRef('systemPermissions', ALL, (u) => `Modify All Data (${via(u, P_MODIFY_ALL_DATA)})`);
    if (object !== 'User') {
        const vad = makeRef('systemPermissions', READ, (u) => `View All Data (${via(u, P_VIEW_ALL_DATA)})`);
        for (const userId of holders.elevated) {
            const bits = holders.bits(userId);
            if (bits & (P_MODIFY_ALL_DATA | P_VIEW_ALL_DATA)) {
                grantUser(t, userId, bits & P_MODIFY_ALL_DATA ? mad : vad);
            }
        }
        return;
    }
    userRecordPermissionGrants(facts, holders, t, mad, via);
}

/** Seed 003: Modify All Data, Manage Users, Manage External Users (external user records), View All Users / View All Data. */
function userRecordPermissionGrants(facts: RecordFacts, holders: PermissionHolders, t: Target, mad: GrantRef, via: (u: string, bit: number) => string): void {
    const target = facts.index.classification(facts.recordId);
    const externalTarget = target.external && target.kind !== 'guest' && target.kind !== 'chatterExternal';
    const manage = makeRef('systemPermissions', EDIT | READ, (u) => `Manage Users (${via(u, P_MANAGE_USERS)})`);
    const manageExternal = makeRef('systemPermissions', EDIT | READ, (u) => `Manage External Users (${via(u, P_MANAGE_EXTERNAL_USERS)})`);
    const viewAllUsers = makeRef('systemPermissions', READ, (u) => {
        const vau = via(u, P_VIEW_ALL_USERS);
        return vau ? `View All Users (${vau})` : `View All Data (${via(u, P_VIEW_ALL_DATA)})`;
    });
    for (const userId of holders.elevated) {
        const b = holders.bits(userId);
        const ref =
            b & P_MODIFY_ALL_DATA
                ? mad
                : b & P_MANAGE_USERS
                  ? manage
                  : b & P_MANAGE_EXTERNAL_USERS && externalTarget
                    ? manageExternal
                    : b & (P_VIEW_ALL_USERS | P_VIEW_ALL_DATA)
                      ? viewAllUsers
                      : null;
        if (ref) {
            grantUser(t, userId, ref);
        }
    }
}

// ---------------------------------------------------------------------------
// Ownership
// ---------------------------------------------------------------------------

export function ownershipGrants(facts: RecordFacts, t: Target, doubts: string[]): void {
    const { index, object, row } = facts;
    if (object === 'User') {
        grantUser(t, facts.recordId, makeRef('ownership', READ | EDIT, () => 'their own user record'));
        return;
    }
    const ownerId = str(row.OwnerId);
    const owner = ownerId ? index.byId(ownerId) : undefined;
    if (owner?.table === 'User') {
        grantUser(t, ownerId, makeRef('ownership', ALL, () => 'owner'));
    } else if (owner?.table === 'Group' && str(owner.row.Type) === 'Queue') {
        const name = labelOf(owner.row);
        grantSet(t, usersOfGroup(index, ownerId), makeRef('ownership', ALL, () => `member of queue ${name}, which owns it`));
    } else if (ownerId) {
        doubts.push(`the owner ${ownerId} is not in the snapshot (neither a user nor a queue), so who owns this record — and who is above the owner — is unknown`);
    } else if (!ownerless(facts.sides.internal.ctx)) {
        doubts.push(`this ${object} record has no OwnerId in the snapshot, so who owns it (and who is above the owner) is unknown`);
    }
}

// ---------------------------------------------------------------------------
// Role hierarchy
// ---------------------------------------------------------------------------

export function hierarchyGrants(facts: RecordFacts, side: SideFacts, t: Target, doubts: string[]): void {
    const { index, object, row } = facts;
    const above = (users: UserSet, ref: GrantRef): void => grantSet(t, users, ref, 'hierarchy');
    const aboveRole = (roleId: string, ref: GrantRef): void => {
        if (roleId) {
            above(usersAboveRole(index, roleId), ref);
        }
    };
    if (object === 'User') {
        const targetRole = roleOfUser(index, facts.recordId);
        aboveRole(targetRole, makeRef('roleHierarchy', READ, (u) => `role ${roleName(index, u)} is above ${facts.recordName}'s role ${index.name(targetRole)}`));
        return;
    }
    const gauh = hierarchyOn(side.ctx);
    if (!gauh.on) {
        return;
    }
    const assumed = gauh.note ? [gauh.note] : undefined;
    const ref = (bits: number, reason: (u: string) => string): GrantRef => makeRef('roleHierarchy', bits, reason, assumed);
    // A queue whose own Grant Access Using Hierarchies wasn't collected: users above its members are not granted, and the answer says so.
    const bossesUnknown = (group: Row, what: string): void => {
        const name = labelOf(group);
        const users = usersAboveMembers(index, str(group.Id));
        if (!only(index, users, 'hierarchy').isEmpty()) {
            doubts.push(
                `whether queue ${name} grants access using hierarchies was not collected (Queue.doesIncludeBosses, Summer \u201926; queues of packages targeting API 66.0 or earlier have it off): if it does, users above its members also get ${what}`
            );
        }
    };
    const ownerId = str(row.OwnerId);
    const owner = ownerId ? index.byId(ownerId) : undefined;
    if (owner?.table === 'User') {
        const ownerRole = roleOfUser(index, ownerId);
        aboveRole(ownerRole, ref(ALL, (u) => `role ${roleName(index, u)} is above the owner ${labelOf(owner.row)} (role ${index.name(ownerRole)})`));
    } else if (owner?.table === 'Group' && str(owner.row.Type) === 'Queue') {
        const bosses = bossesOf(owner.row);
        if (bosses === 'on') {
            above(usersAboveMembers(index, ownerId), ref(ALL, (u) => `role ${roleName(index, u)} is above a member of the owning queue ${labelOf(owner.row)}`));
        } else if (bosses === 'unknown') {
            bossesUnknown(owner.row, `the owner's access (Full Access) to this ${object} record`);
        }
    }
    // Shares to users and groups below (sharing rules, manual and Apex shares, team shares), and team members.
    for (const grant of side.shares) {
        if (!['sharingRules', 'manualShares', 'teams'].includes(grant.layer) || !grant.level || grant.level === 'None') {
            continue;
        }
        const grantee = index.byId(grant.entry.granteeId);
        if (!grantee) {
            continue;
        }
        const cause = describeRowCause(grant.entry.rowCause).label;
        const level = grant.level;
        const who = granteeText(index, grant.entry.granteeId);
        if (grantee.table === 'User') {
            aboveRole(roleOfUser(index, grant.entry.granteeId), ref(bitsOfGrant(level), (u) => `role ${roleName(index, u)} is above ${who}, who has a ${cause} share (${levelText(level)})`));
        } else if (grantee.table === 'Group') {
            const type = str(grantee.row.Type);
            if (type === 'Role' || type === 'RoleAndSubordinates' || type === 'RoleAndSubordinatesInternal') {
                aboveRole(str(grantee.row.RelatedId), ref(bitsOfGrant(level), (u) => `role ${roleName(index, u)} is above the ${who}, which has a ${cause} share (${levelText(level)})`));
            } else if (type === 'Regular' || type === 'Queue') {
                const bosses = bossesOf(grantee.row);
                if (bosses === 'on') {
                    above(
                        usersAboveMembers(index, grant.entry.granteeId),
                        ref(bitsOfGrant(level), (u) => `role ${roleName(index, u)} is above a member of ${who}, which has a ${cause} share (${levelText(level)})`)
                    );
                } else if (bosses === 'unknown') {
                    bossesUnknown(grantee.row, `its ${cause.toLowerCase()} share (${levelText(level)})`);
                }
            }
        }
    }
    for (const team of teamGrants(side.ctx)) {
        if (team.ignoredReason || team.level === 'None') {
            continue;
        }
        aboveRole(roleOfUser(index, team.memberId), ref(bitsOfGrant(team.level), (u) => `role ${roleName(index, u)} is above ${index.name(team.memberId)}, on the ${team.label}`));
    }
}

// ---------------------------------------------------------------------------
// Share rows, teams, territories
// ---------------------------------------------------------------------------

function grantLevel(grant: ShareGrant): GrantLevel | null {
    return grant.level && grant.level !== 'None' ? grant.level : null;
}

function onAccountText(facts: RecordFacts, grant: ShareGrant): string {
    return grant.viaAccountId ? ` on account ${facts.index.name(grant.viaAccountId)} (${grant.column})` : '';
}

/** Layers whose share rows who-can-see walks; a row among them with an unreadable level makes the answer uncertain, as it makes the layer uncertain. */
const UNREADABLE_DOUBT_LAYERS: ReadonlySet<LayerId> = new Set<LayerId>(['sharingRules', 'manualShares', 'teams', 'territories', 'implicitSharing']);

export function shareRowGrants(facts: RecordFacts, side: SideFacts, t: Target, doubts: string[]): void {
    const { index, object } = facts;
    const rulesCollected = !!index.snapshot.metadata?.SharingRules;
    const teamFilter: LicenceFilter = object === 'Case' ? 'notHighVolume' : 'teams';
    const teamObject = ['Account', 'Opportunity', 'Case', 'Contact'].includes(object);
    const implicitObject = ['Account', 'Contact', 'Opportunity', 'Case', 'Contract', 'Order'].includes(object);
    for (const grant of side.shares) {
        const level = grantLevel(grant);
        if (!level) {
            if (grant.level === null && UNREADABLE_DOUBT_LAYERS.has(grant.layer)) {
                doubts.push(unreadableShareText((id) => index.name(id), grant));
            }
            continue;
        }
        const who = granteeText(index, grant.entry.granteeId);
        const grantee = grant.entry.granteeId;
        const bits = bitsOfGrant(level);
        switch (grant.layer) {
            case 'sharingRules': {
                const ruleObject = grant.viaAccountId ? 'Account' : object;
                const ruleRecord: Row = grant.viaAccountId ? (index.byId(grant.viaAccountId)?.row ?? facts.row) : facts.row;
                const matches = rulesCollected ? matchSharingRules(index, ruleObject, grant.entry.granteeId, ruleRecord) : [];
                const rule = matches.length ? `sharing rule ${matches.map((m) => ruleLabel(m.rule)).join(' or ')}` : 'a sharing rule';
                const text = `${rule} shares it ${levelText(level)} with ${who}${onAccountText(facts, grant)}`;
                grantGrantee(t, grantee, makeRef('sharingRules', bits, () => text), 'rules');
                break;
            }
            case 'manualShares': {
                const text = `${describeRowCause(grant.entry.rowCause).label} (${levelText(level)}) to ${who}${onAccountText(facts, grant)}`;
                grantGrantee(t, grantee, makeRef('manualShares', bits, () => text));
                break;
            }
            case 'teams':
                if (teamObject) {
                    const text = `team share (${levelText(level)}) to ${who}${onAccountText(facts, grant)}`;
                    grantGrantee(t, grantee, makeRef('teams', bits, () => text), teamFilter);
                }
                break;
            case 'territories': {
                const text = `${describeRowCause(grant.entry.rowCause).label} share (${levelText(level)}) to ${who}`;
                grantGrantee(t, grantee, makeRef('territories', bits, () => text));
                break;
            }
            case 'implicitSharing':
                if (implicitObject) {
                    const text = `${describeRowCause(grant.entry.rowCause).label} share (${levelText(level)})${onAccountText(facts, grant)}`;
                    grantGrantee(t, grantee, makeRef('implicitSharing', bits, () => text));
                }
                break;
            default:
                break;
        }
    }
    if (teamObject) {
        for (const team of teamGrants(side.ctx)) {
            if (team.ignoredReason || team.level === 'None') {
                continue;
            }
            grantGrantee(t, team.memberId, teamRef(team), 'notHighVolume');
        }
    }
}

function teamRef(t: TeamGrant): GrantRef {
    return makeRef('teams', bitsOfGrant(t.level), () => `member of the ${t.label}`);
}

const TERRITORY_COLUMN: Record<string, string> = {
    Account: 'AccountAccessLevel',
    Opportunity: 'OpportunityAccessLevel',
    Case: 'CaseAccessLevel',
    Contact: 'ContactAccessLevel'
};

export function territoryGrants(facts: RecordFacts, side: SideFacts, t: Target, doubts: string[]): void {
    const { index, object, row } = facts;
    const column = TERRITORY_COLUMN[object];
    const hasShares = side.shares.some((s) => s.layer === 'territories');
    if (!column) {
        return;
    }
    if (!index.hasTable('Territory2Model') && !hasShares) {
        const why = index.unavailable('Territory2Model');
        if (why) {
            doubts.push(`territory data is unavailable (${why})`);
        }
        return;
    }
    const accountId = object === 'Account' ? facts.recordId : side.owd.model === 'ControlledByParent' ? '' : str(row.AccountId);
    if (!accountId) {
        return;
    }
    const active = index.activeTerritoryModels();
    for (const assoc of index.rowsWhere('ObjectTerritory2Association', 'ObjectId', accountId)) {
        const tId = str(assoc.Territory2Id);
        const territory = index.byId(tId)?.row;
        if (!territory || !active.has(str(territory.Territory2ModelId))) {
            continue;
        }
        const level = parseShareLevel(territory[column]) ?? (object === 'Account' ? 'Read' : 'None');
        if (level === 'None') {
            continue;
        }
        const holding = labelOf(territory);
        for (const at of [tId, ...index.territoryAncestors(tId)]) {
            if (!index.isActiveTerritory(at)) {
                continue;
            }
            const where = at === tId ? `territory ${holding}` : `territory ${index.name(at)}, above ${holding},`;
            const ref = makeRef('territories', bitsOfGrant(level), () => `assigned to ${where} which holds account ${index.name(accountId)} (${column} ${levelText(level)})`);
            for (const a of index.rowsWhere('UserTerritory2Association', 'Territory2Id', at)) {
                if (a.IsActive !== false) {
                    grantUser(t, str(a.UserId), ref);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Child implicit sharing (seed 002)
// ---------------------------------------------------------------------------

export function childImplicitGrants(facts: RecordFacts, side: SideFacts, t: Target, doubts: string[]): void {
    const { index, object, row } = facts;
    if (!(object === 'Contact' || object === 'Opportunity' || object === 'Case') || side.owd.model === 'ControlledByParent') {
        return;
    }
    const accountId = str(row.AccountId);
    if (!accountId) {
        return;
    }
    const account = index.byId(accountId)?.row;
    if (!account) {
        doubts.push(`the account ${accountId} of this ${object.toLowerCase()} is not in the snapshot, so child implicit sharing can't be checked`);
        return;
    }
    const ownerId = str(account.OwnerId);
    const owner = index.user(ownerId);
    if (!owner) {
        return;
    }
    const ownerRoleId = str(owner.UserRoleId);
    const ownerRole = ownerRoleId ? index.byId(ownerRoleId)?.row : undefined;
    const owned = accountOwnerLevel(ownerRole, object, side.owd.model);
    if (owned.kind === 'unknown') {
        doubts.push(
            ownerRole
                ? `the ${object} access for account owners of the account owner's role ${labelOf(ownerRole)} is not in the snapshot (UserRole.${object}AccessForAccountOwner): what the owner of account ${labelOf(account)} and the users above them get on its ${object.toLowerCase()}s is unknown`
                : `the owner of account ${labelOf(account)} has no role in the snapshot, so what account owners get on its ${object.toLowerCase()}s is unknown`
        );
        return;
    }
    if (owned.kind === 'notApplicable' || owned.level === 'None') {
        return;
    }
    const level = owned.level;
    const ownerDoubt = childAccountOwnerDoubt(side.ctx, accountId);
    const grantDoubts = ownerDoubt ? [ownerDoubt] : [];
    const lvl = level;
    const what = `${levelText(lvl)} on its ${object.toLowerCase()}s`;
    grantUser(t, ownerId, makeRef('implicitSharing', bitsOfGrant(lvl), () => `owns the account ${labelOf(account)}, which gives its owner ${what}`, grantDoubts));
    if (ownerRoleId) {
        const ref = makeRef('implicitSharing', bitsOfGrant(lvl), (u) => `role ${roleName(index, u)} is above the owner of the account ${labelOf(account)}, who gets ${what}`);
        grantSet(t, usersAboveRole(index, ownerRoleId), ref, 'notHighVolume');
    }
}
