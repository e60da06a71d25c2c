/**
 * The near miss: when an operation is denied, the mechanism that came closest and exactly what
 * stopped it. Ranked (docs/engine.md "The near miss"):
 *   1. fewest things stopping it: a path that only one setting or record stops comes first;
 *   2. its tier: (1) a mechanism grants but a gate stops it (object permission, restriction
 *      rule, licence); (2) a mechanism reaches the user but one setting or record switches it
 *      off (Grant Access Using Hierarchies off, a queue's or group's bosses setting off, an
 *      expired, inactive or revoked permission set assignment, a muted permission, an inactive
 *      territory model, "related cases" off, a sharing set that doesn't list the profile);
 *      (3) a mechanism exists for this record but can't reach this user as things are (a
 *      high-volume user left out of groups and roles, the account in another territory, no
 *      access to the master);
 *   3. the cost of its fix (the next-step cost order), then the layer order.
 * Each near miss names its exact setting or record and carries a fix that makes the asked
 * operation possible (fixes.ts).
 */
import type { EvaluationContext } from './context';
import type { Combined } from './engine';
import { accessAfter, effectOf, stepCost } from './fixes';
import { publicStep, type EngineStep, type LayerEvaluation, type NearMissCandidate } from './layer';
import { OBJECT_FLAG_LABEL, type ObjectFlag } from './permissions';
import { LAYER_IDS, type AccessFlags, type NearMiss, type Operation } from './types';

const OP_FLAG: Record<Operation, ObjectFlag> = { read: 'read', edit: 'edit', delete: 'delete', transfer: 'edit', share: 'read' };

function boundOf(layer: LayerEvaluation): AccessFlags | undefined {
    return layer.gate ?? (layer.status === 'blocks' ? layer.access : undefined);
}

/** The first sentence of a reason, without its final period. */
export function firstSentence(text: string): string {
    const trimmed = text.trim().replace(/\.$/, '');
    const idx = trimmed.search(/\.\s/);
    return idx > 0 ? trimmed.slice(0, idx) : trimmed;
}

/** What stops `op` at a gate, in words, with the step that opens it. */
function gateStop(ctx: EvaluationContext, gateLayer: LayerEvaluation, op: Operation, layers: readonly LayerEvaluation[], combined: Combined): { stoppedBy: string; fix?: EngineStep; source?: string } {
    if (gateLayer.id === 'objectPermissions') {
        // A permission set that would give it but is expired, inactive, revoked or muted is the exact stop.
        const specific = gateLayer.nearMisses.find((m) => m.fix && accessAfter(effectOf(m.fix) ?? {}, layers, combined)[op]);
        if (specific) {
            return { stoppedBy: specific.stoppedBy, ...(specific.fix ? { fix: specific.fix } : {}), ...(specific.source ? { source: specific.source } : {}) };
        }
        const opens = gateLayer.nextSteps.filter((s) => accessAfter(effectOf(s) ?? {}, layers, combined)[op]).sort((a, b) => stepCost(a) - stepCost(b))[0];
        return {
            stoppedBy: `${ctx.userName} has no ${OBJECT_FLAG_LABEL[OP_FLAG[op]]} permission on ${ctx.objectApiName} from the profile or any assigned permission set`,
            ...(opens ? { fix: opens } : {})
        };
    }
    const opens = gateLayer.nextSteps.filter((s) => accessAfter(effectOf(s) ?? {}, layers, combined)[op]).sort((a, b) => stepCost(a) - stepCost(b))[0];
    const what = gateLayer.stopText ?? firstSentence(gateLayer.reason);
    return { stoppedBy: what.replace(/\s+/g, ' '), ...(opens ? { fix: opens } : {}) };
}

/** Tier-1 candidates: some layer grants `op` but a gate stops it. */
function gateCandidates(ctx: EvaluationContext, op: Operation, layers: readonly LayerEvaluation[], combined: Combined): NearMissCandidate[] {
    if (!combined.grant[op] || combined.gate[op]) {
        return [];
    }
    const granting = layers.find((l) => l.status === 'grants' && l.access[op] && l.id !== 'objectPermissions') ?? layers.find((l) => l.status === 'grants' && l.access[op]);
    const gate = layers.find((l) => {
        const bound = boundOf(l);
        return bound ? !bound[op] : false;
    });
    if (!granting || !gate) {
        return [];
    }
    const stop = gateStop(ctx, gate, op, layers, combined);
    return [
        {
            tier: 1,
            layer: gate.id,
            mechanism: firstSentence(granting.reason),
            stoppedBy: stop.stoppedBy,
            ...(stop.fix ? { fix: stop.fix } : {}),
            evidence: [...granting.evidence.slice(0, 3), ...gate.evidence.slice(0, 3)],
            ...(stop.source ? { source: stop.source } : gate.sources?.[0] ? { source: gate.sources[0] } : {}),
            would: { ...combined.grant }
        }
    ];
}

