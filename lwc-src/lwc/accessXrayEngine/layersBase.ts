/**
 * Layers 1, 2, 3 and 10: object permissions, org-wide defaults (Controlled by Parent in
 * controlledByParent.ts), ownership (incl. queues), system permissions (View All Data / Modify
 * All Data, the User-object permissions, and the transfer permissions applied after the layers
 * are combined). Sources: Help "Object Permissions", "Organization-Wide Sharing Defaults",
 * "Transfer Records", "User Sharing"; Apex Developer Guide "Understanding Sharing"; Object
 * Reference PermissionSetAssignment, UserRecordAccess (docs/engine.md cites each rule).
 */
import { flagsOf, FULL_ACCESS, grantOfSharingModel, noAccess, SHARING_MODEL_LABEL } from './accessLevels';
import type { EvaluationContext } from './context';
import { evaluateControlledByParent } from './controlledByParent';
import type { Combined } from './engine';
import { layerResult, notApplicable, type EngineStep, type LayerEvaluation, type NearMissCandidate } from './layer';
import { objectPermissionNearMisses, objectPermissionSteps } from './objectPermissionSteps';
import { transferBlastRadius } from './ownerChange';
import { makePath } from './paths';
import { blastCount } from './scope';
import { OBJECT_FLAG_LABEL, systemPermission, type ObjectFlag } from './permissions';
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import { SOURCE } from './sources';
import type { AccessFlags, Row } from './types';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function list(items: string[]): string {
    return items.length ? items.join(', ') : 'none';
}

export function evaluateObjectPermissions(ctx: EvaluationContext): LayerEvaluation {
    if (ctx.objectApiName === 'User') {
        return layerResult('objectPermissions', 'neutral', 'User records are not gated by object permissions: access follows user sharing.', {
            gate: { ...FULL_ACCESS },
            sources: [SOURCE.userSharing]
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
    const nearMisses = ctx.detail ? objectPermissionNearMisses(ctx) : [];
    // The permission sets that would give each missing permission (a why-not picks the one its operation needs).
    const missing = (['read', 'edit', 'delete'] as ObjectFlag[]).filter((x) => !f[x]);
    const nextSteps: EngineStep[] = ctx.detail ? missing.flatMap((x) => objectPermissionSteps(ctx, x)) : [];
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
            nextSteps,
            nearMisses,
            paths: [makePath(ctx, 'objectPermissions', 'Read', [{ kind: 'permissionSet', label: `View All ${obj} (${list(op.via.viewAll)})`, via: 'granted by' }])]
        });
    }
    if (!f.read) {
        const assigned = ctx.index.rowsWhere('PermissionSetAssignment', 'AssigneeId', ctx.userId).length;
        const extra = notes.length ? ` (${notes.join('; ')})` : '';
        return layerResult(
            'objectPermissions',
            'blocks',
            `No Read permission on ${obj} from the profile or any of ${assigned} assigned permission set(s)${extra}: no ${obj} record is visible, whatever the sharing.`,
            { access: gate, gate, evidence, uncertainties, nextSteps, nearMisses }
        );
    }
    const lacking = missing.map((x) => OBJECT_FLAG_LABEL[x]);
    return layerResult(
        'objectPermissions',
        'neutral',
        `${via('read')}${f.edit ? `; ${via('edit')}` : ''}${f.delete ? `; ${via('delete')}` : ''}${lacking.length ? `; no ${lacking.join(' or ')} on ${obj}` : ''}. Object permissions allow; sharing decides which records.${notes.length ? ` (${notes.join('; ')})` : ''}`,
        { access: gate, gate, evidence, uncertainties, nextSteps, nearMisses }
    );
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
    if (owd.model === 'ControlledByParent') {
        return evaluateControlledByParent(ctx, evidence);
    }
    const label = SHARING_MODEL_LABEL[owd.model];
    const side = owd.side === 'external' ? `external default (it applies to external users like ${ctx.userName}):` : 'internal default:';
    const grant = grantOfSharingModel(owd.model);
    if (owd.model === 'ControlledByLeadOrContact' || owd.model === 'ControlledByCampaign') {
        return layerResult('orgWideDefaults', 'uncertain', `The ${side} default of ${obj} is "${label}", which Access X-Ray does not evaluate.`, { evidence });
    }
    if (grant === 'None') {
        return layerResult('orgWideDefaults', 'neutral', `${obj} org-wide ${side} Private — only the owner, users above them, and explicit sharing give access.`, {
            evidence,
            nextSteps: [raiseOwdStep(ctx)]
        });
    }
    const access = flagsOf(grant);
    return layerResult('orgWideDefaults', 'grants', `${obj} org-wide ${side} ${label} — every ${owd.side} user with the object permission gets ${grant === 'Read' ? 'Read' : label.replace('Public ', '')}.`, {
        access,
        evidence,
        paths: [makePath(ctx, 'orgWideDefaults', grant, [{ kind: 'setting', label: `org-wide default ${label}`, via: 'applies' }])]
    });
}

