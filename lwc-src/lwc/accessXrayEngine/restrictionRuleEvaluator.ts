/**
 * Evaluates a parsed restriction-rule criteria (see restrictionRuleParser.ts) against the
 * evidence: the user row for `$User.…`, the record row for record fields, custom
 * permissions for `$Permission.…`.
 *
 * Three-valued: a condition whose field is absent from the evidence is *unknown* (never
 * guessed); AND/OR follow Kleene logic, so `false AND unknown` is still false and
 * `true OR unknown` still true. Comparisons follow SOQL filter semantics, which is how the
 * platform applies restriction rules (Restriction Rules Developer Guide, "Considerations":
 * rules apply to list views, lookups, related lists, reports, search, SOQL and SOSL):
 * text compares case-insensitively, ids by their 15-character case-sensitive form, a
 * comma list means "any of" (`!=` means "none of"), `null` matches an empty field.
 */
import type { Row } from './types';
import type { CompareOp, FieldRef, Literal, Operand, PathSegment, RuleExpr } from './restrictionRuleParser';
import { formatExpr } from './restrictionRuleParser';

/** true / false, or null when the evidence cannot decide. */
export type Truth = boolean | null;

export type ValueResolution = { known: true; value: unknown; via?: string } | { known: false; reason: string };

export interface CriteriaContext {
    record(path: PathSegment[]): ValueResolution;
    user(path: PathSegment[]): ValueResolution;
    permission(name: string): ValueResolution;
}

export interface EvalResult {
    value: Truth;
    /** One line per condition: what was compared and what the evidence held. */
    trace: string[];
    /** Why the result is unknown (fields missing from the evidence). */
    unknowns: string[];
}

const ID_SHAPE = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

function looksLikeId(value: string): boolean {
    return ID_SHAPE.test(value) && /\d/.test(value);
}

function isBlank(value: unknown): boolean {
    return value === null || value === undefined || value === '';
}

function show(value: unknown): string {
    if (value === null || value === undefined) return 'empty';
    if (typeof value === 'string') return `'${value}'`;
    return String(value);
}

function asBoolean(value: unknown): boolean | undefined {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
        const lower = value.trim().toLowerCase();
        if (lower === 'true') return true;
        if (lower === 'false') return false;
    }
    return undefined;
}

/** -1 / 0 / 1, or undefined when the two values cannot be compared. */
function compareValues(a: unknown, b: unknown, hint: Literal['type'] | undefined): number | undefined {
    if (hint === 'boolean' || typeof a === 'boolean' || typeof b === 'boolean') {
        const x = asBoolean(a);
        const y = asBoolean(b);
        if (x === undefined || y === undefined) return undefined;
        return x === y ? 0 : x ? 1 : -1;
    }
    if (hint === 'number' || typeof a === 'number' || typeof b === 'number') {
        const x = typeof a === 'number' ? a : Number(a);
        const y = typeof b === 'number' ? b : Number(b);
        if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
        return x === y ? 0 : x < y ? -1 : 1;
    }
    const x = String(a);
    const y = String(b);
    if (hint === 'date' || hint === 'datetime') {
        // A date literal against a date-time field compares the date part (SOQL date literals).
        const left = hint === 'date' ? x.slice(0, 10) : x;
        return left === y ? 0 : left < y ? -1 : 1;
    }
    if (looksLikeId(x) && looksLikeId(y)) {
        const left = x.slice(0, 15);
        const right = y.slice(0, 15);
        return left === right ? 0 : left < right ? -1 : 1;
    }
    const left = x.toLowerCase();
    const right = y.toLowerCase();
    return left === right ? 0 : left < right ? -1 : 1;
}

function resolveOperand(operand: Operand, ctx: CriteriaContext): ValueResolution {
    if (operand.kind === 'literal') {
        return { known: true, value: operand.value };
    }
    return resolveField(operand, ctx);
}

function resolveField(ref: FieldRef, ctx: CriteriaContext): ValueResolution {
    switch (ref.scope) {
        case 'user':
            return ctx.user(ref.path);
        case 'permission':
            return ctx.permission(ref.path[0]?.name ?? '');
        default:
            return ctx.record(ref.path);
    }
}

