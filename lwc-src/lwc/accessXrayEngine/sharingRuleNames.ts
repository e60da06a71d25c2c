/**
 * Which sharing rule created a `Rule` share row. The row names only the grantee group; the
 * rule is found by matching `metadata.SharingRules` definitions of the object: the rule's
 * `sharedTo` must resolve to the grantee group and, for criteria rules, its criteria must
 * match the record; for owner rules, the record owner must be in `sharedFrom`.
 * Source: access-semantics.md §5 ("resolve it from sharing rule metadata"), Metadata API
 * "SharingRules" (sharedTo/sharedFrom members, criteriaItems, booleanFilter).
 */
import { own } from './ownKey';
import type { SnapshotIndex } from './snapshotIndex';
import type { Row, SharedTo, SharingRuleDefinition } from './types';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function values(v: unknown): string[] {
    if (Array.isArray(v)) {
        return v.filter((x): x is string => typeof x === 'string');
    }
    return typeof v === 'string' ? [v] : [];
}

const SHARED_TO_GROUP_TYPE: Record<string, string> = {
    group: 'Regular',
    role: 'Role',
    portalRole: 'Role',
    roleAndSubordinates: 'RoleAndSubordinates',
    portalRoleAndSubordinates: 'RoleAndSubordinates',
    roleAndSubordinatesInternal: 'RoleAndSubordinatesInternal',
    territory: 'Territory',
    territoryAndSubordinates: 'TerritoryAndSubordinates',
    allInternalUsers: 'Organization',
    allPartnerUsers: 'PRMOrganization',
    allCustomerPortalUsers: 'AllCustomerPortal'
};

function developerNameOf(index: SnapshotIndex, id: string): string {
    const row = index.byId(id)?.row;
    return str(row?.DeveloperName) || str(row?.Name);
}

/** Group ids a `sharedTo` / `sharedFrom` block designates. */
/** Group ids a rule shares to. Resolving a target scans every group of its type, so it is done once per rule. */
export function groupsOfSharedTo(index: SnapshotIndex, sharedTo: SharedTo): string[] {
    return index.memo('sharedToGroups', sharedTo, () => resolveSharedTo(index, sharedTo));
}

function resolveSharedTo(index: SnapshotIndex, sharedTo: SharedTo): string[] {
    const out: string[] = [];
    for (const [key, raw] of Object.entries(sharedTo)) {
        const type = own(SHARED_TO_GROUP_TYPE, key);
        if (!type) {
            continue;
        }
        const names = values(raw);
        for (const g of index.rowsWhere('Group', 'Type', type)) {
            const gid = str(g.Id);
            if (type === 'Organization' || type === 'PRMOrganization' || type === 'AllCustomerPortal') {
                out.push(gid);
                continue;
            }
            const related = str(g.RelatedId);
            const name = type === 'Regular' ? str(g.DeveloperName) || str(g.Name) : developerNameOf(index, related);
            if (names.includes(name)) {
                out.push(gid);
            }
        }
    }
    return out;
}

function fieldValue(record: Row, path: string): unknown {
    let value: unknown = record;
    for (const part of path.split('.')) {
        if (value && typeof value === 'object') {
            value = (value as Record<string, unknown>)[part];
        } else {
            return undefined;
        }
    }
    return value;
}

/** Evaluate one criteria item; null when the operation is not understood. */
function criterionMatches(record: Row, item: { field: string; operation: string; value?: string }): boolean | null {
    const actual = fieldValue(record, item.field);
    const a = actual === null || actual === undefined ? '' : String(actual).toLowerCase();
    const options = (item.value ?? '').split(',').map((v) => v.trim().toLowerCase());
    const num = (x: string): number => Number(x);
    switch (item.operation) {
        case 'equals':
            return options.includes(a);
        case 'notEqual':
            return !options.includes(a);
        case 'contains':
            return options.some((o) => a.includes(o));
        case 'notContain':
            return !options.some((o) => a.includes(o));
        case 'startsWith':
            return options.some((o) => a.startsWith(o));
        case 'includes':
            return a.split(';').some((p) => options.includes(p.trim()));
        case 'excludes':
            return !a.split(';').some((p) => options.includes(p.trim()));
        case 'lessThan':
            return num(a) < num(options[0] ?? '');
        case 'greaterThan':
            return num(a) > num(options[0] ?? '');
        case 'lessOrEqual':
            return num(a) <= num(options[0] ?? '');
        case 'greaterOrEqual':
            return num(a) >= num(options[0] ?? '');
        default:
            return null;
    }
}

