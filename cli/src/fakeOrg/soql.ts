/**
 * A small SOQL interpreter over snapshot tables, for the fake org only: enough SOQL to
 * answer the collector's own queries (SELECT fields / COUNT() FROM object WHERE … with
 * =, !=, <, >, LIKE, IN (…), NOT IN (…), IN (SELECT …) semi-joins, AND / OR / NOT,
 * parentheses, dotted relationship paths, ORDER BY (ignored), LIMIT, OFFSET).
 * Anything else is rejected with MALFORMED_QUERY, as Salesforce would, so a collector
 * query the fake can't answer fails the test instead of returning a wrong result.
 */
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';

export class SoqlError extends Error {
    constructor(
        public readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_TYPE' | 'INVALID_FIELD',
        message: string
    ) {
        super(message);
        this.name = 'SoqlError';
    }
}

type Value = string | number | boolean | null;

type Condition =
    | { kind: 'and' | 'or'; parts: Condition[] }
    | { kind: 'not'; part: Condition }
    | { kind: 'compare'; path: string; op: '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE'; value: Value }
    | { kind: 'in'; path: string; negated: boolean; values: Value[] }
    | { kind: 'semiJoin'; path: string; negated: boolean; query: SoqlQuery };

/** An aggregate column: `COUNT(Id) users`, `COUNT_DISTINCT(AssigneeId) users` (GROUP BY queries). */
interface Aggregate {
    fn: 'COUNT' | 'COUNT_DISTINCT';
    path: string;
    alias: string;
}

export interface SoqlQuery {
    fields: string[];
    /** Aggregate columns, when the query groups (the fields are then the GROUP BY fields selected). */
    aggregates?: Aggregate[];
    groupBy?: string[];
    count: boolean;
    from: string;
    where?: Condition;
    limit?: number;
    offset?: number;
}

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

type Token = { type: 'word' | 'string' | 'number' | 'op' | 'punct'; text: string };

function tokenize(soql: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < soql.length) {
        const c = soql[i] as string;
        if (/\s/.test(c)) {
            i++;
        } else if (c === "'") {
            let text = '';
            i++;
            while (i < soql.length && soql[i] !== "'") {
                if (soql[i] === '\\' && i + 1 < soql.length) {
                    text += soql[i + 1];
                    i += 2;
                } else {
                    text += soql[i];
                    i++;
                }
            }
            if (i >= soql.length) throw new SoqlError('MALFORMED_QUERY', 'unterminated string literal');
            i++;
            tokens.push({ type: 'string', text });
        } else if (c === '(' || c === ')' || c === ',') {
            tokens.push({ type: 'punct', text: c });
            i++;
        } else if (c === '!' || c === '<' || c === '>' || c === '=') {
            const two = soql.slice(i, i + 2);
            if (two === '!=' || two === '<=' || two === '>=' || two === '<>') {
                tokens.push({ type: 'op', text: two === '<>' ? '!=' : two });
                i += 2;
            } else {
                tokens.push({ type: 'op', text: c });
                i++;
            }
        } else if (/^-?\d/.test(soql.slice(i, i + 2))) {
            const m = /^-?\d+(\.\d+)?/.exec(soql.slice(i)) as RegExpExecArray;
            tokens.push({ type: 'number', text: m[0] });
            i += m[0].length;
        } else if (/[A-Za-z_]/.test(c)) {
            const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(soql.slice(i)) as RegExpExecArray;
            tokens.push({ type: 'word', text: m[0] });
            i += m[0].length;
        } else {
            throw new SoqlError('MALFORMED_QUERY', `unexpected character '${c}' at ${i}`);
        }
    }
    return tokens;
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

class Parser {
    private pos = 0;
    constructor(private readonly tokens: Token[]) {}

    private peek(): Token | undefined {
        return this.tokens[this.pos];
    }
    private next(): Token {
        const t = this.tokens[this.pos++];
        if (!t) throw new SoqlError('MALFORMED_QUERY', 'unexpected end of query');
        return t;
    }
    private isKeyword(word: string): boolean {
        const t = this.peek();
        return !!t && t.type === 'word' && t.text.toUpperCase() === word;
    }
    private expectKeyword(word: string): void {
        const t = this.next();
        if (t.type !== 'word' || t.text.toUpperCase() !== word)
            throw new SoqlError('MALFORMED_QUERY', `expected ${word}, found '${t.text}'`);
    }
    private expectPunct(p: string): void {
        const t = this.next();
        if (t.type !== 'punct' || t.text !== p)
            throw new SoqlError('MALFORMED_QUERY', `expected '${p}', found '${t.text}'`);
    }

