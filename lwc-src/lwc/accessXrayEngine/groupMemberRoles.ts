/**
 * "Is this user above one of the group's members, and which member comes first?" answered
 * without reading the group's members: what the role hierarchy layer asks of every public group
 * or queue a record is shared with (or owned by), for every explanation.
 *
 * Built once per snapshot, at load:
 * - the role tree (parents from `SnapshotIndex.roleParent`, so external account hierarchy links
 *   count) numbered in depth-first order, so the roles strictly below role R are the positions
 *   `pos(R) + 1 … end(R)`;
 * - per position, the smallest user id holding that role (users ranked in id order), as a
 *   range-minimum table, once over every role and once without portal roles;
 * - per group, which positions its members hold: a derived role group is one range of the tree
 *   (Role: its role; RoleAndSubordinates: the role's subtree; …Internal: the same without portal
 *   roles), every other member (direct users, territory, manager and org-wide groups) a (position,
 *   smallest id) entry, and nested groups the union of what they hold (strongly connected
 *   components of the nesting as `SnapshotIndex.membersOf` resolves them).
 * - per public group and queue, its number of members (what `membersOf(…).size` says), counted
 *   on a bitmap over users numbered in role-tree order (a role's subtree is a run of numbers).
 * A question then costs two binary searches and the entries of the group inside the asking role's
 * subtree — bounded by the question, not by the size of the group or the org. The same numbering
 * answers "is role A above role B" (`isAbove`) and a role subtree's range (`subtree`).
 *
 * Same answer as the member scan it replaces (`membersOf`, each member's role, `isRoleAbove`):
 * the role tree has the same parent links, and a group's members are the same users. A role
 * graph with a cycle has no depth-first numbering: `loadSnapshot` refuses a UserRole loop, and
 * should external account hierarchy links ever close one, the index is not built and callers fall
 * back to the member scan and the walk up.
 */
import type { Row } from './types';

/** What the index reads from the snapshot index (kept narrow so SnapshotIndex can build it). */
export interface MemberRoleSource {
    rows(table: string): readonly Row[];
    user(userId: string): Row | undefined;
    roleParent(roleId: string): string | null;
    isPortalRoleId(roleId: string): boolean;
    /** Users a group holds by itself other than through its role range (direct users, territory, manager and org-wide members), each given to `visit`. */
    ownUserMembers(groupId: string, visit: (userId: string) => void): void;
    /** Role a Role / RoleAndSubordinates / RoleAndSubordinatesInternal group derives its members from, with the group's type. */
    roleRangeOf(groupId: string): { type: string; roleId: string } | null;
    /** Groups nested in groups, as `membersOf` resolves them: components in nesting order (a nested component has a smaller number). */
    nesting(): { componentOf: ReadonlyMap<string, number>; groups: readonly (readonly string[])[]; successors: readonly (readonly number[])[] };
}

const NONE = 0x7fffffff;

/** Positions a group's members hold: sorted (position, smallest rank) entries and sorted disjoint ranges. */
interface HeldRoles {
    /** Entry positions, ascending. */
    pos: Int32Array;
    /** Smallest member rank at the same index's position. */
    rank: Int32Array;
    /** Ranges of positions [from, to] (flattened pairs, ascending, disjoint) held by every user of the role. */
    all: Int32Array;
    /** The same, portal roles excluded (RoleAndSubordinatesInternal). */
    internal: Int32Array;
}

const EMPTY_HELD: HeldRoles = { pos: new Int32Array(0), rank: new Int32Array(0), all: new Int32Array(0), internal: new Int32Array(0) };

/** Range minimum over a fixed array, O(1) per question (sparse table). */
class RangeMin {
    private readonly levels: Int32Array[];

    constructor(values: Int32Array) {
        this.levels = [values];
        for (let span = 2; span <= values.length; span *= 2) {
            const prev = this.levels[this.levels.length - 1] as Int32Array;
            const half = span / 2;
            const next = new Int32Array(values.length - span + 1);
            for (let i = 0; i < next.length; i++) {
                const a = prev[i] as number;
                const b = prev[i + half] as number;
                next[i] = a < b ? a : b;
            }
            this.levels.push(next);
        }
    }

