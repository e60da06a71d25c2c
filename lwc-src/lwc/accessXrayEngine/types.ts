/**
 * The contract of the Access X-Ray engine: the evidence it reads (Snapshot) and the
 * answer it gives (Explanation). Everything that produces evidence (Apex collector, CLI
 * collector, demo data, synthetic orgs) and everything that shows answers (panel, CLI,
 * exports) is written against these types, so keep them stable and documented in
 * docs/snapshot.md and docs/snapshot.schema.json.
 *
 * Pure types: no runtime code, no Salesforce or Node APIs.
 */

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

/** The values `UserRecordAccess.MaxAccessLevel` uses, weakest first. */
export type AccessLevel = 'None' | 'Read' | 'Edit' | 'Delete' | 'Transfer' | 'All';

/** The five operations a user can attempt on a record. `share` = Full Access ("All"). */
export type Operation = 'read' | 'edit' | 'delete' | 'transfer' | 'share';

export const OPERATIONS: readonly Operation[] = ['read', 'edit', 'delete', 'transfer', 'share'];

export type AccessFlags = Record<Operation, boolean>;

/** Layer ids, in the order every explanation lists them. */
export type LayerId =
    | 'objectPermissions'
    | 'orgWideDefaults'
    | 'ownership'
    | 'roleHierarchy'
    | 'sharingRules'
    | 'territories'
    | 'teams'
    | 'manualShares'
    | 'implicitSharing'
    | 'systemPermissions'
    | 'experienceCloud'
    | 'restrictionRules';

export const LAYER_IDS: readonly LayerId[] = [
    'objectPermissions',
    'orgWideDefaults',
    'ownership',
    'roleHierarchy',
    'sharingRules',
    'territories',
    'teams',
    'manualShares',
    'implicitSharing',
    'systemPermissions',
    'experienceCloud',
    'restrictionRules'
];

/**
 * grants: this layer gives (some) access. blocks: this layer stops access that other
 * layers would give (object permission missing, restriction rule). neutral: the layer
 * applies but gives nothing here. uncertain: evidence missing or unreadable (reason
 * says which). notApplicable: the layer cannot apply to this user/object (e.g. roles
 * for a high-volume user, teams on a custom object).
 */
export type LayerStatus = 'grants' | 'blocks' | 'neutral' | 'uncertain' | 'notApplicable';

// ---------------------------------------------------------------------------
// Snapshot: the evidence
// ---------------------------------------------------------------------------

/**
 * One row as SOQL/REST returns it: Salesforce API field names, exactly. The optional
 * `attributes` object REST adds is allowed and ignored. Relationship fields may be
 * nested objects (e.g. `Profile: { UserLicense: { Name } }`) as SOQL returns them.
 */
export interface Row {
    Id?: string;
    attributes?: { type?: string; url?: string };
    /**
     * Set by the in-org collector on a row the running user can't read (a parent record kept as
     * `Id` + `OwnerId` only): the engine marks what depends on it uncertain. Names of roles,
     * groups or territories the running user can't see arrive replaced by a neutral label.
     */
    __redacted?: boolean;
    [field: string]: unknown;
}

/** Where a setting's value came from. */
export type Provenance = 'org' | 'assumed' | 'admin';

/** A fact the API cannot (always) read, with where its value came from. */
export interface Setting {
    value: boolean | string | number | null;
    provenance: Provenance;
    /** Where it was read from or why it was assumed, e.g. "Metadata API SharingSettings". */
    source?: string;
}

export interface SnapshotMeta {
    /** ISO timestamp of collection. */
    collectedAt: string;
    /** Who produced the evidence. */
    source: 'org' | 'demo' | 'synthetic' | 'fixture' | 'admin';
    orgId?: string;
    orgName?: string;
    instanceUrl?: string;
    apiVersion?: string;
    /** Collector name and version, e.g. "access-xray-cli 0.1.0" or "AccessXRayController". */
    collector?: string;
    /** Queries issued and rows fetched while collecting (reported, never asserted as timing). */
    queries?: number;
    rows?: number;
    /** Tables or expansions cut short by a bound; each makes the dependent layers uncertain. */
    truncated?: { table: string; limit: number; reason: string }[];
    /**
     * Evidence the collector could not read (no permission, API not available...). An entry with
     * `recordId` is one record the collecting user can't read: its row is kept as `Id` + `OwnerId`
     * with `"__redacted": true`, and what depends on its other fields is marked uncertain.
     */
    unavailable?: { table: string; reason: string; fix?: string; recordId?: string }[];
    /** Free text shown to the reader, e.g. the scenario a demo snapshot illustrates. */
    description?: string;
    /**
     * What the evidence is complete for (docs/evidence-plan.md). Absent: the tables hold
     * everything the engine reads (demo, synthetic and fixture snapshots, older collectors).
     * A collector following an evidence plan sets it; the engine refuses questions outside it
     * (ExplainError code `outOfScope`) instead of concluding "not a member" from rows that were
     * simply not collected.
     */
    scope?: EvidenceScope;
    /**
     * Server-written audit entry for this collection (in-org only): the panel attaches its
     * verdict to it by id. Never written by the client.
     */
    auditId?: string;
}

