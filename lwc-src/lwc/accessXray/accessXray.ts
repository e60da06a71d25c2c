/**
 * Access X-Ray record panel and quick action ("Why can't this user see this?").
 *
 * Pick a user (or "me") → the data adapter collects the evidence in Apex → the engine runs
 * here in the browser (`loadSnapshot` + `explain`) → the answer leads (verdict, deciding
 * reason, smallest fix with a link and a what-if preview), then the layers as a compact strip,
 * and tabs for who can see the record, what-if, compare, grant paths and fields. Every Apex
 * call goes through `c/accessXrayDataAdapter` (mocked in Jest, the demo org in the preview).
 *
 * Sizes: App Builder passes `flexipageRegionWidth` (SMALL in a sidebar); the phone app reports
 * form factor Small; a narrow container (a quick action on a small window) is measured. Any of
 * them gives the compact layout: actions in an overflow menu, picker and "Me" stacked, the
 * operation as a combobox, lists instead of tables.
 */
import { LightningElement, api } from 'lwc';
import formFactor from '@salesforce/client/formFactor';
import { compareExplanations, explain, loadSnapshot, renderMarkdown } from 'c/accessXrayEngine';
import type { Explanation, LayerId, Operation, Snapshot } from 'c/accessXrayEngine';
import { attachVerdict, auditIdOf, collect, getCurrentUserId, setupStatus } from 'c/accessXrayDataAdapter';
import type { SetupStatus } from 'c/accessXrayDataAdapter';
import { reduceErrors } from 'c/accessXrayErrors';
import { LABELS, format, operationLabel } from 'c/accessXrayLabels';
import { EvidenceLookup, buildLinks } from 'c/accessXrayLinks';
import type { LinkMap } from 'c/accessXrayLinks';
import { recordText, verdictModel } from 'c/accessXrayPresentation';
import { requestForFix } from 'c/accessXrayWhatIfReplay';
import type { WhatIfRequest } from 'c/accessXrayWhatIfReplay';

const OPERATION_VALUES: Operation[] = ['read', 'edit', 'delete', 'transfer', 'share'];

/** Below this width (px) the panel uses its compact layout whatever the region says. */
export const COMPACT_BELOW_PX = 600;

/** Performance marks: data arrival → first render of the verdict (read by the e2e and the benchmark). */
export const MARK_DATA = 'axr:data-arrived';
export const MEASURE_RENDER = 'axr:first-render';
export const MEASURE_EXPLAIN = 'axr:explain';

type Comparison = ReturnType<typeof compareExplanations>;

interface ExplainedUser {
    explanation: Explanation;
    snapshot: unknown;
    links: LinkMap;
    objectLabel: string;
}

function isOperation(value: unknown): value is Operation {
    return typeof value === 'string' && (OPERATION_VALUES as string[]).includes(value);
}

function mark(name: string): void {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
        performance.mark(name);
    }
}

function measure(name: string, start: string): void {
    if (typeof performance !== 'undefined' && typeof performance.measure === 'function') {
        try {
            performance.measure(name, start);
        } catch (_markNotFound) {
            // The start mark was cleared: nothing to report.
        }
    }
}

export default class AccessXray extends LightningElement {
    private currentRecordId: string | undefined;
    private connected = false;
    private requestSeq = 0;
    private compareSeq = 0;
    private measurePending = false;
    private resizeObserver: ResizeObserver | undefined;

    /** Record page / quick action context. */
    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(value: string | undefined) {
        const changed = value !== this.currentRecordId;
        this.currentRecordId = value;
        // Quick actions set recordId after connectedCallback: re-explain when it arrives or changes.
        if (changed && this.connected && this.selectedUserId) {
            this.explainMain(this.selectedUserId);
        }
        if (changed && this.connected && this.compareUserId) {
            this.explainCompare(this.compareUserId);
        }
    }
    @api objectApiName: string | undefined;
    /** App Builder: operation selected when the panel opens (read, edit, delete, transfer, share). */
    @api defaultOperation = 'read';
    /** App Builder: "full" (verdict, layers and tabs) or "compact" (verdict and layers only). */
    @api mode = 'full';
    /** Set by Lightning App Builder: SMALL, MEDIUM or LARGE — the width of the region the panel sits in. */
    @api flexipageRegionWidth: string | undefined;

    labels = LABELS;
    operation: Operation = 'read';
    activeTab = 'layers';
    /** Measured width of the panel (0 until measured). */
    width = 0;

    setup: SetupStatus | undefined;
    setupLoading = true;
    setupErrors: unknown;

    selectedUserId: string | undefined;
    loading = false;
    errors: unknown;
    current: ExplainedUser | undefined;
    auditWarning = '';

