/**
 * The audience of one record: who can reach it and how, computed from the record's side (its
 * grants, expanded down to users) instead of user by user. For any user it answers exactly
 * what `explain` would (the property test in whoCanSeeProperties.test.ts holds it to that):
 *
 *   access(user) = (grants of the mechanisms that reach them | their side's default) ∧ gate(user)
 *   gate(user)   = object permissions ∧ Experience Cloud licence cap ∧ restriction rules
 *
 * - `reach` holds every user a mechanism other than a public org-wide default reaches (the
 *   record's own grants, View All / Modify All, View All Data / Modify All Data, Experience
 *   Cloud, and — for a Controlled by Parent record — users its parents' audiences reach);
 * - the default covers everyone else of a side: a public org-wide default, or, Controlled by
 *   Parent, the parents' defaults (a master-detail child of a Public Read Only record);
 * - parent implicit sharing on an account asks each child's record-level audience
 *   (`recordLevel` mode: only ownership, hierarchy, sharing, teams, territories, manual,
 *   implicit and Experience Cloud grants count — seed 002, as `accessTo(…, recordLevelOnly)`).
 * Parents and children are memoised per sweep and cut on a cycle or past 6 levels, as `accessTo` does.
 */
import { DELETE, READ, SHARE, TRANSFER, ALL, combineBits, objectGateBits } from './accessBits';
import { grantOfSharingModel, SHARING_MODEL_LABEL } from './accessLevels';
import { evaluateRecord, newState, type EvaluationState } from './engine';
import { IMPLICIT_CHILD_LIMIT } from './layerImplicit';
import type { LayerEvaluation } from './layer';
import { P_DELETE, P_EDIT, P_READ, permissionHolders, type PermissionHolders } from './permissionHolders';
import { usersOfGroup } from './reverseMembership';
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import { bitsOfGrant } from './accessBits';
import type { LayerId } from './types';
import type { UserClassification } from './userLicence';
import { experienceGrants } from './whoCanSeeExperience';
import { childSharingModel, classOf, licenceGate, parentFields, recordFacts, sideOf, SIDES, type RecordFacts, type Side } from './whoCanSeeFacts';
import { childImplicitGrants, hierarchyGrants, makeRef, ownershipGrants, permissionGrants, shareRowGrants, territoryGrants, type Keep } from './whoCanSeeGrants';
import { EVERYONE, ReachMap, topRef, type GrantRef } from './whoCanSeeReach';
import { restrictionScreen, type RestrictionScreen } from './whoCanSeeRestriction';

export type Mode = 'all' | 'recordLevel';

const MAX_DEPTH = 6;

/** One who-can-see sweep: the evaluation state and the audiences computed so far. */
export interface Sweep {
    index: SnapshotIndex;
    state: EvaluationState;
    memo: Map<string, Audience>;
}

/** What a side's default gives a user the reach doesn't hold (a public org-wide default, or the parents'). */
interface SideDefault {
    /** Plain label of the default ("Public Read Only", "Controlled by Parent: Account Public Read Only"). */
    label: string;
    bits(userId: string): number;
    ref(userId: string): GrantRef;
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

const ONLY_RESTRICTION: ReadonlySet<LayerId> = new Set<LayerId>(['restrictionRules']);

export class Audience {
    readonly facts: RecordFacts;
    readonly mode: Mode;
    readonly reach: ReachMap;
    /** Doubts that concern every user (missing tables, assumed settings). */
    readonly doubts: string[];
    private readonly defaults: Partial<Record<Side, SideDefault>>;
    private readonly sideDoubts: Partial<Record<Side, string[]>>;
    private readonly userDoubts: Map<string, string[]>;
    private readonly holders: PermissionHolders;
    private readonly restricted: boolean;
    private readonly screen: RestrictionScreen;
    private readonly restriction = new Map<string, LayerEvaluation | null>();
    private readonly licence = new Map<UserClassification, number>();
    /** Object-permission and licence gates per user: they depend on the object only, so records of an object share them. */
    private readonly userGates: Map<string, number>;
    private readonly hasDefaults: boolean;

