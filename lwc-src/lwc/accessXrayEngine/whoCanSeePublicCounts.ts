/**
 * Users whose only way to a record is a public org-wide default, from a who-can-see snapshot
 * (`meta.scope.kind = 'records'`, evidence plan whoCanSee/1): the plan does not read those users
 * one by one — it counts them with aggregate queries (`meta.scope.publicCounts`: active users per
 * profile and user type, holders of the permission sets granting Read or Edit, assignees per
 * set). The users the snapshot does hold and the record reaches another way are taken out of
 * those counts (`heldInCounts`), so the totals mean what they mean on a whole-org snapshot: users
 * counted once, under their profile and every granting permission set, per maximum access. An
 * answer in pages takes them out page by page (each page reports them; the panel merges), and
 * `publicCountsOf` gives a whole-org snapshot split into pages the counts the aggregates would.
 */
import { EDIT, READ } from './accessBits';
import { READS, permissionHolders } from './permissionHolders';
import { labelOf } from './snapshotIndex';
import type { PublicAccessCounts, WhoCanSeeCountedUser } from './types';
import { classifyUser } from './userLicence';
import { ACTIVE } from './userSpace';
import type { Audience } from './whoCanSeeAudience';
import type { Side } from './whoCanSeeFacts';

/** What whoCanSeeAnswer.ts turns into `publicAccess` (its Counter). */
export interface PublicCounter {
    side: Side;
    model: string;
    users: number;
    byProfile: Map<string, number>;
    byPermissionSet: Map<string, number>;
    byAccess: { Read?: number; Edit?: number };
}

function key(id: string): string {
    return id.slice(0, 15);
}

function sideOfType(userType: string): Side {
    return classifyUser({ UserType: userType }).external ? 'external' : 'internal';
}

function add(map: Map<string, number>, id: string, n: number): void {
    map.set(id, (map.get(id) ?? 0) + n);
}

/**
 * The counters of the sides whose default is public, from the aggregates; `names` gets the
 * profiles' and sets' names (their rows are not in the snapshot). Doubts say what the counts
 * could not take into account.
 */
export function countersFromAggregates(
    audience: Audience,
    sides: readonly Side[],
    counts: PublicAccessCounts | undefined,
    held: readonly HeldUser[],
    names: Map<string, string>,
    doubts: Set<string>
): PublicCounter[] {
    if (!counts) {
        for (const side of sides) {
            doubts.add(`the ${side} users who can see this ${audience.object} only through its org-wide default ${audience.defaultOf(side)?.label ?? ''} were not counted`.replace(/ {2,}/g, ' '));
        }
        return [];
    }
    const out = new Map<Side, PublicCounter>();
    for (const side of sides) {
        const label = audience.defaultOf(side)?.label ?? '';
        if (label.startsWith('Controlled by Parent')) {
            doubts.add(`the ${side} users who can see this ${audience.object} through its parents' org-wide default are counted by their object permissions only`);
        }
        out.set(side, { side, model: label, users: 0, byProfile: new Map(), byPermissionSet: new Map(), byAccess: {} });
    }
    const givesEdit = (side: Side): boolean => defaultGivesEdit(audience, side);
    const setHolders = (list: PublicAccessCounts['readSetHolders'], profileId: string, userType: string): number =>
        list.filter((h) => key(h.profileId) === key(profileId) && h.userType === userType).reduce((n, h) => n + h.users, 0);
    for (const p of counts.profiles) {
        const c = out.get(sideOfType(p.userType));
        if (!c) {
            continue;
        }
        const users = p.read ? p.users : setHolders(counts.readSetHolders, p.profileId, p.userType);
        if (!users) {
            continue;
        }
        names.set(key(p.profileId), p.name);
        c.users += users;
        add(c.byProfile, p.profileId, users);
        const edit = givesEdit(c.side) ? Math.min(users, p.edit ? p.users : setHolders(counts.editSetHolders, p.profileId, p.userType)) : 0;
        if (edit) {
            c.byAccess.Edit = (c.byAccess.Edit ?? 0) + edit;
        }
        if (users - edit) {
            c.byAccess.Read = (c.byAccess.Read ?? 0) + users - edit;
        }
    }
    for (const s of counts.sets) {
        const c = out.get(sideOfType(s.userType));
        if (c) {
            names.set(key(s.id), s.name);
            add(c.byPermissionSet, s.id, s.users);
        }
    }
    // The users the snapshot holds that the record reaches another way are listed, not counted.
    const ids = new Map<string, string>();
    for (const c of out.values()) {
        for (const m of [c.byProfile, c.byPermissionSet]) {
            for (const id of m.keys()) {
                ids.set(key(id), id);
            }
        }
    }
    for (const u of held) {
        const c = out.get(u.side) as PublicCounter;
        c.users--;
        add(c.byProfile, ids.get(key(u.profileId)) ?? u.profileId, -1);
        c.byAccess[u.access] = (c.byAccess[u.access] ?? 0) - 1;
        for (const id of u.permissionSetIds) {
            add(c.byPermissionSet, ids.get(key(id)) ?? id, -1);
        }
    }
    for (const c of out.values()) {
        for (const m of [c.byProfile, c.byPermissionSet]) {
            for (const [id, n] of m) {
                if (n <= 0) {
                    m.delete(id);
                }
            }
        }
        for (const level of ['Read', 'Edit'] as const) {
            if (!c.byAccess[level] || (c.byAccess[level] as number) <= 0) {
                delete c.byAccess[level];
            }
        }
    }
    return [...out.values()];
}

