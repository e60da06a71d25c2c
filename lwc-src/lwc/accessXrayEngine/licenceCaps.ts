/**
 * Which objects an Experience Cloud / portal licence can have at all — seed 000's first
 * step: "Review the objects available for the user's Experience Cloud license to make sure
 * that this access is possible." When the licence cannot have the object, no permission
 * set or sharing can fix it, so the explanation says so up front.
 *
 * Sources (each cap names its own):
 * - seed 004 "High Volume Portal User Record Access": CRUD per high-volume licence —
 *   Authenticated Website: Read on Document, Price Book, Product, Account, Asset; Read and
 *   Create on Idea; full access to custom objects (default access adds Read/Update on the
 *   user's own Contact). Service Cloud Portal (High Volume Customer Portal): Read/Update
 *   Account; Create/Read/Update Asset, Contact, Case; Read Document, Price Book, Product;
 *   Create/Read Idea; full access to custom objects.
 * - Salesforce Help "Experience Cloud User Licenses": leads, opportunities, campaigns and
 *   quotes are Partner Community objects; Customer Community and Customer Community Plus
 *   licences don't include them.
 * - access-semantics.md §12 / §5: guest users get read only.
 * Objects not listed are "not known to be capped": the layer stays neutral and says the
 * licence table doesn't list the object, never a silent "allowed".
 */
import type { AccessFlags } from './types';
import type { UserClassification } from './userLicence';

export type CapVerdict = 'allowed' | 'notAvailable' | 'readOnly' | 'unknown';

export interface LicenceCap {
    verdict: CapVerdict;
    /** Plain words, naming the licence, the object and the source. */
    reason: string;
    /** What the licence allows on this object at most (all true when not capped). */
    access: AccessFlags;
    source: string;
}

const ALL: AccessFlags = { read: true, edit: true, delete: true, transfer: true, share: true };
const NONE: AccessFlags = { read: false, edit: false, delete: false, transfer: false, share: false };
const READ_ONLY: AccessFlags = { read: true, edit: false, delete: false, transfer: false, share: false };
const READ_EDIT: AccessFlags = { read: true, edit: true, delete: false, transfer: false, share: false };

const SEED_004 = 'Salesforce Help: Experience Cloud User Licenses (object permissions per licence; high-volume portal user record access)';
const HELP_LICENCES = 'Salesforce Help "Experience Cloud User Licenses"';

/** Partner-only CRM objects (Help "Experience Cloud User Licenses"). */
const PARTNER_ONLY = new Set(['Lead', 'Opportunity', 'Campaign', 'Quote']);

/** Standard CRM objects: used to say "not available" for licences that list their objects exhaustively. */
const CRM_OBJECTS = new Set(['Account', 'Contact', 'Case', 'Lead', 'Opportunity', 'Campaign', 'Quote', 'Contract', 'Order', 'Asset']);

/** Seed 004 CRUD, per high-volume licence: the most each licence allows. */
const AUTHENTICATED_WEBSITE: Record<string, AccessFlags> = {
    Document: READ_ONLY,
    Pricebook2: READ_ONLY,
    Product2: READ_ONLY,
    Account: READ_ONLY,
    Asset: READ_ONLY,
    Idea: READ_ONLY,
    // Default record access: "Read and Update on Contact related to the portal user".
    Contact: READ_EDIT
};

const SERVICE_CLOUD_PORTAL: Record<string, AccessFlags> = {
    Account: READ_EDIT,
    Asset: READ_EDIT,
    Contact: READ_EDIT,
    Case: READ_EDIT,
    Document: READ_ONLY,
    Pricebook2: READ_ONLY,
    Product2: READ_ONLY,
    Idea: READ_ONLY
};

function isCustomObject(objectApiName: string): boolean {
    return /__c$/i.test(objectApiName);
}

function allowed(reason: string, source: string, access: AccessFlags = ALL): LicenceCap {
    return { verdict: 'allowed', reason, access: { ...access }, source };
}

