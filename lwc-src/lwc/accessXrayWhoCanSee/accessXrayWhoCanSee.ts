/**
 * "Who can see this record": the users with access, each with their highest access and the
 * reason that gives it, searchable by name, sorted by name or access, paged, with a count per
 * mechanism (click one to list only those users) and the users who see it only through a public
 * org-wide default counted per profile and permission set. "Explain" opens the full explanation
 * for that user (event `explainuser`, detail `{ userId }`).
 *
 * "Download CSV" writes every user the current search, filter and public toggle list (not only
 * the page shown), one row each, for an audit or a spreadsheet.
 *
 * Evidence comes from `collectWhoCanSee`: a snapshot, or a background job followed until done
 * (its progress shown) whose pages are then read. The engine answers in the browser.
 */
import { LightningElement, api } from 'lwc';
import { toCsv } from 'c/accessXrayEngine';
import type { AccessLevel, WhoCanSeeMechanism, WhoCanSeeResult } from 'c/accessXrayEngine';
import { collectWhoCanSee, whoCanSeeJob, whoCanSeePage } from 'c/accessXrayDataAdapter';
import type { WhoCanSeeJobStatus } from 'c/accessXrayDataAdapter';
import { LABELS, format, operationLabel } from 'c/accessXrayLabels';
import { WhoCanSeeSource } from 'c/accessXrayWhoCanSeeSource';

export const PAGE_SIZE = 25;
/** How often a background job is asked for its progress. */
export const POLL_MS = 2000;
const SEARCH_DELAY_MS = 300;

const MECHANISM_LABELS: Record<WhoCanSeeMechanism, string> = {
    objectPermissions: LABELS.layerObjectPermissions,
    orgWideDefaults: LABELS.layerOrgWideDefaults,
    ownership: LABELS.layerOwnership,
    roleHierarchy: LABELS.layerRoleHierarchy,
    sharingRules: LABELS.layerSharingRules,
    territories: LABELS.layerTerritories,
    teams: LABELS.layerTeams,
    manualShares: LABELS.layerManualShares,
    implicitSharing: LABELS.layerImplicitSharing,
    systemPermissions: LABELS.layerSystemPermissions,
    experienceCloud: LABELS.layerExperienceCloud,
    restrictionRules: LABELS.layerRestrictionRules
};

const MECHANISM_ORDER = Object.keys(MECHANISM_LABELS) as WhoCanSeeMechanism[];

export function mechanismLabel(mechanism: string): string {
    return MECHANISM_LABELS[mechanism as WhoCanSeeMechanism] ?? mechanism;
}

export function accessLevelLabel(level: AccessLevel | string): string {
    switch (level) {
        case 'All':
            return LABELS.accessFull;
        case 'Read':
        case 'Edit':
        case 'Delete':
        case 'Transfer':
            return operationLabel(level.toLowerCase());
        default:
            return level;
    }
}

function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- polling a background Apex job needs a delay between calls
        setTimeout(resolve, ms);
    });
}

export default class AccessXrayWhoCanSee extends LightningElement {
    private currentRecordId: string | undefined;
    private source: WhoCanSeeSource | undefined;
    private seq = 0;
    private searchTimer: ReturnType<typeof setTimeout> | undefined;
    private connected = false;

    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(value: string | undefined) {
        const changed = value !== this.currentRecordId;
        this.currentRecordId = value;
        if (changed && this.connected) {
            this.load();
        }
    }

    /** "Case 00001001", for the heading. */
    @api recordLabel: string | undefined;
    /** A list instead of the table (sidebar, phone). */
    @api compact = false;

    labels = LABELS;
    loading = false;
    errors: unknown;
    job: WhoCanSeeJobStatus | undefined;
    result: WhoCanSeeResult | undefined;

    search = '';
    sort: 'name' | 'access' = 'name';
    mechanism: WhoCanSeeMechanism | '' = '';
    offset = 0;
    listPublic = false;

    override connectedCallback(): void {
        this.connected = true;
        this.load();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.seq++;
        if (this.searchTimer) {
            clearTimeout(this.searchTimer);
        }
    }

    /** Collects the evidence (following a background job when needed) and runs the first query. */
    private async load(): Promise<void> {
        const recordId = this.currentRecordId;
        const seq = ++this.seq;
        this.source = undefined;
        this.result = undefined;
        this.errors = undefined;
        this.job = undefined;
        if (!recordId) {
            this.loading = false;
            return;
        }
        this.loading = true;
        try {
            const evidence = await collectWhoCanSee(recordId);
            let pages: unknown[];
            if (evidence.kind === 'snapshot') {
                pages = [evidence.snapshot];
            } else {
                pages = await this.follow(evidence.jobId, seq);
            }
            if (seq !== this.seq) {
                return;
            }
            this.source = new WhoCanSeeSource(pages, recordId);
            this.runQuery();
        } catch (error) {
            if (seq === this.seq) {
                this.errors = error;
            }
        } finally {
            if (seq === this.seq) {
                this.loading = false;
            }
        }
    }

