/**
 * The only module of the panel that talks to Apex (`AccessXRayController`). Components call
 * these typed functions; Jest tests mock this module, and the browser preview replaces it
 * with `preview/previewDataAdapter.js` (same exports) backed by the bundled demo org.
 */
import apexCollect from '@salesforce/apex/AccessXRayController.collect';
import apexCollectWithTargets from '@salesforce/apex/AccessXRayController.collectWithTargets';
import apexSearchUsers from '@salesforce/apex/AccessXRayController.searchUsers';
import apexSearchSetupItems from '@salesforce/apex/AccessXRayController.searchSetupItems';
import apexAttachVerdict from '@salesforce/apex/AccessXRayController.attachVerdict';
import apexSetupStatus from '@salesforce/apex/AccessXRayController.setupStatus';
import apexCollectWhoCanSee from '@salesforce/apex/AccessXRayController.collectWhoCanSee';
import apexWhoCanSeeJob from '@salesforce/apex/AccessXRayController.whoCanSeeJob';
import apexWhoCanSeePage from '@salesforce/apex/AccessXRayController.whoCanSeePage';
import currentUserId from '@salesforce/user/Id';
import type { AccessLevel } from 'c/accessXrayEngine';
import { LABELS, format } from 'c/accessXrayLabels';

/** One row of `searchUsers`. */
export interface UserSummary {
    id: string;
    name: string;
    username: string;
    userType: string;
    profileName: string | null;
    isActive: boolean;
    smallPhotoUrl: string | null;
}

/** What `setupStatus` reports about the running user and the org. */
export interface SetupStatus {
    /** The running user holds the package's custom permission. */
    hasPermission: boolean;
    /** The running user may explain other users' access (not only their own). */
    canExplainAnyUser: boolean;
    /** The Metadata/Tooling API connection used for sharing rules etc. is configured. */
    setupConnectionReady: boolean;
    /** Human-readable names of what is missing (permission set, named credential...). */
    missing: string[];
}

/** Setup items a what-if can add the user to (the what-if pickers). */
export type SetupItemKind = 'permissionSet' | 'permissionSetGroup' | 'group' | 'queue' | 'role';

/** One row of `searchSetupItems`: `detail` is a short second line (API name, type, parent role...). */
export interface SetupItem {
    id: string;
    name: string;
    detail: string;
}

/** Progress of a background who-can-see job, normalised. */
export interface WhoCanSeeJobStatus {
    /** `running` until the job is done; `failed` when it stopped (Failed or Aborted). */
    state: 'running' | 'done' | 'failed';
    /** The status as Apex reported it (e.g. the AsyncApexJob status). */
    status: string;
    processed: number;
    total: number;
    /** Evidence pages to read with `whoCanSeePage` (0-based) once done. */
    pages: number;
    /** Why it failed, when Apex says. */
    message: string;
}

/** What `collectWhoCanSee` returns: the evidence itself, or a job to follow when it is too large. */
export type WhoCanSeeEvidence = { kind: 'snapshot'; snapshot: unknown } | { kind: 'job'; jobId: string };

/** Apex may return a snapshot as an object or as its JSON text. */
function parsed(raw: unknown): unknown {
    if (typeof raw === 'string') {
        try {
            return JSON.parse(raw) as unknown;
        } catch (error) {
            throw new Error(format(LABELS.errorNotJson, (error as Error).message));
        }
    }
    return raw;
}