    constructor(init: {
        facts: RecordFacts;
        mode: Mode;
        reach: ReachMap;
        doubts: string[];
        defaults: Partial<Record<Side, SideDefault>>;
        sideDoubts: Partial<Record<Side, string[]>>;
        userDoubts: Map<string, string[]>;
    }) {
        this.facts = init.facts;
        this.mode = init.mode;
        this.reach = init.reach;
        this.doubts = init.doubts;
        this.defaults = init.defaults;
        this.sideDoubts = init.sideDoubts;
        this.userDoubts = init.userDoubts;
        this.holders = permissionHolders(init.facts.index, init.facts.object);
        this.userGates = init.facts.index.memo('whoCanSee.userGates', init.facts.object, () => new Map<string, number>());
        this.hasDefaults = Object.keys(init.defaults).length > 0;
        const restriction = restrictionState(init.facts);
        this.screen = restrictionScreen(init.facts, this.holders);
        this.restricted = restriction.active && this.screen.rules.length > 0;
        if (restriction.doubt) {
            this.doubts.push(restriction.doubt);
        }
        if (!this.holders.known && init.facts.object !== 'User') {
            this.doubts.push(`object permissions on ${init.facts.object} were not collected, so who holds Read is unknown (every grant is shown as if they did)`);
        }
    }

    get object(): string {
        return this.facts.object;
    }

    /** The default of a side, when non-reached users of that side can get anything through it. */
    defaultOf(side: Side): { label: string } | undefined {
        return this.defaults[side];
    }

    /** What the object-permission gate allows this user (all when the object is User or permissions are unknown). */
    objectGate(userId: string): number {
        if (this.facts.object === 'User' || !this.holders.known) {
            return ALL;
        }
        const bits = this.holders.bits(userId);
        return objectGateBits((bits & P_READ) !== 0, (bits & P_EDIT) !== 0, (bits & P_DELETE) !== 0);
    }

    /** The Experience Cloud licence cap for this user (one answer per classification). */
    licenceGate(userId: string): number {
        const c = classOf(this.facts.index, userId);
        let gate = this.licence.get(c);
        if (gate === undefined) {
            gate = licenceGate(this.facts.index, this.facts.object, userId);
            this.licence.set(c, gate);
        }
        return gate;
    }

    /** Every gate for this user; `pre` (what is granted) lets restriction rules be skipped when nothing would pass. */
    gate(userId: string, pre = ALL): number {
        let gate = this.userGates.get(userId);
        if (gate === undefined) {
            gate = this.objectGate(userId) & this.licenceGate(userId);
            this.userGates.set(userId, gate);
        }
        if (!this.restricted || (pre & gate) === 0) {
            return gate;
        }
        const decision = this.screen.decide(userId);
        if (decision !== 'layer') {
            return decision === 'blocked' ? 0 : gate;
        }
        return this.restrictionLayer(userId)?.status === 'blocks' ? 0 : gate;
    }

    private restrictionLayer(userId: string): LayerEvaluation | null {
        if (!this.restriction.has(userId)) {
            const layers = evaluateRecord(newState(this.facts.index), userId, this.facts.recordId, 0, false, ONLY_RESTRICTION).layers;
            this.restriction.set(userId, layers.find((l) => l.id === 'restrictionRules') ?? null);
        }
        return this.restriction.get(userId) ?? null;
    }

    /** The grants that reach this user, the side default's included. */
    refsOf(userId: string): GrantRef[] {
        const refs = this.reach.refsOf(userId);
        const d = this.defaults[sideOf(this.facts.index, userId)];
        if (d && d.bits(userId)) {
            refs.push(d.ref(userId));
        }
        return refs;
    }

    /** What the side's default gives this user (0 for users the reach holds under Controlled by Parent). */
    defaultBits(userId: string): number {
        const d = this.defaults[sideOf(this.facts.index, userId)];
        return d ? d.bits(userId) : 0;
    }

    /** What the grants give this user before gates. */
    grant(userId: string): number {
        const own = this.reach.grantOf(userId);
        if (!this.hasDefaults) {
            return own;
        }
        const d = this.defaults[sideOf(this.facts.index, userId)];
        return own | (d ? d.bits(userId) : 0);
    }

    /** The user's access to the record, as `explain` computes it. */
    access(userId: string): number {
        const grant = this.grant(userId);
        return grant ? combineBits(grant, this.gate(userId, grant)) : 0;
    }

    /** Doubts of this user alone (their Experience Cloud layer, the restriction rules for them). */
    userOnlyDoubts(userId: string): string[] {
        const out = [...(this.userDoubts.get(userId) ?? [])];
        const rr = this.restricted && this.restriction.get(userId);
        if (rr && rr.status === 'uncertain') {
            out.push(...rr.uncertainties.map((u) => `Restriction rules: ${u}`));
        }
        return out;
    }

