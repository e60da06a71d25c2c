/**
 * `explain`: one user, one record → the full Explanation: verdict, every layer, grant paths,
 * gates (FLS, record type, layout), reconciliation with UserRecordAccess, why-not per denied
 * operation, next steps and a one-sentence summary.
 * Sources: access-semantics.md §0, §11, §14; seed 001 "After Record Access".
 */
import { describeFlags, maxAccessLevelOf, sameFlags } from './accessLevels';
import type { EvaluationContext } from './context';
import { evaluateRecord, newState, type Combined, type RecordEvaluation } from './engine';
import { planFix } from './fixes';
import { publicStep, type LayerEvaluation } from './layer';
import { closestFor, firstSentence, nearMissSentence } from './nearMiss';
import { settingLabel } from './settingLabels';
import { fieldPermission, userPermissions } from './permissions';
import type { LoadedSnapshot } from './loadSnapshot';
import { toLoaded } from './loadSnapshot';
import { requireExplainScope } from './scope';
import { labelOf } from './snapshotIndex';
import type { AccessFlags, Explanation, ExplainRequest, FieldGate, Gates, LayerResult, Operation, Reconciliation, Snapshot, WhyNot } from './types';
import { OPERATIONS } from './types';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

const SYSTEM_FIELDS = new Set(['Id', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'IsDeleted', 'LastViewedDate', 'LastReferencedDate']);
const MAX_FIELDS = 300;

export function explain(snapshot: Snapshot | LoadedSnapshot, request: ExplainRequest): Explanation {
    const loaded = toLoaded(snapshot);
    requireExplainScope(loaded.index, request.userId, request.recordId);
    const state = newState(loaded.index);
    const evaluation = evaluateRecord(state, request.userId, request.recordId);
    return buildExplanation(evaluation, [...state.settingsUsed].map(([key, setting]) => ({ key, label: settingLabel(key), setting })));
}

function buildExplanation(evaluation: RecordEvaluation, settingsUsed: Explanation['settingsUsed']): Explanation {
    const { ctx, layers, combined } = evaluation;
    const access = combined.access;
    const maxAccessLevel = maxAccessLevelOf(access);
    const gates = buildGates(ctx, access);
    const uncertainties = [...evaluation.uncertainties];
    const reconciliation = reconcile(ctx, layers, access, uncertainties, settingsUsed);
    const whyNot = buildWhyNot(ctx, layers, combined);
    const result: Explanation = {
        userId: ctx.userId,
        recordId: ctx.recordId,
        objectApiName: ctx.objectApiName,
        userName: ctx.userName,
        recordName: ctx.recordName,
        access,
        maxAccessLevel,
        uncertain: uncertainties.length > 0,
        uncertainties,
        summary: '',
        layers: layers.map(stripInternal),
        paths: evaluation.paths,
        gates,
        reconciliation,
        whyNot,
        settingsUsed
    };
    const readNearMiss = whyNot.find((w) => w.operation === 'read')?.nearMiss;
    if (readNearMiss) {
        result.nearMiss = readNearMiss;
    }
    result.summary = summarise(result, layers);
    return result;
}

/** The public LayerResult: evaluator-internal fields (paths, uncertainties, gate, blockedBy, near misses, step effects) stay inside the engine. */
function stripInternal(layer: LayerEvaluation): LayerResult {
    const { id, title, status, access, reason, nextSteps, evidence, sources } = layer;
    return { id, title, status, access, reason, nextSteps: nextSteps.map(publicStep), evidence, ...(sources?.length ? { sources } : {}) };
}

// ---------------------------------------------------------------------------
// Gates
// ---------------------------------------------------------------------------

