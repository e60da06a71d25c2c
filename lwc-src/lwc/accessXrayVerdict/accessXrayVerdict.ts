/**
 * The verdict header: one sentence for the selected operation ("Pat can't read 00001001."),
 * the blocking layer and its reason, the smallest fix, the uncertainty banner and the
 * reconciliation banner (engine vs the platform's UserRecordAccess).
 * Fires `showlayer` (detail: { layerId }) when the reader asks to see the blocking layer.
 */
import { LightningElement, api } from 'lwc';
import type { Explanation, Operation, WhyNot } from 'c/accessXrayEngine';
import { LABELS, format, operationVerb } from 'c/accessXrayLabels';

export default class AccessXrayVerdict extends LightningElement {
    @api explanation: Explanation | undefined;
    @api operation: Operation = 'read';

    labels = LABELS;

    get hasExplanation(): boolean {
        return this.explanation !== undefined && this.explanation !== null;
    }

    get allowed(): boolean {
        return this.explanation?.access?.[this.operation] === true;
    }

    get whyNot(): WhyNot | undefined {
        return this.explanation?.whyNot?.find((w) => w.operation === this.operation);
    }

    get sentence(): string {
        const e = this.explanation;
        if (!e) {
            return '';
        }
        const template = this.allowed ? LABELS.verdictAllowed : LABELS.verdictDenied;
        return format(template, e.userName, operationVerb(this.operation), e.recordName);
    }

    get iconName(): string {
        return this.allowed ? 'utility:success' : 'utility:ban';
    }

    get iconVariant(): string {
        return this.allowed ? 'success' : 'error';
    }

    get iconAlt(): string {
        return this.allowed ? LABELS.verdictAllowedIcon : LABELS.verdictDeniedIcon;
    }

    get headerClass(): string {
        return `slds-box slds-box_small verdict ${this.allowed ? 'verdict_allowed' : 'verdict_denied'}`;
    }

    get blockingLayerTitle(): string | undefined {
        const id = this.whyNot?.blockingLayer;
        if (!id) {
            return undefined;
        }
        return this.explanation?.layers?.find((l) => l.id === id)?.title ?? id;
    }

    get blockedLine(): string | undefined {
        const why = this.whyNot;
        if (this.allowed || !why) {
            return undefined;
        }
        return format(LABELS.verdictBlockedAt, this.blockingLayerTitle ?? why.blockingLayer, why.reason);
    }

    get fixLine(): string | undefined {
        const fix = this.whyNot?.cheapestFix;
        if (this.allowed || !fix) {
            return undefined;
        }
        return format(LABELS.verdictCheapestFix, fix.action);
    }

    get maxAccessLine(): string {
        return format(LABELS.verdictMaxAccess, this.explanation?.maxAccessLevel ?? 'None');
    }

    get summary(): string {
        return this.explanation?.summary ?? '';
    }

    /** The engine's summary, shown when allowed (it says how); when denied the blocked line says it already. */
    get showSummary(): boolean {
        return this.summary !== '' && this.blockedLine === undefined;
    }

    get showBlockingButton(): boolean {
        return !this.allowed && this.whyNot !== undefined;
    }

    get isUncertain(): boolean {
        return this.explanation?.uncertain === true;
    }

    get uncertainties(): { key: string; text: string }[] {
        return (this.explanation?.uncertainties ?? []).map((text, index) => ({ key: `${index}`, text }));
    }

    get reconciliationStatus(): string {
        return this.explanation?.reconciliation?.status ?? 'unavailable';
    }

    get disagrees(): boolean {
        return this.reconciliationStatus === 'disagrees';
    }

    get mismatchBody(): string {
        const r = this.explanation?.reconciliation;
        return format(
            LABELS.mismatchBody,
            r?.platform?.maxAccessLevel ?? LABELS.unknown,
            r?.computed?.maxAccessLevel ?? LABELS.unknown
        );
    }

    get mismatchExplanations(): { key: string; text: string }[] {
        return (this.explanation?.reconciliation?.explanations ?? []).map((text, index) => ({ key: `${index}`, text }));
    }

    get reconciliationNote(): string {
        const r = this.explanation?.reconciliation;
        if (this.reconciliationStatus === 'agrees') {
            return format(LABELS.reconcileAgrees, r?.platform?.maxAccessLevel ?? r?.computed?.maxAccessLevel ?? '');
        }
        return this.disagrees ? '' : LABELS.reconcileUnavailable;
    }

    handleShowBlocking(): void {
        const layerId = this.whyNot?.blockingLayer;
        if (layerId) {
            this.dispatchEvent(new CustomEvent('showlayer', { detail: { layerId } }));
        }
    }
}
