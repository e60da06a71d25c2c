/**
 * The answer, first: the verdict line with the object ("Pat Partner can't read Case 00001001."),
 * the reason that decides (the near miss when the engine found one), and — for a denied
 * operation — the smallest fix with its side effect, a link to where it is done and a
 * "What if?" preview. Below it the reconciliation with Salesforce's own UserRecordAccess: an
 * explanation when the engine names the cause, a warning with what to do when they really
 * disagree; and the uncertainty banner when evidence was missing.
 *
 * Events: `showlayer` ({ layerId }) to open a layer, `whatif` to preview the fix, `retry` to
 * collect the evidence again (offered when Salesforce and the evidence disagree).
 */
import { LightningElement, api } from 'lwc';
import type { Explanation, Operation } from 'c/accessXrayEngine';
import { LABELS, format } from 'c/accessXrayLabels';
import type { LinkMap, NavTarget } from 'c/accessXrayLinks';
import { fixKey } from 'c/accessXrayLinks';
import { reconciliationView, verdictModel } from 'c/accessXrayPresentation';
import type { ReconciliationView, VerdictModel } from 'c/accessXrayPresentation';

export default class AccessXrayVerdict extends LightningElement {
    @api explanation: Explanation | undefined;
    @api operation: Operation = 'read';
    /** The object's label ("Case", "Invoice"); defaults to the API name. */
    @api objectLabel: string | undefined;
    /** Links by evidence id / fix key (accessXrayLinks.buildLinks). */
    @api links: LinkMap | undefined;
    /** The fix can be previewed with the engine's what-if (the parent decides). */
    @api canPreviewFix = false;

    labels = LABELS;

    get hasExplanation(): boolean {
        return this.explanation !== undefined && this.explanation !== null;
    }

    get model(): VerdictModel | undefined {
        const e = this.explanation;
        return e ? verdictModel(e, this.operation, this.objectLabel ?? e.objectApiName) : undefined;
    }

    get sentence(): string {
        return this.model?.sentence ?? '';
    }

    get lead(): string {
        return this.model?.lead ?? '';
    }

    get isNearMiss(): boolean {
        return this.model?.leadKind === 'nearMiss';
    }

    get allowed(): boolean {
        return this.model?.allowed === true;
    }

    get iconName(): string {
        return this.allowed ? 'utility:success' : 'utility:ban';
    }

    get iconVariant(): string {
        return this.allowed ? 'success' : 'error';
    }

    get headerClass(): string {
        return `slds-box slds-box_small verdict ${this.allowed ? 'verdict_allowed' : 'verdict_denied'}`;
    }

    get showLayerButton(): boolean {
        return this.model?.layer !== undefined;
    }

    get showLayerLabel(): string {
        return format(LABELS.showLayer, this.model?.layerTitle ?? '');
    }

    get fix(): { action: string; blastRadius: string | undefined } | undefined {
        const fix = this.model?.fix;
        return fix ? { action: fix.action, blastRadius: fix.blastRadius ? format(LABELS.blastRadius, fix.blastRadius) : undefined } : undefined;
    }

    get fixLink(): NavTarget | undefined {
        return this.model?.fix ? this.links?.[fixKey(this.operation)] : undefined;
    }

    get showWhatIf(): boolean {
        return this.fix !== undefined && this.canPreviewFix;
    }

    get maxAccessLine(): string {
        return format(LABELS.verdictMaxAccess, this.explanation?.maxAccessLevel ?? 'None');
    }

    get sources(): { key: string; text: string; url: string | undefined }[] {
        return (this.model?.sources ?? []).map((text, index) => ({
            key: `${index}`,
            text,
            url: /^https:\/\//.test(text) ? text : undefined
        }));
    }

    get hasSources(): boolean {
        return this.sources.length > 0;
    }

    get isUncertain(): boolean {
        return this.explanation?.uncertain === true;
    }

    get uncertainties(): { key: string; text: string }[] {
        return (this.explanation?.uncertainties ?? []).map((text, index) => ({ key: `${index}`, text }));
    }

    get reconciliation(): ReconciliationView | undefined {
        return this.explanation ? reconciliationView(this.explanation) : undefined;
    }

    get agrees(): boolean {
        return this.reconciliation?.kind === 'agrees';
    }

    get explained(): boolean {
        return this.reconciliation?.kind === 'explained';
    }

    get disagrees(): boolean {
        return this.reconciliation?.kind === 'disagrees';
    }

    get unavailable(): boolean {
        return this.reconciliation?.kind === 'unavailable';
    }

    get agreesText(): string {
        return format(LABELS.reconcileAgrees, this.reconciliation?.platformLevel ?? '');
    }

    get explainedTitle(): string {
        return format(LABELS.reconcileExplainedTitle, this.reconciliation?.platformLevel ?? '');
    }

    get mismatchBody(): string {
        const r = this.reconciliation;
        return format(LABELS.mismatchBody, r?.platformLevel ?? LABELS.unknown, r?.computedLevel ?? LABELS.unknown);
    }

    get reconcileExplanations(): { key: string; text: string }[] {
        return (this.reconciliation?.explanations ?? []).map((text, index) => ({ key: `${index}`, text }));
    }

    handleShowLayer(): void {
        const layerId = this.model?.layer;
        if (layerId) {
            this.dispatchEvent(new CustomEvent('showlayer', { detail: { layerId } }));
        }
    }

    handleWhatIf(): void {
        this.dispatchEvent(new CustomEvent('whatif'));
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
