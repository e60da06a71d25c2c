/**
 * Parser for restriction-rule and scoping-rule criteria: the `UserCriteria` and
 * `RecordFilter` strings of the Tooling API object `RestrictionRule` (Metadata API
 * `userCriteria` / `recordFilter`).
 *
 * Salesforce documents these strings by example rather than by a formal grammar. The
 * grammar below accepts every form the documentation shows, and nothing else:
 * - Restriction Rules Developer Guide, "RestrictionRule" (Tooling API):
 *   `OwnerId = $User.Id`, `$User.ProfileId = '00exxxxxxxxxxxx'`, `Department=$User.Department`.
 * - Metadata API Developer Guide, "RestrictionRule": `recordFilter` may combine picklist
 *   values with the formula form `OR(ISPICKVAL(Status,'Draft'), ISPICKVAL(Status,'Activated'))`
 *   (API 60.0+).
 * - Restriction Rules Developer Guide, "Allow Users to See Only Records Owned by Same Role":
 *   dot notation and polymorphic type qualifiers, `Owner:User.UserRoleId = $User.UserRoleId`;
 *   `$User.IsActive = true`.
 * - "Provide User Access With Multiple String or ID Values in Record Criteria": a comma
 *   separated list means "any of" — `Agent__c.Owner:User.ManagerId=001xx000003HNy7, 001xx000003HNut`
 *   (unquoted ids, object-qualified path) and `Name__c='Tom, Anita, “Torres, Jia”'` (commas inside a
 *   quoted value separate values; double quotes protect a comma).
 * - "Allow Users to See an External Object's Records": typographic quotes `IsClosed__c = ‘false’`.
 * - Security guide, "Create a Restriction Rule": user criteria can also be Permission
 *   Criteria (a custom permission), written `$Permission.<Name>`.
 * AND / OR / NOT infix words, `&&` / `||` and parentheses are accepted as in formula
 * criteria; comparison operators `=`, `==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`.
 *
 * A malformed string throws `RuleSyntaxError` naming the rule, the criteria field and the
 * 1-based column; callers turn it into an `uncertain` layer, never a crash.
 */

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type LiteralType = 'string' | 'number' | 'boolean' | 'null' | 'date' | 'datetime' | 'id';

export interface Literal {
    kind: 'literal';
    type: LiteralType;
    value: string | number | boolean | null;
    /** Source text, for explanations. */
    text: string;
}

/** One segment of a dotted path; `typeName` is the polymorphic qualifier in `Owner:User`. */
export interface PathSegment {
    name: string;
    typeName?: string;
}

export interface FieldRef {
    kind: 'field';
    /** `record` = a field of the record; `user` = `$User.…`; `permission` = `$Permission.…`. */
    scope: 'record' | 'user' | 'permission';
    path: PathSegment[];
    text: string;
}

export type Operand = Literal | FieldRef;

export type RuleExpr =
    | { kind: 'and'; operands: RuleExpr[] }
    | { kind: 'or'; operands: RuleExpr[] }
    | { kind: 'not'; operand: RuleExpr }
    | { kind: 'compare'; left: Operand; op: CompareOp; right: Operand[]; text: string; position: number }
    | { kind: 'ispickval'; field: FieldRef; value: Literal; text: string; position: number }
    | { kind: 'permission'; ref: FieldRef; text: string; position: number };

export type CriteriaKind = 'UserCriteria' | 'RecordFilter';

export class RuleSyntaxError extends Error {
    readonly ruleName: string;
    readonly criteria: CriteriaKind;
    /** 1-based column in the criteria string. */
    readonly column: number;
    readonly problem: string;

    constructor(ruleName: string, criteria: CriteriaKind, column: number, problem: string, source: string) {
        super(`Restriction rule "${ruleName}": ${criteria} is malformed at column ${column}: ${problem} (near: ${excerpt(source, column - 1)})`);
        this.name = 'RuleSyntaxError';
        this.ruleName = ruleName;
        this.criteria = criteria;
        this.column = column;
        this.problem = problem;
    }
}