function isBag(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function count(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

/**
 * Evidence for one user and one record (the collector runs in Apex). Apex may return the
 * snapshot as an object or as its JSON text; either way the result is unvalidated — pass it
 * to the engine's `loadSnapshot`, which checks it and names the JSON path of any problem.
 */
export async function collect(recordId: string, userId: string): Promise<unknown> {
    return parsed(await apexCollect({ recordId, userId }));
}

/**
 * The same evidence as `collect`, plus what a what-if needs about its targets (permission sets,
 * permission set groups, public groups, queues, roles): their rows, members and permissions.
 */
export async function collectWithTargets(recordId: string, userId: string, targetIds: string[]): Promise<unknown> {
    return parsed(await apexCollectWithTargets({ recordId, userId, targetIds: [...targetIds] }));
}

/** Permission sets, permission set groups, public groups, queues or roles whose name matches. */
export async function searchSetupItems(kind: SetupItemKind, searchTerm: string): Promise<SetupItem[]> {
    const rows: unknown = await apexSearchSetupItems({ kind, searchTerm });
    if (!Array.isArray(rows)) {
        return [];
    }
    return rows
        .filter((r): r is Record<string, unknown> => isBag(r) && typeof r.id === 'string' && typeof r.name === 'string')
        .map((r) => ({ id: r.id as string, name: r.name as string, detail: typeof r.detail === 'string' ? r.detail : '' }));
}

/**
 * Who-can-see evidence for a record: a snapshot (scope `records`) when it fits one transaction,
 * otherwise `{ jobId }` of the background job collecting it.
 */
export async function collectWhoCanSee(recordId: string): Promise<WhoCanSeeEvidence> {
    const raw = parsed(await apexCollectWhoCanSee({ recordId }));
    if (isBag(raw) && typeof raw.jobId === 'string' && raw.jobId !== '' && !('tables' in raw)) {
        return { kind: 'job', jobId: raw.jobId };
    }
    return { kind: 'snapshot', snapshot: raw };
}

const DONE = new Set(['completed', 'done']);
const FAILED = new Set(['failed', 'aborted', 'error']);

/** Progress of a who-can-see job (status names as AsyncApexJob.Status uses them). */
export async function whoCanSeeJob(jobId: string): Promise<WhoCanSeeJobStatus> {
    const raw: unknown = parsed(await apexWhoCanSeeJob({ jobId }));
    const bag = isBag(raw) ? raw : {};
    const status = typeof bag.status === 'string' ? bag.status : '';
    const lower = status.toLowerCase();
    return {
        state: DONE.has(lower) ? 'done' : FAILED.has(lower) ? 'failed' : 'running',
        status,
        processed: count(bag.processed),
        total: count(bag.total),
        pages: count(bag.pages),
        message: typeof bag.message === 'string' ? bag.message : ''
    };
}

/** One evidence page (0-based) of a finished who-can-see job: a snapshot, unvalidated. */
export async function whoCanSeePage(jobId: string, page: number): Promise<unknown> {
    return parsed(await apexWhoCanSeePage({ jobId, page }));
}

/** Active (or all) users whose name or username matches. */
export async function searchUsers(searchTerm: string, activeOnly = true): Promise<UserSummary[]> {
    const rows = (await apexSearchUsers({ searchTerm, activeOnly })) as UserSummary[] | null;
    return rows ?? [];
}

/**
 * The id of the audit row the server wrote for a snapshot (`meta.auditId`), or '' when the
 * snapshot carries none. Every in-org `collect` writes one before returning the evidence.
 */
export function auditIdOf(snapshot: unknown): string {
    const meta = (snapshot as { meta?: { auditId?: unknown } } | null)?.meta;
    return typeof meta?.auditId === 'string' ? meta.auditId : '';
}

/**
 * Attaches the verdict the panel computed to the server-written audit row of the evidence it
 * was computed from (stored as client-reported; only once, only by the user who asked);
 * resolves to the audit record id.
 */
export async function attachVerdict(entry: { auditId: string; maxAccessLevel: AccessLevel; summary: string }): Promise<string> {
    const auditId: unknown = await apexAttachVerdict(entry);
    return typeof auditId === 'string' ? auditId : '';
}

/** Permission and configuration of the running user / org. */
export async function setupStatus(): Promise<SetupStatus> {
    const status = (await apexSetupStatus()) as Partial<SetupStatus> | null;
    return {
        hasPermission: status?.hasPermission === true,
        canExplainAnyUser: status?.canExplainAnyUser === true,
        setupConnectionReady: status?.setupConnectionReady === true,
        missing: Array.isArray(status?.missing) ? status.missing.filter((m): m is string => typeof m === 'string') : []
    };
}

/** Id of the running user ("me"). */
export function getCurrentUserId(): string {
    return currentUserId;
}