    /** Minimum over positions from…to inclusive (from ≤ to). */
    min(from: number, to: number): number {
        const k = 31 - Math.clz32(to - from + 1);
        const level = this.levels[k] as Int32Array;
        const a = level[from] as number;
        const b = level[to - (1 << k) + 1] as number;
        return a < b ? a : b;
    }
}

export class GroupMemberRoles {
    /** Depth-first position of each role id. */
    private readonly position: Map<string, number>;
    /** Last position of each position's subtree. */
    private readonly end: Int32Array;
    /** User ids in rank (id) order. */
    private readonly userIds: string[];
    private readonly minAll: RangeMin;
    private readonly minInternal: RangeMin;
    private readonly held = new Map<string, HeldRoles>();
    private readonly counts = new Map<string, number>();
    /** First user number of each position (users numbered in role-tree order); one more entry at the end. */
    private readonly start: Int32Array;
    /** Users of non-portal roles before each position. */
    private readonly internalUpTo: Int32Array;

    private constructor(position: Map<string, number>, end: Int32Array, userIds: string[], minAll: RangeMin, minInternal: RangeMin, start: Int32Array, internalUpTo: Int32Array) {
        this.position = position;
        this.end = end;
        this.userIds = userIds;
        this.minAll = minAll;
        this.minInternal = minInternal;
        this.start = start;
        this.internalUpTo = internalUpTo;
    }

