/**
 * From an audience to the who-can-see answer an admin pages through: the users with at least
 * Read (users whose only way in is a public org-wide default counted per profile and permission
 * set, and listed only on request), totals per mechanism and per access level, search, a
 * mechanism filter, sorting by name or access, one page — and the words (top reason, the cap
 * object permissions or a licence put on it) written only for the users on that page.
 */
import { combineBits, DELETE, EDIT, levelOfBits, rankOfBits, READ } from './accessBits';
import { objectPermissionWords } from './paths';
import { permissionHolders, READS } from './permissionHolders';
import { labelOf } from './snapshotIndex';
import type { AccessLevel, GrantPath, LayerId, WhoCanSeeCountedUser, WhoCanSeeEntry, WhoCanSeeOptions, WhoCanSeePublicAccess, WhoCanSeeResult } from './types';
import { LAYER_IDS } from './types';
import type { Audience } from './whoCanSeeAudience';
import { licenceCapText, SIDES, type Side } from './whoCanSeeFacts';
import { ACTIVE } from './userSpace';
import { topRef } from './whoCanSeeReach';
import { countersFromAggregates, heldInCounts } from './whoCanSeePublicCounts';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** One user with access, before the page's words are written. */
interface Row {
    /** The user's number in the snapshot's user space. */
    user: number;
    userId: string;
    name: string;
    username: string;
    /** Sort key: the name without accents, lower case. */
    key: string;
    bits: number;
    /** Bit i set: LAYER_IDS[i] reaches the user. */
    layers: number;
    publicOnly: boolean;
}

const LAYER_BIT = new Map<LayerId, number>(LAYER_IDS.map((id, i) => [id, 1 << i]));

const NON_ASCII = /[^ -~]/;

