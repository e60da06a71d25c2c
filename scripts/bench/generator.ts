/**
 * Synthetic org generator for the benchmark: a seeded, deterministic Salesforce org in the
 * engine's Snapshot format (lwc-src/lwc/accessXrayEngine/types.ts), from 1 k users / 10 k
 * share rows to 100 k users / 1 M share rows.
 *
 * What it contains (API names and values from ../../../shared/docs/api-vocabulary.md and
 * access-semantics.md):
 * - Users of five kinds, in a controllable mix: internal (`UserType` Standard, licence
 *   Salesforce), Partner Community (`PowerPartner`), Customer Community Plus
 *   (`PowerCustomerSuccess`), high-volume Customer Community (`CspLitePortal`, no role, no
 *   groups — seed 004), each external user with a Contact on an account.
 * - An internal role hierarchy `roleDepth` (≥ 10) levels deep; three portal roles
 *   (Executive / Manager / User, `PortalType` Partner or CustomerPortal) per partner and
 *   customer account, under the account owner's role (access-semantics §4).
 * - Groups: Organization, PRMOrganization, AllCustomerPortal; Role / RoleAndSubordinates /
 *   RoleAndSubordinatesInternal per internal role and Role / RoleAndSubordinates per portal role
 *   (members derived, never in GroupMember — Group Maintenance Tables); public groups nested
 *   as a tree, some containing role groups; queues.
 * - Enterprise Territory Management: one Active and one Planning `Territory2Model`,
 *   a territory tree, user and account associations, Territory groups.
 * - Profiles (owned permission sets), custom permission sets, assignments (a few expired),
 *   ObjectPermissions and FieldPermissions.
 * - Records: Account, Contact, Case, Opportunity and the custom object Project__c.
 * - Share rows spread over AccountShare, OpportunityShare, CaseShare and Project__Share with
 *   the RowCauses those tables document: Owner, Rule (from criteria sharing rules defined in
 *   metadata.SharingRules), Manual, Team (with the matching AccountTeamMember /
 *   OpportunityTeamMember / CaseTeamMember rows), Territory (AccountShare, to the territory
 *   group), ImplicitParent (AccountShare), RelatedPortalUser (CaseShare, the case contact's
 *   user) and an Apex sharing reason `Project_Access__c` (custom share table only).
 * - Optional UserRecordAccess rows for owner/record pairs (owner ⇒ MaxAccessLevel All, given
 *   the owner's profile grants full CRUD on the object, which every internal profile here does).
 *
 * Every random choice is a pure function of (seed, stream, index) (./random.ts), so each
 * table is produced row by row on demand (`rows(table)` is a generator) and a 1 M-row share
 * table never needs to exist in memory to be written to disk.
 */
import type {
    ObjectDescribe,
    RestrictionRuleDefinition,
    Row,
    Setting,
    SharingRuleDefinition,
    SharingSetDefinition,
    Snapshot,
    SnapshotMeta
} from '../../lwc-src/lwc/accessXrayEngine/types';
import { RandomStream } from './random';

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/** Fractions of users of each kind; they must add up to 1. */
export interface UserMix {
    internal: number;
    partner: number;
    customerPlus: number;
    highVolume: number;
}

export interface OrgConfig {
    seed: number;
    users: number;
    /** Total rows over AccountShare, OpportunityShare, CaseShare and Project__Share. */
    shareRows: number;
    mix: UserMix;
    /** Levels of the internal role hierarchy (CEO = level 1). */
    roleDepth: number;
    /** UserRecordAccess rows to include (owner/record pairs); 0 for none. */
    userRecordAccessRows: number;
}

export type SizeName = 'tiny' | 'small' | 'medium' | 'large';

/** The benchmark sizes: users and share rows grow together, tenfold per step. */
export const SIZES: Readonly<Record<SizeName, { users: number; shareRows: number }>> = {
    tiny: { users: 200, shareRows: 2_000 },
    small: { users: 1_000, shareRows: 10_000 },
    medium: { users: 10_000, shareRows: 100_000 },
    large: { users: 100_000, shareRows: 1_000_000 }
};

export const DEFAULT_MIX: Readonly<UserMix> = { internal: 0.7, partner: 0.1, customerPlus: 0.05, highVolume: 0.15 };
export const DEFAULT_SEED = 20261123;

export class BenchConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'BenchConfigError';
    }
}

export function isSizeName(value: string): value is SizeName {
    return Object.prototype.hasOwnProperty.call(SIZES, value);
}

/** The configuration of a named size, with optional overrides. */
export function configFor(size: SizeName, overrides: Partial<OrgConfig> = {}): OrgConfig {
    return {
        seed: DEFAULT_SEED,
        ...SIZES[size],
        mix: { ...DEFAULT_MIX },
        roleDepth: 12,
        userRecordAccessRows: 0,
        ...overrides
    };
}

