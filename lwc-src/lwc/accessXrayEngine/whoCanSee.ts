/**
 * `whoCanSee`: every user of the snapshot with at least Read on a record, with their
 * maximum access and grant paths, sorted by name. Uses the same evaluation as `explain`.
 *
 * Speed: the record side is walked once to find every user who could have a record-level
 * path (owner, queue members, share grantees and group members, team members, territory
 * members, users above any of them, View All / Modify All / View All Data / Modify All Data
 * holders, parents' and children's candidates, external users when Experience Cloud could
 * grant). Those are evaluated through every layer; everyone else can only get access
 * through the org-wide default, so only the object-permission, org-wide-default,
 * Experience Cloud and restriction layers are evaluated for them — and nobody at all when
 * the org-wide default is Private for their side.
 */
import { andFlags, flagsOf, grantOfSharingModel, maxAccessLevelOf, SHARING_MODEL_LABEL } from './accessLevels';
import { evaluateRecord, newState, requireRecord, resolveOwd } from './engine';
import { toLoaded, type LoadedSnapshot } from './loadSnapshot';
import { objectPermissions } from './permissions';
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import type { AccessLevel, LayerId, Row, Snapshot, WhoCanSeeEntry, WhoCanSeeOptions, WhoCanSeeResult } from './types';

export type { WhoCanSeeEntry, WhoCanSeeResult } from './types';

const OWD_ONLY: ReadonlySet<LayerId> = new Set(['objectPermissions', 'orgWideDefaults', 'experienceCloud', 'restrictionRules', 'systemPermissions']);

/** True when the org-wide default could grant on its own (public, or unknown). */
function isPublic(index: SnapshotIndex, object: string, external: boolean): boolean {
    const owd = resolveOwd(index, object, { external }, () => null);
    return owd.model === null || (owd.model !== 'Private' && owd.model !== 'ControlledByParent');
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

export function whoCanSee(snapshot: Snapshot | LoadedSnapshot, recordId: string, opts: WhoCanSeeOptions = {}): WhoCanSeeResult {
    const { index } = toLoaded(snapshot);
    const record = requireRecord(index, recordId);
    const rid = String(record.row.Id);
    const object = index.objectOf(rid) ?? record.table;
    const candidates = object === 'User' ? null : candidateUsers(index, rid, 0);
    const publicFor = { internal: false, external: false };
    if (candidates) {
        publicFor.internal = isPublic(index, object, false);
        publicFor.external = isPublic(index, object, true);
    }
    // Fast path for internal users with no record-level path: only the object permission and the
    // internal org-wide default can reach them (Experience Cloud does not apply to internal users), as
    // long as the snapshot says no active restriction rule targets the object.
    const rules = index.snapshot.metadata?.RestrictionRule;
    const noRestriction = Array.isArray(rules) && !rules.some((r) => r.IsActive && r.TargetEntity === object && !/scop/i.test(r.EnforcementType));
    const internalOwd = resolveOwd(index, object, { external: false }, () => null);
    const entries: WhoCanSeeEntry[] = [];
    for (const user of index.rows('User')) {
        const uid = str(user.Id);
        if (!uid || user.IsActive === false) {
            continue;
        }
        let only: ReadonlySet<LayerId> | undefined;
        if (candidates && !candidates.has(uid)) {
            if (!publicFor[index.classification(uid).external ? 'external' : 'internal']) {
                continue;
            }
            only = OWD_ONLY;
            if (noRestriction && internalOwd.model && !index.classification(uid).external) {
                const entry = owdOnlyEntry(index, user, uid, rid, object, internalOwd.model);
                if (entry) {
                    entries.push(entry);
                }
                continue;
            }
        }
        if (object !== 'User') {
            const op = objectPermissions(index, uid, object);
            if (op.known && !op.flags.read) {
                continue;
            }
        }
        const evaluation = evaluateRecord(newState(index), uid, rid, 0, false, only);
        if (!evaluation.combined.access.read) {
            continue;
        }
        entries.push(
            withReasons({
                userId: uid,
                userName: labelOf(user, uid),
                maxAccessLevel: maxAccessLevelOf(evaluation.combined.access),
                paths: evaluation.paths,
                uncertain: evaluation.uncertainties.length > 0
            })
        );
    }
    entries.sort((a, b) => a.userName.localeCompare(b.userName) || a.userId.localeCompare(b.userId));
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = opts.limit === undefined ? entries.length : Math.max(0, opts.limit);
    const totalsByMechanism: WhoCanSeeResult['totalsByMechanism'] = {};
    const totalsByAccess: WhoCanSeeResult['totalsByAccess'] = {};
    for (const e of entries) {
        for (const m of e.mechanisms) {
            totalsByMechanism[m] = (totalsByMechanism[m] ?? 0) + 1;
        }
        totalsByAccess[e.maxAccessLevel] = (totalsByAccess[e.maxAccessLevel] ?? 0) + 1;
    }
    return {
        recordId: rid,
        objectApiName: object,
        recordName: index.name(rid),
        total: entries.length,
        totalsByMechanism,
        totalsByAccess,
        offset,
        limit,
        users: entries.slice(offset, offset + limit),
        uncertain: entries.some((e) => e.uncertain),
        uncertainties: []
    };
}

const LEVEL_RANK: Record<AccessLevel, number> = { None: 0, Read: 1, Edit: 2, Delete: 3, Transfer: 4, All: 5 };

/** The top mechanism and reason of an entry: its highest-level path. */
function withReasons(e: Pick<WhoCanSeeEntry, 'userId' | 'userName' | 'maxAccessLevel' | 'paths' | 'uncertain'>): WhoCanSeeEntry {
    const top = [...e.paths].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])[0];
    const mechanisms = [...new Set(e.paths.map((p) => p.layer))];
    return { ...e, topMechanism: top?.layer ?? 'orgWideDefaults', topReason: top?.summary ?? '', mechanisms };
}

