/**
 * Layers 1, 2, 3 and 10: object permissions, org-wide defaults (incl. Controlled by Parent),
 * ownership (incl. queues), system permissions (View All Data / Modify All Data, and the
 * User-object permissions of seed 003).
 * Sources: seed 001 layers 1–3 and 10; seed 000 steps 1–3; seed 002 (master-detail, two
 * masters); seed 003 (User records); access-semantics.md §1–3, §10.
 */
import { andFlags, anyFlag, flagsOf, FULL_ACCESS, grantOfSharingModel, noAccess, SHARING_MODEL_LABEL } from './accessLevels';
import type { EvaluationContext } from './context';
import { layerResult, notApplicable, type LayerEvaluation } from './layer';
import { makePath } from './paths';
import { blastCount } from './scope';
import { OBJECT_FLAG_LABEL, systemPermission, type ObjectFlag } from './permissions';
import { labelOf } from './snapshotIndex';
import type { AccessFlags, NextStep, PathStep } from './types';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function list(items: string[]): string {
    return items.length ? items.join(', ') : 'none';
}

/** Permission sets in the snapshot (not profile-owned, not assigned to the user) that grant a flag on the object. */
function permissionSetsGranting(ctx: EvaluationContext, field: string): NextStep[] {
    const { index } = ctx;
    const steps: NextStep[] = [];
    const assigned = new Set(index.rowsWhere('PermissionSetAssignment', 'AssigneeId', ctx.userId).map((a) => str(a.PermissionSetId)));
    for (const op of index.rowsWhere('ObjectPermissions', 'SobjectType', ctx.objectApiName)) {
        const psId = str(op.ParentId);
        const ps = index.byId(psId);
        if (op[field] !== true || !ps || ps.table !== 'PermissionSet' || ps.row.IsOwnedByProfile === true || ps.row.PermissionSetGroupId || assigned.has(psId)) {
            continue;
        }
        const others = index
            .rowsWhere('ObjectPermissions', 'ParentId', psId)
            .filter((o) => o.SobjectType !== ctx.objectApiName && (o.PermissionsRead === true || o.PermissionsEdit === true))
            .map((o) => `${str(o.SobjectType)} (${o.PermissionsEdit === true ? 'Edit' : 'Read'})`);
        const holders = (): number => index.rowsWhere('PermissionSetAssignment', 'PermissionSetId', psId).length;
        const system = ['PermissionsViewAllData', 'PermissionsModifyAllData'].filter((f) => ps.row[f] === true);
        steps.push({
            action: `Assign permission set ${labelOf(ps.row)} to ${ctx.userName}`,
            blastRadius:
                `It also grants ${blastCount(index, () => (others.length ? `access to ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more objects` : ''}` : 'no other object permissions in this snapshot'), 'its permissions on other objects')}` +
                `${system.length ? ` and the system permissions ${system.join(', ')}` : ''}; ${blastCount(index, () => `${holders()} user(s) hold it today`, 'its current holders keep it')}.`,
            kind: 'assignPermissionSet',
            targetIds: [psId]
        });
    }
    return steps.slice(0, 3);
}

export function evaluateObjectPermissions(ctx: EvaluationContext): LayerEvaluation {
    if (ctx.objectApiName === 'User') {
        return layerResult('objectPermissions', 'neutral', 'User records are not gated by object permissions: access follows user sharing (seed 003).', {
            gate: { ...FULL_ACCESS }
        });
    }
    const op = ctx.objectPermissions;
    const f = op.flags;
    const obj = ctx.objectApiName;
    if (!op.known) {
        return layerResult('objectPermissions', 'uncertain', `Object permissions on ${obj} unknown: ${op.uncertainties.join('; ')}. Assuming they allow what sharing grants.`, {
            gate: { ...FULL_ACCESS },
            nextSteps: [{ action: 'Collect ObjectPermissions and PermissionSetAssignment rows for this user', kind: 'collectEvidence' }]
        });
    }
    const gate: AccessFlags = { read: f.read, edit: f.read && f.edit, delete: f.read && f.delete, transfer: f.read && f.edit, share: f.read };
    const evidence = [...new Set(op.evidence)];
    const via = (flag: ObjectFlag): string => `${OBJECT_FLAG_LABEL[flag]} via ${list(op.via[flag])}`;
    const notes = [...(op.muted.length ? [`muted: ${op.muted.join('; ')}`] : [])];
    const uncertainties = op.uncertainties;
    if (f.modifyAll) {
        return layerResult('objectPermissions', 'grants', `Modify All on ${obj} (${list(op.via.modifyAll)}): every ${obj} record, whatever the sharing.`, {
            access: { ...FULL_ACCESS },
            gate,
            evidence,
            uncertainties,
            paths: [makePath(ctx, 'objectPermissions', 'All', [{ kind: 'permissionSet', label: `Modify All ${obj} (${list(op.via.modifyAll)})`, via: 'granted by' }])]
        });
    }
    if (f.viewAll) {
        return layerResult('objectPermissions', 'grants', `View All on ${obj} (${list(op.via.viewAll)}): read every ${obj} record. ${f.edit ? via('edit') : `No Edit on ${obj}`}.`, {
            access: { ...noAccess(), read: true },
            gate,
            evidence,
            uncertainties,
            paths: [makePath(ctx, 'objectPermissions', 'Read', [{ kind: 'permissionSet', label: `View All ${obj} (${list(op.via.viewAll)})`, via: 'granted by' }])]
        });
    }
    if (!f.read) {
        const ignored = ctx.index.rowsWhere('PermissionSetAssignment', 'AssigneeId', ctx.userId).length;
        const extra = notes.length ? ` (${notes.join('; ')})` : '';
        const steps = ctx.detail ? permissionSetsGranting(ctx, 'PermissionsRead') : [];
        if (!steps.length) {
            steps.push({ action: `Grant Read on ${obj} in a permission set assigned to ${ctx.userName}`, kind: 'grantObjectPermission', blastRadius: `${ctx.userName} could then read every ${obj} record that sharing gives them.` });
        }
        return layerResult(
            'objectPermissions',
            'blocks',
            `No Read permission on ${obj} from the profile or any of ${ignored} assigned permission set(s)${extra}: no ${obj} record is visible, whatever the sharing.`,
            { access: gate, gate, evidence, uncertainties, nextSteps: steps }
        );
    }
    const missing = (['edit', 'delete'] as ObjectFlag[]).filter((x) => !f[x]).map((x) => OBJECT_FLAG_LABEL[x]);
    const nextSteps = f.edit || !ctx.detail ? [] : permissionSetsGranting(ctx, 'PermissionsEdit');
    return layerResult(
        'objectPermissions',
        'neutral',
        `${via('read')}${f.edit ? `; ${via('edit')}` : ''}${f.delete ? `; ${via('delete')}` : ''}${missing.length ? `; no ${missing.join(' or ')} on ${obj}` : ''}. Object permissions allow; sharing decides which records.${notes.length ? ` (${notes.join('; ')})` : ''}`,
        { access: gate, gate, evidence, uncertainties, nextSteps }
    );
}

/** Master-detail / Controlled by Parent parents of the record. */
function parentFields(ctx: EvaluationContext): { fields: string[]; problem?: string } {
    const standard: Record<string, string[]> = { Contact: ['AccountId'], Order: ['AccountId'], Contract: ['AccountId'], Asset: ['AccountId'] };
    const known = standard[ctx.objectApiName];
    if (known) {
        return { fields: known };
    }
    const describe = ctx.index.snapshot.describe?.[ctx.objectApiName];
    if (!describe?.fields) {
        return { fields: [], problem: `describe of ${ctx.objectApiName} was not collected, so its master-detail fields are unknown` };
    }
    const masters = describe.fields
        .filter((fd) => fd.type === 'reference' && fd.cascadeDelete === true && fd.nillable !== true)
        .sort((a, b) => (a.relationshipOrder ?? 0) - (b.relationshipOrder ?? 0))
        .map((fd) => fd.name);
    return masters.length ? { fields: masters } : { fields: [], problem: `no master-detail field found in the describe of ${ctx.objectApiName}` };
}

export function evaluateOrgWideDefaults(ctx: EvaluationContext): LayerEvaluation {
    const owd = ctx.owd;
    const obj = ctx.objectApiName;
    const evidence = owd.source ? [owd.source] : [];
    if (!owd.model) {
        return layerResult('orgWideDefaults', 'uncertain', owd.problem ?? `The ${owd.side} org-wide default of ${obj} is unknown.`, {
            evidence,
            nextSteps: [{ action: `Collect EntityDefinition.${owd.side === 'external' ? 'External' : 'Internal'}SharingModel for ${obj}`, kind: 'collectEvidence' }]
        });
    }
    const label = SHARING_MODEL_LABEL[owd.model];
    const side = owd.side === 'external' ? `external default (it applies to external users like ${ctx.userName}):` : 'internal default:';
    const total = (): number => (ctx.detail ? ctx.index.rows(obj).length : 0);
    const changeOwd: NextStep = {
        action: `Raise the ${owd.side} org-wide default of ${obj} to Public Read Only`,
        blastRadius: `Every ${owd.side} user with Read on ${obj} could then read ${blastCount(ctx.index, () => `all ${total()} ${obj} record(s) in this snapshot (and every other one in the org)`, `every ${obj} record in the org`)}.`,
        kind: 'changeOwd'
    };
    if (owd.model === 'ControlledByParent') {
        const { fields, problem } = parentFields(ctx);
        if (problem) {
            return layerResult('orgWideDefaults', 'uncertain', `${obj} is Controlled by Parent, but ${problem}.`, { evidence });
        }
        let combined: AccessFlags | null = null;
        const steps: PathStep[] = [];
        const uncertainties: string[] = [];
        const parents: string[] = [];
        for (const field of fields) {
            const parentId = str(ctx.record[field]);
            if (!parentId) {
                continue;
            }
            const parent = ctx.accessTo(parentId);
            if (!parent) {
                uncertainties.push(`parent record ${parentId} (${field}) is not in the snapshot`);
                combined = noAccess();
                continue;
            }
            parents.push(`${parent.objectApiName} ${parent.name} (${field})`);
            uncertainties.push(...parent.uncertainties.map((u) => `parent ${parent.name}: ${u}`));
            const parentFlags: AccessFlags = { ...parent.access, delete: parent.access.delete && parent.access.share, transfer: parent.access.transfer && parent.access.share };
            combined = combined ? andFlags(combined, parentFlags) : parentFlags;
            steps.push({ kind: 'parentRecord', label: `${parent.objectApiName} ${parent.name}`, id: parentId, via: `controls (${field})` });
        }
        if (!combined) {
            return layerResult('orgWideDefaults', 'neutral', `${obj} is Controlled by Parent but this record has no parent (${fields.join(', ')} empty): only its owner and admins see it.`, { evidence });
        }
        const level = combined.share ? 'All' : combined.edit ? 'Edit' : combined.read ? 'Read' : 'None';
        const two = fields.length > 1 ? ` (two masters: access to both is needed, seed 002)` : '';
        if (uncertainties.length && !anyFlag(combined)) {
            return layerResult('orgWideDefaults', 'uncertain', `${obj} is Controlled by Parent${two}; ${uncertainties.join('; ')}.`, { evidence, uncertainties });
        }
        return layerResult(
            'orgWideDefaults',
            anyFlag(combined) ? 'grants' : 'neutral',
            `${obj} is Controlled by Parent${two}: access follows ${parents.join(' and ')} — ${anyFlag(combined) ? `${level} there` : 'no access there'}.`,
            {
                access: combined,
                evidence,
                uncertainties,
                paths: anyFlag(combined) ? [makePath(ctx, 'orgWideDefaults', level, steps)] : [],
                nextSteps: anyFlag(combined) ? [] : [{ action: `Give ${ctx.userName} access to the parent ${parents.join(' and ')}`, kind: 'other' }]
            }
        );
    }
    const grant = grantOfSharingModel(owd.model);
    if (owd.model === 'ControlledByLeadOrContact' || owd.model === 'ControlledByCampaign') {
        return layerResult('orgWideDefaults', 'uncertain', `The ${side} default of ${obj} is "${label}", which this engine does not evaluate.`, { evidence });
    }
    if (grant === 'None') {
        return layerResult('orgWideDefaults', 'neutral', `${obj} org-wide ${side} Private — only the owner, users above them, and explicit sharing give access.`, {
            evidence,
            nextSteps: [changeOwd]
        });
    }
    const access = flagsOf(grant);
    return layerResult('orgWideDefaults', 'grants', `${obj} org-wide ${side} ${label} — every ${owd.side} user with the object permission gets ${grant === 'Read' ? 'Read' : label.replace('Public ', '')}.`, {
        access,
        evidence,
        paths: [makePath(ctx, 'orgWideDefaults', grant, [{ kind: 'setting', label: `org-wide default ${label}`, via: 'applies' }])]
    });
}

export function evaluateOwnership(ctx: EvaluationContext): LayerEvaluation {
    const { index } = ctx;
    if (ctx.objectApiName === 'User') {
        if (ctx.recordId === ctx.userId) {
            return layerResult('ownership', 'grants', `This is ${ctx.userName}'s own user record: users can always read and edit their own user record (seed 003).`, {
                access: { ...noAccess(), read: true, edit: true },
                paths: [makePath(ctx, 'ownership', 'Edit', [{ kind: 'setting', label: 'own user record', via: 'is' }])]
            });
        }
        return layerResult('ownership', 'neutral', `This is ${ctx.recordName}'s user record, not ${ctx.userName}'s.`);
    }
    const ownerId = str(ctx.record.OwnerId);
    if (!ownerId) {
        return notApplicable('ownership', `${ctx.objectApiName} records have no OwnerId here (detail records are owned through their master).`);
    }
    const owner = index.byId(ownerId);
    const evidence = [`${ctx.objectApiName}:${ctx.recordId}`];
    if (ownerId === ctx.userId) {
        return layerResult('ownership', 'grants', `${ctx.userName} owns this record: the owner has full access (read, edit, delete, transfer, share) within their object permissions.`, {
            access: { ...FULL_ACCESS },
            evidence,
            paths: [makePath(ctx, 'ownership', 'All', [{ kind: 'share', label: 'owner', via: 'owns' }])]
        });
    }
    if (owner?.table === 'Group' && str(owner.row.Type) === 'Queue') {
        const membership = index.isMember(ctx.userId, ownerId);
        const queueName = labelOf(owner.row);
        if (membership) {
            return layerResult('ownership', 'grants', `Owned by queue ${queueName}; ${ctx.userName} is a member (${membership.chain.map((s) => s.label).join(' → ')}), so has the owner's access.`, {
                access: { ...FULL_ACCESS },
                evidence: [...evidence, `Group:${ownerId}`],
                paths: [makePath(ctx, 'ownership', 'All', [...membership.chain, { kind: 'share', label: 'queue owns', via: 'owns' }])]
            });
        }
        const owned = (): number => (ctx.detail ? index.rowsWhere(ctx.objectApiName, 'OwnerId', ownerId).length : 0);
        return layerResult('ownership', 'neutral', `Owned by queue ${queueName}; ${ctx.userName} is not a member of it.`, {
            evidence: [...evidence, `Group:${ownerId}`],
            nextSteps: [
                {
                    action: `Add ${ctx.userName} to queue ${queueName}`,
                    blastRadius: `Queue members get owner access to every record the queue owns: ${blastCount(index, () => `${owned()} ${ctx.objectApiName} record(s) in this snapshot`, `every ${ctx.objectApiName} record it owns`)}.`,
                    kind: 'addToQueue',
                    targetIds: [ownerId]
                }
            ]
        });
    }
    return layerResult('ownership', 'neutral', `Owned by ${owner ? labelOf(owner.row) : ownerId}, not by ${ctx.userName}.`, {
        evidence,
        nextSteps: [
            {
                action: `Transfer the record to ${ctx.userName}`,
                blastRadius: `Only this record; the current owner keeps access only through the hierarchy or sharing, and manual shares are removed on owner change (seed 000).`,
                kind: 'other',
                targetIds: [ctx.recordId]
            }
        ]
    });
}