    /**
     * Polls a job until it is done, then reads its pages one after the other (one Apex call at a
     * time: each page is a transaction's worth of evidence).
     */
    /* eslint-disable no-await-in-loop -- polling and paging are sequential by design */
    private async follow(jobId: string, seq: number): Promise<unknown[]> {
        for (;;) {
            const status = await whoCanSeeJob(jobId);
            if (seq !== this.seq) {
                return [];
            }
            this.job = status;
            if (status.state === 'failed') {
                throw new Error(status.message ? format(LABELS.wcsJobFailedBecause, status.message) : LABELS.wcsJobFailed);
            }
            if (status.state === 'done') {
                const pages: unknown[] = [];
                for (let page = 0; page < status.pages; page++) {
                    pages.push(await whoCanSeePage(jobId, page));
                    if (seq !== this.seq) {
                        return [];
                    }
                }
                return pages;
            }
            await wait(POLL_MS);
            if (seq !== this.seq) {
                return [];
            }
        }
    }
    /* eslint-enable no-await-in-loop */

    private runQuery(): void {
        if (!this.source) {
            return;
        }
        try {
            this.result = this.source.query({
                search: this.search,
                sort: this.sort,
                mechanism: this.mechanism,
                offset: this.offset,
                limit: PAGE_SIZE,
                listPublic: this.listPublic
            });
        } catch (error) {
            this.result = undefined;
            this.errors = error;
        }
    }

    // ------------------------------------------------------------------ view state

    get heading(): string {
        return this.recordLabel ? format(LABELS.wcsTitleFor, this.recordLabel) : LABELS.wcsTitle;
    }

    get hasErrors(): boolean {
        return this.errors !== undefined && this.errors !== null;
    }

    get showJobProgress(): boolean {
        return this.loading && this.job !== undefined;
    }

    get jobProgressValue(): number {
        const j = this.job;
        return j && j.total > 0 ? Math.min(100, Math.round((j.processed / j.total) * 100)) : 0;
    }

    get jobProgressText(): string {
        const j = this.job;
        return j ? format(LABELS.wcsJobProgress, j.processed, j.total) : '';
    }

    get hasResult(): boolean {
        return this.result !== undefined && !this.loading;
    }

    get totalText(): string {
        const r = this.result;
        if (!r) {
            return '';
        }
        const filtered = Boolean(this.search.trim() || this.mechanism);
        return format(filtered ? LABELS.wcsTotalFiltered : LABELS.wcsTotal, r.total);
    }

    get mechanismCounts(): { key: string; label: string; count: number; pressed: string; buttonClass: string }[] {
        const totals = this.result?.totalsByMechanism ?? {};
        return MECHANISM_ORDER.filter((m) => (totals[m] ?? 0) > 0).map((m) => ({
            key: m,
            label: format(LABELS.wcsMechanismCount, mechanismLabel(m), totals[m] ?? 0),
            count: totals[m] ?? 0,
            pressed: this.mechanism === m ? 'true' : 'false',
            buttonClass: `slds-button ${this.mechanism === m ? 'slds-button_brand' : 'slds-button_neutral'} wcs__chip`
        }));
    }

    get hasMechanismCounts(): boolean {
        return this.mechanismCounts.length > 0;
    }

    get sortOptions(): { label: string; value: string }[] {
        return [
            { label: LABELS.wcsSortName, value: 'name' },
            { label: LABELS.wcsSortAccess, value: 'access' }
        ];
    }

    get rows(): {
        key: string;
        userId: string;
        name: string;
        username: string;
        access: string;
        reason: string;
        mechanism: string;
        uncertain: boolean;
        explainLabel: string;
    }[] {
        return (this.result?.users ?? []).map((u) => ({
            key: u.userId,
            userId: u.userId,
            name: u.userName,
            username: u.username ?? '',
            access: accessLevelLabel(u.maxAccessLevel),
            reason: u.topReason || mechanismLabel(u.topMechanism),
            mechanism: mechanismLabel(u.topMechanism),
            uncertain: u.uncertain,
            explainLabel: format(LABELS.wcsExplainUser, u.userName)
        }));
    }

    get isEmpty(): boolean {
        return this.hasResult && (this.result?.users.length ?? 0) === 0;
    }