/** Nesting (parentheses, NOT, AND(…), OR(…)) beyond this is refused as a syntax error, never a stack overflow. */
export const MAX_NESTING = 64;

const EXCERPT_HALF = 24;

/** At most a short excerpt of the criteria around an offset: an error never quotes a whole rule. */
export function excerpt(source: string, offset: number): string {
    const text = typeof source === 'string' ? source : String(source);
    const at = Math.max(0, Math.min(offset, text.length));
    const from = Math.max(0, at - EXCERPT_HALF);
    const to = Math.min(text.length, at + EXCERPT_HALF);
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

type TokenType = 'ident' | 'string' | 'number' | 'word' | 'op' | 'lparen' | 'rparen' | 'comma' | 'and' | 'or' | 'not' | 'eof';

interface Token {
    type: TokenType;
    text: string;
    /** 0-based offset. */
    pos: number;
    /** For strings: the unquoted content. */
    value?: string;
}

const OPEN_QUOTES: Record<string, string> = { "'": "'", '"': '"', '\u2018': '\u2019', '\u201C': '\u201D' };
const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[A-Za-z0-9_.:$]/;
const WORD_PART = /[A-Za-z0-9_:.+-]/;

function tokenize(source: string, fail: (pos: number, problem: string) => never): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < source.length) {
        const ch = source.charAt(i);
        if (/\s/.test(ch)) {
            i++;
            continue;
        }
        const start = i;
        if (ch === '(') {
            tokens.push({ type: 'lparen', text: ch, pos: start });
            i++;
        } else if (ch === ')') {
            tokens.push({ type: 'rparen', text: ch, pos: start });
            i++;
        } else if (ch === ',') {
            tokens.push({ type: 'comma', text: ch, pos: start });
            i++;
        } else if (ch === '&' || ch === '|') {
            if (source.charAt(i + 1) !== ch) {
                fail(start, `"${ch}" must be doubled ("${ch}${ch}")`);
            }
            tokens.push({ type: ch === '&' ? 'and' : 'or', text: ch + ch, pos: start });
            i += 2;
        } else if ('=!<>'.includes(ch)) {
            const two = source.slice(i, i + 2);
            if (['==', '!=', '<>', '<=', '>='].includes(two)) {
                tokens.push({ type: 'op', text: two, pos: start });
                i += 2;
            } else if (ch === '!') {
                fail(start, 'expected "!=" after "!"');
            } else {
                tokens.push({ type: 'op', text: ch, pos: start });
                i++;
            }
        } else if (OPEN_QUOTES[ch] !== undefined) {
            const close = OPEN_QUOTES[ch];
            // Straight quotes close themselves; typographic ones may be closed by either form.
            const closers = ch === "'" || ch === '"' ? [ch] : [close, ch];
            let value = '';
            i++;
            let closed = false;
            while (i < source.length) {
                const c = source.charAt(i);
                if (c === '\\' && i + 1 < source.length) {
                    value += source.charAt(i + 1);
                    i += 2;
                    continue;
                }
                if (closers.includes(c)) {
                    closed = true;
                    i++;
                    break;
                }
                value += c;
                i++;
            }
            if (!closed) {
                fail(start, `unterminated text value starting with ${ch}`);
            }
            tokens.push({ type: 'string', text: source.slice(start, i), pos: start, value });
        } else if (IDENT_START.test(ch)) {
            while (i < source.length && IDENT_PART.test(source.charAt(i))) i++;
            const text = source.slice(start, i);
            const upper = text.toUpperCase();
            if (upper === 'AND') tokens.push({ type: 'and', text, pos: start });
            else if (upper === 'OR') tokens.push({ type: 'or', text, pos: start });
            else if (upper === 'NOT') tokens.push({ type: 'not', text, pos: start });
            else tokens.push({ type: 'ident', text, pos: start });
        } else if (/[0-9\-+]/.test(ch)) {
            while (i < source.length && WORD_PART.test(source.charAt(i))) i++;
            const text = source.slice(start, i);
            tokens.push({ type: /^[+-]?\d+(\.\d+)?$/.test(text) ? 'number' : 'word', text, pos: start });
        } else {
            fail(start, `unexpected character "${ch}"`);
        }
    }
    tokens.push({ type: 'eof', text: '', pos: source.length });
    return tokens;
}

