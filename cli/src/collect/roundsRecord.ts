/**
 * Rounds 1–4 of the explain plan (docs/evidence-plan.md): the users asked about, the record,
 * its family (parents level by level, the users' contact and account, an account's children),
 * and the evidence on every record of the family (share rows, teams, territories, org-wide
 * defaults).
 */
import { shareTableFor } from '../../../lwc-src/lwc/accessXrayEngine/shareTables';
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { InputError } from '../errors';
import { fieldGroups, isMasterDetail, recordFields, type DescribeResult } from './describe';
import { ACCOUNT_CHILD_OBJECTS, IMPLICIT_CHILD_OBJECTS, USER_FIELDS, planStep } from './plan';
import { ID_RE, key15, str, uniqIds } from './soql';
import type { PlanState } from './state';

/** Round 1: the org, the users asked about, restriction rules. */
export async function readSubjects(state: PlanState, users: string[]): Promise<Row[] | undefined> {
    const { session, tables } = state;
    tables.put('Organization', await session.step('org', {}, { essential: true }));
    const byId = users.filter((u) => ID_RE.test(u));
    const byName = users.filter((u) => !ID_RE.test(u));
    const found = (await session.step('subjects', { userIds: byId, usernames: byName }, { essential: true })) ?? [];
    for (const ref of users) {
        const hit = found.find((u) => (ID_RE.test(ref) ? key15(u.Id) === key15(ref) : str(u.Username).toLowerCase() === ref.toLowerCase()));
        if (!hit) {
            throw new InputError(
                `No user with ${ID_RE.test(ref) ? 'Id' : 'Username'} ${ref} in ${session.transport.orgLabel}.`,
                ['Check the id or username (sf data query -q "SELECT Id, Username FROM User WHERE Name LIKE \'%…%\'").'],
                'UnknownUser'
            );
        }
        if (!state.subjectIds.includes(str(hit.Id))) state.subjectIds.push(str(hit.Id));
    }
    tables.put('User', found);
    return session.step('restrictionRules', {});
}

/** Describe, cached in the state (the snapshot keeps the describe of every object whose records it holds). */
async function describeOf(state: PlanState, object: string): Promise<DescribeResult | null> {
    const cached = state.describes.get(object);
    if (cached) return cached;
    const d = await state.session.describe(object);
    if (d) state.describes.set(object, d);
    return d;
}

/** Read records of one object by a condition, every scalar field, in field groups; rows merged by Id. */
async function readRecords(
    state: PlanState,
    stepId: string,
    object: string,
    binds: Record<string, string | string[]>,
    opts: { essential?: boolean; where?: string } = {}
): Promise<Row[] | undefined> {
    const describe = await describeOf(state, object);
    if (!describe) return undefined;
    const merged = new Map<string, Row>();
    for (const fields of fieldGroups(recordFields(describe))) {
        const rows = await state.session.step(stepId, binds, { object, fields, ...(opts.where ? { where: opts.where } : {}), ...(opts.essential ? { essential: true } : {}) });
        if (!rows) return undefined;
        for (const row of rows) {
            const k = key15(row.Id);
            merged.set(k, { ...(merged.get(k) ?? {}), ...row });
        }
    }
    const rows = [...merged.values()];
    state.tables.put(object, rows);
    return rows;
}

/** Round 2: the record's object, the record, and the $User fields restriction rules on it name. */
export async function readRecord(state: PlanState, recordId: string, rules: Row[] | undefined): Promise<void> {
    const { session } = state;
    const sobjects = await session.globalDescribe();
    state.queryable = new Set(sobjects.filter((o) => o.queryable !== false).map((o) => o.name));
    const prefix = recordId.slice(0, 3);
    const object = sobjects.find((o) => o.keyPrefix === prefix)?.name;
    if (!object) {
        throw new InputError(`No object in ${session.transport.orgLabel} has key prefix ${prefix}: ${recordId} is not a record id of this org.`, [], 'UnknownRecord');
    }
    state.objectApiName = object;
    const rows = await readRecords(state, 'record', object, { recordId }, { essential: true });
    const record = rows?.[0];
    if (!record) {
        throw new InputError(`No ${object} record with Id ${recordId} in ${session.transport.orgLabel} (or the logged-in user can't see it).`, [], 'UnknownRecord');
    }
    state.recordId = str(record.Id);
    state.addFamily(object, [record], 'record');

    await readRuleUserFields(state, rules);
}