/**
 * The part of the org a snapshot's evidence is complete for.
 * - `org`: every table as far as `truncated` / `unavailable` say (whole-org snapshots);
 * - `pairs`: complete only for explaining each listed (user, record) pair (the explain plan);
 * - `records`: complete for who-can-see on each listed record (the who-can-see plan), and
 *   for explaining any active user of the snapshot on those records.
 */
export interface EvidenceScope {
    kind: 'org' | 'pairs' | 'records';
    /** The evidence plan and its version, e.g. "explain/1" or "whoCanSee/1". */
    plan?: string;
    pairs?: { userId: string; recordId: string }[];
    recordIds?: string[];
    /**
     * Bounds the plan reached — a loop's depth cap (role chain, group nesting…) or a step's row cap —
     * each making the layers that depend on it uncertain when they give nothing. `loop` is one of the
     * names in scope.ts (`LOOP_DEPENDENTS`); `labels` / `nextSteps` only shorten names or suggestions.
     */
    capsReached?: { loop: string; limit: number; reason: string }[];
    /**
     * who-can-see (`records` scope): the users a public org-wide default reaches, counted with
     * aggregate queries instead of read one by one (whoCanSeePublicCounts.ts). Absent: the
     * record's defaults are private, or the counts could not be read (the answer says so).
     */
    publicCounts?: PublicAccessCounts;
    /**
     * One page of a who-can-see answer written in pages (the in-org job; whoCanSeePages.ts): page 0
     * holds the record side and carries `publicCounts`; the other pages hold disjoint slices of
     * users and count nobody through a public default. Every page's answer reports the users it
     * holds whom the counts include (`WhoCanSeeResult.publicOverlap`), for the merge.
     */
    page?: { index: number; count: number };
}

/** Aggregate counts of active users behind a public org-wide default (evidence plan whoCanSee/1, round 10). */
export interface PublicAccessCounts {
    /** Every profile with active users: its users per user type, and whether it grants Read / Edit on the record's object. */
    profiles: { profileId: string; name: string; userType: string; users: number; read: boolean; edit: boolean }[];
    /** Distinct active holders of a permission set granting Read on the object, per profile and user type. */
    readSetHolders: { profileId: string; userType: string; users: number }[];
    /** The same for Edit (read only under a public Read/Write default; empty otherwise). */
    editSetHolders: { profileId: string; userType: string; users: number }[];
    /** Active assignees per permission set (or permission set group) granting Read, per user type. */
    sets: { id: string; name: string; userType: string; users: number }[];
}

/** Subset of the describe result the engine needs (sObject describe / EntityDefinition). */
export interface FieldDescribe {
    name: string;
    label?: string;
    type: string;
    /** Lookup / master-detail target objects. */
    referenceTo?: string[];
    relationshipName?: string;
    /** Master-detail when `cascadeDelete` and not nillable; `relationshipOrder` 0/1 for two masters. */
    cascadeDelete?: boolean;
    relationshipOrder?: number;
    nillable?: boolean;
    /** Required fields, system fields: always readable regardless of FLS. */
    permissionable?: boolean;
    calculated?: boolean;
    /**
     * Master-detail fields: the relationship's Sharing Setting. `true` ("Read Only"): Read on the
     * master is enough to create, edit and delete the detail; `false` ("Read/Write"): Edit on the
     * master is needed. Absent: not collected (the engine says so when it matters).
     */
    writeRequiresMasterRead?: boolean;
}

export interface ObjectDescribe {
    name: string;
    label?: string;
    keyPrefix?: string;
    custom?: boolean;
    fields?: FieldDescribe[];
    recordTypeInfos?: { recordTypeId: string; name: string; developerName?: string; available?: boolean; master?: boolean }[];
}

