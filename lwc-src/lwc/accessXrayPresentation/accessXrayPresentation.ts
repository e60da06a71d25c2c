/**
 * What the panel says about an explanation, as pure functions the components share: the
 * verdict line (with the object's name), the reason that decides (or the near miss), the
 * smallest fix and the layer it belongs to, each layer's state in the words an admin uses
 * ("gives Read", "blocks", "nothing here"), the reconciliation with UserRecordAccess read as an
 * explanation or as a real disagreement, and the rows of a comparison.
 */
import type {
    AccessFlags,
    Comparison,
    Explanation,
    GrantPath,
    LayerId,
    LayerResult,
    NearMiss,
    NextStep,
    Operation
} from 'c/accessXrayEngine';
import { LABELS, format, operationLabel, operationVerb } from 'c/accessXrayLabels';

export const OPERATIONS: Operation[] = ['read', 'edit', 'delete', 'transfer', 'share'];

/** Visual tone of a state (icon and colour), independent of its words. */
export type Tone = 'grants' | 'blocks' | 'neutral' | 'uncertain' | 'notApplicable';

export interface LayerState {
    text: string;
    tone: Tone;
}

/** "Read, Edit", or "Full Access" when every operation is allowed; "" when none is. */
export function accessText(flags: AccessFlags | undefined): string {
    const ops = OPERATIONS.filter((op) => flags?.[op] === true);
    if (ops.length === OPERATIONS.length) {
        return LABELS.accessFull;
    }
    return ops.map((op) => operationLabel(op)).join(', ');
}

/**
 * A layer's state in plain words. Object permissions say what they allow (they never grant a
 * record by themselves); a granting layer says what it gives.
 */
export function layerState(layer: LayerResult): LayerState {
    const allowed = accessText(layer.access);
    if (layer.id === 'objectPermissions' && (layer.status === 'neutral' || layer.status === 'grants')) {
        return { text: allowed ? format(LABELS.stateAllows, allowed) : LABELS.stateAllowsNothing, tone: 'neutral' };
    }
    switch (layer.status) {
        case 'grants':
            return { text: allowed ? format(LABELS.stateGives, allowed) : LABELS.stateNothing, tone: 'grants' };
        case 'blocks':
            return { text: LABELS.stateBlocks, tone: 'blocks' };
        case 'uncertain':
            return { text: LABELS.stateNotChecked, tone: 'uncertain' };
        case 'notApplicable':
            return { text: LABELS.stateNotApplicable, tone: 'notApplicable' };
        default:
            return { text: LABELS.stateNothing, tone: 'neutral' };
    }
}

/** Layers shown open at first: those that grant, block, are uncertain or hold the near miss. */
export function expandedByDefault(layer: LayerResult, nearMissLayer: LayerId | undefined): boolean {
    return layer.status === 'grants' || layer.status === 'blocks' || layer.status === 'uncertain' || layer.id === nearMissLayer;
}

/** "Case 00001001" — the record with its object, without repeating the object when the name has it. */
export function recordText(objectLabel: string, recordName: string): string {
    if (!objectLabel || recordName.toLowerCase().startsWith(objectLabel.toLowerCase())) {
        return recordName;
    }
    return `${objectLabel} ${recordName}`;
}

export interface VerdictModel {
    allowed: boolean;
    /** "Pat Partner can't read Case 00001001." */
    sentence: string;
    /** The reason that decides: the near miss, the blocking reason, or how access is granted. */
    lead: string;
    leadKind: 'nearMiss' | 'blocked' | 'granted' | 'none';
    /** The layer the lead points at (opened by "Show this layer"). */
    layer: LayerId | undefined;
    layerTitle: string | undefined;
    /** The smallest fix of a denied operation (the near miss's fix first). */
    fix: NextStep | undefined;
    /** The layer whose next steps hold that fix. */
    fixLayer: LayerId | undefined;
    /** Documentation the verdict rests on (near miss and fix sources). */
    sources: string[];
}

const LEVEL_RANK: Record<string, number> = { None: 0, Read: 1, Edit: 2, Delete: 3, Transfer: 4, All: 5 };
const NEEDED_LEVEL: Record<Operation, number> = { read: 1, edit: 2, delete: 3, transfer: 4, share: 5 };

/** The grant path that decides an allowed operation: the strongest path that reaches it. */
export function decidingPath(e: Explanation, operation: Operation): GrantPath | undefined {
    const paths = (e.paths ?? []).filter((p) => (LEVEL_RANK[p.level] ?? 0) >= 1);
    const reaching = paths.filter((p) => (LEVEL_RANK[p.level] ?? 0) >= NEEDED_LEVEL[operation]);
    const pool = reaching.length > 0 ? reaching : paths;
    return [...pool].sort((a, b) => (LEVEL_RANK[b.level] ?? 0) - (LEVEL_RANK[a.level] ?? 0))[0];
}

/** The layer whose next steps include this step (the same action), if any. */
export function layerOfStep(e: Explanation, step: NextStep | undefined): LayerId | undefined {
    if (!step) {
        return undefined;
    }
    return e.layers?.find((l) => (l.nextSteps ?? []).some((s) => s.action === step.action))?.id;
}

function nearMissFor(e: Explanation, operation: Operation): NearMiss | undefined {
    const why = e.whyNot?.find((w) => w.operation === operation);
    return why?.nearMiss ?? (operation === 'read' ? e.nearMiss : undefined);
}