/** $User.<path> of active restriction rules on the record's object, beyond the fields every user row has. */
function ruleUserFields(rules: Row[] | undefined, object: string): string[] {
    const userFields = new Set<string>();
    for (const rule of rules ?? []) {
        if (rule.IsActive !== true || str(rule.TargetEntity).toLowerCase() !== object.toLowerCase()) continue;
        for (const m of str(rule.UserCriteria).matchAll(/\$User\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g)) {
            const path = m[1] as string;
            if (!(USER_FIELDS as readonly string[]).some((f) => f.toLowerCase() === path.toLowerCase())) userFields.add(path);
        }
    }
    return [...userFields];
}

/** The $User fields restriction rules on the record's object name, for the users asked about (who-can-see: every user reached). */
export async function readRuleUserFields(state: PlanState, rules: Row[] | undefined): Promise<void> {
    const userFields = ruleUserFields(rules, state.objectApiName);
    if (userFields.length && state.subjectIds.length) {
        const extra = await state.session.step('subjectRuleFields', { subjectIds: state.subjectIds }, { fields: ['Id', ...userFields], table: 'User (fields named by restriction rules)' });
        state.tables.put('User', extra);
    }
}

/** Parent ids of a record: master-detail masters and the AccountId of an account child. */
function parentRefs(object: string, describe: DescribeResult | undefined, row: Row): { object: string; id: string }[] {
    const out: { object: string; id: string }[] = [];
    for (const f of describe?.fields ?? []) {
        const target = f.referenceTo?.[0];
        if (!target || f.type !== 'reference') continue;
        const accountChild = (ACCOUNT_CHILD_OBJECTS as readonly string[]).includes(object) && f.name === 'AccountId';
        if (!isMasterDetail(f) && !accountChild) continue;
        const id = str(row[f.name]);
        if (ID_RE.test(id)) out.push({ object: target, id });
    }
    return out;
}

function byObject(refs: { object: string; id: string }[]): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const r of refs) map.set(r.object, [...(map.get(r.object) ?? []), r.id]);
    return map;
}

/** Round 3: parents (loop), the users' contact and account, the family accounts' children, and the users around contacts. */
export async function readFamily(state: PlanState): Promise<void> {
    const { session, tables } = state;
    const parentStep = planStep('family.parents');
    const maxDepth = parentStep.loop?.maxDepth ?? 6;
    let frontier = state.familyRows();
    let depth = 0;
    for (; frontier.length && depth < maxDepth; depth++) {
        const refs = frontier.flatMap((row) => {
            const object = state.family.get(key15(row.Id))?.object ?? '';
            return parentRefs(object, state.describes.get(object), row);
        });
        const next: Row[] = [];
        for (const [object, ids] of byObject(refs.filter((r) => !state.family.has(key15(r.id))))) {
            if (!state.queryable.has(object)) continue;
            const rows = await readRecords(state, 'family.parents', object, { parentIds: uniqIds(ids) });
            if (rows) {
                state.addFamily(object, rows, 'parent');
                next.push(...rows);
            }
        }
        frontier = next;
    }
    if (frontier.length && frontier.some((row) => parentRefs(state.family.get(key15(row.Id))?.object ?? '', state.describes.get(state.family.get(key15(row.Id))?.object ?? ''), row).length)) {
        session.reachCap('parentDepth', maxDepth, `the record's parents go more than ${maxDepth} levels up; ${parentStep.onCap}`);
    }

    // The users' own contact and account (Experience Cloud users): sharing-set user fields, portal implicit sharing.
    const contactIds = state.unread(state.subjects().map((u) => u.ContactId));
    const contacts = contactIds.length && state.queryable.has('Contact') ? ((await readRecords(state, 'family.identity', 'Contact', { identityIds: contactIds })) ?? []) : [];
    const accountIds = state.unread([...state.subjects().map((u) => u.AccountId), ...contacts.map((c) => c.AccountId)]);
    if (accountIds.length && state.queryable.has('Account')) await readRecords(state, 'family.identity', 'Account', { identityIds: accountIds });

    // Children of every account of the family (parent implicit sharing).
    const accounts = state.familyOf('Account').map((f) => f.id);
    if (accounts.length && state.accountChildren) {
        for (const child of IMPLICIT_CHILD_OBJECTS) {
            if (!state.queryable.has(child)) continue;
            const rows = await readRecords(state, 'family.children', child, { familyAccountIds: accounts });
            if (rows) state.addFamily(child, rows, 'child');
        }
    }

    // Detail records of the record that a high-volume user asked about owns (licence default access to their masters).
    const highVolume = state.subjects().filter((u) => state.isHighVolume(u)).map((u) => str(u.Id));
    if (highVolume.length) {
        const recordDescribe = state.describes.get(state.objectApiName);
        for (const rel of recordDescribe?.childRelationships ?? []) {
            if (!rel.cascadeDelete || !rel.childSObject.endsWith('__c') || !state.queryable.has(rel.childSObject)) continue;
            const detail = await describeOf(state, rel.childSObject);
            const field = detail?.fields.find((f) => f.name === rel.field);
            if (!detail || !field || !isMasterDetail(field)) continue;
            const rows = await session.step(
                'family.ownedDetails',
                { recordId: state.recordId, subjectIds: highVolume },
                { object: rel.childSObject, fields: ['Id', 'Name', 'OwnerId', rel.field].filter((f, i, a) => a.indexOf(f) === i && (f !== 'Name' || detail.fields.some((d) => d.name === 'Name'))), where: `${rel.field} = :recordId AND OwnerId IN :subjectIds` }
            );
            tables.put(rel.childSObject, rows);
        }
    }

    // Users enabled for the family's contacts (portal implicit sharing of contacts and related cases).
    const familyContacts = [...state.familyOf('Contact').map((f) => f.id), ...state.familyRows().filter((r) => state.family.get(key15(r.Id))?.object === 'Case').map((r) => r.ContactId)];
    const contactsAsked = uniqIds(familyContacts);
    if (contactsAsked.length) tables.put('User', await session.step('family.contactUsers', { contactIds: contactsAsked }));

    const subjectContacts = uniqIds(state.subjects().map((u) => u.ContactId));
    if (subjectContacts.length) tables.put('AccountContactRelation', await session.step('family.relatedAccounts', { subjectContactIds: subjectContacts }));
}