/** Metadata API SharingRules members, as the Metadata API returns them (camelCase). */
export interface SharedTo {
    group?: string | string[];
    role?: string | string[];
    roleAndSubordinates?: string | string[];
    roleAndSubordinatesInternal?: string | string[];
    portalRole?: string | string[];
    portalRoleAndSubordinates?: string | string[];
    territory?: string | string[];
    territoryAndSubordinates?: string | string[];
    allInternalUsers?: string | string[];
    allPartnerUsers?: string | string[];
    allCustomerPortalUsers?: string | string[];
    guestUser?: string | string[];
    [other: string]: unknown;
}

export interface SharingRuleDefinition {
    /** Object API name the rule lives on (from the SharingRules file name). */
    object: string;
    kind: 'criteria' | 'owner' | 'guest' | 'territory';
    fullName: string;
    label?: string;
    accessLevel: string;
    /** Account rules: child access levels. */
    accountSettings?: { caseAccessLevel?: string; contactAccessLevel?: string; opportunityAccessLevel?: string };
    sharedTo: SharedTo;
    /** Owner rules: the source group/role. */
    sharedFrom?: SharedTo;
    criteriaItems?: { field: string; operation: string; value?: string }[];
    booleanFilter?: string;
    includeRecordsOwnedByAll?: boolean;
}

/** Metadata API SharingSet. */
export interface SharingSetDefinition {
    fullName: string;
    name?: string;
    description?: string;
    /** Profile names (Metadata API uses names, the collector may add ids). */
    profiles: string[];
    accessMappings: { accessLevel: 'Read' | 'Edit' | string; object: string; objectField: string; userField: string }[];
    /** Members of the share group of this sharing set (user, group or role ids). */
    shareGroupMembers?: string[];
}

/** Tooling API RestrictionRule (Metadata fields flattened). */
export interface RestrictionRuleDefinition {
    Id?: string;
    DeveloperName: string;
    MasterLabel?: string;
    /** `Restrict` or `Scoping` (Scoping never restricts access). */
    EnforcementType: string;
    TargetEntity: string;
    UserCriteria: string;
    RecordFilter: string;
    IsActive: boolean;
    Description?: string;
}

/** Account relationship data sharing rule (partner-to-partner), Metadata API. */
export interface AccountRelationshipShareRuleDefinition {
    fullName: string;
    label?: string;
    accessLevel: string;
    accountToCriteriaField?: string;
    entityType: string;
    type: string;
    [other: string]: unknown;
}

/** Page layout assignment for a profile and record type (Tooling `ProfileLayout`). */
export interface LayoutAssignment {
    profileId?: string;
    profileName?: string;
    recordTypeId?: string | null;
    layoutName: string;
    /** Field API names on the layout, when the layout metadata was read. */
    fields?: string[];
}

export interface SnapshotMetadata {
    SharingRules?: SharingRuleDefinition[];
    SharingSet?: SharingSetDefinition[];
    RestrictionRule?: RestrictionRuleDefinition[];
    AccountRelationshipShareRule?: AccountRelationshipShareRuleDefinition[];
    LayoutAssignment?: LayoutAssignment[];
    /** Record type visibility per profile / permission set (Metadata recordTypeVisibilities). */
    RecordTypeVisibility?: { parentId: string; recordTypeId: string; visible: boolean; isDefault?: boolean }[];
}

/**
 * The evidence for one or more user/record pairs. `tables` is keyed by sObject API name
 * (`User`, `UserRole`, `Group`, `GroupMember`, `AccountShare`, `Invoice__Share`, the
 * records themselves under `Account`, `Case`, ...): a collector dumps query results in.
 */
export interface Snapshot {
    schemaVersion: 1;
    meta: SnapshotMeta;
    tables: Record<string, Row[]>;
    describe?: Record<string, ObjectDescribe>;
    metadata?: SnapshotMetadata;
    settings?: Record<string, Setting>;
    /** The pairs this snapshot was collected for (a demo snapshot lists its scenarios). */
    subjects?: { userId: string; recordId: string; title?: string; operation?: Operation }[];
}

// ---------------------------------------------------------------------------
// Explanation: the answer
// ---------------------------------------------------------------------------

