/**
 * Controlled by Parent: a detail record's access follows its master(s); a Contact, Order,
 * Contract or Asset set to Controlled by Parent follows its account.
 * - Read needs Read on each master (two masters: access to both).
 * - Create, edit and delete of a custom detail need what the master-detail field's Sharing
 *   Setting asks, per master: "Read Only" (describe `writeRequiresMasterRead` true) → Read on
 *   the master; "Read/Write" (false) → Edit on the master — Edit, not Full Access, also for
 *   delete (Help: master-detail relationships, Sharing Setting; the detail's own object
 *   permissions still apply). A setting that wasn't collected makes the answer uncertain only
 *   when it matters (Read on the master, no Edit).
 * - Transfer and share of the detail follow Full Access on the master(s).
 * - Standard children: delete, transfer and share follow Full Access on the account; object-level
 *   View All / Modify All on the parent object does not reach them, while custom detail objects
 *   inherit it from their master (Knowledge Article 000240369).
 */
import { andFlags, anyFlag, maxAccessLevelOf, noAccess } from './accessLevels';
import type { EvaluationContext, RecordAccess } from './context';
import { layerResult, type EngineStep, type LayerEvaluation, type NearMissCandidate } from './layer';
import { makePath } from './paths';
import { objectPermissionSteps } from './objectPermissionSteps';
import type { SnapshotIndex } from './snapshotIndex';
import { SOURCE } from './sources';
import type { AccessFlags, FieldDescribe, PathStep } from './types';

/** Standard objects that can be Controlled by Parent (their account). */
const STANDARD_CHILDREN: Readonly<Record<string, string>> = { Contact: 'AccountId', Order: 'AccountId', Contract: 'AccountId', Asset: 'AccountId' };

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

export interface MasterField {
    name: string;
    /** Custom detail: the field's Sharing Setting (undefined when not collected); standard child: not used. */
    writeRequiresMasterRead?: boolean;
}

export interface MasterFields {
    fields: MasterField[];
    /** A standard child (Contact, Order, Contract, Asset) following its account. */
    standard: boolean;
    problem?: string;
}

/** Master-detail / Controlled by Parent parent fields of an object (explain and who-can-see read the same). */
export function masterFieldsOf(index: SnapshotIndex, object: string): MasterFields {
    const standardField = Object.prototype.hasOwnProperty.call(STANDARD_CHILDREN, object) ? STANDARD_CHILDREN[object] : undefined;
    if (standardField) {
        return { fields: [{ name: standardField }], standard: true };
    }
    const describe = index.snapshot.describe?.[object];
    if (!describe?.fields) {
        return { fields: [], standard: false, problem: `the describe of ${object} was not collected, so its master-detail fields are unknown` };
    }
    const masters = describe.fields
        .filter((fd: FieldDescribe) => fd.type === 'reference' && fd.cascadeDelete === true && fd.nillable !== true)
        .sort((a, b) => (a.relationshipOrder ?? 0) - (b.relationshipOrder ?? 0))
        .map((fd) => ({ name: fd.name, ...(typeof fd.writeRequiresMasterRead === 'boolean' ? { writeRequiresMasterRead: fd.writeRequiresMasterRead } : {}) }));
    return masters.length ? { fields: masters, standard: false } : { fields: [], standard: false, problem: `no master-detail field was found in the describe of ${object}` };
}

/**
 * What access to one master gives on the detail, and the doubt when the Sharing Setting is
 * unknown and matters. For a standard child, `parent` must be the access to the account without
 * object-level View All / Modify All on Account (`withoutObjectGrants`): it doesn't reach them.
 */
export function throughMaster(parent: AccessFlags, field: MasterField, standard: boolean): { flags: AccessFlags; doubt?: string } {
    const full = { transfer: parent.transfer && parent.share, share: parent.share };
    if (standard) {
        return { flags: { read: parent.read, edit: parent.edit, delete: parent.delete && parent.share, ...full } };
    }
    const write = field.writeRequiresMasterRead === true ? parent.read : parent.edit;
    const doubt =
        field.writeRequiresMasterRead === undefined && parent.read && !parent.edit
            ? `the Sharing Setting of the master-detail field ${field.name} was not collected (describe writeRequiresMasterRead): with "Read Only", Read on the master is enough to edit or delete this record; with "Read/Write", Edit on the master is needed`
            : undefined;
    return { flags: { read: parent.read, edit: write, delete: write, ...full }, ...(doubt ? { doubt } : {}) };
}