/** Raising a Private default to Public Read Only, with its blast radius (every record of the object). */
function raiseOwdStep(ctx: EvaluationContext): EngineStep {
    const total = ctx.detail ? ctx.index.rows(ctx.objectApiName).length : 0;
    return {
        action: `Raise the ${ctx.owd.side} org-wide default of ${ctx.objectApiName} to Public Read Only`,
        blastRadius: `Every ${ctx.owd.side} user with Read on ${ctx.objectApiName} could then read ${blastCount(ctx.index, () => `all ${total} ${ctx.objectApiName} record(s) in this snapshot (and every other one in the org)`, `every ${ctx.objectApiName} record in the org`)}.`,
        kind: 'changeOwd',
        source: SOURCE.owd,
        effect: { grant: { ...noAccess(), read: true } }
    };
}

/** Objects whose records have no owner of their own: a detail (Controlled by Parent, a master-detail field) or no OwnerId field in the describe (who-can-see reads the same). */
export function ownerless(ctx: Pick<EvaluationContext, 'owd' | 'objectApiName' | 'index'>): boolean {
    if (ctx.owd.model === 'ControlledByParent' && !['Contact', 'Order', 'Contract', 'Asset'].includes(ctx.objectApiName)) {
        return true;
    }
    const fields = ctx.index.snapshot.describe?.[ctx.objectApiName]?.fields;
    return !!fields && (!fields.some((f) => f.name === 'OwnerId') || fields.some((f) => f.type === 'reference' && f.cascadeDelete === true && f.nillable !== true));
}

