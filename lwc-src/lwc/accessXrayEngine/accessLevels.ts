/**
 * Access-level vocabulary: share-row levels, sharing models (both EntityDefinition
 * vocabularies), and the flags each gives. Sources: Object Reference UserRecordAccess
 * (MaxAccessLevel values), AccountShare & co (Read/Edit/All), Tooling EntityDefinition and
 * Metadata SharingModel (api-vocabulary.md §1–2), access-semantics.md §2.
 */
import type { AccessFlags, AccessLevel, Operation } from './types';
import { OPERATIONS } from './types';

/** A level a grant can carry (share rows, teams, territories, OWD). */
export type GrantLevel = 'None' | 'Read' | 'Edit' | 'ReadEditTransfer' | 'All';

const GRANT_RANK: Record<GrantLevel, number> = { None: 0, Read: 1, Edit: 2, ReadEditTransfer: 3, All: 4 };

export const NO_ACCESS: AccessFlags = Object.freeze({ read: false, edit: false, delete: false, transfer: false, share: false });
export const FULL_ACCESS: AccessFlags = Object.freeze({ read: true, edit: true, delete: true, transfer: true, share: true });

export function noAccess(): AccessFlags {
    return { ...NO_ACCESS };
}

export function flagsOf(level: GrantLevel): AccessFlags {
    switch (level) {
        case 'All':
            return { ...FULL_ACCESS };
        case 'ReadEditTransfer':
            return { read: true, edit: true, delete: false, transfer: true, share: false };
        case 'Edit':
            return { read: true, edit: true, delete: false, transfer: false, share: false };
        case 'Read':
            return { read: true, edit: false, delete: false, transfer: false, share: false };
        default:
            return noAccess();
    }
}

export function maxGrant(a: GrantLevel, b: GrantLevel): GrantLevel {
    return GRANT_RANK[a] >= GRANT_RANK[b] ? a : b;
}

export function minGrant(a: GrantLevel, b: GrantLevel): GrantLevel {
    return GRANT_RANK[a] <= GRANT_RANK[b] ? a : b;
}

export function grantRank(level: GrantLevel): number {
    return GRANT_RANK[level];
}

/** Share-row / team / territory level value → GrantLevel; null when unrecognised. */
export function parseShareLevel(value: unknown): GrantLevel | null {
    if (typeof value !== 'string') {
        return null;
    }
    switch (value.toLowerCase()) {
        case 'none':
        case 'private':
            return 'None';
        case 'read':
        case 'readonly':
            return 'Read';
        case 'edit':
        case 'readwrite':
            return 'Edit';
        case 'all':
        case 'fullaccess':
            return 'All';
        default:
            return null;
    }
}

export function orFlags(a: AccessFlags, b: AccessFlags): AccessFlags {
    return {
        read: a.read || b.read,
        edit: a.edit || b.edit,
        delete: a.delete || b.delete,
        transfer: a.transfer || b.transfer,
        share: a.share || b.share
    };
}

export function andFlags(a: AccessFlags, b: AccessFlags): AccessFlags {
    return {
        read: a.read && b.read,
        edit: a.edit && b.edit,
        delete: a.delete && b.delete,
        transfer: a.transfer && b.transfer,
        share: a.share && b.share
    };
}

export function anyFlag(a: AccessFlags): boolean {
    return a.read || a.edit || a.delete || a.transfer || a.share;
}

export function sameFlags(a: AccessFlags, b: AccessFlags): boolean {
    return OPERATIONS.every((op) => a[op] === b[op]);
}

/** `UserRecordAccess.MaxAccessLevel` for a set of flags. */
export function maxAccessLevelOf(flags: AccessFlags): AccessLevel {
    if (flags.read && flags.edit && flags.delete && flags.transfer && flags.share) {
        return 'All';
    }
    if (flags.transfer) {
        return 'Transfer';
    }
    if (flags.delete) {
        return 'Delete';
    }
    if (flags.edit) {
        return 'Edit';
    }
    return flags.read ? 'Read' : 'None';
}

const LEVEL_RANK: Record<AccessLevel, number> = { None: 0, Read: 1, Edit: 2, Delete: 3, Transfer: 4, All: 5 };

export function accessLevelRank(level: AccessLevel): number {
    return LEVEL_RANK[level];
}

/** The AccessLevel a grant level shows as on a path. */
export function accessLevelOfGrant(level: GrantLevel): AccessLevel {
    switch (level) {
        case 'All':
            return 'All';
        case 'ReadEditTransfer':
            return 'Transfer';
        case 'Edit':
            return 'Edit';
        case 'Read':
            return 'Read';
        default:
            return 'None';
    }
}

export function describeFlags(flags: AccessFlags): string {
    const ops = OPERATIONS.filter((op: Operation) => flags[op]);
    return ops.length ? ops.join(', ') : 'nothing';
}

/** Normalised org-wide default. */
export type SharingModel =
    | 'Private'
    | 'Read'
    | 'ReadWrite'
    | 'ReadWriteTransfer'
    | 'FullAccess'
    | 'ControlledByParent'
    | 'ReadSelect'
    | 'ControlledByLeadOrContact'
    | 'ControlledByCampaign';

/**
 * Both vocabularies (api-vocabulary.md §1): Tooling `None/Read/Edit/ReadEditTransfer/All` and
 * Metadata `Private/Read/ReadWrite/ReadWriteTransfer/FullAccess/ControlledByParent`.
 */
export function parseSharingModel(value: unknown): SharingModel | null {
    if (typeof value !== 'string') {
        return null;
    }
    switch (value.replace(/[\s/_-]/g, '').toLowerCase()) {
        case 'none':
        case 'private':
            return 'Private';
        case 'read':
        case 'publicreadonly':
        case 'readonly':
            return 'Read';
        case 'edit':
        case 'readwrite':
        case 'publicreadwrite':
            return 'ReadWrite';
        case 'readedittransfer':
        case 'readwritetransfer':
        case 'publicreadwritetransfer':
            return 'ReadWriteTransfer';
        case 'all':
        case 'fullaccess':
        case 'publicfullaccess':
            return 'FullAccess';
        case 'controlledbyparent':
            return 'ControlledByParent';
        case 'readselect':
        case 'use':
            return 'ReadSelect';
        case 'controlledbyleadorcontact':
            return 'ControlledByLeadOrContact';
        case 'controlledbycampaign':
            return 'ControlledByCampaign';
        default:
            return null;
    }
}

export const SHARING_MODEL_LABEL: Record<SharingModel, string> = {
    Private: 'Private',
    Read: 'Public Read Only',
    ReadWrite: 'Public Read/Write',
    ReadWriteTransfer: 'Public Read/Write/Transfer',
    FullAccess: 'Public Full Access',
    ControlledByParent: 'Controlled by Parent',
    ReadSelect: 'Use (Price Book)',
    ControlledByLeadOrContact: 'Controlled by Lead or Contact',
    ControlledByCampaign: 'Controlled by Campaign'
};

/** What a public sharing model grants on its own. */
export function grantOfSharingModel(model: SharingModel): GrantLevel {
    switch (model) {
        case 'Read':
        case 'ReadSelect':
            return 'Read';
        case 'ReadWrite':
            return 'Edit';
        case 'ReadWriteTransfer':
            return 'ReadEditTransfer';
        case 'FullAccess':
            return 'All';
        default:
            return 'None';
    }
}
