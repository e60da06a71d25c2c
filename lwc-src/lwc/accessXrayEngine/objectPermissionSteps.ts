/**
 * Next steps and near misses for object permissions: which permission set would give the
 * missing permission (with its blast radius), and which assignment or muting set stops one the
 * user almost has (an expired, inactive or revoked assignment; a permission muted in its group).
 * Each step carries its effect: the object-permission gate after the change.
 */
import { blastCount } from './scope';
import { FULL_ACCESS, noAccess } from './accessLevels';
import type { EvaluationContext } from './context';
import type { EngineStep, NearMissCandidate } from './layer';
import { OBJECT_FLAG_LABEL, permissionSetFlags, userPermissions, type ObjectFlag } from './permissions';
import { labelOf } from './snapshotIndex';
import { SOURCE } from './sources';
import type { AccessFlags } from './types';

type Flags = Record<ObjectFlag, boolean>;

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** The operations object permissions allow (the gate): edit and transfer need Edit, delete needs Delete, all need Read. */
export function gateOf(f: Flags): AccessFlags {
    return { read: f.read, edit: f.read && f.edit, delete: f.read && f.delete, transfer: f.read && f.edit, share: f.read };
}

function union(a: Flags, b: Flags): Flags {
    const out = { ...a };
    for (const k of Object.keys(b) as ObjectFlag[]) {
        out[k] = out[k] || b[k];
    }
    if (out.modifyAll) {
        out.viewAll = out.read = out.edit = out.delete = true;
    }
    if (out.viewAll || out.edit || out.delete) {
        out.read = true;
    }
    return out;
}

/** What a change adding these object permissions does: the new gate, and View All / Modify All as grants. */
function effectOfFlags(ctx: EvaluationContext, added: Flags): EngineStep['effect'] {
    const after = union(ctx.objectPermissions.flags, added);
    return { gate: gateOf(after), ...(after.modifyAll ? { grant: { ...FULL_ACCESS } } : after.viewAll ? { grant: { ...noAccess(), read: true } } : {}) };
}

