/**
 * What-if: try one change for the selected user — assign a permission set or permission set
 * group, add to a public group or queue, change the role, or share this record — and see the
 * verdict before and after, what opens or closes, which layers change and how many other
 * records of the object it would also open, before doing it in Setup (a link goes there).
 * Nothing is written to the org: the engine replays the change on the evidence. A target the
 * evidence doesn't hold is collected with `collectWithTargets` first.
 */
import { LightningElement, api } from 'lwc';
import type { Explanation, Operation, Snapshot } from 'c/accessXrayEngine';
import { collectWithTargets, searchSetupItems } from 'c/accessXrayDataAdapter';
import type { SetupItem, SetupItemKind } from 'c/accessXrayDataAdapter';
import { LABELS, format, operationLabel } from 'c/accessXrayLabels';
import { EvidenceLookup, targetForId, targetForStep } from 'c/accessXrayLinks';
import type { NavTarget } from 'c/accessXrayLinks';
import { recordText, verdictModel } from 'c/accessXrayPresentation';
import { previewWhatIf, targetInSnapshot } from 'c/accessXrayWhatIfReplay';
import type { WhatIfKind, WhatIfOutcome, WhatIfRequest } from 'c/accessXrayWhatIfReplay';

const SEARCH_DELAY_MS = 300;
/** searchSetupItems answers from two characters on (fewer return nothing). */
export const MIN_SEARCH_CHARS = 2;

const KIND_LABELS: Record<WhatIfKind, string> = {
    permissionSet: LABELS.whatIfKindPermissionSet,
    permissionSetGroup: LABELS.whatIfKindPermissionSetGroup,
    group: LABELS.whatIfKindGroup,
    queue: LABELS.whatIfKindQueue,
    role: LABELS.whatIfKindRole,
    share: LABELS.whatIfKindShare
};

export default class AccessXrayWhatIf extends LightningElement {
    private presetRequest: WhatIfRequest | undefined;
    private searchTimer: ReturnType<typeof setTimeout> | undefined;
    private searchSeq = 0;
    private runSeq = 0;

    /** The current explanation (user, record, operation context). */
    @api explanation: Explanation | undefined;
    /** The evidence it rests on (what the change is replayed on). */
    @api snapshot: unknown;
    @api operation: Operation = 'read';
    @api objectLabel: string | undefined;
    /** Stacked controls (sidebar, phone). */
    @api compact = false;

    /** A change to preview at once (the verdict's "What if?" on its fix). */
    @api
    get request(): WhatIfRequest | undefined {
        return this.presetRequest;
    }
    set request(value: WhatIfRequest | undefined) {
        this.presetRequest = value;
        if (value) {
            this.kind = value.kind;
            this.targetId = value.targetId ?? '';
            this.level = value.level ?? 'Read';
            this.results = [];
            this.blastRadius = value.blastRadius;
            this.targetName = value.targetId ? new EvidenceLookup(this.snapshot).nameOf(value.targetId) : '';
            this.run();
        }
    }

    labels = LABELS;
    kind: WhatIfKind = 'permissionSet';
    level: 'Read' | 'Edit' = 'Read';
    targetId = '';
    targetName = '';
    blastRadius: string | undefined;
    results: SetupItem[] = [];
    searching = false;
    searchErrors: unknown;
    running = false;
    errors: unknown;
    outcome: WhatIfOutcome | undefined;
    /** The snapshot the last preview ran on (a target may have been collected with it). */
    private previewSnapshot: unknown;

    override disconnectedCallback(): void {
        if (this.searchTimer) {
            clearTimeout(this.searchTimer);
        }
        this.searchSeq++;
        this.runSeq++;
    }

    get intro(): string {
        return format(LABELS.whatIfIntro, this.explanation?.userName ?? '');
    }

    get kindOptions(): { label: string; value: string }[] {
        return (Object.keys(KIND_LABELS) as WhatIfKind[]).map((k) => ({ label: KIND_LABELS[k], value: k }));
    }