function buildGates(ctx: EvaluationContext, access: AccessFlags): Gates {
    const { index } = ctx;
    const uncertain: string[] = [];
    const describe = index.snapshot.describe?.[ctx.objectApiName];
    const fieldsKnown = index.hasTable('FieldPermissions');
    if (!fieldsKnown) {
        uncertain.push(`FieldPermissions were not collected: field-level security unknown${index.unavailable('FieldPermissions') ? ` (${index.unavailable('FieldPermissions')})` : ''}`);
    }
    const describedFields =
        describe?.fields?.map((f) => ({ name: f.name, label: f.label, permissionable: f.permissionable, nillable: f.nillable, calculated: f.calculated })) ??
        Object.keys(ctx.record)
            .filter((k) => k !== 'attributes' && (typeof ctx.record[k] !== 'object' || ctx.record[k] === null))
            .map((name) => ({ name, label: undefined, permissionable: undefined, nillable: undefined, calculated: undefined }));
    if (!describe?.fields) {
        uncertain.push(`describe of ${ctx.objectApiName} not collected: fields taken from the record row`);
    }
    const layout = layoutFor(ctx);
    const fields: FieldGate[] = [];
    for (const f of describedFields.slice(0, MAX_FIELDS)) {
        const always = SYSTEM_FIELDS.has(f.name) || f.permissionable === false;
        const gate: FieldGate = { field: f.name, readable: false, editable: false, readVia: [], editVia: [] };
        if (f.label) {
            gate.label = f.label;
        }
        if (always) {
            gate.readable = access.read;
            gate.editable = false;
            gate.note = SYSTEM_FIELDS.has(f.name) ? 'system field: always readable, never editable' : 'not permissionable (required or system field): FLS cannot hide it';
            if (f.permissionable === false && !SYSTEM_FIELDS.has(f.name) && f.calculated !== true) {
                gate.editable = access.edit;
            }
        } else if (fieldsKnown) {
            const fp = fieldPermission(index, ctx.userId, ctx.objectApiName, f.name);
            gate.readable = access.read && fp.readable;
            gate.editable = access.edit && fp.editable && f.calculated !== true;
            gate.readVia = fp.readVia;
            gate.editVia = fp.editVia;
            if (!fp.readable) {
                gate.note = 'hidden: no permission set or profile grants Read on this field';
            } else if (!access.read) {
                gate.note = 'FLS allows it, but the record itself is not readable';
            }
        } else {
            gate.note = 'FieldPermissions not collected';
        }
        if (layout?.fields) {
            gate.onLayout = layout.fields.includes(f.name);
        }
        fields.push(gate);
    }
    if (describedFields.length > MAX_FIELDS) {
        uncertain.push(`only the first ${MAX_FIELDS} of ${describedFields.length} fields are listed`);
    }
    const gates: Gates = { fields };
    const rtId = str(ctx.record.RecordTypeId);
    if (rtId) {
        const rtRow = index.byId(rtId)?.row;
        const info = describe?.recordTypeInfos?.find((r) => r.recordTypeId === rtId);
        const name = rtRow ? labelOf(rtRow) : info?.name;
        const parents = userPermissions(index, ctx.userId).parentIds;
        const vis = (index.snapshot.metadata?.RecordTypeVisibility ?? []).filter((v) => v.recordTypeId === rtId && parents.has(v.parentId));
        let available: boolean | null = null;
        let reason: string;
        if (vis.length) {
            available = vis.some((v) => v.visible);
            const via = vis.filter((v) => v.visible).map((v) => index.name(v.parentId));
            reason = available
                ? `Record type ${name ?? rtId} is assigned via ${via.join(', ')}: the user can create and change records of this type.`
                : `Record type ${name ?? rtId} is not assigned to the user's profile or permission sets: they can still open this record, but cannot create records of this type or switch records to it.`;
        } else {
            reason = `Record type visibility for the user's profile and permission sets was not collected.`;
            uncertain.push('record type visibility not collected');
        }
        gates.recordType = { recordTypeId: rtId, available, reason };
        if (name) {
            gates.recordType.name = name;
        }
    }
    if (layout) {
        const missing = layout.fields ? fields.filter((f) => f.readable && !layout.fields?.includes(f.field) && !SYSTEM_FIELDS.has(f.field)).map((f) => f.field) : undefined;
        gates.layout = {
            name: layout.layoutName,
            reason: layout.fields
                ? `Page layout ${layout.layoutName} is assigned to the user's profile${rtId ? ' for this record type' : ''}; readable fields not on it are hidden from the detail page.`
                : `Page layout ${layout.layoutName} is assigned to the user's profile; its fields were not collected.`,
            ...(missing ? { missingFields: missing } : {})
        };
    } else {
        gates.layout = null;
        if (index.snapshot.metadata?.LayoutAssignment === undefined) {
            uncertain.push('page layout assignments not collected');
        }
    }
    if (uncertain.length) {
        gates.uncertain = uncertain;
    }
    return gates;
}