    parseQuery(): SoqlQuery {
        this.expectKeyword('SELECT');
        const fields: string[] = [];
        const aggregates: Aggregate[] = [];
        let count = false;
        if (this.isKeyword('COUNT') && this.tokens[this.pos + 1]?.text === '(' && this.tokens[this.pos + 2]?.text === ')') {
            this.next();
            this.expectPunct('(');
            this.expectPunct(')');
            count = true;
        } else {
            for (;;) {
                const t = this.next();
                if (t.type !== 'word')
                    throw new SoqlError('MALFORMED_QUERY', `expected a field name, found '${t.text}'`);
                const fn = t.text.toUpperCase();
                if ((fn === 'COUNT' || fn === 'COUNT_DISTINCT') && this.peek()?.text === '(') {
                    this.next();
                    const path = this.next();
                    if (path.type !== 'word') throw new SoqlError('MALFORMED_QUERY', `expected a field in ${fn}()`);
                    this.expectPunct(')');
                    const alias = this.peek()?.type === 'word' && !this.isKeyword('FROM') ? this.next().text : `expr${aggregates.length}`;
                    aggregates.push({ fn: fn as Aggregate['fn'], path: path.text, alias });
                } else {
                    fields.push(t.text);
                }
                if (this.peek()?.text === ',') {
                    this.next();
                    continue;
                }
                break;
            }
        }
        this.expectKeyword('FROM');
        const from = this.next();
        if (from.type !== 'word') throw new SoqlError('MALFORMED_QUERY', 'expected an object name after FROM');
        const query: SoqlQuery = { fields, count, from: from.text, ...(aggregates.length ? { aggregates } : {}) };
        if (this.isKeyword('WHERE')) {
            this.next();
            query.where = this.parseOr();
        }
        if (this.isKeyword('GROUP')) {
            this.next();
            this.expectKeyword('BY');
            const groupBy: string[] = [];
            for (;;) {
                const t = this.next();
                if (t.type !== 'word') throw new SoqlError('MALFORMED_QUERY', `expected a field in GROUP BY, found '${t.text}'`);
                groupBy.push(t.text);
                if (this.peek()?.text !== ',') break;
                this.next();
            }
            query.groupBy = groupBy;
        }
        if ((query.aggregates || query.groupBy) && query.fields.some((f) => !(query.groupBy ?? []).some((g) => g.toLowerCase() === f.toLowerCase()))) {
            throw new SoqlError('MALFORMED_QUERY', 'Field must be grouped or aggregated');
        }
        if (this.isKeyword('ORDER')) {
            this.next();
            this.expectKeyword('BY');
            // ORDER BY is accepted and ignored: the collector never depends on order.
            while (this.peek() && !this.isKeyword('LIMIT') && !this.isKeyword('OFFSET') && this.peek()?.text !== ')')
                this.next();
        }
        if (this.isKeyword('LIMIT')) {
            this.next();
            query.limit = Number(this.next().text);
        }
        if (this.isKeyword('OFFSET')) {
            this.next();
            query.offset = Number(this.next().text);
        }
        return query;
    }

    parseEnd(): void {
        const t = this.peek();
        if (t) throw new SoqlError('MALFORMED_QUERY', `unexpected '${t.text}'`);
    }

    private parseOr(): Condition {
        const parts = [this.parseAnd()];
        while (this.isKeyword('OR')) {
            this.next();
            parts.push(this.parseAnd());
        }
        return parts.length === 1 ? (parts[0] as Condition) : { kind: 'or', parts };
    }

    private parseAnd(): Condition {
        const parts = [this.parseUnary()];
        while (this.isKeyword('AND')) {
            this.next();
            parts.push(this.parseUnary());
        }
        return parts.length === 1 ? (parts[0] as Condition) : { kind: 'and', parts };
    }

