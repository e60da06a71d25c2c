/**
 * What a snapshot's evidence is complete for (`meta.scope`, docs/evidence-plan.md), enforced at
 * the engine's entry points so a targeted snapshot never answers a question it wasn't collected
 * for:
 * - `explain` of a pair outside a `pairs` scope (or of a record outside a `records` scope) →
 *   ExplainError `outOfScope`, naming what the snapshot does cover;
 * - `whoCanSee` on a `pairs` snapshot → ExplainError `outOfScope`: who can see needs the
 *   evidence of every user who could reach the record, not one user's;
 * - `applyWhatIf` for a user (or a share on a record) outside the scope → refused;
 * - the plan's caps that were reached (`capsReached`) and the tables it could not read
 *   (`unavailable`) turn the layers that depend on them uncertain when they give nothing,
 *   instead of the engine concluding "not a member" / "not above the owner" from rows that
 *   were simply not collected (`withScopeDoubts`, called for every layer evaluation);
 * - counts that need org-wide rows (blast radius: "12 other records shared to that group",
 *   "records owned below the role") are said to be not counted on a targeted snapshot
 *   (`blastCount`, the one place those texts decide).
 * A snapshot without `meta.scope`, or with `kind: 'org'`, behaves exactly as before.
 */
import { ExplainError, SnapshotError } from './errors';
import { isSalesforceId } from './ids';
import type { LayerEvaluation } from './layer';
import { normaliseId } from './ids';
import type { SnapshotIndex } from './snapshotIndex';
import type { EvidenceScope, LayerId, Snapshot } from './types';

/** The explain evidence plan this engine knows (docs/evidence-plan.md). */
export const EXPLAIN_PLAN = 'explain/1';

/**
 * Names of the plan's loops and bounded steps, as `meta.scope.capsReached[].loop` reports them.
 * `labels` and `nextSteps` bounds only shorten names or suggestions: they make nothing uncertain.
 */
export type ScopeLoop =
    | 'parentDepth'
    | 'accountChildren'
    | 'contactUsers'
    | 'relatedAccounts'
    | 'recordShares'
    | 'teamMembers'
    | 'managerDepth'
    | 'groupMembersBelow'
    | 'roleDepth'
    | 'hierarchyDepth'
    | 'territoryDepth'
    | 'groupNesting'
    | 'permissionRows'
    | 'restrictionRules'
    | 'labels'
    | 'nextSteps';

/** Layers that ask "is the user in this group?" (queues, grantee groups of share rows, team and share-group members). */
const MEMBERSHIP: readonly LayerId[] = ['ownership', 'sharingRules', 'manualShares', 'teams', 'territories', 'implicitSharing', 'experienceCloud'];

/** The layers whose answer a reached cap (or an unreadable table) can change. */
export const LOOP_DEPENDENTS: Readonly<Record<ScopeLoop, readonly LayerId[]>> = {
    parentDepth: ['orgWideDefaults', 'implicitSharing'],
    accountChildren: ['implicitSharing'],
    contactUsers: ['experienceCloud'],
    relatedAccounts: ['experienceCloud'],
    recordShares: ['roleHierarchy', 'sharingRules', 'manualShares', 'teams', 'territories', 'implicitSharing', 'experienceCloud'],
    teamMembers: ['teams', 'roleHierarchy'],
    managerDepth: MEMBERSHIP,
    groupMembersBelow: ['roleHierarchy'],
    roleDepth: ['roleHierarchy', ...MEMBERSHIP],
    hierarchyDepth: ['roleHierarchy', ...MEMBERSHIP],
    territoryDepth: ['territories', ...MEMBERSHIP],
    groupNesting: MEMBERSHIP,
    permissionRows: ['objectPermissions', 'systemPermissions', 'restrictionRules'],
    restrictionRules: ['restrictionRules'],
    labels: [],
    nextSteps: []
};

