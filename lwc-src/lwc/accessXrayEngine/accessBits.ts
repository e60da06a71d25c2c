/**
 * Access flags as a 5-bit number, for sweeps over many users (who-can-see): one small integer
 * per user instead of an object. The bit rules are those of `accessLevels.ts` and
 * `combineLayers` (engine.ts): Read/Write gives read+edit, Read/Write/Transfer adds transfer,
 * Full Access gives everything; "share" is what `UserRecordAccess.HasAllAccess` reports, Full
 * Access at the record level with object Read, whatever the other four rights.
 */
import type { GrantLevel } from './accessLevels';
import type { AccessFlags, AccessLevel } from './types';

export const READ = 1;
export const EDIT = 2;
export const DELETE = 4;
export const TRANSFER = 8;
export const SHARE = 16;
export const ALL = READ | EDIT | DELETE | TRANSFER | SHARE;
export const NONE = 0;

/** The bits a grant level gives (the same as `flagsOf`). */
export function bitsOfGrant(level: GrantLevel | null | undefined): number {
    switch (level) {
        case 'All':
            return ALL;
        case 'ReadEditTransfer':
            return READ | EDIT | TRANSFER;
        case 'Edit':
            return READ | EDIT;
        case 'Read':
            return READ;
        default:
            return NONE;
    }
}

export function flagsOfBits(bits: number): AccessFlags {
    return { read: (bits & READ) !== 0, edit: (bits & EDIT) !== 0, delete: (bits & DELETE) !== 0, transfer: (bits & TRANSFER) !== 0, share: (bits & SHARE) !== 0 };
}

export function bitsOfFlags(flags: AccessFlags): number {
    return (flags.read ? READ : 0) | (flags.edit ? EDIT : 0) | (flags.delete ? DELETE : 0) | (flags.transfer ? TRANSFER : 0) | (flags.share ? SHARE : 0);
}

/** Grants ANDed with gates, as `combineLayers` does (share stands without the other four: an owner without object Delete can share). */
export function combineBits(grant: number, gate: number): number {
    return grant & gate;
}

/** `UserRecordAccess.MaxAccessLevel` of a set of bits (the same as `maxAccessLevelOf`). */
export function levelOfBits(bits: number): AccessLevel {
    if ((bits & ALL) === ALL) {
        return 'All';
    }
    if (bits & TRANSFER) {
        return 'Transfer';
    }
    if (bits & DELETE) {
        return 'Delete';
    }
    if (bits & EDIT) {
        return 'Edit';
    }
    return bits & READ ? 'Read' : 'None';
}

const LEVEL_RANK: Record<AccessLevel, number> = { None: 0, Read: 1, Edit: 2, Delete: 3, Transfer: 4, All: 5 };

export function rankOfBits(bits: number): number {
    return LEVEL_RANK[levelOfBits(bits)];
}

/**
 * The gate object permissions put on a record (layersBase.ts): read needs Read; edit and
 * transfer need Read and Edit; delete needs Read and Delete; share needs Read.
 */
export function objectGateBits(read: boolean, edit: boolean, del: boolean): number {
    if (!read) {
        return NONE;
    }
    return READ | SHARE | (edit ? EDIT | TRANSFER : 0) | (del ? DELETE : 0);
}
