/**
 * Snapshot validation: every problem is reported as `<json path>: <problem>` through
 * `SnapshotError`, before any layer runs. Id-valued columns are normalised to 18 characters
 * (rows are copied, the caller's snapshot is never mutated).
 */
import { SnapshotError } from './errors';
import { isSalesforceId, toId18 } from './ids';
import { validateScope } from './scope';
import type { Row, Snapshot } from './types';

/** Columns the engine reads as record ids (plus every `Id`). */
export const ID_FIELDS: ReadonlySet<string> = new Set([
    'Id',
    'OwnerId',
    'UserOrGroupId',
    'GroupId',
    'RelatedId',
    'ParentRoleId',
    'UserRoleId',
    'ProfileId',
    'AssigneeId',
    'PermissionSetId',
    'PermissionSetGroupId',
    'ParentId',
    'UserId',
    'RecordId',
    'AccountId',
    'ContactId',
    'CaseId',
    'OpportunityId',
    'LeadId',
    'CampaignId',
    'ContractId',
    'ManagerId',
    'MemberId',
    'TeamRoleId',
    'TeamTemplateId',
    'Territory2Id',
    'Territory2ModelId',
    'ParentTerritory2Id',
    'ObjectId',
    'RecordTypeId',
    'PortalAccountId',
    'UserLicenseId'
]);

const BOOLEAN_FIELDS = /^(Permissions\w+|Is[A-Z]\w*|Has[A-Z]\w*|DoesIncludeBosses)$/;
const META_SOURCES = new Set(['org', 'demo', 'synthetic', 'fixture', 'admin']);
const PROVENANCES = new Set(['org', 'assumed', 'admin']);

function describe(value: unknown): string {
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return 'an array';
    }
    if (typeof value === 'string') {
        return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    }
    if (typeof value === 'object') {
        return 'an object';
    }
    return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, problem: string): never {
    throw new SnapshotError(path, problem);
}

function key(path: string, name: string): string {
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

function validateRow(row: unknown, path: string): Row {
    if (!isPlainObject(row)) {
        fail(path, `expected a row object, got ${describe(row)}`);
    }
    let copy: Row | null = null;
    for (const field of Object.keys(row)) {
        const value = row[field];
        if (value === null || value === undefined) {
            continue;
        }
        if (ID_FIELDS.has(field)) {
            if (!isSalesforceId(value)) {
                fail(key(path, field), `expected an 18- or 15-character Salesforce id, got ${describe(value)}`);
            }
            const id18 = toId18(value);
            if (id18 !== value) {
                copy ??= { ...row };
                copy[field] = id18;
            }
        } else if (BOOLEAN_FIELDS.test(field) && !field.endsWith('__c') && typeof value !== 'boolean') {
            // Standard Is…/Has…/Permissions… fields are booleans; a custom field may be named anything (HasDiscount__c).
            fail(key(path, field), `expected true or false, got ${describe(value)}`);
        }
    }
    return copy ?? (row as Row);
}

function validateIsoDate(value: unknown, path: string): void {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        fail(path, `expected an ISO date-time string, got ${describe(value)}`);
    }
}

function validateMeta(meta: unknown): void {
    if (!isPlainObject(meta)) {
        fail('meta', `expected an object with collectedAt and source, got ${describe(meta)}`);
    }
    validateIsoDate(meta.collectedAt, 'meta.collectedAt');
    if (typeof meta.source !== 'string' || !META_SOURCES.has(meta.source)) {
        fail('meta.source', `expected one of ${[...META_SOURCES].join(', ')}, got ${describe(meta.source)}`);
    }
    for (const listName of ['truncated', 'unavailable'] as const) {
        const list = meta[listName];
        if (list === undefined) {
            continue;
        }
        if (!Array.isArray(list)) {
            fail(`meta.${listName}`, `expected an array, got ${describe(list)}`);
        }
        list.forEach((item: unknown, i: number) => {
            if (!isPlainObject(item) || typeof item.table !== 'string') {
                fail(`meta.${listName}[${i}]`, `expected an object with a "table" name, got ${describe(item)}`);
            }
        });
    }
    validateScope(meta.scope);
}

