/**
 * Restriction-rule criteria parser and evaluator. Every accepted form is one Salesforce
 * documents (cited per test); every malformed form must raise RuleSyntaxError naming the
 * rule, the criteria field and the column — never crash, never parse silently.
 */
import { formatExpr, parseCriteria, RuleSyntaxError, splitMultiValue } from '../../restrictionRuleParser';
import type { RuleExpr } from '../../restrictionRuleParser';
import { evaluateCriteria, resolvePath, rowContext } from '../../restrictionRuleEvaluator';
import type { RowLookup } from '../../restrictionRuleEvaluator';
import type { Row } from '../../types';

const rf = (s: string): RuleExpr => parseCriteria(s, 'Rule_X', 'RecordFilter');
const uc = (s: string): RuleExpr => parseCriteria(s, 'Rule_X', 'UserCriteria');

function syntaxError(source: string, criteria: 'UserCriteria' | 'RecordFilter' = 'RecordFilter'): RuleSyntaxError {
    try {
        parseCriteria(source, 'Confidential_Tasks', criteria);
    } catch (e) {
        if (e instanceof RuleSyntaxError) return e;
        throw e;
    }
    throw new Error(`expected "${source}" to be rejected`);
}

const rows: Record<string, { table: string; row: Row }> = {
    '005000000000001AAA': { table: 'User', row: { Id: '005000000000001AAA', UserRoleId: '00E000000000001AAA', ProfileId: '00e000000000001AAA', ManagerId: '005000000000009AAA' } },
    '00G000000000001AAA': { table: 'Group', row: { Id: '00G000000000001AAA', Type: 'Queue', Name: 'Tier 2' } },
    '012000000000001AAA': { table: 'RecordType', row: { Id: '012000000000001AAA', Name: 'Confidential', DeveloperName: 'Confidential' } }
};
const lookup: RowLookup = { byId: (id) => rows[id] ?? Object.values(rows).find((r) => r.row.Id?.slice(0, 15) === id.slice(0, 15)) };

const user: Row = {
    Id: '005000000000002AAA',
    IsActive: true,
    ProfileId: '00e000000000001AAA',
    UserRoleId: '00E000000000001AAA',
    Department: 'Accounting'
};

function run(filter: string, record: Row, userCriteria = false, perms?: Set<string>) {
    const expr = userCriteria ? uc(filter) : rf(filter);
    return evaluateCriteria(expr, rowContext(record, 'Task', user, lookup, perms));
}