    compareUserId: string | undefined;
    compareLoading = false;
    compareErrors: unknown;
    compared: ExplainedUser | undefined;

    whoCanSeeOpened = false;
    whatIfRequest: WhatIfRequest | undefined;

    exportStatus = '';
    markdownFallback = '';

    override connectedCallback(): void {
        this.connected = true;
        this.operation = isOperation(this.defaultOperation) ? this.defaultOperation : 'read';
        this.loadSetup();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.resizeObserver?.disconnect();
        this.resizeObserver = undefined;
    }

    override renderedCallback(): void {
        this.observeWidth();
        if (this.measurePending && this.current && !this.loading && this.template?.querySelector('c-access-xray-verdict')) {
            this.measurePending = false;
            measure(MEASURE_RENDER, MARK_DATA);
        }
    }

    /** Follows the panel's own width (a quick action on a narrow window, a resized region). */
    private observeWidth(): void {
        if (this.resizeObserver || typeof ResizeObserver === 'undefined') {
            return;
        }
        const root = this.template?.querySelector('[data-id="root"]');
        if (!root) {
            return;
        }
        this.resizeObserver = new ResizeObserver((entries) => {
            const width = Math.round(entries[0]?.contentRect.width ?? 0);
            if (width !== this.width) {
                this.width = width;
            }
        });
        this.resizeObserver.observe(root);
    }

    // ------------------------------------------------------------------ setup

    private async loadSetup(): Promise<void> {
        this.setupLoading = true;
        try {
            this.setup = await setupStatus();
            if (this.setup.hasPermission && !this.setup.canExplainAnyUser) {
                this.explainMain(getCurrentUserId());
            }
        } catch (error) {
            this.setupErrors = error;
        } finally {
            this.setupLoading = false;
        }
    }

    get isCompact(): boolean {
        return this.mode === 'compact';
    }

    /** The compact layout: sidebar region, phone, or a narrow container. */
    get compactLayout(): boolean {
        return (
            this.flexipageRegionWidth === 'SMALL' ||
            formFactor === 'Small' ||
            (this.width > 0 && this.width < COMPACT_BELOW_PX)
        );
    }

    /** The open tab; compare, paths and fields live under the layers in the compact layout. */
    get currentTab(): string {
        return this.compactLayout && ['compare', 'paths', 'fields'].includes(this.activeTab) ? 'layers' : this.activeTab;
    }

    get wideLayout(): boolean {
        return !this.compactLayout;
    }

    get rootClass(): string {
        return this.compactLayout ? 'axr axr_compact' : 'axr';
    }

    get hasRecord(): boolean {
        return Boolean(this.currentRecordId);
    }

    get setupMissingPermission(): boolean {
        return this.setup !== undefined && !this.setup.hasPermission;
    }

    get setupMissingItems(): { key: string; text: string }[] {
        return (this.setup?.missing ?? []).map((text, index) => ({ key: `${index}`, text }));
    }

    get showConnectionNote(): boolean {
        return this.setup !== undefined && this.setup.hasPermission && !this.setup.setupConnectionReady;
    }

    get canPickUsers(): boolean {
        return this.setup?.canExplainAnyUser === true;
    }

    get showControls(): boolean {
        return this.hasRecord && !this.setupLoading && this.setup !== undefined && this.setup.hasPermission;
    }

    get hasSetupErrors(): boolean {
        return this.setupErrors !== undefined && this.setupErrors !== null;
    }

    // ------------------------------------------------------------------ controls