/** What else assigning a permission set gives, and how many hold it: the blast radius of one assignment. */
export function permissionSetBlastRadius(ctx: EvaluationContext, permissionSetId: string): string {
    const { index } = ctx;
    const ps = index.byId(permissionSetId)?.row;
    const others = index
        .rowsWhere('ObjectPermissions', 'ParentId', permissionSetId)
        .filter((o) => o.SobjectType !== ctx.objectApiName && (o.PermissionsRead === true || o.PermissionsEdit === true))
        .map((o) => `${str(o.SobjectType)} (${o.PermissionsEdit === true ? 'Edit' : 'Read'})`);
    const holders = (): number => index.rowsWhere('PermissionSetAssignment', 'PermissionSetId', permissionSetId).length;
    const system = (['PermissionsViewAllData', 'PermissionsModifyAllData'] as const).filter((f) => ps?.[f] === true).map((f) => (f === 'PermissionsViewAllData' ? 'View All Data' : 'Modify All Data'));
    return (
        `It also grants ${blastCount(index, () => (others.length ? `access to ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more objects` : ''}` : 'no other object permissions in this snapshot'), 'its permissions on other objects')}` +
        `${system.length ? ` and ${system.join(', ')}` : ''}; ${blastCount(index, () => `${holders()} user(s) hold it today`, 'its current holders keep it')}.`
    );
}

/** Permission sets of the snapshot (not profile-owned, not a group's aggregate, not actively assigned) that give `flag` on the object. */
/**
 * Permission sets (not owned by a profile, not in a permission set group) that give `flag` on the
 * object, in ObjectPermissions row order: the same for every user, so listed once per snapshot.
 */
function assignableSets(ctx: EvaluationContext, flag: ObjectFlag): readonly { id: string; label: string; flags: Flags }[] {
    const { index } = ctx;
    return index.memo('objectPermissionSteps.assignable', `${ctx.objectApiName}\u0000${flag}`, () => {
        const seen = new Set<string>();
        const out: { id: string; label: string; flags: Flags }[] = [];
        for (const op of index.rowsWhere('ObjectPermissions', 'SobjectType', ctx.objectApiName)) {
            const psId = str(op.ParentId);
            const ps = index.byId(psId);
            if (seen.has(psId) || !ps || ps.table !== 'PermissionSet' || ps.row.IsOwnedByProfile === true || ps.row.PermissionSetGroupId) {
                continue;
            }
            seen.add(psId);
            const flags = permissionSetFlags(index, psId, ctx.objectApiName);
            if (flags[flag]) {
                out.push({ id: psId, label: labelOf(ps.row), flags });
            }
        }
        return out;
    });
}

export function objectPermissionSteps(ctx: EvaluationContext, flag: ObjectFlag): EngineStep[] {
    const { index } = ctx;
    const perms = userPermissions(index, ctx.userId);
    const assigned = new Set(perms.sources.flatMap((s) => s.permissionSetIds));
    // A set whose assignment expired, or is inactive or revoked, is renewed rather than assigned again.
    const lapsed = new Map(perms.ignoredAssignments.filter((a) => a.permissionSetIds.length === 1).map((a) => [a.permissionSetIds[0] as string, a]));
    // Every step's words first; the blast radius and the effect only for the three kept.
    const candidates: { action: string; psId: string; flags: Flags }[] = [];
    for (const ps of assignableSets(ctx, flag)) {
        if (assigned.has(ps.id)) {
            continue;
        }
        const again = lapsed.get(ps.id);
        candidates.push({
            action: again
                ? `${again.why.startsWith('expired') ? 'Renew' : 'Reactivate'} the assignment of permission set ${ps.label} to ${ctx.userName} (it gives ${OBJECT_FLAG_LABEL[flag]} on ${ctx.objectApiName})`
                : `Assign permission set ${ps.label} to ${ctx.userName} (it gives ${OBJECT_FLAG_LABEL[flag]} on ${ctx.objectApiName})`,
            psId: ps.id,
            flags: ps.flags
        });
    }
    candidates.sort((a, b) => a.action.localeCompare(b.action));
    const steps: EngineStep[] = candidates.slice(0, 3).map((c) => ({
        action: c.action,
        blastRadius: permissionSetBlastRadius(ctx, c.psId),
        kind: 'assignPermissionSet',
        targetIds: [c.psId],
        source: SOURCE.objectPermissions,
        effect: effectOfFlags(ctx, c.flags)
    }));
    if (!steps.length) {
        const added: Flags = { read: true, create: false, edit: flag === 'edit', delete: flag === 'delete', viewAll: flag === 'viewAll', modifyAll: flag === 'modifyAll' };
        steps.push({
            action: `Grant ${OBJECT_FLAG_LABEL[flag]} on ${ctx.objectApiName} in a permission set assigned to ${ctx.userName}`,
            blastRadius: `${ctx.userName} could then ${flag === 'viewAll' ? 'read every' : flag === 'modifyAll' ? 'read, edit and delete every' : `${OBJECT_FLAG_LABEL[flag].toLowerCase()} the`} ${ctx.objectApiName} record${flag === 'viewAll' || flag === 'modifyAll' ? '' : 's that sharing gives them'}.`,
            kind: 'grantObjectPermission',
            source: SOURCE.objectPermissions,
            effect: effectOfFlags(ctx, added)
        });
    }
    return steps.slice(0, 3);
}

/**
 * Object permissions the user almost has: an assignment that would give a missing permission
 * but is expired, inactive or revoked; a permission set group whose muting set removes it.
 * `would` is the gate they would open (they grant nothing by themselves, see nearMiss.ts).
 */
export function objectPermissionNearMisses(ctx: EvaluationContext): NearMissCandidate[] {
    const { index } = ctx;
    const current = ctx.objectPermissions.flags;
    const out: NearMissCandidate[] = [];
    for (const a of userPermissions(index, ctx.userId).ignoredAssignments) {
        let added: Flags = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };
        for (const psId of a.permissionSetIds) {
            added = union(added, permissionSetFlags(index, psId, ctx.objectApiName));
        }
        const missing = (Object.keys(added) as ObjectFlag[]).filter((f) => added[f] && !current[f] && f !== 'create');
        if (!missing.length) {
            continue;
        }
        const gives = missing.map((f) => OBJECT_FLAG_LABEL[f]).join(', ');
        out.push({
            tier: 2,
            layer: 'objectPermissions',
            mechanism: `${a.what} gives ${gives} on ${ctx.objectApiName}`,
            stoppedBy: `the assignment of ${a.what} to ${ctx.userName} ${a.why}`,
            fix: {
                action: `${a.why.startsWith('expired') ? 'Renew' : 'Reactivate'} the assignment of ${a.what} to ${ctx.userName}${a.why.startsWith('expired') ? ' (a later expiration date, or none)' : ''}`,
                blastRadius: a.permissionSetIds[0] ? permissionSetBlastRadius(ctx, a.permissionSetIds[0]) : `Only ${ctx.userName}.`,
                kind: 'assignPermissionSet',
                targetIds: [a.assignmentId, ...a.permissionSetIds].filter(Boolean),
                source: SOURCE.permissionSetAssignment,
                effect: effectOfFlags(ctx, added)
            },
            evidence: a.assignmentId ? [`PermissionSetAssignment:${a.assignmentId}`] : [],
            source: SOURCE.permissionSetAssignment,
            would: gateOf(union(current, added))
        });
    }
    for (const m of ctx.objectPermissions.mutedFlags) {
        if (current[m.flag]) {
            continue;
        }
        const holders = index.rowsWhere('PermissionSetAssignment', 'PermissionSetGroupId', m.groupId).length;
        const added: Flags = { read: true, create: false, edit: m.flag === 'edit', delete: m.flag === 'delete', viewAll: m.flag === 'viewAll', modifyAll: m.flag === 'modifyAll' };
        out.push({
            tier: 2,
            layer: 'objectPermissions',
            mechanism: `${m.groupLabel} gives ${OBJECT_FLAG_LABEL[m.flag]} on ${ctx.objectApiName}`,
            stoppedBy: `muting permission set ${ctx.name(m.mutingId)} in ${m.groupLabel} removes ${OBJECT_FLAG_LABEL[m.flag]} on ${ctx.objectApiName}`,
            fix: {
                action: `Remove ${OBJECT_FLAG_LABEL[m.flag]} on ${ctx.objectApiName} from muting permission set ${ctx.name(m.mutingId)}`,
                blastRadius: `Every user assigned ${m.groupLabel} gets ${OBJECT_FLAG_LABEL[m.flag]} on ${ctx.objectApiName} back: ${blastCount(ctx.index, () => `${holders} assignment(s) in this snapshot`, 'every such assignment')}.`,
                kind: 'grantObjectPermission',
                targetIds: [m.mutingId, m.groupId],
                source: SOURCE.mutingPermissionSet,
                effect: effectOfFlags(ctx, added)
            },
            evidence: [`MutingPermissionSet:${m.mutingId}`],
            source: SOURCE.mutingPermissionSet,
            would: gateOf(union(current, added))
        });
    }
    return out;
}
