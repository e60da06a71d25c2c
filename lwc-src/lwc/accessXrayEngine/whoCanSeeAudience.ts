/**
 * The audience of one record: who can reach it and how, computed from the record's side (its
 * grants, expanded down to users) instead of user by user. For any user it answers exactly
 * what `explain` would (whoCanSeeProperties.test.ts holds it to that):
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
 * Users are numbers of the snapshot's user space (userSpace.ts). Parents and children are
 * memoised per sweep and cut on a cycle or past 6 levels, as `accessTo` does.
 */
import { ALL, bitsOfFlags, bitsOfGrant, combineBits, flagsOfBits, objectGateBits, READ, TRANSFER } from './accessBits';
import { grantOfSharingModel, SHARING_MODEL_LABEL } from './accessLevels';
import { masterFieldsOf, throughMaster, type MasterField } from './controlledByParent';
import { evaluateRecord, newState, type EvaluationState } from './engine';
import type { LayerEvaluation } from './layer';
import { childSharingModel, IMPLICIT_CHILD_LIMIT } from './layerImplicit';
import { transferPermissionCanApply, transferPermissionDoubt, transferPermissionFields, transferPermissionGives } from './layersBase';
import { P_DELETE, P_EDIT, P_READ, permissionBitOf, permissionHolders, sourcesGiving, type PermissionHolders } from './permissionHolders';
import { usersOfGroup } from './reverseMembership';
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import type { LayerId } from './types';
import type { UserClassification } from './userLicence';
import { EXTERNAL, userSpace, type UserSet, type UserSpace } from './userSpace';
import { experienceGrants } from './whoCanSeeExperience';
import { licenceGate, recordFacts, SIDES, type RecordFacts, type Side } from './whoCanSeeFacts';
import { childImplicitGrants, hierarchyGrants, makeRef, ownershipGrants, permissionGrants, shareRowGrants, territoryGrants, type Target } from './whoCanSeeGrants';
import { ReachMap, topRef, type GrantRef } from './whoCanSeeReach';
import { restrictionScreen, type RestrictionScreen } from './whoCanSeeRestriction';
import { scopeGapReasons } from './scope';
import { sharingSetsUnknown } from './sharingSets';

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
    /** Plain label of the default ("Public Read Only", "Controlled by Parent: Account Acme Public Read Only"). */
    label: string;
    /** What a public org-wide default gives every user of the side (absent under Controlled by Parent). */
    constant?: number;
    /** True when the default's grant can carry a doubt for a user (an unknown master-detail Sharing Setting). */
    mayDoubt?: boolean;
    bits(user: number): number;
    ref(user: number): GrantRef;
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

const ONLY_RESTRICTION: ReadonlySet<LayerId> = new Set<LayerId>(['restrictionRules']);
const UNKNOWN = -1;

export class Audience {
    readonly facts: RecordFacts;
    readonly mode: Mode;
    readonly reach: ReachMap;
    readonly space: UserSpace;
    /** Doubts that concern every user (missing tables, assumed settings). */
    readonly doubts: string[];
    private readonly defaults: Partial<Record<Side, SideDefault>>;
    private readonly sideDoubts: Partial<Record<Side, string[]>>;
    private readonly userDoubts: Map<number, string[]>;
    private readonly holders: PermissionHolders;
    private readonly restricted: boolean;
    private readonly screen: RestrictionScreen;
    private readonly restriction = new Map<number, LayerEvaluation | null>();
    private readonly licence = new Map<UserClassification, number>();
    /** Object-permission and licence gates per user: they depend on the object only, so records of an object share them. */
    private readonly userGates: Int16Array;
    private readonly hasDefaults: boolean;
    /** The transfer permissions that count on this record (permission bits; 0 when none can apply). */
    private readonly transferBits: number;

