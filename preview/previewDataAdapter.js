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

/** The demo snapshot holds every permission set, group, queue and role: the targets are already in it. */
export async function collectWithTargets(recordId, userId, targetIds) {
    if (!Array.isArray(targetIds)) {
        throw new Error('collectWithTargets needs a list of target ids.');
    }
    return collect(recordId, userId);
}

const SETUP_ITEMS = {
    permissionSet: (t) =>
        (t.PermissionSet ?? [])
            .filter((p) => p.IsOwnedByProfile !== true && !p.PermissionSetGroupId)
            .map((p) => ({ id: p.Id, name: p.Label ?? p.Name, detail: p.Name })),
    permissionSetGroup: (t) =>
        (t.PermissionSetGroup ?? []).map((g) => ({ id: g.Id, name: g.MasterLabel ?? g.DeveloperName, detail: g.DeveloperName })),
    group: (t) =>
        (t.Group ?? []).filter((g) => g.Type === 'Regular').map((g) => ({ id: g.Id, name: g.Name, detail: g.DeveloperName })),
    queue: (t) =>
        (t.Group ?? []).filter((g) => g.Type === 'Queue').map((g) => ({ id: g.Id, name: g.Name, detail: g.DeveloperName })),
    role: (t) =>
        (t.UserRole ?? [])
            .filter((r) => !r.PortalType || r.PortalType === 'None')
            .map((r) => ({ id: r.Id, name: r.Name, detail: r.DeveloperName }))
};

/** Permission sets, groups, queues and roles of the demo org whose name matches (the what-if pickers). */
export async function searchSetupItems(kind, searchTerm) {
    const list = SETUP_ITEMS[kind];
    if (!list) {
        throw new Error(`Unknown kind of setup item: ${kind}.`);
    }
    const snapshot = JSON.parse(await snapshotText());
    const term = String(searchTerm ?? '')
        .trim()
        .toLowerCase();
    return list(snapshot.tables)
        .filter((item) => !term || `${item.name} ${item.detail}`.toLowerCase().includes(term))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Who-can-see evidence: the demo snapshot answers for any record. With `?whoCanSeeJob=1` in the
 * page address the preview plays the large-answer path instead: a background job whose progress
 * advances on each poll, then one evidence page.
 */
const jobs = new Map();

export async function collectWhoCanSee(recordId) {
    if (!recordId) {
        throw new Error('collectWhoCanSee needs a recordId.');
    }
    const params = new URLSearchParams(globalThis.location?.search ?? '');
    if (params.get('whoCanSeeJob') === '1') {
        const jobId = `preview-job-${jobs.size + 1}`;
        const snapshot = JSON.parse(await snapshotText());
        jobs.set(jobId, { polls: 0, total: (snapshot.tables.User ?? []).length });
        return { kind: 'job', jobId };
    }
    return { kind: 'snapshot', snapshot: JSON.parse(await snapshotText()) };
}

export async function whoCanSeeJob(jobId) {
    const job = jobs.get(jobId);
    if (!job) {
        throw new Error(`No background job ${jobId} in this preview.`);
    }
    job.polls += 1;
    const done = job.polls >= 3;
    return {
        state: done ? 'done' : 'running',
        status: done ? 'Completed' : 'Processing',
        processed: done ? job.total : Math.round((job.total * job.polls) / 3),
        total: job.total,
        pages: done ? 1 : 0,
        message: ''
    };
}

export async function whoCanSeePage(jobId, page) {
    if (!jobs.has(jobId) || page !== 0) {
        throw new Error(`No page ${page} of background job ${jobId} in this preview.`);
    }
    return JSON.parse(await snapshotText());
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