export function evaluateOwnership(ctx: EvaluationContext): LayerEvaluation {
    const { index } = ctx;
    if (ctx.objectApiName === 'User') {
        if (ctx.recordId === ctx.userId) {
            return layerResult('ownership', 'grants', `This is ${ctx.userName}'s own user record: users can always read and edit their own user record.`, {
                access: { ...noAccess(), read: true, edit: true },
                paths: [makePath(ctx, 'ownership', 'Edit', [{ kind: 'setting', label: 'own user record', via: 'is' }])],
                sources: [SOURCE.userSharing]
            });
        }
        return layerResult('ownership', 'neutral', `This is ${ctx.recordName}'s user record, not ${ctx.userName}'s.`, { sources: [SOURCE.userSharing] });
    }
    const ownerId = str(ctx.record.OwnerId);
    const evidence = [`${ctx.objectApiName}:${ctx.recordId}`];
    if (!ownerId) {
        return ownerless(ctx)
            ? notApplicable('ownership', `${ctx.objectApiName} records have no owner of their own (detail records are owned through their master).`)
            : layerResult('ownership', 'uncertain', `This ${ctx.objectApiName} record has no OwnerId in the snapshot, so who owns it (and who is above the owner) is unknown.`, {
                  evidence,
                  nextSteps: [{ action: `Collect ${ctx.objectApiName}.OwnerId`, kind: 'collectEvidence' }]
              });
    }
    const owner = index.byId(ownerId);
    if (ownerId === ctx.userId) {
        return layerResult('ownership', 'grants', `${ctx.userName} owns this record: the owner has full access (read, edit, delete, transfer, share) within their object permissions.`, {
            access: { ...FULL_ACCESS },
            evidence,
            paths: [makePath(ctx, 'ownership', 'All', [{ kind: 'share', label: 'owner', via: 'owns' }])]
        });
    }
    if (!owner || (owner.table !== 'User' && owner.table !== 'Group')) {
        return layerResult('ownership', 'uncertain', `The owner ${ownerId} is not in the snapshot (neither a user nor a queue), so who owns this record — and who is above the owner — is unknown.`, {
            evidence,
            nextSteps: [{ action: `Collect the owner ${ownerId} (User or queue) with the snapshot`, kind: 'collectEvidence' }]
        });
    }
    if (owner.table === 'Group' && str(owner.row.Type) === 'Queue') {
        const membership = index.isMember(ctx.userId, ownerId);
        const queueName = labelOf(owner.row);
        if (membership) {
            return layerResult('ownership', 'grants', `Owned by queue ${queueName}; ${ctx.userName} is a member (${membership.chain.map((s) => s.label).join(' → ')}), so has the owner's access.`, {
                access: { ...FULL_ACCESS },
                evidence: [...evidence, `Group:${ownerId}`],
                paths: [makePath(ctx, 'ownership', 'All', [...membership.chain, { kind: 'share', label: 'queue owns', via: 'owns' }])],
                sources: [SOURCE.queues]
            });
        }
        const owned = (): number => (ctx.detail ? index.rowsWhere(ctx.objectApiName, 'OwnerId', ownerId).length : 0);
        return layerResult('ownership', 'neutral', `Owned by queue ${queueName}; ${ctx.userName} is not a member of it.`, {
            evidence: [...evidence, `Group:${ownerId}`],
            sources: [SOURCE.queues],
            nextSteps: [
                {
                    action: `Add ${ctx.userName} to queue ${queueName}`,
                    blastRadius: `Queue members get owner access to every record the queue owns: ${blastCount(index, () => `${owned()} ${ctx.objectApiName} record(s) in this snapshot`, `every ${ctx.objectApiName} record it owns`)}.`,
                    kind: 'addToQueue',
                    targetIds: [ownerId],
                    effect: { grant: { ...FULL_ACCESS } }
                }
            ]
        });
    }
    return layerResult('ownership', 'neutral', `Owned by ${labelOf(owner.row, ownerId)}, not by ${ctx.userName}.`, {
        evidence,
        sources: [SOURCE.ownerChange],
        nextSteps: [
            {
                action: `Transfer the record to ${ctx.userName}`,
                blastRadius: transferBlastRadius(ctx),
                kind: 'other',
                targetIds: [ctx.recordId],
                source: SOURCE.ownerChange,
                effect: { grant: { ...FULL_ACCESS } }
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
            `View All Data (${names(vad)}): read every record${noRead ? `, but only of objects the user can read — ${ctx.userName} has no Read on ${ctx.objectApiName} (View All Data does not grant object permissions)` : ''}.`,
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
                kind: 'assignPermissionSet',
                effect: { grant: { ...noAccess(), read: true } }
            }
        ]
    });
}