function layoutFor(ctx: EvaluationContext): { layoutName: string; fields?: string[] } | null {
    const assignments = ctx.index.snapshot.metadata?.LayoutAssignment ?? [];
    const profileId = str(ctx.user.ProfileId);
    const profileName = ctx.index.name(profileId);
    const rtId = str(ctx.record.RecordTypeId);
    const mine = assignments.filter((a) => (a.profileId && a.profileId.slice(0, 15) === profileId.slice(0, 15)) || (a.profileName && a.profileName === profileName));
    const exact = mine.find((a) => (a.recordTypeId ?? '').slice(0, 15) === rtId.slice(0, 15) && rtId) ?? mine.find((a) => !a.recordTypeId);
    return exact ? { layoutName: exact.layoutName, ...(exact.fields ? { fields: exact.fields } : {}) } : null;
}

const capitalise = (op: string): string => op.charAt(0).toUpperCase() + op.slice(1);

/** An operation as UserRecordAccess reports it: share is HasAllAccess, "whether a user can share the record". */
function opText(op: Operation): string {
    return op === 'share' ? 'share (HasAllAccess: can share the record)' : op;
}

// ---------------------------------------------------------------------------
// Reconciliation with UserRecordAccess
// ---------------------------------------------------------------------------

function reconcile(ctx: EvaluationContext, layers: LayerEvaluation[], access: AccessFlags, uncertainties: string[], settingsUsed: Explanation['settingsUsed']): Reconciliation {
    const computed = { maxAccessLevel: maxAccessLevelOf(access), access };
    const row = ctx.index.rowsWhere('UserRecordAccess', 'UserId', ctx.userId).find((r) => str(r.RecordId) === ctx.recordId);
    if (!row) {
        return { status: 'unavailable', computed, explanations: [ctx.index.hasTable('UserRecordAccess') ? `No UserRecordAccess row for this user and record in the snapshot (the collecting user can only query records they can read themselves).` : 'UserRecordAccess was not collected.'] };
    }
    const platformAccess: AccessFlags = {
        read: row.HasReadAccess === true,
        edit: row.HasEditAccess === true,
        delete: row.HasDeleteAccess === true,
        transfer: row.HasTransferAccess === true,
        share: row.HasAllAccess === true
    };
    const level = str(row.MaxAccessLevel);
    const platform = { maxAccessLevel: (['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'].includes(level) ? level : maxAccessLevelOf(platformAccess)) as Reconciliation['computed']['maxAccessLevel'], access: platformAccess };
    if (sameFlags(platformAccess, access)) {
        return { status: 'agrees', platform, computed, explanations: [`UserRecordAccess agrees: ${describeFlags(access)}.`] };
    }
    const explanations: string[] = [];
    const more = OPERATIONS.filter((op) => platformAccess[op] && !access[op]);
    const less = OPERATIONS.filter((op) => !platformAccess[op] && access[op]);
    const restriction = layers.find((l) => l.id === 'restrictionRules' && l.status === 'blocks');
    // What the restriction rule removes is exactly what UserRecordAccess still reports (it ignores those rules).
    const explainedByRestriction = Boolean(restriction) && more.length > 0;
    if (restriction && explainedByRestriction) {
        const rule = restriction.blockedBy ?? 'an active restriction rule';
        explanations.push(`UserRecordAccess grants ${more.map(capitalise).join(', ')}; restriction rule ${rule} blocks it (UserRecordAccess ignores restriction rules).`);
    } else if (more.length) {
        explanations.push(`UserRecordAccess grants ${more.map(opText).join(', ')}, which the evidence does not explain.`);
    }
    if (less.length) {
        explanations.push(`The evidence grants ${less.map(opText).join(', ')}, which UserRecordAccess denies.`);
    }
    const vad = layers.find((l) => l.id === 'systemPermissions' && l.reason.includes('View All Data does not grant object permissions'));
    if (vad) {
        explanations.push('View All Data without object Read: Salesforce still requires Read on the object, yet this UserRecordAccess row grants access; check the user\'s object permissions in the org.');
    }
    // Fully explained by a restriction rule: other doubts are not why the two verdicts differ.
    const fullyExplained = explainedByRestriction && less.length === 0;
    const uncertainLayers = fullyExplained ? [] : layers.filter((l) => l.status === 'uncertain' || l.uncertainties.length);
    if (uncertainLayers.length) {
        explanations.push(`Missing or doubtful evidence: ${uncertainLayers.map((l) => `${l.title} (${l.uncertainties[0] ?? l.reason})`).join('; ')}.`);
    }
    const assumed = fullyExplained ? [] : settingsUsed.filter((s) => s.setting.provenance === 'assumed');
    if (assumed.length) {
        explanations.push(`Unknown setting(s) assumed: ${assumed.map((s) => `${settingLabel(s.key)} = ${String(s.setting.value)}`).join(', ')}.`);
    }
    if (!explainedByRestriction && explanations.length === (more.length ? 1 : 0) + (less.length ? 1 : 0)) {
        explanations.push(`No missing evidence explains it: the snapshot may be incomplete or stale (collected ${ctx.index.snapshot.meta.collectedAt}); check share rows and group membership for this user.`);
    }
    if (!explainedByRestriction) {
        uncertainties.push(`Reconciliation: UserRecordAccess says ${describeFlags(platformAccess)}, the evidence says ${describeFlags(access)}`);
    }
    return { status: 'disagrees', platform, computed, explanations };
}