describe('restriction rule criteria: documented forms parse', () => {
    test('`OwnerId = $User.Id` (Restriction Rules Developer Guide, RestrictionRule Tooling example "Tasks You Own")', () => {
        const expr = rf('OwnerId = $User.Id');
        expect(expr).toMatchObject({ kind: 'compare', op: '=', left: { scope: 'record', path: [{ name: 'OwnerId' }] }, right: [{ scope: 'user', path: [{ name: 'Id' }] }] });
    });

    test("`$User.ProfileId = '00exxxxxxxxxxxx'` quoted id (RestrictionRule Tooling example)", () => {
        expect(uc("$User.ProfileId = '00exxxxxxxxxxxx'")).toMatchObject({ kind: 'compare', right: [{ kind: 'literal', type: 'string', value: '00exxxxxxxxxxxx' }] });
    });

    test('`$User.IsActive=true` boolean, no spaces (example "Multiple String or ID Values")', () => {
        expect(uc('$User.IsActive=true')).toMatchObject({ kind: 'compare', right: [{ type: 'boolean', value: true }] });
    });

    test('`Department=$User.Department` field against user field (scoping rule example)', () => {
        expect(formatExpr(rf('Department=$User.Department'))).toBe('Department = $User.Department');
    });

    test('`Owner:User.UserRoleId = $User.UserRoleId` polymorphic qualifier (example "Records Owned by Same Role")', () => {
        expect(rf('Owner:User.UserRoleId = $User.UserRoleId')).toMatchObject({ left: { path: [{ name: 'Owner', typeName: 'User' }, { name: 'UserRoleId' }] } });
    });

    test('unquoted comma-separated ids mean any of (example "Multiple String or ID Values": Agent__c.Owner:User.ManagerId=…, …)', () => {
        const expr = rf('Agent__c.Owner:User.ManagerId=001xx000003HNy7, 001xx000003HNut');
        expect(expr).toMatchObject({ kind: 'compare', right: [{ type: 'id', value: '001xx000003HNy7' }, { type: 'id', value: '001xx000003HNut' }] });
    });

    test("quoted comma list with double-quoted protected value (example: Name__c='Tom, Anita, “Torres, Jia”')", () => {
        const expr = rf("Name__c='Tom, Anita, \u201CTorres, Jia\u201D'");
        expect(expr.kind === 'compare' && expr.right.map((r) => (r.kind === 'literal' ? r.value : r.text))).toEqual(['Tom', 'Anita', 'Torres, Jia']);
        expect(splitMultiValue('a, "b, c", d')).toEqual(['a', 'b, c', 'd']);
    });

    test('typographic single quotes (example "External Object\'s Records": IsClosed__c = ‘false’)', () => {
        expect(rf('IsClosed__c = \u2018false\u2019')).toMatchObject({ right: [{ type: 'string', value: 'false' }] });
    });

    test("formula OR of ISPICKVAL (Metadata API RestrictionRule.recordFilter, API 60.0+)", () => {
        const expr = rf("OR(ISPICKVAL(Status,'Draft'), ISPICKVAL(Status,'Activated'), ISPICKVAL(Status,'Negotiating'))");
        expect(expr.kind).toBe('or');
        expect(expr.kind === 'or' && expr.operands).toHaveLength(3);
        expect(formatExpr(expr)).toBe("(ISPICKVAL(Status, 'Draft') OR ISPICKVAL(Status, 'Activated') OR ISPICKVAL(Status, 'Negotiating'))");
    });

    test('RecordType.Name dot notation (Security guide "Restriction Rule Example Scenarios")', () => {
        expect(rf("RecordType.Name = 'Sample Record Type Name'")).toMatchObject({ left: { path: [{ name: 'RecordType' }, { name: 'Name' }] } });
    });

    test('$Permission.<name> permission criteria (Security guide "Create a Restriction Rule": Permission Criteria)', () => {
        expect(uc('$Permission.See_Confidential')).toMatchObject({ kind: 'permission' });
        expect(uc('$Permission.See_Confidential = false')).toMatchObject({ kind: 'compare' });
    });

    test('infix AND / OR with parentheses, precedence AND over OR, &&/|| and NOT', () => {
        expect(formatExpr(rf("A__c = 1 OR B__c = 2 AND C__c = 3"))).toBe('(A__c = 1 OR (B__c = 2 AND C__c = 3))');
        expect(formatExpr(rf("(A__c = 1 || B__c = 2) && C__c = 3"))).toBe('((A__c = 1 OR B__c = 2) AND C__c = 3)');
        expect(formatExpr(rf("NOT(A__c = 1)"))).toBe('NOT A__c = 1');
        expect(formatExpr(rf("AND(A__c = 1, B__c != 'x')"))).toBe("(A__c = 1 AND B__c != 'x')");
        // After an operand AND/OR is always infix, even before a parenthesis (found by the property test).
        expect(formatExpr(rf("(A__c = 1) AND (B__c = 2 OR C__c = 3)"))).toBe('(A__c = 1 AND (B__c = 2 OR C__c = 3))');
        expect(formatExpr(rf("NOT((A__c = 1) AND (B__c = 2))"))).toBe('NOT (A__c = 1 AND B__c = 2)');
    });

    test('literals: date, date-time, number, negative number, null, <> and == synonyms', () => {
        expect(rf('Due__c >= 2024-01-31')).toMatchObject({ op: '>=', right: [{ type: 'date', value: '2024-01-31' }] });
        expect(rf('Stamp__c < 2024-01-31T10:00:00Z')).toMatchObject({ op: '<', right: [{ type: 'datetime' }] });
        expect(rf('Amount__c > -12.5')).toMatchObject({ right: [{ type: 'number', value: -12.5 }] });
        expect(rf('Manager__c = null')).toMatchObject({ right: [{ type: 'null' }] });
        expect(rf("A__c <> 'x'")).toMatchObject({ op: '!=' });
        expect(rf("A__c == 'x'")).toMatchObject({ op: '=' });
    });
});

describe('restriction rule criteria: malformed rules are named with their position', () => {
    test.each([
        ['', 1, 'empty'],
        ['OwnerId =', 10, 'expected a value'],
        ["Status__c = 'Open", 13, 'unterminated'],
        ['(A__c = 1', 10, '")"'],
        ['A__c = 1 B__c = 2', 10, 'missing AND/OR'],
        ['A__c 1', 6, 'comparison operator'],
        ['A__c = 1 AND', 13, 'criteria ended'],
        ['$Org.Id = 1', 1, 'unknown global'],
        ['A__c & B__c', 6, 'doubled'],
        ['A__c ! 1', 6, '!='],
        ['A__c = 12ab', 8, 'not a number'],
        ["1 = 'x'", 1, 'not two constants'],
        ['Owner:User:Queue.Name = 1', 1, 'not a valid field path'],
        ["ISPICKVAL(Status, 3)", 19, 'quoted text'],
        ['OR(A__c = 1)', 1, 'at least two'],
        ['A__c = 1 #', 10, 'unexpected character']
    ])('%j → column %i (%s)', (source, column, problem) => {
        const error = syntaxError(source);
        expect(error.ruleName).toBe('Confidential_Tasks');
        expect(error.criteria).toBe('RecordFilter');
        expect(error.column).toBe(column);
        expect(error.message).toContain('Confidential_Tasks');
        expect(error.message).toContain(`column ${column}`);
        expect(error.problem).toContain(problem);
    });

    test('the error names UserCriteria when the user criteria is malformed', () => {
        const error = syntaxError('$User.IsActive = ', 'UserCriteria');
        expect(error.message).toMatch(/Restriction rule "Confidential_Tasks": UserCriteria is malformed at column \d+/);
    });
});