    get emptyText(): string {
        return this.search.trim() || this.mechanism ? LABELS.wcsNoMatch : LABELS.wcsNobody;
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get rangeText(): string {
        const r = this.result;
        if (!r || r.total === 0) {
            return '';
        }
        const last = Math.min(r.total, this.offset + r.users.length);
        return format(LABELS.wcsRange, this.offset + 1, last, r.total);
    }

    get previousDisabled(): boolean {
        return this.offset === 0;
    }

    get nextDisabled(): boolean {
        return !this.result || this.offset + PAGE_SIZE >= this.result.total;
    }

    get showPaging(): boolean {
        return (this.result?.total ?? 0) > PAGE_SIZE;
    }

    get publicAccess(): { key: string; text: string; groups: { key: string; text: string }[] }[] {
        return (this.result?.publicAccess ?? []).map((p, index) => ({
            key: `${p.side}-${index}`,
            text: format(p.side === 'external' ? LABELS.wcsPublicExternal : LABELS.wcsPublicInternal, p.users, p.model),
            groups: [
                ...p.byProfile.map((x) => ({ key: `p-${x.id}`, text: format(LABELS.wcsPublicByProfile, x.name, x.users) })),
                ...p.byPermissionSet.map((x) => ({ key: `s-${x.id}`, text: format(LABELS.wcsPublicByPermissionSet, x.name, x.users) }))
            ]
        }));
    }

    get hasPublicAccess(): boolean {
        return this.publicAccess.length > 0;
    }

    get listPublicLabel(): string {
        return this.listPublic ? LABELS.wcsHidePublic : LABELS.wcsListPublic;
    }

    get isUncertain(): boolean {
        return this.result?.uncertain === true;
    }

    get uncertainties(): { key: string; text: string }[] {
        return (this.result?.uncertainties ?? []).map((text, index) => ({ key: `${index}`, text }));
    }

    // ------------------------------------------------------------------ handlers

    handleSearch(event: CustomEvent<{ value: string }>): void {
        const value = event.detail?.value ?? '';
        if (this.searchTimer) {
            clearTimeout(this.searchTimer);
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- debounce: query once the admin stops typing
        this.searchTimer = setTimeout(() => {
            this.search = value;
            this.offset = 0;
            this.runQuery();
        }, SEARCH_DELAY_MS);
    }

    handleSort(event: CustomEvent<{ value: string }>): void {
        this.sort = event.detail?.value === 'access' ? 'access' : 'name';
        this.offset = 0;
        this.runQuery();
    }

    handleMechanism(event: Event): void {
        const value = (event.currentTarget as HTMLElement).dataset.mechanism as WhoCanSeeMechanism | undefined;
        this.mechanism = value && value !== this.mechanism ? value : '';
        this.offset = 0;
        this.runQuery();
    }

    handlePrevious(): void {
        this.offset = Math.max(0, this.offset - PAGE_SIZE);
        this.runQuery();
    }

    handleNext(): void {
        this.offset += PAGE_SIZE;
        this.runQuery();
    }

    handleListPublic(): void {
        this.listPublic = !this.listPublic;
        this.offset = 0;
        this.runQuery();
    }

    /** Every user the current search, filter and toggle list, as CSV (the engine's RFC 4180, formula-safe writer). */
    whoCanSeeCsv(): string {
        if (!this.source || !this.result) {
            return '';
        }
        const all = this.source.query({
            search: this.search,
            sort: this.sort,
            mechanism: this.mechanism,
            offset: 0,
            limit: Math.max(1, this.result.total),
            listPublic: this.listPublic
        });
        return toCsv(
            LABELS.wcsCsvColumns.split('|'),
            all.users.map((u) => [
                u.userId,
                u.userName,
                u.username ?? '',
                accessLevelLabel(u.maxAccessLevel),
                mechanismLabel(u.topMechanism),
                u.mechanisms.map((m) => mechanismLabel(m)).join('; '),
                u.topReason,
                u.uncertain ? LABELS.yes : LABELS.no
            ])
        );
    }

    handleDownload(): void {
        const csv = this.whoCanSeeCsv();
        if (!csv) {
            return;
        }
        const link = document.createElement('a');
        // A byte order mark so spreadsheet apps read the file as UTF-8 (names with accents).
        link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
        link.download = `who-can-see-${this.currentRecordId ?? 'record'}.csv`;
        link.click();
    }

    handleExplain(event: Event): void {
        const userId = (event.currentTarget as HTMLElement).dataset.userId;
        if (userId) {
            this.dispatchEvent(new CustomEvent('explainuser', { detail: { userId } }));
        }
    }

    handleRetry(): void {
        this.load();
    }
}
