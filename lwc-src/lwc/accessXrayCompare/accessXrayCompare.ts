/**
 * Two users on the same record ("why can Ana see it and Ben not?"): their verdicts in equal
 * columns, the operations that differ highlighted, and each layer in plain words for both —
 * so "Object permissions: allows Read, Edit | allows Read" shows what differs, not just that
 * something does. By default only the layers that differ are listed. On small widths the
 * tables become lists. It holds the second user's picker; the parent collects and explains
 * (event `compareuserchange`, detail `{ recordId }`) and passes the result back.
 */
import { LightningElement, api } from 'lwc';
import type { Comparison, Explanation, Operation } from 'c/accessXrayEngine';
import { LABELS, format } from 'c/accessXrayLabels';
import { compareModel, verdictModel } from 'c/accessXrayPresentation';
import type { CompareModel } from 'c/accessXrayPresentation';

export default class AccessXrayCompare extends LightningElement {
    @api left: Explanation | undefined;
    @api right: Explanation | undefined;
    @api comparison: Comparison | undefined;
    @api operation: Operation = 'read';
    @api objectLabel: string | undefined;
    /** Lists instead of tables (sidebar, phone). */
    @api compact = false;
    /** The second user picked (the picker's value). */
    @api compareUserId: string | undefined;
    /** The second user's explanation is on its way. */
    @api loading = false;
    /** Why the second user couldn't be explained. */
    @api errors: unknown;
    /** The same user was picked twice. */
    @api sameUser = false;

    labels = LABELS;
    showAllLayers = false;

    get userFilter(): object {
        return { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    }

    get userDisplayInfo(): object {
        return { primaryField: 'Name', additionalFields: ['Username'] };
    }

    get userMatchingInfo(): object {
        return { primaryField: { fieldPath: 'Name' }, additionalFields: [{ fieldPath: 'Username' }] };
    }

    get hasErrors(): boolean {
        return this.errors !== undefined && this.errors !== null;
    }

    get showEmpty(): boolean {
        return !this.compareUserId && !this.loading;
    }

    handleUserChange(event: CustomEvent<{ recordId: string | null }>): void {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('compareuserchange', { detail: { recordId: event.detail?.recordId ?? null } }));
    }

    get ready(): boolean {
        return Boolean(this.left && this.right && this.comparison);
    }

    get leftName(): string {
        return this.left?.userName ?? '';
    }

    get rightName(): string {
        return this.right?.userName ?? '';
    }

    private verdict(e: Explanation | undefined): string {
        return e ? verdictModel(e, this.operation, this.objectLabel ?? e.objectApiName).sentence : '';
    }

    get leftVerdict(): string {
        return this.verdict(this.left);
    }

    get rightVerdict(): string {
        return this.verdict(this.right);
    }

    get model(): CompareModel | undefined {
        return this.left && this.right && this.comparison ? compareModel(this.left, this.right, this.comparison) : undefined;
    }

    get summary(): string {
        const m = this.model;
        if (!m) {
            return '';
        }
        if (m.differingOperations === 0 && m.differingLayers === 0) {
            return LABELS.compareNoDifferences;
        }
        return format(LABELS.compareSummary, m.differingOperations, m.differingLayers);
    }

    get hasDifferingLayers(): boolean {
        return (this.model?.differingLayers ?? 0) > 0;
    }

    get operationRows(): {
        key: string;
        label: string;
        rowClass: string;
        differs: boolean;
        aText: string;
        aIcon: string;
        aVariant: string;
        bText: string;
        bIcon: string;
        bVariant: string;
    }[] {
        const yes = { text: LABELS.compareAllowed, icon: 'utility:check', variant: 'success' };
        const no = { text: LABELS.compareNotAllowed, icon: 'utility:close', variant: 'error' };
        return (this.model?.operations ?? []).map((op) => {
            const a = op.a ? yes : no;
            const b = op.b ? yes : no;
            return {
                key: op.key,
                label: op.label,
                rowClass: op.differs ? 'compare__row compare__row_differs' : 'compare__row',
                differs: op.differs,
                aText: a.text,
                aIcon: a.icon,
                aVariant: a.variant,
                bText: b.text,
                bIcon: b.icon,
                bVariant: b.variant
            };
        });
    }

    get layerRows(): {
        key: string;
        title: string;
        rowClass: string;
        differs: boolean;
        aState: string;
        aReason: string;
        bState: string;
        bReason: string;
    }[] {
        return (this.model?.layers ?? [])
            .filter((row) => this.showAllLayers || !this.hasDifferingLayers || row.differs)
            .map((row) => ({
                key: row.key,
                title: row.title,
                rowClass: row.differs ? 'compare__row compare__row_differs' : 'compare__row',
                differs: row.differs,
                aState: row.a.text,
                aReason: row.aReason,
                bState: row.b.text,
                bReason: row.bReason
            }));
    }

    get layersHeading(): string {
        return this.showAllLayers || !this.hasDifferingLayers ? LABELS.compareAllLayers : LABELS.compareDifferingLayers;
    }

    handleShowAll(event: CustomEvent<{ checked: boolean }>): void {
        this.showAllLayers = event.detail.checked;
    }
}
