/**
 * What changing a record's owner does to the access others have, said the same way in every
 * fix and blast radius (Apex Developer Guide "Understanding Sharing"; Help "Transfer Records"):
 * manual shares (RowCause Manual) are removed; Apex managed shares (custom sharing reasons)
 * stay; account and opportunity team members are removed unless the person changing the owner
 * keeps the team ("Keep Account Team", "Keep Opportunity Team"). Sharing rules are recalculated
 * for the new owner.
 */
import type { EvaluationContext } from './context';
import { shareTableFor } from './shareTables';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** One sentence: what an owner change of this record removes and keeps, with counts from the snapshot. */
export function ownerChangeEffects(ctx: EvaluationContext, recordId = ctx.recordId, object = ctx.objectApiName): string {
    const { index } = ctx;
    const info = shareTableFor(object);
    const rows = index.sharesOf(recordId).filter((e) => e.table === info.table);
    const manual = rows.filter((e) => e.rowCause === 'Manual').length;
    const apex = rows.filter((e) => e.rowCause.endsWith('__c')).length;
    let text = `Changing the owner removes its manual shares (RowCause Manual; ${manual} on this record) and keeps its Apex managed shares (custom sharing reasons; ${apex} on this record)`;
    if (object === 'Account' || object === 'Opportunity') {
        const table = object === 'Account' ? 'AccountTeamMember' : 'OpportunityTeamMember';
        const members = index.rowsWhere(table, `${object}Id`, recordId).length;
        text += `; its ${object.toLowerCase()} team members (${members}) are removed unless "Keep ${object} Team" is selected`;
    }
    return `${text}.`;
}

/** The blast radius of transferring a record to someone: the owner change, for this record only. */
export function transferBlastRadius(ctx: EvaluationContext): string {
    const owner = currentOwnerName(ctx);
    return `Only this record: ${owner ? `${owner} keeps access only through the role hierarchy or sharing. ` : ''}${ownerChangeEffects(ctx)}`;
}

function currentOwnerName(ctx: EvaluationContext): string {
    const ownerId = str(ctx.record.OwnerId);
    return ownerId ? ctx.name(ownerId) : '';
}

/** The blast radius of a manual share on one record: only that record, and what happens to it on an owner change. */
export function manualShareBlastRadius(): string {
    return 'Only this record. A manual share is removed when the record’s owner changes (Apex managed shares are kept). Only the owner, users above them in the role hierarchy and administrators can add it.';
}
