/**
 * The evaluation core: builds the context for one user and record, runs every layer in
 * order, and combines them in ONE place (`combineLayers`):
 *
 *   allowed(op) = some layer with status `grants` grants op
 *             AND every gate allows op (object permissions' gate; any `blocks` layer)
 *
 * Object View All / Modify All and View All Data / Modify All Data count as grants. Delete,
 * Transfer and Share come only from grants at level All (ownership, a role above the owner,
 * a Full Access share, Modify All, Modify All Data) or Transfer (Public Read/Write/Transfer):
 * a Read/Write share never gives Delete. Source: seed 001, access-semantics.md §0–3, §10.
 */
import { own } from './ownKey';
import { andFlags, anyFlag, FULL_ACCESS, noAccess, orFlags, parseShareLevel, parseSharingModel } from './accessLevels';
import type { AccessToOptions, EvaluationContext, OwdResolution, RecordAccess, ShareGrant } from './context';
import { ExplainError } from './errors';
import { normaliseId } from './ids';
import { evaluateImplicitSharing } from './layerImplicit';
import { layerResult, type LayerEvaluation, type LayerEvaluator } from './layer';
import { closestCandidate } from './nearMiss';
import { applyTransferPermission, evaluateObjectPermissions, evaluateOrgWideDefaults, evaluateOwnership, evaluateSystemPermissions } from './layersBase';
import { evaluateManualShares, evaluateRoleHierarchy, evaluateSharingRules, evaluateTeams, evaluateTerritories } from './layersSharing';
import { evaluateExperienceCloud } from './layerExperienceCloud';
import { evaluateRestrictionRules } from './layerRestrictionRules';
import { objectPermissions } from './permissions';
import { describeRowCause } from './rowCauses';
import { withScopeDoubts } from './scope';
import { capPath, gateWords } from './paths';
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import type { AccessFlags, GrantPath, LayerId, Row, Setting } from './types';
import type { UserClassification } from './userLicence';

/** The layer registry, in the order every explanation lists them. */
export const LAYER_EVALUATORS: readonly (readonly [LayerId, LayerEvaluator])[] = [
    ['objectPermissions', evaluateObjectPermissions],
    ['orgWideDefaults', evaluateOrgWideDefaults],
    ['ownership', evaluateOwnership],
    ['roleHierarchy', evaluateRoleHierarchy],
    ['sharingRules', evaluateSharingRules],
    ['territories', evaluateTerritories],
    ['teams', evaluateTeams],
    ['manualShares', evaluateManualShares],
    ['implicitSharing', evaluateImplicitSharing],
    ['systemPermissions', evaluateSystemPermissions],
    ['experienceCloud', evaluateExperienceCloud],
    ['restrictionRules', evaluateRestrictionRules]
];

/** Layers whose grants are record-level access (the basis of parent implicit sharing, seed 002). */
const RECORD_LEVEL_LAYERS: ReadonlySet<LayerId> = new Set(['ownership', 'roleHierarchy', 'sharingRules', 'territories', 'teams', 'manualShares', 'implicitSharing', 'experienceCloud']);

const MAX_DEPTH = 6;

export interface Combined {
    access: AccessFlags;
    /** What the granting layers give before gates. */
    grant: AccessFlags;
    /** What the gates allow at most. */
    gate: AccessFlags;
}

/** THE combination rule (see the file comment). */
export function combineLayers(layers: readonly LayerEvaluation[], include: (id: LayerId) => boolean = () => true): Combined {
    let grant = noAccess();
    let gate: AccessFlags = { ...FULL_ACCESS };
    for (const layer of layers) {
        if (layer.status === 'grants' && include(layer.id)) {
            grant = orFlags(grant, layer.access);
        }
        const bound = layer.gate ?? (layer.status === 'blocks' ? layer.access : undefined);
        if (bound) {
            gate = andFlags(gate, bound);
        }
    }
    // `share` is what UserRecordAccess.HasAllAccess reports today, "whether a user can share the
    // record": Full Access at the record level and object Read, whatever the other object
    // permissions (maxAccessLevel is All only when all five are allowed).
    const access = andFlags(grant, gate);
    return { access, grant, gate };
}

