/**
 * Layer 12: restriction rules (access-semantics.md §13; seed 000 steps 12 and 14).
 *
 * Sources: Restriction Rules Developer Guide ("Restriction Rules", "Considerations",
 * Tooling API "RestrictionRule"), Security guide "Create a Restriction Rule":
 * - a rule applies to users who match its UserCriteria; for them, the records they can
 *   reach through org-wide defaults, sharing rules and every other mechanism are filtered
 *   by its RecordFilter;
 * - users with View All / Modify All on the object, or View All Data / Modify All Data, are
 *   not restricted;
 * - "If you create two active rules, and both rules apply to a given user, only one of the
 *   active rules is observed" — so two applicable rules that disagree make the verdict
 *   uncertain;
 * - EnforcementType `Scoping` only sets which records users see by default (list views);
 *   it never restricts access;
 * - reading RestrictionRule needs the "View Restriction and Scoping Rules" permission;
 *   UserRecordAccess ignores restriction rules (Object Reference "UserRecordAccess");
 * - "Restriction rules are available for custom objects, external objects, contracts, events,
 *   tasks, time sheets, and time sheet entries" ("Considerations" > Available Objects; see
 *   restrictionRuleObjects.ts). An active Restrict rule whose TargetEntity is not on that list
 *   is never applied as a block: when its outcome doesn't matter (it applies to nobody here,
 *   the record meets its criteria, or the user is exempt) the layer stays neutral and says
 *   the object is unlisted; when it would block (or its outcome is unknown) the layer is
 *   uncertain, names the rule and the object, and the verdict is what the other layers give.
 */
import { noAccess } from './accessLevels';
import type { EvaluationContext } from './context';
import { layerResult, type EngineStep, type LayerEvaluation, type LayerEvaluator } from './layer';
import { SOURCE } from './sources';
import { systemPermission, userPermissions } from './permissions';
import { evaluateCriteria, rowContext, type EvalResult, type RowLookup } from './restrictionRuleEvaluator';
import { restrictionRuleSupport, type RestrictionRuleObjectSupport } from './restrictionRuleObjects';
import { parseCriteria, RuleSyntaxError, type CriteriaKind } from './restrictionRuleParser';
import type { NextStep, RestrictionRuleDefinition } from './types';

const LAYER = 'restrictionRules';

const COLLECT_STEP =
    'Collect RestrictionRule through the Tooling API (the collecting user needs "View Restriction and Scoping Rules"; Setup > Object Manager > <object> > Restriction Rules shows them too)';

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

function ruleLabel(rule: RestrictionRuleDefinition): string {
    return rule.MasterLabel && rule.MasterLabel !== rule.DeveloperName ? `"${rule.MasterLabel}" (${rule.DeveloperName})` : `"${rule.DeveloperName}"`;
}

function ruleEvidence(rule: RestrictionRuleDefinition): string {
    return `metadata:RestrictionRule:${rule.DeveloperName}`;
}

/** Custom permission names the user holds, or undefined when that evidence wasn't collected. */
function customPermissionsOf(ctx: EvaluationContext): Set<string> | undefined {
    const index = ctx.index;
    if (!index.hasTable('CustomPermission') || !index.hasTable('SetupEntityAccess')) {
        return undefined;
    }
    const names = new Set<string>();
    const perms = userPermissions(index, ctx.userId);
    for (const source of perms.sources) {
        for (const setId of source.permissionSetIds) {
            for (const sea of index.rowsWhere('SetupEntityAccess', 'ParentId', setId)) {
                const cp = index.byId(str(sea.SetupEntityId))?.row;
                if (cp && str(cp.DeveloperName)) {
                    names.add(str(cp.DeveloperName));
                }
            }
        }
    }
    return names;
}

