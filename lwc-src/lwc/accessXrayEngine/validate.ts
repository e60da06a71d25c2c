/**
 * Snapshot validation: every problem is reported as `<json path>: <problem>` through
 * `SnapshotError`, before any layer runs. Id-valued columns are normalised to 18 characters
 * (rows are copied, the caller's snapshot is never mutated).
 *
 * What a real org can't produce is rejected here, so no layer ever reasons on it: a record or
 * user listed twice (two rows with one Id), a role or territory that is its own ancestor,
 * an object or table named `__proto__` / `constructor` / `prototype` (the sections are copied
 * into prototype-free objects, so a key can never reach `Object.prototype`).
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

const BOOLEAN_FIELDS = /^(Permissions\w+|Is[A-Z]\w*|Has[A-Z]\w*|DoesIncludeBosses|__redacted)$/;
/** Keys that would reach Object.prototype if used on a plain object. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** An sObject API name as `attributes.type` carries it. */
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** The all-zero id SOQL returns for rows that have no id of their own (UserRecordAccess, EntityDefinition). */
const NO_ID = /^0{15}/;
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
    const attributes = row.attributes;
    if (attributes !== undefined && attributes !== null) {
        if (!isPlainObject(attributes)) {
            fail(`${path}.attributes`, `expected the REST attributes object, got ${describe(attributes)}`);
        }
        const type = attributes.type;
        if (type !== undefined && (typeof type !== 'string' || !API_NAME.test(type) || RESERVED_KEYS.has(type))) {
            fail(`${path}.attributes.type`, `expected an sObject API name such as "Account", got ${describe(type)}`);
        }
    }
    for (const field of Object.keys(row)) {
        const value = row[field];
        if (value === null || value === undefined || field === 'attributes') {
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
            if (item.recordId !== undefined && !isSalesforceId(item.recordId)) {
                fail(`meta.${listName}[${i}].recordId`, `expected an 18- or 15-character Salesforce id, got ${describe(item.recordId)}`);
            }
        });
    }
    validateScope(meta.scope);
}

/** Fails on a key that would reach Object.prototype (`__proto__`, `constructor`, `prototype`). */
function checkKey(section: string, name: string, what: string): void {
    if (RESERVED_KEYS.has(name) || name === '') {
        fail(key(section, name), `"${name}" is not a valid ${what} name`);
    }
}

/** A prototype-free copy of a validated section: lookups by any key stay inside it. */
function bare<T>(entries: Iterable<[string, T]>): Record<string, T> {
    const out = Object.create(null) as Record<string, T>;
    for (const [k, v] of entries) {
        out[k] = v;
    }
    return out;
}

