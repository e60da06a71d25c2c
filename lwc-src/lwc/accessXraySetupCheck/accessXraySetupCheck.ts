/**
 * The in-app setup check: what the running user (usually the admin who just installed the
 * package) still has to do before Access X-Ray can explain every layer — the permission set,
 * whom they may explain (admin vs support), the setup metadata connection (Named Credential /
 * External Credential), and anything else `AccessXRayController.setupStatus()` reports missing.
 *
 * Standalone (App Page / Home page): loads the status itself through the panel's data adapter.
 * Embedded (in the panel): the parent passes the status it already loaded (`status`), so Apex is
 * called once; `compact` shows only the steps still to do, and nothing once setup is complete.
 * Fires `statuschange` (detail: the status) whenever a status was loaded.
 */
import { LightningElement, api } from 'lwc';
import { setupStatus } from 'c/accessXrayDataAdapter';
import type { SetupStatus } from 'c/accessXrayDataAdapter';
import AXR_Setup_Title from '@salesforce/label/c.AXR_Setup_Title';
import AXR_Setup_Intro from '@salesforce/label/c.AXR_Setup_Intro';
import AXR_Setup_Loading from '@salesforce/label/c.AXR_Setup_Loading';
import AXR_Setup_ErrorTitle from '@salesforce/label/c.AXR_Setup_ErrorTitle';
import AXR_Setup_Refresh from '@salesforce/label/c.AXR_Setup_Refresh';
import AXR_Setup_AllDone from '@salesforce/label/c.AXR_Setup_AllDone';
import AXR_Setup_StepsLeft from '@salesforce/label/c.AXR_Setup_StepsLeft';
import AXR_Setup_StateDone from '@salesforce/label/c.AXR_Setup_StateDone';
import AXR_Setup_StateToDo from '@salesforce/label/c.AXR_Setup_StateToDo';
import AXR_Setup_StateInfo from '@salesforce/label/c.AXR_Setup_StateInfo';
import AXR_Setup_PermissionTitle from '@salesforce/label/c.AXR_Setup_PermissionTitle';
import AXR_Setup_PermissionOk from '@salesforce/label/c.AXR_Setup_PermissionOk';
import AXR_Setup_PermissionMissing from '@salesforce/label/c.AXR_Setup_PermissionMissing';
import AXR_Setup_NeedsPermissionFirst from '@salesforce/label/c.AXR_Setup_NeedsPermissionFirst';
import AXR_Setup_ScopeTitle from '@salesforce/label/c.AXR_Setup_ScopeTitle';
import AXR_Setup_ScopeAny from '@salesforce/label/c.AXR_Setup_ScopeAny';
import AXR_Setup_ScopeOwn from '@salesforce/label/c.AXR_Setup_ScopeOwn';
import AXR_Setup_ConnectionTitle from '@salesforce/label/c.AXR_Setup_ConnectionTitle';
import AXR_Setup_ConnectionOk from '@salesforce/label/c.AXR_Setup_ConnectionOk';
import AXR_Setup_ConnectionMissing from '@salesforce/label/c.AXR_Setup_ConnectionMissing';
import AXR_Setup_MoreTitle from '@salesforce/label/c.AXR_Setup_MoreTitle';
// The sentences AccessXRaySetupStatusService puts in `missing` for the two steps this component
// already shows as checklist rows (same label, same language), so they are not listed twice.
import AXR_Apex_SetupAssignPermissionSet from '@salesforce/label/c.AXR_Apex_SetupAssignPermissionSet';
import AXR_Apex_SetupAuthoriseConnection from '@salesforce/label/c.AXR_Apex_SetupAuthoriseConnection';

/** Every visible string of the setup check (force-app/main/default/labels/AccessXRaySetup.labels-meta.xml). */
export const SETUP_LABELS = {
    title: AXR_Setup_Title,
    intro: AXR_Setup_Intro,
    loading: AXR_Setup_Loading,
    errorTitle: AXR_Setup_ErrorTitle,
    refresh: AXR_Setup_Refresh,
    allDone: AXR_Setup_AllDone,
    stepsLeft: AXR_Setup_StepsLeft,
    stateDone: AXR_Setup_StateDone,
    stateToDo: AXR_Setup_StateToDo,
    stateInfo: AXR_Setup_StateInfo,
    permissionTitle: AXR_Setup_PermissionTitle,
    permissionOk: AXR_Setup_PermissionOk,
    permissionMissing: AXR_Setup_PermissionMissing,
    needsPermissionFirst: AXR_Setup_NeedsPermissionFirst,
    scopeTitle: AXR_Setup_ScopeTitle,
    scopeAny: AXR_Setup_ScopeAny,
    scopeOwn: AXR_Setup_ScopeOwn,
    connectionTitle: AXR_Setup_ConnectionTitle,
    connectionOk: AXR_Setup_ConnectionOk,
    connectionMissing: AXR_Setup_ConnectionMissing,
    moreTitle: AXR_Setup_MoreTitle
};

/** done = nothing to do; todo = the admin must act; info = how things are, nothing to fix. */
export type StepState = 'done' | 'todo' | 'info';

/** One row of the checklist. */
export interface SetupStep {
    key: string;
    title: string;
    text: string;
    state: StepState;
}