    /** Builds the index; null when the role graph has a cycle (callers then scan members). */
    static build(source: MemberRoleSource, groupIds: readonly string[]): GroupMemberRoles | null {
        const tree = roleTree(source);
        if (!tree) {
            return null;
        }
        const { position, end } = tree;
        // Each user (User table, first row of an id) once: slot k of the arrays below.
        const slotOf = new Map<string, number>();
        const ids: string[] = [];
        const roleAt: number[] = [];
        for (const u of source.rows('User')) {
            const id = u.Id;
            if (typeof id === 'string' && !slotOf.has(id)) {
                const row = source.user(id);
                if (row) {
                    slotOf.set(id, ids.length);
                    ids.push(id);
                    roleAt.push(position.get(roleOfUser(row)) ?? -1);
                }
            }
        }
        // Rank: the user's place in id order (string order, as the member scan compared ids).
        const bySlot = ids.map((_, k) => k).sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : (ids[a] as string) > (ids[b] as string) ? 1 : 0));
        const userIds = bySlot.map((k) => ids[k] as string);
        const rank = new Int32Array(ids.length);
        bySlot.forEach((k, r) => {
            rank[k] = r;
        });
        const minAll = new Int32Array(end.length).fill(NONE);
        // Users numbered in role-tree order, so the users of a role's subtree are consecutive numbers
        // (users of position p: start[p] … start[p + 1] - 1; users without a known role last): a
        // group's member count is a bitmap's, filled range by range.
        const next = new Int32Array(end.length + 1);
        for (let k = 0; k < ids.length; k++) {
            const p = roleAt[k] as number;
            if (p >= 0) {
                next[p + 1] = (next[p + 1] as number) + 1;
                if ((rank[k] as number) < (minAll[p] as number)) {
                    minAll[p] = rank[k] as number;
                }
            }
        }
        for (let p = 1; p <= end.length; p++) {
            next[p] = (next[p] as number) + (next[p - 1] as number);
        }
        const start = Int32Array.from(next);
        const numberAt = new Int32Array(ids.length);
        let unplaced = start[end.length] as number;
        for (let k = 0; k < ids.length; k++) {
            const p = roleAt[k] as number;
            if (p < 0) {
                numberAt[k] = unplaced++;
            } else {
                numberAt[k] = next[p] as number;
                next[p] = (next[p] as number) + 1;
            }
        }
        const portal = new Uint8Array(end.length);
        for (const [id, p] of position) {
            if (source.isPortalRoleId(id)) {
                portal[p] = 1;
            }
        }
        const minInternal = Int32Array.from(minAll);
        // Users of non-portal roles before each position, for RoleAndSubordinatesInternal counts.
        const internalUpTo = new Int32Array(end.length + 1);
        for (let p = 0; p < end.length; p++) {
            if (portal[p]) {
                minInternal[p] = NONE;
            }
            internalUpTo[p + 1] = (internalUpTo[p] as number) + (portal[p] ? 0 : (start[p + 1] as number) - (start[p] as number));
        }
        const index = new GroupMemberRoles(position, end, userIds, new RangeMin(minAll), new RangeMin(minInternal), start, internalUpTo);

        const words = (ids.length + 31) >>> 5;
        const users: UserTables = { slotOf, numberAt, roleAt, rank, position, end, start, portal };
        const nesting = source.nesting();
        const ofComponent: Members[] = [];
        for (let c = 0; c < nesting.groups.length; c++) {
            // Nested components have smaller numbers: theirs are done.
            const into: Members = { held: EMPTY_HELD, bits: new Uint32Array(words), others: new Set() };
            const held: HeldRoles[] = [];
            for (const g of nesting.groups[c] ?? []) {
                held.push(addOwnMembers(source, g, into, users));
            }
            for (const s of nesting.successors[c] ?? []) {
                const nested = ofComponent[s];
                if (nested) {
                    held.push(nested.held);
                    for (let k = 0; k < words; k++) {
                        into.bits[k] = (into.bits[k] as number) | (nested.bits[k] as number);
                    }
                    nested.others.forEach((o) => into.others.add(o));
                }
            }
            into.held = union(held);
            ofComponent.push(into);
        }
        for (const gid of groupIds) {
            const c = nesting.componentOf.get(gid);
            let found = c === undefined ? undefined : ofComponent[c];
            if (!found) {
                found = { held: EMPTY_HELD, bits: new Uint32Array(words), others: new Set() };
                found.held = addOwnMembers(source, gid, found, users);
            }
            index.held.set(gid, found.held);
            index.counts.set(gid, popCount(found.bits) + found.others.size);
        }
        return index;
    }

    /**
     * Number of users in a group (what `membersOf(…).size` says): counted at load for public groups
     * and queues; for a role group with no members of its own and not nested, from the role tree;
     * undefined otherwise (the caller counts the members).
     */
    memberCount(groupId: string, roleRange: { type: string; roleId: string } | null): number | undefined {
        const counted = this.counts.get(groupId);
        if (counted !== undefined || !roleRange) {
            return counted;
        }
        const p = this.position.get(roleRange.roleId);
        if (p === undefined) {
            return undefined;
        }
        const to = roleRange.type === 'Role' ? p : (this.end[p] as number);
        return roleRange.type === 'RoleAndSubordinatesInternal' ? (this.internalUpTo[to + 1] as number) - (this.internalUpTo[p] as number) : (this.start[to + 1] as number) - (this.start[p] as number);
    }

    /** Depth-first position of a role (every role of the snapshot and every role a user holds), or undefined. */
    positionOf(roleId: string): number | undefined {
        return this.position.get(roleId);
    }

    /** True when role `upper` is strictly above role `lower`; undefined when either is not in the tree. */
    isAbove(upper: string, lower: string): boolean | undefined {
        const u = this.position.get(upper);
        const l = this.position.get(lower);
        return u === undefined || l === undefined ? undefined : u < l && l <= (this.end[u] as number);
    }

    /** Positions of a role and every role below it: from…to inclusive (null for an unknown role). */
    subtree(roleId: string): [number, number] | null {
        const p = this.position.get(roleId);
        return p === undefined ? null : [p, this.end[p] as number];
    }

    /** Number of positions (roles) in the tree. */
    get size(): number {
        return this.end.length;
    }

    /** True when the index answers for this group (built for it). */
    covers(groupId: string): boolean {
        return this.held.has(groupId);
    }

    /**
     * The smallest member id (string order) of the group whose role is strictly below `roleIdAbove`,
     * or null when no member is below it.
     */
    firstMemberBelow(groupId: string, roleIdAbove: string): string | null {
        const held = this.held.get(groupId);
        const p = this.position.get(roleIdAbove);
        if (!held || p === undefined) {
            return null;
        }
        const from = p + 1;
        const to = this.end[p] as number;
        if (from > to) {
            return null;
        }
        let best = NONE;
        const { pos, rank } = held;
        for (let i = lowerBound(pos, from); i < pos.length && (pos[i] as number) <= to; i++) {
            const r = rank[i] as number;
            if (r < best) {
                best = r;
            }
        }
        best = Math.min(best, rangesMin(held.all, from, to, this.minAll), rangesMin(held.internal, from, to, this.minInternal));
        return best === NONE ? null : (this.userIds[best] ?? null);
    }
}