const ID_RE = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Splits a quoted value on commas outside double quotes (documented "multiple values" form). */
export function splitMultiValue(value: string): string[] {
    const parts: string[] = [];
    let current = '';
    let quoted = false;
    for (const c of value) {
        if (c === '"' || c === '\u201C' || c === '\u201D') {
            quoted = c === '\u201C' ? true : c === '\u201D' ? false : !quoted;
            continue;
        }
        if (c === ',' && !quoted) {
            parts.push(current.trim());
            current = '';
            continue;
        }
        current += c;
    }
    parts.push(current.trim());
    return parts;
}

class Parser {
    private index = 0;
    private depth = 0;

    constructor(
        private readonly tokens: Token[],
        private readonly fail: (pos: number, problem: string) => never
    ) {}

    parse(): RuleExpr {
        const expr = this.parseOr();
        const rest = this.peek();
        if (rest.type !== 'eof') {
            this.fail(rest.pos, `unexpected "${rest.text}" after a complete condition (missing AND/OR?)`);
        }
        return expr;
    }

    private peek(offset = 0): Token {
        const token = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
        if (!token) {
            throw new Error('tokenizer produced no eof token');
        }
        return token;
    }

    private next(): Token {
        const token = this.peek();
        if (token.type !== 'eof') this.index++;
        return token;
    }

    private expect(type: TokenType, what: string): Token {
        const token = this.peek();
        if (token.type !== type) {
            this.fail(token.pos, `expected ${what} but found ${token.type === 'eof' ? 'the end' : `"${token.text}"`}`);
        }
        return this.next();
    }

    private parseOr(): RuleExpr {
        const operands = [this.parseAnd()];
        while (this.peek().type === 'or') {
            this.next();
            operands.push(this.parseAnd());
        }
        return operands.length === 1 ? (operands[0] as RuleExpr) : { kind: 'or', operands };
    }

    private parseAnd(): RuleExpr {
        const operands = [this.parseUnary()];
        while (this.peek().type === 'and') {
            this.next();
            operands.push(this.parseUnary());
        }
        return operands.length === 1 ? (operands[0] as RuleExpr) : { kind: 'and', operands };
    }

    /** One level deeper; refuses criteria nested more than MAX_NESTING levels. */
    private nested<T>(token: Token, parse: () => T): T {
        if (++this.depth > MAX_NESTING) {
            this.fail(token.pos, `conditions are nested more than ${MAX_NESTING} levels deep`);
        }
        try {
            return parse();
        } finally {
            this.depth--;
        }
    }

    private parseUnary(): RuleExpr {
        const token = this.peek();
        if (token.type === 'not') {
            return this.nested(token, () => {
                this.next();
                if (this.peek().type === 'lparen') {
                    this.next();
                    const operand = this.parseOr();
                    this.expect('rparen', '")" to close NOT(');
                    return { kind: 'not', operand };
                }
                return { kind: 'not', operand: this.parseUnary() };
            });
        }
        return this.parsePrimary();
    }