function validateSettings(settings: unknown): void {
    if (settings === undefined) {
        return;
    }
    if (!isPlainObject(settings)) {
        fail('settings', `expected an object of settings, got ${describe(settings)}`);
    }
    for (const [name, setting] of Object.entries(settings)) {
        const path = key('settings', name);
        if (!isPlainObject(setting)) {
            fail(path, `expected { value, provenance }, got ${describe(setting)}`);
        }
        const v = setting.value;
        if (!(v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number')) {
            fail(`${path}.value`, `expected a boolean, string, number or null, got ${describe(v)}`);
        }
        if (typeof setting.provenance !== 'string' || !PROVENANCES.has(setting.provenance)) {
            fail(`${path}.provenance`, `expected one of org, assumed, admin, got ${describe(setting.provenance)}`);
        }
    }
}

function validateDescribe(describeSection: unknown): void {
    if (describeSection === undefined) {
        return;
    }
    if (!isPlainObject(describeSection)) {
        fail('describe', `expected an object keyed by object API name, got ${describe(describeSection)}`);
    }
    for (const [name, obj] of Object.entries(describeSection)) {
        const path = key('describe', name);
        if (!isPlainObject(obj)) {
            fail(path, `expected an object describe, got ${describe(obj)}`);
        }
        if (obj.fields !== undefined) {
            if (!Array.isArray(obj.fields)) {
                fail(`${path}.fields`, `expected an array, got ${describe(obj.fields)}`);
            }
            obj.fields.forEach((field: unknown, i: number) => {
                if (!isPlainObject(field) || typeof field.name !== 'string' || typeof field.type !== 'string') {
                    fail(`${path}.fields[${i}]`, `expected { name, type }, got ${describe(field)}`);
                }
            });
        }
    }
}

function validateMetadata(metadata: unknown): void {
    if (metadata === undefined) {
        return;
    }
    if (!isPlainObject(metadata)) {
        fail('metadata', `expected an object, got ${describe(metadata)}`);
    }
    for (const [name, list] of Object.entries(metadata)) {
        const path = key('metadata', name);
        if (!Array.isArray(list)) {
            fail(path, `expected an array, got ${describe(list)}`);
        }
        list.forEach((item: unknown, i: number) => {
            if (!isPlainObject(item)) {
                fail(`${path}[${i}]`, `expected an object, got ${describe(item)}`);
            }
        });
    }
    const rules = metadata.SharingRules;
    if (Array.isArray(rules)) {
        rules.forEach((rule: Record<string, unknown>, i: number) => {
            const path = `metadata.SharingRules[${i}]`;
            if (typeof rule.object !== 'string') {
                fail(`${path}.object`, `expected the object API name, got ${describe(rule.object)}`);
            }
            if (typeof rule.fullName !== 'string') {
                fail(`${path}.fullName`, `expected the rule's full name, got ${describe(rule.fullName)}`);
            }
            if (!isPlainObject(rule.sharedTo)) {
                fail(`${path}.sharedTo`, `expected an object, got ${describe(rule.sharedTo)}`);
            }
        });
    }
}

/** Validate and normalise; throws SnapshotError. Returns a snapshot whose id columns are 18 characters. */
export function validateSnapshot(input: unknown): Snapshot {
    if (!isPlainObject(input)) {
        fail('', `a snapshot must be a JSON object with schemaVersion, meta and tables, got ${describe(input)}`);
    }
    if (input.schemaVersion !== 1) {
        fail('schemaVersion', `expected 1 (the only snapshot format this engine reads), got ${describe(input.schemaVersion)}`);
    }
    validateMeta(input.meta);
    if (!isPlainObject(input.tables)) {
        fail('tables', `expected an object mapping sObject API names to arrays of rows, got ${describe(input.tables)}`);
    }
    const tables: Record<string, Row[]> = {};
    for (const [name, rows] of Object.entries(input.tables)) {
        const path = key('tables', name);
        if (!Array.isArray(rows)) {
            fail(path, `expected an array of rows, got ${describe(rows)}`);
        }
        let out: Row[] | null = null;
        for (let i = 0; i < rows.length; i++) {
            const original = rows[i] as unknown;
            const row = validateRow(original, `${path}[${i}]`);
            if (row !== original) {
                out ??= rows.slice() as Row[];
                out[i] = row;
            }
        }
        tables[name] = out ?? (rows as Row[]);
    }
    validateSettings(input.settings);
    validateDescribe(input.describe);
    validateMetadata(input.metadata);
    let subjects = input.subjects as Snapshot['subjects'];
    if (input.subjects !== undefined) {
        if (!Array.isArray(input.subjects)) {
            fail('subjects', `expected an array, got ${describe(input.subjects)}`);
        }
        subjects = input.subjects.map((s: unknown, i: number) => {
            if (!isPlainObject(s)) {
                fail(`subjects[${i}]`, `expected { userId, recordId }, got ${describe(s)}`);
            }
            for (const f of ['userId', 'recordId'] as const) {
                if (!isSalesforceId(s[f])) {
                    fail(`subjects[${i}].${f}`, `expected an 18- or 15-character Salesforce id, got ${describe(s[f])}`);
                }
            }
            return { ...(s as { userId: string; recordId: string }), userId: toId18(s.userId as string), recordId: toId18(s.recordId as string) };
        });
    }
    return { ...(input as unknown as Snapshot), tables, ...(subjects ? { subjects } : {}) };
}