/** A group's members being gathered: the roles they hold, and who they are. */
interface Members {
    held: HeldRoles;
    /** Members in the User table, as a bitmap over their numbers. */
    bits: Uint32Array;
    /** Member ids outside the User table (a territory association or manager naming an unknown user). */
    others: Set<string>;
}

/** The users of the snapshot as the build numbers them (slot: User table order). */
interface UserTables {
    slotOf: Map<string, number>;
    numberAt: Int32Array;
    /** Role position per slot, -1 when the user has no role in the tree. */
    roleAt: number[];
    rank: Int32Array;
    position: Map<string, number>;
    end: Int32Array;
    start: Int32Array;
    portal: Uint8Array;
}

/**
 * Adds a group's own members (not nested ones) to `into`; returns the roles they hold.
 * A module function, not a closure of the build: no closure created here refers to `source`
 * (the snapshot index), so nothing the engine keeps can keep an index alive after it is dropped.
 */
function addOwnMembers(source: MemberRoleSource, gid: string, into: Members, users: UserTables): HeldRoles {
    const entries: number[] = [];
    collectUsers(source, gid, into, users, entries);
    const { position, end, start, portal } = users;
    const range = source.roleRangeOf(gid);
    const p = range ? position.get(range.roleId) : undefined;
    if (!range || p === undefined) {
        return heldFrom(entries, [], []);
    }
    const to = range.type === 'Role' ? p : (end[p] as number);
    if (range.type !== 'RoleAndSubordinatesInternal') {
        setRange(into.bits, start[p] as number, start[to + 1] as number);
        return heldFrom(entries, [[p, to]], []);
    }
    for (let q = p; q <= to; q++) {
        if (!portal[q]) {
            setRange(into.bits, start[q] as number, start[q + 1] as number);
        }
    }
    return heldFrom(entries, [], [[p, to]]);
}

/** Each user member of the group: its bit, and its (position, rank) entry. */
function collectUsers(source: MemberRoleSource, gid: string, into: Members, users: UserTables, entries: number[]): void {
    source.ownUserMembers(gid, (member) => visitMember(member, into, users, entries));
}

function visitMember(member: string, into: Members, users: UserTables, entries: number[]): void {
    const k = users.slotOf.get(member);
    if (k === undefined) {
        into.others.add(member);
        return;
    }
    const n = users.numberAt[k] as number;
    into.bits[n >>> 5] = (into.bits[n >>> 5] as number) | (1 << (n & 31));
    const p = users.roleAt[k] as number;
    if (p >= 0) {
        entries.push(p, users.rank[k] as number);
    }
}

/** Sets bits from…to-1. */
function setRange(bits: Uint32Array, from: number, to: number): void {
    for (let n = from; n < to; ) {
        if ((n & 31) === 0 && n + 32 <= to) {
            bits[n >>> 5] = 0xffffffff;
            n += 32;
        } else {
            bits[n >>> 5] = (bits[n >>> 5] as number) | (1 << (n & 31));
            n++;
        }
    }
}

function popCount(bits: Uint32Array): number {
    let n = 0;
    for (let k = 0; k < bits.length; k++) {
        let v = bits[k] as number;
        v = v - ((v >>> 1) & 0x55555555);
        v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
        n += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
    }
    return n;
}

function roleOfUser(user: Row | undefined): string {
    const r = user?.UserRoleId;
    return typeof r === 'string' ? r : '';
}

/** Smallest value of `min` over the parts of the ranges (flattened pairs) inside from…to. */
function rangesMin(ranges: Int32Array, from: number, to: number, min: RangeMin): number {
    let best = NONE;
    // First range whose end reaches `from` (ranges are disjoint and ascending, so their ends are too).
    let lo = 0;
    let hi = ranges.length / 2;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((ranges[mid * 2 + 1] as number) < from) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (let k = lo; k < ranges.length / 2 && (ranges[k * 2] as number) <= to; k++) {
        const a = Math.max(ranges[k * 2] as number, from);
        const b = Math.min(ranges[k * 2 + 1] as number, to);
        if (a <= b) {
            const m = min.min(a, b);
            if (m < best) {
                best = m;
            }
        }
    }
    return best;
}