const ICONS: Record<StepState, string> = { done: 'utility:success', todo: 'utility:warning', info: 'utility:info' };
const VARIANTS: Record<StepState, string> = { done: 'success', todo: 'warning', info: '' };

/** The checklist for a status: pure, so it is the same wherever the status comes from. */
export function setupSteps(status: SetupStatus): SetupStep[] {
    const permission: SetupStep = {
        key: 'permission',
        title: SETUP_LABELS.permissionTitle,
        text: status.hasPermission ? SETUP_LABELS.permissionOk : SETUP_LABELS.permissionMissing,
        state: status.hasPermission ? 'done' : 'todo'
    };
    if (!status.hasPermission) {
        return [permission];
    }
    return [
        permission,
        {
            key: 'scope',
            title: SETUP_LABELS.scopeTitle,
            text: status.canExplainAnyUser ? SETUP_LABELS.scopeAny : SETUP_LABELS.scopeOwn,
            state: 'info'
        },
        {
            key: 'connection',
            title: SETUP_LABELS.connectionTitle,
            text: status.setupConnectionReady ? SETUP_LABELS.connectionOk : SETUP_LABELS.connectionMissing,
            state: status.setupConnectionReady ? 'done' : 'todo'
        }
    ];
}

/** `missing` minus the sentences the checklist rows already cover. */
export function otherMissingItems(status: SetupStatus): string[] {
    const covered = new Set([AXR_Apex_SetupAssignPermissionSet, AXR_Apex_SetupAuthoriseConnection]);
    return status.missing.filter((text) => !covered.has(text));
}

/** Replaces `{0}`, `{1}`… in a label. */
function fill(template: string, ...values: string[]): string {
    return template.replace(/\{(\d+)\}/g, (match, index: string) => values[Number(index)] ?? match);
}

export default class AccessXraySetupCheck extends LightningElement {
    /** Embedded mode: only the steps still to do, and nothing at all once the setup is complete. */
    @api compact = false;

    labels = SETUP_LABELS;
    loading = false;
    error: unknown = undefined;
    current: SetupStatus | undefined = undefined;
    private provided = false;

    /** The status, when the parent already loaded it; otherwise the component loads it itself. */
    @api
    get status(): SetupStatus | undefined {
        return this.current;
    }
    set status(value: SetupStatus | undefined) {
        this.provided = value !== undefined && value !== null;
        this.current = this.provided ? value : undefined;
        this.error = undefined;
    }

    override connectedCallback(): void {
        if (!this.provided) {
            this.load();
        }
    }

    /** Runs the check again (also what the "Check again" button does). */
    @api
    async refresh(): Promise<void> {
        await this.load();
    }

    private async load(): Promise<void> {
        this.loading = true;
        this.error = undefined;
        try {
            this.current = await setupStatus();
            this.dispatchEvent(new CustomEvent('statuschange', { detail: this.current }));
        } catch (error) {
            this.current = undefined;
            this.error = error;
        } finally {
            this.loading = false;
        }
    }

    handleRefresh(): void {
        this.load();
    }

    get hasError(): boolean {
        return this.error !== undefined && !this.loading;
    }

    get hasStatus(): boolean {
        return this.current !== undefined && !this.loading && !this.hasError;
    }

    /**
     * What else the org reports (optional features not enabled, so their layers do not apply):
     * `missing` without the permission-set and connection sentences the checklist rows cover.
     */
    get otherMissing(): { key: string; text: string }[] {
        if (!this.current) {
            return [];
        }
        return otherMissingItems(this.current).map((text, index) => ({ key: `missing-${index}`, text }));
    }

    get hasOtherMissing(): boolean {
        return !this.compact && this.otherMissing.length > 0;
    }

    get steps(): (SetupStep & { iconName: string; iconVariant: string; iconAlt: string; itemClass: string })[] {
        if (!this.current) {
            return [];
        }
        return setupSteps(this.current)
            .filter((step) => !this.compact || step.state === 'todo')
            .map((step) => ({
                ...step,
                iconName: ICONS[step.state],
                iconVariant: VARIANTS[step.state],
                iconAlt:
                    step.state === 'done' ? SETUP_LABELS.stateDone : step.state === 'todo' ? SETUP_LABELS.stateToDo : SETUP_LABELS.stateInfo,
                itemClass: `slds-item slds-p-vertical_x-small setup-step setup-step_${step.state}`
            }));
    }

    get showNeedsPermissionFirst(): boolean {
        return this.hasStatus && this.current !== undefined && !this.current.hasPermission;
    }

    get showIntro(): boolean {
        return !this.compact;
    }

    /** Steps the admin must still do (the org's notes about optional features are not to-dos). */
    get toDoCount(): number {
        return this.current ? setupSteps(this.current).filter((s) => s.state === 'todo').length : 0;
    }

    get complete(): boolean {
        return this.hasStatus && this.toDoCount === 0;
    }

    get summary(): string {
        return this.complete ? SETUP_LABELS.allDone : fill(SETUP_LABELS.stepsLeft, String(this.toDoCount));
    }

    get summaryClass(): string {
        return `slds-text-title_bold slds-m-bottom_x-small ${this.complete ? 'slds-text-color_success' : 'slds-text-color_error'}`;
    }

    /** Compact mode shows nothing once everything is set up. */
    get visible(): boolean {
        return !this.compact || this.loading || this.hasError || !this.complete;
    }
}
