/**
 * The only module of the panel that talks to Apex (`AccessXRayController`). Components call
 * these typed functions; Jest tests mock this module, and the browser preview replaces it
 * with `preview/previewDataAdapter.js` (same exports) backed by the bundled demo org.
 */
import apexCollect from '@salesforce/apex/AccessXRayController.collect';
import apexSearchUsers from '@salesforce/apex/AccessXRayController.searchUsers';
import apexAttachVerdict from '@salesforce/apex/AccessXRayController.attachVerdict';
import apexSetupStatus from '@salesforce/apex/AccessXRayController.setupStatus';
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

/**
 * Evidence for one user and one record (the collector runs in Apex). Apex may return the
 * snapshot as an object or as its JSON text; either way the result is unvalidated — pass it
 * to the engine's `loadSnapshot`, which checks it and names the JSON path of any problem.
 */
export async function collect(recordId: string, userId: string): Promise<unknown> {
    const raw: unknown = await apexCollect({ recordId, userId });
    if (typeof raw === 'string') {
        try {
            return JSON.parse(raw) as unknown;
        } catch (error) {
            throw new Error(format(LABELS.errorNotJson, (error as Error).message));
        }
    }
    return raw;
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