interface Ranked {
    candidate: NearMissCandidate;
    stops: number;
    cost: number;
    order: number;
}

/**
 * The near miss for one denied operation, or undefined when nothing came close. A candidate's
 * fix is checked against the operation: when the gate also stops the operation, the fix is
 * paired with the object-permission step that opens it, and the stop is named too.
 */
export function closestFor(ctx: EvaluationContext, op: Operation, layers: readonly LayerEvaluation[], combined: Combined): NearMiss | undefined {
    const best = closestCandidate(ctx, op, layers, combined);
    return best ? toPublic(best, op, layers, combined) : undefined;
}

/** The ranked best candidate, with its tier and effect (for a parent's near miss seen from its detail). */
export function closestCandidate(ctx: EvaluationContext, op: Operation, layers: readonly LayerEvaluation[], combined: Combined): NearMissCandidate | undefined {
    const ranked: Ranked[] = [];
    for (const c of gateCandidates(ctx, op, layers, combined)) {
        ranked.push({ candidate: c, stops: 1, cost: c.fix ? stepCost(c.fix) : 99, order: LAYER_IDS.indexOf(c.layer) });
    }
    for (const layer of layers) {
        for (const c of layer.nearMisses) {
            // Object-permission near misses only name what stops a grant at the gate (gateStop).
            if (!c.would[op] || layer.id === 'objectPermissions') {
                continue;
            }
            let candidate = c;
            let stops = 1;
            if (!combined.gate[op] && c.tier !== 1) {
                // The path is stopped twice: by its own setting, and by a gate (usually the object permission).
                const gateLayer = layers.find((l) => {
                    const bound = boundOf(l);
                    return bound ? !bound[op] : false;
                });
                if (!gateLayer || gateLayer.id === layer.id) {
                    continue;
                }
                const stop = gateStop(ctx, gateLayer, op, layers, { ...combined, grant: { ...combined.grant, ...c.would } });
                stops = 2;
                candidate = { ...c, stoppedBy: `${c.stoppedBy}; and ${stop.stoppedBy}`, ...(c.fix && stop.fix ? { fix: pairFix(c.fix, stop.fix) } : {}) };
            }
            ranked.push({ candidate, stops, cost: candidate.fix ? stepCost(candidate.fix) : 99, order: LAYER_IDS.indexOf(c.layer) });
        }
    }
    ranked.sort((a, b) => a.stops - b.stops || a.candidate.tier - b.candidate.tier || a.cost - b.cost || a.order - b.order);
    return ranked[0]?.candidate;
}

function pairFix(a: EngineStep, b: EngineStep): EngineStep {
    return {
        action: `${a.action.replace(/\.$/, '')}, and ${b.action.charAt(0).toLowerCase()}${b.action.slice(1)}`,
        kind: stepCost(a) >= stepCost(b) ? (a.kind ?? 'other') : (b.kind ?? 'other'),
        ...([a.blastRadius, b.blastRadius].some(Boolean) ? { blastRadius: [a.blastRadius, b.blastRadius].filter(Boolean).join(' ') } : {}),
        targetIds: [...new Set([...(a.targetIds ?? []), ...(b.targetIds ?? [])])],
        effect: { grant: effectOf(a)?.grant ?? effectOf(b)?.grant, ...(effectOf(b)?.gate ? { gate: effectOf(b)?.gate } : {}), ...(effectOf(b)?.unblock ? { unblock: effectOf(b)?.unblock } : {}) }
    };
}

function toPublic(c: NearMissCandidate, op: Operation, layers: readonly LayerEvaluation[], combined: Combined): NearMiss {
    // Only a fix that makes the operation possible is offered with the near miss.
    const fix = c.fix && accessAfter(effectOf(c.fix) ?? {}, layers, combined)[op] ? publicStep(c.fix) : undefined;
    return {
        layer: c.layer,
        mechanism: c.mechanism,
        stoppedBy: c.stoppedBy,
        ...(fix ? { fix } : {}),
        evidence: [...new Set(c.evidence)],
        ...(c.source ? { source: c.source } : {})
    };
}

/** "<Mechanism>, but <what stopped it>." — the sentence a why-not and a summary lead with. */
export function nearMissSentence(n: NearMiss): string {
    const mechanism = n.mechanism.replace(/\.$/, '');
    return `${mechanism.charAt(0).toUpperCase()}${mechanism.slice(1)}, but ${n.stoppedBy.replace(/\.$/, '')}.`;
}