function fromTable(
    table: Record<string, AccessFlags>,
    licence: string,
    objectApiName: string,
    label: string
): LicenceCap {
    if (isCustomObject(objectApiName)) {
        return allowed(`the ${licence} licence allows full access to custom objects`, SEED_004);
    }
    const caps = table[objectApiName];
    if (caps) {
        const limited = !caps.delete;
        return {
            verdict: limited ? 'readOnly' : 'allowed',
            reason: `the ${licence} licence allows at most ${describeFlags(caps)} on ${objectApiName}`,
            access: { ...caps },
            source: SEED_004
        };
    }
    if (CRM_OBJECTS.has(objectApiName)) {
        return {
            verdict: 'notAvailable',
            reason: `${label} can't have ${objectApiName} at all: the ${licence} licence doesn't include it; no permission set or sharing can grant it — a different licence is needed`,
            access: { ...NONE },
            source: SEED_004
        };
    }
    return {
        verdict: 'unknown',
        reason: `the ${licence} licence's object list doesn't mention ${objectApiName}; check the licence in Setup > Company Information`,
        access: { ...ALL },
        source: SEED_004
    };
}

export function describeFlags(flags: AccessFlags): string {
    const ops = (['read', 'edit', 'delete', 'transfer', 'share'] as const).filter((op) => flags[op]);
    return ops.length ? ops.join('/') : 'no access';
}

/**
 * The licence cap for one user kind and object. `label` names the user in the reason
 * (e.g. "Pat Partner").
 */
export function licenceCap(c: UserClassification, objectApiName: string, label = 'This user'): LicenceCap {
    const licence = c.licenceName ?? c.label;
    const lower = (c.licenceName ?? '').toLowerCase();
    switch (c.kind) {
        case 'partnerCommunity':
            return allowed(`the Partner Community licence includes ${objectApiName} (${HELP_LICENCES})`, HELP_LICENCES);
        case 'customerCommunity':
        case 'customerCommunityPlus':
            if (PARTNER_ONLY.has(objectApiName)) {
                return {
                    verdict: 'notAvailable',
                    reason: `${label} can't have ${objectApiName} at all: ${objectApiName} is a Partner Community object and the ${licence} licence doesn't include it; no permission set or sharing can grant it — a Partner Community licence is needed`,
                    access: { ...NONE },
                    source: HELP_LICENCES
                };
            }
            return allowed(`the ${licence} licence doesn't exclude ${objectApiName} (${HELP_LICENCES})`, HELP_LICENCES);
        case 'highVolume':
            if (lower.includes('authenticated website') || lower.includes('platform portal')) {
                return fromTable(AUTHENTICATED_WEBSITE, licence, objectApiName, label);
            }
            if (lower.includes('high volume customer portal') || lower.includes('service cloud portal')) {
                return fromTable(SERVICE_CLOUD_PORTAL, licence, objectApiName, label);
            }
            if (PARTNER_ONLY.has(objectApiName)) {
                return {
                    verdict: 'notAvailable',
                    reason: `${label} can't have ${objectApiName} at all: high-volume licences don't include Partner Community objects`,
                    access: { ...NONE },
                    source: HELP_LICENCES
                };
            }
            return {
                verdict: 'unknown',
                reason: `the ${licence} licence is a high-volume licence whose object list isn't in the licence table; check it in Setup > Company Information`,
                access: { ...ALL },
                source: SEED_004
            };
        case 'guest':
            return {
                verdict: 'readOnly',
                reason: `guest users get read access only, through guest user sharing rules`,
                access: { ...READ_ONLY },
                source: 'Salesforce Help: Guest User Sharing Rules (read only)'
            };
        case 'chatterExternal':
        case 'chatterFree':
            if (CRM_OBJECTS.has(objectApiName)) {
                return {
                    verdict: 'notAvailable',
                    reason: `${label} can't have ${objectApiName} at all: ${c.label} licences have no access to CRM records`,
                    access: { ...NONE },
                    source: 'Salesforce Help "Chatter Free and Chatter External licenses"'
                };
            }
            return {
                verdict: 'unknown',
                reason: `${c.label}: object access for ${objectApiName} isn't in the licence table`,
                access: { ...ALL },
                source: 'Salesforce Help "Chatter Free and Chatter External licenses"'
            };
        default:
            return allowed('internal licence: no Experience Cloud cap', 'n/a');
    }
}