function compareOnce(op: CompareOp, left: unknown, right: unknown, hint: Literal['type'] | undefined): boolean | undefined {
    if (isBlank(left) || isBlank(right)) {
        const bothBlank = isBlank(left) && isBlank(right);
        if (op === '=') return bothBlank;
        if (op === '!=') return !bothBlank;
        return false;
    }
    const c = compareValues(left, right, hint);
    if (c === undefined) return undefined;
    switch (op) {
        case '=':
            return c === 0;
        case '!=':
            return c !== 0;
        case '<':
            return c < 0;
        case '<=':
            return c <= 0;
        case '>':
            return c > 0;
        default:
            return c >= 0;
    }
}

function evaluate(expr: RuleExpr, ctx: CriteriaContext, out: EvalResult): Truth {
    switch (expr.kind) {
        case 'and': {
            let result: Truth = true;
            for (const operand of expr.operands) {
                const v = evaluate(operand, ctx, out);
                if (v === false) return false;
                if (v === null) result = null;
            }
            return result;
        }
        case 'or': {
            let result: Truth = false;
            for (const operand of expr.operands) {
                const v = evaluate(operand, ctx, out);
                if (v === true) return true;
                if (v === null) result = null;
            }
            return result;
        }
        case 'not': {
            const v = evaluate(expr.operand, ctx, out);
            return v === null ? null : !v;
        }
        case 'permission': {
            const r = resolveField(expr.ref, ctx);
            if (!r.known) {
                out.unknowns.push(`${expr.text}: ${r.reason}`);
                out.trace.push(`${expr.text} → unknown (${r.reason})`);
                return null;
            }
            const v = asBoolean(r.value) ?? false;
            out.trace.push(`${expr.text} → ${v ? 'the user has this custom permission' : 'the user lacks this custom permission'}`);
            return v;
        }
        case 'ispickval': {
            const r = resolveField(expr.field, ctx);
            if (!r.known) {
                out.unknowns.push(`${expr.field.text}: ${r.reason}`);
                out.trace.push(`${expr.text} → unknown (${r.reason})`);
                return null;
            }
            const v = compareOnce('=', r.value, expr.value.value, 'string') === true;
            out.trace.push(`${expr.text} → ${expr.field.text} is ${show(r.value)} → ${v}`);
            return v;
        }
        default: {
            const left = resolveOperand(expr.left, ctx);
            if (!left.known) {
                out.unknowns.push(`${expr.left.text}: ${left.reason}`);
                out.trace.push(`${expr.text} → unknown (${left.reason})`);
                return null;
            }
            const rights: unknown[] = [];
            for (const operand of expr.right) {
                const r = resolveOperand(operand, ctx);
                if (!r.known) {
                    out.unknowns.push(`${operand.text}: ${r.reason}`);
                    out.trace.push(`${expr.text} → unknown (${r.reason})`);
                    return null;
                }
                rights.push(r.value);
            }
            const hint = expr.right.find((r): r is Literal => r.kind === 'literal')?.type;
            const results = rights.map((r) => compareOnce(expr.op === '!=' ? '=' : expr.op, left.value, r, hint));
            let value: Truth;
            if (expr.op === '!=') {
                // "none of": true only when every listed value is known to differ.
                value = results.some((r) => r === true) ? false : results.some((r) => r === undefined) ? null : true;
            } else {
                value = results.some((r) => r === true) ? true : results.some((r) => r === undefined) ? null : false;
            }
            const leftText = expr.left.kind === 'field' ? `${expr.left.text} is ${show(left.value)}` : show(left.value);
            const rightText = expr.right
                .map((operand, i) => (operand.kind === 'field' ? `${operand.text} (${show(rights[i])})` : show(rights[i])))
                .join(', ');
            if (value === null) {
                out.unknowns.push(`${expr.text}: cannot compare ${show(left.value)} with ${rightText}`);
            }
            out.trace.push(`${expr.text} → ${leftText}, compared ${expr.op} ${rightText} → ${value === null ? 'unknown' : value}`);
            return value;
        }
    }
}

export function evaluateCriteria(expr: RuleExpr, ctx: CriteriaContext): EvalResult {
    const out: EvalResult = { value: null, trace: [], unknowns: [] };
    out.value = evaluate(expr, ctx, out);
    return out;
}

// ---------------------------------------------------------------------------
// Resolving dotted paths on snapshot rows
// ---------------------------------------------------------------------------

export interface RowLookup {
    /** The row with this id in any snapshot table, and the table (sObject) it came from. */
    byId(id: string): { table: string; row: Row } | undefined;
}

