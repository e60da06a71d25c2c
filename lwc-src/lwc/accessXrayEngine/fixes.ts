/**
 * The fix a why-not offers: the cheapest change — or pair of changes — that makes the asked
 * operation possible for this user. A step alone must give the record access the operation
 * needs AND pass every gate (object permissions, restriction rules, licence); when no single
 * step does, a record-access step is paired with the object-permission (or unblocking) step the
 * operation also needs. A share is never offered for an operation the object permissions forbid.
 */
import { andFlags, FULL_ACCESS, noAccess, orFlags } from './accessLevels';
import type { Combined } from './engine';
import { publicStep, type EngineStep, type LayerEvaluation, type StepEffect } from './layer';
import type { AccessFlags, NextStep, Operation } from './types';

/** Cost order of next steps: cheaper (narrower) changes first. */
export const STEP_COST: Record<NonNullable<NextStep['kind']>, number> = {
    manualShare: 1,
    addToTeam: 2,
    addToGroup: 3,
    addToQueue: 4,
    addToTerritory: 5,
    editSharingSet: 6,
    editSharingRule: 7,
    changeRole: 8,
    assignPermissionSet: 9,
    grantObjectPermission: 10,
    editRestrictionRule: 11,
    changeSetting: 12,
    changeOwd: 13,
    collectEvidence: 14,
    other: 15
};

export function stepCost(step: NextStep): number {
    return STEP_COST[step.kind ?? 'other'];
}

const READ_EDIT: AccessFlags = { read: true, edit: true, delete: false, transfer: false, share: false };

/** A step's effect: the one its layer computed, else what its kind always means. */
export function effectOf(step: EngineStep): StepEffect | undefined {
    if (step.effect) {
        return step.effect;
    }
    switch (step.kind) {
        case 'manualShare':
        case 'addToTeam':
            return { grant: { ...READ_EDIT } };
        case 'addToQueue':
            return { grant: { ...FULL_ACCESS } };
        case 'changeOwd':
            return { grant: { ...noAccess(), read: true } };
        case 'editRestrictionRule':
            return { unblock: 'restrictionRules' };
        default:
            return undefined;
    }
}

function boundOf(layer: LayerEvaluation): AccessFlags | undefined {
    return layer.gate ?? (layer.status === 'blocks' ? layer.access : undefined);
}

/** What the user could do after a change with this effect. */
export function accessAfter(effect: StepEffect, layers: readonly LayerEvaluation[], combined: Combined): AccessFlags {
    const grant = orFlags(combined.grant, effect.grant ?? noAccess());
    let gate: AccessFlags = { ...FULL_ACCESS };
    for (const layer of layers) {
        if (effect.unblock === layer.id) {
            continue;
        }
        const bound = layer.id === 'objectPermissions' && effect.gate ? effect.gate : boundOf(layer);
        if (bound) {
            gate = andFlags(gate, bound);
        }
    }
    return andFlags(grant, gate);
}

function both(a: EngineStep, b: EngineStep): EngineStep {
    const [first, second] = stepCost(a) <= stepCost(b) ? [a, b] : [b, a];
    const ea = effectOf(a) ?? {};
    const eb = effectOf(b) ?? {};
    const effect: StepEffect = { grant: orFlags(ea.grant ?? noAccess(), eb.grant ?? noAccess()) };
    const gate = eb.gate ?? ea.gate;
    if (gate) {
        effect.gate = gate;
    }
    const unblock = ea.unblock ?? eb.unblock;
    if (unblock) {
        effect.unblock = unblock;
    }
    const radius = [first.blastRadius, second.blastRadius].filter((r): r is string => !!r);
    const targets = [...new Set([...(first.targetIds ?? []), ...(second.targetIds ?? [])])];
    const sources = [...new Set([first.source, second.source].filter((s): s is string => !!s))];
    return {
        action: `${first.action.replace(/\.$/, '')}, and ${second.action.charAt(0).toLowerCase()}${second.action.slice(1)}`,
        kind: stepCost(first) >= stepCost(second) ? (first.kind ?? 'other') : (second.kind ?? 'other'),
        ...(radius.length ? { blastRadius: radius.join(' ') } : {}),
        ...(targets.length ? { targetIds: targets } : {}),
        ...(sources.length ? { source: sources.join('; ') } : {}),
        effect
    };
}

/** Every step the layers offer, once, that has a known effect (evidence collection is not a fix). */
export function candidateSteps(layers: readonly LayerEvaluation[], extra: readonly EngineStep[] = []): EngineStep[] {
    const seen = new Set<string>();
    const out: EngineStep[] = [];
    for (const step of [...extra, ...layers.flatMap((l) => l.nextSteps)]) {
        if (step.kind === 'collectEvidence' || !effectOf(step) || seen.has(step.action)) {
            continue;
        }
        seen.add(step.action);
        out.push(step);
    }
    return out;
}

/** The cheapest step, or pair of steps, after which `op` is allowed; undefined when none is known. */
export function planFix(op: Operation, layers: readonly LayerEvaluation[], combined: Combined, extra: readonly EngineStep[] = []): NextStep | undefined {
    const steps = candidateSteps(layers, extra);
    const works = (step: EngineStep): boolean => accessAfter(effectOf(step) ?? {}, layers, combined)[op];
    const single = steps.filter(works).sort((a, b) => stepCost(a) - stepCost(b))[0];
    if (single) {
        return publicStep(single);
    }
    let best: { step: EngineStep; cost: number } | undefined;
    for (const a of steps) {
        for (const b of steps) {
            if (a === b || !(effectOf(a)?.grant && (effectOf(b)?.gate || effectOf(b)?.unblock))) {
                continue;
            }
            const pair = both(a, b);
            const cost = stepCost(a) + stepCost(b);
            if ((!best || cost < best.cost) && works(pair)) {
                best = { step: pair, cost };
            }
        }
    }
    return best ? publicStep(best.step) : undefined;
}
