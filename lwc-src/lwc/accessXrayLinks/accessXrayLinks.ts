/**
 * One-click links: every evidence id, grant-path step and next step that Salesforce has a page
 * for becomes a page reference for `lightning/navigation`.
 *
 * Page references (LWC Developer Guide, "PageReference Types"):
 * - records, territories and territory models: `standard__recordPage` (actionName `view`);
 * - Setup pages: `standard__webPage` with the Lightning Experience Setup path the page has in
 *   the address bar (`/lightning/setup/<Node>/home`, or `/lightning/setup/<Node>/page?address=…`
 *   for the detail page of one item). Salesforce documents the page reference type, not these
 *   paths: if a path changes, the link opens that Setup area's home instead of the item.
 * - A manual share is added with the Sharing button of the record (Help, "Troubleshoot Missing
 *   Object or Record Access": "the Sharing button on the record detail page"); no page reference
 *   opens that dialog, so the link opens the record.
 *
 * Pure: reads the snapshot rows, no I/O.
 */
import { shareTableFor } from 'c/accessXrayEngine';
import type { Explanation, NextStep, Row } from 'c/accessXrayEngine';
import { LABELS, format } from 'c/accessXrayLabels';

export interface PageReference {
    type: string;
    attributes: Record<string, string>;
    state?: Record<string, string>;
}

/** Where a link goes, and what it reads as ("Queue EMEA Support Queue"). */
export interface NavTarget {
    text: string;
    pageReference: PageReference;
}

export type LinkMap = Record<string, NavTarget>;

const SETUP = {
    sharingSettings: '/lightning/setup/SecuritySharing/home',
    digitalExperiences: '/lightning/setup/NetworkSettings/home',
    permissionSets: '/lightning/setup/PermSets/home'
};

/** Tables whose rows are Setup items or rows about them, not records with a record page. */
const NOT_RECORDS = new Set([
    'Organization',
    'EntityDefinition',
    'UserLicense',
    'UserRecordAccess',
    'ExternalAccountHierarchy',
    'Network',
    'QueueSobject',
    'CaseTeamRole',
    'CaseTeamTemplate',
    'CaseTeamTemplateMember',
    'CaseTeamTemplateRecord',
    'Territory2Type',
    'PermissionSetGroupComponent'
]);

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

function setupPage(url: string): PageReference {
    return { type: 'standard__webPage', attributes: { url } };
}

/** A Setup detail page: `/lightning/setup/<node>/page?address=<encoded classic path>`. */
function setupItem(node: string, address: string): PageReference {
    return setupPage(`/lightning/setup/${node}/page?address=${encodeURIComponent(address)}`);
}

function recordPage(recordId: string, objectApiName: string): PageReference {
    return { type: 'standard__recordPage', attributes: { recordId, objectApiName, actionName: 'view' } };
}

/** The object a share table shares (`AccountShare` → Account, `Invoice__Share` → Invoice__c). */
function sharedObjectOf(table: string): string | undefined {
    if (table.endsWith('__Share')) {
        return `${table.slice(0, -'__Share'.length)}__c`;
    }
    if (table.endsWith('Share') && table.length > 'Share'.length) {
        return table.slice(0, -'Share'.length);
    }
    return undefined;
}

/** Rows of the snapshot by id, object labels by API name. */
export class EvidenceLookup {
    private readonly byId = new Map<string, { table: string; row: Row }>();
    private readonly labels = new Map<string, string>();

    constructor(snapshot: unknown) {
        const s = (snapshot ?? {}) as {
            tables?: Record<string, unknown>;
            describe?: Record<string, { label?: unknown }>;
        };
        for (const [table, rows] of Object.entries(s.tables ?? {})) {
            if (!Array.isArray(rows)) {
                continue;
            }
            for (const row of rows as Row[]) {
                const id = str(row?.Id);
                if (id) {
                    this.byId.set(id, { table, row });
                    if (id.length === 18) {
                        this.byId.set(id.slice(0, 15), { table, row });
                    }
                }
            }
        }
        for (const [name, d] of Object.entries(s.describe ?? {})) {
            if (typeof d?.label === 'string' && d.label) {
                this.labels.set(name, d.label);
            }
        }
        for (const row of (s.tables?.EntityDefinition as Row[] | undefined) ?? []) {
            const api = str(row.QualifiedApiName) || str(row.DeveloperName);
            const label = str(row.Label) || str(row.MasterLabel);
            if (api && label && !this.labels.has(api)) {
                this.labels.set(api, label);
            }
        }
    }

    find(id: string | undefined): { table: string; row: Row } | undefined {
        return id ? this.byId.get(id) : undefined;
    }