    /** Doubts about a side's org-wide default. */
    sideDoubtsOf(side: Side): readonly string[] {
        return this.sideDoubts[side] ?? [];
    }

    /** Missing or assumed evidence behind this user's answer. */
    doubtsOf(userId: string): string[] {
        const out = [...this.doubts, ...this.sideDoubtsOf(sideOf(this.facts.index, userId)), ...this.userOnlyDoubts(userId)];
        for (const r of this.refsOf(userId)) {
            out.push(...(r.doubts ?? []));
        }
        return [...new Set(out)];
    }

    /** The top reason of a user's access in plain words (the grant that gives the most after gates). */
    topReason(userId: string): { layer: LayerId; text: string } | null {
        const top = topRef(this.refsOf(userId), this.gate(userId));
        return top ? { layer: top.layer, text: top.reason(userId) } : null;
    }
}

/** Active restriction rules on the object (rules collected), or the doubt when they weren't. */
function restrictionState(facts: RecordFacts): { active: boolean; doubt?: string } {
    const index = facts.index;
    const unavailable = index.unavailable('RestrictionRule');
    const all = index.snapshot.metadata?.RestrictionRule;
    if (unavailable || !all) {
        return {
            active: false,
            doubt: `restriction rules ${unavailable ? `could not be read (${unavailable})` : 'were not collected'}: a restriction rule could hide this record from users listed here`
        };
    }
    const object = facts.object.toLowerCase();
    return { active: all.some((r) => r.IsActive && str(r.TargetEntity).toLowerCase() === object && str(r.EnforcementType).toLowerCase() === 'restrict') };
}

export function newSweep(index: SnapshotIndex, state: EvaluationState): Sweep {
    return { index, state, memo: new Map() };
}

/** The audience of a record (memoised per sweep and mode). */
export function audienceOf(sweep: Sweep, recordId: string, mode: Mode, depth = 0, stack: ReadonlySet<string> = new Set()): Audience {
    const key = `${recordId}|${mode}`;
    const cached = sweep.memo.get(key);
    if (cached) {
        return cached;
    }
    const audience = build(sweep, recordId, mode, depth, new Set([...stack, recordId]));
    sweep.memo.set(key, audience);
    return audience;
}

/** The audience of a related record, or null when `accessTo` would cut it (cycle, too deep, not in the snapshot). */
function relatedAudience(sweep: Sweep, recordId: string, mode: Mode, depth: number, stack: ReadonlySet<string>): Audience | null {
    if (!sweep.index.byId(recordId) || stack.has(recordId) || depth > MAX_DEPTH) {
        return null;
    }
    return audienceOf(sweep, recordId, mode, depth, stack);
}

function keepFor(index: SnapshotIndex, sides: readonly Side[]): Keep {
    if (sides.length === SIDES.length) {
        return EVERYONE;
    }
    const side = sides[0];
    return (u) => sideOf(index, u) === side;
}

function build(sweep: Sweep, recordId: string, mode: Mode, depth: number, stack: ReadonlySet<string>): Audience {
    const { index, state } = sweep;
    const hit = index.byId(recordId);
    if (!hit) {
        throw new Error(`record ${recordId} is not in the snapshot`);
    }
    const rid = str(hit.row.Id);
    const object = index.objectOf(rid) ?? hit.table;
    const facts = recordFacts(index, state, rid, hit.row, object);
    const reach = new ReachMap();
    const doubts: string[] = [];
    const sideDoubts: Partial<Record<Side, string[]>> = {};
    const userDoubts = new Map<string, string[]>();
    const everyone: Keep = EVERYONE;

    if (mode === 'all') {
        permissionGrants(facts, reach, everyone, doubts);
    }
    ownershipGrants(facts, reach, everyone);
    for (const group of facts.groups) {
        const side = group[0] as (typeof group)[number];
        const keep = keepFor(index, group.map((g) => g.side));
        hierarchyGrants(facts, side, reach, keep);
        shareRowGrants(facts, side, reach, keep);
        territoryGrants(facts, side, reach, keep, doubts);
        childImplicitGrants(facts, side, reach, keep, doubts);
    }
    if (object === 'Account') {
        parentImplicitGrants(sweep, facts, reach, depth, stack, doubts);
    }
    experienceGrants(facts, reach, everyone, userDoubts);
    if (!index.snapshot.metadata?.SharingSet || index.unavailable('SharingSet')) {
        doubts.push('sharing sets were not collected: external users could also reach this record through one');
    }
    const defaults: Partial<Record<Side, SideDefault>> = {};
    if (mode === 'all') {
        for (const side of SIDES) {
            const d = sideDefault(sweep, facts, side, reach, depth, stack);
            if (d.default) {
                defaults[side] = d.default;
            }
            if (d.doubts.length) {
                sideDoubts[side] = d.doubts;
            }
        }
    }
    for (const t of index.snapshot.meta.truncated ?? []) {
        doubts.push(`${t.table} was cut at ${t.limit} rows (${t.reason}): users it would reach may be missing`);
    }
    return new Audience({ facts, mode, reach, doubts: [...new Set(doubts)], defaults, sideDoubts, userDoubts });
}

/** Delete and transfer pass down from a parent only with Full Access there (layersBase.ts, Controlled by Parent). */
function throughParent(bits: number): number {
    return bits & SHARE ? bits : bits & ~(DELETE | TRANSFER);
}

/** The org-wide default of a side: public (everyone of the side), Controlled by Parent (the parents'), or nothing. */
function sideDefault(
    sweep: Sweep,
    facts: RecordFacts,
    side: Side,
    reach: ReachMap,
    depth: number,
    stack: ReadonlySet<string>
): { default?: SideDefault; doubts: string[] } {
    const { index, object, row } = facts;
    const owd = facts.sides[side].owd;
    const model = owd.model;
    const who = side === 'external' ? 'external users' : 'internal users';
    if (!model) {
        return { doubts: [owd.problem ?? `the org-wide default of ${object} for ${who} is unknown`] };
    }
    if (model === 'ControlledByLeadOrContact' || model === 'ControlledByCampaign') {
        return { doubts: [`the org-wide default of ${object} for ${who} is "${SHARING_MODEL_LABEL[model]}", which Access X-Ray does not evaluate`] };
    }
    if (model !== 'ControlledByParent') {
        const bits = bitsOfGrant(grantOfSharingModel(model));
        if (!bits) {
            return { doubts: [] };
        }
        const label = SHARING_MODEL_LABEL[model];
        const ref = makeRef('orgWideDefaults', bits, () => `org-wide default ${label}`);
        return { default: { label, bits: () => bits, ref: () => ref }, doubts: [] };
    }
    const { fields, problem } = parentFields(index, object);
    if (problem) {
        return { doubts: [`${object} is Controlled by Parent, but ${problem}`] };
    }
    const parents: { audience: Audience; field: string; name: string }[] = [];
    const doubts: string[] = [];
    for (const field of fields) {
        const parentId = str(row[field]);
        if (!parentId) {
            continue;
        }
        if (!index.byId(parentId)) {
            doubts.push(`the parent record ${parentId} (${field}) is not in the snapshot`);
            return { doubts };
        }
        const audience = relatedAudience(sweep, parentId, 'all', depth + 1, stack);
        if (!audience) {
            doubts.push(stack.has(parentId) ? `a circular parent/child chain through ${index.name(parentId)} was cut` : `the parent chain is deeper than ${MAX_DEPTH} levels`);
            return { doubts };
        }
        parents.push({ audience, field, name: `${audience.object} ${index.name(parentId)}` });
    }
    if (!parents.length) {
        return { doubts };
    }
    const through = (u: string): number => {
        let bits = ALL;
        for (const p of parents) {
            bits &= throughParent(p.audience.access(u));
        }
        return bits;
    };
    const reason = (u: string): string =>
        `${object} is Controlled by Parent: access follows ${parents
            .map((p) => {
                const top = p.audience.topReason(u);
                return `${p.name}${top ? ` (${top.text})` : ''}`;
            })
            .join(' and ')}`;
    // Users a parent reaches get the parent's access as a grant of their own; everyone else, the parents' defaults.
    const keep = keepFor(index, [side]);
    const reached = new Set<string>();
    for (const p of parents) {
        p.audience.reach.forEachCandidate((u) => reached.add(u));
    }
    const usersByBits = new Map<number, Set<string>>();
    for (const u of reached) {
        const bits = keep(u) ? through(u) : 0;
        if (bits) {
            let users = usersByBits.get(bits);
            if (!users) {
                users = new Set();
                usersByBits.set(bits, users);
            }
            users.add(u);
        }
    }
    for (const [bits, users] of usersByBits) {
        reach.addAll(users, makeRef('orgWideDefaults', bits, reason), EVERYONE);
    }
    const publicParents = parents.every((p) => p.audience.defaultOf(side));
    if (!publicParents) {
        return { doubts };
    }
    const label = `Controlled by Parent: ${parents.map((p) => `${p.name} ${p.audience.defaultOf(side)?.label ?? ''}`.trim()).join(' and ')}`;
    return {
        default: {
            label,
            bits: (u) => (reached.has(u) ? 0 : through(u)),
            ref: (u) => makeRef('orgWideDefaults', through(u), reason)
        },
        doubts
    };
}

/**
 * Parent implicit sharing on an account (seed 002, layerImplicit.ts): Read for the owner of one
 * of its contracts or orders (or a member of the owning queue), and for anyone with record-level
 * Read on one of its contacts, opportunities or cases (for a Controlled by Parent child, its owner).
 */
function parentImplicitGrants(sweep: Sweep, facts: RecordFacts, reach: ReachMap, depth: number, stack: ReadonlySet<string>, doubts: string[]): void {
    const { index, recordId } = facts;
    const everyone: Keep = EVERYONE;
    for (const owned of ['Contract', 'Order']) {
        for (const row of index.rowsWhere(owned, 'AccountId', recordId)) {
            const ownerId = str(row.OwnerId);
            const owner = index.byId(ownerId);
            const ref = makeRef('implicitSharing', READ, () => `owns ${owned.toLowerCase()} ${labelOf(row)} on this account (parent implicit Read)`);
            if (owner?.table === 'User') {
                reach.add(ownerId, ref);
            } else if (owner?.table === 'Group' && str(owner.row.Type) === 'Queue') {
                reach.addAll(usersOfGroup(index, ownerId), ref, everyone);
            }
        }
    }
    // Children that can open the account to a user: their record-level audiences, or their owner when Controlled by Parent.
    interface Opener {
        label: string;
        cbp: boolean;
        ownerId: string;
        audience: Audience | null;
        keep: Keep;
    }
    const openers: Opener[] = [];
    for (const child of ['Contact', 'Opportunity', 'Case']) {
        const rows = index.rowsWhere(child, 'AccountId', recordId);
        if (!rows.length) {
            continue;
        }
        if (rows.length > IMPLICIT_CHILD_LIMIT) {
            doubts.push(`only the first ${IMPLICIT_CHILD_LIMIT} of ${rows.length} ${child} records of this account were checked for parent implicit sharing`);
        }
        // The child's sharing model is read per side; one pass when both sides read it the same way.
        const models = SIDES.map((side) => ({ side, cbp: childSharingModel(index, child, side) === 'ControlledByParent' }));
        const passes = models[0]?.cbp === models[1]?.cbp ? [{ cbp: models[0]?.cbp === true, keep: everyone }] : models.map((m) => ({ cbp: m.cbp, keep: keepFor(index, [m.side]) }));
        for (const pass of passes) {
            for (const row of rows.slice(0, IMPLICIT_CHILD_LIMIT)) {
                const childId = str(row.Id);
                openers.push({
                    label: `${child.toLowerCase()} ${labelOf(row)}`,
                    cbp: pass.cbp,
                    ownerId: str(row.OwnerId),
                    audience: pass.cbp ? null : relatedAudience(sweep, childId, 'recordLevel', depth + 1, stack),
                    keep: pass.keep
                });
            }
        }
    }
    const opens = (o: Opener, u: string): boolean => o.keep(u) && (o.cbp ? o.ownerId === u : !!o.audience && (o.audience.access(u) & READ) !== 0);
    const users = new Set<string>();
    for (const o of openers) {
        if (o.cbp) {
            if (index.user(o.ownerId) && opens(o, o.ownerId)) {
                users.add(o.ownerId);
            }
        } else if (o.audience) {
            // Every grant gives Read, so a user the child's audience reaches can read it unless a gate says no.
            const child = o.audience;
            child.reach.forEachCandidate((u) => {
                if (!users.has(u) && o.keep(u) && child.gate(u, READ) & READ) {
                    users.add(u);
                }
            });
        }
    }
    const ref = makeRef('implicitSharing', READ, (u) => {
        const o = openers.find((x) => opens(x, u));
        return o ? `${o.cbp ? 'owns' : 'can read'} ${o.label} of this account (parent implicit Read)` : 'can read a contact, opportunity or case of this account (parent implicit Read)';
    });
    reach.addAll(users, ref, everyone);
}
