/**
 * Which users a mechanism can reach at all, by licence (userLicence.ts; seed 003, seed 004):
 * the role hierarchy only reaches users who can hold a role and aren't high-volume; sharing
 * rules, users who can be in groups and rules; account and opportunity teams, internal and
 * partner users; case teams and shares, anyone but high-volume users. A group's users filtered
 * this way are memoised per group set (the sets themselves are memoised per snapshot), and the
 * filter is one AND over two bitmaps (userSpace.ts).
 */
import type { SnapshotIndex } from './snapshotIndex';
import { HIERARCHY, NOT_HIGH_VOLUME, RULES, TEAMS, userSpace, type UserSet } from './userSpace';

export type LicenceFilter = 'hierarchy' | 'rules' | 'teams' | 'notHighVolume';

export const FILTER_FLAG: Record<LicenceFilter, number> = {
    hierarchy: HIERARCHY,
    rules: RULES,
    teams: TEAMS,
    notHighVolume: NOT_HIGH_VOLUME
};

const filtered = new WeakMap<UserSet, Map<LicenceFilter, UserSet>>();

/** The users of a set that pass a licence filter (memoised per set). */
export function only(index: SnapshotIndex, users: UserSet, filter: LicenceFilter): UserSet {
    let byFilter = filtered.get(users);
    if (!byFilter) {
        byFilter = new Map();
        filtered.set(users, byFilter);
    }
    let out = byFilter.get(filter);
    if (!out) {
        const mask = userSpace(index).mask(FILTER_FLAG[filter]);
        out = users.within(mask) ? users : users.and(mask);
        byFilter.set(filter, out);
    }
    return out;
}

/** True when one user passes a licence filter. */
export function passes(index: SnapshotIndex, filter: LicenceFilter, user: number): boolean {
    const space = userSpace(index);
    return user >= 0 && ((space.flags[user] as number) & FILTER_FLAG[filter]) !== 0;
}