    /** "Case", "Invoice" (describe label; else the API name without namespace, suffix and underscores). */
    objectLabel(objectApiName: string): string {
        const known = this.labels.get(objectApiName);
        if (known) {
            return known;
        }
        const parts = objectApiName.split('__');
        const base = parts.length === 3 ? parts[1] : parts[0];
        return (base ?? objectApiName).replace(/_/g, ' ');
    }

    /** The name a person knows a row by. */
    nameOf(id: string): string {
        const hit = this.find(id);
        const row = hit?.row;
        if (!row) {
            return id;
        }
        if (hit.table === 'Case' && str(row.CaseNumber)) {
            return str(row.CaseNumber);
        }
        return str(row.Name) || str(row.Label) || str(row.MasterLabel) || str(row.DeveloperName) || str(row.Subject) || id;
    }
}

function roleTarget(lookup: EvidenceLookup, roleId: string): NavTarget {
    return {
        text: format(LABELS.targetRole, lookup.nameOf(roleId)),
        pageReference: setupItem('Roles', `/${roleId}`)
    };
}

function permissionSetTarget(lookup: EvidenceLookup, id: string): NavTarget | undefined {
    const hit = lookup.find(id);
    const row = hit?.row;
    if (hit?.table === 'PermissionSetGroup' || id.startsWith('0PG')) {
        return {
            text: format(LABELS.targetPermissionSetGroup, lookup.nameOf(id)),
            pageReference: setupItem('PermSetGroups', `/${id}`)
        };
    }
    if (row?.IsOwnedByProfile === true && str(row.ProfileId)) {
        return profileTarget(lookup, str(row.ProfileId), str(row.Label));
    }
    const groupId = str(row?.PermissionSetGroupId);
    if (groupId) {
        return permissionSetTarget(lookup, groupId);
    }
    return {
        text: format(LABELS.targetPermissionSet, str(row?.Label) || lookup.nameOf(id)),
        pageReference: setupItem('PermSets', `/${id}`)
    };
}

function profileTarget(lookup: EvidenceLookup, profileId: string, fallbackName = ''): NavTarget {
    const name = lookup.find(profileId) ? lookup.nameOf(profileId) : fallbackName || profileId;
    return { text: format(LABELS.targetProfile, name), pageReference: setupItem('EnhancedProfiles', `/${profileId}`) };
}

function userTarget(lookup: EvidenceLookup, userId: string): NavTarget {
    return {
        text: format(LABELS.targetUser, lookup.nameOf(userId)),
        // The Setup user detail page: where roles, permission set assignments and public groups are changed.
        pageReference: setupItem('ManageUsers', `/${userId}?noredirect=1&isUserEntityOverride=1`)
    };
}

function recordTarget(lookup: EvidenceLookup, recordId: string, objectApiName: string): NavTarget {
    return {
        text: format(LABELS.targetRecord, lookup.objectLabel(objectApiName), lookup.nameOf(recordId)),
        pageReference: recordPage(recordId, objectApiName)
    };
}

function groupTarget(lookup: EvidenceLookup, groupId: string): NavTarget | undefined {
    const row = lookup.find(groupId)?.row;
    const type = str(row?.Type);
    const related = str(row?.RelatedId);
    switch (type) {
        case 'Queue':
            return {
                text: format(LABELS.targetQueue, lookup.nameOf(groupId)),
                pageReference: setupItem('Queues', `/p/own/Queue/d?id=${groupId}`)
            };
        case 'Regular':
            return {
                text: format(LABELS.targetGroup, lookup.nameOf(groupId)),
                pageReference: setupItem('PublicGroups', `/setup/own/groupdetail.jsp?id=${groupId}`)
            };
        case 'Role':
        case 'RoleAndSubordinates':
        case 'RoleAndSubordinatesInternal':
            return related ? roleTarget(lookup, related) : undefined;
        case 'Territory':
        case 'TerritoryAndSubordinates':
            return related ? territoryTarget(lookup, related) : undefined;
        default:
            // Organization-wide and personal groups have no page of their own.
            return undefined;
    }
}

function territoryTarget(lookup: EvidenceLookup, territoryId: string): NavTarget {
    return {
        text: format(LABELS.targetTerritory, lookup.nameOf(territoryId)),
        pageReference: recordPage(territoryId, 'Territory2')
    };
}

const SHARING_SETTINGS = (): NavTarget => ({
    text: LABELS.targetSharingSettings,
    pageReference: setupPage(SETUP.sharingSettings)
});

const DIGITAL_EXPERIENCES = (): NavTarget => ({
    text: LABELS.targetDigitalExperiences,
    pageReference: setupPage(SETUP.digitalExperiences)
});