function fieldOf(row: Row, name: string): { present: boolean; value: unknown } {
    if (Object.prototype.hasOwnProperty.call(row, name)) {
        return { present: true, value: row[name] };
    }
    const lower = name.toLowerCase();
    for (const key of Object.keys(row)) {
        if (key.toLowerCase() === lower) return { present: true, value: row[key] };
    }
    return { present: false, value: undefined };
}

/** The id field behind a relationship name: `Owner` → `OwnerId`, `Agent__r` → `Agent__c`. */
export function relationshipIdField(name: string): string {
    if (/__r$/i.test(name)) return name.replace(/__r$/i, '__c');
    return `${name}Id`;
}

function rowType(row: Row, table: string | undefined): string | undefined {
    return row.attributes?.type ?? table;
}

/**
 * Resolves a path such as `Owner:User.UserRoleId`, `RecordType.Name` or
 * `Agent__c.Owner:User.ManagerId` (leading object name allowed) on a row. Relationships are
 * followed through nested SOQL objects when present, else through the `…Id` field and the
 * snapshot's rows. Missing evidence → `known: false` with the reason.
 */
export function resolvePath(row: Row, objectName: string, path: PathSegment[], lookup: RowLookup, label: string): ValueResolution {
    let segments = path;
    const first = segments[0];
    if (segments.length > 1 && first && !first.typeName && first.name.toLowerCase() === objectName.toLowerCase() && !fieldOf(row, first.name).present) {
        segments = segments.slice(1);
    }
    let current: Row = row;
    let currentType: string | undefined = objectName;
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as PathSegment;
        const isLast = i === segments.length - 1;
        if (isLast) {
            const field = fieldOf(current, segment.name);
            if (!field.present) {
                return { known: false, reason: `${label} field ${segment.name} is not in the snapshot${currentType ? ` (${currentType} ${String(current.Id ?? '')})` : ''}` };
            }
            return { known: true, value: field.value };
        }
        // Relationship hop.
        const nested = fieldOf(current, segment.name);
        let next: Row | null | undefined;
        let nextType: string | undefined;
        if (nested.present && (nested.value === null || typeof nested.value === 'object')) {
            next = nested.value as Row | null;
            nextType = next ? rowType(next, undefined) : undefined;
            if (next && !nextType && typeof next.Id === 'string') nextType = lookup.byId(next.Id)?.table;
        } else {
            const idField = fieldOf(current, relationshipIdField(segment.name));
            if (!idField.present) {
                return {
                    known: false,
                    reason: `${label} relationship ${segment.name} (${relationshipIdField(segment.name)}) is not in the snapshot`
                };
            }
            if (isBlank(idField.value)) {
                next = null;
            } else {
                const found = lookup.byId(String(idField.value));
                if (!found) {
                    return { known: false, reason: `${label} ${segment.name} ${String(idField.value)} is not in the snapshot` };
                }
                next = found.row;
                nextType = rowType(found.row, found.table);
            }
        }
        if (next === null || next === undefined) {
            // An empty lookup makes every field beyond it empty (SOQL semantics).
            return { known: true, value: null };
        }
        if (segment.typeName && nextType && nextType.toLowerCase() !== segment.typeName.toLowerCase()) {
            // Polymorphic qualifier (Owner:User) on a row of another type (a queue): empty.
            return { known: true, value: null, via: `${segment.name} is a ${nextType}, not a ${segment.typeName}` };
        }
        if (segment.typeName && !nextType) {
            return { known: false, reason: `${label} cannot tell whether ${segment.name} is a ${segment.typeName}` };
        }
        current = next;
        currentType = nextType;
    }
    return { known: false, reason: `${label} path is empty` };
}

/** A criteria context over snapshot rows. `permissions` = custom permission names the user holds (undefined = not collected). */
export function rowContext(
    record: Row,
    objectName: string,
    user: Row,
    lookup: RowLookup,
    permissions: ReadonlySet<string> | undefined,
    permissionsMissingReason = 'custom permission assignments were not collected'
): CriteriaContext {
    return {
        record: (path) => resolvePath(record, objectName, path, lookup, 'record'),
        user: (path) => resolvePath(user, 'User', path, lookup, '$User'),
        permission: (name) => {
            if (!permissions) return { known: false, reason: permissionsMissingReason };
            const lower = name.toLowerCase();
            return { known: true, value: [...permissions].some((p) => p.toLowerCase() === lower) };
        }
    };
}

export { formatExpr };