/** User records: View All Users, Manage Users (implies View All Users), Manage External Users (Help "User Sharing"). */
function evaluateUserSystemPermissions(ctx: EvaluationContext, vadVia: string | null): LayerEvaluation {
    const { index } = ctx;
    const manage = systemPermission(index, ctx.userId, 'PermissionsManageUsers');
    const viewAllUsers = systemPermission(index, ctx.userId, 'PermissionsViewAllUsers');
    const manageExternal = systemPermission(index, ctx.userId, 'PermissionsManageExternalUsers');
    const target = index.classification(ctx.recordId);
    const names = (p: { via: { label: string }[] }): string => list(p.via.map((s) => s.label));
    const sources = [SOURCE.userSharing];
    if (manage.granted) {
        return layerResult('systemPermissions', 'grants', `Manage Users (${names(manage)}) implies View All Users and lets the user edit user records.`, {
            access: { ...noAccess(), read: true, edit: true },
            paths: [makePath(ctx, 'systemPermissions', 'Edit', [{ kind: 'permissionSet', label: `Manage Users (${names(manage)})`, via: 'granted by' }])],
            sources
        });
    }
    const externalTarget = target.external && target.kind !== 'guest' && target.kind !== 'chatterExternal';
    if (manageExternal.granted && externalTarget) {
        return layerResult('systemPermissions', 'grants', `Manage External Users (${names(manageExternal)}) gives access to external user records regardless of user sharing.`, {
            access: { ...noAccess(), read: true, edit: true },
            paths: [makePath(ctx, 'systemPermissions', 'Edit', [{ kind: 'permissionSet', label: `Manage External Users (${names(manageExternal)})`, via: 'granted by' }])],
            sources
        });
    }
    if (viewAllUsers.granted || vadVia) {
        const why = viewAllUsers.granted ? `View All Users (${names(viewAllUsers)})` : `View All Data (${vadVia})`;
        return layerResult('systemPermissions', 'grants', `${why}: read every user record regardless of user sharing.`, {
            access: { ...noAccess(), read: true },
            paths: [makePath(ctx, 'systemPermissions', 'Read', [{ kind: 'permissionSet', label: why, via: 'granted by' }])],
            sources
        });
    }
    const note = manageExternal.granted ? ` Manage External Users does not cover ${target.label} records.` : '';
    return layerResult('systemPermissions', 'neutral', `No View All Users, Manage Users, View All Data or Modify All Data.${note}`, {
        nextSteps: [{ action: `Grant View All Users to ${ctx.userName}`, blastRadius: 'Read on every user record in the org.', kind: 'assignPermissionSet', effect: { grant: { ...noAccess(), read: true } } }],
        sources
    });
}

/** The transfer permission for an object: Transfer Cases or Transfer Leads for cases and leads, Transfer Record for every object (who-can-see reads the same list). */
export function transferPermissionFields(object: string): { field: string; label: string }[] {
    const any = { field: 'PermissionsTransferAnyEntity', label: 'Transfer Record' };
    if (object === 'Case') {
        return [{ field: 'PermissionsTransferAnyCase', label: 'Transfer Cases' }, any];
    }
    if (object === 'Lead') {
        return [{ field: 'PermissionsTransferAnyLead', label: 'Transfer Leads' }, any];
    }
    return [any];
}

/** Records the transfer permissions can apply to: not user records, records with an owner, permission sets collected. */
export function transferPermissionCanApply(index: SnapshotIndex, object: string, record: Row): boolean {
    return object !== 'User' && !!str(record.OwnerId) && index.hasTable('PermissionSet');
}

/** The rule itself: a holder who can read the record and has Edit on the object transfers it, when the gates let transfer through. */
export function transferPermissionGives(canRead: boolean, editOnObject: boolean, gateTransfer: boolean): boolean {
    return canRead && editOnObject && gateTransfer;
}

/** The doubt on a transfer the permission gives, unless a UserRecordAccess row confirms HasTransferAccess (null then). */
export function transferPermissionDoubt(index: SnapshotIndex, userId: string, recordId: string, object: string, label: string): string | null {
    const ura = index.rowsWhere('UserRecordAccess', 'UserId', userId).find((r) => str(r.RecordId) === recordId);
    return ura?.HasTransferAccess === true
        ? null
        : `transfer through ${label} follows Salesforce Help "Transfer Records" (the permission, Edit on ${object} and Read on the record); no UserRecordAccess row confirms it for this user and record`;
}