function objectManagerTarget(lookup: EvidenceLookup, objectApiName: string): NavTarget {
    return {
        text: format(LABELS.targetObjectManager, lookup.objectLabel(objectApiName)),
        pageReference: setupPage(`/lightning/setup/ObjectManager/${encodeURIComponent(objectApiName)}/Details/view`)
    };
}

/** A link for an id of the snapshot (record, user, group, role, permission set...). */
export function targetForId(lookup: EvidenceLookup, id: string): NavTarget | undefined {
    const hit = lookup.find(id);
    if (!hit) {
        // Ids the snapshot does not hold: only key prefixes that are unambiguous Setup items.
        if (id.startsWith('00E')) return roleTarget(lookup, id);
        if (id.startsWith('0PS') || id.startsWith('0PG')) return permissionSetTarget(lookup, id);
        if (id.startsWith('0MI')) return territoryTarget(lookup, id);
        return undefined;
    }
    return targetForRow(lookup, hit.table, hit.row, id);
}

function targetForRow(lookup: EvidenceLookup, table: string, row: Row, id: string): NavTarget | undefined {
    switch (table) {
        case 'User':
            return userTarget(lookup, id);
        case 'Profile':
            return profileTarget(lookup, id);
        case 'PermissionSet':
        case 'PermissionSetGroup':
            return permissionSetTarget(lookup, id);
        case 'PermissionSetAssignment':
            return permissionSetTarget(lookup, str(row.PermissionSetGroupId) || str(row.PermissionSetId));
        case 'ObjectPermissions':
        case 'FieldPermissions':
            return str(row.ParentId) ? permissionSetTarget(lookup, str(row.ParentId)) : undefined;
        case 'Group':
            return groupTarget(lookup, id);
        case 'GroupMember':
            return str(row.GroupId) ? groupTarget(lookup, str(row.GroupId)) : undefined;
        case 'UserRole':
            return roleTarget(lookup, id);
        case 'Territory2':
            return territoryTarget(lookup, id);
        case 'Territory2Model':
            return { text: format(LABELS.targetTerritoryModel, lookup.nameOf(id)), pageReference: recordPage(id, 'Territory2Model') };
        case 'UserTerritory2Association':
        case 'ObjectTerritory2Association':
            return str(row.Territory2Id) ? territoryTarget(lookup, str(row.Territory2Id)) : undefined;
        case 'AccountTeamMember':
            return str(row.AccountId) ? recordTarget(lookup, str(row.AccountId), 'Account') : undefined;
        case 'OpportunityTeamMember':
            return str(row.OpportunityId) ? recordTarget(lookup, str(row.OpportunityId), 'Opportunity') : undefined;
        case 'CaseTeamMember':
            return str(row.ParentId) ? recordTarget(lookup, str(row.ParentId), 'Case') : undefined;
        default:
            break;
    }
    const shared = sharedObjectOf(table);
    if (shared) {
        // A share row lives on the record's Sharing, opened from the record.
        const parentId = str(row[shareTableFor(shared).parentField]);
        if (!parentId) {
            return undefined;
        }
        const record = recordTarget(lookup, parentId, shared);
        return { text: format(LABELS.targetSharingOf, record.text), pageReference: record.pageReference };
    }
    if (NOT_RECORDS.has(table)) {
        return undefined;
    }
    return recordTarget(lookup, id, table);
}

/**
 * A link for one evidence id: `<Table>:<Id>`, `EntityDefinition:<Object>.<Field>`,
 * `metadata:<Type>:<name>` or `settings:<key>`.
 */
export function targetForEvidence(lookup: EvidenceLookup, evidence: string, objectApiName?: string): NavTarget | undefined {
    if (evidence.startsWith('settings:')) {
        const key = evidence.slice('settings:'.length);
        if (key.startsWith('experienceCloud.') && key !== 'experienceCloud.grantSiteUsersAccessToRelatedCases') {
            return DIGITAL_EXPERIENCES();
        }
        if (
            key.startsWith('grantAccessUsingHierarchies.') ||
            key.startsWith('sharingSettings.') ||
            key === 'experienceCloud.grantSiteUsersAccessToRelatedCases'
        ) {
            return SHARING_SETTINGS();
        }
        return undefined;
    }
    if (evidence.startsWith('metadata:')) {
        const type = evidence.split(':')[1];
        if (type === 'SharingRules' || type === 'AccountRelationshipShareRule') {
            return SHARING_SETTINGS();
        }
        if (type === 'SharingSet') {
            return DIGITAL_EXPERIENCES();
        }
        if (type === 'RestrictionRule' && objectApiName) {
            // Restriction rules are managed under their object in Object Manager (Help, "Create a Restriction Rule").
            return objectManagerTarget(lookup, objectApiName);
        }
        return undefined;
    }
    const colon = evidence.indexOf(':');
    if (colon < 0) {
        return targetForId(lookup, evidence);
    }
    const table = evidence.slice(0, colon);
    const key = evidence.slice(colon + 1);
    if (table === 'EntityDefinition') {
        // Org-wide defaults and Grant Access Using Hierarchies are set on Sharing Settings.
        return SHARING_SETTINGS();
    }
    const hit = lookup.find(key);
    return hit ? targetForRow(lookup, hit.table, hit.row, key) : undefined;
}