// ---------------------------------------------------------------------------
// Why not, summary
// ---------------------------------------------------------------------------

function boundOf(l: LayerEvaluation): AccessFlags | undefined {
    return l.gate ?? (l.status === 'blocks' ? l.access : undefined);
}

/**
 * For each denied operation: what came closest (the near miss) and what stopped it, the layer
 * to look at, and the cheapest fix that makes THAT operation possible (fixes.ts) — a share is
 * never offered for an operation the object permissions forbid.
 */
function buildWhyNot(ctx: EvaluationContext, layers: LayerEvaluation[], combined: Combined): WhyNot[] {
    const { grant, gate, access } = combined;
    const out: WhyNot[] = [];
    for (const op of OPERATIONS) {
        if (access[op]) {
            continue;
        }
        const fix = planFix(op, layers, combined);
        const withFix = fix ? { cheapestFix: fix } : {};
        const read = out.find((w) => w.operation === 'read');
        if (op !== 'read' && read) {
            // Nothing else is possible without Read: point at what blocks Read.
            const objectGate = layers.find((l) => l.id === 'objectPermissions');
            const alsoObject = objectGate && boundOf(objectGate) && !boundOf(objectGate)?.[op] && read.blockingLayer !== 'objectPermissions' ? ` Object permissions do not allow ${op} either.` : '';
            out.push({
                operation: op,
                blockingLayer: read.blockingLayer,
                reason: `${capitalise(op)} needs Read first. ${read.reason}${alsoObject}`,
                ...withFix,
                ...(read.nearMiss ? { nearMiss: read.nearMiss } : {})
            });
            continue;
        }
        const nearMiss = closestFor(ctx, op, layers, combined);
        const lead = nearMiss ? `${nearMissSentence(nearMiss)} ` : '';
        const withNearMiss = nearMiss ? { nearMiss } : {};
        const blocker = layers.find((l) => {
            const bound = boundOf(l);
            return bound ? !bound[op] : false;
        });
        if (blocker && (grant[op] || blocker.id === 'objectPermissions' || blocker.status === 'blocks') && !gate[op]) {
            // A path stopped at this gate: the near miss already says what grants and what stops it.
            const reason = nearMiss?.layer === blocker.id && grant[op] ? nearMissSentence(nearMiss) : `${lead}${blocker.reason}`;
            out.push({ operation: op, blockingLayer: blocker.id, reason, ...withFix, ...withNearMiss });
            continue;
        }
        if (op === 'delete' || op === 'transfer' || op === 'share') {
            const what = op === 'delete' ? 'Delete' : op === 'transfer' ? 'Transfer' : 'Sharing';
            const other = op === 'transfer' ? ', the Transfer Record permission with Edit on the object, or a Public Read/Write/Transfer default' : '';
            out.push({
                operation: op,
                blockingLayer: nearMiss?.layer ?? 'ownership',
                reason: `${lead}${what} needs ownership, a role above the owner, Full Access, or Modify All on ${ctx.objectApiName} (or Modify All Data)${other}; ${ctx.userName} ${OPERATIONS.some((o) => access[o]) ? `only has ${describeFlags(access)}` : 'has no access'} here.`,
                ...withFix,
                ...withNearMiss
            });
            continue;
        }
        const owd = layers.find((l) => l.id === 'orgWideDefaults');
        // Shares that exist on the record but cannot reach this kind of user (e.g. a rule to a group a high-volume user can't join).
        const unreachable = layers.filter((l) => l.status === 'notApplicable' && ctx.shares.some((sh) => sh.layer === l.id));
        let reason: string;
        if (op !== 'read') {
            reason = `${lead}No layer gives ${ctx.userName} ${op} access (they have ${describeFlags(access)}).`;
        } else if (nearMiss) {
            reason = `${lead}Nothing else gives ${ctx.userName} access${owd ? ` — ${owd.reason}` : '.'}`;
        } else if (unreachable.length) {
            reason = `The record is shared, but not in a way that can reach ${ctx.userName}: ${unreachable.map((l) => `${l.title}: ${l.reason}`).join(' ')} ${owd ? `(${owd.reason})` : ''}`.trim();
        } else {
            reason = `No layer gives ${ctx.userName} access${owd ? ` — ${owd.reason}` : '.'}`;
        }
        out.push({
            operation: op,
            blockingLayer: nearMiss?.layer ?? unreachable[0]?.id ?? 'orgWideDefaults',
            reason,
            ...withFix,
            ...withNearMiss
        });
    }
    return out;
}

const OP_VERB: Record<Operation, string> = { read: 'read', edit: 'edit', delete: 'delete', transfer: 'transfer', share: 'share' };

function summarise(e: Explanation, layers: LayerEvaluation[]): string {
    const target = `${e.objectApiName} ${e.recordName}`;
    const granted = OPERATIONS.filter((op) => e.access[op]).map((op) => OP_VERB[op]);
    const hedge = e.uncertain ? ' (uncertain: some evidence is missing)' : '';
    if (!e.access.read) {
        const why = e.whyNot.find((w) => w.operation === 'read');
        const lead = e.nearMiss ? nearMissSentence(e.nearMiss).replace(/\.$/, '') : why ? firstSentence(why.reason) : 'no layer grants access';
        return `${e.userName} can't read ${target}: ${lead}${hedge}.`;
    }
    const main = layers.find((l) => l.status === 'grants' && l.id !== 'objectPermissions') ?? layers.find((l) => l.status === 'grants');
    const list = granted.length > 1 ? `${granted.slice(0, -1).join(', ')} and ${granted[granted.length - 1]}` : granted[0];
    return `${e.userName} can ${list} ${target}: ${main ? firstSentence(main.reason) : 'access granted'}${hedge}.`;
}

