/**
 * `--user` the way admins name people: a User Id (15 or 18 characters), a username, or the
 * full name shown in Setup ("Pat Partner"). A name that matches several users is an error that
 * lists them (never a guess); a name or username that matches nobody gets "did you mean"
 * suggestions from the closest names and usernames.
 */
import type { Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { InputError } from './errors';
import { soqlString } from './collector';
import type { OrgTransport } from './transport';

const ID_RE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export type UserRefKind = 'id' | 'username' | 'name';

export interface UserCandidate {
    id: string;
    name: string;
    username: string;
    userType: string;
    isActive: boolean;
}

const KEY_PREFIX_OBJECT: Record<string, string> = {
    '001': 'Account',
    '003': 'Contact',
    '006': 'Opportunity',
    '500': 'Case',
    '00Q': 'Lead',
    '00G': 'Group',
    '00E': 'UserRole',
    '00e': 'Profile',
    '0PS': 'PermissionSet'
};

/** What kind of reference `--user` is; an Id of another object is refused at once. */
export function userRefKind(ref: string, objectOfPrefix?: (prefix: string) => string | undefined): UserRefKind {
    const value = ref.trim();
    if (!value) throw new InputError('--user is empty: give a User Id, a username or a full name.', [], 'WrongIdType');
    if (ID_RE.test(value) && /\d/.test(value)) {
        if (!value.startsWith('005')) {
            const prefix = value.slice(0, 3);
            const what = objectOfPrefix?.(prefix) ?? KEY_PREFIX_OBJECT[prefix];
            throw new InputError(
                `--user ${value} is not a User id (User ids start with 005${what ? `; this is ${/^[AEIOU]/.test(what) ? 'an' : 'a'} ${what} id` : ''}).`,
                ['Give the User Id (005…), the username or the full name of the user.'],
                'WrongIdType'
            );
        }
        return 'id';
    }
    return value.includes('@') ? 'username' : 'name';
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function normalise(s: string): string {
    return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Edit distance (Levenshtein), bounded: returns `max + 1` as soon as it can't be ≤ max. */
export function editDistance(a: string, b: string, max = 64): number {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        let best = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
            cur.push(v);
            best = Math.min(best, v);
        }
        if (best > max) return max + 1;
        prev = cur;
    }
    return prev[b.length] ?? max + 1;
}

/** How far a candidate is from what was typed (lower is closer); undefined when not close at all. */
function closeness(ref: string, c: UserCandidate): number | undefined {
    const typed = normalise(ref);
    const words = normalise(c.name).split(' ');
    const forms = [
        normalise(c.name),
        [...words].reverse().join(' '),
        normalise(c.username),
        normalise(c.username.split('@')[0] ?? '').replace(/[._-]+/g, ' ')
    ];
    let best: number | undefined;
    for (const form of forms) {
        if (!form) continue;
        const allowed = Math.max(2, Math.floor(Math.max(typed.length, form.length) * 0.34));
        const d = editDistance(typed, form, allowed);
        const score = d <= allowed ? d : form.includes(typed) && typed.length >= 3 ? allowed : undefined;
        if (score !== undefined && (best === undefined || score < best)) best = score;
    }
    // One typed word that is a whole first or last name ("Pat") is close too.
    if (best === undefined && typed.length >= 3 && words.includes(typed)) best = 3;
    return best;
}

export function suggestions(ref: string, candidates: UserCandidate[], max = 3): UserCandidate[] {
    return candidates
        .map((c) => ({ c, d: closeness(ref, c) }))
        .filter((x): x is { c: UserCandidate; d: number } => x.d !== undefined)
        .sort((a, b) => a.d - b.d || Number(b.c.isActive) - Number(a.c.isActive) || a.c.name.localeCompare(b.c.name))
        .slice(0, max)
        .map((x) => x.c);
}

function describe(c: UserCandidate): string {
    return `${c.name} (${c.username}, ${c.id}${c.isActive ? '' : ', inactive'})`;
}

function candidateOf(row: Row): UserCandidate {
    return {
        id: str(row.Id),
        name: str(row.Name),
        username: str(row.Username),
        userType: str(row.UserType),
        isActive: row.IsActive !== false
    };
}

function notFound(ref: string, kind: UserRefKind, where: string, close: UserCandidate[], listHint: string): InputError {
    const what = kind === 'id' ? `with Id ${ref}` : kind === 'username' ? `with username ${ref}` : `named "${ref}"`;
    const didYouMean = close.length ? ` Did you mean ${close.map(describe).join(' or ')}?` : '';
    return new InputError(`No user ${what} in ${where}.${didYouMean}`, [listHint], 'UnknownUser');
}

function ambiguous(ref: string, hits: UserCandidate[], where: string): InputError {
    return new InputError(
        `${hits.length} users in ${where} are named "${ref}": ${hits.map(describe).join('; ')}.`,
        ['Give the username or the User Id of the one you mean.'],
        'AmbiguousUser'
    );
}

function sameId(a: string, b: string): boolean {
    return a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}

function matchesRef(ref: string, kind: UserRefKind, c: UserCandidate): boolean {
    if (kind === 'id') return sameId(c.id, ref);
    if (kind === 'username') return c.username.toLowerCase() === ref.trim().toLowerCase();
    return normalise(c.name) === normalise(ref);
}

/** Resolve `--user` against the users of a snapshot; returns the User Id. */
export function resolveUserInSnapshot(
    snapshot: Snapshot,
    ref: string,
    opts: { where?: string; listHint?: string; objectOfPrefix?: (prefix: string) => string | undefined } = {}
): string {
    const kind = userRefKind(ref, opts.objectOfPrefix);
    const users = (snapshot.tables.User ?? []).map(candidateOf);
    const where = opts.where ?? 'the snapshot';
    const hits = users.filter((c) => matchesRef(ref, kind, c));
    if (hits.length === 1) return (hits[0] as UserCandidate).id;
    if (hits.length > 1) throw ambiguous(ref.trim(), hits, where);
    const close = kind === 'id' ? [] : suggestions(ref, users);
    throw notFound(ref.trim(), kind, where, close, opts.listHint ?? 'List the users with sf xray list users.');
}

const USER_FIELDS = 'Id, Name, Username, UserType, IsActive';

function likeToken(token: string): string {
    // SOQL LIKE wildcards and quotes are removed from a search word (not escaped: a name never needs them).
    return token.replace(/[%_'"\\]/g, '');
}

async function queryUsers(transport: OrgTransport, soql: string): Promise<UserCandidate[]> {
    const page = await transport.get<{ records?: Row[] }>(
        `/services/data/v${transport.apiVersion}/query?q=${encodeURIComponent(soql)}`
    );
    return (page.records ?? []).map(candidateOf);
}

/**
 * Resolve `--user` values against an org: one query for all of them (Id, Username or Name), and
 * for a name or username that matched nobody, one bounded LIKE query for suggestions.
 * Returns the User Ids in the order given.
 */
export async function resolveUsersInOrg(transport: OrgTransport, refs: string[]): Promise<string[]> {
    const kinds = refs.map((r) => userRefKind(r));
    const byKind = (k: UserRefKind): string[] => refs.filter((_, i) => kinds[i] === k).map((r) => r.trim());
    const where = [
        byKind('id').length ? `Id IN (${byKind('id').map(soqlString).join(', ')})` : '',
        byKind('username').length ? `Username IN (${byKind('username').map(soqlString).join(', ')})` : '',
        byKind('name').length ? `Name IN (${byKind('name').map(soqlString).join(', ')})` : ''
    ].filter(Boolean);
    const found = await queryUsers(transport, `SELECT ${USER_FIELDS} FROM User WHERE ${where.join(' OR ')} LIMIT 200`);
    const label = transport.orgLabel;
    const ids: string[] = [];
    for (const [i, ref] of refs.entries()) {
        const kind = kinds[i] as UserRefKind;
        const hits = found.filter((c) => matchesRef(ref, kind, c));
        if (hits.length === 1) {
            ids.push((hits[0] as UserCandidate).id);
            continue;
        }
        if (hits.length > 1) throw ambiguous(ref.trim(), hits, label);
        let close: UserCandidate[] = [];
        if (kind !== 'id') {
            const words = (kind === 'username' ? (ref.split('@')[0] ?? '') : ref)
                .split(/[\s._-]+/)
                .map(likeToken)
                .filter((w) => w.length >= 2)
                .slice(0, 4);
            if (words.length) {
                const like = words
                    .flatMap((w) => [`Name LIKE ${soqlString(`%${w}%`)}`, `Username LIKE ${soqlString(`${w}%`)}`])
                    .join(' OR ');
                close = suggestions(ref, await queryUsers(transport, `SELECT ${USER_FIELDS} FROM User WHERE ${like} LIMIT 200`));
            }
        }
        throw notFound(ref.trim(), kind, label, close, `List the users with sf xray list users --target-org ${label} --search <part of the name>.`);
    }
    return ids;
}
