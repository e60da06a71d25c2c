/**
 * Which users a mechanism can reach at all, by licence (userLicence.ts; seed 003, seed 004):
 * the role hierarchy only reaches users who can hold a role and aren't high-volume; sharing
 * rules, users who can be in groups and rules; account and opportunity teams, internal and
 * partner users; case teams and shares, anyone but high-volume users. A group's users filtered
 * this way are memoised per group set (the sets themselves are memoised per snapshot), so a
 * sweep never asks a user's licence once per grant.
 */
import type { SnapshotIndex } from './snapshotIndex';
import type { UserClassification } from './userLicence';
import { classOf } from './userFacts';

export type LicenceFilter = 'hierarchy' | 'rules' | 'teams' | 'notHighVolume';

const TESTS: Record<LicenceFilter, (c: UserClassification) => boolean> = {
    hierarchy: (c) => !c.highVolume && c.canHaveRole,
    rules: (c) => !c.highVolume && c.canBeInGroupsAndRules,
    teams: (c) => !c.highVolume && c.canBeOnAccountOrOpportunityTeams,
    notHighVolume: (c) => !c.highVolume
};

export function passes(index: SnapshotIndex, filter: LicenceFilter, userId: string): boolean {
    return TESTS[filter](classOf(index, userId));
}

const filtered = new WeakMap<ReadonlySet<string>, Map<LicenceFilter, ReadonlySet<string>>>();

/** The users of a set that pass a licence filter (memoised per set). */
export function only(index: SnapshotIndex, users: ReadonlySet<string>, filter: LicenceFilter): ReadonlySet<string> {
    let byFilter = filtered.get(users);
    if (!byFilter) {
        byFilter = new Map();
        filtered.set(users, byFilter);
    }
    let out = byFilter.get(filter);
    if (!out) {
        const test = TESTS[filter];
        const kept = new Set<string>();
        for (const u of users) {
            if (test(classOf(index, u))) {
                kept.add(u);
            }
        }
        out = kept.size === users.size ? users : kept;
        byFilter.set(filter, out);
    }
    return out;
}