function levelOf(flags: AccessFlags): 'All' | 'Edit' | 'Read' | 'None' {
    return flags.share ? 'All' : flags.edit ? 'Edit' : flags.read ? 'Read' : 'None';
}

/** A manual share on a master record, as a next step for its detail. */
function shareMasterStep(ctx: EvaluationContext, parent: RecordAccess, level: 'Read' | 'Edit', detail: AccessFlags): EngineStep {
    return {
        action: `Share ${parent.objectApiName} ${parent.name} with ${ctx.userName} (${level === 'Edit' ? 'Read/Write' : 'Read Only'}), for example manually`,
        blastRadius: `Only that ${parent.objectApiName} record and its ${ctx.objectApiName} records. A manual share is removed when the record’s owner changes.`,
        kind: 'manualShare',
        targetIds: [parent.recordId],
        effect: { grant: detail }
    };
}

export function evaluateControlledByParent(ctx: EvaluationContext, evidence: string[]): LayerEvaluation {
    const obj = ctx.objectApiName;
    const { fields, standard, problem } = masterFieldsOf(ctx.index, ctx.objectApiName);
    const sources = [standard ? SOURCE.viewAllParent : SOURCE.masterDetail];
    if (problem) {
        return layerResult('orgWideDefaults', 'uncertain', `${obj} is Controlled by Parent, but ${problem}.`, { evidence, sources });
    }
    let combined: AccessFlags | null = null;
    const steps: PathStep[] = [];
    const uncertainties: string[] = [];
    const parents: string[] = [];
    const nearMisses: NearMissCandidate[] = [];
    const reached: { parent: RecordAccess; field: MasterField; flags: AccessFlags }[] = [];
    const nextSteps: EngineStep[] = [];
    for (const field of fields) {
        const parentId = str(ctx.record[field.name]);
        if (!parentId) {
            continue;
        }
        const parent = ctx.accessTo(parentId, standard ? { withoutObjectGrants: true } : undefined);
        if (!parent) {
            uncertainties.push(`the parent record ${parentId} (${field.name}) is not in the snapshot`);
            combined = noAccess();
            continue;
        }
        parents.push(`${parent.objectApiName} ${parent.name} (${field.name})`);
        uncertainties.push(...parent.uncertainties.map((u) => `parent ${parent.name}: ${u}`));
        const through = throughMaster(parent.access, field, standard);
        if (through.doubt) {
            uncertainties.push(through.doubt);
        }
        combined = combined ? andFlags(combined, through.flags) : through.flags;
        reached.push({ parent, field, flags: through.flags });
        steps.push({ kind: 'parentRecord', label: `${parent.objectApiName} ${parent.name}`, id: parentId, via: `controls (${field.name})` });
        nearMisses.push(...parentNearMisses(ctx, parent, field, standard, through.flags));
    }
    if (!combined) {
        return layerResult('orgWideDefaults', 'neutral', `${obj} is Controlled by Parent but this record has no parent (${fields.map((f) => f.name).join(', ')} empty): only administrators see it.`, { evidence, sources });
    }
    const level = levelOf(combined);
    const two = fields.length > 1 ? ' (it has two masters: access to both is needed)' : '';
    if (reached.length > 1 && !combined.read) {
        // Two masters: Read on one, none on the other.
        const open = reached.find((r) => r.flags.read);
        const closed = reached.find((r) => !r.flags.read);
        if (open && closed) {
            const fix = closed.parent.nearMiss?.fix ?? shareMasterStep(ctx, closed.parent, 'Read', { ...noAccess(), read: true });
            nearMisses.push({
                tier: 2,
                layer: 'orgWideDefaults',
                mechanism: `${ctx.userName} can read the master ${open.parent.objectApiName} ${open.parent.name}`,
                stoppedBy: `a ${obj} record needs access to both its masters, and ${ctx.userName} has none on ${closed.parent.objectApiName} ${closed.parent.name} (${closed.field.name})${closed.parent.nearMiss ? `: ${closed.parent.nearMiss.mechanism}, but ${closed.parent.nearMiss.stoppedBy}` : ''}`,
                fix: { ...fix, effect: { grant: { ...noAccess(), read: true } } },
                evidence: [`${open.parent.objectApiName}:${open.parent.recordId}`, `${closed.parent.objectApiName}:${closed.parent.recordId}`],
                source: SOURCE.masterDetail,
                would: { ...noAccess(), read: true }
            });
        }
    }
    if (uncertainties.length && !anyFlag(combined)) {
        return layerResult('orgWideDefaults', 'uncertain', `${obj} is Controlled by Parent${two}; ${uncertainties.join('; ')}.`, { evidence, uncertainties, nearMisses, sources });
    }
    const settingNote = standard ? '' : writeSettingNote(reached);
    if (!anyFlag(combined)) {
        for (const r of reached) {
            nextSteps.push(shareMasterStep(ctx, r.parent, 'Read', { ...noAccess(), read: true }));
        }
    }
    return layerResult(
        'orgWideDefaults',
        anyFlag(combined) ? 'grants' : 'neutral',
        `${obj} is Controlled by Parent${two}: access follows ${parents.join(' and ')} — ${anyFlag(combined) ? `${level === 'All' ? 'Full Access' : level} there` : 'no access there'}.${settingNote}`,
        {
            access: combined,
            evidence,
            uncertainties,
            // The path's level is what the detail gets (Full Access on a master without Edit there passes Read and share only).
            paths: anyFlag(combined) ? [makePath(ctx, 'orgWideDefaults', maxAccessLevelOf(combined), steps)] : [],
            nextSteps: nextSteps.slice(0, 2),
            nearMisses,
            sources
        }
    );
}

