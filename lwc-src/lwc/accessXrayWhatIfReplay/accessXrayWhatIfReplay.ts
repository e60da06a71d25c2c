/**
 * What-if previews: apply one hypothetical change to the evidence with the engine's
 * `applyWhatIf` (assign a permission set or group, add to a public group or queue, change the
 * role, share the record), explain before and after, and say what changes — for the selected
 * user on this record and, when the evidence covers the whole object, on its other records.
 * Nothing is written to the org.
 */
import { applyWhatIf, compareExplanations, explain, loadSnapshot } from 'c/accessXrayEngine';
import type { Explanation, LayerId, NextStep, Operation, Row, Snapshot, WhatIfChange } from 'c/accessXrayEngine';
import { OPERATIONS, layerState, type LayerState } from 'c/accessXrayPresentation';

export type WhatIfKind = 'permissionSet' | 'permissionSetGroup' | 'group' | 'queue' | 'role' | 'share';

export const WHAT_IF_KINDS: WhatIfKind[] = ['permissionSet', 'permissionSetGroup', 'group', 'queue', 'role', 'share'];

export interface WhatIfRequest {
    kind: WhatIfKind;
    /** Permission set (group), public group, queue or role id; none for a share. */
    targetId?: string;
    /** Shown while the preview runs ("Invoice Viewer"). */
    targetName?: string;
    /** Share level (a manual share gives Read Only or Read/Write). */
    level?: 'Read' | 'Edit';
    /** The side effect the engine named for this step, when the request comes from a fix. */
    blastRadius?: string;
}

export interface ChangedLayer {
    id: LayerId;
    title: string;
    before: LayerState;
    after: LayerState;
}

export interface WhatIfOutcome {
    before: Explanation;
    after: Explanation;
    /** Operations the change opens / closes for the user on this record. */
    gained: Operation[];
    lost: Operation[];
    changedLayers: ChangedLayer[];
    /**
     * Other records of the same object the user could newly read, when the evidence holds the
     * whole object (a demo, synthetic or whole-org snapshot); absent otherwise.
     */
    otherRecords?: { gained: number; checked: number };
}

/** At most this many other records are re-explained for "what else would it open". */
export const MAX_OTHER_RECORDS = 200;

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

function rowsOf(snapshot: Snapshot, table: string): Row[] {
    const rows = snapshot.tables?.[table];
    return Array.isArray(rows) ? rows : [];
}

/** The kind of a permission-set-like id: a group (0PG or in PermissionSetGroup) or a set. */
function permissionKind(snapshot: Snapshot, id: string): WhatIfKind {
    if (id.startsWith('0PG') || rowsOf(snapshot, 'PermissionSetGroup').some((r) => str(r.Id) === id)) {
        return 'permissionSetGroup';
    }
    return 'permissionSet';
}

/**
 * The what-if request that previews a fix, when the engine can replay it: a manual share for
 * Read or Edit, adding to a named group or queue, assigning a named permission set or group,
 * moving to a named role. Other fixes (org-wide defaults, rules, settings) are done in Setup only.
 */
export function requestForFix(step: NextStep | undefined, operation: Operation, snapshot: Snapshot): WhatIfRequest | undefined {
    if (!step) {
        return undefined;
    }
    const target = step.targetIds?.find((id) => typeof id === 'string' && id !== '');
    const blastRadius = step.blastRadius;
    switch (step.kind) {
        case 'manualShare':
            // A manual share gives Read Only or Read/Write, never Delete, Transfer or Full Access.
            return operation === 'read' || operation === 'edit'
                ? { kind: 'share', level: operation === 'read' ? 'Read' : 'Edit', blastRadius }
                : undefined;
        case 'addToGroup':
        case 'addToQueue':
            return target ? { kind: step.kind === 'addToQueue' ? 'queue' : 'group', targetId: target, blastRadius } : undefined;
        case 'assignPermissionSet':
            return target ? { kind: permissionKind(snapshot, target), targetId: target, blastRadius } : undefined;
        case 'changeRole':
            return target && target.startsWith('00E') ? { kind: 'role', targetId: target, blastRadius } : undefined;
        default:
            return undefined;
    }
}

