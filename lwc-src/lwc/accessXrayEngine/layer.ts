/**
 * What every layer evaluator returns, and small helpers to build it.
 * A layer's `access` is what it grants (status `grants`), or — for status `blocks` — what
 * remains allowed past it. `gate`, when set, caps the final verdict (object permissions).
 */
import { noAccess } from './accessLevels';
import type { EvaluationContext } from './context';
import type { AccessFlags, GrantPath, LayerId, LayerResult, LayerStatus, NextStep } from './types';

export interface LayerEvaluation extends LayerResult {
    paths: GrantPath[];
    uncertainties: string[];
    /** Upper bound this layer puts on every operation (undefined: no bound; `blocks` without gate uses `access`). */
    gate?: AccessFlags;
    /** For status `blocks`: the named thing that blocks (e.g. a restriction rule), for reconciliation and why-not. */
    blockedBy?: string;
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
    nextSteps?: NextStep[];
    evidence?: string[];
    paths?: GrantPath[];
    uncertainties?: string[];
    gate?: AccessFlags;
    blockedBy?: string;
}

export function layerResult(id: LayerId, status: LayerStatus, reason: string, init: LayerInit = {}): LayerEvaluation {
    const result: LayerEvaluation = {
        id,
        title: LAYER_TITLES[id],
        status,
        access: init.access ?? noAccess(),
        reason,
        nextSteps: init.nextSteps ?? [],
        evidence: init.evidence ?? [],
        paths: init.paths ?? [],
        uncertainties: init.uncertainties ?? (status === 'uncertain' ? [reason] : [])
    };
    if (init.gate) {
        result.gate = init.gate;
    }
    if (init.blockedBy) {
        result.blockedBy = init.blockedBy;
    }
    return result;
}

export function notApplicable(id: LayerId, reason: string): LayerEvaluation {
    return layerResult(id, 'notApplicable', reason);
}
