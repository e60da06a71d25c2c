/**
 * Two users on the same record, side by side ("why can Ana see it and Ben not?"): each
 * layer's status and reason for both, the layers that differ highlighted and badged, and
 * a switch to show only those.
 */
import { LightningElement, api } from 'lwc';
import type { Comparison, Explanation, LayerStatus, Operation } from 'c/accessXrayEngine';
import { LABELS, format, operationVerb, statusLabel } from 'c/accessXrayLabels';

const BADGES: Record<LayerStatus, string> = {
    grants: 'slds-badge slds-theme_success',
    blocks: 'slds-badge slds-theme_error',
    neutral: 'slds-badge',
    uncertain: 'slds-badge slds-theme_warning',
    notApplicable: 'slds-badge slds-badge_lightest'
};

export default class AccessXrayCompare extends LightningElement {
    @api left: Explanation | undefined;
    @api right: Explanation | undefined;
    @api comparison: Comparison | undefined;
    @api operation: Operation = 'read';

    labels = LABELS;
    onlyDiffering = false;

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
        if (!e) {
            return '';
        }
        const template = e.access?.[this.operation] ? LABELS.verdictAllowed : LABELS.verdictDenied;
        return format(template, e.userName, operationVerb(this.operation), e.recordName);
    }

    get leftVerdict(): string {
        return this.verdict(this.left);
    }

    get rightVerdict(): string {
        return this.verdict(this.right);
    }

    get summary(): string {
        return this.comparison?.summary ?? '';
    }

    get hasDifferences(): boolean {
        return (this.comparison?.differingLayers?.length ?? 0) > 0;
    }

    get rows(): {
        key: string;
        title: string;
        rowClass: string;
        differs: boolean;
        aStatus: string;
        aBadge: string;
        aReason: string;
        bStatus: string;
        bBadge: string;
        bReason: string;
    }[] {
        return (this.comparison?.rows ?? [])
            .filter((row) => !this.onlyDiffering || row.differs)
            .map((row) => ({
                key: row.layer,
                title: row.a?.title ?? row.b?.title ?? row.layer,
                rowClass: row.differs ? 'compare__row compare__row_differs' : 'compare__row',
                differs: row.differs,
                aStatus: statusLabel(row.a?.status ?? 'uncertain'),
                aBadge: BADGES[row.a?.status] ?? 'slds-badge',
                aReason: row.a?.reason ?? '',
                bStatus: statusLabel(row.b?.status ?? 'uncertain'),
                bBadge: BADGES[row.b?.status] ?? 'slds-badge',
                bReason: row.b?.reason ?? ''
            }));
    }

    handleOnlyDiffering(event: CustomEvent<{ checked: boolean }>): void {
        this.onlyDiffering = event.detail.checked;
    }
}