export interface RecordEvaluation {
    ctx: EvaluationContext;
    layers: LayerEvaluation[];
    combined: Combined;
    paths: GrantPath[];
    uncertainties: string[];
}

/** Shared state of one explain call: memoised access to other records, cycle guard, settings used. */
export interface EvaluationState {
    index: SnapshotIndex;
    settingsUsed: Map<string, Setting>;
    memo: Map<string, RecordAccess>;
    stack: Set<string>;
}

export function newState(index: SnapshotIndex): EvaluationState {
    return { index, settingsUsed: new Map(), memo: new Map(), stack: new Set() };
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

const ORG_DEFAULT_FIELD: Record<string, string> = {
    Account: 'DefaultAccountAccess',
    Contact: 'DefaultContactAccess',
    Opportunity: 'DefaultOpportunityAccess',
    Case: 'DefaultCaseAccess',
    Lead: 'DefaultLeadAccess',
    Campaign: 'DefaultCampaignAccess',
    Pricebook2: 'DefaultPricebookAccess'
};

/** The org-wide default for this user (internal or external) and object. */
export function resolveOwd(
    index: SnapshotIndex,
    object: string,
    classification: Pick<UserClassification, 'external'>,
    setting: (key: string, fallback?: { value: Setting['value']; source: string }) => Setting | null
): OwdResolution {
    const side: 'internal' | 'external' = classification.external ? 'external' : 'internal';
    const column = side === 'external' ? 'ExternalSharingModel' : 'InternalSharingModel';
    const entity = index.rowsWhere('EntityDefinition', 'QualifiedApiName', object)[0];
    const fromValue = (raw: unknown, source: string): OwdResolution => {
        const model = parseSharingModel(raw);
        return model
            ? { side, model, raw: String(raw), source }
            : { side, model: null, raw: String(raw), source, problem: `${source} has the value "${String(raw)}", which is not a known sharing model` };
    };
    if (entity && entity[column] !== undefined && entity[column] !== null) {
        return fromValue(entity[column], `EntityDefinition:${object}.${column}`);
    }
    const key = `sharingModel.${object}.${side}`;
    const s = index.setting(key);
    if (s) {
        setting(key);
        return fromValue(s.value, `settings:${key}`);
    }
    if (side === 'internal') {
        const orgField = own(ORG_DEFAULT_FIELD, object);
        const org = index.rows('Organization')[0];
        if (orgField && org && org[orgField] !== undefined && org[orgField] !== null) {
            return fromValue(org[orgField], `Organization.${orgField}`);
        }
    }
    if (object === 'User') {
        // Seed 003: "defaults to Private for external users and Public Read Only for internal users".
        const assumed = setting(key, { value: side === 'external' ? 'Private' : 'Read', source: 'Salesforce Help "User Sharing": Private for external users, Public Read Only for internal users by default; the User org-wide default was not collected' });
        return fromValue(assumed?.value, `settings:${key}`);
    }
    const why = index.unavailable('EntityDefinition');
    return {
        side,
        model: null,
        raw: null,
        source: null,
        problem: `The ${side} org-wide default of ${object} is not in the snapshot (EntityDefinition.${column}${side === 'internal' && own(ORG_DEFAULT_FIELD, object) ? ` or Organization.${own(ORG_DEFAULT_FIELD, object) ?? ''}` : ''})${why ? `: ${why}` : ''}`
    };
}

/** Share rows reaching a record for one side's org-wide default: its own table, and AccountShare child columns unless Controlled by Parent. */
export function sharesFor(index: SnapshotIndex, object: string, record: Row, recordId: string, owd: OwdResolution): ShareGrant[] {
    const out: ShareGrant[] = [];
    for (const entry of index.sharesOf(recordId)) {
        out.push({ entry, level: entry.level, layer: describeRowCause(entry.rowCause).layer, column: entry.info.accessField });
    }
    const accountId = str(record.AccountId);
    if ((object === 'Contact' || object === 'Opportunity' || object === 'Case') && accountId && owd.model !== 'ControlledByParent') {
        for (const entry of index.sharesOf(accountId)) {
            const column = entry.info.childAccessFields?.[object];
            if (!column) {
                continue;
            }
            const raw = entry.row[column];
            const level = parseShareLevel(raw);
            // No child column, or None: no access to the child. An unknown value stays (level null) so the layer can say it can't read it.
            if (raw === null || raw === undefined || level === 'None') {
                continue;
            }
            const causeLayer = describeRowCause(entry.rowCause).layer;
            out.push({ entry, level, layer: causeLayer === 'ownership' ? 'implicitSharing' : causeLayer, viaAccountId: accountId, column });
        }
    }
    const key = (g: ShareGrant): string => `${typeof g.entry.row.Id === 'string' ? g.entry.row.Id : ''}|${g.entry.granteeId}|${g.entry.rowCause}|${g.column}`;
    return out.sort((a, b) => key(a).localeCompare(key(b)));
}

export function requireUser(index: SnapshotIndex, userId: string): Row {
    const id = normaliseId(userId);
    if (!id) {
        throw new ExplainError('badRequest', `userId must be a 15- or 18-character Salesforce id, got ${JSON.stringify(userId)}`);
    }
    const user = index.user(id);
    if (!user) {
        throw new ExplainError('unknownUser', `User ${userId} is not in the snapshot's User table; collect the snapshot for this user.`);
    }
    return user;
}

export function requireRecord(index: SnapshotIndex, recordId: string): { table: string; row: Row } {
    const id = normaliseId(recordId);
    if (!id) {
        throw new ExplainError('badRequest', `recordId must be a 15- or 18-character Salesforce id, got ${JSON.stringify(recordId)}`);
    }
    const hit = index.byId(id);
    if (!hit) {
        throw new ExplainError('unknownRecord', `Record ${recordId} is not in the snapshot; collect the snapshot for this record.`);
    }
    return hit;
}

/** Evaluate every layer for one user and record. */
export function evaluateRecord(
    state: EvaluationState,
    userId: string,
    recordId: string,
    depth = 0,
    detail = depth === 0,
    only?: ReadonlySet<LayerId>
): RecordEvaluation {
    const { index } = state;
    const user = requireUser(index, userId);
    const hit = requireRecord(index, recordId);
    const uid = str(user.Id);
    const rid = str(hit.row.Id);
    const objectApiName = index.objectOf(rid) ?? hit.table;
    const classification = index.classification(uid);
    const setting = (key: string, fallback?: { value: Setting['value']; source: string }): Setting | null => {
        const found = index.setting(key);
        if (found) {
            state.settingsUsed.set(key, found);
            return found;
        }
        if (fallback) {
            const assumed: Setting = { value: fallback.value, provenance: 'assumed', source: fallback.source };
            state.settingsUsed.set(key, assumed);
            return assumed;
        }
        return null;
    };
    const owd = resolveOwd(index, objectApiName, classification, setting);
    const ctx: EvaluationContext = {
        index,
        userId: uid,
        recordId: rid,
        user,
        record: hit.row,
        objectApiName,
        userName: labelOf(user, uid),
        recordName: labelOf(hit.row, rid),
        classification,
        objectPermissions: objectPermissions(index, uid, objectApiName),
        owd,
        shares: sharesFor(index, objectApiName, hit.row, rid, owd),
        depth,
        detail,
        setting,
        settingsUsed: state.settingsUsed,
        name: (id) => index.name(id),
        accessTo: (otherId: string, options?: AccessToOptions) => accessTo(state, uid, otherId, depth + 1, options)
    };
    state.stack.add(`${rid}`);
    const layers: LayerEvaluation[] = [];
    try {
        for (const [id, evaluate] of LAYER_EVALUATORS) {
            layers.push(only && !only.has(id) ? layerResult(id, 'neutral', 'Not evaluated: no record-level path from this user to the record exists in the snapshot.') : withScopeDoubts(index, objectApiName, evaluate(ctx)));
        }
    } finally {
        state.stack.delete(`${rid}`);
    }
    // Transfer Record (Transfer Cases, Transfer Leads) adds Transfer on records the user can read: it
    // depends on what the other layers give, so it is applied once they are combined.
    const combined = applyTransferPermission(ctx, layers, combineLayers(layers));
    // Paths say what they give this user, object permissions applied.
    const why = (flags: AccessFlags): string => gateWords(ctx, layers, flags);
    const paths = layers.filter((l) => l.status === 'grants').flatMap((l) => l.paths.map((p) => capPath(p, combined.gate, why)));
    const uncertainties: string[] = [];
    for (const l of layers) {
        for (const u of l.uncertainties) {
            const text = `${l.title}: ${u}`;
            if (!uncertainties.includes(text)) {
                uncertainties.push(text);
            }
        }
    }
    return { ctx, layers, combined, paths, uncertainties };
}

function accessTo(state: EvaluationState, userId: string, recordId: string, depth: number, options?: AccessToOptions): RecordAccess | null {
    const id = normaliseId(recordId);
    const hit = id ? state.index.byId(id) : undefined;
    if (!id || !hit) {
        return null;
    }
    const scope = options?.recordLevelOnly ? 'record' : options?.withoutObjectGrants ? 'noObjectGrants' : 'all';
    const key = `${id}|${scope}`;
    const cached = state.memo.get(key);
    if (cached) {
        return cached;
    }
    const objectApiName = state.index.objectOf(id) ?? hit.table;
    const redacted = hit.row.__redacted === true;
    if (state.stack.has(id) || depth > MAX_DEPTH) {
        return {
            recordId: id,
            objectApiName,
            name: labelOf(hit.row, id),
            access: noAccess(),
            paths: [],
            uncertainties: [state.stack.has(id) ? `circular parent/child chain through ${labelOf(hit.row, id)} was cut` : `parent chain deeper than ${MAX_DEPTH} levels was cut`],
            grantingLayers: [],
            redacted
        };
    }
    const evaluation = evaluateRecord(state, userId, id, depth);
    const include = options?.recordLevelOnly ? (l: LayerId) => RECORD_LEVEL_LAYERS.has(l) : options?.withoutObjectGrants ? (l: LayerId) => l !== 'objectPermissions' : () => true;
    const combined = combineLayers(evaluation.layers, include);
    const doubts = anyFlag(combined.access)
        ? []
        : evaluation.layers.filter((l) => l.id !== 'restrictionRules' && include(l.id)).flatMap((l) => l.uncertainties.map((u) => `${l.title}: ${u}`));
    if (redacted && !combined.access.share) {
        // Only the Id and owner were readable: what other fields would decide is unknown (the owner's Full Access is not).
        doubts.unshift(`${objectApiName} ${labelOf(hit.row, id)} could not be read by the user who collected the evidence (only its Id and owner are known), so access that depends on its other fields is unconfirmed`);
    }
    const nearMiss = combined.access.read ? undefined : closestCandidate(evaluation.ctx, 'read', evaluation.layers, combined);
    const result: RecordAccess = {
        recordId: id,
        objectApiName,
        name: evaluation.ctx.recordName,
        access: combined.access,
        paths: evaluation.paths.filter((p) => include(p.layer)),
        // With no access, only doubts about layers that could grant matter (a restriction rule only removes access).
        uncertainties: doubts,
        grantingLayers: evaluation.layers.filter((l) => l.status === 'grants' && include(l.id)).map((l) => l.id),
        ...(nearMiss ? { nearMiss } : {}),
        redacted
    };
    state.memo.set(key, result);
    return result;
}