export function evaluateSystemPermissions(ctx: EvaluationContext): LayerEvaluation {
    const { index } = ctx;
    const mad = systemPermission(index, ctx.userId, 'PermissionsModifyAllData');
    const vad = systemPermission(index, ctx.userId, 'PermissionsViewAllData');
    const names = (p: { via: { label: string }[] }): string => list(p.via.map((s) => s.label));
    const muted = [...mad.muted, ...vad.muted];
    const mutedNote = muted.length ? ` (muted: ${muted.join('; ')})` : '';
    if (!index.hasTable('PermissionSet')) {
        return layerResult('systemPermissions', 'uncertain', `PermissionSet rows were not collected, so View All Data / Modify All Data are unknown.`);
    }
    if (mad.granted) {
        return layerResult('systemPermissions', 'grants', `Modify All Data (${names(mad)}): read, edit, delete, transfer and share every record.`, {
            access: { ...FULL_ACCESS },
            evidence: mad.via.map((s) => `PermissionSet:${s.id}`),
            paths: [makePath(ctx, 'systemPermissions', 'All', [{ kind: 'permissionSet', label: `Modify All Data (${names(mad)})`, via: 'granted by' }])]
        });
    }
    if (ctx.objectApiName === 'User') {
        return evaluateUserSystemPermissions(ctx, vad.granted ? names(vad) : null);
    }
    if (vad.granted) {
        const noRead = ctx.objectPermissions.known && !ctx.objectPermissions.flags.read;
        return layerResult(
            'systemPermissions',
            'grants',
            `View All Data (${names(vad)}): read every record${noRead ? `, but only of objects the user can read — ${ctx.userName} has no Read on ${ctx.objectApiName} (View All Data does not grant object permissions on the platform, although seed 001 says it overrides them; see docs/engine.md)` : ''}.`,
            {
                access: { ...noAccess(), read: true },
                evidence: vad.via.map((s) => `PermissionSet:${s.id}`),
                paths: [makePath(ctx, 'systemPermissions', 'Read', [{ kind: 'permissionSet', label: `View All Data (${names(vad)})`, via: 'granted by' }])]
            }
        );
    }
    return layerResult('systemPermissions', 'neutral', `No View All Data or Modify All Data${mutedNote}.`, {
        nextSteps: [
            {
                action: `Grant View All Data to ${ctx.userName}`,
                blastRadius: 'Read on every record of every object the user can read — almost never the right fix.',
                kind: 'assignPermissionSet'
            }
        ]
    });
}

