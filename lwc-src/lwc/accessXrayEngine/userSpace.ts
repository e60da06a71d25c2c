/**
 * The users of a snapshot, numbered once (User table order), so a sweep over 100 000 users can
 * hold "who a group reaches" as a bitmap: membership is one array read, a licence filter or a
 * union is a word-by-word AND / OR, and a set of 100 000 users takes 12.5 kB instead of a hash
 * set of strings. Per-user facts a sweep asks about everyone — the side (internal / external),
 * what licence lets them be reached by, whether they are active — are read once into flags.
 *
 * Classification (userLicence.ts) is the one `SnapshotIndex.classification` gives, shared by
 * every user with the same user type and profile: nothing else decides it.
 */
import type { SnapshotIndex } from './snapshotIndex';
import type { Row } from './types';
import type { UserClassification } from './userLicence';

/** Per-user flags. */
export const ACTIVE = 1;
/** External users get the external org-wide default (userLicence.ts). */
export const EXTERNAL = 2;
/** Not high-volume and can hold a role: the role hierarchy can reach them. */
export const HIERARCHY = 4;
/** Not high-volume and can be in groups and sharing rules. */
export const RULES = 8;
/** Not high-volume and can be on account and opportunity teams (internal and partner users). */
export const TEAMS = 16;
export const NOT_HIGH_VOLUME = 32;
/** Takes the Experience Cloud layer's external path (licence caps, portal mechanisms). */
export const EXTERNAL_PATH = 64;
/** In the Organization ("All Internal Users") group: internal, not the Automated Process user. */
export const ALL_INTERNAL = 128;
/** In the PRMOrganization group: partner users. */
export const ALL_PARTNERS = 256;
/** In the AllCustomerPortal group: Customer Community Plus and Customer Portal users. */
export const ALL_CUSTOMER_PORTAL = 512;

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** A set of users of one snapshot, as a bitmap over their numbers. */
export class UserSet {
    readonly words: Uint32Array;

    constructor(size: number, words?: Uint32Array) {
        this.words = words ?? new Uint32Array((size + 31) >>> 5);
    }

    has(i: number): boolean {
        return i >= 0 && ((this.words[i >>> 5] as number) & (1 << (i & 31))) !== 0;
    }

    add(i: number): void {
        if (i >= 0) {
            this.words[i >>> 5] = (this.words[i >>> 5] as number) | (1 << (i & 31));
        }
    }

    /** Adds every user of another set. */
    addAll(other: UserSet): void {
        const w = this.words;
        const o = other.words;
        for (let k = 0; k < w.length; k++) {
            w[k] = (w[k] as number) | (o[k] as number);
        }
    }

    /** A new set: the users of this one that are also in `mask`. */
    and(mask: UserSet): UserSet {
        const out = new UserSet(0, new Uint32Array(this.words.length));
        for (let k = 0; k < this.words.length; k++) {
            out.words[k] = (this.words[k] as number) & (mask.words[k] as number);
        }
        return out;
    }

    /** True when every user of this set is in `mask`. */
    within(mask: UserSet): boolean {
        for (let k = 0; k < this.words.length; k++) {
            if (((this.words[k] as number) & ~(mask.words[k] as number)) !== 0) {
                return false;
            }
        }
        return true;
    }

    /** True when no user is in the set. */
    isEmpty(): boolean {
        return this.words.every((w) => w === 0);
    }

    forEach(visit: (i: number) => void): void {
        const w = this.words;
        for (let k = 0; k < w.length; k++) {
            let word = w[k] as number;
            while (word !== 0) {
                const low = word & -word;
                visit((k << 5) + (31 - Math.clz32(low)));
                word ^= low;
            }
        }
    }
}

export class UserSpace {
    readonly size: number;
    readonly ids: readonly string[];
    /** The User rows, by number. */
    readonly rows: readonly Row[];
    readonly flags: Uint16Array;
    readonly classes: readonly UserClassification[];
    private readonly numbers = new Map<string, number>();
    private readonly masks = new Map<number, UserSet>();

