/**
 * Restriction rules in a who-can-see sweep. The layer (layerRestrictionRules.ts) decides one user
 * at a time and writes its reasons; over thousands of users the clear-cut cases are decided here
 * with the same parser, evaluator and rules, and only the others go through the layer:
 * - users exempt from restriction rules (View All / Modify All on the object, View All Data,
 *   Modify All Data: Restriction Rules Developer Guide "Considerations") are never blocked;
 * - each active rule's user criteria, then record criteria, are evaluated without custom
 *   permissions: the evaluator's three-valued logic only gives true or false when no missing
 *   value could change it, so a definite answer here is the layer's answer too;
 * - no rule applies, or every applying rule's record criteria match: not blocked; every
 *   applying rule's record criteria fail, on an object the guide lists: blocked;
 * - anything else (a value unknown, rules that disagree, an unlisted object, a criteria that
 *   doesn't parse) is left to the layer, which says why it is unsure.
 * The record is the same for every user, so users whose `$User` fields named by the criteria
 * hold the same values get the same decision: it is worked out once per combination of values.
 */
import {
    P_MODIFY_ALL,
    P_MODIFY_ALL_DATA,
    P_VIEW_ALL,
    P_VIEW_ALL_DATA,
    type PermissionHolders
} from './permissionHolders';
import { evaluateCriteria, resolvePath, rowContext, type RowLookup } from './restrictionRuleEvaluator';
import { parseCriteria, RuleSyntaxError, type Operand, type PathSegment, type RuleExpr } from './restrictionRuleParser';
import { restrictionRuleSupport } from './restrictionRuleObjects';
import type { RestrictionRuleDefinition, Row } from './types';
import type { RecordFacts } from './whoCanSeeFacts';
import { userSpace } from './userSpace';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** The `$User` field paths a criteria reads. */
function userPaths(expr: RuleExpr | null, out: PathSegment[][]): void {
    if (!expr) {
        return;
    }
    const operand = (o: Operand): void => {
        if (o.kind === 'field' && o.scope === 'user') {
            out.push(o.path);
        }
    };
    switch (expr.kind) {
        case 'and':
        case 'or':
            expr.operands.forEach((e) => userPaths(e, out));
            break;
        case 'not':
            userPaths(expr.operand, out);
            break;
        case 'compare':
            operand(expr.left);
            expr.right.forEach(operand);
            break;
        case 'ispickval':
            operand(expr.field);
            break;
        default:
            break;
    }
}

export type RestrictionDecision = 'open' | 'blocked' | 'layer';

export interface RestrictionScreen {
    /** Active Restrict rules on the object (empty: the layer never blocks). */
    rules: readonly RestrictionRuleDefinition[];
    /** open: the rules can't block this user (a number of the user space); blocked: they do; layer: ask the layer. */
    decide(user: number): RestrictionDecision;
}

export function restrictionScreen(facts: RecordFacts, holders: PermissionHolders): RestrictionScreen {
    const { index } = facts;
    const object = facts.object.toLowerCase();
    const rules = (index.snapshot.metadata?.RestrictionRule ?? []).filter(
        (r) =>
            r.IsActive &&
            str(r.TargetEntity).toLowerCase() === object &&
            str(r.EnforcementType).toLowerCase() === 'restrict'
    );
    const parse = (rule: RestrictionRuleDefinition, which: 'UserCriteria' | 'RecordFilter'): RuleExpr | null =>
        index.memo(`whoCanSee.${which}`, rule, () => {
            try {
                return parseCriteria(
                    which === 'UserCriteria' ? rule.UserCriteria : rule.RecordFilter,
                    rule.DeveloperName,
                    which
                );
            } catch (e) {
                if (e instanceof RuleSyntaxError) {
                    return null;
                }
                throw e;
            }
        });
    const parsed = rules.map((rule) => ({ user: parse(rule, 'UserCriteria'), record: parse(rule, 'RecordFilter') }));
    const supported = restrictionRuleSupport(facts.object).supported;
    const lookup: RowLookup = { byId: (id) => index.byId(id) };
    const EXEMPT = P_VIEW_ALL | P_MODIFY_ALL | P_VIEW_ALL_DATA | P_MODIFY_ALL_DATA;
    const paths: PathSegment[][] = [];
    parsed.forEach((p) => {
        userPaths(p.user, paths);
        userPaths(p.record, paths);
    });
    const decisions = new Map<string, RestrictionDecision>();
    return {
        rules,
        decide(n: number): RestrictionDecision {
            if (holders.bitsAt(n) & EXEMPT) {
                return 'open';
            }
            const user = userSpace(index).rows[n];
            if (!user) {
                return 'layer';
            }
            const key = paths
                .map((path) => {
                    const v = resolvePath(user, 'User', path, lookup, '$User');
                    return v.known ? JSON.stringify(v.value ?? null) : '?';
                })
                .join('\u0001');
            let decision = decisions.get(key);
            if (!decision) {
                decision = decideFor(user);
                decisions.set(key, decision);
            }
            return decision;
        }
    };

    function decideFor(user: Row): RestrictionDecision {
        const ctx = rowContext(facts.row, facts.object, user, lookup, undefined);
        let allows = false;
        let blocks = false;
        for (const p of parsed) {
            if (!p.user || !p.record) {
                return 'layer';
            }
            const applies = evaluateCriteria(p.user, ctx).value;
            if (applies === false) {
                continue;
            }
            const matches = applies === null ? null : evaluateCriteria(p.record, ctx).value;
            if (matches === null) {
                return 'layer';
            }
            if (matches) {
                allows = true;
            } else {
                blocks = true;
            }
        }
        if (!blocks) {
            return 'open';
        }
        return allows || !supported ? 'layer' : 'blocked';
    }
}