/** Tables whose absence (meta.unavailable) on a targeted snapshot stands for a loop's evidence. */
const TABLE_LOOPS: Readonly<Record<string, ScopeLoop>> = {
    Group: 'groupNesting',
    GroupMember: 'groupNesting',
    UserRole: 'roleDepth',
    User: 'roleDepth',
    AccountTeamMember: 'teamMembers',
    OpportunityTeamMember: 'teamMembers',
    CaseTeamMember: 'teamMembers',
    CaseTeamRole: 'teamMembers',
    CaseTeamTemplateRecord: 'teamMembers',
    CaseTeamTemplateMember: 'teamMembers',
    Territory2: 'territoryDepth',
    UserTerritory2Association: 'territoryDepth',
    ObjectTerritory2Association: 'territoryDepth',
    PermissionSetAssignment: 'permissionRows',
    PermissionSet: 'permissionRows',
    PermissionSetGroup: 'permissionRows',
    PermissionSetGroupComponent: 'permissionRows',
    MutingPermissionSet: 'permissionRows',
    AccountContactRelation: 'relatedAccounts'
};

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

const KINDS = new Set(['org', 'pairs', 'records']);

/** `meta.scope` must say what it covers in a shape the checks below can trust (called by validateSnapshot). */
export function validateScope(scope: unknown): void {
    if (scope === undefined) {
        return;
    }
    const fail = (path: string, problem: string): never => {
        throw new SnapshotError(`meta.scope${path}`, problem);
    };
    if (typeof scope !== 'object' || scope === null || Array.isArray(scope)) {
        fail('', 'expected an object with a kind (org, pairs or records)');
    }
    const s = scope as Record<string, unknown>;
    if (typeof s.kind !== 'string' || !KINDS.has(s.kind)) {
        fail('.kind', `expected one of org, pairs, records, got ${JSON.stringify(s.kind)}`);
    }
    const list = (name: 'pairs' | 'recordIds' | 'capsReached'): unknown[] => {
        const v = s[name];
        if (v === undefined) return [];
        if (!Array.isArray(v)) fail(`.${name}`, 'expected an array');
        return v as unknown[];
    };
    list('pairs').forEach((p, i) => {
        const pair = (p ?? {}) as Record<string, unknown>;
        for (const f of ['userId', 'recordId'] as const) {
            if (!isSalesforceId(pair[f])) fail(`.pairs[${i}].${f}`, `expected a Salesforce id, got ${JSON.stringify(pair[f])}`);
        }
    });
    list('recordIds').forEach((r, i) => {
        if (!isSalesforceId(r)) fail(`.recordIds[${i}]`, `expected a Salesforce id, got ${JSON.stringify(r)}`);
    });
    list('capsReached').forEach((c, i) => {
        const cap = (c ?? {}) as Record<string, unknown>;
        if (typeof cap.loop !== 'string' || typeof cap.reason !== 'string' || typeof cap.limit !== 'number') {
            fail(`.capsReached[${i}]`, 'expected { loop, limit, reason }');
        }
    });
    if (s.publicCounts !== undefined) {
        const counts = (s.publicCounts ?? {}) as Record<string, unknown>;
        for (const name of ['profiles', 'readSetHolders', 'editSetHolders', 'sets']) {
            const rows = counts[name];
            if (!Array.isArray(rows) || rows.some((r) => typeof (r as Record<string, unknown>)?.users !== 'number')) {
                fail(`.publicCounts.${name}`, 'expected an array of counts, each with a number of users');
            }
        }
    }
    if (s.page !== undefined) {
        const page = (s.page ?? {}) as Record<string, unknown>;
        if (!Number.isInteger(page.index) || !Number.isInteger(page.count) || (page.index as number) < 0 || (page.count as number) <= (page.index as number)) {
            fail('.page', 'expected { index, count } with 0 ≤ index < count');
        }
    }
    if (s.kind === 'pairs' && list('pairs').length === 0) fail('.pairs', 'a pairs scope lists at least one (user, record) pair');
    if (s.kind === 'records' && list('recordIds').length === 0) fail('.recordIds', 'a records scope lists at least one record');
}

/** True for a snapshot collected for some questions only (`pairs` or `records`): its tables are not the org's. */
export function isTargeted(snapshot: Snapshot): boolean {
    const kind = snapshot.meta.scope?.kind;
    return kind === 'pairs' || kind === 'records';
}