/** Does the side's default give Edit (Public Read/Write, Read/Write/Transfer, Full Access)? */
function defaultGivesEdit(audience: Audience, side: Side): boolean {
    return /Read\/Write|Full Access/i.test(audience.defaultOf(side)?.label ?? '');
}

/** A user `heldInCounts` finds, with their number in the user space. */
export interface HeldUser extends WhoCanSeeCountedUser {
    user: number;
}

/**
 * The users the snapshot holds whom the aggregates count although the record reaches them another
 * way (they are listed): active users of a side whose default is public, with Read on the object.
 * Each is taken out of their profile, of every permission set granting them Read and of their
 * access level — what `countersFromAggregates` subtracts, and what a page of a split answer
 * reports (`publicOverlap`) so that the panel takes the other pages' users out of page 0's counts.
 */
export function heldInCounts(audience: Audience, sides: readonly Side[]): HeldUser[] {
    const space = audience.space;
    const holders = permissionHolders(audience.facts.index, audience.object);
    const held: HeldUser[] = [];
    audience.reach.reached().forEach((user) => {
        const side = audience.sideOf(user);
        if (!sides.includes(side) || !((space.flags[user] as number) & ACTIVE)) {
            return;
        }
        const gate = audience.objectGate(user);
        if (!(gate & READ)) {
            return;
        }
        const userId = space.ids[user] as string;
        const permissionSetIds = holders
            .grants(userId)
            .filter((g) => g.kind !== 'profile' && g.bits & READS)
            .map((g) => g.id);
        held.push({
            user,
            userId,
            side,
            profileId: String(space.rows[user]?.ProfileId ?? ''),
            permissionSetIds,
            access: defaultGivesEdit(audience, side) && gate & EDIT ? 'Edit' : 'Read'
        });
    });
    return held;
}

/**
 * What the plan's aggregate queries would count on a whole-org snapshot (whoCanSeePages.ts gives
 * them to page 0 of a split answer, as the in-org job does): per profile and user type the users
 * counted — those whose only way in is the public default, as the one-by-one count finds them,
 * plus the users reached another way whom aggregates count too (`heldInCounts`) — so that taking
 * the listed users out again gives the one-by-one counts.
 */
export function publicCountsOf(audience: Audience, sides: readonly Side[]): PublicAccessCounts {
    const space = audience.space;
    const index = audience.facts.index;
    const holders = permissionHolders(index, audience.object);
    const reached = audience.reach.reached();
    const profiles = new Map<string, PublicAccessCounts['profiles'][number]>();
    const edits = new Map<string, PublicAccessCounts['editSetHolders'][number]>();
    const sets = new Map<string, PublicAccessCounts['sets'][number]>();
    const typeOf = (user: number, side: Side): string => {
        const type = String(space.rows[user]?.UserType ?? '');
        return type && sideOfType(type) === side ? type : side === 'external' ? 'PowerCustomerSuccess' : 'Standard';
    };
    const count = (user: number, side: Side, profileId: string, setIds: readonly string[], edit: boolean): void => {
        const userType = typeOf(user, side);
        const at = `${key(profileId)}:${userType}`;
        const profile = profiles.get(at) ?? { profileId, name: labelOf(index.byId(profileId)?.row, profileId), userType, users: 0, read: true, edit: false };
        profile.users++;
        profiles.set(at, profile);
        if (edit) {
            const holder = edits.get(at) ?? { profileId, userType, users: 0 };
            holder.users++;
            edits.set(at, holder);
        }
        for (const id of setIds) {
            const set = sets.get(`${key(id)}:${userType}`) ?? { id, name: labelOf(index.byId(id)?.row, id), userType, users: 0 };
            set.users++;
            sets.set(`${key(id)}:${userType}`, set);
        }
    };
    for (let user = 0; user < space.size; user++) {
        const side = audience.sideOf(user);
        if (reached.has(user) || !sides.includes(side) || !((space.flags[user] as number) & ACTIVE) || !(audience.access(user) & READ)) {
            continue;
        }
        const userId = space.ids[user] as string;
        const setIds = holders
            .grants(userId)
            .filter((g) => g.kind !== 'profile' && g.bits & READS)
            .map((g) => g.id);
        count(user, side, String(space.rows[user]?.ProfileId ?? ''), setIds, defaultGivesEdit(audience, side) && (audience.objectGate(user) & EDIT) !== 0);
    }
    for (const held of heldInCounts(audience, sides)) {
        count(held.user, held.side, held.profileId, held.permissionSetIds, held.access === 'Edit');
    }
    return { profiles: [...profiles.values()], readSetHolders: [], editSetHolders: [...edits.values()], sets: [...sets.values()] };
}