    constructor(index: SnapshotIndex) {
        const ids: string[] = [];
        const rows: Row[] = [];
        const classes: UserClassification[] = [];
        const active: boolean[] = [];
        // Type, profile and the licence name a nested Profile relationship carries decide it (userLicence.ts).
        const byKind = new Map<string, Map<string, Map<string, UserClassification>>>();
        for (const row of index.rows('User')) {
            const id = str(row.Id);
            if (!id || this.numbers.has(id)) {
                continue;
            }
            this.numbers.set(id, ids.length);
            ids.push(id);
            rows.push(row);
            active.push(row.IsActive !== false);
            const nested = row.Profile as { UserLicense?: { Name?: unknown } } | undefined;
            const licence = nested === undefined ? '' : `+${str(nested?.UserLicense?.Name)}`;
            let byProfile = byKind.get(str(row.UserType));
            if (!byProfile) {
                byProfile = new Map();
                byKind.set(str(row.UserType), byProfile);
            }
            let byLicence = byProfile.get(str(row.ProfileId));
            if (!byLicence) {
                byLicence = new Map();
                byProfile.set(str(row.ProfileId), byLicence);
            }
            let c = byLicence.get(licence);
            if (!c) {
                c = index.classification(id);
                byLicence.set(licence, c);
            }
            classes.push(c);
        }
        this.size = ids.length;
        this.ids = ids;
        this.rows = rows;
        this.classes = classes;
        this.flags = new Uint16Array(ids.length);
        for (let i = 0; i < ids.length; i++) {
            const c = classes[i] as UserClassification;
            const hv = c.highVolume;
            this.flags[i] =
                (active[i] ? ACTIVE : 0) |
                (c.external ? EXTERNAL : 0) |
                (!hv && c.canHaveRole ? HIERARCHY : 0) |
                (!hv && c.canBeInGroupsAndRules ? RULES : 0) |
                (!hv && c.canBeOnAccountOrOpportunityTeams ? TEAMS : 0) |
                (!hv ? NOT_HIGH_VOLUME : 0) |
                (c.kind === 'internal' || c.kind === 'automated' || (c.kind === 'unknown' && !c.external) ? 0 : EXTERNAL_PATH) |
                (!c.external && c.kind !== 'automated' ? ALL_INTERNAL : 0) |
                (c.kind === 'partnerCommunity' ? ALL_PARTNERS : 0) |
                (c.kind === 'customerCommunityPlus' ? ALL_CUSTOMER_PORTAL : 0);
        }
    }

    /** The number of a user, or -1 when the id is not a user of the snapshot. */
    numberOf(userId: string): number {
        return this.numbers.get(userId) ?? -1;
    }

    empty(): UserSet {
        return new UserSet(this.size);
    }

    /** The users with every one of these flags (memoised). */
    mask(flags: number): UserSet {
        let m = this.masks.get(flags);
        if (!m) {
            m = this.empty();
            for (let i = 0; i < this.size; i++) {
                if (((this.flags[i] as number) & flags) === flags) {
                    m.add(i);
                }
            }
            this.masks.set(flags, m);
        }
        return m;
    }

    /** The users of a side: external or internal (memoised). */
    side(external: boolean): UserSet {
        const key = external ? 1 << 30 : 1 << 29;
        let m = this.masks.get(key);
        if (!m) {
            m = this.empty();
            for (let i = 0; i < this.size; i++) {
                if ((((this.flags[i] as number) & EXTERNAL) !== 0) === external) {
                    m.add(i);
                }
            }
            this.masks.set(key, m);
        }
        return m;
    }
}

/** The snapshot's user space (built once). */
export function userSpace(index: SnapshotIndex): UserSpace {
    return index.memo('userSpace', 'all', () => new UserSpace(index));
}