/** The master-detail Sharing Setting, said when it decides edit and delete. */
function writeSettingNote(reached: { parent: RecordAccess; field: MasterField; flags: AccessFlags }[]): string {
    const notes = reached
        .filter((r) => r.parent.access.read && !r.parent.access.edit && r.field.writeRequiresMasterRead !== undefined)
        .map((r) => {
            return r.field.writeRequiresMasterRead
                ? ` The Sharing Setting of ${r.field.name} is Read Only: Read on ${r.parent.name} is enough to edit and delete it (with the object permissions).`
                : ` The Sharing Setting of ${r.field.name} is Read/Write: editing or deleting it needs Edit on ${r.parent.name}.`;
        });
    return notes.join('');
}

/** Near misses seen through one master: no access to it (its own near miss), View All on a standard parent, the Read/Write Sharing Setting. */
function parentNearMisses(ctx: EvaluationContext, parent: RecordAccess, field: MasterField, standard: boolean, detail: AccessFlags): NearMissCandidate[] {
    const out: NearMissCandidate[] = [];
    const obj = ctx.objectApiName;
    const masterText = `${parent.objectApiName} ${parent.name}`;
    if (!parent.access.read && parent.nearMiss) {
        const m = parent.nearMiss;
        const grant = m.fix?.effect?.grant;
        out.push({
            ...m,
            layer: 'orgWideDefaults',
            mechanism: `${obj} follows its ${standard ? 'account' : 'master'} ${masterText}, where ${m.mechanism.charAt(0).toLowerCase()}${m.mechanism.slice(1)}`,
            ...(m.fix ? { fix: { ...m.fix, effect: { ...m.fix.effect, ...(grant ? { grant: throughMaster(grant, field, standard).flags } : {}) } } } : {}),
            would: throughMaster(m.would, field, standard).flags
        });
    }
    if (standard && !parent.access.read) {
        const full = ctx.accessTo(parent.recordId);
        if (full?.access.read && full.grantingLayers.length === 1 && full.grantingLayers[0] === 'objectPermissions') {
            const fix = objectPermissionSteps(ctx, 'viewAll')[0];
            out.push({
                tier: 3,
                layer: 'orgWideDefaults',
                mechanism: `${ctx.userName} has View All on ${parent.objectApiName}, which shows ${masterText}`,
                stoppedBy: `object-level View All on ${parent.objectApiName} doesn't reach its Controlled by Parent ${obj.toLowerCase()}s (only custom detail objects inherit it from their master)`,
                ...(fix ? { fix } : {}),
                evidence: [`${parent.objectApiName}:${parent.recordId}`],
                source: SOURCE.viewAllParent,
                would: { ...noAccess(), read: true }
            });
        }
    }
    if (!standard && parent.access.read && !parent.access.edit && field.writeRequiresMasterRead === false) {
        out.push({
            tier: 2,
            layer: 'orgWideDefaults',
            mechanism: `${ctx.userName} can read the master ${masterText}`,
            stoppedBy: `the master-detail field ${field.name} has the Sharing Setting Read/Write, so editing or deleting a ${obj} record needs Edit on the master`,
            fix: shareMasterStep(ctx, parent, 'Edit', { ...detail, edit: true, delete: true }),
            evidence: [`${parent.objectApiName}:${parent.recordId}`, `describe:${obj}.${field.name}`],
            source: SOURCE.masterDetail,
            would: { ...detail, read: true, edit: true, delete: true }
        });
    }
    return out;
}
