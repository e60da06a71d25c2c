/**
 * Who can see this record, from the evidence the data adapter brought back: one who-can-see
 * snapshot, or the evidence pages of a background job (each page a snapshot holding what its
 * users' answers rest on; a user listed by several pages counts once, with their highest
 * access; page 0's public-default counts less the users the other pages list whom they
 * include, each once). The engine answers each page once; searching, filtering by mechanism,
 * sorting and paging then happen here, with the rules of the engine's WhoCanSeeOptions, so
 * typing in the search box never re-evaluates the record.
 */
import { loadSnapshot, mergeWhoCanSeeAnswers, whoCanSee } from 'c/accessXrayEngine';
import type {
    AccessLevel,
    LoadedSnapshot,
    WhoCanSeeEntry,
    WhoCanSeeMechanism,
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
        const result = mergeWhoCanSeeAnswers(
            parts,
            this.pages.map((page) => page.snapshot.meta.scope?.page?.index ?? 0)
        );
        this.fullByListPublic.set(listPublic, result);
        return result;
    }
}