/** Seed 003: View All Users, Manage Users (implies View All Users), Manage External Users. */
function evaluateUserSystemPermissions(ctx: EvaluationContext, vadVia: string | null): LayerEvaluation {
    const { index } = ctx;
    const manage = systemPermission(index, ctx.userId, 'PermissionsManageUsers');
    const viewAllUsers = systemPermission(index, ctx.userId, 'PermissionsViewAllUsers');
    const manageExternal = systemPermission(index, ctx.userId, 'PermissionsManageExternalUsers');
    const target = index.classification(ctx.recordId);
    const names = (p: { via: { label: string }[] }): string => list(p.via.map((s) => s.label));
    if (manage.granted) {
        return layerResult('systemPermissions', 'grants', `Manage Users (${names(manage)}) implies View All Users and lets the user edit user records (seed 003).`, {
            access: { ...noAccess(), read: true, edit: true },
            paths: [makePath(ctx, 'systemPermissions', 'Edit', [{ kind: 'permissionSet', label: `Manage Users (${names(manage)})`, via: 'granted by' }])]
        });
    }
    const externalTarget = target.external && target.kind !== 'guest' && target.kind !== 'chatterExternal';
    if (manageExternal.granted && externalTarget) {
        return layerResult('systemPermissions', 'grants', `Manage External Users (${names(manageExternal)}) gives access to external user records regardless of user sharing (seed 003).`, {
            access: { ...noAccess(), read: true, edit: true },
            paths: [makePath(ctx, 'systemPermissions', 'Edit', [{ kind: 'permissionSet', label: `Manage External Users (${names(manageExternal)})`, via: 'granted by' }])]
        });
    }
    if (viewAllUsers.granted || vadVia) {
        const why = viewAllUsers.granted ? `View All Users (${names(viewAllUsers)})` : `View All Data (${vadVia})`;
        return layerResult('systemPermissions', 'grants', `${why}: read every user record regardless of user sharing (seed 003).`, {
            access: { ...noAccess(), read: true },
            paths: [makePath(ctx, 'systemPermissions', 'Read', [{ kind: 'permissionSet', label: why, via: 'granted by' }])]
        });
    }
    const note = manageExternal.granted ? ` Manage External Users does not cover ${target.label} records (seed 003).` : '';
    return layerResult('systemPermissions', 'neutral', `No View All Users, Manage Users, View All Data or Modify All Data.${note}`, {
        nextSteps: [{ action: `Grant View All Users to ${ctx.userName}`, blastRadius: 'Read on every user record in the org.', kind: 'assignPermissionSet' }]
    });
}