    get isShare(): boolean {
        return this.kind === 'share';
    }

    get levelOptions(): { label: string; value: string }[] {
        return [
            { label: LABELS.whatIfLevelRead, value: 'Read' },
            { label: LABELS.whatIfLevelEdit, value: 'Edit' }
        ];
    }

    get searchLabel(): string {
        return format(LABELS.whatIfFind, KIND_LABELS[this.kind]);
    }

    get resultOptions(): { label: string; value: string }[] {
        return this.results.map((r) => ({ label: r.detail ? `${r.name} (${r.detail})` : r.name, value: r.id }));
    }

    get hasResults(): boolean {
        return this.results.length > 0;
    }

    get noResults(): boolean {
        return !this.searching && this.searchedOnce && this.results.length === 0 && !this.hasSearchErrors;
    }

    searchedOnce = false;
    searchTerm = '';

    /** Until two letters are typed, say so (instead of an empty list). */
    get showTypeHint(): boolean {
        return !this.isShare && !this.searching && this.searchTerm.length < MIN_SEARCH_CHARS && !this.targetId;
    }

    get hasSearchErrors(): boolean {
        return this.searchErrors !== undefined && this.searchErrors !== null;
    }

    get controlsClass(): string {
        return this.compact ? 'whatif__controls whatif__controls_stacked' : 'whatif__controls';
    }

    get previewDisabled(): boolean {
        return this.running || !this.explanation || (!this.isShare && !this.targetId);
    }

    get hasErrors(): boolean {
        return this.errors !== undefined && this.errors !== null;
    }

    get hasOutcome(): boolean {
        return this.outcome !== undefined && !this.running;
    }

    private sentence(e: Explanation): string {
        return verdictModel(e, this.operation, this.objectLabel ?? e.objectApiName).sentence;
    }

    get beforeText(): string {
        return this.outcome ? this.sentence(this.outcome.before) : '';
    }

    get afterText(): string {
        return this.outcome ? this.sentence(this.outcome.after) : '';
    }

    get afterAllowed(): boolean {
        return this.outcome?.after.access?.[this.operation] === true;
    }

    get afterIcon(): string {
        return this.afterAllowed ? 'utility:success' : 'utility:ban';
    }

    get afterVariant(): string {
        return this.afterAllowed ? 'success' : 'error';
    }

    get gainedText(): string {
        const o = this.outcome;
        if (!o) {
            return '';
        }
        if (o.gained.length === 0 && o.lost.length === 0) {
            return LABELS.whatIfNoChange;
        }
        const parts: string[] = [];
        if (o.gained.length > 0) {
            parts.push(format(LABELS.whatIfGains, o.gained.map((op) => operationLabel(op)).join(', ')));
        }
        if (o.lost.length > 0) {
            parts.push(format(LABELS.whatIfLoses, o.lost.map((op) => operationLabel(op)).join(', ')));
        }
        return parts.join(' ');
    }

    get changedLayers(): { key: string; text: string }[] {
        return (this.outcome?.changedLayers ?? []).map((l) => ({
            key: l.id,
            text: format(LABELS.whatIfLayerChange, l.title, l.before.text, l.after.text)
        }));
    }

    get hasChangedLayers(): boolean {
        return this.changedLayers.length > 0;
    }

    get othersText(): string {
        const o = this.outcome;
        if (!o) {
            return '';
        }
        if (this.kind === 'share') {
            return LABELS.whatIfOnlyThisRecord;
        }
        const others = o.otherRecords;
        const object = this.objectLabel ?? o.before.objectApiName;
        if (others) {
            return format(LABELS.whatIfOtherRecords, o.before.userName, others.gained, object, others.checked);
        }
        return this.blastRadius ? format(LABELS.blastRadius, this.blastRadius) : LABELS.whatIfOthersUnknown;
    }

