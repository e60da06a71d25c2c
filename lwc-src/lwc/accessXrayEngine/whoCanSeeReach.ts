/**
 * The tally of a who-can-see sweep: which users the record's mechanisms reach, the access bits
 * each mechanism grants them (before gates) and which mechanisms did. One `GrantRef` is made
 * per mechanism instance (a share row, the owner, a team, a territory…) and shared by every
 * user it reaches; the sentence naming a grant is only written for the users a page shows.
 *
 * A mechanism that reaches a whole group (a share to "All internal users", a role and its
 * subordinates) is kept as that group's user set, not copied user by user: the group sets are
 * memoised per snapshot (reverseMembership.ts), so the same large group reached by an account and
 * by each of its cases costs one set, and asking about a user is one lookup per such grant.
 */
import { ALL, rankOfBits } from './accessBits';
import type { LayerId } from './types';

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

/** A side filter that keeps everyone: bulk lookups skip calling it. */
export const EVERYONE = (_userId: string): boolean => true;

/** Which users a grant covers, when it covers a whole group. */
interface Bulk {
    users: ReadonlySet<string>;
    ref: GrantRef;
    keep: (userId: string) => boolean;
}

/** Groups smaller than this are recorded user by user. */
const BULK_MIN = 64;

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
    private readonly single = new Map<string, Reach>();
    /** Strongest grants first, so a user who already has everything stops the lookup early. */
    private readonly bulk: Bulk[] = [];

    add(userId: string, ref: GrantRef): void {
        if (!userId || ref.bits === 0) {
            return;
        }
        const reach = this.single.get(userId);
        if (!reach) {
            this.single.set(userId, { grant: ref.bits, refs: [ref] });
            return;
        }
        reach.grant |= ref.bits;
        merge(reach.refs, ref);
    }

    addAll(userIds: ReadonlySet<string> | readonly string[], ref: GrantRef, keep: (userId: string) => boolean): void {
        if (ref.bits === 0) {
            return;
        }
        if (userIds instanceof Set && userIds.size >= BULK_MIN) {
            const rank = rankOfBits(ref.bits);
            const at = this.bulk.findIndex((b) => rankOfBits(b.ref.bits) < rank);
            this.bulk.splice(at < 0 ? this.bulk.length : at, 0, { users: userIds, ref, keep });
            return;
        }
        for (const u of userIds) {
            if (keep(u)) {
                this.add(u, ref);
            }
        }
    }

    /** True when some mechanism reaches the user. */
    has(userId: string): boolean {
        if (this.single.has(userId)) {
            return true;
        }
        for (const b of this.bulk) {
            if (b.users.has(userId) && (b.keep === EVERYONE || b.keep(userId))) {
                return true;
            }
        }
        return false;
    }

    /** OR of what the mechanisms reaching the user grant. */
    grantOf(userId: string): number {
        let grant = this.single.get(userId)?.grant ?? 0;
        for (const b of this.bulk) {
            if (grant === ALL) {
                break;
            }
            if ((grant | b.ref.bits) !== grant && b.users.has(userId) && (b.keep === EVERYONE || b.keep(userId))) {
                grant |= b.ref.bits;
            }
        }
        return grant;
    }

    /** The grants reaching the user, the strongest per mechanism. */
    refsOf(userId: string): GrantRef[] {
        const refs = [...(this.single.get(userId)?.refs ?? [])];
        for (const b of this.bulk) {
            if (b.users.has(userId) && (b.keep === EVERYONE || b.keep(userId))) {
                merge(refs, b.ref);
            }
        }
        return refs;
    }

    /** Each grant reaching the user (the same mechanism may come twice, from a user and from a group). */
    forEachRef(userId: string, visit: (ref: GrantRef) => void): void {
        for (const r of this.single.get(userId)?.refs ?? []) {
            visit(r);
        }
        for (const b of this.bulk) {
            if (b.users.has(userId) && (b.keep === EVERYONE || b.keep(userId))) {
                visit(b.ref);
            }
        }
    }

    /** Every user reached, maybe more than once (for callers that collect into a set anyway). */
    forEachCandidate(visit: (userId: string) => void): void {
        for (const u of this.single.keys()) {
            visit(u);
        }
        for (const b of this.bulk) {
            if (b.keep === EVERYONE) {
                b.users.forEach(visit);
                continue;
            }
            for (const u of b.users) {
                if (b.keep(u)) {
                    visit(u);
                }
            }
        }
    }

    /** Every user reached, once each (a user in several groups is visited from the first). */
    forEachUser(visit: (userId: string) => void): void {
        for (const u of this.single.keys()) {
            visit(u);
        }
        const bulk = this.bulk;
        for (let i = 0; i < bulk.length; i++) {
            const b = bulk[i] as Bulk;
            for (const u of b.users) {
                if (this.single.has(u) || (b.keep !== EVERYONE && !b.keep(u))) {
                    continue;
                }
                let earlier = false;
                for (let j = 0; j < i && !earlier; j++) {
                    const e = bulk[j] as Bulk;
                    earlier = e.users.has(u) && (e.keep === EVERYONE || e.keep(u));
                }
                if (!earlier) {
                    visit(u);
                }
            }
        }
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
