/**
 * Who can see this record, from the evidence the data adapter brought back: one who-can-see
 * snapshot, or the evidence pages of a background job (each page a snapshot holding what its
 * users' answers rest on; a user listed by several pages counts once, with their highest
 * access; page 0's public-default counts less the users the other pages list whom they
 * include, each once). The engine answers each page once; searching, filtering by mechanism,
 * sorting and paging then happen here, with the rules of the engine's WhoCanSeeOptions, so
 * typing in the search box never re-evaluates the record.
 */
import { loadSnapshot, whoCanSee } from 'c/accessXrayEngine';
import type {
    AccessLevel,
    LoadedSnapshot,
    WhoCanSeeEntry,
    WhoCanSeeMechanism,
    WhoCanSeePublicAccess,
    WhoCanSeeResult
} from 'c/accessXrayEngine';

export interface WhoCanSeeQuery {
    search?: string;
    sort?: 'name' | 'access';
    /** Only users reached through this mechanism ('' or absent: all). */
    mechanism?: WhoCanSeeMechanism | '';
    offset: number;
    limit: number;
    /** List users reached only through a public org-wide default one by one. */
    listPublic?: boolean;
}

const LEVEL_RANK: Record<AccessLevel, number> = { None: 0, Read: 1, Edit: 2, Delete: 3, Transfer: 4, All: 5 };

function matches(entry: WhoCanSeeEntry, term: string): boolean {
    return `${entry.userName} ${entry.username ?? ''}`.toLowerCase().includes(term);
}

function sortEntries(entries: WhoCanSeeEntry[], sort: WhoCanSeeQuery['sort']): WhoCanSeeEntry[] {
    const byName = (a: WhoCanSeeEntry, b: WhoCanSeeEntry): number =>
        a.userName.localeCompare(b.userName) || a.userId.localeCompare(b.userId);
    if (sort === 'access') {
        return [...entries].sort((a, b) => LEVEL_RANK[b.maxAccessLevel] - LEVEL_RANK[a.maxAccessLevel] || byName(a, b));
    }
    return [...entries].sort(byName);
}

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
function mergePublic(pages: LoadedSnapshot[], parts: WhoCanSeeResult[]): WhoCanSeePublicAccess[] | undefined {
    const merged: WhoCanSeePublicAccess[] = [];
    const taken = new Set<string>();
    const counting = parts.map((_, i) => (pages[i]?.snapshot.meta.scope?.page?.index ?? 0) === 0);
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

export class WhoCanSeeSource {
    private readonly pages: LoadedSnapshot[];
    private readonly recordId: string;
    private readonly fullByListPublic = new Map<boolean, WhoCanSeeResult>();

    /** Validates every evidence page with the engine's loadSnapshot (throws SnapshotError). */
    constructor(evidence: unknown[], recordId: string) {
        if (evidence.length === 0) {
            throw new Error('No who-can-see evidence to read.');
        }
        this.pages = evidence.map((raw) => loadSnapshot(raw));
        this.recordId = recordId;
    }

    get pageCount(): number {
        return this.pages.length;
    }

    query(q: WhoCanSeeQuery): WhoCanSeeResult {
        const options = {
            offset: Math.max(0, q.offset),
            limit: Math.max(1, q.limit),
            sort: q.sort ?? 'name',
            listPublic: q.listPublic === true,
            ...(q.search?.trim() ? { search: q.search.trim() } : {}),
            ...(q.mechanism ? { mechanism: q.mechanism } : {})
        };
        const full = this.full(options.listPublic);
        const term = options.search?.toLowerCase();
        const listed = full.users.filter(
            (e) => (!term || matches(e, term)) && (!options.mechanism || e.mechanisms.includes(options.mechanism))
        );
        const sorted = sortEntries(listed, options.sort);
        return {
            ...full,
            total: sorted.length,
            offset: options.offset,
            limit: options.limit,
            users: sorted.slice(options.offset, options.offset + options.limit)
        };
    }

    /** Every page's full answer, merged: each user once, the public counts net of every listed user. */
    private full(listPublic: boolean): WhoCanSeeResult {
        const cached = this.fullByListPublic.get(listPublic);
        if (cached) {
            return cached;
        }
        const parts = this.pages.map((page) => whoCanSee(page, this.recordId, { listPublic }));
        const first = parts[0] as WhoCanSeeResult;
        const byUser = new Map<string, WhoCanSeeEntry>();
        for (const part of parts) {
            for (const entry of part.users) {
                const seen = byUser.get(entry.userId);
                if (!seen || LEVEL_RANK[entry.maxAccessLevel] > LEVEL_RANK[seen.maxAccessLevel]) {
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
        const publicAccess = mergePublic(this.pages, parts);
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
        this.fullByListPublic.set(listPublic, result);
        return result;
    }
}