    private parsePrimary(): RuleExpr {
        const token = this.peek();
        if (token.type === 'lparen') {
            return this.nested(token, () => {
                this.next();
                const inner = this.parseOr();
                this.expect('rparen', '")"');
                return inner;
            });
        }
        if ((token.type === 'and' || token.type === 'or') && this.peek(1).type === 'lparen') {
            // Formula form: AND(a, b, …) / OR(a, b, …).
            const kind = token.type;
            return this.nested(token, () => {
                this.next();
                this.next();
                const operands = [this.parseOr()];
                while (this.peek().type === 'comma') {
                    this.next();
                    operands.push(this.parseOr());
                }
                this.expect('rparen', `")" to close ${token.text.toUpperCase()}(`);
                if (operands.length < 2) {
                    this.fail(token.pos, `${token.text.toUpperCase()}() needs at least two conditions`);
                }
                return { kind, operands };
            });
        }
        if (token.type === 'ident' && token.text.toUpperCase() === 'ISPICKVAL' && this.peek(1).type === 'lparen') {
            this.next();
            this.next();
            const fieldToken = this.expect('ident', 'a picklist field inside ISPICKVAL(');
            const field = this.fieldRef(fieldToken);
            this.expect('comma', '"," between the field and the value of ISPICKVAL');
            const valueToken = this.next();
            const value = this.literal(valueToken, false);
            if (!value || value.type !== 'string') {
                this.fail(valueToken.pos, 'ISPICKVAL needs a quoted text value');
            }
            const close = this.expect('rparen', '")" to close ISPICKVAL(');
            return { kind: 'ispickval', field, value, text: this.sourceBetween(token, close), position: token.pos };
        }
        if (token.type === 'eof') {
            this.fail(token.pos, 'expected a condition but the criteria ended');
        }
        const leftToken = this.next();
        // On the left an identifier is a field (never an id constant).
        const left = leftToken.type === 'ident' && !['TRUE', 'FALSE', 'NULL'].includes(leftToken.text.toUpperCase()) ? this.fieldRef(leftToken) : this.operand(leftToken);
        const opToken = this.peek();
        if (opToken.type !== 'op') {
            if (left.kind === 'field' && left.scope === 'permission') {
                return { kind: 'permission', ref: left, text: left.text, position: token.pos };
            }
            this.fail(opToken.pos, `expected a comparison operator (=, !=, <, <=, >, >=) after "${token.text}"`);
        }
        this.next();
        const op = normaliseOp(opToken.text);
        const right: Operand[] = [];
        const first = this.next();
        right.push(...this.valueOperands(first));
        // "Any of" list: a comma followed by a value (not by a new condition).
        while (this.peek().type === 'comma' && this.isListValue(this.peek(1), this.peek(2))) {
            this.next();
            right.push(...this.valueOperands(this.next()));
        }
        if (left.kind === 'literal' && right.every((r) => r.kind === 'literal')) {
            this.fail(token.pos, 'a condition must compare a field, $User or $Permission value, not two constants');
        }
        const last = this.tokens[this.index - 1] ?? first;
        return { kind: 'compare', left, op, right, text: this.sourceBetween(token, last), position: token.pos };
    }

    private isListValue(token: Token, after: Token): boolean {
        if (['string', 'number', 'word'].includes(token.type)) return true;
        if (token.type === 'ident') {
            const upper = token.text.toUpperCase();
            if (['TRUE', 'FALSE', 'NULL'].includes(upper)) return true;
            // A bare id-like word (letters and digits, 15/18 long) that does not start a new comparison.
            return ID_RE.test(token.text) && after.type !== 'op';
        }
        return false;
    }

    private sourceBetween(from: Token, to: Token): string {
        return this.source.slice(from.pos, to.pos + to.text.length).trim();
    }

    source = '';

    private valueOperands(token: Token): Operand[] {
        if (token.type === 'string' && token.value !== undefined && /,/.test(token.value)) {
            return splitMultiValue(token.value).map((v) => ({ kind: 'literal', type: 'string', value: v, text: `'${v}'` }) as Literal);
        }
        return [this.operand(token)];
    }

    private operand(token: Token): Operand {
        const lit = this.literal(token, true);
        if (lit) return lit;
        if (token.type === 'ident') return this.fieldRef(token);
        return this.fail(token.pos, token.type === 'eof' ? 'expected a value but the criteria ended' : `expected a field or a value but found "${token.text}"`);
    }

