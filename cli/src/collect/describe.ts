/**
 * sObject describe as the REST API returns it (the part the collector uses), the fields read
 * from records, and the subset the snapshot keeps (`describe` section, types.ts ObjectDescribe).
 */
import type { Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';

export interface DescribeField {
    name: string;
    type: string;
    referenceTo?: string[];
    relationshipName?: string | null;
    cascadeDelete?: boolean;
    nillable?: boolean;
    relationshipOrder?: number | null;
    permissionable?: boolean;
    calculated?: boolean;
    label?: string;
    /** Master-detail: true when Read on the master is enough to edit the detail ("Read Only" sharing setting). */
    writeRequiresMasterRead?: boolean | null;
}

export interface DescribeResult {
    name: string;
    label?: string;
    keyPrefix?: string | null;
    custom?: boolean;
    fields: DescribeField[];
    childRelationships?: { childSObject: string; field: string; cascadeDelete?: boolean; relationshipName?: string | null }[];
    recordTypeInfos?: {
        recordTypeId: string;
        name: string;
        developerName?: string;
        available?: boolean;
        master?: boolean;
    }[];
}

export interface GlobalDescribeEntry {
    name: string;
    keyPrefix?: string | null;
    queryable?: boolean;
}

/** Fields to read from a record: every scalar field (criteria and restriction rules filter on any of them). */
export function recordFields(describe: DescribeResult): string[] {
    const skip = new Set(['base64', 'address', 'location', 'complexvalue', 'anyType']);
    const fields = describe.fields
        .filter((f) => !skip.has(f.type) && !(f.type === 'textarea' && f.name !== 'Description'))
        .map((f) => f.name);
    if (!fields.includes('Id')) fields.unshift('Id');
    return fields;
}

/** Split a field list into groups whose SELECT stays well under the URL length limit; `Id` leads every group. */
export function fieldGroups(fields: string[], maxChars = 6000): string[][] {
    const groups: string[][] = [];
    let current: string[] = ['Id'];
    let length = 2;
    for (const f of fields) {
        if (f === 'Id') continue;
        if (length + f.length + 2 > maxChars && current.length > 1) {
            groups.push(current);
            current = ['Id'];
            length = 2;
        }
        current.push(f);
        length += f.length + 2;
    }
    groups.push(current);
    return groups;
}

/** Master-detail: a reference that cascades deletes and can't be empty (the engine's test, layersBase.ts). */
export function isMasterDetail(f: DescribeField): boolean {
    return f.type === 'reference' && f.cascadeDelete === true && f.nillable === false;
}

export function describeToSnapshot(d: DescribeResult): NonNullable<Snapshot['describe']>[string] {
    return {
        name: d.name,
        ...(d.label ? { label: d.label } : {}),
        ...(d.keyPrefix ? { keyPrefix: d.keyPrefix } : {}),
        ...(d.custom !== undefined ? { custom: d.custom } : {}),
        fields: d.fields.map((f) => ({
            name: f.name,
            type: f.type,
            ...(f.label ? { label: f.label } : {}),
            ...(f.referenceTo?.length ? { referenceTo: f.referenceTo } : {}),
            ...(f.relationshipName ? { relationshipName: f.relationshipName } : {}),
            ...(f.cascadeDelete !== undefined ? { cascadeDelete: f.cascadeDelete } : {}),
            ...(typeof f.relationshipOrder === 'number' ? { relationshipOrder: f.relationshipOrder } : {}),
            ...(f.nillable !== undefined ? { nillable: f.nillable } : {}),
            ...(f.permissionable !== undefined ? { permissionable: f.permissionable } : {}),
            ...(f.calculated !== undefined ? { calculated: f.calculated } : {}),
            ...(typeof f.writeRequiresMasterRead === 'boolean' ? { writeRequiresMasterRead: f.writeRequiresMasterRead } : {})
        })),
        ...(d.recordTypeInfos?.length ? { recordTypeInfos: d.recordTypeInfos } : {})
    };
}