/** Round 4: share rows, teams, territories and org-wide defaults of the family. */
export async function readRecordEvidence(state: PlanState): Promise<void> {
    const { session, tables } = state;
    for (const object of state.familyObjects()) {
        const info = shareTableFor(object);
        // An object without a share table (public read/write, or controlled by its parent) has no share rows.
        if (!state.queryable.has(info.table)) continue;
        const columns = [info.accessField, ...Object.values(info.childAccessFields ?? {})];
        const rows = await session.step(
            'records.shares',
            { familyRecordIds: state.familyOf(object).map((f) => f.id) },
            { object: info.table, fields: ['Id', info.parentField, 'UserOrGroupId', ...columns, 'RowCause'], where: `${info.parentField} IN :familyRecordIds` }
        );
        tables.put(info.table, rows);
    }
    const accounts = state.familyOf('Account').map((f) => f.id);
    if (accounts.length) tables.put('AccountTeamMember', await session.step('records.accountTeams', { familyAccountIds: accounts }));
    const opportunities = state.familyOf('Opportunity').map((f) => f.id);
    if (opportunities.length) tables.put('OpportunityTeamMember', await session.step('records.opportunityTeams', { familyOpportunityIds: opportunities }));
    const cases = state.familyOf('Case').map((f) => f.id);
    if (cases.length) {
        const members = await session.step('records.caseTeams', { familyCaseIds: cases });
        tables.put('CaseTeamMember', members);
        const templates = members ? await session.step('records.caseTeamTemplates', { familyCaseIds: cases }) : undefined;
        tables.put('CaseTeamTemplateRecord', templates);
        const templateIds = uniqIds((templates ?? []).map((t) => t.TeamTemplateId));
        let templateMembers: Row[] = [];
        if (templateIds.length) {
            templateMembers = (await session.step('records.caseTeamTemplateMembers', { templateIds })) ?? [];
            tables.put('CaseTeamTemplateMember', templateMembers);
            tables.put('CaseTeamTemplate', await session.step('records.caseTeamTemplateNames', { templateIds }));
        }
        const teamRoleIds = uniqIds([...(members ?? []), ...templateMembers].map((m) => m.TeamRoleId));
        if (teamRoleIds.length) tables.put('CaseTeamRole', await session.step('records.caseTeamRoles', { teamRoleIds }));
    }
    const models = await session.step('records.territoryModel', {});
    tables.put('Territory2Model', models);
    state.territoriesActive = !!models?.length;
    if (state.territoriesActive && accounts.length) tables.put('ObjectTerritory2Association', await session.step('records.accountTerritories', { familyAccountIds: accounts }));
    tables.put('EntityDefinition', await session.step('records.sharingModels', { familyObjects: state.familyObjects() }));
}