    private parseUnary(): Condition {
        if (this.isKeyword('NOT')) {
            this.next();
            return { kind: 'not', part: this.parseUnary() };
        }
        if (this.peek()?.text === '(') {
            this.next();
            const inner = this.parseOr();
            this.expectPunct(')');
            return inner;
        }
        const field = this.next();
        if (field.type !== 'word') throw new SoqlError('MALFORMED_QUERY', `expected a field, found '${field.text}'`);
        let negated = false;
        if (this.isKeyword('NOT')) {
            this.next();
            negated = true;
        }
        if (this.isKeyword('IN')) {
            this.next();
            this.expectPunct('(');
            if (this.isKeyword('SELECT')) {
                const query = this.parseQuery();
                this.expectPunct(')');
                if (query.fields.length !== 1)
                    throw new SoqlError('MALFORMED_QUERY', 'a semi-join selects exactly one field');
                return { kind: 'semiJoin', path: field.text, negated, query };
            }
            const values: Value[] = [];
            for (;;) {
                values.push(this.parseValue());
                const t = this.next();
                if (t.text === ')') break;
                if (t.text !== ',') throw new SoqlError('MALFORMED_QUERY', `expected ',' or ')', found '${t.text}'`);
            }
            return { kind: 'in', path: field.text, negated, values };
        }
        if (negated) throw new SoqlError('MALFORMED_QUERY', 'NOT must be followed by IN here');
        const op = this.next();
        const opText = op.type === 'word' && op.text.toUpperCase() === 'LIKE' ? 'LIKE' : op.text;
        if (!['=', '!=', '<', '>', '<=', '>=', 'LIKE'].includes(opText))
            throw new SoqlError('MALFORMED_QUERY', `unsupported operator '${op.text}'`);
        return { kind: 'compare', path: field.text, op: opText as '=', value: this.parseValue() };
    }

    private parseValue(): Value {
        const t = this.next();
        if (t.type === 'string') return t.text;
        if (t.type === 'number') return Number(t.text);
        if (t.type === 'word') {
            const w = t.text.toLowerCase();
            if (w === 'true') return true;
            if (w === 'false') return false;
            if (w === 'null') return null;
        }
        throw new SoqlError('MALFORMED_QUERY', `unsupported value '${t.text}'`);
    }
}