/** Names compare without case or accents ("Émile" sorts with "Emile"); plain ASCII skips the Unicode work. */
function sortKey(name: string): string {
    const lower = name.toLowerCase();
    return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

export interface AnswerParts {
    rows: Row[];
    publicAccess: WhoCanSeePublicAccess[];
    publicOverlap?: WhoCanSeeCountedUser[];
    uncertainties: string[];
}

/** Every user with at least Read, and the public-default counts. */
export function collectRows(audience: Audience, listPublic: boolean): AnswerParts {
    const index = audience.facts.index;
    const space = audience.space;
    const rows: Row[] = [];
    const doubts = new Set<string>(audience.doubts);
    const seenRefs = new Set<unknown>();
    const owdBit = LAYER_BIT.get('orgWideDefaults') ?? 0;
    const userRow = (user: number, bits: number, layers: number, publicOnly: boolean): Row | null => {
        if (!((space.flags[user] as number) & ACTIVE)) {
            return null;
        }
        const userId = space.ids[user] as string;
        const row = space.rows[user];
        const name = labelOf(row, userId);
        return { user, userId, name, username: str(row?.Username), key: sortKey(name), bits, layers, publicOnly };
    };
    audience.reach.forEachUser((user) => {
        if (!((space.flags[user] as number) & ACTIVE)) {
            return;
        }
        const bits = audience.access(user);
        if (!(bits & READ)) {
            return;
        }
        let layers = audience.defaultBits(user) ? owdBit : 0;
        audience.reach.forEachRef(user, (ref) => {
            layers |= LAYER_BIT.get(ref.layer) ?? 0;
            if (ref.doubts && !seenRefs.has(ref)) {
                seenRefs.add(ref);
                ref.doubts.forEach((d) => doubts.add(d));
            }
        });
        const row = userRow(user, bits, layers, false);
        if (row) {
            rows.push(row);
            for (const d of audience.userOnlyDoubts(user)) {
                doubts.add(d);
            }
        }
    });
    const publicAccess: WhoCanSeePublicAccess[] = [];
    const sides = SIDES.filter((s) => audience.defaultOf(s));
    const scope = index.snapshot.meta.scope;
    const targeted = scope?.kind === 'records';
    // A page of an answer written in pages reports the users it holds whom page 0's counts include, for the merge;
    // a further page counts nobody through a public default (page 0 does, for the whole answer).
    const held = targeted && sides.length ? heldInCounts(audience, sides) : [];
    const publicOverlap = targeted && scope.page ? held.map((h) => ({ userId: h.userId, side: h.side, profileId: h.profileId, permissionSetIds: h.permissionSetIds, access: h.access })) : undefined;
    const counts = targeted && (scope.page?.index ?? 0) === 0;
    if (sides.length && counts) {
        // A who-can-see snapshot counted these users with aggregate queries instead of reading them (whoCanSeePublicCounts.ts).
        const names = new Map<string, string>();
        for (const c of countersFromAggregates(audience, sides, scope.publicCounts, held, names, doubts)) {
            if (c.users > 0) {
                publicAccess.push(finish(c, (id) => names.get(id.slice(0, 15)) ?? labelOf(index.byId(id)?.row, id)));
            }
            audience.sideDoubtsOf(c.side).forEach((d) => doubts.add(d));
        }
        if (listPublic && publicAccess.length) {
            doubts.add('the users who can see this record only through its public org-wide default are counted, not listed: the who-can-see evidence does not read them one by one');
        }
    } else if (sides.length && !targeted) {
        const counters = new Map<Side, Counter>(sides.map((s) => [s, newCounter(s, audience.defaultOf(s)?.label ?? '')]));
        const holders = permissionHolders(index, audience.object);
        const reached = audience.reach.reached();
        for (let user = 0; user < space.size; user++) {
            if (!((space.flags[user] as number) & ACTIVE) || reached.has(user)) {
                continue;
            }
            const counter = counters.get(audience.sideOf(user));
            if (!counter) {
                continue;
            }
            const bits = audience.access(user);
            if (!(bits & READ)) {
                continue;
            }
            const userId = space.ids[user] as string;
            counter.users++;
            const level = levelOfBits(bits);
            counter.byAccess[level] = (counter.byAccess[level] ?? 0) + 1;
            const profileId = str(space.rows[user]?.ProfileId);
            counter.byProfile.set(profileId, (counter.byProfile.get(profileId) ?? 0) + 1);
            for (const g of holders.grants(userId)) {
                if (g.kind !== 'profile' && g.bits & READS) {
                    counter.byPermissionSet.set(g.id, (counter.byPermissionSet.get(g.id) ?? 0) + 1);
                }
            }
            if (listPublic) {
                const row = userRow(user, bits, owdBit, true);
                if (row) {
                    rows.push(row);
                }
            }
            for (const d of audience.userOnlyDoubts(user)) {
                doubts.add(d);
            }
        }
        for (const c of counters.values()) {
            if (c.users) {
                publicAccess.push(finish(c, (id) => labelOf(index.byId(id)?.row, id)));
            }
            for (const d of audience.sideDoubtsOf(c.side)) {
                doubts.add(d);
            }
        }
    }
    for (const side of SIDES) {
        if (rows.some((r) => audience.sideOf(r.user) === side)) {
            audience.sideDoubtsOf(side).forEach((d) => doubts.add(d));
        }
    }
    return { rows, publicAccess, uncertainties: [...doubts], ...(publicOverlap ? { publicOverlap } : {}) };
}

interface Counter {
    side: Side;
    model: string;
    users: number;
    byProfile: Map<string, number>;
    byPermissionSet: Map<string, number>;
    byAccess: Partial<Record<AccessLevel, number>>;
}

function newCounter(side: Side, model: string): Counter {
    return { side, model, users: 0, byProfile: new Map(), byPermissionSet: new Map(), byAccess: {} };
}

function finish(c: Counter, name: (id: string) => string): WhoCanSeePublicAccess {
    const list = (m: Map<string, number>): { id: string; name: string; users: number }[] =>
        [...m]
            .map(([id, users]) => ({ id, name: name(id), users }))
            .sort((a, b) => b.users - a.users || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { side: c.side, model: c.model, users: c.users, byProfile: list(c.byProfile), byPermissionSet: list(c.byPermissionSet), byAccess: c.byAccess };
}

export interface Page {
    total: number;
    totalsByMechanism: WhoCanSeeResult['totalsByMechanism'];
    totalsByAccess: WhoCanSeeResult['totalsByAccess'];
    rows: Row[];
}

/** Totals over every listed user; search, mechanism filter, sort and one page. */
export function pageOf(rows: Row[], options: Required<Pick<WhoCanSeeOptions, 'offset' | 'sort'>> & WhoCanSeeOptions): Page {
    const totalsByMechanism: WhoCanSeeResult['totalsByMechanism'] = {};
    const totalsByAccess: WhoCanSeeResult['totalsByAccess'] = {};
    const mechanismCounts = new Array<number>(LAYER_IDS.length).fill(0);
    for (const r of rows) {
        for (let i = 0; i < LAYER_IDS.length; i++) {
            if (r.layers & (1 << i)) {
                mechanismCounts[i] = (mechanismCounts[i] ?? 0) + 1;
            }
        }
        const level = levelOfBits(r.bits);
        totalsByAccess[level] = (totalsByAccess[level] ?? 0) + 1;
    }
    LAYER_IDS.forEach((id, i) => {
        if (mechanismCounts[i]) {
            totalsByMechanism[id] = mechanismCounts[i];
        }
    });
    const search = options.search?.trim().toLowerCase();
    const mechanismBit = options.mechanism ? (LAYER_BIT.get(options.mechanism) ?? 0) : 0;
    let matching = rows;
    if (search) {
        const plain = sortKey(search);
        matching = matching.filter((r) => r.key.includes(plain) || r.name.toLowerCase().includes(search) || r.username.toLowerCase().includes(search));
    }
    if (options.mechanism) {
        matching = matching.filter((r) => (r.layers & mechanismBit) !== 0);
    }
    const byName = (a: Row, b: Row): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
    const sorted = [...matching].sort(options.sort === 'access' ? (a, b) => rankOfBits(b.bits) - rankOfBits(a.bits) || byName(a, b) : byName);
    const limit = options.limit ?? sorted.length;
    return { total: matching.length, totalsByMechanism, totalsByAccess, rows: sorted.slice(options.offset, options.offset + limit) };
}

/** The words of one listed user: top mechanism and reason (with its cap), mechanisms, doubt. */
export function entryOf(audience: Audience, row: Row, paths: GrantPath[]): WhoCanSeeEntry {
    const mechanisms = LAYER_IDS.filter((_, i) => row.layers & (1 << i));
    const gate = audience.gate(row.user);
    const top = topRef(audience.refsOf(row.user), gate);
    let reason = top ? top.reason(row.userId) : '';
    if (top) {
        const capped = combineBits(top.bits, gate);
        if (rankOfBits(capped) < rankOfBits(top.bits)) {
            reason += ` — ${levelOfBits(top.bits)} capped at ${levelOfBits(capped)} by ${capText(audience, row.user, top.bits)}`;
        }
    }
    const entry: WhoCanSeeEntry = {
        userId: row.userId,
        userName: row.name,
        maxAccessLevel: levelOfBits(row.bits),
        topMechanism: top?.layer ?? 'orgWideDefaults',
        topReason: reason,
        mechanisms,
        paths,
        uncertain: audience.doubtsOf(row.user).length > 0
    };
    if (row.username) {
        entry.username = row.username;
    }
    return entry;
}

/** What lowers a grant for this user: their object permissions, their licence, or both. */
export function capText(audience: Audience, user: number, bits: number): string {
    const why: string[] = [];
    const objectGate = audience.objectGate(user);
    if ((bits & objectGate) !== bits) {
        why.push(objectPermissionWords(audience.object, (objectGate & READ) !== 0, (objectGate & EDIT) !== 0, (objectGate & DELETE) !== 0));
    }
    if ((bits & audience.licenceGate(user)) !== bits) {
        why.push(licenceCapText(audience.facts.index, audience.idOf(user)));
    }
    return why.length ? why.join(' and ') : `object permissions on ${audience.object}`;
}
