/**
 * Rounds 9–10 of the explain plan (docs/evidence-plan.md): the permissions of the users asked
 * about (assignments, groups, muting, permission sets with the profile's, object permissions on
 * the family's objects, field permissions on the record's object, custom permissions when a
 * restriction rule tests them), the permission sets that would fix a missing object permission
 * (what-if-ready), and Salesforce's own verdict (UserRecordAccess).
 */
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { ID_CHUNK } from './plan';
import { uniqIds, str } from './soql';
import type { PlanState } from './state';

/** Does an active restriction rule on the record's object test a custom permission ($Permission.…)? */
function testsCustomPermission(state: PlanState, rules: Row[] | undefined): boolean {
    return (rules ?? []).some(
        (r) => r.IsActive === true && str(r.TargetEntity).toLowerCase() === state.objectApiName.toLowerCase() && /\$Permission\./.test(`${str(r.UserCriteria)} ${str(r.RecordFilter)}`)
    );
}

/** Round 9. */
export async function readPermissions(state: PlanState, rules: Row[] | undefined): Promise<void> {
    const assignments = (await state.session.step('permissions.assignments', { subjectIds: state.subjectIds })) ?? [];
    await readPermissionsOf(state, rules, assignments);
}

/**
 * whoCanSee/1's round 9: the assignments of only the permission sets and groups that decide access
 * to the record family — any object permission on the family's objects, or a system permission the
 * answer uses (planWhoCanSee.ts DECIDING_SYSTEM_PERMISSIONS). A set that gives none of those adds
 * no bit to any user (permissionHolders.ts), so leaving its assignments out changes no answer. A
 * restriction rule testing a custom permission needs every set (any may grant it): all assignments.
 */
export async function readDecidingPermissions(state: PlanState, rules: Row[] | undefined): Promise<void> {
    const { session } = state;
    if (testsCustomPermission(state, rules) || !state.subjectIds.length) {
        await readPermissions(state, rules);
        return;
    }
    const objectPermissions = await session.step('wcs.decidingObjectPermissions', { familyObjects: state.familyObjects() });
    const systemSets = await session.step('wcs.decidingSystemSets', {});
    if (!objectPermissions || !systemSets) {
        // Which sets decide is unknown: read every assignment rather than guess.
        await readPermissions(state, rules);
        return;
    }
    const parent = (r: Row): Row => (r.Parent ?? {}) as Row;
    const sets = [
        ...objectPermissions.map((o) => ({ id: str(o.ParentId), profile: parent(o).IsOwnedByProfile === true, group: str(parent(o).PermissionSetGroupId) })),
        ...systemSets.map((p) => ({ id: str(p.Id), profile: p.IsOwnedByProfile === true, group: str(p.PermissionSetGroupId) }))
    ];
    // A profile's own set reaches its users through User.ProfileId (permissions.sets reads it): no assignment needed.
    const setIds = uniqIds(sets.filter((s) => !s.profile).map((s) => s.id));
    // No such object (INVALID_TYPE: an org without permission set groups) holds no group; any other failure: read every assignment.
    const components = setIds.length ? ((await session.step('wcs.decidingGroupComponents', { decidingSetIds: setIds })) ?? []) : [];
    if (session.unavailable.some((u) => u.table === 'PermissionSetGroupComponent')) {
        await readPermissions(state, rules);
        return;
    }
    const groupIds = uniqIds([...sets.map((s) => s.group), ...components.map((c) => c.PermissionSetGroupId)]);
    const assignments: Row[] = [];
    // At most ID_CHUNK sets per query (the users' list is the one cut into chunks).
    for (let i = 0; i < Math.max(setIds.length, groupIds.length); i += ID_CHUNK) {
        const binds = { subjectIds: state.subjectIds, decidingSetIds: setIds.slice(i, i + ID_CHUNK), decidingGroupIds: groupIds.slice(i, i + ID_CHUNK) };
        const rows = await session.step('wcs.permissionAssignments', binds);
        if (!rows) break;
        assignments.push(...rows);
    }
    await readPermissionsOf(state, rules, assignments);
}

/** Round 9 from the assignments read: groups and their components, sets (and the profiles'), muting, object and custom permissions. */
async function readPermissionsOf(state: PlanState, rules: Row[] | undefined, assignments: Row[]): Promise<void> {
    const { session, tables } = state;
    tables.put('PermissionSetAssignment', assignments);
    const whatIfSets = state.whatIf.permissionSetIds;
    const psgIds = uniqIds([...assignments.map((a) => a.PermissionSetGroupId), ...whatIfSets.filter((id) => id.startsWith('0PG'))]);
    let components: Row[] = [];
    if (psgIds.length) {
        components = (await session.step('permissions.groupComponents', { psgIds })) ?? [];
        tables.put('PermissionSetGroupComponent', components);
        tables.put('PermissionSetGroup', await session.step('permissions.groups', { psgIds }));
    }
    // Fix candidates and field permissions serve explanations only (not who-can-see: whoCanSee/1 leaves them out).
    const candidates = session.has('permissions.fixCandidates') ? ((await session.step('permissions.fixCandidates', { recordObject: state.objectApiName })) ?? []) : [];
    tables.put('ObjectPermissions', candidates);
    const componentSets = components.map((c) => str(c.PermissionSetId));
    const setIds = uniqIds([
        ...assignments.map((a) => a.PermissionSetId),
        ...componentSets.filter((id) => !id.startsWith('0QM')),
        ...whatIfSets.filter((id) => !id.startsWith('0PG')),
        ...candidates.map((c) => c.ParentId)
    ]);
    const profileIds = uniqIds(state.subjects().map((u) => u.ProfileId));
    tables.put('PermissionSet', await session.step('permissions.sets', { setIds, psgIds, profileIds }));
    const mutingIds = uniqIds(componentSets.filter((id) => id.startsWith('0QM')));
    if (mutingIds.length) tables.put('MutingPermissionSet', await session.step('permissions.muting', { mutingIds }));
    const parentIds = uniqIds([...tables.rows('PermissionSet').map((p) => p.Id), ...mutingIds]);
    if (parentIds.length) {
        tables.put('ObjectPermissions', await session.step('permissions.objects', { familyObjects: state.familyObjects(), permissionParentIds: parentIds }));
        if (session.has('permissions.fields')) tables.put('FieldPermissions', await session.step('permissions.fields', { recordObject: state.objectApiName, permissionParentIds: parentIds }));
    }
    if (testsCustomPermission(state, rules) && parentIds.length) {
        const access = await session.step('permissions.customPermissionAccess', { permissionParentIds: parentIds });
        tables.put('SetupEntityAccess', access);
        const customIds = uniqIds((access ?? []).map((a) => a.SetupEntityId));
        tables.put('CustomPermission', customIds.length ? await session.step('permissions.customPermissions', { customPermissionIds: customIds }) : access ? [] : undefined);
    }
}

/** Round 10: UserRecordAccess of each user asked about on the record and its parents (the collector adds UserId). */
export async function readPlatformVerdict(state: PlanState, progress?: (done: number, total: number) => void): Promise<void> {
    const { session, tables } = state;
    const ids = uniqIds([state.recordId, ...[...state.family.values()].filter((f) => f.role === 'parent').map((f) => f.id)]);
    let done = 0;
    for (const userId of state.subjectIds) {
        const rows = (await session.step('platform.userRecordAccess', { subjectId: userId, recordAndParentIds: ids })) ?? [];
        tables.put(
            'UserRecordAccess',
            rows.map((r) => ({ ...r, UserId: userId }))
        );
        progress?.(++done, state.subjectIds.length);
    }
}