/** Evaluate a booleanFilter like "1 AND (2 OR 3)". Null when malformed. */
function booleanFilter(filter: string, results: boolean[]): boolean | null {
    const expr = filter.replace(/\d+/g, (n) => (results[Number(n) - 1] ? ' T ' : ' F ')).replace(/\bAND\b/gi, '&').replace(/\bOR\b/gi, '|').replace(/\bNOT\b/gi, '!');
    if (!/^[TF&|!()\s]*$/.test(expr)) {
        return null;
    }
    const tokens = expr.replace(/\s+/g, '').split('');
    let pos = 0;
    // Function declarations (hoisted): the three parse levels call each other recursively.
    function parseOr(): boolean {
        let v = parseAnd();
        while (tokens[pos] === '|') {
            pos++;
            const r = parseAnd();
            v = v || r;
        }
        return v;
    }
    function parseAnd(): boolean {
        let v = parseNot();
        while (tokens[pos] === '&') {
            pos++;
            const r = parseNot();
            v = v && r;
        }
        return v;
    }
    function parseNot(): boolean {
        if (tokens[pos] === '!') {
            pos++;
            return !parseNot();
        }
        if (tokens[pos] === '(') {
            pos++;
            const v = parseOr();
            pos++;
            return v;
        }
        return tokens[pos++] === 'T';
    }
    const value = parseOr();
    return pos === tokens.length ? value : null;
}

export interface RuleMatch {
    rule: SharingRuleDefinition;
    /** False when the rule could apply but the match could not be verified (unknown operator). */
    verified: boolean;
}

/**
 * Rules of `ruleObject` that target `granteeGroupId` and apply to `record`. `ruleObject` is
 * the record's object, or Account for child access granted by an account rule.
 */
export function matchSharingRules(index: SnapshotIndex, ruleObject: string, granteeGroupId: string, record: Row): RuleMatch[] {
    const rules = index.snapshot.metadata?.SharingRules ?? [];
    const out: RuleMatch[] = [];
    for (const rule of rules) {
        if (rule.object !== ruleObject || !groupsOfSharedTo(index, rule.sharedTo).includes(granteeGroupId)) {
            continue;
        }
        if (rule.kind === 'owner' && rule.sharedFrom) {
            const ownerId = str(record.OwnerId);
            const from = groupsOfSharedTo(index, rule.sharedFrom);
            if (from.some((g) => index.membersOf(g).has(ownerId) || g === ownerId)) {
                out.push({ rule, verified: true });
            }
            continue;
        }
        if (rule.kind === 'criteria' && rule.criteriaItems?.length) {
            const results = rule.criteriaItems.map((c) => criterionMatches(record, c));
            if (results.some((r) => r === null)) {
                out.push({ rule, verified: false });
                continue;
            }
            const bools = results as boolean[];
            const ok = rule.booleanFilter ? booleanFilter(rule.booleanFilter, bools) : bools.every(Boolean);
            if (ok === null) {
                out.push({ rule, verified: false });
            } else if (ok) {
                out.push({ rule, verified: true });
            }
            continue;
        }
        out.push({ rule, verified: rule.kind !== 'criteria' });
    }
    return out;
}

export function ruleLabel(rule: SharingRuleDefinition): string {
    return rule.label ? `${rule.label} (${rule.fullName})` : rule.fullName;
}