/**
 * Transfer Record (Transfer Cases, Transfer Leads) lets a user who is not the owner transfer
 * records they can read, with Edit on the object (Help "Transfer Records"; "Mass Transfer
 * Records": "read sharing access on the records"). Applied once the other layers are combined,
 * because it needs their Read. Uncertain until UserRecordAccess.HasTransferAccess confirms it.
 */
export function applyTransferPermission(ctx: EvaluationContext, layers: LayerEvaluation[], combined: Combined): Combined {
    if (combined.access.transfer || !transferPermissionCanApply(ctx.index, ctx.objectApiName, ctx.record)) {
        return combined;
    }
    const held = transferPermissionFields(ctx.objectApiName)
        .map((p) => ({ ...p, grant: systemPermission(ctx.index, ctx.userId, p.field) }))
        .find((p) => p.grant.granted);
    const at = layers.findIndex((l) => l.id === 'systemPermissions');
    const layer = layers[at];
    if (!held || !layer) {
        return combined;
    }
    const via = `${held.label} (${held.grant.via.map((s) => s.label).join(', ')})`;
    const editOnObject = ctx.objectPermissions.flags.edit;
    if (!transferPermissionGives(combined.access.read, editOnObject, combined.gate.transfer)) {
        if (combined.access.read && !editOnObject && ctx.detail) {
            // Record access is there; the permission needs Edit on the object too.
            // Granting Edit also makes the transfer permission count: the fix gives Transfer.
            const edit = objectPermissionSteps(ctx, 'edit')[0];
            const fix = edit ? { ...edit, effect: { ...edit.effect, grant: { ...noAccess(), ...edit.effect?.grant, transfer: true } } } : undefined;
            const nearMiss: NearMissCandidate = {
                tier: 1,
                layer: 'systemPermissions',
                mechanism: `${via} lets ${ctx.userName} transfer ${ctx.objectApiName} records they can read`,
                stoppedBy: `${ctx.userName} has no Edit permission on ${ctx.objectApiName}, which transferring needs`,
                ...(fix ? { fix } : {}),
                evidence: held.grant.via.map((s) => `PermissionSet:${s.id}`),
                source: SOURCE.transfer,
                would: { ...noAccess(), transfer: true }
            };
            layers[at] = { ...layer, nearMisses: [...layer.nearMisses, nearMiss] };
        }
        return combined;
    }
    const unconfirmed = transferPermissionDoubt(ctx.index, ctx.userId, ctx.recordId, ctx.objectApiName, held.label);
    const confirmed = unconfirmed === null;
    const doubt = unconfirmed ? [unconfirmed] : [];
    const reason = `${via}: ${ctx.userName} can transfer ${ctx.objectApiName} records they can read, with Edit on ${ctx.objectApiName}${confirmed ? ' (UserRecordAccess confirms it)' : ''}.`;
    const path = makePath(ctx, 'systemPermissions', 'Transfer', [{ kind: 'permissionSet', label: via, via: 'granted by' }]);
    const access: AccessFlags = layer.status === 'grants' ? { ...layer.access, transfer: true } : { ...noAccess(), transfer: true };
    layers[at] = {
        ...layer,
        status: 'grants',
        access,
        reason: layer.status === 'grants' ? `${layer.reason} ${reason}` : reason,
        paths: [...(layer.status === 'grants' ? layer.paths : []), path],
        evidence: [...layer.evidence, ...held.grant.via.map((s) => `PermissionSet:${s.id}`)],
        uncertainties: [...layer.uncertainties, ...doubt],
        sources: [...(layer.sources ?? []), SOURCE.transfer],
        nextSteps: layer.status === 'grants' ? layer.nextSteps : []
    };
    return { access: { ...combined.access, transfer: true }, grant: { ...combined.grant, transfer: true }, gate: combined.gate };
}