/** True when the evidence already holds the change's target (else collect it with the snapshot). */
export function targetInSnapshot(snapshot: Snapshot, request: WhatIfRequest): boolean {
    if (request.kind === 'share' || !request.targetId) {
        return true;
    }
    const table = {
        permissionSet: 'PermissionSet',
        permissionSetGroup: 'PermissionSetGroup',
        group: 'Group',
        queue: 'Group',
        role: 'UserRole'
    }[request.kind];
    return rowsOf(snapshot, table).some((r) => str(r.Id) === request.targetId);
}

/** The engine's change for a request. */
export function changeFor(request: WhatIfRequest, userId: string, recordId: string): WhatIfChange {
    const targetId = request.targetId ?? '';
    switch (request.kind) {
        case 'permissionSet':
        case 'permissionSetGroup':
            return { kind: 'addPermissionSet', userId, permissionSetId: targetId };
        case 'group':
        case 'queue':
            return { kind: 'addToGroup', userId, groupId: targetId };
        case 'role':
            return { kind: 'changeRole', userId, roleId: targetId };
        default:
            return { kind: 'share', userId, recordId, level: request.level === 'Edit' ? 'Edit' : 'Read' };
    }
}

/** True when the evidence covers the whole object, so other records can be re-explained. */
function coversWholeObject(snapshot: Snapshot): boolean {
    const kind = snapshot.meta?.scope?.kind;
    return kind === undefined || kind === 'org';
}

function otherRecords(
    before: Snapshot,
    after: Snapshot,
    userId: string,
    recordId: string,
    objectApiName: string
): WhatIfOutcome['otherRecords'] {
    if (!coversWholeObject(before)) {
        return undefined;
    }
    const ids = rowsOf(before, objectApiName)
        .map((r) => str(r.Id))
        .filter((id) => id !== '' && id !== recordId)
        .slice(0, MAX_OTHER_RECORDS);
    const a = loadSnapshot(before);
    const b = loadSnapshot(after);
    let gained = 0;
    for (const id of ids) {
        try {
            const was = explain(a, { userId, recordId: id }).access.read;
            const now = explain(b, { userId, recordId: id }).access.read;
            if (!was && now) {
                gained++;
            }
        } catch (_outOfScope) {
            // A record the evidence can't explain: the count covers what it can.
            return undefined;
        }
    }
    return { gained, checked: ids.length };
}

/**
 * Explain before and after the change. Throws the engine's WhatIfError (a plain sentence) when
 * the change can't apply (already in place, wrong kind of group or role).
 */
export function previewWhatIf(
    snapshot: Snapshot,
    request: WhatIfRequest,
    ctx: { userId: string; recordId: string }
): WhatIfOutcome {
    const changed = applyWhatIf(snapshot, changeFor(request, ctx.userId, ctx.recordId));
    const before = explain(loadSnapshot(snapshot), ctx);
    const after = explain(loadSnapshot(changed), ctx);
    const comparison = compareExplanations(before, after);
    const changedLayers = comparison.rows
        .filter((row) => row.differs)
        .map((row) => ({ id: row.layer, title: row.b.title, before: layerState(row.a), after: layerState(row.b) }));
    const outcome: WhatIfOutcome = {
        before,
        after,
        gained: OPERATIONS.filter((op) => !before.access[op] && after.access[op]),
        lost: OPERATIONS.filter((op) => before.access[op] && !after.access[op]),
        changedLayers
    };
    if (request.kind !== 'share') {
        const others = otherRecords(snapshot, changed, ctx.userId, ctx.recordId, before.objectApiName);
        if (others) {
            outcome.otherRecords = others;
        }
    } else {
        outcome.otherRecords = { gained: 0, checked: 0 };
    }
    return outcome;
}