/** Why Access X-Ray can't tell whether Salesforce enforces rules on an unlisted object. */
function unlistedText(support: RestrictionRuleObjectSupport, rules: readonly RestrictionRuleDefinition[]): string {
    const plural = rules.length > 1;
    return (
        `Restriction rule${plural ? 's' : ''} ${rules.map(ruleLabel).join(', ')} target${plural ? '' : 's'} ${support.objectApiName}, which the Restriction Rules Developer Guide ` +
        `doesn't list among the objects restriction rules are available for (custom objects, external objects, contracts, events, tasks, time sheets and time sheet entries — "Considerations" > Available Objects)` +
        `${support.supported ? '' : support.note ? `; ${support.note}` : ''}, so Access X-Ray can't tell whether Salesforce enforces ${plural ? 'them' : 'it'}.`
    );
}

function unlistedStep(ctx: EvaluationContext, rules: readonly RestrictionRuleDefinition[], wouldBlock: boolean): NextStep {
    const ids = rules.map((r) => r.Id).filter((id): id is string => typeof id === 'string' && id.length > 0);
    return {
        kind: 'other',
        action: `Check restriction rule${rules.length > 1 ? 's' : ''} ${rules.map(ruleLabel).join(', ')} in Setup > Object Manager > ${ctx.objectApiName} > Restriction Rules and confirm with Salesforce whether restriction rules are enforced on ${ctx.objectApiName}; ${wouldBlock ? `if they are, ${ctx.userName} loses access to this record` : 'if they are, collect the fields the rule criteria use and explain again'}`,
        ...(ids.length ? { targetIds: ids } : {})
    };
}

/** For external objects: the guide's adapter caveat, added to what the layer says. */
const EXTERNAL_NOTE =
    ' External object: only the Salesforce Connect OData 2.0, OData 4.0 and Cross-Org adapters support restriction rules, and they don\'t combine with org-wide defaults or sharing.';

type RuleOutcome =
    | { rule: RestrictionRuleDefinition; kind: 'notForUser'; detail: string }
    | { rule: RestrictionRuleDefinition; kind: 'allows'; detail: string }
    | { rule: RestrictionRuleDefinition; kind: 'blocks'; detail: string }
    | { rule: RestrictionRuleDefinition; kind: 'unknown'; detail: string };

function parseOrError(rule: RestrictionRuleDefinition, which: CriteriaKind): { expr: ReturnType<typeof parseCriteria> } | { error: string } {
    try {
        return { expr: parseCriteria(which === 'UserCriteria' ? rule.UserCriteria : rule.RecordFilter, rule.DeveloperName, which) };
    } catch (e) {
        // Any failure to read a rule makes the layer uncertain; it never ends the explanation.
        return { error: e instanceof RuleSyntaxError ? e.message : `Restriction rule ${ruleLabel(rule)}: ${which} could not be read` };
    }
}

function traceText(result: EvalResult): string {
    return result.trace.join('; ');
}

function evaluateRule(ctx: EvaluationContext, rule: RestrictionRuleDefinition, lookup: RowLookup, permissions: Set<string> | undefined): RuleOutcome {
    const user = parseOrError(rule, 'UserCriteria');
    if ('error' in user) {
        return { rule, kind: 'unknown', detail: `${user.error}; the rule can't be evaluated` };
    }
    const criteriaCtx = rowContext(ctx.record, ctx.objectApiName, ctx.user, lookup, permissions);
    const applies = evaluateCriteria(user.expr, criteriaCtx);
    if (applies.value === false) {
        return { rule, kind: 'notForUser', detail: `rule ${ruleLabel(rule)} doesn't apply to ${ctx.userName} (user criteria ${traceText(applies)})` };
    }
    if (applies.value === null) {
        return { rule, kind: 'unknown', detail: `whether rule ${ruleLabel(rule)} applies to ${ctx.userName} is unknown (${applies.unknowns.join('; ')})` };
    }
    const filter = parseOrError(rule, 'RecordFilter');
    if ('error' in filter) {
        return { rule, kind: 'unknown', detail: `rule ${ruleLabel(rule)} applies to ${ctx.userName}, but ${filter.error}; the rule can't be evaluated` };
    }
    const matches = evaluateCriteria(filter.expr, criteriaCtx);
    if (matches.value === true) {
        return {
            rule,
            kind: 'allows',
            detail: `rule ${ruleLabel(rule)} applies to ${ctx.userName} (user criteria ${traceText(applies)}) and the record meets its record criteria (${traceText(matches)})`
        };
    }
    if (matches.value === false) {
        return {
            rule,
            kind: 'blocks',
            detail: `rule ${ruleLabel(rule)} applies to ${ctx.userName} (user criteria ${traceText(applies)}) and the record doesn't meet its record criteria (${traceText(matches)})`
        };
    }
    return { rule, kind: 'unknown', detail: `rule ${ruleLabel(rule)} applies to ${ctx.userName}, but whether the record meets ${rule.RecordFilter} is unknown (${matches.unknowns.join('; ')})` };
}