function scopeOf(index: SnapshotIndex): EvidenceScope | undefined {
    return index.snapshot.meta.scope;
}

function sameKey(a: unknown, b: unknown): boolean {
    const x = normaliseId(a);
    return x !== null && x === normaliseId(b);
}

/** "Ana Rep on Case 00001001" for messages; ids when the snapshot has no row for them. */
function pairText(index: SnapshotIndex, userId: string, recordId: string): string {
    const record = index.byId(recordId);
    const object = record ? (index.objectOf(str(record.row.Id)) ?? record.table) : '';
    return `${index.name(userId) || userId} on ${object ? `${object} ` : ''}${index.name(recordId) || recordId}`;
}

function listText(items: string[]): string {
    if (items.length <= 1) {
        return items[0] ?? 'nothing';
    }
    const shown = items.slice(0, 3);
    const more = items.length - shown.length;
    return more > 0 ? `${shown.join('; ')} and ${more} more` : `${shown.slice(0, -1).join('; ')} and ${shown[shown.length - 1]}`;
}

/** What a scope covers, in plain words. */
export function describeScope(index: SnapshotIndex): string {
    const scope = scopeOf(index);
    if (!scope || scope.kind === 'org') {
        return 'the whole org';
    }
    if (scope.kind === 'pairs') {
        return `explaining ${listText((scope.pairs ?? []).map((p) => pairText(index, p.userId, p.recordId)))}`;
    }
    return `who can see ${listText((scope.recordIds ?? []).map((r) => `${index.objectOf(normaliseId(r) ?? r) ?? 'record'} ${index.name(r) || r}`))}`;
}

/** `explain` (and every explanation built on it): the pair must be inside the scope. */
export function requireExplainScope(index: SnapshotIndex, userId: string, recordId: string): void {
    const scope = scopeOf(index);
    if (!scope || scope.kind === 'org') {
        return;
    }
    if (scope.kind === 'pairs' && (scope.pairs ?? []).some((p) => sameKey(p.userId, userId) && sameKey(p.recordId, recordId))) {
        return;
    }
    if (scope.kind === 'records' && (scope.recordIds ?? []).some((r) => sameKey(r, recordId))) {
        return;
    }
    throw new ExplainError(
        'outOfScope',
        `This snapshot holds the evidence for ${describeScope(index)} only, not for ${pairText(index, userId, recordId)}: its group, role and sharing rows were collected for that question, so it can't say whether other users are members or above the owner. Collect the evidence for this user and record (access-xray collect --user ${userId} --record ${recordId}) and explain again.`
    );
}

/** `whoCanSee`: needs the who-can-see evidence of the record (a `records` scope holding it, or a whole-org snapshot). */
export function requireWhoCanSeeScope(index: SnapshotIndex, recordId: string): void {
    const scope = scopeOf(index);
    if (!scope || scope.kind === 'org') {
        return;
    }
    if (scope.kind === 'records' && (scope.recordIds ?? []).some((r) => sameKey(r, recordId))) {
        return;
    }
    throw new ExplainError(
        'outOfScope',
        scope.kind === 'pairs'
            ? `This snapshot holds the evidence for ${describeScope(index)} only. Who can see a record needs the evidence of every user who could reach it (the record's grantee groups expanded to their members, the roles above them), which a snapshot collected to explain one user doesn't have: collect the who-can-see evidence for the record (access-xray who-can-see --record ${recordId} with an org) instead.`
            : `This snapshot holds the who-can-see evidence for ${describeScope(index)} only, not for record ${recordId}: collect it for this record.`
    );
}