export interface NextStep {
    /** The smallest change that would open access, in one imperative sentence. */
    action: string;
    /** Where the rule behind this step is documented (Help page, Object Reference...); shown under "Sources", never in the text. */
    source?: string;
    /** What else the change grants: "adding Ana to group X also gives her 12 other records". */
    blastRadius?: string;
    /** Machine-readable hint for what-if replays and UI buttons. */
    kind?:
        | 'assignPermissionSet'
        | 'grantObjectPermission'
        | 'addToGroup'
        | 'addToQueue'
        | 'addToTeam'
        | 'addToTerritory'
        | 'changeRole'
        | 'manualShare'
        | 'changeOwd'
        | 'editSharingRule'
        | 'changeSetting'
        | 'editRestrictionRule'
        | 'editSharingSet'
        | 'collectEvidence'
        | 'other';
    /** Ids the step refers to (permission set, group, ...). */
    targetIds?: string[];
}

export interface LayerResult {
    id: LayerId;
    title: string;
    status: LayerStatus;
    /** What this layer contributes (for `blocks`: what remains allowed past it). */
    access: AccessFlags;
    /** Human reason naming the concrete thing (role, group, rule, share row, team, permission set). */
    reason: string;
    nextSteps: NextStep[];
    /** Ids of the rows this result rests on, as `<Table>:<Id>` (or `settings:<key>`, `metadata:<Type>:<name>`). */
    evidence: string[];
    /** Documentation the layer's rule rests on (plain titles or URLs); never cited inside `reason`. */
    sources?: string[];
}

export type PathStepKind =
    | 'user'
    | 'role'
    | 'group'
    | 'queue'
    | 'territory'
    | 'team'
    | 'rule'
    | 'share'
    | 'permissionSet'
    | 'setting'
    | 'sharingSet'
    | 'record'
    | 'parentRecord';

export interface PathStep {
    kind: PathStepKind;
    label: string;
    id?: string;
    /** How this step leads to the next, e.g. "member of", "subordinate of", "shared by". */
    via?: string;
}

/** One way access reaches the user: a named chain from the user to the record. */
export interface GrantPath {
    id: string;
    layer: LayerId;
    level: AccessLevel;
    steps: PathStep[];
    /** One-line rendering: "Ana → group EMEA Sales → rule EMEA accounts → Read". */
    summary: string;
}

export interface FieldGate {
    field: string;
    label?: string;
    readable: boolean;
    editable: boolean;
    /** Permission sets (or profile) granting read / edit, by name. */
    readVia: string[];
    editVia: string[];
    /** On the user's page layout, when known. */
    onLayout?: boolean;
    /** e.g. "required field: always readable". */
    note?: string;
}

export interface Gates {
    fields: FieldGate[];
    recordType?: {
        recordTypeId: string;
        name?: string;
        available: boolean | null;
        reason: string;
    };
    layout?: { name: string; reason: string; missingFields?: string[] } | null;
    /** Set when FLS/record type/layout evidence was missing. */
    uncertain?: string[];
}

export interface Reconciliation {
    status: 'agrees' | 'disagrees' | 'unavailable';
    /** The platform's verdict, from the snapshot's UserRecordAccess row. */
    platform?: { maxAccessLevel: AccessLevel; access: AccessFlags };
    computed: { maxAccessLevel: AccessLevel; access: AccessFlags };
    /** One or more named explanations, e.g. "UserRecordAccess ignores restriction rules; rule X blocks Read". */
    explanations: string[];
}

export interface WhyNot {
    operation: Operation;
    blockingLayer: LayerId;
    reason: string;
    cheapestFix?: NextStep;
    /** The mechanism that came closest for this operation, when one did (leads the reason). */
    nearMiss?: NearMiss;
}

/**
 * When nothing grants: the mechanism that came closest and exactly what stopped it, e.g. the
 * user is above the owner but Grant Access Using Hierarchies is off; a permission set
 * assignment expired; a sharing set does not list the user's profile. Ranked as documented in
 * docs/engine.md ("The near miss").
 */
export interface NearMiss {
    layer: LayerId;
    /** What almost gave access, in plain words ("Ana's role VP Sales is above the owner's role"). */
    mechanism: string;
    /** What stopped it, naming the exact setting or record ("Grant Access Using Hierarchies is off for Invoice"). */
    stoppedBy: string;
    /** The fix for this near miss; present only when it makes the asked operation possible (it may pair two changes). */
    fix?: NextStep;
    evidence: string[];
    source?: string;
}