/** An internal user whose only way in is the org-wide default, gated by object permissions. */
function owdOnlyEntry(index: SnapshotIndex, user: Row, uid: string, rid: string, object: string, model: NonNullable<ReturnType<typeof resolveOwd>['model']>): WhoCanSeeEntry | null {
    const op = objectPermissions(index, uid, object);
    const f = op.flags;
    const gate = op.known ? { read: f.read, edit: f.read && f.edit, delete: f.read && f.delete, transfer: f.read && f.edit, share: f.read } : flagsOf('All');
    const access = andFlags(flagsOf(grantOfSharingModel(model)), gate);
    if (!access.read) {
        return null;
    }
    const level = maxAccessLevelOf(access);
    const userName = labelOf(user, uid);
    const recordName = index.name(rid);
    const label = `org-wide default ${SHARING_MODEL_LABEL[model]}`;
    return withReasons({
        userId: uid,
        userName,
        maxAccessLevel: level,
        paths: [
            {
                id: `orgWideDefaults:${uid}>${label}>${rid}`,
                layer: 'orgWideDefaults',
                level,
                steps: [
                    { kind: 'user', label: userName, id: uid },
                    { kind: 'setting', label, via: 'applies' },
                    { kind: 'record', label: `${object} ${recordName}`, id: rid }
                ],
                summary: `${userName} → ${label} → ${object} ${recordName} → ${level}`
            }
        ],
        uncertain: op.uncertainties.length > 0
    });
}

/** Users of the permission sets (profile-owned, assigned, or in assigned groups) matching a predicate. */
function holdersOf(index: SnapshotIndex, setIds: Iterable<string>, out: Set<string>): void {
    for (const psId of setIds) {
        const ps = index.byId(psId)?.row;
        if (ps?.IsOwnedByProfile === true) {
            for (const u of index.rowsWhere('User', 'ProfileId', str(ps.ProfileId))) {
                out.add(str(u.Id));
            }
        }
        for (const a of index.rowsWhere('PermissionSetAssignment', 'PermissionSetId', psId)) {
            out.add(str(a.AssigneeId));
        }
        for (const c of index.rowsWhere('PermissionSetGroupComponent', 'PermissionSetId', psId)) {
            for (const a of index.rowsWhere('PermissionSetAssignment', 'PermissionSetGroupId', str(c.PermissionSetGroupId))) {
                out.add(str(a.AssigneeId));
            }
        }
        const groupId = str(ps?.PermissionSetGroupId);
        if (groupId) {
            for (const a of index.rowsWhere('PermissionSetAssignment', 'PermissionSetGroupId', groupId)) {
                out.add(str(a.AssigneeId));
            }
        }
    }
}

function addPrincipal(index: SnapshotIndex, id: string, out: Set<string>): void {
    const hit = index.byId(id);
    if (hit?.table === 'User') {
        out.add(id);
    } else if (hit?.table === 'Group') {
        for (const m of index.membersOf(id)) {
            out.add(m);
        }
    }
}

