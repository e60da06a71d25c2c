/**
 * The tally of a who-can-see sweep: which users the record's mechanisms reach, the access bits
 * each mechanism grants them (before gates) and which mechanisms did. One `GrantRef` is made
 * per mechanism instance (a share row, the owner, a team, a territory…) and shared by every
 * user it reaches; the sentence naming a grant is only written for the users a page shows.
 *
 * Users are numbers of the snapshot's user space (userSpace.ts). A mechanism that reaches one
 * user is recorded for that user; one that reaches a group (a share to a role and its
 * subordinates, the users above a group's members) is kept as that group's bitmap, memoised per
 * snapshot — the same large group reached by an account and by each of its cases costs one
 * bitmap, and asking about a user is one bit test per such grant.
 */
import { ALL, rankOfBits } from './accessBits';
import type { LayerId } from './types';
import type { UserSet, UserSpace } from './userSpace';

export interface GrantRef {
    layer: LayerId;
    /** Access bits this grant gives before any gate (accessBits.ts). */
    bits: number;
    /** The grant in plain words for one user ("member of queue EMEA Support, which owns it"). */
    reason(userId: string): string;
    /** Evidence that was missing or assumed behind this grant. */
    doubts?: readonly string[];
}

export interface Reach {
    /** OR of the bits of every grant. */
    grant: number;
    refs: GrantRef[];
}

/** A grant that covers a whole set of users. */
interface Bulk {
    users: UserSet;
    ref: GrantRef;
}

/** Layers in the order a top reason prefers on a tie: the record's own mechanisms before permissions and defaults. */
const TIE_ORDER: readonly LayerId[] = [
    'ownership',
    'manualShares',
    'teams',
    'sharingRules',
    'territories',
    'roleHierarchy',
    'implicitSharing',
    'experienceCloud',
    'orgWideDefaults',
    'objectPermissions',
    'systemPermissions',
    'restrictionRules'
];

/** Adds a grant to a list, keeping only the strongest grant per mechanism (a weaker one adds nothing to say). */
function merge(refs: GrantRef[], ref: GrantRef): void {
    for (let i = 0; i < refs.length; i++) {
        const r = refs[i] as GrantRef;
        if (r === ref) {
            return;
        }
        if (r.layer === ref.layer) {
            const both = r.bits | ref.bits;
            if (both === r.bits) {
                return;
            }
            if (both === ref.bits) {
                refs[i] = ref;
                return;
            }
        }
    }
    refs.push(ref);
}

export class ReachMap {
    private readonly space: UserSpace;
    private readonly single = new Map<number, Reach>();
    /** Strongest grants first, so a user who already has everything stops the lookup early. */
    private readonly bulk: Bulk[] = [];
    private all: UserSet | null = null;
    private readonly layers = new Set<LayerId>();

    constructor(space: UserSpace) {
        this.space = space;
    }

    /** Records a grant for one user (a number of the user space; -1 is ignored). */
    add(user: number, ref: GrantRef): void {
        if (user < 0 || ref.bits === 0) {
            return;
        }
        this.all = null;
        this.layers.add(ref.layer);
        const reach = this.single.get(user);
        if (!reach) {
            this.single.set(user, { grant: ref.bits, refs: [ref] });
            return;
        }
        reach.grant |= ref.bits;
        merge(reach.refs, ref);
    }

    /** Records a grant for a set of users (kept as the set: never copy it user by user). */
    addAll(users: UserSet, ref: GrantRef): void {
        if (ref.bits === 0) {
            return;
        }
        this.all = null;
        this.layers.add(ref.layer);
        const rank = rankOfBits(ref.bits);
        const at = this.bulk.findIndex((b) => rankOfBits(b.ref.bits) < rank);
        this.bulk.splice(at < 0 ? this.bulk.length : at, 0, { users, ref });
    }

    /** True when some grant of this layer was recorded. */
    hasLayer(layer: LayerId): boolean {
        return this.layers.has(layer);
    }

    /** True when some mechanism reaches the user. */
    has(user: number): boolean {
        return this.reached().has(user);
    }

    /** OR of what the mechanisms reaching the user grant. */
    grantOf(user: number): number {
        let grant = this.single.get(user)?.grant ?? 0;
        for (const b of this.bulk) {
            if (grant === ALL) {
                break;
            }
            if ((grant | b.ref.bits) !== grant && b.users.has(user)) {
                grant |= b.ref.bits;
            }
        }
        return grant;
    }

    /** The grants reaching the user, the strongest per mechanism. */
    refsOf(user: number): GrantRef[] {
        const refs = [...(this.single.get(user)?.refs ?? [])];
        for (const b of this.bulk) {
            if (b.users.has(user)) {
                merge(refs, b.ref);
            }
        }
        return refs;
    }

    /** Each grant reaching the user (the same mechanism may come twice, from a user and from a group). */
    forEachRef(user: number, visit: (ref: GrantRef) => void): void {
        for (const r of this.single.get(user)?.refs ?? []) {
            visit(r);
        }
        for (const b of this.bulk) {
            if (b.users.has(user)) {
                visit(b.ref);
            }
        }
    }

    /** Every user reached, as one set (built once per change). */
    reached(): UserSet {
        if (!this.all) {
            const all = this.space.empty();
            for (const b of this.bulk) {
                all.addAll(b.users);
            }
            for (const u of this.single.keys()) {
                all.add(u);
            }
            this.all = all;
        }
        return this.all;
    }

    /** Every user reached, once each. */
    forEachUser(visit: (user: number) => void): void {
        this.reached().forEach(visit);
    }
}

/** The grant that gives the most once gated; ties go to the record's own mechanisms (TIE_ORDER). */
export function topRef(refs: readonly GrantRef[], gate: number): GrantRef | undefined {
    let best: GrantRef | undefined;
    let bestRank = -1;
    let bestTie = Number.MAX_SAFE_INTEGER;
    for (const r of refs) {
        const rank = rankOfBits(r.bits & gate);
        const tie = TIE_ORDER.indexOf(r.layer);
        if (rank > bestRank || (rank === bestRank && tie < bestTie)) {
            best = r;
            bestRank = rank;
            bestTie = tie;
        }
    }
    return best;
}
