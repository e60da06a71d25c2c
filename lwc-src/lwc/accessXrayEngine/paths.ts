/**
 * Grant paths: named chains from the user to the record, and share-row matching shared by
 * the sharing layers (is the user the grantee, or a member of the grantee group, and how).
 */
import { accessLevelOfGrant, accessLevelRank, andFlags, flagsOf, maxAccessLevelOf, type GrantLevel } from './accessLevels';
import type { EvaluationContext, ShareGrant } from './context';
import { describeRowCause } from './rowCauses';
import type { LayerEvaluation } from './layer';
import type { AccessFlags, AccessLevel, GrantPath, LayerId, PathStep } from './types';

export function userStep(ctx: EvaluationContext): PathStep {
    return { kind: 'user', label: ctx.userName, id: ctx.userId };
}

export function recordStep(ctx: EvaluationContext): PathStep {
    return { kind: 'record', label: `${ctx.objectApiName} ${ctx.recordName}`, id: ctx.recordId };
}

export function makePath(ctx: EvaluationContext, layer: LayerId, level: AccessLevel | GrantLevel, middle: PathStep[]): GrantPath {
    const accessLevel: AccessLevel = level === 'ReadEditTransfer' ? 'Transfer' : (level as AccessLevel);
    const steps = [userStep(ctx), ...middle, recordStep(ctx)];
    const id = `${layer}:${steps.map((s) => s.id ?? s.label).join('>')}`;
    const summary = `${steps.map((s) => s.label).join(' → ')} → ${accessLevel}`;
    return { id, layer, level: accessLevel, steps, summary };
}

/** How the user is the grantee of a share: null when not; otherwise the chain user → … → grantee. */
export function granteeChain(ctx: EvaluationContext, granteeId: string): PathStep[] | null {
    if (granteeId === ctx.userId) {
        return [];
    }
    const membership = ctx.index.isMember(ctx.userId, granteeId);
    return membership ? membership.chain : null;
}

/** Path step describing a share row. */
export function shareStep(ctx: EvaluationContext, grant: ShareGrant, label?: string): PathStep {
    const info = describeRowCause(grant.entry.rowCause);
    const rowId = typeof grant.entry.row.Id === 'string' ? grant.entry.row.Id : undefined;
    const onAccount = grant.viaAccountId ? ` on account ${ctx.name(grant.viaAccountId)} (${grant.column})` : '';
    return {
        kind: grant.layer === 'sharingRules' ? 'rule' : 'share',
        label: label ?? `${info.label}${onAccount}`,
        ...(rowId ? { id: rowId } : {}),
        via: 'shared by'
    };
}

export function evidenceOf(grant: ShareGrant): string {
    const id = typeof grant.entry.row.Id === 'string' ? grant.entry.row.Id : `${grant.entry.granteeId}/${grant.entry.rowCause}`;
    return `${grant.entry.table}:${id}`;
}

export function levelText(level: GrantLevel | AccessLevel): string {
    switch (level) {
        case 'Read':
            return 'Read Only';
        case 'Edit':
            return 'Read/Write';
        case 'ReadEditTransfer':
        case 'Transfer':
            return 'Read/Write/Transfer';
        case 'All':
            return 'Full Access';
        default:
            return String(level);
    }
}

export function pathLevel(level: GrantLevel): AccessLevel {
    return accessLevelOfGrant(level);
}

/** A value as a reader sees it in a message: quoted, cut short. */
function shown(value: unknown): string {
    if (typeof value === 'string') {
        return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
    }
    return value === undefined ? 'no value' : String(value);
}

/** The doubt on a share row whose access level is not a Salesforce value (explain and who-can-see say it the same way). */
export function unreadableShareText(name: (id: string) => string, grant: ShareGrant): string {
    return `share row ${evidenceOf(grant)} to ${name(grant.entry.granteeId)} has the access level ${shown(grant.entry.row[grant.column])}, which is not a Salesforce value (Read, Edit, All): what it grants is unknown`;
}

