/**
 * What every layer evaluator returns, and small helpers to build it.
 * A layer's `access` is what it grants (status `grants`), or — for status `blocks` — what
 * remains allowed past it. `gate`, when set, caps the final verdict (object permissions).
 */
import { noAccess } from './accessLevels';
import type { EvaluationContext } from './context';
import { LAYER_SOURCES } from './sources';
import type { AccessFlags, GrantPath, LayerId, LayerResult, LayerStatus, NearMiss, NextStep } from './types';

/**
 * What a next step would change for this user, so a why-not only offers a change (or a pair of
 * changes) that makes the asked operation possible. Internal: stripped from the public steps.
 */
export interface StepEffect {
    /** Record access the change gives by itself (before object permissions and blocks). */
    grant?: AccessFlags;
    /** Object permissions after the change, as the gate they allow (replaces the object-permission gate). */
    gate?: AccessFlags;
    /** A blocking layer the change removes (a restriction rule changed, a licence that includes the object). */
    unblock?: LayerId;
}

/** A next step with its effect (see `StepEffect`). */
export interface EngineStep extends NextStep {
    effect?: StepEffect;
}

/**
 * How close a near miss came (docs/engine.md "The near miss"): 1 a mechanism grants but a gate
 * stops it; 2 a mechanism reaches the user but one setting or record switches it off; 3 a
 * mechanism exists for this record but can't reach this user as things are.
 */
export type NearMissTier = 1 | 2 | 3;

/** A near miss a layer found, with what it would have given (internal; `NearMiss` is the public part). */
export interface NearMissCandidate extends Omit<NearMiss, 'fix'> {
    fix?: EngineStep;
    tier: NearMissTier;
    /** What the mechanism would give if it weren't stopped. */
    would: AccessFlags;
}

export interface LayerEvaluation extends LayerResult {
    nextSteps: EngineStep[];
    paths: GrantPath[];
    uncertainties: string[];
    /** Upper bound this layer puts on every operation (undefined: no bound; `blocks` without gate uses `access`). */
    gate?: AccessFlags;
    /** For status `blocks`: the named thing that blocks (e.g. a restriction rule), for reconciliation and why-not. */
    blockedBy?: string;
    /** For status `blocks`: what stops access, as a clause ("restriction rule X applies to Ana (…) and …"), for the near miss. */
    stopText?: string;
    /** Mechanisms of this layer that came close to granting (see `NearMissCandidate`). */
    nearMisses: NearMissCandidate[];
}

export type LayerEvaluator = (ctx: EvaluationContext) => LayerEvaluation;

export const LAYER_TITLES: Record<LayerId, string> = {
    objectPermissions: 'Object permissions',
    orgWideDefaults: 'Org-wide defaults',
    ownership: 'Ownership',
    roleHierarchy: 'Role hierarchy',
    sharingRules: 'Sharing rules',
    territories: 'Territories',
    teams: 'Teams',
    manualShares: 'Manual and Apex shares',
    implicitSharing: 'Implicit sharing',
    systemPermissions: 'System permissions',
    experienceCloud: 'Experience Cloud',
    restrictionRules: 'Restriction rules'
};

export interface LayerInit {
    access?: AccessFlags;
    nextSteps?: EngineStep[];
    evidence?: string[];
    paths?: GrantPath[];
    uncertainties?: string[];
    gate?: AccessFlags;
    blockedBy?: string;
    stopText?: string;
    nearMisses?: NearMissCandidate[];
    /** Sources beyond the layer's own (LAYER_SOURCES). */
    sources?: string[];
}

export function layerResult(id: LayerId, status: LayerStatus, reason: string, init: LayerInit = {}): LayerEvaluation {
    const sources = [...LAYER_SOURCES[id]];
    for (const s of init.sources ?? []) {
        if (!sources.includes(s)) {
            sources.push(s);
        }
    }
    const result: LayerEvaluation = {
        id,
        title: LAYER_TITLES[id],
        status,
        access: init.access ?? noAccess(),
        reason,
        nextSteps: init.nextSteps ?? [],
        evidence: init.evidence ?? [],
        sources,
        paths: init.paths ?? [],
        uncertainties: init.uncertainties ?? (status === 'uncertain' ? [reason] : []),
        nearMisses: init.nearMisses ?? []
    };
    if (init.gate) {
        result.gate = init.gate;
    }
    if (init.blockedBy) {
        result.blockedBy = init.blockedBy;
    }
    if (init.stopText) {
        result.stopText = init.stopText;
    }
    return result;
}

export function notApplicable(id: LayerId, reason: string, init: Pick<LayerInit, 'nearMisses' | 'sources'> = {}): LayerEvaluation {
    return layerResult(id, 'notApplicable', reason, init);
}

/** The public next step: the effect stays inside the engine. */
export function publicStep(step: EngineStep): NextStep {
    const copy: EngineStep = { ...step };
    delete copy.effect;
    return copy;
}
