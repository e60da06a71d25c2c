/**
 * The answers of a who-can-see answer in pages (whoCanSeePages, or the in-org job's pages: each
 * page a snapshot the engine answers on its own) merged into the answer in one piece: a user
 * listed by several pages counts once, with their highest access; the totals are recounted over
 * the merged users; page 0's public-default counts, less the users the other pages hold whom
 * they include (their `publicOverlap`), each once — a user the records name is on every page.
 * The panel (WhoCanSeeSource) and verify:org merge with it.
 */
import { accessLevelRank } from './accessLevels';
import type { WhoCanSeeEntry, WhoCanSeePublicAccess, WhoCanSeeResult } from './types';

type Bucket = { id: string; name: string; users: number };

/** Ids compare on their first 15 characters (the aggregates and the rows may differ in length). */
function key(id: string): string {
    return id.slice(0, 15);
}

/** The engine's order: most users first, then name, then id; empty buckets dropped. */
function tidy(list: Bucket[]): Bucket[] {
    return list.filter((x) => x.users > 0).sort((a, b) => b.users - a.users || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * The public-default counts of the whole answer. The page that counts them (page 0, or an answer
 * in one piece) has taken out the users it holds whom they include; the users the other pages
 * hold whom they include (`publicOverlap`) are taken out here, once per user — a user the
 * records name is on every page, page 0 included.
 */
function mergePublic(parts: readonly WhoCanSeeResult[], pageIndexes: readonly number[]): WhoCanSeePublicAccess[] | undefined {
    const merged: WhoCanSeePublicAccess[] = [];
    const taken = new Set<string>();
    const counting = parts.map((_, i) => (pageIndexes[i] ?? 0) === 0);
    parts.forEach((part, i) => {
        if (!counting[i]) {
            return;
        }
        for (const p of part.publicAccess ?? []) {
            merged.push({ ...p, byProfile: p.byProfile.map((x) => ({ ...x })), byPermissionSet: p.byPermissionSet.map((x) => ({ ...x })), ...(p.byAccess ? { byAccess: { ...p.byAccess } } : {}) });
        }
        (part.publicOverlap ?? []).forEach((u) => taken.add(key(u.userId)));
    });
    const less = (list: Bucket[], id: string): void => {
        const hit = list.find((x) => key(x.id) === key(id));
        if (hit) {
            hit.users--;
        }
    };
    parts.forEach((part, i) => {
        for (const u of counting[i] ? [] : (part.publicOverlap ?? [])) {
            const p = merged.find((x) => x.side === u.side);
            if (taken.has(key(u.userId)) || !p) {
                continue;
            }
            taken.add(key(u.userId));
            p.users--;
            less(p.byProfile, u.profileId);
            u.permissionSetIds.forEach((id) => less(p.byPermissionSet, id));
            if (p.byAccess?.[u.access] !== undefined) {
                p.byAccess[u.access] = (p.byAccess[u.access] as number) - 1;
            }
        }
    });
    const out = merged
        .filter((p) => p.users > 0)
        .map((p) => {
            const byAccess = p.byAccess ? Object.fromEntries(Object.entries(p.byAccess).filter(([, n]) => (n as number) > 0)) : undefined;
            return { ...p, byProfile: tidy(p.byProfile), byPermissionSet: tidy(p.byPermissionSet), ...(byAccess ? { byAccess } : {}) };
        });
    return out.length > 0 ? out : undefined;
}

/**
 * Merge the answers of the pages of one record (`parts[i]` answered on the page whose
 * `meta.scope.page.index` is `pageIndexes[i]`; 0 or absent for page 0 or an answer in one piece).
 * The result lists every user (offset 0, limit = total).
 */
export function mergeWhoCanSeeAnswers(parts: readonly WhoCanSeeResult[], pageIndexes: readonly number[]): WhoCanSeeResult {
    if (parts.length === 0) {
        throw new Error('mergeWhoCanSeeAnswers needs the answer of at least one page');
    }
    const first = parts[0] as WhoCanSeeResult;
    const byUser = new Map<string, WhoCanSeeEntry>();
    for (const part of parts) {
        for (const entry of part.users) {
        const seen = byUser.get(entry.userId);
            if (!seen || accessLevelRank(entry.maxAccessLevel) > accessLevelRank(seen.maxAccessLevel)) {
                byUser.set(entry.userId, entry);
            }
        }
    }
    const users = [...byUser.values()];
    const totalsByMechanism: WhoCanSeeResult['totalsByMechanism'] = {};
    const totalsByAccess: WhoCanSeeResult['totalsByAccess'] = {};
    for (const e of users) {
        for (const m of e.mechanisms) {
            totalsByMechanism[m] = (totalsByMechanism[m] ?? 0) + 1;
        }
        totalsByAccess[e.maxAccessLevel] = (totalsByAccess[e.maxAccessLevel] ?? 0) + 1;
    }
    const publicAccess = mergePublic(parts, pageIndexes);
    const result: WhoCanSeeResult = {
        recordId: first.recordId,
        objectApiName: first.objectApiName,
        recordName: first.recordName,
        total: users.length,
        totalsByMechanism,
        totalsByAccess,
        offset: 0,
        limit: users.length,
        users,
        uncertain: parts.some((p) => p.uncertain),
        uncertainties: [...new Set(parts.flatMap((p) => p.uncertainties))],
        ...(publicAccess ? { publicAccess } : {})
    };
    return result;
}
