/**
 * Which objects restriction rules are documented for.
 *
 * Source: Restriction Rules Developer Guide, "Restriction Rules" and "Considerations" >
 * Available Objects (https://developer.salesforce.com/docs/atlas.en-us.restriction_rules.meta/restriction_rules/restriction_rules_considerations.htm):
 * "Restriction rules are available for custom objects, external objects, contracts, events,
 * tasks, time sheets, and time sheet entries." Salesforce Help "Restriction Rules" gives the
 * same list. Older releases (e.g. API 236.0) said external objects were not available; they
 * were added later. For external objects the guide adds: rules "don't include
 * organization-wide defaults or sharing mechanisms", and only the Salesforce Connect OData
 * 2.0, OData 4.0 and Cross-Org adapters support them (not the custom adapter).
 *
 * Scoping rules (EnforcementType `Scoping`) have their own list; this module is about
 * restriction rules (`Restrict`) only.
 *
 * Pure: an API name in, an answer out. Object API names are case-insensitive in Salesforce,
 * so the comparison is too.
 */
import { own } from './ownKey';

export const RESTRICTION_RULE_OBJECTS_SOURCE =
    'Restriction Rules Developer Guide, "Considerations" > Available Objects: "Restriction rules are available for custom objects, external objects, contracts, events, tasks, time sheets, and time sheet entries"';

/** The standard objects the guide names, by API name. */
export const RESTRICTION_RULE_STANDARD_OBJECTS: readonly string[] = ['Contract', 'Event', 'Task', 'TimeSheet', 'TimeSheetEntry'];

export type RestrictionRuleObjectKind = 'custom' | 'external' | 'standard';

export type RestrictionRuleObjectSupport =
    | { supported: true; kind: RestrictionRuleObjectKind; objectApiName: string }
    | { supported: false; objectApiName: string; note?: string };

/**
 * One name segment of an API name: starts with a letter, letters/digits/single underscores,
 * no trailing underscore (the rule for custom object names and namespace prefixes).
 */
const SEGMENT = '[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*';
/** `Name__c` or `ns__Name__c`; anything else ending differently (`__mdt`, `__e`, `__b`, `__kav`, `__Share`, `__History`, `__Feed`, …) is not a custom object. */
const CUSTOM_OBJECT = new RegExp(`^(?:${SEGMENT}__)?${SEGMENT}__c$`, 'i');
/** `Name__x` or `ns__Name__x`. */
const EXTERNAL_OBJECT = new RegExp(`^(?:${SEGMENT}__)?${SEGMENT}__x$`, 'i');

const STANDARD = new Map(RESTRICTION_RULE_STANDARD_OBJECTS.map((name) => [name.toLowerCase(), name]));

/**
 * Objects where another Salesforce page says something different from the Considerations
 * list: named in the reason so the admin knows why Access X-Ray is unsure.
 */
const NOTES: Record<string, string> = {
    quote: 'the overview of the newer Restriction Rules guide (developer.salesforce.com/docs/platform/restriction-rules) mentions quotes, but its "Considerations" > Available Objects list does not'
};

/** Whether restriction rules (EnforcementType `Restrict`) are documented for this object. */
export function restrictionRuleSupport(objectApiName: string): RestrictionRuleObjectSupport {
    const name = objectApiName.trim();
    const standard = STANDARD.get(name.toLowerCase());
    if (standard) {
        return { supported: true, kind: 'standard', objectApiName: standard };
    }
    if (CUSTOM_OBJECT.test(name)) {
        return { supported: true, kind: 'custom', objectApiName: name };
    }
    if (EXTERNAL_OBJECT.test(name)) {
        return { supported: true, kind: 'external', objectApiName: name };
    }
    const note = own(NOTES, name.toLowerCase());
    return note ? { supported: false, objectApiName: name, note } : { supported: false, objectApiName: name };
}

/** Shorthand: true when the guide lists the object for restriction rules. */
export function supportsRestrictionRules(objectApiName: string): boolean {
    return restrictionRuleSupport(objectApiName).supported;
}