function lowerBound(sorted: Int32Array, value: number): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as number) < value) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/** Union of what several groups hold. */
function union(parts: HeldRoles[]): HeldRoles {
    const nonEmpty = parts.filter((h) => h !== EMPTY_HELD);
    if (nonEmpty.length <= 1) {
        return nonEmpty[0] ?? EMPTY_HELD;
    }
    const entries: number[] = [];
    for (const h of nonEmpty) {
        for (let i = 0; i < h.pos.length; i++) {
            entries.push(h.pos[i] as number, h.rank[i] as number);
        }
    }
    return heldFrom(
        entries,
        nonEmpty.map((h) => h.all),
        nonEmpty.map((h) => h.internal)
    );
}

/** From flattened (position, rank) entries and lists of flattened [from, to] ranges. */
function heldFrom(entries: number[], all: ArrayLike<number>[], internal: ArrayLike<number>[]): HeldRoles {
    const order: number[] = [];
    for (let i = 0; i < entries.length; i += 2) {
        order.push(i);
    }
    order.sort((a, b) => (entries[a] as number) - (entries[b] as number) || (entries[a + 1] as number) - (entries[b + 1] as number));
    const pos: number[] = [];
    const rank: number[] = [];
    for (const i of order) {
        const p = entries[i] as number;
        // Sorted by rank within a position: the first is the smallest.
        if (pos.length === 0 || pos[pos.length - 1] !== p) {
            pos.push(p);
            rank.push(entries[i + 1] as number);
        }
    }
    const merged = { pos: Int32Array.from(pos), rank: Int32Array.from(rank), all: mergeRanges(all), internal: mergeRanges(internal) };
    return merged.pos.length || merged.all.length || merged.internal.length ? merged : EMPTY_HELD;
}

/** Sorted, disjoint union of ranges given as flattened [from, to] pairs. */
function mergeRanges(lists: ArrayLike<number>[]): Int32Array {
    const pairs: [number, number][] = [];
    for (const list of lists) {
        for (let i = 0; i + 1 < list.length; i += 2) {
            pairs.push([list[i] as number, list[i + 1] as number]);
        }
    }
    if (pairs.length === 0) {
        return EMPTY_HELD.all;
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const out: number[] = [];
    for (const [a, b] of pairs) {
        const last = out.length - 1;
        if (last > 0 && a <= (out[last] as number) + 1) {
            out[last] = Math.max(out[last] as number, b);
        } else {
            out.push(a, b);
        }
    }
    return Int32Array.from(out);
}

/**
 * Every role (UserRole rows, the parents they name, the roles users hold) numbered depth-first
 * over `roleParent`; null when following parents loops.
 */
function roleTree(source: MemberRoleSource): { position: Map<string, number>; end: Int32Array } | null {
    const parentOf = new Map<string, string | null>();
    const pending: string[] = [];
    const note = (id: unknown): void => {
        if (typeof id === 'string' && id && !parentOf.has(id)) {
            parentOf.set(id, null);
            pending.push(id);
        }
    };
    for (const r of source.rows('UserRole')) {
        note(r.Id);
    }
    for (const u of source.rows('User')) {
        note(u.UserRoleId);
    }
    while (pending.length) {
        const id = pending.pop() as string;
        const parent = source.roleParent(id);
        parentOf.set(id, parent);
        note(parent);
    }
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    for (const [id, parent] of parentOf) {
        if (parent === null) {
            roots.push(id);
        } else {
            const list = children.get(parent);
            if (list) {
                list.push(id);
            } else {
                children.set(parent, [id]);
            }
        }
    }
    const position = new Map<string, number>();
    const end = new Int32Array(parentOf.size);
    for (const root of roots) {
        position.set(root, position.size);
        const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
        while (stack.length) {
            const frame = stack[stack.length - 1] as { id: string; next: number };
            const kids = children.get(frame.id) ?? [];
            if (frame.next < kids.length) {
                const kid = kids[frame.next++] as string;
                position.set(kid, position.size);
                stack.push({ id: kid, next: 0 });
            } else {
                stack.pop();
                end[position.get(frame.id) as number] = position.size - 1;
            }
        }
    }
    // Roles never reached from a root sit on a loop of parents.
    return position.size === parentOf.size ? { position, end } : null;
}
