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
 */
import { P_MODIFY_ALL, P_MODIFY_ALL_DATA, P_VIEW_ALL, P_VIEW_ALL_DATA, type PermissionHolders } from './permissionHolders';
import { evaluateCriteria, rowContext, type RowLookup } from './restrictionRuleEvaluator';
import { parseCriteria, RuleSyntaxError, type RuleExpr } from './restrictionRuleParser';
import { restrictionRuleSupport } from './restrictionRuleObjects';
import type { RestrictionRuleDefinition } from './types';
import type { RecordFacts } from './whoCanSeeFacts';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

export type RestrictionDecision = 'open' | 'blocked' | 'layer';

export interface RestrictionScreen {
    /** Active Restrict rules on the object (empty: the layer never blocks). */
    rules: readonly RestrictionRuleDefinition[];
    /** open: the rules can't block this user; blocked: they do; layer: ask the layer. */
    decide(userId: string): RestrictionDecision;
}

export function restrictionScreen(facts: RecordFacts, holders: PermissionHolders): RestrictionScreen {
    const { index } = facts;
    const object = facts.object.toLowerCase();
    const rules = (index.snapshot.metadata?.RestrictionRule ?? []).filter(
        (r) => r.IsActive && str(r.TargetEntity).toLowerCase() === object && str(r.EnforcementType).toLowerCase() === 'restrict'
    );
    const parse = (rule: RestrictionRuleDefinition, which: 'UserCriteria' | 'RecordFilter'): RuleExpr | null =>
        index.memo(`whoCanSee.${which}`, rule, () => {
            try {
                return parseCriteria(which === 'UserCriteria' ? rule.UserCriteria : rule.RecordFilter, rule.DeveloperName, which);
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
    return {
        rules,
        decide(userId: string): RestrictionDecision {
            if (holders.bits(userId) & EXEMPT) {
                return 'open';
            }
            const user = index.user(userId);
            if (!user) {
                return 'layer';
            }
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
    };
}