/** A superset of the users who could have a record-level path to the record; null = everyone. */
function candidateUsers(index: SnapshotIndex, recordId: string, depth: number): Set<string> | null {
    const hit = index.byId(recordId);
    if (!hit || depth > 4) {
        return null;
    }
    const object = index.objectOf(recordId) ?? hit.table;
    const row: Row = hit.row;
    const out = new Set<string>();
    // View All / Modify All on the object, View All Data / Modify All Data.
    const sets = new Set<string>();
    for (const op of index.rowsWhere('ObjectPermissions', 'SobjectType', object)) {
        if (op.PermissionsViewAllRecords === true || op.PermissionsModifyAllRecords === true) {
            sets.add(str(op.ParentId));
        }
    }
    for (const ps of index.rows('PermissionSet')) {
        if (ps.PermissionsViewAllData === true || ps.PermissionsModifyAllData === true) {
            sets.add(str(ps.Id));
        }
    }
    holdersOf(index, sets, out);
    // Ownership and queues.
    const owner = str(row.OwnerId);
    if (owner) {
        addPrincipal(index, owner, out);
    }
    // Share rows on the record and, for account children, on the account.
    const accountId = str(row.AccountId);
    for (const s of index.sharesOf(recordId)) {
        addPrincipal(index, s.granteeId, out);
    }
    if (accountId) {
        for (const s of index.sharesOf(accountId)) {
            addPrincipal(index, s.granteeId, out);
        }
        const account = index.byId(accountId)?.row;
        if (account) {
            addPrincipal(index, str(account.OwnerId), out);
        }
    }
    // Teams.
    for (const [table, field, member] of [
        ['AccountTeamMember', 'AccountId', 'UserId'],
        ['OpportunityTeamMember', 'OpportunityId', 'UserId'],
        ['CaseTeamMember', 'ParentId', 'MemberId']
    ] as const) {
        for (const key of [recordId, accountId]) {
            for (const m of key ? index.rowsWhere(table, field, key) : []) {
                addPrincipal(index, str(m[member]), out);
            }
        }
    }
    for (const t of index.rowsWhere('CaseTeamTemplateRecord', 'ParentId', recordId)) {
        for (const m of index.rowsWhere('CaseTeamTemplateMember', 'TeamTemplateId', str(t.TeamTemplateId))) {
            addPrincipal(index, str(m.MemberId), out);
        }
    }
    // Territories of the account (and their ancestors).
    const territoryAccount = object === 'Account' ? recordId : accountId;
    if (territoryAccount) {
        for (const a of index.rowsWhere('ObjectTerritory2Association', 'ObjectId', territoryAccount)) {
            const t = str(a.Territory2Id);
            for (const tt of [t, ...index.territoryAncestors(t)]) {
                for (const u of index.rowsWhere('UserTerritory2Association', 'Territory2Id', tt)) {
                    out.add(str(u.UserId));
                }
            }
        }
    }
    // Parents (Controlled by Parent / master-detail) and children (parent implicit sharing).
    const describe = index.snapshot.describe?.[object];
    const parentFields = new Set(['AccountId', ...(describe?.fields ?? []).filter((f) => f.type === 'reference' && f.cascadeDelete === true).map((f) => f.name)]);
    for (const f of parentFields) {
        const parent = str(row[f]);
        if (parent && parent !== recordId) {
            const parentObject = index.objectOf(parent);
            // A parent readable through its own public default (or unknown) opens the child to everyone.
            if (!parentObject || isPublic(index, parentObject, false) || isPublic(index, parentObject, true)) {
                return null;
            }
            const more = candidateUsers(index, parent, depth + 1);
            if (!more) {
                return null;
            }
            more.forEach((u) => out.add(u));
        }
    }
    if (object === 'Account') {
        for (const child of ['Contact', 'Opportunity', 'Case', 'Contract', 'Order']) {
            for (const c of index.rowsWhere(child, 'AccountId', recordId)) {
                addPrincipal(index, str(c.OwnerId), out);
                for (const s of index.sharesOf(str(c.Id))) {
                    addPrincipal(index, s.granteeId, out);
                }
                for (const m of index.rowsWhere('OpportunityTeamMember', 'OpportunityId', str(c.Id))) {
                    out.add(str(m.UserId));
                }
                for (const m of index.rowsWhere('CaseTeamMember', 'ParentId', str(c.Id))) {
                    out.add(str(m.MemberId));
                }
            }
        }
    }
    // Experience Cloud (sharing sets, share groups, portal implicit): every external user, and share-group members.
    for (const u of index.rows('User')) {
        const id = str(u.Id);
        if (id && index.classification(id).external) {
            out.add(id);
        }
    }
    for (const set of index.snapshot.metadata?.SharingSet ?? []) {
        for (const m of set.shareGroupMembers ?? []) {
            addPrincipal(index, m, out);
            const role = index.byId(m);
            if (role?.table === 'UserRole') {
                for (const u of index.usersInRole(m)) {
                    out.add(str(u.Id));
                }
            }
        }
    }
    // Everyone above a candidate in the role hierarchy.
    const roles = new Set<string>();
    for (const u of out) {
        const r = str(index.user(u)?.UserRoleId);
        if (r) {
            index.roleAncestors(r).forEach((a) => roles.add(a));
        }
    }
    for (const r of roles) {
        for (const u of index.usersInRole(r)) {
            out.add(str(u.Id));
        }
    }
    out.delete('');
    return out;
}

