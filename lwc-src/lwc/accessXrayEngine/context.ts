/**
 * The evaluation context every layer evaluator receives: the loaded index, the user and
 * record rows, the user's classification and object permissions, the resolved org-wide
 * default (internal or external), setting lookups that record their provenance, and access
 * to other records (parents, children) for Controlled by Parent and implicit sharing.
 */
import type { SharingModel } from './accessLevels';
import type { ObjectPermissionResult } from './permissions';
import type { ShareEntry, SnapshotIndex } from './snapshotIndex';
import type { NearMissCandidate } from './layer';
import type { AccessFlags, GrantPath, LayerId, Row, Setting } from './types';
import type { UserClassification } from './userLicence';
import type { GrantLevel } from './accessLevels';

/** The org-wide default that applies to this user and object. */
export interface OwdResolution {
    side: 'internal' | 'external';
    model: SharingModel | null;
    /** The value as found in the snapshot. */
    raw: string | null;
    /** Where it was read: `EntityDefinition:<Object>.InternalSharingModel`, `Organization.DefaultCaseAccess`, `settings:<key>`. */
    source: string | null;
    /** Why the model is unknown or doubtful. */
    problem?: string;
}

/** A share row that reaches this record: its own share table, or an AccountShare child column. */
export interface ShareGrant {
    entry: ShareEntry;
    level: GrantLevel | null;
    layer: LayerId;
    /** Set when the row is on the parent account and grants through a child-access column. */
    viaAccountId?: string;
    /** Column the level was read from. */
    column: string;
}

/** Access this user has to another record, as computed by the engine. */
export interface RecordAccess {
    recordId: string;
    objectApiName: string;
    name: string;
    /** Final flags (object permissions applied). */
    access: AccessFlags;
    paths: GrantPath[];
    uncertainties: string[];
    /** Layers that granted. */
    grantingLayers: LayerId[];
    /** When Read is denied: what came closest on that record (see nearMiss.ts). */
    nearMiss?: NearMissCandidate;
    /** The collector could not read this record (only its Id and owner are known: `__redacted`). */
    redacted: boolean;
}

export interface AccessToOptions {
    /**
     * Count only record-level grants (ownership, hierarchy, sharing, teams, territories,
     * manual, child implicit): the basis of parent implicit sharing (seed 002).
     */
    recordLevelOnly?: boolean;
    /**
     * Leave out object-level View All / Modify All on the other record's object: they don't reach
     * the Controlled by Parent children of a standard object (Knowledge Article 000240369).
     */
    withoutObjectGrants?: boolean;
}

export interface EvaluationContext {
    readonly index: SnapshotIndex;
    readonly userId: string;
    readonly recordId: string;
    readonly user: Row;
    readonly record: Row;
    readonly objectApiName: string;
    readonly userName: string;
    readonly recordName: string;
    readonly classification: UserClassification;
    readonly objectPermissions: ObjectPermissionResult;
    readonly owd: OwdResolution;
    /** Share rows reaching this record (own table + AccountShare child columns), each with its layer. */
    readonly shares: readonly ShareGrant[];
    /**
     * True when next steps and blast radius are wanted (explain of the record asked about);
     * false for who-can-see sweeps and parent/child evaluations, where layers skip that work.
     */
    readonly detail: boolean;
    /** Nesting depth (0 for the record asked about; parents/children evaluated deeper). */
    readonly depth: number;
    /** Read a setting and record it in `settingsUsed`; with a fallback, an absent setting is recorded as assumed. */
    setting(key: string, fallback?: { value: Setting['value']; source: string }): Setting | null;
    readonly settingsUsed: Map<string, Setting>;
    /** Human label for any id. */
    name(id: string | null | undefined): string;
    /** This user's access to another record of the snapshot; null when it is not in the snapshot. */
    accessTo(recordId: string, options?: AccessToOptions): RecordAccess | null;
}