/** `applyWhatIf`: the user (and, for a share, the record) must be inside the scope. Returns a refusal, or null. */
export function whatIfOutOfScope(snapshot: Snapshot, userId: string, recordId?: string): string | null {
    const scope = snapshot.meta.scope;
    if (!scope || scope.kind !== 'pairs') {
        return null;
    }
    const pairs = scope.pairs ?? [];
    const inScope = pairs.some((p) => sameKey(p.userId, userId) && (recordId === undefined || sameKey(p.recordId, recordId)));
    if (inScope) {
        return null;
    }
    const users = [...new Set(pairs.map((p) => p.userId))];
    return `This snapshot was collected to explain ${users.length === 1 ? `user ${users[0]}` : `users ${users.join(', ')}`} on ${[...new Set(pairs.map((p) => p.recordId))].join(', ')} only: a what-if for ${recordId ? `user ${userId} on ${recordId}` : `user ${userId}`} needs that user's evidence. Collect it (access-xray collect --user ${userId}${recordId ? ` --record ${recordId}` : ''}) and try again.`;
}

/**
 * Why a targeted snapshot's evidence may leave users out of a who-can-see answer: the reasons of
 * the caps reached and the tables not read that some layer depends on (not the `labels` and
 * `nextSteps` bounds, which only shorten texts). Empty for a whole-org snapshot.
 */
export function scopeGapReasons(index: SnapshotIndex): string[] {
    return [...new Set(gaps(index).filter((g) => LOOP_DEPENDENTS[g.loop].length > 0).map((g) => g.reason))];
}

/** The loops whose caps were reached or whose tables could not be read, with the reason. */
function gaps(index: SnapshotIndex): { loop: ScopeLoop; reason: string }[] {
    return index.memo('scopeGaps', 'all', () => {
        const snapshot = index.snapshot;
        if (!isTargeted(snapshot)) {
            return [];
        }
        const out: { loop: ScopeLoop; reason: string }[] = [];
        for (const cap of snapshot.meta.scope?.capsReached ?? []) {
            if (cap.loop in LOOP_DEPENDENTS) {
                out.push({ loop: cap.loop as ScopeLoop, reason: cap.reason });
            }
        }
        for (const u of snapshot.meta.unavailable ?? []) {
            const loop = TABLE_LOOPS[u.table] ?? (/Share$/.test(u.table) ? 'recordShares' : null);
            if (loop) {
                out.push({ loop, reason: `${u.table} could not be read (${u.reason})` });
            }
        }
        return out;
    });
}

/**
 * A layer that gives nothing (or blocks) on a targeted snapshot whose plan stopped short for
 * evidence the layer depends on is uncertain, with the reason; a layer that grants keeps its
 * grant (the rows it rests on are real). `accountChildren` only concerns accounts.
 */
export function withScopeDoubts(index: SnapshotIndex, objectApiName: string, layer: LayerEvaluation): LayerEvaluation {
    const all = gaps(index);
    if (all.length === 0 || layer.status === 'grants' || layer.status === 'notApplicable') {
        return layer;
    }
    const reasons = all
        .filter((g) => LOOP_DEPENDENTS[g.loop].includes(layer.id) && (g.loop !== 'accountChildren' || objectApiName === 'Account'))
        .map((g) => g.reason);
    const fresh = [...new Set(reasons)].filter((r) => !layer.uncertainties.includes(r));
    if (fresh.length === 0) {
        return layer;
    }
    const text = `the evidence for this question is incomplete: ${fresh.join('; ')}`;
    const doubted: LayerEvaluation = {
        ...layer,
        status: 'uncertain',
        reason: `${layer.reason} Uncertain: ${text}.`,
        uncertainties: [...layer.uncertainties, text]
    };
    if (layer.status === 'blocks' && !layer.gate) {
        // Keep what blocked as a bound: the doubt is whether more would have been allowed, not less.
        doubted.gate = layer.access;
    }
    return doubted;
}

/**
 * A blast radius or next-step count that needs org-wide rows ("12 other Case records shared to
 * that group", records owned below a role, holders of a permission set). On a whole-org snapshot
 * it is `counted()`; on a targeted snapshot the rows it would count were not collected, so the
 * text says what is affected and that it was not counted, and `counted` is never called.
 */
export function blastCount(index: SnapshotIndex, counted: () => string, uncounted: string): string {
    return isTargeted(index.snapshot) ? `${uncounted} (not counted: this snapshot holds only the evidence for this question)` : counted();
}
