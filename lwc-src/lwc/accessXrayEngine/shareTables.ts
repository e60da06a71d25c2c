/**
 * The ONE mapping from an object to its share table and columns. Nothing else in the engine
 * names `ParentId`, `AccessLevel` or `<Object>AccessLevel`.
 * Sources: Object Reference AccountShare, CaseShare, ContactShare, OpportunityShare, LeadShare,
 * UserShare, CampaignShare, "StandardObjectNameShare" and "CustomObject__Share"
 * (custom and other standard share objects use ParentId + AccessLevel) — api-vocabulary.md §6.
 */

export interface ShareTableInfo {
    /** Share table API name, e.g. `AccountShare`, `Invoice__Share`. */
    table: string;
    /** Object whose records it shares. */
    object: string;
    /** Column holding the shared record id. */
    parentField: string;
    /** Column holding the access level for the record itself. */
    accessField: string;
    /** AccountShare only: access the row gives to the account's child records, by child object. */
    childAccessFields?: Record<string, string>;
}

/** Standard objects whose share tables use `<Object>Id` and `<Object>AccessLevel`. */
const OBJECT_SPECIFIC = new Set(['Account', 'Case', 'Contact', 'Opportunity', 'Lead', 'User', 'Campaign']);

const ACCOUNT_CHILD_FIELDS: Record<string, string> = {
    Contact: 'ContactAccessLevel',
    Opportunity: 'OpportunityAccessLevel',
    Case: 'CaseAccessLevel'
};

/** Share-table description for an object (`Invoice__c` → `Invoice__Share`, `Account` → `AccountShare`). */
export function shareTableFor(object: string): ShareTableInfo {
    if (object.endsWith('__c')) {
        return { table: `${object.slice(0, -3)}__Share`, object, parentField: 'ParentId', accessField: 'AccessLevel' };
    }
    if (OBJECT_SPECIFIC.has(object)) {
        const info: ShareTableInfo = {
            table: `${object}Share`,
            object,
            parentField: `${object}Id`,
            accessField: `${object}AccessLevel`
        };
        if (object === 'Account') {
            info.childAccessFields = ACCOUNT_CHILD_FIELDS;
        }
        return info;
    }
    return { table: `${object}Share`, object, parentField: 'ParentId', accessField: 'AccessLevel' };
}

/** The description of a table when it is a share table, else null. */
export function shareTableInfo(table: string): ShareTableInfo | null {
    if (table.endsWith('__Share')) {
        return shareTableFor(`${table.slice(0, -'__Share'.length)}__c`);
    }
    if (table.endsWith('Share') && table.length > 'Share'.length && !table.includes('__')) {
        return shareTableFor(table.slice(0, -'Share'.length));
    }
    return null;
}