function validateSettings(settings: unknown): void {
    if (settings === undefined) {
        return;
    }
    if (!isPlainObject(settings)) {
        fail('settings', `expected an object of settings, got ${describe(settings)}`);
    }
    for (const [name, setting] of Object.entries(settings)) {
        checkKey('settings', name, 'setting');
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
        checkKey('describe', name, 'object');
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
                for (const flag of ['cascadeDelete', 'nillable', 'permissionable', 'calculated', 'writeRequiresMasterRead']) {
                    if (field[flag] !== undefined && field[flag] !== null && typeof field[flag] !== 'boolean') {
                        fail(`${path}.fields[${i}].${flag}`, `expected true or false, got ${describe(field[flag])}`);
                    }
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
        checkKey('metadata', name, 'metadata type');
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

/**
 * Two rows with one Id. The same record read twice (every field both rows have is equal — a
 * collector that queried it with two field lists) is merged into one row; two rows that say
 * different things about one record are rejected, naming both. The all-zero id SOQL returns for
 * rows without an id of their own (UserRecordAccess, EntityDefinition) is not a record id.
 */
function mergeDuplicateIds(tables: Record<string, Row[]>): void {
    const seen = new Map<string, { table: string; index: number }>();
    for (const [name, rows] of Object.entries(tables)) {
        let out: Row[] | null = null;
        const drop = new Set<number>();
        for (let i = 0; i < rows.length; i++) {
            const row = rows[i] as Row;
            const id = row.Id;
            if (typeof id !== 'string' || NO_ID.test(id)) {
                continue;
            }
            const first = seen.get(id);
            if (!first) {
                seen.set(id, { table: name, index: i });
                continue;
            }
            const firstPath = `${key('tables', first.table)}[${first.index}]`;
            const target = (first.table === name ? (out ?? rows) : (tables[first.table] as Row[]))[first.index] as Row;
            const conflict = first.table !== name ? 'table' : Object.keys(row).find((f) => f !== 'attributes' && f in target && JSON.stringify(target[f]) !== JSON.stringify(row[f]));
            if (conflict) {
                fail(
                    `${key('tables', name)}[${i}].${conflict === 'table' ? 'Id' : conflict}`,
                    `duplicate id ${id}: ${firstPath} has the same id ${conflict === 'table' ? `in table ${first.table}` : `with a different ${conflict}`}; a snapshot lists each record once (re-collect it)`
                );
            }
            out ??= rows.slice();
            out[first.index] = { ...row, ...target };
            drop.add(i);
        }
        if (out) {
            tables[name] = out.filter((_, i) => !drop.has(i));
        }
    }
}

/**
 * A role (or territory) that is its own ancestor can't exist in an org: the hierarchy would
 * be cut at an arbitrary point, so the snapshot is rejected, naming the loop.
 */
function checkHierarchy(tables: Record<string, Row[]>, table: string, parentField: string, what: string): void {
    const rows = tables[table];
    if (!rows) {
        return;
    }
    const parentOf = new Map<string, string | null>();
    const index = new Map<string, number>();
    rows.forEach((row, i) => {
        if (typeof row.Id === 'string') {
            parentOf.set(row.Id, typeof row[parentField] === 'string' ? (row[parentField] as string) : null);
            index.set(row.Id, i);
        }
    });
    const acyclic = new Set<string>();
    const nameOf = (id: string): string => {
        const row = rows[index.get(id) ?? -1];
        const label = row && (typeof row.Name === 'string' ? row.Name : typeof row.DeveloperName === 'string' ? row.DeveloperName : '');
        return label || id;
    };
    for (const start of parentOf.keys()) {
        const trail: string[] = [];
        const onTrail = new Set<string>();
        let current: string | null | undefined = start;
        while (current && parentOf.has(current) && !acyclic.has(current)) {
            if (onTrail.has(current)) {
                const loop = [...trail.slice(trail.indexOf(current)), current];
                fail(`${key('tables', table)}[${index.get(current) ?? 0}].${parentField}`, `the ${what} hierarchy loops (${loop.map(nameOf).join(' → ')}): a ${what} can't be its own ancestor; re-collect ${table}`);
            }
            onTrail.add(current);
            trail.push(current);
            current = parentOf.get(current);
        }
        trail.forEach((id) => acyclic.add(id));
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
    const tables = Object.create(null) as Record<string, Row[]>;
    for (const [name, rows] of Object.entries(input.tables)) {
        checkKey('tables', name, 'table');
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
    mergeDuplicateIds(tables);
    checkHierarchy(tables, 'UserRole', 'ParentRoleId', 'role');
    checkHierarchy(tables, 'Territory2', 'ParentTerritory2Id', 'territory');
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
    const sections: Partial<Snapshot> = {};
    if (isPlainObject(input.settings)) {
        sections.settings = bare(Object.entries(input.settings)) as Snapshot['settings'];
    }
    if (isPlainObject(input.describe)) {
        sections.describe = bare(Object.entries(input.describe)) as Snapshot['describe'];
    }
    if (isPlainObject(input.metadata)) {
        sections.metadata = bare(Object.entries(input.metadata)) as Snapshot['metadata'];
    }
    return { ...(input as unknown as Snapshot), tables, ...sections, ...(subjects ? { subjects } : {}) };
}