    get setupLink(): NavTarget | undefined {
        const e = this.explanation;
        if (!e || !this.outcome) {
            return undefined;
        }
        const lookup = new EvidenceLookup(this.previewSnapshot ?? this.snapshot);
        if (this.kind === 'share') {
            return targetForStep(lookup, { action: '', kind: 'manualShare' }, { recordId: e.recordId, objectApiName: e.objectApiName, userId: e.userId });
        }
        return this.targetId ? targetForId(lookup, this.targetId) : undefined;
    }

    get recordLabel(): string {
        const e = this.explanation;
        return e ? recordText(this.objectLabel ?? e.objectApiName, e.recordName) : '';
    }

    // ------------------------------------------------------------------ handlers

    handleKind(event: CustomEvent<{ value: string }>): void {
        this.kind = (event.detail?.value as WhatIfKind) ?? 'permissionSet';
        this.targetId = '';
        this.targetName = '';
        this.results = [];
        this.searchedOnce = false;
        this.outcome = undefined;
        this.errors = undefined;
        this.blastRadius = undefined;
        this.searchTerm = '';
    }

    handleLevel(event: CustomEvent<{ value: string }>): void {
        this.level = event.detail?.value === 'Edit' ? 'Edit' : 'Read';
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        const term = (event.detail?.value ?? '').trim();
        this.searchTerm = term;
        if (this.searchTimer) {
            clearTimeout(this.searchTimer);
        }
        if (term.length < MIN_SEARCH_CHARS) {
            this.searchSeq++;
            this.results = [];
            this.searchedOnce = false;
            this.searching = false;
            return;
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- debounce: search once the admin stops typing
        this.searchTimer = setTimeout(() => this.search(term), SEARCH_DELAY_MS);
    }

    private async search(term: string): Promise<void> {
        if (this.isShare) {
            return;
        }
        const seq = ++this.searchSeq;
        this.searching = true;
        this.searchErrors = undefined;
        try {
            const rows = await searchSetupItems(this.kind as SetupItemKind, term);
            if (seq === this.searchSeq) {
                this.results = rows;
                this.searchedOnce = true;
            }
        } catch (error) {
            if (seq === this.searchSeq) {
                this.results = [];
                this.searchErrors = error;
            }
        } finally {
            if (seq === this.searchSeq) {
                this.searching = false;
            }
        }
    }

    handlePick(event: CustomEvent<{ value: string }>): void {
        this.targetId = event.detail?.value ?? '';
        this.targetName = this.results.find((r) => r.id === this.targetId)?.name ?? '';
        this.blastRadius = undefined;
    }

    handlePreview(): void {
        this.run();
    }

    /** Replays the change on the evidence (collecting the target first when it is missing). */
    private async run(): Promise<void> {
        const e = this.explanation;
        if (!e) {
            return;
        }
        const seq = ++this.runSeq;
        const request: WhatIfRequest = {
            kind: this.kind,
            ...(this.isShare ? { level: this.level } : { targetId: this.targetId }),
            ...(this.blastRadius ? { blastRadius: this.blastRadius } : {})
        };
        this.running = true;
        this.errors = undefined;
        this.outcome = undefined;
        try {
            let snapshot = this.snapshot as Snapshot;
            if (!targetInSnapshot(snapshot, request) && request.targetId) {
                snapshot = (await collectWithTargets(e.recordId, e.userId, [request.targetId])) as Snapshot;
                if (seq !== this.runSeq) {
                    return;
                }
            }
            const outcome = previewWhatIf(snapshot, request, { userId: e.userId, recordId: e.recordId });
            if (seq === this.runSeq) {
                this.previewSnapshot = snapshot;
                this.outcome = outcome;
            }
        } catch (error) {
            if (seq === this.runSeq) {
                this.errors = error;
            }
        } finally {
            if (seq === this.runSeq) {
                this.running = false;
            }
        }
    }
}