    constructor(init: {
        facts: RecordFacts;
        mode: Mode;
        reach: ReachMap;
        doubts: string[];
        defaults: Partial<Record<Side, SideDefault>>;
        sideDoubts: Partial<Record<Side, string[]>>;
        userDoubts: Map<number, string[]>;
    }) {
        const index = init.facts.index;
        this.facts = init.facts;
        this.mode = init.mode;
        this.reach = init.reach;
        this.space = userSpace(index);
        this.doubts = init.doubts;
        this.defaults = init.defaults;
        this.sideDoubts = init.sideDoubts;
        this.userDoubts = init.userDoubts;
        this.holders = permissionHolders(index, init.facts.object);
        this.userGates = index.memo('whoCanSee.userGates', init.facts.object, () => new Int16Array(this.space.size).fill(UNKNOWN));
        this.hasDefaults = Object.keys(init.defaults).length > 0;
        this.transferBits = transferPermissionCanApply(index, init.facts.object, init.facts.row)
            ? transferPermissionFields(init.facts.object).reduce((bits, p) => bits | permissionBitOf(p.field), 0)
            : 0;
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

    idOf(user: number): string {
        return this.space.ids[user] as string;
    }

    sideOf(user: number): Side {
        return (this.space.flags[user] as number) & EXTERNAL ? 'external' : 'internal';
    }

    /** The default of a side, when non-reached users of that side can get anything through it. */
    defaultOf(side: Side): { label: string; constant?: number } | undefined {
        return this.defaults[side];
    }

    /** What the object-permission gate allows this user (all when the object is User or permissions are unknown). */
    objectGate(user: number): number {
        if (this.facts.object === 'User' || !this.holders.known) {
            return ALL;
        }
        const bits = this.holders.bitsAt(user);
        return objectGateBits((bits & P_READ) !== 0, (bits & P_EDIT) !== 0, (bits & P_DELETE) !== 0);
    }

    /** The Experience Cloud licence cap for this user (one answer per classification). */
    licenceGate(user: number): number {
        const c = this.space.classes[user] as UserClassification;
        let gate = this.licence.get(c);
        if (gate === undefined) {
            gate = licenceGate(this.facts.index, this.facts.object, this.idOf(user));
            this.licence.set(c, gate);
        }
        return gate;
    }

    /** Every gate for this user; `pre` (what is granted) lets restriction rules be skipped when nothing would pass. */
    gate(user: number, pre = ALL): number {
        let gate = this.userGates[user] as number;
        if (gate === UNKNOWN) {
            gate = this.objectGate(user) & this.licenceGate(user);
            this.userGates[user] = gate;
        }
        if (!this.restricted || (pre & gate) === 0) {
            return gate;
        }
        const decision = this.screen.decide(user);
        if (decision !== 'layer') {
            return decision === 'blocked' ? 0 : gate;
        }
        return this.restrictionLayer(user)?.status === 'blocks' ? 0 : gate;
    }

    private restrictionLayer(user: number): LayerEvaluation | null {
        if (!this.restriction.has(user)) {
            const layers = evaluateRecord(newState(this.facts.index), this.idOf(user), this.facts.recordId, 0, false, ONLY_RESTRICTION).layers;
            this.restriction.set(user, layers.find((l) => l.id === 'restrictionRules') ?? null);
        }
        return this.restriction.get(user) ?? null;
    }

    /** The grants that reach this user, the side default's included. */
    refsOf(user: number): GrantRef[] {
        const refs = this.reach.refsOf(user);
        const d = this.hasDefaults ? this.defaults[this.sideOf(user)] : undefined;
        if (d && d.bits(user)) {
            refs.push(d.ref(user));
        }
        return refs;
    }

    /** What the side's default gives this user (0 for users the reach holds under Controlled by Parent). */
    defaultBits(user: number): number {
        const d = this.hasDefaults ? this.defaults[this.sideOf(user)] : undefined;
        return d ? d.bits(user) : 0;
    }

    /** What the grants give this user before gates. */
    grant(user: number): number {
        return this.reach.grantOf(user) | this.defaultBits(user);
    }

    /** The user's access to the record, as `explain` computes it (the transfer permissions applied once the grants are combined). */
    access(user: number): number {
        return this.finish(user, this.grant(user));
    }

    /**
     * The user's access without object-level View All / Modify All on this object (`accessTo` with
     * `withoutObjectGrants`): what a standard Controlled by Parent child sees through its account.
     */
    accessWithoutObjectGrants(user: number): number {
        if (!this.reach.hasLayer('objectPermissions')) {
            return this.access(user);
        }
        let grant = this.defaultBits(user);
        this.reach.forEachRef(user, (ref) => {
            if (ref.layer !== 'objectPermissions') {
                grant |= ref.bits;
            }
        });
        return this.finish(user, grant);
    }

    private finish(user: number, grant: number): number {
        if (!grant) {
            return 0;
        }
        const gate = this.gate(user, grant);
        const access = combineBits(grant, gate);
        return this.transferBits && access & READ && !(access & TRANSFER) && this.transferGiven(user, access, gate) ? access | TRANSFER : access;
    }

    /** The transfer permission this user holds on the record's object (Transfer Cases / Leads, Transfer Record), or null. */
    private transferHeld(user: number): { label: string; bit: number } | null {
        const bits = this.holders.bitsAt(user);
        if (!(bits & this.transferBits)) {
            return null;
        }
        for (const p of transferPermissionFields(this.object)) {
            const bit = permissionBitOf(p.field);
            if (bits & bit) {
                return { label: p.label, bit };
            }
        }
        return null;
    }

    /** layersBase.ts `transferPermissionGives`: the permission, Read on the record, Edit on the object, and gates that let transfer through. */
    private transferGiven(user: number, access: number, gate: number): boolean {
        return !!this.transferHeld(user) && transferPermissionGives((access & READ) !== 0, (this.holders.bitsAt(user) & P_EDIT) !== 0, (gate & TRANSFER) !== 0);
    }

    /** The words and doubt of a transfer the user gets from a transfer permission (null when they don't). */
    transferByPermission(user: number): { reason: string; doubt: string | null } | null {
        if (!this.transferBits) {
            return null;
        }
        const held = this.transferHeld(user);
        const grant = held ? this.grant(user) : 0;
        if (!held || !grant) {
            return null;
        }
        const gate = this.gate(user, grant);
        const access = combineBits(grant, gate);
        if (access & TRANSFER || !this.transferGiven(user, access, gate)) {
            return null;
        }
        const index = this.facts.index;
        const userId = this.idOf(user);
        return {
            reason: `${held.label} (${sourcesGiving(index, this.holders, userId, held.bit).join(', ')}) adds Transfer`,
            doubt: transferPermissionDoubt(index, userId, this.facts.recordId, this.object, held.label)
        };
    }

    /** Doubts of this user alone (their Experience Cloud layer, the restriction rules for them, a transfer permission, the parents' default). */
    userOnlyDoubts(user: number): string[] {
        const out = [...(this.userDoubts.get(user) ?? [])];
        const rr = this.restricted && this.restriction.get(user);
        if (rr && rr.status === 'uncertain') {
            out.push(...rr.uncertainties.map((u) => `Restriction rules: ${u}`));
        }
        const transfer = this.transferBits ? this.transferByPermission(user) : null;
        if (transfer?.doubt) {
            out.push(transfer.doubt);
        }
        const d = this.hasDefaults ? this.defaults[this.sideOf(user)] : undefined;
        if (d?.mayDoubt && d.bits(user)) {
            out.push(...(d.ref(user).doubts ?? []));
        }
        return out;
    }

    /** Doubts about a side's org-wide default. */
    sideDoubtsOf(side: Side): readonly string[] {
        return this.sideDoubts[side] ?? [];
    }

    /** Missing or assumed evidence behind this user's answer. */
    doubtsOf(user: number): string[] {
        const out = [...this.doubts, ...this.sideDoubtsOf(this.sideOf(user)), ...this.userOnlyDoubts(user)];
        for (const r of this.refsOf(user)) {
            out.push(...(r.doubts ?? []));
        }
        return [...new Set(out)];
    }

    /** The top reason of a user's access in plain words (the grant that gives the most after gates). */
    topReason(user: number): { layer: LayerId; text: string } | null {
        const top = topRef(this.refsOf(user), this.gate(user));
        const transfer = this.transferBits ? this.transferByPermission(user) : null;
        return top ? { layer: top.layer, text: `${top.reason(this.idOf(user))}${transfer ? `; ${transfer.reason}` : ''}` } : null;
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

/** The users of some sides (null: every user). */
function sideMask(space: UserSpace, sides: readonly Side[]): UserSet | null {
    return sides.length === SIDES.length ? null : space.side(sides[0] === 'external');
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
    const space = userSpace(index);
    const reach = new ReachMap(space);
    const everyone: Target = { index, reach, space, side: null };
    const doubts: string[] = [];
    const sideDoubts: Partial<Record<Side, string[]>> = {};
    const userDoubts = new Map<number, string[]>();

    if (mode === 'all') {
        permissionGrants(facts, everyone, doubts);
    }
    ownershipGrants(facts, everyone, doubts);
    for (const group of facts.groups) {
        const side = group[0] as (typeof group)[number];
        const target: Target = { index, reach, space, side: sideMask(space, group.map((g) => g.side)) };
        hierarchyGrants(facts, side, target, doubts);
        shareRowGrants(facts, side, target, doubts);
        territoryGrants(facts, side, target, doubts);
        // The account owner's level depends on each side's own default (Public Read/Write: not applicable).
        for (const own of group) {
            childImplicitGrants(facts, own, group.length > 1 ? { ...target, side: sideMask(space, [own.side]) } : target, doubts);
        }
    }
    if (object === 'Account') {
        parentImplicitGrants(sweep, facts, everyone, depth, stack, doubts);
    }
    experienceGrants(facts, everyone, userDoubts);
    const setsUnknown = sharingSetsUnknown(index);
    if (setsUnknown) {
        // Help "Sharing Sets": sharing-set access is computed from setup metadata, never stored as share rows.
        const owner = index.user(str(hit.row.OwnerId));
        const shareGroups = owner && index.classification(str(owner.Id)).highVolume ? `, and, as the owner ${labelOf(owner)} is a high-volume user, members of a share group (internal users too)` : '';
        doubts.push(`${setsUnknown}: external users of the profiles a sharing set lists could also reach this record through one${shareGroups}`);
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
    const truncated = index.snapshot.meta.truncated ?? [];
    for (const t of truncated) {
        doubts.push(`${t.table} was cut at ${t.limit} rows (${t.reason}): users it would reach may be missing`);
    }
    // A targeted collection's caps reached and tables it could not read (scope.ts), as explain's layers take them;
    // a cut already said above is not repeated.
    for (const reason of scopeGapReasons(index)) {
        if (!truncated.some((t) => t.reason === reason)) {
            doubts.push(`the evidence for this record is incomplete: ${reason}`);
        }
    }
    return new Audience({ facts, mode, reach, doubts: [...new Set(doubts)], defaults, sideDoubts, userDoubts });
}

/** What one master passes down, as access bits (`throughMaster`, controlledByParent.ts). */
interface Passed {
    bits: number;
    doubt?: string;
}

/** `throughMaster` on access bits: the engine's rule for one master field, memoised per bits value (32 of them). */
function throughMasterBits(field: MasterField, standard: boolean): (bits: number) => Passed {
    const memo: (Passed | undefined)[] = [];
    return (bits) => {
        let passed = memo[bits];
        if (!passed) {
            const r = throughMaster(flagsOfBits(bits), field, standard);
            passed = r.doubt ? { bits: bitsOfFlags(r.flags), doubt: r.doubt } : { bits: bitsOfFlags(r.flags) };
            memo[bits] = passed;
        }
        return passed;
    };
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
        return { default: { label, constant: bits, bits: () => bits, ref: () => ref }, doubts: [] };
    }
    const { fields, standard, problem } = masterFieldsOf(index, object);
    if (problem) {
        return { doubts: [`${object} is Controlled by Parent, but ${problem}`] };
    }
    const parents: { audience: Audience; name: string; pass: (bits: number) => Passed }[] = [];
    const doubts: string[] = [];
    for (const field of fields) {
        const parentId = str(row[field.name]);
        if (!parentId) {
            continue;
        }
        if (!index.byId(parentId)) {
            doubts.push(`the parent record ${parentId} (${field.name}) is not in the snapshot`);
            return { doubts };
        }
        const audience = relatedAudience(sweep, parentId, 'all', depth + 1, stack);
        if (!audience) {
            doubts.push(stack.has(parentId) ? `a circular parent/child chain through ${index.name(parentId)} was cut` : `the parent chain is deeper than ${MAX_DEPTH} levels`);
            return { doubts };
        }
        const name = `${audience.object} ${index.name(parentId)}`;
        parents.push({ audience, name, pass: throughMasterBits(field, standard) });
        for (const d of audience.doubts) {
            doubts.push(`parent ${name}: ${d}`);
        }
    }
    if (!parents.length) {
        return { doubts };
    }
    // Each master must satisfy its own field's Sharing Setting; a standard child's account is read without View All / Modify All on Account.
    const through = (u: number): Passed => {
        let bits = ALL;
        let doubt: string | undefined;
        for (const p of parents) {
            const passed = p.pass(standard ? p.audience.accessWithoutObjectGrants(u) : p.audience.access(u));
            bits &= passed.bits;
            doubt = doubt ?? passed.doubt;
        }
        return doubt ? { bits, doubt } : { bits };
    };
    const reason = (userId: string): string =>
        `${object} is Controlled by Parent: access follows ${parents
            .map((p) => {
                const top = p.audience.topReason(p.audience.space.numberOf(userId));
                return `${p.name}${top ? ` (${top.text})` : ''}`;
            })
            .join(' and ')}`;
    const refOf = (passed: Passed): GrantRef => makeRef('orgWideDefaults', passed.bits, reason, passed.doubt ? [passed.doubt] : undefined);
    // Users a parent reaches get the parent's access as a grant of their own; everyone else, the parents' defaults.
    const space = userSpace(index);
    const reached = space.empty();
    for (const p of parents) {
        reached.addAll(p.audience.reach.reached());
    }
    const ofSide = space.side(side === 'external');
    // Users grouped by what passes down (and the doubt with it): one grant per group, kept as a set.
    const byPassed = new Map<string, Map<number, UserSet>>();
    reached.and(ofSide).forEach((u) => {
        const passed = through(u);
        if (passed.bits) {
            const doubt = passed.doubt ?? '';
            let byBits = byPassed.get(doubt);
            if (!byBits) {
                byBits = new Map();
                byPassed.set(doubt, byBits);
            }
            let users = byBits.get(passed.bits);
            if (!users) {
                users = space.empty();
                byBits.set(passed.bits, users);
            }
            users.add(u);
        }
    });
    for (const [doubt, byBits] of byPassed) {
        for (const [bits, users] of byBits) {
            reach.addAll(users, refOf(doubt ? { bits, doubt } : { bits }));
        }
    }
    if (!parents.every((p) => p.audience.defaultOf(side))) {
        return { doubts };
    }
    const label = `Controlled by Parent: ${parents.map((p) => `${p.name} ${p.audience.defaultOf(side)?.label ?? ''}`.trim()).join(' and ')}`;
    const mayDoubt = !standard && fields.some((f) => f.writeRequiresMasterRead === undefined);
    return {
        default: {
            label,
            ...(mayDoubt ? { mayDoubt } : {}),
            bits: (u) => (reached.has(u) ? 0 : through(u).bits),
            ref: (u) => refOf(through(u))
        },
        doubts
    };
}

/** A child that can open its account to a user: its record-level audience, or its owner when Controlled by Parent. */
interface Opener {
    label: string;
    cbp: boolean;
    ownerId: string;
    audience: Audience | null;
    /** The users of the side(s) this child's sharing model was read for (null: both). */
    side: UserSet | null;
}

/**
 * Parent implicit sharing on an account (seed 002, layerImplicit.ts): Read for the owner of one
 * of its contracts or orders (or a member of the owning queue), and for anyone with record-level
 * Read on one of its contacts, opportunities or cases (for a Controlled by Parent child, its owner).
 */
function parentImplicitGrants(sweep: Sweep, facts: RecordFacts, t: Target, depth: number, stack: ReadonlySet<string>, doubts: string[]): void {
    const { index, recordId } = facts;
    const { space, reach } = t;
    for (const owned of ['Contract', 'Order']) {
        for (const row of index.rowsWhere(owned, 'AccountId', recordId)) {
            const ownerId = str(row.OwnerId);
            const owner = index.byId(ownerId);
            const ref = makeRef('implicitSharing', READ, () => `owns ${owned.toLowerCase()} ${labelOf(row)} on this account (parent implicit Read)`);
            if (owner?.table === 'User') {
                reach.add(space.numberOf(ownerId), ref);
            } else if (owner?.table === 'Group' && str(owner.row.Type) === 'Queue') {
                reach.addAll(usersOfGroup(index, ownerId), ref);
            }
        }
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
        const models = SIDES.map((side) => ({ side, cbp: childSharingModel(index, child, side === 'external') === 'ControlledByParent' }));
        const passes = models[0]?.cbp === models[1]?.cbp ? [{ cbp: models[0]?.cbp === true, side: null }] : models.map((m) => ({ cbp: m.cbp, side: space.side(m.side === 'external') }));
        for (const pass of passes) {
            for (const row of rows.slice(0, IMPLICIT_CHILD_LIMIT)) {
                openers.push({
                    label: `${child.toLowerCase()} ${labelOf(row)}`,
                    cbp: pass.cbp,
                    ownerId: str(row.OwnerId),
                    audience: pass.cbp ? null : relatedAudience(sweep, str(row.Id), 'recordLevel', depth + 1, stack),
                    side: pass.side
                });
            }
        }
    }
    const inSide = (o: Opener, u: number): boolean => u >= 0 && (!o.side || o.side.has(u));
    const opens = (o: Opener, u: number): boolean =>
        inSide(o, u) && (o.cbp ? space.numberOf(o.ownerId) === u : !!o.audience && (o.audience.access(u) & READ) !== 0);
    const users = space.empty();
    for (const o of openers) {
        if (o.cbp) {
            const owner = space.numberOf(o.ownerId);
            if (inSide(o, owner)) {
                users.add(owner);
            }
        } else if (o.audience) {
            // Every grant gives Read, so a user the child's audience reaches can read it unless a gate says no.
            const child = o.audience;
            child.reach.forEachUser((u) => {
                if (!users.has(u) && inSide(o, u) && child.gate(u, READ) & READ) {
                    users.add(u);
                }
            });
        }
    }
    const ref = makeRef('implicitSharing', READ, (userId) => {
        const u = space.numberOf(userId);
        const o = openers.find((x) => opens(x, u));
        return o ? `${o.cbp ? 'owns' : 'can read'} ${o.label} of this account (parent implicit Read)` : 'can read a contact, opportunity or case of this account (parent implicit Read)';
    });
    reach.addAll(users, ref);
}