export const evaluateRestrictionRules: LayerEvaluator = (ctx: EvaluationContext): LayerEvaluation => {
    const index = ctx.index;
    const unavailable = index.unavailable('RestrictionRule');
    const all = index.snapshot.metadata?.RestrictionRule;
    if (unavailable || !all) {
        const why = unavailable ? `restriction rules could not be read (${unavailable})` : 'restriction rules were not collected (snapshot metadata has no RestrictionRule list)';
        return layerResult(LAYER, 'uncertain', `${why}: a restriction rule could hide this record even when every other layer grants access.`, {
            access: noAccess(),
            nextSteps: [{ kind: 'collectEvidence', action: COLLECT_STEP }]
        });
    }
    const onObject = all.filter((r) => str(r.TargetEntity).toLowerCase() === ctx.objectApiName.toLowerCase());
    const scoping = onObject.filter((r) => r.IsActive && str(r.EnforcementType).toLowerCase() === 'scoping');
    const restrict = onObject.filter((r) => r.IsActive && str(r.EnforcementType).toLowerCase() === 'restrict');
    const inactive = onObject.filter((r) => !r.IsActive);
    const scopingNote = scoping.length
        ? ` Scoping rule${scoping.length > 1 ? 's' : ''} ${scoping.map(ruleLabel).join(', ')} only choose which records list views show by default — list-view scoping, never access.`
        : '';
    const inactiveNote = inactive.length ? ` Inactive rule${inactive.length > 1 ? 's' : ''} ${inactive.map(ruleLabel).join(', ')} ignored.` : '';
    const baseEvidence = onObject.map(ruleEvidence);
    if (restrict.length === 0) {
        return layerResult(LAYER, 'neutral', `No active restriction rule on ${ctx.objectApiName}.${scopingNote}${inactiveNote}`, { evidence: baseEvidence });
    }

    // Exemptions: object View All / Modify All, View All Data / Modify All Data.
    const flags = ctx.objectPermissions.flags;
    const via = ctx.objectPermissions.via;
    const exemptions: string[] = [];
    if (flags.modifyAll) exemptions.push(`Modify All on ${ctx.objectApiName} (${via.modifyAll.join(', ')})`);
    else if (flags.viewAll) exemptions.push(`View All on ${ctx.objectApiName} (${via.viewAll.join(', ')})`);
    for (const [field, label] of [
        ['PermissionsModifyAllData', 'Modify All Data'],
        ['PermissionsViewAllData', 'View All Data']
    ] as const) {
        const p = systemPermission(index, ctx.userId, field);
        if (p.granted) exemptions.push(`${label} (${p.via.map((s) => s.label).join(', ')})`);
    }
    const names = restrict.map(ruleLabel).join(', ');
    const support = restrictionRuleSupport(ctx.objectApiName);
    // Unlisted object, outcome irrelevant: say so, never silently. Listed: nothing added.
    const unlistedNote = support.supported ? '' : ` ${unlistedText(support, restrict)} Either way it doesn't change this verdict.`;
    const externalNote = support.supported && support.kind === 'external' ? EXTERNAL_NOTE : '';
    if (exemptions.length > 0) {
        return layerResult(
            LAYER,
            'neutral',
            `Active restriction rule${restrict.length > 1 ? 's' : ''} ${names} on ${ctx.objectApiName} don't restrict ${ctx.userName}: users with ${exemptions[0]} are exempt from restriction rules.${unlistedNote}${scopingNote}`,
            { evidence: baseEvidence }
        );
    }

    const lookup: RowLookup = { byId: (id) => index.byId(id) };
    const permissions = customPermissionsOf(ctx);
    const outcomes = restrict.map((rule) => evaluateRule(ctx, rule, lookup, permissions));
    const applying = outcomes.filter((o) => o.kind !== 'notForUser');
    const notForUser = outcomes.filter((o) => o.kind === 'notForUser').map((o) => o.detail);
    const otherText = notForUser.length ? ` (${notForUser.join('; ')})` : '';

    if (applying.length === 0) {
        return layerResult(LAYER, 'neutral', `Active restriction rule${restrict.length > 1 ? 's' : ''} ${names} on ${ctx.objectApiName}: none applies to ${ctx.userName}${otherText}.${unlistedNote}${scopingNote}`, {
            evidence: baseEvidence
        });
    }
    const blockers = applying.filter((o) => o.kind === 'blocks');
    const allowers = applying.filter((o) => o.kind === 'allows');
    const unknowns = applying.filter((o) => o.kind === 'unknown');
    if (!support.supported && (blockers.length > 0 || unknowns.length > 0)) {
        // Unlisted object and the rule would matter: never a block built on it, never ignored either.
        const concerned = [...blockers, ...unknowns].map((o) => o.rule);
        const ifEnforced = applying.map((o) => o.detail).join('; ');
        return layerResult(
            LAYER,
            'uncertain',
            `${unlistedText(support, concerned)} If Salesforce enforces restriction rules on ${ctx.objectApiName}: ${ifEnforced}${applying.length > 1 && new Set(applying.map((o) => o.kind)).size > 1 ? ' (and Salesforce observes only one of several rules that apply)' : ''}. If it doesn't, the other layers decide: the verdict shown is theirs.${scopingNote}`,
            { evidence: baseEvidence, nextSteps: [unlistedStep(ctx, concerned, blockers.length > 0)] }
        );
    }
    const editStep = (o: RuleOutcome): EngineStep => ({
        kind: 'editRestrictionRule',
        action: `Change the record or user criteria of restriction rule ${ruleLabel(o.rule)}, or give ${ctx.userName} View All on ${ctx.objectApiName}, which exempts them from restriction rules`,
        ...(o.rule.Id ? { targetIds: [o.rule.Id] } : {}),
        source: SOURCE.restrictionRules,
        effect: { unblock: LAYER }
    });

    if (applying.length > 1 && new Set(applying.map((o) => o.kind)).size > 1) {
        // Several rules apply and they don't agree: Salesforce observes only one of them.
        const detail = applying.map((o) => o.detail).join('; ');
        return layerResult(
            LAYER,
            'uncertain',
            `${applying.length} active restriction rules apply to ${ctx.userName} on ${ctx.objectApiName} and they disagree; Salesforce observes only one of them when several apply: ${detail}.${externalNote}${scopingNote}`,
            { evidence: baseEvidence, nextSteps: blockers.map(editStep) }
        );
    }
    if (blockers.length > 0) {
        const first = blockers[0] as RuleOutcome;
        return layerResult(
            LAYER,
            'blocks',
            `Restriction ${blockers.map((o) => o.detail).join('; and ')}, so it blocks access. Restriction rules filter out records that other layers grant; UserRecordAccess ignores restriction rules.${externalNote}${scopingNote}`,
            { access: noAccess(), gate: noAccess(), evidence: baseEvidence, nextSteps: blockers.map(editStep), blockedBy: ruleLabel(first.rule), stopText: `restriction ${first.detail}` }
        );
    }
    if (unknowns.length > 0) {
        return layerResult(LAYER, 'uncertain', `Restriction rules on ${ctx.objectApiName}: ${unknowns.map((o) => o.detail).join('; ')}.${externalNote}${scopingNote}`, {
            evidence: baseEvidence,
            nextSteps: [{ kind: 'collectEvidence', action: 'Collect the user and record fields the rule criteria use (or fix the rule), then explain again' }]
        });
    }
    return layerResult(LAYER, 'neutral', `Restriction rules don't block: ${allowers.map((o) => o.detail).join('; ')}${otherText}.${unlistedNote}${externalNote}${scopingNote}`, { evidence: baseEvidence });
};
