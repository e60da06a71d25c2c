/**
 * Preview stand-in for c/accessXrayDataAdapter (same exports, same shapes): instead of
 * calling AccessXRayController in an org, it serves the bundled demo org
 * (data/demo-org.snapshot.json, fetched from the preview server). The preview build aliases
 * `c/accessXrayDataAdapter` to this file; nothing else in the panel changes.
 */
const SNAPSHOT_URL = './demo-org.snapshot.json';
/** The preview runs as the demo org's administrator, Ada Kowalski. */
export const PREVIEW_USER_ID = '005Kx0000000013IAA';

let snapshotPromise;
const audit = [];

/** Loads the demo snapshot once (fresh parse per call so the engine never shares mutable input). */
async function snapshotText() {
    if (!snapshotPromise) {
        snapshotPromise = fetch(SNAPSHOT_URL).then((response) => {
            if (!response.ok) {
                throw new Error(
                    `The preview server could not serve the demo org snapshot (${response.status} ${response.statusText}).`
                );
            }
            return response.text();
        });
    }
    return snapshotPromise;
}

/** The demo snapshot holds every user and record of the demo org, so it answers any pair. */
export async function collect(recordId, userId) {
    if (!recordId || !userId) {
        throw new Error('collect needs a recordId and a userId.');
    }
    const snapshot = JSON.parse(await snapshotText());
    // In an org, collect writes the audit row itself and returns its id; the preview keeps it in memory.
    audit.push({ recordId, userId, at: new Date().toISOString() });
    snapshot.meta = { ...snapshot.meta, auditId: `preview-audit-${audit.length}` };
    return snapshot;
}

export async function searchUsers(searchTerm, activeOnly = true) {
    const snapshot = JSON.parse(await snapshotText());
    const term = String(searchTerm ?? '')
        .trim()
        .toLowerCase();
    return (snapshot.tables.User ?? [])
        .filter((u) => !activeOnly || u.IsActive === true)
        .filter((u) => !term || `${u.Name} ${u.Username}`.toLowerCase().includes(term))
        .map((u) => ({
            id: u.Id,
            name: u.Name,
            username: u.Username,
            userType: u.UserType,
            profileName: u.Profile?.Name ?? null,
            isActive: u.IsActive === true,
            smallPhotoUrl: null
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
}

export function auditIdOf(snapshot) {
    const auditId = snapshot?.meta?.auditId;
    return typeof auditId === 'string' ? auditId : '';
}

export async function attachVerdict(entry) {
    const index = Number(String(entry.auditId).replace('preview-audit-', '')) - 1;
    if (audit[index]) {
        audit[index] = { ...audit[index], maxAccessLevel: entry.maxAccessLevel, summary: entry.summary };
    }
    return entry.auditId;
}

export async function setupStatus() {
    return { hasPermission: true, canExplainAnyUser: true, setupConnectionReady: true, missing: [] };
}

export function getCurrentUserId() {
    return PREVIEW_USER_ID;
}

/** Records the preview offers (the demo scenarios' records first). */
export async function previewRecords() {
    const snapshot = JSON.parse(await snapshotText());
    const subjects = snapshot.subjects ?? [];
    return { subjects, tables: snapshot.tables, description: snapshot.meta?.description ?? '' };
}

/** Audit entries written in this page (for the preview footer). */
export function previewAudit() {
    return [...audit];
}
