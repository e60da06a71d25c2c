/**
 * Rounds 9–10 of the explain plan (docs/evidence-plan.md): the permissions of the users asked
 * about (assignments, groups, muting, permission sets with the profile's, object permissions on
 * the family's objects, field permissions on the record's object, custom permissions when a
 * restriction rule tests them), the permission sets that would fix a missing object permission
 * (what-if-ready), and Salesforce's own verdict (UserRecordAccess).
 */
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { uniqIds, str } from './soql';
import type { PlanState } from './state';

/** Round 9. */
export async function readPermissions(state: PlanState, rules: Row[] | undefined): Promise<void> {
    const { session, tables } = state;
    const subjectIds = state.subjectIds;
    const assignments = (await session.step('permissions.assignments', { subjectIds })) ?? [];
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
    const testsPermission = (rules ?? []).some(
        (r) => r.IsActive === true && str(r.TargetEntity).toLowerCase() === state.objectApiName.toLowerCase() && /\$Permission\./.test(`${str(r.UserCriteria)} ${str(r.RecordFilter)}`)
    );
    if (testsPermission && parentIds.length) {
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