    get userFilter(): object {
        return { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    }

    get userDisplayInfo(): object {
        return { primaryField: 'Name', additionalFields: ['Username'] };
    }

    get userMatchingInfo(): object {
        return { primaryField: { fieldPath: 'Name' }, additionalFields: [{ fieldPath: 'Username' }] };
    }

    get operationOptions(): { label: string; value: string }[] {
        return OPERATION_VALUES.map((op) => ({ label: operationLabel(op), value: op }));
    }

    get pickerClass(): string {
        return this.compactLayout ? 'controls__picker controls__picker_stacked' : 'controls__picker';
    }

    handleUserChange(event: CustomEvent<{ recordId: string | null }>): void {
        const userId = event.detail?.recordId ?? undefined;
        if (!userId) {
            this.requestSeq++;
            this.selectedUserId = undefined;
            this.current = undefined;
            this.errors = undefined;
            this.loading = false;
            return;
        }
        this.explainMain(userId);
    }

    handleMe(): void {
        this.explainMain(getCurrentUserId());
    }

    handleOperationChange(event: CustomEvent<{ value: string }>): void {
        if (isOperation(event.detail?.value)) {
            this.operation = event.detail.value;
            this.whatIfRequest = undefined;
        }
    }

    handleRetry(): void {
        if (this.selectedUserId) {
            this.explainMain(this.selectedUserId);
        }
    }

    handleTabActive(event: Event): void {
        const value = (event.target as HTMLElement & { value?: string }).value;
        if (value) {
            this.activeTab = value;
            if (value === 'whoCanSee') {
                this.whoCanSeeOpened = true;
            }
        }
    }

    handleShowLayer(event: CustomEvent<{ layerId: LayerId }>): void {
        const layerId = event.detail?.layerId;
        if (!layerId) {
            return;
        }
        this.activeTab = 'layers';
        // The layers tab may have to render first.
        Promise.resolve().then(() => {
            const list = this.template?.querySelector('c-access-xray-layer-list') as unknown as {
                expandLayer?: (id: string) => void;
            } | null;
            list?.expandLayer?.(layerId);
        });
    }

    handleWhatIfFix(): void {
        const request = this.fixRequest;
        if (!request) {
            return;
        }
        // A new object each time, so asking again re-runs the preview.
        this.whatIfRequest = { ...request };
        this.activeTab = 'whatIf';
    }

    handleExplainUser(event: CustomEvent<{ userId: string }>): void {
        const userId = event.detail?.userId;
        if (userId) {
            this.activeTab = 'layers';
            this.explainMain(userId);
        }
    }

    handleMenuSelect(event: CustomEvent<{ value: string }>): void {
        if (event.detail?.value === 'copy') {
            this.handleCopyMarkdown();
        } else if (event.detail?.value === 'download') {
            this.handleDownloadJson();
        }
    }

    // ------------------------------------------------------------------ explaining

    /** Collects evidence for one user and explains it. */
    private async run(userId: string): Promise<ExplainedUser> {
        const recordId = this.currentRecordId;
        if (!recordId) {
            throw new Error(LABELS.noRecord);
        }
        const raw = await collect(recordId, userId);
        mark(MARK_DATA);
        const loaded = loadSnapshot(raw);
        const explanation = explain(loaded, { userId, recordId });
        measure(MEASURE_EXPLAIN, MARK_DATA);
        const objectLabel = new EvidenceLookup(raw).objectLabel(explanation.objectApiName);
        return { explanation, snapshot: raw, links: buildLinks(raw, explanation), objectLabel };
    }

    /** Explains the main user; a slower earlier answer is dropped, never shown. */
    private async explainMain(userId: string): Promise<void> {
        const seq = ++this.requestSeq;
        this.selectedUserId = userId;
        this.loading = true;
        this.errors = undefined;
        this.auditWarning = '';
        this.exportStatus = '';
        this.markdownFallback = '';
        this.whatIfRequest = undefined;
        try {
            const result = await this.run(userId);
            if (seq !== this.requestSeq) {
                return;
            }
            this.current = result;
            this.measurePending = true;
            this.audit(result, seq);
        } catch (error) {
            if (seq === this.requestSeq) {
                this.current = undefined;
                this.errors = error;
            }
        } finally {
            if (seq === this.requestSeq) {
                this.loading = false;
            }
        }
    }

    /** The server wrote the audit row inside collect; the panel attaches its verdict to it (client-reported). */
    private async audit(result: ExplainedUser, seq: number): Promise<void> {
        const auditId = auditIdOf(result.snapshot);
        if (!auditId) {
            return;
        }
        try {
            await attachVerdict({
                auditId,
                maxAccessLevel: result.explanation.maxAccessLevel,
                summary: result.explanation.summary
            });
        } catch (error) {
            if (seq === this.requestSeq) {
                this.auditWarning = format(LABELS.auditFailed, reduceErrors(error).join(' '));
            }
        }
    }

    handleCompareUserChange(event: CustomEvent<{ recordId: string | null }>): void {
        this.explainCompare(event.detail?.recordId ?? undefined);
    }

    private explainCompare(userId: string | undefined): void {
        const seq = ++this.compareSeq;
        this.compareUserId = userId;
        this.compared = undefined;
        this.compareErrors = undefined;
        if (!userId) {
            this.compareLoading = false;
            return;
        }
        this.compareLoading = true;
        this.run(userId)
            .then((result) => {
                if (seq === this.compareSeq) {
                    this.compared = result;
                }
            })
            .catch((error: unknown) => {
                if (seq === this.compareSeq) {
                    this.compareErrors = error;
                }
            })
            .finally(() => {
                if (seq === this.compareSeq) {
                    this.compareLoading = false;
                }
            });
    }

    // ------------------------------------------------------------------ view state

    get explanation(): Explanation | undefined {
        return this.current?.explanation;
    }

    get snapshot(): unknown {
        return this.current?.snapshot;
    }

    get links(): LinkMap | undefined {
        return this.current?.links;
    }

    get objectLabel(): string | undefined {
        return this.current?.objectLabel;
    }

    get recordLabel(): string | undefined {
        const e = this.explanation;
        return e ? recordText(this.objectLabel ?? e.objectApiName, e.recordName) : undefined;
    }

    get hasExplanation(): boolean {
        return this.current !== undefined && !this.loading;
    }

    get hasErrors(): boolean {
        return this.errors !== undefined && this.errors !== null;
    }

    get showEmpty(): boolean {
        return !this.selectedUserId && !this.loading && !this.hasErrors;
    }

    /** The layer the verdict points at (deciding the selected operation). */
    get decidingLayer(): LayerId | undefined {
        const e = this.explanation;
        return e ? verdictModel(e, this.operation, this.objectLabel ?? e.objectApiName).layer : undefined;
    }

    get nearMissLayer(): LayerId | undefined {
        const e = this.explanation;
        const why = e?.whyNot?.find((w) => w.operation === this.operation);
        return why?.nearMiss?.layer ?? (this.operation === 'read' ? e?.nearMiss?.layer : undefined);
    }

    private get fixRequest(): WhatIfRequest | undefined {
        const e = this.explanation;
        if (!e || e.access?.[this.operation]) {
            return undefined;
        }
        const fix = verdictModel(e, this.operation, this.objectLabel ?? e.objectApiName).fix;
        return requestForFix(fix, this.operation, this.snapshot as Snapshot);
    }

    get canPreviewFix(): boolean {
        return this.fixRequest !== undefined;
    }

    get exportDisabled(): boolean {
        return !this.hasExplanation;
    }

    get comparison(): Comparison | undefined {
        const a = this.explanation;
        const b = this.compared?.explanation;
        if (!a || !b || a.recordId !== b.recordId || a.userId === b.userId) {
            return undefined;
        }
        return compareExplanations(a, b);
    }

    get compareSameUser(): boolean {
        return Boolean(this.compareUserId && this.compareUserId === this.selectedUserId && this.compared);
    }

    get compareRight(): Explanation | undefined {
        return this.compared?.explanation;
    }

    get hasCompareErrors(): boolean {
        return this.compareErrors !== undefined && this.compareErrors !== null;
    }

    get showCompareEmpty(): boolean {
        return !this.compareUserId && !this.compareLoading;
    }

    get settingsUsed(): { key: string; text: string }[] {
        return (this.explanation?.settingsUsed ?? []).map((s) => ({
            key: s.key,
            text: `${s.key} = ${String(s.setting.value)} (${format(LABELS.provenance, s.setting.source ?? s.setting.provenance)})`
        }));
    }

    get hasSettingsUsed(): boolean {
        return this.settingsUsed.length > 0;
    }

    // ------------------------------------------------------------------ export

    async handleCopyMarkdown(): Promise<void> {
        const e = this.explanation;
        if (!e) {
            return;
        }
        const markdown = renderMarkdown(e);
        this.dispatchEvent(new CustomEvent('exportmarkdown', { detail: { markdown } }));
        try {
            if (
                typeof navigator === 'undefined' ||
                !navigator.clipboard ||
                typeof navigator.clipboard.writeText !== 'function'
            ) {
                throw new Error('clipboard unavailable');
            }
            await navigator.clipboard.writeText(markdown);
            this.markdownFallback = '';
            this.exportStatus = LABELS.copied;
        } catch (_clipboardError) {
            // Clipboard blocked (permissions, insecure context, Locker): show the text to copy by hand.
            this.markdownFallback = markdown;
            this.exportStatus = LABELS.copyFailed;
        }
    }

    /** File name of the JSON export: access-xray-<recordId>-<userId>.json */
    get exportFileName(): string {
        const e = this.explanation;
        return `access-xray-${e?.recordId ?? 'record'}-${e?.userId ?? 'user'}.json`;
    }

    handleDownloadJson(): void {
        const e = this.explanation;
        if (!e) {
            return;
        }
        const payload = {
            format: 'access-xray-explanation',
            version: 1,
            exportedAt: new Date().toISOString(),
            explanation: e,
            comparison: this.comparison ?? null,
            comparedWith: this.compared?.explanation ?? null,
            snapshot: this.current?.snapshot ?? null
        };
        const json = JSON.stringify(payload, null, 2);
        const link = document.createElement('a');
        link.href = `data:application/json;charset=utf-8,${encodeURIComponent(json)}`;
        link.download = this.exportFileName;
        link.click();
        this.dispatchEvent(new CustomEvent('exportjson', { detail: { fileName: this.exportFileName, json } }));
        this.exportStatus = format(LABELS.downloaded, this.exportFileName);
    }
}