export function verdictModel(e: Explanation, operation: Operation, objectLabel: string): VerdictModel {
    const allowed = e.access?.[operation] === true;
    const target = recordText(objectLabel, e.recordName);
    const sentence = format(allowed ? LABELS.verdictAllowed : LABELS.verdictDenied, e.userName, operationVerb(operation), target);
    const titleOf = (id: LayerId | undefined): string | undefined => (id ? (e.layers?.find((l) => l.id === id)?.title ?? id) : undefined);
    if (allowed) {
        const path = decidingPath(e, operation);
        if (path) {
            return {
                allowed,
                sentence,
                lead: format(LABELS.leadGranted, titleOf(path.layer) ?? path.layer, path.summary),
                leadKind: 'granted',
                layer: path.layer,
                layerTitle: titleOf(path.layer),
                fix: undefined,
                fixLayer: undefined,
                sources: []
            };
        }
        // Object permissions never open a record by themselves: the reason is a sharing layer.
        const granting = e.layers?.find((l) => l.id !== 'objectPermissions' && l.status === 'grants' && l.access?.[operation]);
        return {
            allowed,
            sentence,
            lead: granting ? format(LABELS.leadGranted, granting.title, granting.reason) : '',
            leadKind: granting ? 'granted' : 'none',
            layer: granting?.id,
            layerTitle: granting?.title,
            fix: undefined,
            fixLayer: undefined,
            sources: []
        };
    }
    const why = e.whyNot?.find((w) => w.operation === operation);
    const nearMiss = nearMissFor(e, operation);
    // The smallest change that makes the operation possible leads; the near miss's own fix is the fallback.
    const fix = why?.cheapestFix ?? nearMiss?.fix;
    const sources = [nearMiss?.source, fix?.source].filter((s): s is string => typeof s === 'string' && s !== '');
    if (nearMiss) {
        return {
            allowed,
            sentence,
            lead: format(LABELS.leadNearMiss, nearMiss.mechanism, nearMiss.stoppedBy),
            leadKind: 'nearMiss',
            layer: nearMiss.layer,
            layerTitle: titleOf(nearMiss.layer),
            fix,
            fixLayer: layerOfStep(e, fix) ?? nearMiss.layer,
            sources
        };
    }
    return {
        allowed,
        sentence,
        lead: why ? format(LABELS.leadBlocked, why.reason) : '',
        leadKind: why ? 'blocked' : 'none',
        layer: why?.blockingLayer,
        layerTitle: titleOf(why?.blockingLayer),
        fix,
        fixLayer: layerOfStep(e, fix),
        sources
    };
}

export type ReconciliationKind = 'agrees' | 'explained' | 'disagrees' | 'unavailable';

export interface ReconciliationView {
    kind: ReconciliationKind;
    platformLevel: string;
    computedLevel: string;
    explanations: string[];
}

/**
 * The reconciliation with UserRecordAccess. A difference the engine names the cause of —
 * UserRecordAccess grants exactly what an active restriction rule removes, because
 * UserRecordAccess doesn't apply restriction rules (the engine's reconcile rule) — is an
 * explanation, not an alarm; any other difference is a real disagreement.
 */
export function reconciliationView(e: Explanation): ReconciliationView {
    const r = e.reconciliation;
    const base = {
        platformLevel: r?.platform?.maxAccessLevel ?? LABELS.unknown,
        computedLevel: r?.computed?.maxAccessLevel ?? e.maxAccessLevel ?? LABELS.unknown,
        explanations: (r?.explanations ?? []).filter((x) => typeof x === 'string' && x !== '')
    };
    if (!r || r.status === 'unavailable') {
        return { kind: 'unavailable', ...base };
    }
    if (r.status === 'agrees') {
        return { kind: 'agrees', ...base };
    }
    const platform = r.platform?.access;
    const computed = r.computed?.access ?? e.access;
    const more = OPERATIONS.filter((op) => platform?.[op] === true && computed?.[op] !== true);
    const less = OPERATIONS.filter((op) => platform?.[op] !== true && computed?.[op] === true);
    const restricted = e.layers?.some((l) => l.id === 'restrictionRules' && l.status === 'blocks') === true;
    const explained = restricted && more.length > 0 && less.length === 0;
    return { kind: explained ? 'explained' : 'disagrees', ...base };
}

export interface CompareOperationRow {
    key: string;
    label: string;
    a: boolean;
    b: boolean;
    differs: boolean;
}

export interface CompareLayerRow {
    key: LayerId;
    title: string;
    differs: boolean;
    a: LayerState;
    b: LayerState;
    aReason: string;
    bReason: string;
}

export interface CompareModel {
    operations: CompareOperationRow[];
    differingOperations: number;
    layers: CompareLayerRow[];
    differingLayers: number;
}

/** Both users side by side: which operations differ, and each layer in plain words. */
export function compareModel(a: Explanation, b: Explanation, comparison: Comparison): CompareModel {
    const operations = OPERATIONS.map((op) => {
        const x = a.access?.[op] === true;
        const y = b.access?.[op] === true;
        return { key: op, label: operationLabel(op), a: x, b: y, differs: x !== y };
    });
    const layers = (comparison.rows ?? []).map((row) => {
        const sa = layerState(row.a);
        const sb = layerState(row.b);
        return {
            key: row.layer,
            title: row.a?.title ?? row.b?.title ?? row.layer,
            // The engine compares status and access; the words then show what differs.
            differs: row.differs === true,
            a: sa,
            b: sb,
            aReason: row.a?.reason ?? '',
            bReason: row.b?.reason ?? ''
        };
    });
    return {
        operations,
        differingOperations: operations.filter((o) => o.differs).length,
        layers,
        differingLayers: layers.filter((l) => l.differs).length
    };
}
