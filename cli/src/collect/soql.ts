/**
 * SOQL text helpers for the CLI collector: quoting, IN lists, and rendering a plan step's
 * condition (`:bind` lists, as Apex writes them) into literal SOQL. Only ids and names the
 * collector read from the org (or the request's validated ids and usernames) are ever quoted in.
 */
import { ID_CHUNK } from './plan';

export const ID_RE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** 15-character key of an id (case-sensitive), '' for anything that isn't an id. */
export function key15(v: unknown): string {
    return typeof v === 'string' && ID_RE.test(v) ? v.slice(0, 15) : '';
}

/** Quote a value for SOQL (ids and usernames; backslash and quote escaped). */
export function soqlString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function inList(values: Iterable<string>): string {
    return `(${[...values].map(soqlString).join(', ')})`;
}

export function chunks<T>(items: T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

/** Ids without duplicates (15-character key), first spelling kept, empty values dropped. */
export function uniqIds(ids: Iterable<unknown>): string[] {
    const seen = new Map<string, string>();
    for (const id of ids) {
        const k = key15(id);
        if (k && !seen.has(k)) seen.set(k, id as string);
    }
    return [...seen.values()];
}

export type BindValue = string | readonly string[];

/**
 * The literal SOQL conditions for a step's `where` and binds: one per query to send. A list
 * bind becomes an IN list of at most ID_CHUNK values (the longest list is cut into chunks; the
 * others must fit one chunk); a top-level `OR` alternative whose list is empty is left out (an
 * empty IN list is not valid SOQL; in Apex it matches nothing); a condition that needs an
 * empty list in every alternative, or in an AND, matches nothing and gives no query at all.
 */
export function renderConditions(where: string, binds: Readonly<Record<string, BindValue>>): string[] {
    const alternatives = splitTopLevelOr(where);
    const kept = alternatives.filter((alt) => bindsIn(alt).every((b) => !isEmptyList(binds[b])));
    if (kept.length === 0) return [];
    const condition = kept.length === alternatives.length ? where : kept.join(' OR ');
    const lists = bindsIn(condition).filter((b) => Array.isArray(binds[b]));
    const longest = lists.sort((a, b) => (binds[b] as string[]).length - (binds[a] as string[]).length)[0];
    const others = lists.filter((b) => b !== longest);
    for (const b of others) {
        if ((binds[b] as string[]).length > ID_CHUNK) {
            // Two long lists in one condition: send each alternative on its own (every step's AND lists are short).
            if (kept.length > 1) return kept.flatMap((alt) => renderConditions(alt, binds));
            throw new Error(`evidence plan: two bind lists longer than ${ID_CHUNK} in "${where}"`);
        }
    }
    const parts = longest ? chunks([...(binds[longest] as string[])], ID_CHUNK) : [null];
    return parts.map((part) =>
        condition.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
            const value = name === longest && part ? part : binds[name];
            if (value === undefined) throw new Error(`evidence plan: no value for :${name} in "${where}"`);
            return typeof value === 'string' ? soqlString(value) : inList(value);
        })
    );
}

function isEmptyList(v: BindValue | undefined): boolean {
    return Array.isArray(v) && v.length === 0;
}

function bindsIn(text: string): string[] {
    return [...text.matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1] as string);
}

/** Alternatives of a condition's top-level OR (parentheses respected). */
function splitTopLevelOr(where: string): string[] {
    const out: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < where.length; i++) {
        const c = where[i];
        if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (depth === 0 && where.startsWith(' OR ', i)) {
            out.push(where.slice(start, i));
            start = i + 4;
            i += 3;
        }
    }
    out.push(where.slice(start));
    // An AND at the top level binds tighter than OR only inside parentheses in this plan: a
    // condition mixing both at the top level is kept whole.
    return out.length > 1 && out.some((alt) => / AND /.test(alt) && !/^\(.*\)$/.test(alt)) ? [where] : out;
}

/**
 * The shape of a SOQL text: literal lists and strings replaced by `?`, whitespace collapsed.
 * A plan step's condition with its binds replaced the same way has the same shape, which is
 * how the contract test matches queries on the wire to plan steps.
 */
export function shapeOf(soql: string): string {
    return soql
        .replace(/'(?:[^'\\]|\\.)*'/g, '?')
        .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, '?')
        .replace(/:[A-Za-z]\w*/g, '?')
        .replace(/\s+/g, ' ')
        .trim();
}