describe('restriction rule criteria: evaluation (SOQL filter semantics)', () => {
    test('owner comparison against $User.Id, 15- vs 18-character ids compare equal (Tasks You Own example)', () => {
        expect(run('OwnerId = $User.Id', { Id: '00T1', OwnerId: '005000000000002' }).value).toBe(true);
        expect(run('OwnerId = $User.Id', { Id: '00T1', OwnerId: '005000000000001AAA' }).value).toBe(false);
    });

    test('text compares case-insensitively; booleans accept quoted true/false (External Object example)', () => {
        expect(run('Department__c = $User.Department', { Department__c: 'ACCOUNTING' }).value).toBe(true);
        expect(run('IsClosed__c = \u2018false\u2019', { IsClosed__c: false }).value).toBe(true);
        expect(run('$User.IsActive = true', {}, true).value).toBe(true);
    });

    test('comma list is any-of, != is none-of', () => {
        expect(run("Name__c='Tom, Anita, \u201CTorres, Jia\u201D'", { Name__c: 'Torres, Jia' }).value).toBe(true);
        expect(run("Name__c='Tom, Anita'", { Name__c: 'Jia' }).value).toBe(false);
        expect(run("Name__c != 'Tom', 'Anita'", { Name__c: 'Anita' }).value).toBe(false);
        expect(run("Name__c != 'Tom', 'Anita'", { Name__c: 'Jia' }).value).toBe(true);
    });

    test('Owner:User.UserRoleId follows OwnerId to the owner; a queue owner makes the User path empty', () => {
        expect(run('Owner:User.UserRoleId = $User.UserRoleId', { OwnerId: '005000000000001AAA' }).value).toBe(true);
        const queueOwned = run('Owner:User.UserRoleId = $User.UserRoleId', { OwnerId: '00G000000000001AAA' });
        expect(queueOwned.value).toBe(false);
        expect(queueOwned.unknowns).toEqual([]);
    });

    test('nested SOQL relationship objects are used when present (RecordType.Name)', () => {
        expect(run("RecordType.Name = 'Confidential'", { RecordType: { Name: 'Confidential' } }).value).toBe(true);
        expect(run("RecordType.Name = 'Confidential'", { RecordTypeId: '012000000000001AAA' }).value).toBe(true);
        expect(run("RecordType.Name = 'Confidential'", { RecordTypeId: null }).value).toBe(false);
    });

    test('object-qualified path strips the target object name (Agent__c.Owner:User.ManagerId)', () => {
        const r = evaluateCriteria(rf('Agent__c.Owner:User.ManagerId=005000000000009, 001xx000003HNut'), rowContext({ OwnerId: '005000000000001AAA' }, 'Agent__c', user, lookup, undefined));
        expect(r.value).toBe(true);
    });

    test('missing evidence is unknown with the reason, and Kleene logic keeps decidable results', () => {
        const unknown = run("Secret__c = 'x'", { Id: '00T1' });
        expect(unknown.value).toBeNull();
        expect(unknown.unknowns[0]).toContain('Secret__c is not in the snapshot');
        expect(run("Secret__c = 'x' AND Public__c = true", { Public__c: false }).value).toBe(false);
        expect(run("Secret__c = 'x' OR Public__c = true", { Public__c: true }).value).toBe(true);
        expect(run('Owner:User.UserRoleId = $User.UserRoleId', { OwnerId: '005999999999999AAA' }).value).toBeNull();
    });

    test('dates, numbers and null', () => {
        expect(run('Due__c >= 2024-01-31', { Due__c: '2024-02-01' }).value).toBe(true);
        expect(run('Due__c >= 2024-01-31', { Due__c: '2024-01-30T23:00:00.000+0000' }).value).toBe(false);
        expect(run('Amount__c > 10', { Amount__c: 10.5 }).value).toBe(true);
        expect(run('Manager__c = null', { Manager__c: null }).value).toBe(true);
        expect(run('Manager__c != null', { Manager__c: null }).value).toBe(false);
        expect(run("OR(ISPICKVAL(Status,'Draft'), ISPICKVAL(Status,'Activated'))", { Status: 'Activated' }).value).toBe(true);
    });

    test('$Permission: known when custom permissions were collected, unknown otherwise', () => {
        expect(run('$Permission.See_Confidential', {}, true, new Set(['See_Confidential'])).value).toBe(true);
        expect(run('$Permission.See_Confidential', {}, true, new Set()).value).toBe(false);
        expect(run('$Permission.See_Confidential', {}, true).value).toBeNull();
    });

    test('resolvePath reports a relationship whose id field is absent', () => {
        const r = resolvePath({ Id: 'x' }, 'Task', [{ name: 'Owner', typeName: 'User' }, { name: 'Id' }], lookup, 'record');
        expect(r).toEqual({ known: false, reason: 'record relationship Owner (OwnerId) is not in the snapshot' });
    });
});