/**
 * Share rows of one layer on this record whose access level is not a value Salesforce uses
 * (Read, Edit, All; None for the child columns) and that reach the user (directly, through a
 * group, or — with `alsoBelow` — through someone below them): what they grant is unknown, so the
 * layer says so instead of dropping them.
 */
export function unreadableShareDoubts(ctx: EvaluationContext, layer: LayerId, alsoBelow?: (granteeId: string) => boolean): string[] {
    const out: string[] = [];
    for (const grant of ctx.shares) {
        if (grant.layer !== layer || grant.level !== null) {
            continue;
        }
        const grantee = grant.entry.granteeId;
        if (granteeChain(ctx, grantee) === null && !(alsoBelow?.(grantee) ?? false)) {
            continue;
        }
        const text = unreadableShareText(ctx.name, grant);
        if (!out.includes(text)) {
            out.push(text);
        }
    }
    return out;
}

const PATH_GRANT: Record<Exclude<AccessLevel, 'Delete'>, GrantLevel> = { None: 'None', Read: 'Read', Edit: 'Edit', Transfer: 'ReadEditTransfer', All: 'All' };

/** The rights a path's level stands for (Delete: read, edit and delete; a detail without Full Access on its master). */
function flagsOfPathLevel(level: AccessLevel): AccessFlags {
    return level === 'Delete' ? { read: true, edit: true, delete: true, transfer: false, share: false } : flagsOf(PATH_GRANT[level]);
}


/** "object permissions on Invoice__c (Read only)": what a user's object permissions lack, in the words of a capped path or reason. */
export function objectPermissionWords(object: string, read: boolean, edit: boolean, del: boolean): string {
    const missing = [...(edit ? [] : ['Edit']), ...(del ? [] : ['Delete'])];
    return `object permissions on ${object} (${!read ? 'no Read' : missing.length === 2 ? 'Read only' : missing.length ? `no ${missing.join(' or ')}` : 'Read, Edit and Delete'})`;
}

/** The gates that take something of `flags` away, in plain words: the object permissions (what they lack), a restriction rule, the licence, another blocking layer. */
export function gateWords(ctx: EvaluationContext, layers: readonly LayerEvaluation[], flags: AccessFlags): string {
    const words: string[] = [];
    for (const layer of layers) {
        const bound = layer.gate ?? (layer.status === 'blocks' ? layer.access : undefined);
        if (!bound || (Object.keys(flags) as (keyof AccessFlags)[]).every((op) => !flags[op] || bound[op])) {
            continue;
        }
        if (layer.id === 'objectPermissions') {
            const f = ctx.objectPermissions.flags;
            words.push(objectPermissionWords(ctx.objectApiName, f.read, f.edit, f.delete));
        } else if (layer.id === 'restrictionRules') {
            words.push(`restriction rule ${layer.blockedBy ?? ''}`.trim());
        } else if (layer.id === 'experienceCloud') {
            words.push(`the ${ctx.classification.licenceName ?? ctx.classification.label} licence`);
        } else {
            words.push(layer.title.toLowerCase());
        }
    }
    return words.join(' and ') || `object permissions on ${ctx.objectApiName}`;
}

/**
 * A path as far as the gates let it go: a path that gives the owner's access ends at Read for a
 * user whose object permissions stop at Read, and the summary says what capped it ("→ Read (All
 * capped at Read by object permissions on Invoice__c (Read only))"), so no path promises more
 * than the user can do. A path the gates block entirely is left as it is (the why-not says why).
 * Explain and who-can-see show the same paths.
 */
export function capPath(path: GrantPath, gate: AccessFlags, why: (flags: AccessFlags) => string): GrantPath {
    const flags = flagsOfPathLevel(path.level);
    const capped = maxAccessLevelOf(andFlags(flags, gate));
    if (accessLevelRank(capped) >= accessLevelRank(path.level) || capped === 'None') {
        return path;
    }
    return { ...path, level: capped, summary: `${path.summary.replace(/ → [A-Za-z]+$/, '')} → ${capped} (${path.level} capped at ${capped} by ${why(flags)})` };
}