    private literal(token: Token, allowIdentIds: boolean): Literal | null {
        switch (token.type) {
            case 'string':
                return { kind: 'literal', type: 'string', value: token.value ?? '', text: token.text };
            case 'number':
                // All-digit 15/18-character words with a leading zero are record ids (key prefixes 001, 005…).
                if (/^0\d{14}(\d{3})?$/.test(token.text)) return { kind: 'literal', type: 'id', value: token.text, text: token.text };
                return { kind: 'literal', type: 'number', value: Number(token.text), text: token.text };
            case 'word':
                if (DATE_RE.test(token.text)) return { kind: 'literal', type: 'date', value: token.text, text: token.text };
                if (DATETIME_RE.test(token.text)) return { kind: 'literal', type: 'datetime', value: token.text, text: token.text };
                if (ID_RE.test(token.text)) return { kind: 'literal', type: 'id', value: token.text, text: token.text };
                this.fail(token.pos, `"${token.text}" is not a number, date (YYYY-MM-DD), date-time or record id`);
                break;
            case 'ident': {
                const upper = token.text.toUpperCase();
                if (upper === 'TRUE' || upper === 'FALSE') {
                    return { kind: 'literal', type: 'boolean', value: upper === 'TRUE', text: token.text };
                }
                if (upper === 'NULL') return { kind: 'literal', type: 'null', value: null, text: token.text };
                if (allowIdentIds && ID_RE.test(token.text) && /\d/.test(token.text) && !token.text.includes('_')) {
                    return { kind: 'literal', type: 'id', value: token.text, text: token.text };
                }
                return null;
            }
            default:
                return null;
        }
        return null;
    }

    private fieldRef(token: Token): FieldRef {
        const text = token.text;
        let scope: FieldRef['scope'] = 'record';
        let body = text;
        const lower = text.toLowerCase();
        if (lower.startsWith('$user.')) {
            scope = 'user';
            body = text.slice(6);
        } else if (lower.startsWith('$permission.')) {
            scope = 'permission';
            body = text.slice(12);
        } else if (text.startsWith('$')) {
            this.fail(token.pos, `unknown global "${text.split('.')[0] ?? text}" (only $User and $Permission are allowed)`);
        }
        const path: PathSegment[] = [];
        for (const raw of body.split('.')) {
            const [name, typeName, extra] = raw.split(':');
            if (!name || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || extra !== undefined || (typeName !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/.test(typeName))) {
                this.fail(token.pos, `"${text}" is not a valid field path`);
            }
            path.push(typeName ? { name, typeName } : { name });
        }
        if (scope === 'permission' && path.length !== 1) {
            this.fail(token.pos, `"${text}" must name one custom permission ($Permission.Name)`);
        }
        return { kind: 'field', scope, path, text };
    }
}

function normaliseOp(text: string): CompareOp {
    switch (text) {
        case '==':
            return '=';
        case '<>':
            return '!=';
        default:
            return text as CompareOp;
    }
}

/**
 * Parses one criteria string. Throws `RuleSyntaxError` (rule name, criteria kind, column)
 * for anything the documented grammar does not accept, including an empty string.
 */
export function parseCriteria(source: string, ruleName: string, criteria: CriteriaKind): RuleExpr {
    const fail = (pos: number, problem: string): never => {
        throw new RuleSyntaxError(ruleName, criteria, pos + 1, problem, source);
    };
    if (typeof source !== 'string' || source.trim() === '') {
        fail(0, 'the criteria is empty');
    }
    const parser = new Parser(tokenize(source, fail), fail);
    parser.source = source;
    return parser.parse();
}

/** Renders a parsed expression back to a canonical string (used in explanations and tests). */
export function formatExpr(expr: RuleExpr): string {
    switch (expr.kind) {
        case 'and':
        case 'or':
            return `(${expr.operands.map(formatExpr).join(expr.kind === 'and' ? ' AND ' : ' OR ')})`;
        case 'not':
            return `NOT ${formatExpr(expr.operand)}`;
        case 'ispickval':
            return `ISPICKVAL(${expr.field.text}, ${expr.value.text})`;
        case 'permission':
            return expr.ref.text;
        default:
            return `${formatOperand(expr.left)} ${expr.op} ${expr.right.map(formatOperand).join(', ')}`;
    }
}

function formatOperand(operand: Operand): string {
    if (operand.kind === 'field') return operand.text;
    return operand.type === 'string' ? `'${String(operand.value)}'` : operand.text;
}