export interface Explanation {
    userId: string;
    recordId: string;
    objectApiName: string;
    userName: string;
    recordName: string;
    access: AccessFlags;
    maxAccessLevel: AccessLevel;
    /** True when some evidence needed for this verdict was missing; `uncertainties` says which. */
    uncertain: boolean;
    uncertainties: string[];
    /** One sentence: "Pat Partner can't read case 00001001: ...". */
    summary: string;
    layers: LayerResult[];
    paths: GrantPath[];
    gates: Gates;
    reconciliation: Reconciliation;
    /** For each denied operation, the first blocking layer and the cheapest way past it. */
    whyNot: WhyNot[];
    /** Settings the verdict used, with their provenance (shown to the reader by `label`, the Setup wording). */
    settingsUsed: { key: string; label?: string; setting: Setting }[];
    /** When Read is denied: the mechanism that came closest and what stopped it (the summary leads with it; the same as `whyNot` read's). */
    nearMiss?: NearMiss;
}

export interface ExplainRequest {
    userId: string;
    recordId: string;
}

// ---------------------------------------------------------------------------
// Who can see a record
// ---------------------------------------------------------------------------

/** How a user reaches a record in a who-can-see answer (a layer, or the org-wide default). */
export type WhoCanSeeMechanism = LayerId;

export interface WhoCanSeeOptions {
    /** Page of users: first index and size (default: every user). */
    offset?: number;
    limit?: number;
    /** `name` (default) or `access` (highest access first, then name). */
    sort?: 'name' | 'access';
    /** Case-insensitive match on the user's name or username. */
    search?: string;
    /** Only users reached through this mechanism. */
    mechanism?: WhoCanSeeMechanism;
    /**
     * List the users reached only through a public org-wide default one by one (they are
     * otherwise counted per profile and permission set in `publicAccess`).
     */
    listPublic?: boolean;
    /** Fill `paths` of each listed entry (full grant paths); otherwise only `topReason`. */
    withPaths?: boolean;
}

export interface WhoCanSeeEntry {
    userId: string;
    userName: string;
    username?: string;
    maxAccessLevel: AccessLevel;
    /** The mechanism and sentence that give the highest access ("owner", "sharing rule X to group Y"). */
    topMechanism: WhoCanSeeMechanism;
    topReason: string;
    /** Every mechanism that reaches this user. */
    mechanisms: WhoCanSeeMechanism[];
    /** Grant paths (only with `withPaths`, else empty); each capped by the user's object permissions. */
    paths: GrantPath[];
    uncertain: boolean;
}

/** Users whose only way in is a public org-wide default, counted instead of listed. */
export interface WhoCanSeePublicAccess {
    side: 'internal' | 'external';
    /** The org-wide default's label ("Public Read Only"). */
    model: string;
    /** Users counted (active, object Read). */
    users: number;
    /** Counts per profile and per permission set granting the object permission. */
    byProfile: { id: string; name: string; users: number }[];
    byPermissionSet: { id: string; name: string; users: number }[];
    /** Users counted per maximum access level (object permissions decide between Read and Edit under a Read/Write default). */
    byAccess?: Partial<Record<AccessLevel, number>>;
}

/** A user counted under a public org-wide default and also listed (see `WhoCanSeeResult.publicOverlap`): the buckets they are counted in. */
export interface WhoCanSeeCountedUser {
    userId: string;
    side: 'internal' | 'external';
    /** Counted under this profile (`WhoCanSeePublicAccess.byProfile`). */
    profileId: string;
    /** And under each of these permission sets or groups granting Read (`byPermissionSet`). */
    permissionSetIds: string[];
    /** And at this level (`byAccess`). */
    access: 'Read' | 'Edit';
}

export interface WhoCanSeeResult {
    recordId: string;
    objectApiName: string;
    recordName: string;
    /** Users with at least Read matching `search`/`mechanism` (before paging), listed ones only. */
    total: number;
    /** Users with at least Read, per mechanism (a user reached two ways counts in both). */
    totalsByMechanism: Partial<Record<WhoCanSeeMechanism, number>>;
    /** Users per maximum access level. */
    totalsByAccess: Partial<Record<AccessLevel, number>>;
    /** Public org-wide default access, counted per profile / permission set (absent when Private). */
    publicAccess?: WhoCanSeePublicAccess[];
    /**
     * A page of an answer written in pages (`meta.scope.page`) only: the users it holds whom page
     * 0's public-default counts include although the record reaches them another way. Page 0 has
     * already taken its own out of its counts; the panel takes the other pages' out (each user
     * once: a user the records name is on every page).
     */
    publicOverlap?: WhoCanSeeCountedUser[];
    offset: number;
    limit: number;
    users: WhoCanSeeEntry[];
    uncertain: boolean;
    uncertainties: string[];
}