/** Throws BenchConfigError naming the first bad value. */
export function validateConfig(config: OrgConfig): void {
    const int = (name: string, value: number, min: number, max: number): void => {
        if (!Number.isInteger(value) || value < min || value > max) {
            throw new BenchConfigError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
        }
    };
    int('seed', config.seed, 0, 0xffffffff);
    int('users', config.users, 100, 1_000_000);
    int('shareRows', config.shareRows, 1_000, 10_000_000);
    int('roleDepth', config.roleDepth, 10, 50);
    int('userRecordAccessRows', config.userRecordAccessRows, 0, 1_000_000);
    const m = config.mix;
    for (const [k, v] of Object.entries(m)) {
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
            throw new BenchConfigError(`mix.${k} must be a fraction from 0 to 1, got ${String(v)}`);
        }
    }
    const sum = m.internal + m.partner + m.customerPlus + m.highVolume;
    if (Math.abs(sum - 1) > 1e-9) {
        throw new BenchConfigError(`mix fractions must add up to 1, they add up to ${sum}`);
    }
    if (Math.round(config.users * m.internal) < 20) {
        throw new BenchConfigError(`the org needs at least 20 internal users (users × mix.internal), got ${Math.round(config.users * m.internal)}`);
    }
}

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 18-character form of a 15-character id: for each 5-character chunk, one suffix letter
 * whose bits say which characters are upper case (Knowledge "What are Salesforce IDs composed
 * of?"). Kept here rather than imported from the engine so the generator has no runtime
 * dependency on LWC modules; tests/bench checks it against the engine's toId18.
 */
export function toId18(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(chunk * 5 + i);
            if (c >= 65 && c <= 90) bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return id15 + suffix;
}

/** Key prefixes (Object Reference; custom objects get an `a0x` prefix in a real org). */
export const KEY_PREFIX = {
    Organization: '00D',
    User: '005',
    UserRole: '00E',
    Profile: '00e',
    UserLicense: '100',
    Group: '00G',
    GroupMember: '011',
    PermissionSet: '0PS',
    PermissionSetAssignment: '0Pa',
    ObjectPermissions: '110',
    FieldPermissions: '01k',
    Territory2Model: '0MA',
    Territory2: '0MI',
    UserTerritory2Association: '0R0',
    ObjectTerritory2Association: '0R1',
    Account: '001',
    Contact: '003',
    Case: '500',
    Opportunity: '006',
    Project__c: 'a01',
    AccountShare: '00r',
    CaseShare: '01o',
    OpportunityShare: '00t',
    Project__Share: '02c',
    AccountTeamMember: '01M',
    OpportunityTeamMember: '00q',
    CaseTeamMember: '0B6',
    CaseTeamRole: '0B7'
} as const;

export type KeyPrefixTable = keyof typeof KEY_PREFIX;

/** 18-character id: prefix + pod "B0" + reserved "0" + index in base 62 (9 places) + case-safe suffix. */
export function syntheticId(table: KeyPrefixTable, index: number): string {
    let n = index;
    let digits = '';
    for (let i = 0; i < 9; i++) {
        digits = BASE62.charAt(n % 62) + digits;
        n = Math.floor(n / 62);
    }
    return toId18(`${KEY_PREFIX[table]}B00${digits}`);
}

// ---------------------------------------------------------------------------
// The plan: counts and index arithmetic derived from the configuration
// ---------------------------------------------------------------------------

export type UserKindName = 'internal' | 'partner' | 'customerPlus' | 'highVolume';
export type BenchObject = 'Account' | 'Opportunity' | 'Case' | 'Project__c';
export const BENCH_OBJECTS: readonly BenchObject[] = ['Account', 'Opportunity', 'Case', 'Project__c'];

/** Share of the share-row budget per object. */
const SHARE_WEIGHTS: Readonly<Record<BenchObject, number>> = { Account: 0.35, Opportunity: 0.25, Case: 0.2, Project__c: 0.2 };
const SHARE_TABLE: Readonly<Record<BenchObject, 'AccountShare' | 'OpportunityShare' | 'CaseShare' | 'Project__Share'>> = {
    Account: 'AccountShare',
    Opportunity: 'OpportunityShare',
    Case: 'CaseShare',
    Project__c: 'Project__Share'
};
/** Extra share rows per record beyond the owner row: uniform 0..MAX_EXTRA (mean 4). */
const MAX_EXTRA = 8;
const USERS_PER_PORTAL_ACCOUNT = 5;
const USERS_PER_HV_ACCOUNT = 10;
const SEGMENTS = ['Enterprise', 'Mid-Market', 'SMB', 'Public Sector'] as const;
const RULES_PER_OBJECT = 12;
const PLANNING_TERRITORIES = 5;
const TERRITORY_DEPTH = 5;
export const COLLECTED_AT = '2026-11-23T12:00:00.000Z';

const PROFILES = [
    { name: 'System Administrator', licence: 0 },
    { name: 'Standard User', licence: 0 },
    { name: 'Sales User', licence: 0 },
    { name: 'Partner Community User', licence: 1 },
    { name: 'Customer Community Plus User', licence: 2 },
    { name: 'Customer Community User', licence: 3 }
] as const;
const LICENCES = ['Salesforce', 'Partner Community', 'Customer Community Plus', 'Customer Community'] as const;
const USER_TYPES: Readonly<Record<UserKindName, string>> = {
    internal: 'Standard',
    partner: 'PowerPartner',
    customerPlus: 'PowerCustomerSuccess',
    highVolume: 'CspLitePortal'
};

type Crud = 'R' | 'RC' | 'RCE' | 'RCED' | 'ALL' | '';
/** Object permissions of each profile's owned permission set, per object. */
const PROFILE_CRUD: readonly Readonly<Record<BenchObject | 'Contact', Crud>>[] = [
    { Account: 'ALL', Opportunity: 'ALL', Case: 'ALL', Project__c: 'ALL', Contact: 'ALL' },
    { Account: 'RCED', Opportunity: 'RCED', Case: 'RCED', Project__c: 'RCED', Contact: 'RCED' },
    { Account: 'RCED', Opportunity: 'RCED', Case: 'RCED', Project__c: 'RCED', Contact: 'RCED' },
    { Account: 'R', Opportunity: 'RCE', Case: 'RCE', Project__c: 'R', Contact: 'RCE' },
    { Account: 'R', Opportunity: '', Case: 'RCE', Project__c: '', Contact: 'RCE' },
    { Account: 'R', Opportunity: '', Case: 'RCE', Project__c: '', Contact: 'R' }
];

interface ObjectPlan {
    object: BenchObject;
    shareTable: string;
    budget: number;
    records: number;
    /** Share rows of the last record (it takes what is left of the budget). */
    lastRecordRows: number;
}

export interface OrgPlan {
    users: number;
    internal: number;
    partner: number;
    customerPlus: number;
    highVolume: number;
    internalRoles: number;
    partnerAccounts: number;
    customerAccounts: number;
    highVolumeAccounts: number;
    portalRoles: number;
    publicGroups: number;
    queues: number;
    territories: number;
    customPermissionSets: number;
    objects: Readonly<Record<BenchObject, ObjectPlan>>;
    /** First index of each kind of group in the Group table. */
    groupBase: { roles: number; portalRoles: number; territories: number; publicGroups: number; queues: number; total: number };
}

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

interface ShareSpec {
    cause: string;
    granteeId: string;
    level: 'Read' | 'Edit' | 'All';
    /** AccountShare child levels. */
    child?: { opportunity: string; case: string; contact: string };
    /** Team rows: the team member's user id and role. */
    teamRole?: string;
}

interface RuleTarget {
    definition: SharingRuleDefinition;
    groupIndex: number;
    segment: number;
    level: 'Read' | 'Edit';
}

export class SyntheticOrg {
    readonly config: OrgConfig;
    readonly plan: OrgPlan;
    private readonly rules: Readonly<Record<BenchObject, RuleTarget[]>>;
    private readonly rulesBySegment: Readonly<Record<BenchObject, RuleTarget[][]>>;

    constructor(config: OrgConfig) {
        validateConfig(config);
        this.config = config;
        this.plan = this.makePlan();
        this.rules = {
            Account: this.makeRules('Account'),
            Opportunity: this.makeRules('Opportunity'),
            Case: this.makeRules('Case'),
            Project__c: this.makeRules('Project__c')
        };
        const bySegment = (rules: RuleTarget[]): RuleTarget[][] => SEGMENTS.map((_, i) => rules.filter((t) => t.segment === i));
        this.rulesBySegment = {
            Account: bySegment(this.rules.Account),
            Opportunity: bySegment(this.rules.Opportunity),
            Case: bySegment(this.rules.Case),
            Project__c: bySegment(this.rules.Project__c)
        };
    }

    private readonly streams = new Map<string, RandomStream>();

    /** The named random stream (cached: building one hashes its name). */
    private rnd(stream: string): RandomStream {
        let s = this.streams.get(stream);
        if (!s) {
            s = new RandomStream(this.config.seed, stream);
            this.streams.set(stream, s);
        }
        return s;
    }

    private makePlan(): OrgPlan {
        const c = this.config;
        const internal = Math.round(c.users * c.mix.internal);
        const partner = Math.round(c.users * c.mix.partner);
        const customerPlus = Math.round(c.users * c.mix.customerPlus);
        const highVolume = c.users - internal - partner - customerPlus;
        if (highVolume < 0) {
            throw new BenchConfigError('mix rounds to more users than configured; adjust the fractions');
        }
        const internalRoles = Math.max(2 * c.roleDepth, Math.ceil(internal / 25));
        const partnerAccounts = Math.ceil(partner / USERS_PER_PORTAL_ACCOUNT);
        const customerAccounts = Math.ceil(customerPlus / USERS_PER_PORTAL_ACCOUNT);
        const highVolumeAccounts = Math.ceil(highVolume / USERS_PER_HV_ACCOUNT);
        const portalRoles = 3 * (partnerAccounts + customerAccounts);
        const publicGroups = Math.max(10, Math.ceil(c.users / 250));
        const queues = Math.max(3, Math.ceil(c.users / 5000));
        const territories = Math.max(15, Math.ceil(c.users / 250));
        const customPermissionSets = Math.max(10, Math.min(200, Math.ceil(c.users / 500)));

        const objects = {} as Record<BenchObject, ObjectPlan>;
        let assigned = 0;
        BENCH_OBJECTS.forEach((object, i) => {
            const budget = i === BENCH_OBJECTS.length - 1 ? c.shareRows - assigned : Math.round(c.shareRows * SHARE_WEIGHTS[object]);
            assigned += budget;
            const extra = this.rnd(`${object}.extra`);
            let rows = 0;
            let records = 0;
            let lastRecordRows = 0;
            while (rows < budget) {
                const want = 1 + extra.int(records, 0, MAX_EXTRA + 1);
                lastRecordRows = Math.min(want, budget - rows);
                rows += lastRecordRows;
                records++;
            }
            objects[object] = { object, shareTable: SHARE_TABLE[object], budget, records, lastRecordRows };
        });
        const minAccounts = partnerAccounts + customerAccounts + highVolumeAccounts + 10;
        if (objects.Account.records < minAccounts) {
            throw new BenchConfigError(
                `shareRows ${c.shareRows} gives only ${objects.Account.records} accounts, but ${c.users} users need ${minAccounts} (portal and customer accounts); raise shareRows or lower users`
            );
        }
        const base = { roles: 3, portalRoles: 0, territories: 0, publicGroups: 0, queues: 0, total: 0 };
        base.portalRoles = base.roles + 3 * internalRoles;
        base.territories = base.portalRoles + 2 * portalRoles;
        base.publicGroups = base.territories + 2 * territories;
        base.queues = base.publicGroups + publicGroups;
        base.total = base.queues + queues;
        return {
            users: c.users,
            internal,
            partner,
            customerPlus,
            highVolume,
            internalRoles,
            partnerAccounts,
            customerAccounts,
            highVolumeAccounts,
            portalRoles,
            publicGroups,
            queues,
            territories,
            customPermissionSets,
            objects,
            groupBase: base
        };
    }

    // ---- structure (index arithmetic) ---------------------------------------

    userKind(u: number): UserKindName {
        const p = this.plan;
        if (u < p.internal) return 'internal';
        if (u < p.internal + p.partner) return 'partner';
        if (u < p.internal + p.partner + p.customerPlus) return 'customerPlus';
        return 'highVolume';
    }

    /** Level of an internal role: 0 for the top role, then 1 .. roleDepth-1 in rotation. */
    roleLevel(r: number): number {
        return r === 0 ? 0 : 1 + ((r - 1) % (this.config.roleDepth - 1));
    }

    /** Parent of an internal role: a random role one level up with a smaller index (a tree, no cycles). */
    roleParent(r: number): number | null {
        if (r === 0) return null;
        const level = this.roleLevel(r);
        if (level === 1) return 0;
        const width = this.config.roleDepth - 1;
        const k = Math.floor((r - 1) / width);
        const kParent = this.rnd('role.parent').int(r, 0, k + 1);
        return 1 + (level - 2) + kParent * width;
    }

    /** Internal role of an internal user (user u < roles holds role u, so every role has a holder). */
    internalRoleOf(u: number): number {
        return u % this.plan.internalRoles;
    }

    /** Account index of an external user. */
    accountOfUser(u: number): number {
        const p = this.plan;
        const kind = this.userKind(u);
        if (kind === 'partner') return Math.floor((u - p.internal) / USERS_PER_PORTAL_ACCOUNT);
        if (kind === 'customerPlus') return p.partnerAccounts + Math.floor((u - p.internal - p.partner) / USERS_PER_PORTAL_ACCOUNT);
        if (kind === 'highVolume') {
            return p.partnerAccounts + p.customerAccounts + Math.floor((u - p.internal - p.partner - p.customerPlus) / USERS_PER_HV_ACCOUNT);
        }
        return -1;
    }

    /** Portal role index (0..portalRoles-1) of a partner / CC+ user: Executive, Manager, then User. */
    portalRoleOf(u: number): number {
        const p = this.plan;
        const kind = this.userKind(u);
        const offset = kind === 'partner' ? u - p.internal : u - p.internal - p.partner;
        const slot = Math.min(offset % USERS_PER_PORTAL_ACCOUNT, 2);
        return 3 * this.accountOfUser(u) + slot;
    }

    /** Contact index of an external user (contacts exist for external users only). */
    contactOfUser(u: number): number {
        return u - this.plan.internal;
    }

    roleId(r: number): string {
        return syntheticId('UserRole', r);
    }

    portalRoleId(p: number): string {
        return syntheticId('UserRole', this.plan.internalRoles + p);
    }

    userId(u: number): string {
        return syntheticId('User', u);
    }

    groupId(g: number): string {
        return syntheticId('Group', g);
    }

    recordId(object: BenchObject | 'Contact', i: number): string {
        return syntheticId(object, i);
    }

    /** A random active internal user other than the admin (owners, team members, manual shares). */
    private internalUser(stream: RandomStream, i: number, slot: number): number {
        return 1 + stream.int(i, slot, this.plan.internal - 1);
    }

    accountOwner(a: number): number {
        return this.internalUser(this.rnd('Account.owner'), a, 0);
    }

    accountTerritory(a: number): number {
        const r = this.rnd('Account.territory');
        return r.chance(a, 0, 0.3) ? r.int(a, 1, this.plan.territories) : -1;
    }

    segmentOf(object: BenchObject, i: number): number {
        return this.rnd(`${object}.segment`).int(i, 0, SEGMENTS.length);
    }

    /** Owner of a record: a user id, or a queue id for some cases. */
    ownerOf(object: BenchObject, i: number): string {
        if (object === 'Account') return this.userId(this.accountOwner(i));
        const r = this.rnd(`${object}.owner`);
        if (object === 'Case' && r.chance(i, 1, 0.1)) {
            return this.groupId(this.plan.groupBase.queues + r.int(i, 2, this.plan.queues));
        }
        return this.userId(this.internalUser(r, i, 0));
    }

    private caseContactUser(i: number): number {
        const p = this.plan;
        const r = this.rnd('Case.contact');
        // A quarter of the cases are raised by an external user (partner, CC+ or high-volume).
        if (!r.chance(i, 0, 0.25) || p.users === p.internal) return -1;
        return p.internal + r.int(i, 1, p.users - p.internal);
    }

    private caseAccount(i: number): number {
        const u = this.caseContactUser(i);
        return u >= 0 ? this.accountOfUser(u) : this.rnd('Case.account').int(i, 0, this.plan.objects.Account.records);
    }

    private recordAccount(object: BenchObject, i: number): number {
        if (object === 'Case') return this.caseAccount(i);
        return this.rnd(`${object}.account`).int(i, 0, this.plan.objects.Account.records);
    }

    private makeRules(object: BenchObject): RuleTarget[] {
        const r = this.rnd(`${object}.rules`);
        const out: RuleTarget[] = [];
        for (let j = 0; j < RULES_PER_OBJECT; j++) {
            const segment = j % SEGMENTS.length;
            const level: 'Read' | 'Edit' = j % 2 === 0 ? 'Read' : 'Edit';
            const toRole = j % 3 === 0;
            let groupIndex: number;
            let sharedTo: SharingRuleDefinition['sharedTo'];
            if (toRole) {
                const role = 1 + r.int(j, 0, Math.min(this.plan.internalRoles - 1, 3 * (this.config.roleDepth - 1)));
                groupIndex = this.plan.groupBase.roles + 3 * role + 2;
                sharedTo = { roleAndSubordinatesInternal: roleDeveloperName(role) };
            } else {
                const g = r.int(j, 1, this.plan.publicGroups);
                groupIndex = this.plan.groupBase.publicGroups + g;
                sharedTo = { group: publicGroupDeveloperName(g) };
            }
            const segmentName = SEGMENTS[segment] as string;
            const definition: SharingRuleDefinition = {
                object,
                kind: 'criteria',
                fullName: `${object}.${segmentName.replace(/[^A-Za-z]/g, '_')}_${level}_${j}`,
                label: `${segmentName} ${object === 'Project__c' ? 'projects' : object.toLowerCase() + 's'} (${level}) ${j}`,
                accessLevel: level,
                sharedTo,
                criteriaItems: [{ field: 'Segment__c', operation: 'equals', value: segmentName }],
                includeRecordsOwnedByAll: true
            };
            if (object === 'Account') {
                definition.accountSettings = { caseAccessLevel: 'Read', contactAccessLevel: 'Read', opportunityAccessLevel: 'None' };
            }
            out.push({ definition, groupIndex, segment, level });
        }
        return out;
    }

    /** The share rows of one record (owner row first); a pure function of the record index. */
    private sharesOf(object: BenchObject, i: number): ShareSpec[] {
        const plan = this.plan.objects[object];
        const extraStream = this.rnd(`${object}.extra`);
        const count = i === plan.records - 1 ? plan.lastRecordRows : 1 + extraStream.int(i, 0, MAX_EXTRA + 1);
        const r = this.rnd(`${object}.shares`);
        const level = (slot: number): 'Read' | 'Edit' => (r.chance(i, 100 + slot, 0.5) ? 'Read' : 'Edit');
        const fullChild = { opportunity: 'Edit', case: 'Edit', contact: 'Edit' };
        const out: ShareSpec[] = [{ cause: 'Owner', granteeId: this.ownerOf(object, i), level: 'All', child: fullChild }];
        const segment = this.segmentOf(object, i);
        const rulesForSegment = this.rulesBySegment[object][segment] as RuleTarget[];
        let rulesUsed = 0;
        let territoryUsed = false;
        let portalUsed = false;
        const causes = CAUSE_MENU[object];
        for (let slot = 1; slot < count; slot++) {
            let cause = causes.names[r.weighted(i, slot, causes.weights)] as string;
            if (cause === 'Rule' && rulesUsed >= rulesForSegment.length) cause = 'Manual';
            if (cause === 'Territory') {
                const t = object === 'Account' ? this.accountTerritory(i) : -1;
                if (t < 0 || territoryUsed) {
                    cause = 'Manual';
                } else {
                    territoryUsed = true;
                    out.push({
                        cause,
                        granteeId: this.groupId(this.plan.groupBase.territories + 2 * t),
                        level: 'Edit',
                        child: { opportunity: 'Read', case: 'Read', contact: 'Read' }
                    });
                    continue;
                }
            }
            if (cause === 'RelatedPortalUser') {
                const u = this.caseContactUser(i);
                const kind = u >= 0 ? this.userKind(u) : null;
                if (portalUsed || (kind !== 'customerPlus' && kind !== 'partner')) {
                    cause = 'Manual';
                } else {
                    portalUsed = true;
                    out.push({ cause, granteeId: this.userId(u), level: 'Edit' });
                    continue;
                }
            }
            switch (cause) {
                case 'Rule': {
                    const rule = rulesForSegment[rulesUsed++] as RuleTarget;
                    out.push({
                        cause,
                        granteeId: this.groupId(rule.groupIndex),
                        level: rule.level,
                        child: { opportunity: 'None', case: 'Read', contact: 'Read' }
                    });
                    break;
                }
                case 'Team': {
                    // Account and opportunity teams take internal and partner users (seed 000 step 10).
                    const partner = object !== 'Case' && this.plan.partner > 0 && r.chance(i, 200 + slot, 0.1);
                    const u = partner ? this.plan.internal + r.int(i, 300 + slot, this.plan.partner) : this.internalUser(r, i, 300 + slot);
                    const lvl = level(slot);
                    out.push({
                        cause,
                        granteeId: this.userId(u),
                        level: lvl,
                        child: { opportunity: 'Read', case: 'Read', contact: 'Read' },
                        teamRole: TEAM_ROLES[r.int(i, 400 + slot, TEAM_ROLES.length)] as string
                    });
                    break;
                }
                case 'ImplicitParent':
                    out.push({
                        cause,
                        granteeId: this.userId(this.internalUser(r, i, 300 + slot)),
                        level: 'Read',
                        child: { opportunity: 'None', case: 'None', contact: 'None' }
                    });
                    break;
                case 'Project_Access__c': {
                    const toGroup = r.chance(i, 500 + slot, 0.3);
                    const grantee = toGroup
                        ? this.groupId(this.plan.groupBase.publicGroups + r.int(i, 300 + slot, this.plan.publicGroups))
                        : this.userId(this.internalUser(r, i, 300 + slot));
                    out.push({ cause, granteeId: grantee, level: level(slot) });
                    break;
                }
                default: {
                    // Manual: mostly internal users, some partner users.
                    const partner = this.plan.partner > 0 && r.chance(i, 200 + slot, 0.1);
                    const u = partner ? this.plan.internal + r.int(i, 300 + slot, this.plan.partner) : this.internalUser(r, i, 300 + slot);
                    out.push({
                        cause: 'Manual',
                        granteeId: this.userId(u),
                        level: level(slot),
                        child: { opportunity: 'Read', case: 'Read', contact: 'None' }
                    });
                }
            }
        }
        return out;
    }

    // ---- tables ---------------------------------------------------------------

    /** Table names, in the order they are written. */
    tableNames(): string[] {
        const names = [
            'Organization',
            'EntityDefinition',
            'UserLicense',
            'Profile',
            'UserRole',
            'User',
            'Group',
            'GroupMember',
            'PermissionSet',
            'PermissionSetAssignment',
            'ObjectPermissions',
            'FieldPermissions',
            'Territory2Model',
            'Territory2',
            'UserTerritory2Association',
            'ObjectTerritory2Association',
            'CaseTeamRole',
            'Account',
            'Contact',
            'Opportunity',
            'Case',
            'Project__c',
            'AccountShare',
            'OpportunityShare',
            'CaseShare',
            'Project__Share',
            'AccountTeamMember',
            'OpportunityTeamMember',
            'CaseTeamMember'
        ];
        if (this.config.userRecordAccessRows > 0) names.push('UserRecordAccess');
        return names;
    }

    /** The rows of one table, generated one at a time. */
    *rows(table: string): Generator<Row> {
        switch (table) {
            case 'Organization':
                yield {
                    attributes: { type: 'Organization' },
                    Id: syntheticId('Organization', 0),
                    Name: this.orgName(),
                    DefaultAccountAccess: 'None',
                    DefaultContactAccess: 'ControlledByParent',
                    DefaultOpportunityAccess: 'None',
                    DefaultCaseAccess: 'None',
                    DefaultLeadAccess: 'None',
                    DefaultCampaignAccess: 'All',
                    DefaultPricebookAccess: 'ReadSelect',
                    DefaultCalendarAccess: 'HideDetailsInsert'
                };
                return;
            case 'EntityDefinition':
                for (const [name, prefix, internal, external] of [
                    ['Account', '001', 'None', 'None'],
                    ['Contact', '003', 'ControlledByParent', 'ControlledByParent'],
                    ['Opportunity', '006', 'None', 'None'],
                    ['Case', '500', 'None', 'None'],
                    ['Project__c', 'a01', 'Private', 'Private']
                ] as const) {
                    yield {
                        attributes: { type: 'EntityDefinition' },
                        QualifiedApiName: name,
                        KeyPrefix: prefix,
                        InternalSharingModel: internal,
                        ExternalSharingModel: external
                    };
                }
                return;
            case 'UserLicense':
                for (let l = 0; l < LICENCES.length; l++) {
                    yield { attributes: { type: 'UserLicense' }, Id: syntheticId('UserLicense', l), Name: LICENCES[l] };
                }
                return;
            case 'Profile':
                for (let p = 0; p < PROFILES.length; p++) {
                    const profile = PROFILES[p] as (typeof PROFILES)[number];
                    yield {
                        attributes: { type: 'Profile' },
                        Id: syntheticId('Profile', p),
                        Name: profile.name,
                        UserLicenseId: syntheticId('UserLicense', profile.licence),
                        UserType: p < 3 ? 'Standard' : USER_TYPES[(['partner', 'customerPlus', 'highVolume'] as const)[p - 3] as UserKindName]
                    };
                }
                return;
            case 'UserRole':
                yield* this.roleRows();
                return;
            case 'User':
                for (let u = 0; u < this.plan.users; u++) yield this.userRow(u);
                return;
            case 'Group':
                yield* this.groupRows();
                return;
            case 'GroupMember':
                yield* this.groupMemberRows();
                return;
            case 'PermissionSet':
                yield* this.permissionSetRows();
                return;
            case 'PermissionSetAssignment':
                yield* this.assignmentRows();
                return;
            case 'ObjectPermissions':
                yield* this.objectPermissionRows();
                return;
            case 'FieldPermissions':
                yield* this.fieldPermissionRows();
                return;
            case 'Territory2Model':
                yield { attributes: { type: 'Territory2Model' }, Id: syntheticId('Territory2Model', 0), Name: 'FY27 Sales', DeveloperName: 'FY27_Sales', State: 'Active' };
                yield { attributes: { type: 'Territory2Model' }, Id: syntheticId('Territory2Model', 1), Name: 'FY28 Draft', DeveloperName: 'FY28_Draft', State: 'Planning' };
                return;
            case 'Territory2':
                yield* this.territoryRows();
                return;
            case 'UserTerritory2Association': {
                const r = this.rnd('UserTerritory2Association');
                let n = 0;
                for (let u = 1; u < this.plan.internal; u++) {
                    if (!r.chance(u, 0, 0.2)) continue;
                    yield {
                        attributes: { type: 'UserTerritory2Association' },
                        Id: syntheticId('UserTerritory2Association', n++),
                        UserId: this.userId(u),
                        Territory2Id: syntheticId('Territory2', r.int(u, 1, this.plan.territories)),
                        RoleInTerritory2: r.chance(u, 2, 0.2) ? 'Territory Manager' : 'Sales Rep',
                        IsActive: true
                    };
                }
                return;
            }
            case 'ObjectTerritory2Association': {
                let n = 0;
                for (let a = 0; a < this.plan.objects.Account.records; a++) {
                    const t = this.accountTerritory(a);
                    if (t < 0) continue;
                    yield {
                        attributes: { type: 'ObjectTerritory2Association' },
                        Id: syntheticId('ObjectTerritory2Association', n++),
                        ObjectId: this.recordId('Account', a),
                        Territory2Id: syntheticId('Territory2', t),
                        AssociationCause: 'Territory2Manual',
                        SobjectType: 'Account'
                    };
                }
                return;
            }
            case 'CaseTeamRole':
                yield { attributes: { type: 'CaseTeamRole' }, Id: syntheticId('CaseTeamRole', 0), Name: 'Case Viewer', AccessLevel: 'Read' };
                yield { attributes: { type: 'CaseTeamRole' }, Id: syntheticId('CaseTeamRole', 1), Name: 'Case Editor', AccessLevel: 'Edit' };
                return;
            case 'Account':
            case 'Opportunity':
            case 'Case':
            case 'Project__c':
                for (let i = 0; i < this.plan.objects[table].records; i++) yield this.recordRow(table, i);
                return;
            case 'Contact':
                for (let u = this.plan.internal; u < this.plan.users; u++) yield this.contactRow(u);
                return;
            case 'AccountShare':
            case 'OpportunityShare':
            case 'CaseShare':
            case 'Project__Share':
                yield* this.shareRows(table);
                return;
            case 'AccountTeamMember':
            case 'OpportunityTeamMember':
            case 'CaseTeamMember':
                yield* this.teamRows(table);
                return;
            case 'UserRecordAccess':
                yield* this.userRecordAccessRows();
                return;
            default:
                throw new BenchConfigError(`unknown synthetic table ${table}`);
        }
    }

    orgName(): string {
        return `Synthetic org ${this.config.users} users / ${this.config.shareRows} share rows (seed ${this.config.seed})`;
    }

    private *roleRows(): Generator<Row> {
        const p = this.plan;
        for (let r = 0; r < p.internalRoles; r++) {
            const parent = this.roleParent(r);
            yield {
                attributes: { type: 'UserRole' },
                Id: this.roleId(r),
                Name: r === 0 ? 'CEO' : `Level ${this.roleLevel(r)} Role ${r}`,
                DeveloperName: roleDeveloperName(r),
                ParentRoleId: parent === null ? null : this.roleId(parent),
                PortalType: 'None',
                PortalRole: null,
                PortalAccountId: null,
                CaseAccessForAccountOwner: 'Edit',
                ContactAccessForAccountOwner: 'Edit',
                OpportunityAccessForAccountOwner: r % 4 === 0 ? 'Read' : 'Edit'
            };
        }
        for (let q = 0; q < p.portalRoles; q++) {
            const account = Math.floor(q / 3);
            const slot = q % 3;
            const partner = account < p.partnerAccounts;
            const parent = slot === 0 ? this.roleId(this.internalRoleOf(this.accountOwner(account))) : this.portalRoleId(q - 1);
            const portalRole = (['Executive', 'Manager', 'User'] as const)[slot] as string;
            yield {
                attributes: { type: 'UserRole' },
                Id: this.portalRoleId(q),
                Name: `${accountName(account)} ${partner ? 'Partner' : 'Customer'} ${portalRole}`,
                DeveloperName: `Portal_${account}_${portalRole}`,
                ParentRoleId: parent,
                PortalType: partner ? 'Partner' : 'CustomerPortal',
                PortalRole: portalRole,
                PortalAccountId: this.recordId('Account', account),
                CaseAccessForAccountOwner: 'None',
                ContactAccessForAccountOwner: 'None',
                OpportunityAccessForAccountOwner: 'None'
            };
        }
    }

    /** Profile index of a user: the admin, Standard or Sales User for internal users, the licence's profile otherwise. */
    profileOf(u: number): number {
        const kind = this.userKind(u);
        if (u === 0) return 0;
        if (kind === 'internal') return 1 + this.rnd('User').int(u, 0, 2);
        return kind === 'partner' ? 3 : kind === 'customerPlus' ? 4 : 5;
    }

    private userRow(u: number): Row {
        const kind = this.userKind(u);
        const r = this.rnd('User');
        const profile = this.profileOf(u);
        const profileDef = PROFILES[profile] as (typeof PROFILES)[number];
        const first = FIRST_NAMES[r.int(u, 1, FIRST_NAMES.length)] as string;
        const last = LAST_NAMES[r.int(u, 2, LAST_NAMES.length)] as string;
        const external = kind !== 'internal';
        let roleId: string | null = null;
        let managerId: string | null = null;
        if (kind === 'internal') {
            const role = this.internalRoleOf(u);
            roleId = this.roleId(role);
            const parent = this.roleParent(role);
            managerId = parent === null ? null : this.userId(parent < this.plan.internal ? parent : 0);
        } else if (kind !== 'highVolume') {
            roleId = this.portalRoleId(this.portalRoleOf(u));
        }
        return {
            attributes: { type: 'User' },
            Id: this.userId(u),
            Name: `${first} ${last} ${u}`,
            Username: `user${u}@synthetic.example`,
            UserType: USER_TYPES[kind],
            Department: kind === 'internal' ? (DEPARTMENTS[r.int(u, 3, DEPARTMENTS.length)] as string) : null,
            // About 1 % of internal users are deactivated (they keep their rows, as in a real org).
            IsActive: kind !== 'internal' || u === 0 || u % 97 !== 96,
            ProfileId: syntheticId('Profile', profile),
            Profile: { Name: profileDef.name, UserLicense: { Name: LICENCES[profileDef.licence] } },
            UserRoleId: roleId,
            ManagerId: managerId,
            ContactId: external ? this.recordId('Contact', this.contactOfUser(u)) : null,
            AccountId: external ? this.recordId('Account', this.accountOfUser(u)) : null
        };
    }

    private contactRow(u: number): Row {
        const account = this.accountOfUser(u);
        const user = this.userRow(u);
        return {
            attributes: { type: 'Contact' },
            Id: this.recordId('Contact', this.contactOfUser(u)),
            Name: String(user.Name),
            AccountId: this.recordId('Account', account),
            OwnerId: this.userId(this.accountOwner(account))
        };
    }

    private *groupRows(): Generator<Row> {
        const p = this.plan;
        const b = p.groupBase;
        const group = (g: number, name: string, developerName: string | null, type: string, relatedId: string | null, bosses: boolean): Row => ({
            attributes: { type: 'Group' },
            Id: this.groupId(g),
            Name: name,
            DeveloperName: developerName,
            Type: type,
            RelatedId: relatedId,
            DoesIncludeBosses: bosses
        });
        yield group(0, 'All Internal Users', 'AllInternalUsers', 'Organization', null, false);
        yield group(1, 'All Partner Users', 'AllPartnerUsers', 'PRMOrganization', null, false);
        yield group(2, 'All Customer Portal Users', 'AllCustomerPortal', 'AllCustomerPortal', null, false);
        for (let r = 0; r < p.internalRoles; r++) {
            const name = r === 0 ? 'CEO' : `Level ${this.roleLevel(r)} Role ${r}`;
            yield group(b.roles + 3 * r, name, null, 'Role', this.roleId(r), false);
            yield group(b.roles + 3 * r + 1, name, null, 'RoleAndSubordinates', this.roleId(r), false);
            yield group(b.roles + 3 * r + 2, name, null, 'RoleAndSubordinatesInternal', this.roleId(r), false);
        }
        for (let q = 0; q < p.portalRoles; q++) {
            const name = `Portal role ${q}`;
            yield group(b.portalRoles + 2 * q, name, null, 'Role', this.portalRoleId(q), false);
            yield group(b.portalRoles + 2 * q + 1, name, null, 'RoleAndSubordinates', this.portalRoleId(q), false);
        }
        for (let t = 0; t < p.territories; t++) {
            const tid = syntheticId('Territory2', t);
            yield group(b.territories + 2 * t, `Territory ${t}`, null, 'Territory', tid, false);
            yield group(b.territories + 2 * t + 1, `Territory ${t}`, null, 'TerritoryAndSubordinates', tid, false);
        }
        const r = this.rnd('Group');
        for (let g = 0; g < p.publicGroups; g++) {
            yield group(b.publicGroups + g, `Public Group ${g}`, publicGroupDeveloperName(g), 'Regular', null, r.chance(g, 0, 0.7));
        }
        for (let q = 0; q < p.queues; q++) {
            yield group(b.queues + q, `Support Queue ${q}`, `Support_Queue_${q}`, 'Queue', null, r.chance(q, 1, 0.5));
        }
    }

    private *groupMemberRows(): Generator<Row> {
        const p = this.plan;
        const b = p.groupBase;
        const r = this.rnd('GroupMember');
        let n = 0;
        const member = (groupIndex: number, memberId: string): Row => ({
            attributes: { type: 'GroupMember' },
            Id: syntheticId('GroupMember', n++),
            GroupId: this.groupId(groupIndex),
            UserOrGroupId: memberId
        });
        // Public groups nest as a ternary tree (group g is in group (g-1)/3), so nesting goes log3(groups) deep.
        for (let g = 1; g < p.publicGroups; g++) {
            yield member(b.publicGroups + Math.floor((g - 1) / 3), this.groupId(b.publicGroups + g));
        }
        // Every fifth public group also holds a role-and-subordinates group.
        for (let g = 0; g < p.publicGroups; g += 5) {
            const role = r.int(g, 0, p.internalRoles);
            yield member(b.publicGroups + g, this.groupId(b.roles + 3 * role + 1));
        }
        // Queues: a role group and eight internal users each.
        for (let q = 0; q < p.queues; q++) {
            yield member(b.queues + q, this.groupId(b.roles + 3 * r.int(q, 1, p.internalRoles)));
            for (let k = 0; k < 8; k++) {
                yield member(b.queues + q, this.userId(this.internalUser(r, q, 10 + k)));
            }
        }
        // Users: internal, partner and CC+ users in 0–2 public groups (high-volume users can't be: seed 003/004).
        for (let u = 1; u < p.internal + p.partner + p.customerPlus; u++) {
            const count = r.int(u, 100, 3);
            const start = r.int(u, 101, p.publicGroups);
            for (let k = 0; k < count; k++) {
                yield member(b.publicGroups + ((start + k) % p.publicGroups), this.userId(u));
            }
        }
    }

    private *permissionSetRows(): Generator<Row> {
        for (let p = 0; p < PROFILES.length; p++) {
            const profile = PROFILES[p] as (typeof PROFILES)[number];
            yield {
                attributes: { type: 'PermissionSet' },
                Id: syntheticId('PermissionSet', p),
                Name: `X00e_profile_${p}`,
                Label: `${profile.name} profile`,
                IsOwnedByProfile: true,
                ProfileId: syntheticId('Profile', p),
                PermissionSetGroupId: null,
                PermissionsViewAllData: p === 0,
                PermissionsModifyAllData: p === 0,
                PermissionsViewAllUsers: p === 0,
                PermissionsManageUsers: p === 0
            };
        }
        for (let m = 0; m < this.plan.customPermissionSets; m++) {
            yield {
                attributes: { type: 'PermissionSet' },
                Id: syntheticId('PermissionSet', PROFILES.length + m),
                Name: `Bench_Set_${m}`,
                Label: `Bench permission set ${m}`,
                IsOwnedByProfile: false,
                ProfileId: null,
                PermissionSetGroupId: null,
                PermissionsViewAllData: false,
                PermissionsModifyAllData: false,
                PermissionsViewAllUsers: m % 50 === 7,
                PermissionsManageUsers: false
            };
        }
    }

    private *assignmentRows(): Generator<Row> {
        const r = this.rnd('PermissionSetAssignment');
        let n = 0;
        const expired = '2026-01-31T00:00:00.000Z';
        for (let u = 0; u < this.plan.users; u++) {
            const profile = this.profileOf(u);
            yield {
                attributes: { type: 'PermissionSetAssignment' },
                Id: syntheticId('PermissionSetAssignment', n++),
                AssigneeId: this.userId(u),
                PermissionSetId: syntheticId('PermissionSet', profile),
                PermissionSetGroupId: null,
                ExpirationDate: null,
                IsActive: true,
                IsRevoked: false
            };
            if (this.userKind(u) !== 'internal' || u === 0) continue;
            const count = r.int(u, 0, 3);
            const start = r.int(u, 1, this.plan.customPermissionSets);
            for (let k = 0; k < count; k++) {
                yield {
                    attributes: { type: 'PermissionSetAssignment' },
                    Id: syntheticId('PermissionSetAssignment', n++),
                    AssigneeId: this.userId(u),
                    PermissionSetId: syntheticId('PermissionSet', PROFILES.length + ((start + k) % this.plan.customPermissionSets)),
                    PermissionSetGroupId: null,
                    // Every 25th internal user's extra assignments have expired (they grant nothing: access-semantics §1).
                    ExpirationDate: u % 25 === 3 ? expired : null,
                    IsActive: true,
                    IsRevoked: false
                };
            }
        }
    }

    private *objectPermissionRows(): Generator<Row> {
        let n = 0;
        const row = (parent: number, object: string, crud: Crud, viewAll = false): Row => ({
            attributes: { type: 'ObjectPermissions' },
            Id: syntheticId('ObjectPermissions', n++),
            ParentId: syntheticId('PermissionSet', parent),
            SobjectType: object,
            PermissionsCreate: crud.includes('C') || crud === 'ALL',
            PermissionsRead: crud !== '',
            PermissionsEdit: crud.includes('E') || crud === 'ALL',
            PermissionsDelete: crud.includes('D') || crud === 'ALL',
            PermissionsViewAllRecords: crud === 'ALL' || viewAll,
            PermissionsModifyAllRecords: crud === 'ALL'
        });
        for (let p = 0; p < PROFILES.length; p++) {
            const crud = PROFILE_CRUD[p] as Readonly<Record<BenchObject | 'Contact', Crud>>;
            for (const object of [...BENCH_OBJECTS, 'Contact'] as const) {
                if (crud[object] !== '') yield row(p, object, crud[object]);
            }
        }
        for (let m = 0; m < this.plan.customPermissionSets; m++) {
            const object = BENCH_OBJECTS[m % BENCH_OBJECTS.length] as BenchObject;
            yield row(PROFILES.length + m, object, 'RCE', m % 17 === 5);
        }
    }

    private *fieldPermissionRows(): Generator<Row> {
        let n = 0;
        const fields: readonly [string, string][] = [
            ['Account', 'Account.Rating'],
            ['Account', 'Account.Segment__c'],
            ['Case', 'Case.Subject'],
            ['Opportunity', 'Opportunity.Amount'],
            ['Project__c', 'Project__c.Budget__c'],
            ['Project__c', 'Project__c.Segment__c']
        ];
        for (let p = 0; p < PROFILES.length + this.plan.customPermissionSets; p++) {
            for (let f = 0; f < fields.length; f++) {
                const [object, field] = fields[f] as [string, string];
                // Profiles read every field; custom sets grant edit on the fields of their object.
                const custom = p >= PROFILES.length;
                if (custom && object !== BENCH_OBJECTS[(p - PROFILES.length) % BENCH_OBJECTS.length]) continue;
                yield {
                    attributes: { type: 'FieldPermissions' },
                    Id: syntheticId('FieldPermissions', n++),
                    ParentId: syntheticId('PermissionSet', p),
                    SobjectType: object,
                    Field: field,
                    PermissionsRead: true,
                    PermissionsEdit: custom || p < 3
                };
            }
        }
    }

    private *territoryRows(): Generator<Row> {
        const r = this.rnd('Territory2');
        const width = TERRITORY_DEPTH - 1;
        for (let t = 0; t < this.plan.territories; t++) {
            let parent: number | null = null;
            if (t > 0) {
                const level = 1 + ((t - 1) % width);
                const k = Math.floor((t - 1) / width);
                parent = level === 1 ? 0 : 1 + (level - 2) + r.int(t, 0, k + 1) * width;
            }
            yield {
                attributes: { type: 'Territory2' },
                Id: syntheticId('Territory2', t),
                Name: t === 0 ? 'Worldwide' : `Territory ${t}`,
                DeveloperName: t === 0 ? 'Worldwide' : `Territory_${t}`,
                Territory2ModelId: syntheticId('Territory2Model', 0),
                ParentTerritory2Id: parent === null ? null : syntheticId('Territory2', parent),
                AccountAccessLevel: 'Edit',
                OpportunityAccessLevel: 'Read',
                CaseAccessLevel: 'Read',
                ContactAccessLevel: 'Read'
            };
        }
        // A draft model's territories: they must grant nothing (only the Active model counts).
        for (let t = 0; t < PLANNING_TERRITORIES; t++) {
            yield {
                attributes: { type: 'Territory2' },
                Id: syntheticId('Territory2', this.plan.territories + t),
                Name: `Draft Territory ${t}`,
                DeveloperName: `Draft_Territory_${t}`,
                Territory2ModelId: syntheticId('Territory2Model', 1),
                ParentTerritory2Id: null,
                AccountAccessLevel: 'Edit',
                OpportunityAccessLevel: 'Edit',
                CaseAccessLevel: 'Edit',
                ContactAccessLevel: 'Edit'
            };
        }
    }

    private recordRow(object: BenchObject, i: number): Row {
        const id = this.recordId(object, i);
        const segment = SEGMENTS[this.segmentOf(object, i)] as string;
        const r = this.rnd(`${object}.fields`);
        switch (object) {
            case 'Account': {
                const p = this.plan;
                return {
                    attributes: { type: 'Account' },
                    Id: id,
                    Name: accountName(i),
                    OwnerId: this.ownerOf('Account', i),
                    Type: i < p.partnerAccounts ? 'Partner' : i < p.partnerAccounts + p.customerAccounts + p.highVolumeAccounts ? 'Customer' : 'Prospect',
                    IsPartner: i < p.partnerAccounts,
                    IsCustomerPortal: i >= p.partnerAccounts && i < p.partnerAccounts + p.customerAccounts,
                    Rating: (['Hot', 'Warm', 'Cold'] as const)[r.int(i, 0, 3)],
                    Segment__c: segment
                };
            }
            case 'Opportunity': {
                const account = this.recordAccount('Opportunity', i);
                const t = this.accountTerritory(account);
                return {
                    attributes: { type: 'Opportunity' },
                    Id: id,
                    Name: `${accountName(account)} deal ${i}`,
                    AccountId: this.recordId('Account', account),
                    OwnerId: this.ownerOf('Opportunity', i),
                    StageName: STAGES[r.int(i, 0, STAGES.length)],
                    Amount: 1000 * (1 + r.int(i, 1, 500)),
                    CloseDate: '2027-03-31',
                    Territory2Id: t >= 0 ? syntheticId('Territory2', t) : null,
                    Segment__c: segment
                };
            }
            case 'Case': {
                const contactUser = this.caseContactUser(i);
                return {
                    attributes: { type: 'Case' },
                    Id: id,
                    CaseNumber: String(i + 1).padStart(8, '0'),
                    Subject: `Synthetic case ${i + 1}`,
                    AccountId: this.recordId('Account', this.caseAccount(i)),
                    ContactId: contactUser >= 0 ? this.recordId('Contact', this.contactOfUser(contactUser)) : null,
                    OwnerId: this.ownerOf('Case', i),
                    Status: (['New', 'Working', 'Escalated', 'Closed'] as const)[r.int(i, 0, 4)],
                    Segment__c: segment
                };
            }
            default:
                return {
                    attributes: { type: 'Project__c' },
                    Id: id,
                    Name: `PRJ-${String(i + 1).padStart(7, '0')}`,
                    OwnerId: this.ownerOf('Project__c', i),
                    Account__c: this.recordId('Account', this.recordAccount('Project__c', i)),
                    Status__c: (['Planned', 'Active', 'Done'] as const)[r.int(i, 0, 3)],
                    Budget__c: 500 * (1 + r.int(i, 1, 400)),
                    Segment__c: segment
                };
        }
    }

    private *shareRows(table: 'AccountShare' | 'OpportunityShare' | 'CaseShare' | 'Project__Share'): Generator<Row> {
        const object = (Object.keys(SHARE_TABLE) as BenchObject[]).find((o) => SHARE_TABLE[o] === table) as BenchObject;
        let n = 0;
        for (let i = 0; i < this.plan.objects[object].records; i++) {
            const recordId = this.recordId(object, i);
            for (const s of this.sharesOf(object, i)) {
                const id = syntheticId(table, n++);
                switch (table) {
                    case 'AccountShare': {
                        const child = s.child ?? { opportunity: 'None', case: 'None', contact: 'None' };
                        yield {
                            Id: id,
                            AccountId: recordId,
                            UserOrGroupId: s.granteeId,
                            AccountAccessLevel: s.level,
                            OpportunityAccessLevel: child.opportunity,
                            CaseAccessLevel: child.case,
                            ContactAccessLevel: child.contact,
                            RowCause: s.cause
                        };
                        break;
                    }
                    case 'OpportunityShare':
                        yield { Id: id, OpportunityId: recordId, UserOrGroupId: s.granteeId, OpportunityAccessLevel: s.level, RowCause: s.cause };
                        break;
                    case 'CaseShare':
                        yield { Id: id, CaseId: recordId, UserOrGroupId: s.granteeId, CaseAccessLevel: s.level, RowCause: s.cause };
                        break;
                    default:
                        yield { Id: id, ParentId: recordId, UserOrGroupId: s.granteeId, AccessLevel: s.level, RowCause: s.cause };
                }
            }
        }
    }

    private *teamRows(table: 'AccountTeamMember' | 'OpportunityTeamMember' | 'CaseTeamMember'): Generator<Row> {
        const object: BenchObject = table === 'AccountTeamMember' ? 'Account' : table === 'OpportunityTeamMember' ? 'Opportunity' : 'Case';
        let n = 0;
        for (let i = 0; i < this.plan.objects[object].records; i++) {
            const recordId = this.recordId(object, i);
            for (const s of this.sharesOf(object, i)) {
                if (s.cause !== 'Team') continue;
                const id = syntheticId(table, n++);
                if (table === 'AccountTeamMember') {
                    yield {
                        attributes: { type: table },
                        Id: id,
                        AccountId: recordId,
                        UserId: s.granteeId,
                        TeamMemberRole: s.teamRole ?? 'Account Manager',
                        AccountAccessLevel: s.level,
                        OpportunityAccessLevel: s.child?.opportunity ?? 'None',
                        CaseAccessLevel: s.child?.case ?? 'None',
                        ContactAccessLevel: s.child?.contact ?? 'None'
                    };
                } else if (table === 'OpportunityTeamMember') {
                    yield {
                        attributes: { type: table },
                        Id: id,
                        OpportunityId: recordId,
                        UserId: s.granteeId,
                        TeamMemberRole: s.teamRole ?? 'Sales Rep',
                        OpportunityAccessLevel: s.level
                    };
                } else {
                    yield {
                        attributes: { type: table },
                        Id: id,
                        ParentId: recordId,
                        MemberId: s.granteeId,
                        TeamRoleId: syntheticId('CaseTeamRole', s.level === 'Read' ? 0 : 1)
                    };
                }
            }
        }
    }

    private *userRecordAccessRows(): Generator<Row> {
        let left = this.config.userRecordAccessRows;
        const perObject = Math.ceil(left / BENCH_OBJECTS.length);
        for (const object of BENCH_OBJECTS) {
            let taken = 0;
            for (let i = 0; i < this.plan.objects[object].records && taken < perObject && left > 0; i++) {
                const owner = this.ownerOf(object, i);
                if (owner.startsWith(KEY_PREFIX.Group)) continue; // queue-owned: no single owner user
                taken++;
                left--;
                // The owner of a record has full access (seed 001 layer 3); every internal profile here has full CRUD.
                yield {
                    attributes: { type: 'UserRecordAccess' },
                    UserId: owner,
                    RecordId: this.recordId(object, i),
                    HasReadAccess: true,
                    HasEditAccess: true,
                    HasDeleteAccess: true,
                    HasTransferAccess: true,
                    HasAllAccess: true,
                    MaxAccessLevel: 'All'
                };
            }
        }
    }

    // ---- the rest of the snapshot --------------------------------------------

    meta(): SnapshotMeta {
        const c = this.config;
        return {
            collectedAt: COLLECTED_AT,
            source: 'synthetic',
            orgId: syntheticId('Organization', 0),
            orgName: this.orgName(),
            apiVersion: '62.0',
            collector: 'access-xray synthetic org generator (scripts/bench/generator.ts)',
            description:
                `Synthetic benchmark org, seed ${c.seed}: ${this.plan.users} users (${this.plan.internal} internal, ${this.plan.partner} partner, ` +
                `${this.plan.customerPlus} Customer Community Plus, ${this.plan.highVolume} high-volume), ${this.plan.internalRoles} internal roles ` +
                `${c.roleDepth} levels deep, ${this.plan.portalRoles} portal roles, ${this.plan.publicGroups} nested public groups, ` +
                `${this.plan.territories} active territories, ${c.shareRows} share rows.`
        };
    }

    describe(): Record<string, ObjectDescribe> {
        const id = { name: 'Id', type: 'id', permissionable: false };
        const name = { name: 'Name', type: 'string', permissionable: false };
        const owner = { name: 'OwnerId', type: 'reference', referenceTo: ['User', 'Group'], relationshipName: 'Owner', permissionable: false };
        const segment = { name: 'Segment__c', label: 'Segment', type: 'picklist', permissionable: true, nillable: true };
        const account = { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account', permissionable: true, nillable: true };
        return {
            Account: {
                name: 'Account',
                label: 'Account',
                keyPrefix: '001',
                custom: false,
                fields: [id, name, { ...owner, referenceTo: ['User'] }, { name: 'Rating', type: 'picklist', permissionable: true, nillable: true }, segment]
            },
            Contact: { name: 'Contact', label: 'Contact', keyPrefix: '003', custom: false, fields: [id, name, account, owner] },
            Opportunity: {
                name: 'Opportunity',
                label: 'Opportunity',
                keyPrefix: '006',
                custom: false,
                fields: [id, name, account, { ...owner, referenceTo: ['User'] }, { name: 'Amount', type: 'currency', permissionable: true, nillable: true }, segment]
            },
            Case: {
                name: 'Case',
                label: 'Case',
                keyPrefix: '500',
                custom: false,
                fields: [
                    id,
                    { name: 'CaseNumber', type: 'string', permissionable: false },
                    { name: 'Subject', type: 'string', permissionable: true, nillable: true },
                    account,
                    { name: 'ContactId', type: 'reference', referenceTo: ['Contact'], relationshipName: 'Contact', permissionable: true, nillable: true },
                    owner,
                    segment
                ]
            },
            Project__c: {
                name: 'Project__c',
                label: 'Project',
                keyPrefix: 'a01',
                custom: true,
                fields: [
                    id,
                    name,
                    { ...owner, referenceTo: ['User'] },
                    { name: 'Account__c', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account__r', permissionable: true, nillable: true },
                    { name: 'Budget__c', label: 'Budget', type: 'currency', permissionable: true, nillable: true },
                    segment
                ]
            }
        };
    }

    sharingRules(): SharingRuleDefinition[] {
        return BENCH_OBJECTS.flatMap((o) => this.rules[o].map((t) => t.definition));
    }

    /**
     * One sharing set: high-volume Customer Community users read the cases of their own account
     * (Metadata API SharingSet; seed 004: sharing sets are how high-volume users get records).
     */
    sharingSets(): SharingSetDefinition[] {
        return [
            {
                fullName: 'Customer_Community_Account_Cases',
                name: 'Customer Community: cases of my account',
                profiles: ['Customer Community User'],
                accessMappings: [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }]
            }
        ];
    }

    /**
     * One active restriction rule on the custom object (restriction rules support custom objects):
     * contractors only see active projects. Tooling API RestrictionRule fields.
     */
    restrictionRules(): RestrictionRuleDefinition[] {
        return [
            {
                DeveloperName: 'Contractors_Active_Projects',
                MasterLabel: 'Contractors see active projects only',
                EnforcementType: 'Restrict',
                TargetEntity: 'Project__c',
                UserCriteria: "$User.Department = 'Contractors'",
                RecordFilter: "Status__c = 'Active'",
                IsActive: true
            }
        ];
    }

    /**
     * Settings the API cannot read, entered as an admin would (provenance "admin"), and the
     * Metadata API sharing settings (provenance "org"); keys as the engine reads them.
     */
    settings(): Record<string, Setting> {
        const admin = 'Setup > Sharing Settings, "Grant Access Using Hierarchies" (not readable through the API; entered by the admin)';
        return {
            'grantAccessUsingHierarchies.Project__c': { value: true, provenance: 'admin', source: admin },
            'sharingSettings.enableExternalSharingModel': { value: true, provenance: 'org', source: 'Metadata API SharingSettings.enableExternalSharingModel' },
            'experienceCloud.grantSiteUsersAccessToRelatedCases': {
                value: true,
                provenance: 'org',
                source: 'Metadata API SharingSettings.enablePortalUserCaseSharing'
            },
            'experienceCloud.seeContactsNotEnabled': {
                value: false,
                provenance: 'org',
                source: 'Metadata API CommunitiesSettings.enableCspContactVisibilityPref'
            }
        };
    }

    /** A few documented pairs, so the snapshot opens in the panel and CLI with something to show. */
    subjects(): NonNullable<Snapshot['subjects']> {
        const accountOwner = this.accountOwner(0);
        return [
            { userId: this.userId(accountOwner), recordId: this.recordId('Account', 0), title: 'Account owner' },
            { userId: this.userId(0), recordId: this.recordId('Case', 0), title: 'System administrator (Modify All Data)' },
            { userId: this.userId(this.plan.users - 1), recordId: this.recordId('Project__c', 0), title: 'High-volume user and a private custom object' }
        ];
    }

    /** Everything but the tables, in the order the file writer emits it. */
    header(): Omit<Snapshot, 'tables'> {
        return {
            schemaVersion: 1,
            meta: this.meta(),
            describe: this.describe(),
            metadata: { SharingRules: this.sharingRules(), SharingSet: this.sharingSets(), RestrictionRule: this.restrictionRules() },
            settings: this.settings(),
            subjects: this.subjects()
        };
    }

    /** The whole snapshot in memory (small sizes, tests); large sizes go through writeSnapshotFile. */
    toSnapshot(): Snapshot {
        const tables: Record<string, Row[]> = {};
        for (const t of this.tableNames()) tables[t] = [...this.rows(t)];
        const h = this.header();
        return { schemaVersion: 1, meta: h.meta, tables, describe: h.describe, metadata: h.metadata, settings: h.settings, subjects: h.subjects };
    }
}

const CAUSE_MENU: Readonly<Record<BenchObject, { names: readonly string[]; weights: readonly number[] }>> = {
    Account: { names: ['Rule', 'Manual', 'Team', 'Territory', 'ImplicitParent'], weights: [30, 25, 15, 20, 10] },
    Opportunity: { names: ['Rule', 'Manual', 'Team'], weights: [35, 35, 30] },
    Case: { names: ['Rule', 'Manual', 'Team', 'RelatedPortalUser'], weights: [35, 30, 15, 20] },
    Project__c: { names: ['Rule', 'Manual', 'Project_Access__c'], weights: [35, 35, 30] }
};
/** Internal users' departments; "Contractors" is the UserCriteria of the restriction rule on Project__c. */
const DEPARTMENTS = ['Sales', 'Sales', 'Support', 'Support', 'Finance', 'Contractors'] as const;
const TEAM_ROLES = ['Account Manager', 'Sales Rep', 'Sales Engineer', 'Executive Sponsor'] as const;
const STAGES = ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won'] as const;
const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Emeka', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lea', 'Mia', 'Noor', 'Omar', 'Pat'] as const;
const LAST_NAMES = ['Adams', 'Bauer', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jones', 'Kim', 'Lopez', 'Moreau', 'Nair'] as const;

export function roleDeveloperName(r: number): string {
    return r === 0 ? 'CEO' : `Role_${r}`;
}

export function publicGroupDeveloperName(g: number): string {
    return `Public_Group_${g}`;
}

function accountName(a: number): string {
    return `Account ${a}`;
}