export function parseSoql(soql: string): SoqlQuery {
    const parser = new Parser(tokenize(soql));
    const query = parser.parseQuery();
    parser.parseEnd();
    return query;
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

/** The data a query runs over: tables by object name (case-insensitive lookup). */
export interface SoqlData {
    tables: Record<string, Row[]>;
}

function tableOf(data: SoqlData, name: string): { name: string; rows: Row[] } | undefined {
    const lower = name.toLowerCase();
    const key = Object.keys(data.tables).find((k) => k.toLowerCase() === lower);
    return key ? { name: key, rows: data.tables[key] ?? [] } : undefined;
}

function keyOf(row: Row, field: string): string | undefined {
    const lower = field.toLowerCase();
    return Object.keys(row).find((k) => k.toLowerCase() === lower);
}

function id15(v: unknown): string | undefined {
    return typeof v === 'string' && (v.length === 15 || v.length === 18) ? v.slice(0, 15) : undefined;
}

/** Rows of one table by 15-character id, built once per table (relationship lookups are per row). */
const rowsById = new WeakMap<Row[], Map<string, Row>>();

function rowById(rows: Row[], id: string): Row | undefined {
    let map = rowsById.get(rows);
    if (!map) {
        map = new Map();
        for (const r of rows) {
            const key = id15(r.Id);
            if (key && !map.has(key)) map.set(key, r);
        }
        rowsById.set(rows, map);
    }
    return map.get(id);
}

/** Find the row a relationship points at: `Owner` → `OwnerId`, looked up in every table. */
function followRelationship(data: SoqlData, row: Row, relationship: string): Row | null | undefined {
    const nestedKey = keyOf(row, relationship);
    if (nestedKey !== undefined) {
        const nested = row[nestedKey];
        return nested && typeof nested === 'object' ? (nested as Row) : null;
    }
    const idKey = keyOf(row, relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`);
    if (idKey === undefined) return undefined;
    const target = id15(row[idKey]);
    if (!target) return null;
    const preferred = tableOf(data, relationship);
    const candidates = preferred ? [preferred.rows] : Object.values(data.tables);
    for (const rows of candidates) {
        const hit = rowById(rows, target);
        if (hit) return hit;
    }
    return null;
}

export function valueAt(data: SoqlData, row: Row, path: string): unknown {
    const parts = path.split('.');
    let current: Row | null | undefined = row;
    for (let i = 0; i < parts.length - 1; i++) {
        if (!current) return null;
        current = followRelationship(data, current, parts[i] as string);
    }
    if (!current) return null;
    const key = keyOf(current, parts[parts.length - 1] as string);
    return key === undefined ? null : current[key];
}

function equal(a: unknown, b: Value): boolean {
    if (b === null) return a === null || a === undefined;
    if (typeof a === 'string' && typeof b === 'string') {
        const ia = id15(a);
        const ib = id15(b);
        if (ia && ib && /^[a-zA-Z0-9]+$/.test(a) && /^[a-zA-Z0-9]+$/.test(b) && /\d/.test(a) && /\d/.test(b))
            return ia === ib;
        return a.toLowerCase() === b.toLowerCase();
    }
    return a === b;
}

function like(a: unknown, pattern: string): boolean {
    if (typeof a !== 'string') return false;
    const re = new RegExp(
        `^${pattern
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/%/g, '.*')
            .replace(/_/g, '.')}$`,
        'i'
    );
    return re.test(a);
}

const semiJoinValues = new WeakMap<SoqlQuery, Set<string>>();

function matches(data: SoqlData, row: Row, cond: Condition): boolean {
    switch (cond.kind) {
        case 'and':
            return cond.parts.every((p) => matches(data, row, p));
        case 'or':
            return cond.parts.some((p) => matches(data, row, p));
        case 'not':
            return !matches(data, row, cond.part);
        case 'in': {
            const v = valueAt(data, row, cond.path);
            const hit = cond.values.some((x) => equal(v, x));
            return cond.negated ? !hit : hit;
        }
        case 'semiJoin': {
            // The inner query is run once per outer query (parsed queries are fresh objects per call).
            let inner = semiJoinValues.get(cond.query);
            if (!inner) {
                inner = new Set<string>();
                for (const r of runQuery(data, cond.query).records) {
                    const k = indexKey(valueAt(data, r, cond.query.fields[0] as string));
                    if (k !== undefined) inner.add(k);
                }
                semiJoinValues.set(cond.query, inner);
            }
            const k = indexKey(valueAt(data, row, cond.path));
            const hit = k !== undefined && inner.has(k);
            return cond.negated ? !hit : hit;
        }
        case 'compare': {
            const v = valueAt(data, row, cond.path);
            switch (cond.op) {
                case '=':
                    return equal(v, cond.value);
                case '!=':
                    return !equal(v, cond.value);
                case 'LIKE':
                    return like(v, String(cond.value));
                default: {
                    if (v === null || v === undefined || cond.value === null) return false;
                    const a = v as string | number;
                    const b = cond.value as string | number;
                    return cond.op === '<' ? a < b : cond.op === '>' ? a > b : cond.op === '<=' ? a <= b : a >= b;
                }
            }
        }
        default:
            return false;
    }
}

/** Put `value` at `path` in `target`, creating relationship objects as SOQL returns them. */
function setPath(data: SoqlData, source: Row, target: Row, path: string): void {
    const parts = path.split('.');
    let src: Row | null | undefined = source;
    let out: Row = target;
    for (let i = 0; i < parts.length - 1; i++) {
        const rel = parts[i] as string;
        src = src ? followRelationship(data, src, rel) : null;
        const name = (src && keyOf(source, rel)) || rel;
        if (!src) {
            out[name] = null;
            return;
        }
        const existing = out[name];
        if (!existing || typeof existing !== 'object') {
            const type = (src.attributes as { type?: string } | undefined)?.type;
            out[name] = type ? { attributes: { type } } : {};
        }
        out = out[name] as Row;
    }
    const leaf = parts[parts.length - 1] as string;
    const key = src ? keyOf(src, leaf) : undefined;
    out[key ?? leaf] = src && key !== undefined ? (src[key] ?? null) : null;
}

export interface SoqlResult {
    totalSize: number;
    records: Row[];
}

/** Rows of a table by the 15-character (or exact, lower-cased) value of one top-level field, built once per (table, field). */
const fieldIndexes = new WeakMap<Row[], Map<string, Map<string, Row[]>>>();

function indexKey(v: unknown): string | undefined {
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    if (typeof v !== 'string') return undefined;
    return id15(v) && /^[a-zA-Z0-9]+$/.test(v) && /\d/.test(v) ? v.slice(0, 15) : v.toLowerCase();
}

function fieldIndex(rows: Row[], field: string): Map<string, Row[]> {
    let perTable = fieldIndexes.get(rows);
    if (!perTable) {
        perTable = new Map();
        fieldIndexes.set(rows, perTable);
    }
    const lower = field.toLowerCase();
    let index = perTable.get(lower);
    if (!index) {
        index = new Map();
        for (const row of rows) {
            const key = keyOf(row, field);
            const k = key === undefined ? undefined : indexKey(row[key]);
            if (k === undefined) continue;
            const list = index.get(k);
            if (list) list.push(row);
            else index.set(k, [row]);
        }
        perTable.set(lower, index);
    }
    return index;
}

/**
 * The rows a condition can match, from a hash index, when it is (an AND holding) an equality or
 * IN list on a top-level field, or an OR of such; null when the whole table must be scanned.
 * Rows keep their table order (SOQL without ORDER BY promises none; the fake keeps the table's).
 */
function indexedCandidates(rows: Row[], cond: Condition): Row[] | null {
    const lookup = (c: Condition): Row[] | null => {
        if (c.kind === 'compare' && c.op === '=' && !c.path.includes('.') && c.value !== null) {
            const k = indexKey(c.value);
            return k === undefined ? null : (fieldIndex(rows, c.path).get(k) ?? []);
        }
        if (c.kind === 'in' && !c.negated && !c.path.includes('.')) {
            const index = fieldIndex(rows, c.path);
            const out = new Set<Row>();
            for (const v of c.values) {
                const k = indexKey(v);
                if (k === undefined) return null;
                for (const r of index.get(k) ?? []) out.add(r);
            }
            return [...out];
        }
        if (c.kind === 'and') {
            for (const part of c.parts) {
                const hit = lookup(part);
                if (hit) return hit;
            }
            return null;
        }
        if (c.kind === 'or') {
            const out = new Set<Row>();
            for (const part of c.parts) {
                const hit = lookup(part);
                if (!hit) return null;
                for (const r of hit) out.add(r);
            }
            return [...out];
        }
        return null;
    };
    const hit = lookup(cond);
    if (!hit) return null;
    return sortByTableOrder(rows, hit);
}

const positions = new WeakMap<Row[], Map<Row, number>>();

function sortByTableOrder(rows: Row[], hit: Row[]): Row[] {
    let pos = positions.get(rows);
    if (!pos) {
        pos = new Map(rows.map((r, i) => [r, i]));
        positions.set(rows, pos);
    }
    const p = pos;
    return [...hit].sort((a, b) => (p.get(a) ?? 0) - (p.get(b) ?? 0));
}

export function runQuery(data: SoqlData, query: SoqlQuery): SoqlResult {
    const table = tableOf(data, query.from);
    if (!table) {
        throw new SoqlError('INVALID_TYPE', `sObject type '${query.from}' is not supported.`);
    }
    const pool = query.where ? (indexedCandidates(table.rows, query.where) ?? table.rows) : table.rows;
    let rows = query.where ? pool.filter((r) => matches(data, r, query.where as Condition)) : [...pool];
    if (query.offset) rows = rows.slice(query.offset);
    if (query.limit !== undefined) rows = rows.slice(0, query.limit);
    if (query.count) return { totalSize: rows.length, records: [] };
    if (query.aggregates || query.groupBy) return aggregate(data, query, rows);
    const records = rows.map((row) => {
        const out: Row = {
            attributes: { type: table.name, url: `/services/data/v62.0/sobjects/${table.name}/${String(row.Id ?? '')}` }
        };
        for (const field of query.fields) setPath(data, row, out, field);
        return out;
    });
    return { totalSize: records.length, records };
}

/** GROUP BY with COUNT / COUNT_DISTINCT, one AggregateResult row per group (as the REST API returns them: the last path segment names a grouped field). */
function aggregate(data: SoqlData, query: SoqlQuery, rows: Row[]): SoqlResult {
    const groups = new Map<string, { values: unknown[]; rows: Row[] }>();
    for (const row of rows) {
        const values = (query.groupBy ?? []).map((g) => valueAt(data, row, g) ?? null);
        const k = JSON.stringify(values.map((v) => (typeof v === 'string' ? (id15(v) ?? v) : v)));
        const group = groups.get(k) ?? { values, rows: [] };
        group.rows.push(row);
        groups.set(k, group);
    }
    const records = [...groups.values()].map((g) => {
        const out: Row = { attributes: { type: 'AggregateResult' } };
        (query.groupBy ?? []).forEach((field, i) => {
            out[field.split('.').pop() as string] = g.values[i] as Value;
        });
        for (const a of query.aggregates ?? []) {
            const present = g.rows.map((r) => valueAt(data, r, a.path)).filter((v) => v !== null && v !== undefined);
            out[a.alias] = a.fn === 'COUNT' ? present.length : new Set(present.map((v) => (typeof v === 'string' ? (id15(v) ?? v) : v))).size;
        }
        return out;
    });
    return { totalSize: records.length, records };
}

export function executeSoql(data: SoqlData, soql: string): SoqlResult {
    return runQuery(data, parseSoql(soql));
}