export interface StepContext {
    recordId: string;
    objectApiName: string;
    userId: string;
}

/** Where an admin carries out a next step. */
export function targetForStep(lookup: EvidenceLookup, step: NextStep, ctx: StepContext): NavTarget | undefined {
    const first = step.targetIds?.find((id) => typeof id === 'string' && id !== '');
    switch (step.kind) {
        case 'manualShare':
        case 'addToTeam': {
            const record = recordTarget(lookup, ctx.recordId, ctx.objectApiName);
            return { text: format(step.kind === 'manualShare' ? LABELS.targetShareRecord : LABELS.targetTeamOf, record.text), pageReference: record.pageReference };
        }
        case 'addToGroup':
        case 'addToQueue':
        case 'addToTerritory':
        case 'changeRole':
        case 'assignPermissionSet':
        case 'grantObjectPermission': {
            const target = first ? targetForId(lookup, first) : undefined;
            if (target) {
                return target;
            }
            if (step.kind === 'grantObjectPermission') {
                return { text: LABELS.targetPermissionSets, pageReference: setupPage(SETUP.permissionSets) };
            }
            // Role changes and assignments without a named target are made on the user.
            return step.kind === 'changeRole' || step.kind === 'assignPermissionSet' ? userTarget(lookup, ctx.userId) : undefined;
        }
        case 'changeOwd':
        case 'editSharingRule':
        case 'changeSetting':
            return SHARING_SETTINGS();
        case 'editSharingSet':
            return DIGITAL_EXPERIENCES();
        case 'editRestrictionRule':
            return objectManagerTarget(lookup, ctx.objectApiName);
        default:
            return first ? targetForId(lookup, first) : undefined;
    }
}

/** Key of a next step in the link map. */
export function stepKey(layerId: string, index: number): string {
    return `step:${layerId}:${index}`;
}

/** Key of the fix the verdict offers for an operation. */
export function fixKey(operation: string): string {
    return `fix:${operation}`;
}

/**
 * Every link the explanation can show, by key: evidence ids, path step ids, next steps
 * (`step:<layer>:<i>`) and the fix the verdict offers per denied operation (`fix:<op>`).
 */
export function buildLinks(snapshot: unknown, e: Explanation): LinkMap {
    const lookup = new EvidenceLookup(snapshot);
    const ctx: StepContext = { recordId: e.recordId, objectApiName: e.objectApiName, userId: e.userId };
    const links: LinkMap = {};
    const addEvidence = (ev: string): void => {
        if (links[ev]) {
            return;
        }
        const target = targetForEvidence(lookup, ev, e.objectApiName);
        if (target) {
            links[ev] = target;
        }
    };
    for (const layer of e.layers ?? []) {
        (layer.evidence ?? []).forEach(addEvidence);
        (layer.nextSteps ?? []).forEach((step, index) => {
            const target = targetForStep(lookup, step, ctx);
            if (target) {
                links[stepKey(layer.id, index)] = target;
            }
        });
    }
    for (const path of e.paths ?? []) {
        for (const step of path.steps ?? []) {
            if (step.id && !links[step.id]) {
                const target = targetForId(lookup, step.id);
                if (target) {
                    links[step.id] = target;
                }
            }
        }
    }
    for (const why of e.whyNot ?? []) {
        // The verdict offers the near miss's fix first (accessXrayPresentation.verdictModel).
        const nearMiss = why.nearMiss ?? (why.operation === 'read' ? e.nearMiss : undefined);
        // Same choice as the verdict line (accessXrayPresentation): the smallest fix first.
        const fix = why.cheapestFix ?? nearMiss?.fix;
        const target = fix ? targetForStep(lookup, fix, ctx) : undefined;
        if (target) {
            links[fixKey(why.operation)] = target;
        }
        (nearMiss?.evidence ?? []).forEach(addEvidence);
    }
    return links;
}
