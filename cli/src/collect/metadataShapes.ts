/**
 * Metadata API answers (readMetadata records as jsforce casts them) turned into the snapshot's
 * metadata shapes, the same ones the in-org collector's AccessXRayMetadataParser writes
 * (types.ts SharingRuleDefinition, SharingSetDefinition). Pure: no I/O.
 *
 * jsforce fills members the schema knows but the answer left out (`''` for a string, `[]` for a
 * list) and keeps the XML attributes under `$`; both are dropped here, so a rule or a sharing set
 * reads as the org wrote it.
 */
import type { SharedTo, SharingRuleDefinition, SharingSetDefinition } from '../../../lwc-src/lwc/accessXrayEngine/types';

/** SharingRules members → rule kind (Metadata API Developer Guide, "SharingRules"). */
const RULE_KINDS: Readonly<Record<string, SharingRuleDefinition['kind']>> = {
    sharingCriteriaRules: 'criteria',
    sharingOwnerRules: 'owner',
    sharingGuestRules: 'guest',
    sharingTerritoryRules: 'territory'
};

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
    return !!value && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
    if (value === undefined || value === null || value === '') return [];
    return Array.isArray(value) ? value : [value];
}

/** The value without `$` attributes, null members and the empty strings jsforce puts for absent ones. */
function clean(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(clean);
    if (!isPlain(value)) return value;
    const out: Plain = {};
    for (const [k, v] of Object.entries(value)) {
        if (k === '$' || v === null || v === undefined || v === '') continue;
        out[k] = clean(v);
    }
    return out;
}

/** A sharedTo / sharedFrom element: only the members it names (jsforce gives every list member, most of them empty). */
function sharedTo(value: unknown): SharedTo {
    const out: SharedTo = {};
    if (!isPlain(value)) return out;
    for (const [k, v] of Object.entries(value)) {
        // An empty element names a group by its presence (<allCustomerPortalUsers/>): '' is kept, jsforce's [] is not.
        if (k === '$' || v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
        // One name reads as the name, as the in-org collector's parser writes it; several stay a list.
        out[k] = Array.isArray(v) && v.length === 1 ? v[0] : v;
    }
    return out;
}

/** Sharing rules of readMetadata('SharingRules', objects) records, one entry per rule. */
export function sharingRulesOf(records: readonly unknown[]): SharingRuleDefinition[] {
    const rules: SharingRuleDefinition[] = [];
    for (const record of records) {
        if (!isPlain(record) || typeof record.fullName !== 'string') continue;
        const object = record.fullName;
        for (const [member, kind] of Object.entries(RULE_KINDS)) {
            for (const raw of asList(record[member])) {
                if (!isPlain(raw)) continue;
                const rule = clean(raw) as Plain;
                const out: Plain = { ...rule, object, kind, criteriaItems: asList(rule.criteriaItems), sharedTo: sharedTo(raw.sharedTo) };
                if ('sharedFrom' in raw) out.sharedFrom = sharedTo(raw.sharedFrom);
                else delete out.sharedFrom;
                if ('includeRecordsOwnedByAll' in rule) out.includeRecordsOwnedByAll = rule.includeRecordsOwnedByAll === true || rule.includeRecordsOwnedByAll === 'true';
                rules.push(out as unknown as SharingRuleDefinition);
            }
        }
    }
    return rules;
}

/** Sharing sets of readMetadata('SharingSet', names) records. */
export function sharingSetsOf(records: readonly unknown[]): SharingSetDefinition[] {
    const sets: SharingSetDefinition[] = [];
    for (const record of records) {
        if (!isPlain(record) || typeof record.fullName !== 'string' || !record.fullName) continue;
        const set = clean(record) as Plain;
        sets.push({
            ...set,
            fullName: record.fullName,
            profiles: asList(set.profiles).filter((p): p is string => typeof p === 'string'),
            accessMappings: asList(set.accessMappings).filter(isPlain) as SharingSetDefinition['accessMappings']
        });
    }
    return sets;
}
