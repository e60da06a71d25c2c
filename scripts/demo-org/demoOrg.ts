/**
 * The bundled demo org: "Kestrel Instruments", a maker of laboratory spectrometers, written as
 * readable TypeScript and turned into `data/demo-org.snapshot.json` by `generate.mjs`.
 *
 * Everything here is evidence the way a collector would have read it from a real org:
 * SOQL rows with Salesforce API field names, 18-character ids with the object's key prefix,
 * the share rows the platform would have written (Owner, Rule, Team, Territory, Manual, Apex
 * reasons, implicit causes), `UserRecordAccess` rows holding the platform's own verdict for
 * every scenario, Metadata API sharing rules / sharing set / restriction rule, and settings
 * with their provenance. The scenarios (`DEMO_SCENARIOS`) carry the verdict we expect from
 * the engine and the public documentation of the rule behind it; docs/demo-org.md
 * tells the same story in prose.
 *
 * Pure module: no Node APIs, only type imports, so Jest and Node (type stripping) can both
 * load it. Deterministic: the same input always gives byte-identical JSON.
 */
import type {
    AccessLevel,
    LayerId,
    LayerStatus,
    ObjectDescribe,
    Row,
    Setting,
    SharingRuleDefinition,
    SharingSetDefinition,
    Snapshot
} from '../../lwc-src/lwc/accessXrayEngine/types';

// ---------------------------------------------------------------------------
// Ids: 15 characters (3-character key prefix, pod "Kx", reserved "0", 9-digit serial)
// plus the 3-character case-safe checksum Salesforce appends to make 18.
// ---------------------------------------------------------------------------

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The documented 15 → 18 character conversion: one suffix letter per 5-character chunk. */
export function to18(id15: string): string {
    if (id15.length !== 15) {
        throw new Error(`to18 needs a 15-character id, got "${id15}"`);
    }
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const ch = id15.charAt(chunk * 5 + i);
            if (ch >= 'A' && ch <= 'Z') {
                bits |= 1 << i;
            }
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return id15 + suffix;
}

/** Key prefixes used by the demo org (Object Reference / well-known key prefixes). */
export const KEY_PREFIX = {
    Organization: '00D',
    User: '005',
    UserRole: '00E',
    Group: '00G',
    GroupMember: '011',
    QueueSobject: '03g',
    Profile: '00e',
    UserLicense: '100',
    PermissionSet: '0PS',
    PermissionSetAssignment: '0Pa',
    ObjectPermissions: '110',
    FieldPermissions: '01k',
    Account: '001',
    Contact: '003',
    Case: '500',
    Opportunity: '006',
    AccountShare: '00r',
    CaseShare: '01n',
    OpportunityShare: '00t',
    CustomShare: '02c',
    AccountTeamMember: '01M',
    OpportunityTeamMember: '00q',
    CaseTeamMember: '0B6',
    CaseTeamRole: '0B7',
    Territory2Model: '0M4',
    Territory2Type: '0M5',
    Territory2: '0MI',
    UserTerritory2Association: '0R0',
    ObjectTerritory2Association: '0R5',
    Network: '0DB',
    RestrictionRule: '0Ri',
    /** Placeholder: the Object Reference doesn't give ExternalAccountHierarchy's key prefix. */
    ExternalAccountHierarchy: '0Xh',
    Compensation_Plan__c: 'a01',
    Invoice__c: 'a02',
    Product_Line__c: 'a03'
} as const;

type PrefixName = keyof typeof KEY_PREFIX;

// ---------------------------------------------------------------------------
// A tiny builder: tables of rows plus id allocation.
// ---------------------------------------------------------------------------

const ACCESS_ORDER: AccessLevel[] = ['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'];

class Org {
    readonly tables: Record<string, Row[]> = {};
    private readonly serials = new Map<string, number>();

    id(prefixName: PrefixName): string {
        const prefix = KEY_PREFIX[prefixName];
        const next = (this.serials.get(prefix) ?? 0) + 1;
        this.serials.set(prefix, next);
        return to18(`${prefix}Kx0${String(next).padStart(9, '0')}`);
    }

    add(table: string, row: Row): string {
        const rows = this.tables[table] ?? [];
        this.tables[table] = rows;
        rows.push({ attributes: { type: table }, ...row });
        return row.Id ?? '';
    }
}

const org = (): Org => new Org();

// ---------------------------------------------------------------------------
// Scenario description (shared by the snapshot, the tests, the demo and the docs)
// ---------------------------------------------------------------------------

export interface DemoScenario {
    /** 1-based number, stable: `npm run demo -- --scenario 3`. */
    n: number;
    /** Short key used in docs and tests. */
    key: string;
    title: string;
    userId: string;
    recordId: string;
    /** What the engine must answer. */
    expected: {
        maxAccessLevel: AccessLevel;
        /** The layer that decides the verdict (grants the max level, or explains the denial). */
        decidingLayer: LayerId;
        decidingStatus: LayerStatus;
        /** Fields the FLS gate must hide (readable: false). */
        hiddenFields?: string[];
        /** UserRecordAccess disagrees with the computed verdict (restriction rules). */
        reconciliation: 'agrees' | 'disagrees';
    };
    /** The platform's verdict stored as the UserRecordAccess row. */
    platformMaxAccessLevel: AccessLevel;
    /**
     * UserRecordAccess.HasDeleteAccess when it doesn't follow from the level: MaxAccessLevel
     * Transfer with no Delete (a user above the owner whose profile has no object Delete).
     */
    platformHasDeleteAccess?: boolean;
    /**
     * UserRecordAccess.HasAllAccess ("whether a user can share the record") when it doesn't follow
     * from the level: owner-level access without object Delete can still share (maximum Transfer).
     */
    platformHasAllAccess?: boolean;
    /** Why, in one or two sentences of plain language (shown to people: no ids, no internal references). */
    why: string;
    /** Where the rule is documented: public titles only (Salesforce Help, Object Reference, release notes, developer guides). */
    source: string;
    /** Shown by `npm run demo` without `--all`. */
    headline?: boolean;
}

// ---------------------------------------------------------------------------
// The company
// ---------------------------------------------------------------------------

export const COLLECTED_AT = '2026-11-20T09:00:00.000Z';

interface Built {
    snapshot: Snapshot;
    scenarios: DemoScenario[];
}

function build(): Built {
    const o = org();

    // -- Organization and org-wide defaults -------------------------------------------------
    const orgId = o.id('Organization');
    o.add('Organization', {
        Id: orgId,
        Name: 'Kestrel Instruments',
        OrganizationType: 'Enterprise Edition',
        IsSandbox: false,
        DefaultAccountAccess: 'None',
        DefaultContactAccess: 'ControlledByParent',
        DefaultOpportunityAccess: 'None',
        DefaultCaseAccess: 'None',
        DefaultLeadAccess: 'None',
        DefaultCalendarAccess: 'HideDetailsInsert',
        DefaultPricebookAccess: 'ReadSelect',
        DefaultCampaignAccess: 'All'
    });
    // EntityDefinition sharing models, Metadata-style vocabulary (api-vocabulary.md §1).
    const owd: [string, string, string][] = [
        ['Account', 'Private', 'Private'],
        ['Contact', 'ControlledByParent', 'ControlledByParent'],
        ['Opportunity', 'Private', 'Private'],
        ['Case', 'Private', 'Private'],
        ['Lead', 'Private', 'Private'],
        ['Compensation_Plan__c', 'Private', 'Private'],
        ['Invoice__c', 'Private', 'Private'],
        ['Product_Line__c', 'Read', 'Private']
    ];
    for (const [name, internal, external] of owd) {
        o.add('EntityDefinition', {
            QualifiedApiName: name,
            DeveloperName: name.replace(/__c$/, ''),
            InternalSharingModel: internal,
            ExternalSharingModel: external
        });
    }

    // -- Licences and profiles -------------------------------------------------------------
    const licence = (name: string, key: string): string => {
        const id = o.id('UserLicense');
        o.add('UserLicense', { Id: id, Name: name, LicenseDefinitionKey: key, Status: 'Active' });
        return id;
    };
    const licSalesforce = licence('Salesforce', 'SFDC');
    const licPartner = licence('Partner Community', 'PID_Partner_Community');
    const licCcPlus = licence('Customer Community Plus', 'PID_Customer_Community_Plus');
    const licCc = licence('Customer Community', 'PID_Customer_Community');
    const licGuest = licence('Guest User License', 'PID_Guest_User');

    const licenceNames: Record<string, string> = {
        [licSalesforce]: 'Salesforce',
        [licPartner]: 'Partner Community',
        [licCcPlus]: 'Customer Community Plus',
        [licCc]: 'Customer Community',
        [licGuest]: 'Guest User License'
    };

    interface ProfileInfo {
        id: string;
        name: string;
        licenceId: string;
        userType: string;
        permissionSetId: string;
    }
    const profiles: Record<string, ProfileInfo> = {};
    type Crud = 'R' | 'CR' | 'CRE' | 'CRED' | 'VA' | 'MA';
    const crudFlags = (crud: Crud): Row => ({
        PermissionsRead: true,
        PermissionsCreate: crud !== 'R' && crud !== 'VA',
        PermissionsEdit: crud === 'CRE' || crud === 'CRED' || crud === 'MA',
        PermissionsDelete: crud === 'CRED' || crud === 'MA',
        PermissionsViewAllRecords: crud === 'VA' || crud === 'MA',
        PermissionsModifyAllRecords: crud === 'MA'
    });
    const objectPerms = (parentId: string, perms: Record<string, Crud>): void => {
        for (const [sobject, crud] of Object.entries(perms)) {
            o.add('ObjectPermissions', {
                Id: o.id('ObjectPermissions'),
                ParentId: parentId,
                SobjectType: sobject,
                ...crudFlags(crud)
            });
        }
    };
    const fieldPerms = (parentId: string, sobject: string, fields: Record<string, 'R' | 'RE'>): void => {
        for (const [field, level] of Object.entries(fields)) {
            o.add('FieldPermissions', {
                Id: o.id('FieldPermissions'),
                ParentId: parentId,
                SobjectType: sobject,
                Field: `${sobject}.${field}`,
                PermissionsRead: true,
                PermissionsEdit: level === 'RE'
            });
        }
    };
    const profile = (
        key: string,
        name: string,
        licenceId: string,
        userType: string,
        system: { viewAllData?: boolean; modifyAllData?: boolean; viewAllUsers?: boolean } = {}
    ): ProfileInfo => {
        const id = o.id('Profile');
        const permissionSetId = o.id('PermissionSet');
        o.add('Profile', {
            Id: id,
            Name: name,
            UserType: userType,
            UserLicenseId: licenceId,
            UserLicense: { Name: licenceNames[licenceId] }
        });
        o.add('PermissionSet', {
            Id: permissionSetId,
            Name: `X${id.slice(0, 15)}`,
            Label: name,
            IsOwnedByProfile: true,
            ProfileId: id,
            Profile: { Name: name },
            PermissionSetGroupId: null,
            PermissionsViewAllData: system.viewAllData ?? false,
            PermissionsModifyAllData: system.modifyAllData ?? false,
            PermissionsViewAllUsers: system.viewAllUsers ?? false,
            PermissionsManageUsers: system.modifyAllData ?? false
        });
        const info = { id, name, licenceId, userType, permissionSetId };
        profiles[key] = info;
        return info;
    };

    const pAdmin = profile('admin', 'System Administrator', licSalesforce, 'Standard', {
        viewAllData: true,
        modifyAllData: true,
        viewAllUsers: true
    });
    const pSales = profile('sales', 'Kestrel Sales User', licSalesforce, 'Standard');
    const pSupport = profile('support', 'Kestrel Support User', licSalesforce, 'Standard');
    const pFinance = profile('finance', 'Kestrel Finance User', licSalesforce, 'Standard');
    const pAuditor = profile('auditor', 'Kestrel Auditor', licSalesforce, 'Standard');
    const pIntegration = profile('integration', 'Kestrel Integration', licSalesforce, 'Standard');
    const pPartner = profile('partner', 'Partner Community User', licPartner, 'PowerPartner');
    const pCcPlus = profile('ccplus', 'Customer Community Plus User', licCcPlus, 'PowerCustomerSuccess');
    const pCc = profile('cc', 'Customer Community User', licCc, 'CspLitePortal');
    const pGuest = profile('guest', 'Kestrel Support Profile', licGuest, 'Guest');

    const allStandard: Record<string, Crud> = {
        Account: 'MA',
        Contact: 'MA',
        Opportunity: 'MA',
        Case: 'MA',
        Lead: 'MA'
    };
    objectPerms(pAdmin.permissionSetId, {
        ...allStandard,
        Compensation_Plan__c: 'MA',
        Invoice__c: 'MA',
        Product_Line__c: 'MA'
    });
    objectPerms(pSales.permissionSetId, {
        Account: 'CRED',
        Contact: 'CRED',
        Opportunity: 'CRED',
        Case: 'R',
        Lead: 'CRED',
        Compensation_Plan__c: 'R',
        Product_Line__c: 'R'
    });
    objectPerms(pSupport.permissionSetId, {
        Account: 'R',
        Contact: 'CRE',
        Opportunity: 'R',
        Case: 'CRED',
        Product_Line__c: 'R'
    });
    objectPerms(pFinance.permissionSetId, {
        Account: 'R',
        Contact: 'R',
        Opportunity: 'R',
        Case: 'R',
        Invoice__c: 'CRED',
        Compensation_Plan__c: 'CRED',
        Product_Line__c: 'R'
    });
    objectPerms(pAuditor.permissionSetId, {
        Account: 'R',
        Contact: 'R',
        Opportunity: 'R',
        Case: 'R',
        Invoice__c: 'R',
        Compensation_Plan__c: 'R',
        Product_Line__c: 'R'
    });
    objectPerms(pIntegration.permissionSetId, { Account: 'R', Invoice__c: 'CRED' });
    objectPerms(pPartner.permissionSetId, {
        Account: 'R',
        Contact: 'CRE',
        Opportunity: 'CRED',
        Case: 'CRE',
        Product_Line__c: 'R'
    });
    objectPerms(pCcPlus.permissionSetId, { Account: 'R', Contact: 'R', Case: 'CRE', Product_Line__c: 'R' });
    objectPerms(pCc.permissionSetId, { Account: 'R', Contact: 'CRE', Case: 'CRE', Product_Line__c: 'R' });
    objectPerms(pGuest.permissionSetId, { Product_Line__c: 'R', Case: 'CR' });

    const invoiceFields = ['Amount__c', 'Margin__c', 'Region__c', 'Status__c', 'Account__c'];
    fieldPerms(
        pFinance.permissionSetId,
        'Invoice__c',
        Object.fromEntries(invoiceFields.map((field) => [field, 'RE' as const]))
    );
    fieldPerms(
        pAuditor.permissionSetId,
        'Invoice__c',
        Object.fromEntries(invoiceFields.map((field) => [field, 'R' as const]))
    );
    fieldPerms(
        pIntegration.permissionSetId,
        'Invoice__c',
        Object.fromEntries(invoiceFields.map((field) => [field, 'RE' as const]))
    );
    fieldPerms(
        pAdmin.permissionSetId,
        'Invoice__c',
        Object.fromEntries(invoiceFields.map((field) => [field, 'RE' as const]))
    );
    fieldPerms(pSales.permissionSetId, 'Compensation_Plan__c', { Quota__c: 'R', Plan_Year__c: 'R' });
    fieldPerms(pFinance.permissionSetId, 'Compensation_Plan__c', { Quota__c: 'RE', Plan_Year__c: 'RE' });
    fieldPerms(pAuditor.permissionSetId, 'Compensation_Plan__c', { Quota__c: 'R', Plan_Year__c: 'R' });

    // Permission sets assigned on top of profiles.
    const permissionSet = (name: string, label: string, system: { viewAllData?: boolean } = {}): string => {
        const id = o.id('PermissionSet');
        o.add('PermissionSet', {
            Id: id,
            Name: name,
            Label: label,
            IsOwnedByProfile: false,
            ProfileId: null,
            PermissionSetGroupId: null,
            PermissionsViewAllData: system.viewAllData ?? false,
            PermissionsModifyAllData: false,
            PermissionsViewAllUsers: false,
            PermissionsManageUsers: false
        });
        return id;
    };
    const psInvoiceViewer = permissionSet('Invoice_Viewer', 'Invoice Viewer');
    objectPerms(psInvoiceViewer, { Invoice__c: 'R' });
    // Margin__c is deliberately missing: sales reps see the amount, not the margin.
    fieldPerms(psInvoiceViewer, 'Invoice__c', { Amount__c: 'R', Region__c: 'R', Status__c: 'R', Account__c: 'R' });
    const psAuditVad = permissionSet('Audit_View_All_Data', 'Audit: View All Data', { viewAllData: true });

    // -- Roles (internal, then portal roles under the portal account owner's role) ------------
    interface RoleSpec {
        dev: string;
        name: string;
        parent?: string;
        caseAccess?: string;
        opportunityAccess?: string;
        portal?: { type: 'Partner' | 'CustomerPortal'; role: 'Executive' | 'Manager' | 'User'; accountKey: string };
    }
    const roleIds: Record<string, string> = {};
    /**
     * The portal roles the platform creates when an account is enabled: "<account> Partner|Customer
     * <Level>", each below the previous, the top one below the account owner's role.
     */
    const portalRoleSpecs = (
        account: { key: string; name: string; dev: string },
        type: 'Partner' | 'CustomerPortal',
        ownerRole: string,
        levels: ('Executive' | 'Manager' | 'User')[]
    ): RoleSpec[] => {
        const word = type === 'Partner' ? 'Partner' : 'Customer';
        let parent = ownerRole;
        return levels.map((role) => {
            const spec: RoleSpec = { dev: `${account.dev}${word}${role}`, name: `${account.name} ${word} ${role}`, parent, portal: { type, role, accountKey: account.key } };
            parent = spec.dev;
            return spec;
        });
    };
    const roleGroups: Record<
        string,
        { role: string; roleAndSubordinates: string; roleAndSubordinatesInternal?: string }
    > = {};
    const roleSpecs: RoleSpec[] = [
        { dev: 'CEO', name: 'CEO', caseAccess: 'Edit', opportunityAccess: 'Edit' },
        { dev: 'VP_Sales', name: 'VP Sales', parent: 'CEO', caseAccess: 'Edit', opportunityAccess: 'Edit' },
        {
            dev: 'EMEA_Sales_Manager',
            name: 'EMEA Sales Manager',
            parent: 'VP_Sales',
            caseAccess: 'Read',
            opportunityAccess: 'Edit'
        },
        {
            dev: 'EMEA_Sales_Rep',
            name: 'EMEA Sales Rep',
            parent: 'EMEA_Sales_Manager',
            caseAccess: 'Read',
            opportunityAccess: 'None'
        },
        {
            dev: 'AMER_Sales_Manager',
            name: 'AMER Sales Manager',
            parent: 'VP_Sales',
            caseAccess: 'Read',
            opportunityAccess: 'Edit'
        },
        {
            dev: 'AMER_Sales_Rep',
            name: 'AMER Sales Rep',
            parent: 'AMER_Sales_Manager',
            caseAccess: 'Read',
            opportunityAccess: 'None'
        },
        {
            dev: 'VP_Support',
            name: 'VP Customer Support',
            parent: 'CEO',
            caseAccess: 'Edit',
            opportunityAccess: 'None'
        },
        {
            dev: 'Support_Agent',
            name: 'Support Agent',
            parent: 'VP_Support',
            caseAccess: 'Edit',
            opportunityAccess: 'None'
        },
        {
            dev: 'Finance_Controller',
            name: 'Finance Controller',
            parent: 'CEO',
            caseAccess: 'None',
            opportunityAccess: 'Read'
        }
    ];

    // Accounts are needed for portal roles; allocate their ids first.
    const accountIds = {
        fjord: o.id('Account'),
        bergen: o.id('Account'),
        alpine: o.id('Account'),
        nordlicht: o.id('Account'),
        globex: o.id('Account'),
        initech: o.id('Account'),
        // Child partner account of Nordlicht in an external account hierarchy (rows added below,
        // after every other id is allocated, so the ids of the rest of the org stay as they were).
        austria: o.id('Account')
    };
    roleSpecs.push(
        ...portalRoleSpecs({ key: 'nordlicht', name: 'Nordlicht Partners GmbH', dev: 'NordlichtPartnersGmbH' }, 'Partner', 'EMEA_Sales_Manager', ['Executive', 'Manager', 'User']),
        ...portalRoleSpecs({ key: 'globex', name: 'Globex Retail Inc.', dev: 'GlobexRetailInc' }, 'CustomerPortal', 'AMER_Sales_Manager', ['Manager', 'User'])
    );
    for (const spec of roleSpecs) {
        roleIds[spec.dev] = o.id('UserRole');
    }
    // Owners of the portal accounts (for UserRole.PortalAccountOwnerId), filled after users exist.
    const portalAccountOwner: Record<string, string> = {};

    // -- Users -----------------------------------------------------------------------------
    interface UserSpec {
        key: string;
        first: string;
        last: string;
        profile: ProfileInfo;
        role?: string;
        department?: string;
        title?: string;
        manager?: string;
        contactKey?: string;
        accountKey?: keyof typeof accountIds;
    }
    const userIds: Record<string, string> = {};
    const userNames: Record<string, string> = {};
    const userRole: Record<string, string | undefined> = {};
    const userSpecs: UserSpec[] = [
        {
            key: 'cora',
            first: 'Cora',
            last: 'Chen',
            profile: pSales,
            role: 'CEO',
            department: 'Executive',
            title: 'Chief Executive Officer'
        },
        {
            key: 'victor',
            first: 'Victor',
            last: 'Vance',
            profile: pSales,
            role: 'VP_Sales',
            department: 'Sales',
            title: 'VP Sales',
            manager: 'cora'
        },
        {
            key: 'emma',
            first: 'Emma',
            last: 'Eriksen',
            profile: pSales,
            role: 'EMEA_Sales_Manager',
            department: 'EMEA Sales',
            title: 'EMEA Sales Manager',
            manager: 'victor'
        },
        {
            key: 'ana',
            first: 'Ana',
            last: 'Alves',
            profile: pSales,
            role: 'EMEA_Sales_Rep',
            department: 'EMEA Sales',
            title: 'Account Executive',
            manager: 'emma'
        },
        {
            key: 'elio',
            first: 'Elio',
            last: 'Russo',
            profile: pSales,
            role: 'EMEA_Sales_Rep',
            department: 'EMEA Sales',
            title: 'Account Executive',
            manager: 'emma'
        },
        {
            key: 'marcus',
            first: 'Marcus',
            last: 'Miller',
            profile: pSales,
            role: 'AMER_Sales_Manager',
            department: 'AMER Sales',
            title: 'AMER Sales Manager',
            manager: 'victor'
        },
        {
            key: 'riley',
            first: 'Riley',
            last: 'Ross',
            profile: pSales,
            role: 'AMER_Sales_Rep',
            department: 'AMER Sales',
            title: 'Account Executive',
            manager: 'marcus'
        },
        {
            key: 'sofia',
            first: 'Sofia',
            last: 'Santos',
            profile: pSupport,
            role: 'VP_Support',
            department: 'Support',
            title: 'VP Customer Support',
            manager: 'cora'
        },
        {
            key: 'tara',
            first: 'Tara',
            last: 'Nguyen',
            profile: pSupport,
            role: 'Support_Agent',
            department: 'Support',
            title: 'Support Agent',
            manager: 'sofia'
        },
        {
            key: 'sam',
            first: 'Sam',
            last: 'Okafor',
            profile: pSupport,
            role: 'Support_Agent',
            department: 'Support',
            title: 'Support Agent',
            manager: 'sofia'
        },
        {
            key: 'fiona',
            first: 'Fiona',
            last: 'Fischer',
            profile: pFinance,
            role: 'Finance_Controller',
            department: 'Finance',
            title: 'Finance Controller',
            manager: 'cora'
        },
        {
            key: 'otto',
            first: 'Otto',
            last: 'Lindqvist',
            profile: pAuditor,
            department: 'Internal Audit',
            title: 'External Auditor'
        },
        {
            key: 'ada',
            first: 'Ada',
            last: 'Kowalski',
            profile: pAdmin,
            department: 'IT',
            title: 'Salesforce Administrator'
        },
        {
            key: 'integration',
            first: 'ERP',
            last: 'Integration',
            profile: pIntegration,
            department: 'IT',
            title: 'Integration user'
        },
        {
            key: 'paula',
            first: 'Paula',
            last: 'Petersen',
            profile: pPartner,
            role: 'NordlichtPartnersGmbHPartnerExecutive',
            title: 'Managing Director',
            contactKey: 'paula',
            accountKey: 'nordlicht'
        },
        {
            key: 'pat',
            first: 'Pat',
            last: 'Partner',
            profile: pPartner,
            role: 'NordlichtPartnersGmbHPartnerManager',
            title: 'Service Manager',
            contactKey: 'pat',
            accountKey: 'nordlicht'
        },
        {
            key: 'piet',
            first: 'Piet',
            last: 'Janssen',
            profile: pPartner,
            role: 'NordlichtPartnersGmbHPartnerUser',
            title: 'Sales Engineer',
            contactKey: 'piet',
            accountKey: 'nordlicht'
        },
        {
            key: 'gus',
            first: 'Gus',
            last: 'Grant',
            profile: pCcPlus,
            role: 'GlobexRetailIncCustomerManager',
            title: 'Lab Operations Manager',
            contactKey: 'gus',
            accountKey: 'globex'
        },
        {
            key: 'carla',
            first: 'Carla',
            last: 'Diaz',
            profile: pCcPlus,
            role: 'GlobexRetailIncCustomerUser',
            title: 'Lab Technician',
            contactKey: 'carla',
            accountKey: 'globex'
        },
        {
            key: 'hugo',
            first: 'Hugo',
            last: 'Hall',
            profile: pCc,
            title: 'Research Scientist',
            contactKey: 'hugo',
            accountKey: 'initech'
        },
        {
            key: 'hana',
            first: 'Hana',
            last: 'Hoffmann',
            profile: pCc,
            title: 'Research Scientist',
            contactKey: 'hana',
            accountKey: 'initech'
        },
        {
            key: 'guest',
            first: '',
            last: 'Kestrel Support Site Guest User',
            profile: pGuest,
            department: 'Kestrel Support site'
        }
    ];
    for (const spec of userSpecs) {
        userIds[spec.key] = o.id('User');
    }
    const contactIds: Record<string, string> = {};
    for (const key of ['paula', 'pat', 'piet', 'lena', 'gus', 'carla', 'hugo', 'hana', 'olav', 'ingrid']) {
        contactIds[key] = o.id('Contact');
    }
    const addUser = (spec: UserSpec): void => {
        const id = userIds[spec.key] ?? '';
        const name = spec.first ? `${spec.first} ${spec.last}` : spec.last;
        userNames[spec.key] = name;
        userRole[spec.key] = spec.role ? roleIds[spec.role] : undefined;
        const alias = (spec.first.slice(0, 1) + spec.last.slice(0, 4)).toLowerCase() || 'guest';
        const username =
            spec.key === 'guest'
                ? 'kestrel_support@kestrel-demo.force.com'
                : `${spec.first.toLowerCase()}.${spec.last.toLowerCase()}@kestrel-demo.example.com`;
        o.add('User', {
            Id: id,
            Name: name,
            FirstName: spec.first || null,
            LastName: spec.last,
            Username: username,
            Alias: alias,
            Email: spec.key === 'guest' ? 'noreply@kestrel-demo.example.com' : username,
            IsActive: true,
            UserType: spec.profile.userType,
            ProfileId: spec.profile.id,
            Profile: { Name: spec.profile.name, UserLicense: { Name: licenceNames[spec.profile.licenceId] } },
            UserRoleId: spec.role ? (roleIds[spec.role] ?? null) : null,
            UserRole: spec.role
                ? { Name: roleSpecs.find((r) => r.dev === spec.role)?.name, DeveloperName: spec.role }
                : null,
            ManagerId: spec.manager ? (userIds[spec.manager] ?? null) : null,
            ContactId: spec.contactKey ? (contactIds[spec.contactKey] ?? null) : null,
            AccountId: spec.accountKey ? accountIds[spec.accountKey] : null,
            Department: spec.department ?? null,
            Title: spec.title ?? null,
            IsPortalEnabled: spec.profile.userType !== 'Standard' && spec.profile.userType !== 'Guest'
        });
        // Every user has the profile's own permission set assigned (PermissionSetAssignment doc).
        o.add('PermissionSetAssignment', {
            Id: o.id('PermissionSetAssignment'),
            AssigneeId: id,
            PermissionSetId: spec.profile.permissionSetId,
            PermissionSetGroupId: null,
            ExpirationDate: null,
            IsActive: true
        });
    };
    for (const spec of userSpecs) addUser(spec);
    const U = (key: string): string => {
        const id = userIds[key];
        if (!id) throw new Error(`unknown demo user ${key}`);
        return id;
    };
    const assign = (userKey: string, permissionSetId: string, expirationDate: string | null = null): void => {
        o.add('PermissionSetAssignment', {
            Id: o.id('PermissionSetAssignment'),
            AssigneeId: U(userKey),
            PermissionSetId: permissionSetId,
            PermissionSetGroupId: null,
            ExpirationDate: expirationDate,
            IsActive: true
        });
    };
    assign('elio', psInvoiceViewer);
    assign('emma', psInvoiceViewer);
    assign('ana', psInvoiceViewer);
    // Riley's temporary Invoice Viewer assignment expired on 15 November 2026 (before collection).
    assign('riley', psInvoiceViewer, '2026-11-15T00:00:00.000Z');
    assign('otto', psAuditVad);

    portalAccountOwner.nordlicht = U('emma');
    portalAccountOwner.globex = U('marcus');

    // Roles rows and their system groups (Group maintenance tables: Role, RoleAndSubordinates,
    // RoleAndSubordinatesInternal per internal role; Role and RoleAndSubordinates per portal role).
    const addRole = (spec: RoleSpec): void => {
        const id = roleIds[spec.dev] ?? '';
        o.add('UserRole', {
            Id: id,
            Name: spec.name,
            DeveloperName: spec.dev,
            ParentRoleId: spec.parent ? (roleIds[spec.parent] ?? null) : null,
            PortalType: spec.portal ? spec.portal.type : 'None',
            PortalRole: spec.portal ? spec.portal.role : null,
            PortalAccountId: spec.portal ? accountIds[spec.portal.accountKey as keyof typeof accountIds] : null,
            PortalAccountOwnerId: spec.portal ? (portalAccountOwner[spec.portal.accountKey] ?? null) : null,
            CaseAccessForAccountOwner: spec.portal ? 'None' : (spec.caseAccess ?? 'None'),
            OpportunityAccessForAccountOwner: spec.portal ? 'None' : (spec.opportunityAccess ?? 'None'),
            // Contact OWD is Controlled by Parent: the role setting cannot be set (UserRole doc).
            ContactAccessForAccountOwner: null
        });
        const group = (type: string): string => {
            const gid = o.id('Group');
            o.add('Group', {
                Id: gid,
                Name: spec.name,
                DeveloperName: spec.dev,
                Type: type,
                RelatedId: id,
                DoesIncludeBosses: false,
                DoesSendEmailToMembers: false
            });
            return gid;
        };
        roleGroups[spec.dev] = {
            role: group('Role'),
            roleAndSubordinates: group('RoleAndSubordinates'),
            roleAndSubordinatesInternal: spec.portal ? undefined : group('RoleAndSubordinatesInternal')
        };
    };
    for (const spec of roleSpecs) addRole(spec);
    const RG = (dev: string): { role: string; roleAndSubordinates: string; roleAndSubordinatesInternal?: string } => {
        const g = roleGroups[dev];
        if (!g) throw new Error(`unknown demo role ${dev}`);
        return g;
    };

    // -- Groups, queues --------------------------------------------------------------------
    const systemGroup = (name: string, dev: string, type: string): string => {
        const id = o.id('Group');
        o.add('Group', {
            Id: id,
            Name: name,
            DeveloperName: dev,
            Type: type,
            RelatedId: null,
            DoesIncludeBosses: false,
            DoesSendEmailToMembers: false
        });
        return id;
    };
    systemGroup('All Internal Users', 'AllInternalUsers', 'Organization');
    systemGroup('All Partner Users', 'AllPartnerUsers', 'PRMOrganization');
    const gAllCustomerPortal = systemGroup('All Customer Portal Users', 'AllCustomerPortalUsers', 'AllCustomerPortal');

    const publicGroup = (name: string, dev: string, includeBosses: boolean, type = 'Regular'): string => {
        const id = o.id('Group');
        o.add('Group', {
            Id: id,
            Name: name,
            DeveloperName: dev,
            Type: type,
            RelatedId: null,
            DoesIncludeBosses: includeBosses,
            DoesSendEmailToMembers: type === 'Queue'
        });
        return id;
    };
    const member = (groupId: string, userOrGroupId: string): void => {
        o.add('GroupMember', { Id: o.id('GroupMember'), GroupId: groupId, UserOrGroupId: userOrGroupId });
    };
    const gGlobalKeyAccounts = publicGroup('Global Key Accounts', 'Global_Key_Accounts', true);
    const gAmerKeyAccounts = publicGroup('AMER Key Account Team', 'AMER_Key_Account_Team', true);
    const gEmeaKeyAccounts = publicGroup('EMEA Key Account Team', 'EMEA_Key_Account_Team', true);
    const gCustomerSuccess = publicGroup('Customer Success', 'Customer_Success', false);
    member(gGlobalKeyAccounts, gAmerKeyAccounts); // nested group
    member(gGlobalKeyAccounts, gEmeaKeyAccounts); // nested group
    member(gAmerKeyAccounts, U('riley'));
    member(gEmeaKeyAccounts, U('elio'));
    member(gCustomerSuccess, U('sam'));
    member(gCustomerSuccess, RG('VP_Support').role);

    const qEmeaSupport = publicGroup('EMEA Support Queue', 'EMEA_Support_Queue', true, 'Queue');
    const qAmerSupport = publicGroup('AMER Support Queue', 'AMER_Support_Queue', false, 'Queue');
    for (const q of [qEmeaSupport, qAmerSupport]) {
        o.add('QueueSobject', { Id: o.id('QueueSobject'), QueueId: q, SobjectType: 'Case' });
    }
    member(qEmeaSupport, U('tara'));
    member(qAmerSupport, U('sam'));

    // -- Territories: the active FY27 model and the archived FY26 model -----------------------
    const typeId = o.id('Territory2Type');
    o.add('Territory2Type', { Id: typeId, DeveloperName: 'Sales_Region', MasterLabel: 'Sales Region', Priority: 1 });
    const fy27 = o.id('Territory2Model');
    const fy26 = o.id('Territory2Model');
    o.add('Territory2Model', {
        Id: fy27,
        Name: 'FY27 Sales Territories',
        DeveloperName: 'FY27_Sales_Territories',
        State: 'Active'
    });
    o.add('Territory2Model', {
        Id: fy26,
        Name: 'FY26 Sales Territories',
        DeveloperName: 'FY26_Sales_Territories',
        State: 'Archived'
    });
    const territoryGroups: Record<string, string> = {};
    const territory = (
        dev: string,
        name: string,
        model: string,
        parent: string | null,
        accountAccess: string
    ): string => {
        const id = o.id('Territory2');
        o.add('Territory2', {
            Id: id,
            Name: name,
            DeveloperName: dev,
            Territory2ModelId: model,
            Territory2TypeId: typeId,
            ParentTerritory2Id: parent,
            AccountAccessLevel: accountAccess,
            OpportunityAccessLevel: 'Read',
            CaseAccessLevel: 'Read',
            ContactAccessLevel: 'Read'
        });
        if (model === fy27) {
            // Territory groups exist for territories of the active model only.
            for (const type of ['Territory', 'TerritoryAndSubordinates']) {
                const gid = o.id('Group');
                o.add('Group', {
                    Id: gid,
                    Name: name,
                    DeveloperName: dev,
                    Type: type,
                    RelatedId: id,
                    DoesIncludeBosses: false,
                    DoesSendEmailToMembers: false
                });
                if (type === 'Territory') territoryGroups[dev] = gid;
            }
        }
        return id;
    };
    const tGlobal = territory('Global', 'Global', fy27, null, 'Read');
    const tEmea = territory('EMEA', 'EMEA', fy27, tGlobal, 'Edit');
    const tNordics = territory('Nordics', 'Nordics', fy27, tEmea, 'Edit');
    territory('DACH', 'DACH', fy27, tEmea, 'Edit');
    territory('AMER', 'AMER', fy27, tGlobal, 'Edit');
    const tDach26 = territory('DACH_FY26', 'DACH (FY26)', fy26, null, 'Edit');
    const userTerritory = (userKey: string, territoryId: string, roleInTerritory: string): void => {
        o.add('UserTerritory2Association', {
            Id: o.id('UserTerritory2Association'),
            UserId: U(userKey),
            Territory2Id: territoryId,
            RoleInTerritory2: roleInTerritory,
            IsActive: true
        });
    };
    userTerritory('elio', tNordics, 'Account Executive');
    userTerritory('emma', tEmea, 'Territory Manager');
    userTerritory('marcus', tDach26, 'Account Executive');

    // -- Accounts, contacts ------------------------------------------------------------------
    interface AccountSpec {
        key: keyof typeof accountIds;
        name: string;
        owner: string;
        type: string;
        country: string;
        isPartner?: boolean;
        isCustomerPortal?: boolean;
    }
    const accounts: AccountSpec[] = [
        { key: 'fjord', name: 'Fjord Energy ASA', owner: 'ana', type: 'Key Account', country: 'Norway' },
        { key: 'bergen', name: 'Bergen Shipping AS', owner: 'ana', type: 'Customer', country: 'Norway' },
        { key: 'alpine', name: 'Alpine Optics AG', owner: 'victor', type: 'Prospect', country: 'Switzerland' },
        {
            key: 'nordlicht',
            name: 'Nordlicht Partners GmbH',
            owner: 'emma',
            type: 'Partner',
            country: 'Germany',
            isPartner: true
        },
        {
            key: 'globex',
            name: 'Globex Retail Inc.',
            owner: 'marcus',
            type: 'Customer',
            country: 'United States',
            isCustomerPortal: true
        },
        {
            key: 'initech',
            name: 'Initech Labs',
            owner: 'riley',
            type: 'Customer',
            country: 'United States',
            isCustomerPortal: true
        }
    ];
    const accountOwnerRole: Record<string, string> = {};
    for (const a of accounts) {
        o.add('Account', {
            Id: accountIds[a.key],
            Name: a.name,
            Type: a.type,
            BillingCountry: a.country,
            OwnerId: U(a.owner),
            IsPartner: a.isPartner ?? false,
            IsCustomerPortal: a.isCustomerPortal ?? false
        });
        accountOwnerRole[a.key] =
            roleSpecs.find((r) => r.dev === userSpecs.find((u) => u.key === a.owner)?.role)?.dev ?? '';
    }
    const contact = (
        key: string,
        first: string,
        last: string,
        accountKey: keyof typeof accountIds,
        owner: string,
        title: string
    ): void => {
        o.add('Contact', {
            Id: contactIds[key],
            FirstName: first,
            LastName: last,
            Name: `${first} ${last}`,
            AccountId: accountIds[accountKey],
            OwnerId: U(owner),
            Title: title,
            Email: `${first.toLowerCase()}.${last.toLowerCase()}@${accountKey}.example.com`
        });
    };
    contact('paula', 'Paula', 'Petersen', 'nordlicht', 'emma', 'Managing Director');
    contact('pat', 'Pat', 'Partner', 'nordlicht', 'emma', 'Service Manager');
    contact('piet', 'Piet', 'Janssen', 'nordlicht', 'emma', 'Sales Engineer');
    contact('lena', 'Lena', 'Vogel', 'nordlicht', 'emma', 'Field Technician');
    contact('gus', 'Gus', 'Grant', 'globex', 'marcus', 'Lab Operations Manager');
    contact('carla', 'Carla', 'Diaz', 'globex', 'marcus', 'Lab Technician');
    contact('hugo', 'Hugo', 'Hall', 'initech', 'riley', 'Research Scientist');
    contact('hana', 'Hana', 'Hoffmann', 'initech', 'riley', 'Research Scientist');
    contact('olav', 'Olav', 'Strand', 'fjord', 'ana', 'Head of Instrumentation');
    contact('ingrid', 'Ingrid', 'Berg', 'bergen', 'ana', 'Fleet Engineer');

    // -- Share helpers: the rows the platform writes ------------------------------------------
    const accountShare = (
        accountKey: keyof typeof accountIds,
        userOrGroupId: string,
        rowCause: string,
        levels: { account: string; opportunity?: string; case?: string; contact?: string }
    ): void => {
        o.add('AccountShare', {
            Id: o.id('AccountShare'),
            AccountId: accountIds[accountKey],
            UserOrGroupId: userOrGroupId,
            AccountAccessLevel: levels.account,
            OpportunityAccessLevel: levels.opportunity ?? 'None',
            CaseAccessLevel: levels.case ?? 'None',
            ContactAccessLevel: levels.contact ?? 'None',
            RowCause: rowCause
        });
    };
    for (const a of accounts) {
        const role = roleSpecs.find((r) => r.dev === accountOwnerRole[a.key]);
        accountShare(a.key, U(a.owner), 'Owner', {
            account: 'All',
            opportunity: role?.opportunityAccess ?? 'None',
            case: role?.caseAccess ?? 'None',
            contact: 'Edit'
        });
    }

    const recordIds: Record<string, string> = {};
    const recordShare = (
        table: string,
        idField: string,
        levelField: string,
        recordId: string,
        userOrGroupId: string,
        rowCause: string,
        level: string
    ): void => {
        o.add(table, {
            Id: o.id(
                table === 'CaseShare' ? 'CaseShare' : table === 'OpportunityShare' ? 'OpportunityShare' : 'CustomShare'
            ),
            [idField]: recordId,
            UserOrGroupId: userOrGroupId,
            [levelField]: level,
            RowCause: rowCause
        });
    };
    const caseShare = (recordId: string, to: string, cause: string, level: string): void =>
        recordShare('CaseShare', 'CaseId', 'CaseAccessLevel', recordId, to, cause, level);
    const oppShare = (recordId: string, to: string, cause: string, level: string): void =>
        recordShare('OpportunityShare', 'OpportunityId', 'OpportunityAccessLevel', recordId, to, cause, level);
    const customShare = (object: string, recordId: string, to: string, cause: string, level: string): void =>
        recordShare(object.replace(/__c$/, '__Share'), 'ParentId', 'AccessLevel', recordId, to, cause, level);

    // -- Cases -------------------------------------------------------------------------------
    interface CaseSpec {
        key: string;
        number: string;
        subject: string;
        account: keyof typeof accountIds;
        contact?: string;
        owner: string;
        origin: string;
        type: string;
        status?: string;
    }
    const caseSpecs: CaseSpec[] = [
        {
            key: 'c1001',
            number: '00001001',
            subject: 'Spectrometer calibration fails after firmware 4.2',
            account: 'nordlicht',
            contact: 'lena',
            owner: 'q:emea',
            origin: 'Phone',
            type: 'Problem'
        },
        {
            key: 'c1002',
            number: '00001002',
            subject: 'Replacement laser module for demo unit',
            account: 'nordlicht',
            contact: 'lena',
            owner: 'q:emea',
            origin: 'Partner Portal',
            type: 'Question'
        },
        {
            key: 'c1003',
            number: '00001003',
            subject: 'Detector noise on unit GX-220',
            account: 'globex',
            contact: 'carla',
            owner: 'sam',
            origin: 'Web',
            type: 'Problem'
        },
        {
            key: 'c1004',
            number: '00001004',
            subject: 'On-site service visit: turbine sensor array',
            account: 'fjord',
            contact: 'olav',
            owner: 'q:emea',
            origin: 'Email',
            type: 'Service Request'
        },
        {
            key: 'c1005',
            number: '00001005',
            subject: 'Retrofit kit shipping damage',
            account: 'bergen',
            contact: 'ingrid',
            owner: 'sam',
            origin: 'Email',
            type: 'Problem'
        },
        {
            key: 'c1006',
            number: '00001006',
            subject: 'Annual maintenance contract renewal',
            account: 'fjord',
            contact: 'olav',
            owner: 'tara',
            origin: 'Phone',
            type: 'Question'
        },
        {
            key: 'c1007',
            number: '00001007',
            subject: 'Sample holder does not fit model R-9',
            account: 'initech',
            contact: 'hana',
            owner: 'sam',
            origin: 'Web',
            type: 'Problem'
        },
        {
            key: 'c1008',
            number: '00001008',
            subject: 'Known problem: firmware 4.2 calibration drift',
            account: 'globex',
            owner: 'tara',
            origin: 'Web',
            type: 'Known Problem'
        },
        {
            key: 'c1009',
            number: '00001009',
            subject: 'Cannot download spectra export',
            account: 'initech',
            contact: 'hugo',
            owner: 'hugo',
            origin: 'Web',
            type: 'Problem'
        }
    ];
    const ownerId = (owner: string): string =>
        owner === 'q:emea' ? qEmeaSupport : owner === 'q:amer' ? qAmerSupport : U(owner);
    for (const c of caseSpecs) {
        const id = o.id('Case');
        recordIds[c.key] = id;
        o.add('Case', {
            Id: id,
            CaseNumber: c.number,
            Subject: c.subject,
            AccountId: accountIds[c.account],
            ContactId: c.contact ? (contactIds[c.contact] ?? null) : null,
            OwnerId: ownerId(c.owner),
            Origin: c.origin,
            Type: c.type,
            Status: c.status ?? 'New',
            Priority: 'Medium'
        });
        caseShare(id, ownerId(c.owner), 'Owner', 'All');
    }
    const R = (key: string): string => {
        const id = recordIds[key];
        if (!id) throw new Error(`unknown demo record ${key}`);
        return id;
    };
    // Sharing rule "Partner portal cases to Nordlicht" → portal role and subordinates group.
    caseShare(R('c1002'), RG('NordlichtPartnersGmbHPartnerExecutive').roleAndSubordinates, 'Rule', 'Read');
    // Grant site users access to related cases: Carla (CC+) is the contact on case 00001003.
    caseShare(R('c1003'), U('carla'), 'RelatedPortalUser', 'Edit');
    // Sharing rule "Known problems to customer users" → All Customer Portal Users.
    caseShare(R('c1008'), gAllCustomerPortal, 'Rule', 'Read');
    // Case team on 00001006: Elio joins as Technical Advisor (read only).
    const ctrAdvisor = o.id('CaseTeamRole');
    o.add('CaseTeamRole', {
        Id: ctrAdvisor,
        Name: 'Technical Advisor',
        AccessLevel: 'Read',
        PreferencesVisibleInCSP: false
    });
    o.add('CaseTeamMember', {
        Id: o.id('CaseTeamMember'),
        ParentId: R('c1006'),
        MemberId: U('elio'),
        TeamRoleId: ctrAdvisor,
        TeamTemplateMemberId: null
    });
    caseShare(R('c1006'), U('elio'), 'Team', 'Read');

    // -- Opportunities -------------------------------------------------------------------------
    const opp = (
        key: string,
        name: string,
        account: keyof typeof accountIds,
        owner: string,
        stage: string,
        amount: number
    ): string => {
        const id = o.id('Opportunity');
        recordIds[key] = id;
        o.add('Opportunity', {
            Id: id,
            Name: name,
            AccountId: accountIds[account],
            OwnerId: U(owner),
            StageName: stage,
            Amount: amount,
            CloseDate: '2027-03-31',
            Territory2Id: null
        });
        oppShare(id, U(owner), 'Owner', 'All');
        return id;
    };
    const oFjord = opp('oFjord', 'Fjord Energy – Turbine Sensors', 'fjord', 'ana', 'Proposal/Price Quote', 480000);
    const oBergen = opp('oBergen', 'Bergen Shipping – Fleet Retrofit', 'bergen', 'ana', 'Negotiation/Review', 260000);
    opp(
        'oNordlicht',
        'Nordlicht – Raman Spectrometers (deal registration)',
        'nordlicht',
        'piet',
        'Qualification',
        95000
    );
    // Opportunity team: Marcus is the sales engineer on the Fjord deal, read/write.
    o.add('OpportunityTeamMember', {
        Id: o.id('OpportunityTeamMember'),
        OpportunityId: oFjord,
        UserId: U('marcus'),
        TeamMemberRole: 'Sales Engineer',
        OpportunityAccessLevel: 'Edit'
    });
    oppShare(oFjord, U('marcus'), 'Team', 'Edit');
    // Manual share: Ana shared the Bergen deal with Fiona (finance review), read only.
    oppShare(oBergen, U('fiona'), 'Manual', 'Read');

    // Account team: Elio is account manager on Alpine Optics.
    o.add('AccountTeamMember', {
        Id: o.id('AccountTeamMember'),
        AccountId: accountIds.alpine,
        UserId: U('elio'),
        TeamMemberRole: 'Account Manager',
        AccountAccessLevel: 'Read',
        OpportunityAccessLevel: 'Read',
        CaseAccessLevel: 'Read',
        ContactAccessLevel: 'Read'
    });
    accountShare('alpine', U('elio'), 'Team', { account: 'Read', opportunity: 'Read', case: 'Read', contact: 'Read' });

    // Account sharing rule "Key accounts to Global Key Accounts" (criteria Type = Key Account).
    accountShare('fjord', gGlobalKeyAccounts, 'Rule', {
        account: 'Read',
        opportunity: 'None',
        case: 'None',
        contact: 'Read'
    });
    // Territory: Bergen Shipping is assigned (manually) to Nordics in the active model.
    o.add('ObjectTerritory2Association', {
        Id: o.id('ObjectTerritory2Association'),
        ObjectId: accountIds.bergen,
        Territory2Id: tNordics,
        AssociationCause: 'Territory2Manual',
        SobjectType: 'Account'
    });
    accountShare('bergen', territoryGroups.Nordics ?? '', 'Territory2AssociationManual', {
        account: 'Edit',
        opportunity: 'Read',
        case: 'Read',
        contact: 'Read'
    });
    // Alpine Optics was assigned to DACH in the archived FY26 model only: no share row.
    o.add('ObjectTerritory2Association', {
        Id: o.id('ObjectTerritory2Association'),
        ObjectId: accountIds.alpine,
        Territory2Id: tDach26,
        AssociationCause: 'Territory2Manual',
        SobjectType: 'Account'
    });
    // Implicit parent sharing (seed 002): read on a child → read on the account.
    accountShare('fjord', U('marcus'), 'ImplicitParent', { account: 'Read' });
    accountShare('fjord', U('tara'), 'ImplicitParent', { account: 'Read' });
    accountShare('fjord', U('elio'), 'ImplicitParent', { account: 'Read' });
    accountShare('bergen', U('fiona'), 'ImplicitParent', { account: 'Read' });
    accountShare('bergen', U('sam'), 'ImplicitParent', { account: 'Read' });
    accountShare('globex', U('sam'), 'ImplicitParent', { account: 'Read' });
    accountShare('initech', U('sam'), 'ImplicitParent', { account: 'Read' });
    accountShare('globex', U('tara'), 'ImplicitParent', { account: 'Read' });
    accountShare('nordlicht', U('piet'), 'ImplicitParent', { account: 'Read' });
    // …also when the child's owner or sharee is a queue or a group (the row names the group).
    accountShare('nordlicht', qEmeaSupport, 'ImplicitParent', { account: 'Read' }); // cases 00001001, 00001002
    accountShare('fjord', qEmeaSupport, 'ImplicitParent', { account: 'Read' }); // case 00001004
    accountShare('nordlicht', RG('NordlichtPartnersGmbHPartnerExecutive').roleAndSubordinates, 'ImplicitParent', {
        account: 'Read'
    }); // rule on 00001002
    accountShare('globex', gAllCustomerPortal, 'ImplicitParent', { account: 'Read' }); // rule on 00001008
    // Experience Cloud implicit: external users and their own account (seed 002).
    for (const k of ['paula', 'pat', 'piet']) accountShare('nordlicht', U(k), 'PortalImplicit', { account: 'Read' });
    for (const k of ['gus', 'carla']) accountShare('globex', U(k), 'PortalImplicit', { account: 'Read' });
    for (const k of ['hugo', 'hana']) accountShare('initech', U(k), 'LpuImplicit', { account: 'Read' });

    // -- Custom objects --------------------------------------------------------------------------
    const customRecord = (object: string, key: string, owner: string, fields: Row): string => {
        const prefixName = object as PrefixName;
        const id = o.id(prefixName);
        recordIds[key] = id;
        o.add(object, { Id: id, OwnerId: U(owner), ...fields });
        customShare(object, id, U(owner), 'Owner', 'All');
        return id;
    };
    // Compensation plans: Grant Access Using Hierarchies is OFF for this object.
    customRecord('Compensation_Plan__c', 'cp1', 'ana', {
        Name: 'CP-0001 Ana Alves FY27',
        Plan_Year__c: '2027',
        Quota__c: 1800000
    });
    customRecord('Compensation_Plan__c', 'cp2', 'elio', {
        Name: 'CP-0002 Elio Russo FY27',
        Plan_Year__c: '2027',
        Quota__c: 1500000
    });
    // Invoices: owned by the ERP integration user (no role); Grant Access Using Hierarchies ON.
    const invoice = (
        key: string,
        name: string,
        account: keyof typeof accountIds,
        region: string,
        status: string,
        amount: number,
        margin: number
    ): string =>
        customRecord('Invoice__c', key, 'integration', {
            Name: name,
            Account__c: accountIds[account],
            Region__c: region,
            Status__c: status,
            Amount__c: amount,
            Margin__c: margin
        });
    const inv1 = invoice('inv1', 'INV-0001', 'fjord', 'EMEA', 'Draft', 120000, 0.31);
    const inv2 = invoice('inv2', 'INV-0002', 'globex', 'AMER', 'Issued', 64000, 0.27);
    const inv3 = invoice('inv3', 'INV-0003', 'initech', 'AMER', 'Issued', 18500, 0.42);
    const inv4 = invoice('inv4', 'INV-0004', 'bergen', 'EMEA', 'Issued', 93000, 0.22);
    // Criteria sharing rule "Issued invoices to Sales" → VP Sales role and internal subordinates.
    for (const inv of [inv2, inv3, inv4])
        customShare('Invoice__c', inv, RG('VP_Sales').roleAndSubordinatesInternal ?? '', 'Rule', 'Read');
    // Apex managed sharing: the billing review process shares draft invoices with the controller.
    customShare('Invoice__c', inv1, U('fiona'), 'Billing_Review__c', 'Edit');
    // Product lines: internal OWD Public Read Only, external Private, guest rule for published ones.
    const plRaman = customRecord('Product_Line__c', 'plRaman', 'ada', {
        Name: 'Raman Spectrometers',
        Published__c: true
    });
    customRecord('Product_Line__c', 'plQuantum', 'ada', { Name: 'Quantum Sensors (unreleased)', Published__c: false });
    customShare('Product_Line__c', plRaman, U('guest'), 'GuestRule', 'Read');

    // -- Experience Cloud site ------------------------------------------------------------------
    const networkId = o.id('Network');
    o.add('Network', {
        Id: networkId,
        Name: 'Kestrel Support',
        UrlPathPrefix: 'support',
        Status: 'Live',
        GuestUserId: U('guest')
    });
    o.add('Network', {
        Id: o.id('Network'),
        Name: 'Kestrel Partner Portal',
        UrlPathPrefix: 'partners',
        Status: 'Live',
        GuestUserId: null
    });

    // -- Metadata -----------------------------------------------------------------------------
    const sharingRules: SharingRuleDefinition[] = [
        {
            object: 'Account',
            kind: 'criteria',
            fullName: 'Account.Key_Accounts_to_Global_Key_Accounts',
            label: 'Key accounts to Global Key Accounts',
            accessLevel: 'Read',
            accountSettings: { caseAccessLevel: 'None', contactAccessLevel: 'Read', opportunityAccessLevel: 'None' },
            sharedTo: { group: 'Global_Key_Accounts' },
            criteriaItems: [{ field: 'Type', operation: 'equals', value: 'Key Account' }],
            includeRecordsOwnedByAll: true
        },
        {
            object: 'Case',
            kind: 'criteria',
            fullName: 'Case.Partner_Portal_Cases_to_Nordlicht',
            label: 'Partner portal cases to Nordlicht',
            accessLevel: 'Read',
            sharedTo: { portalRoleAndSubordinates: 'NordlichtPartnersGmbHPartnerExecutive' },
            criteriaItems: [{ field: 'Origin', operation: 'equals', value: 'Partner Portal' }],
            includeRecordsOwnedByAll: true
        },
        {
            object: 'Case',
            kind: 'criteria',
            fullName: 'Case.Known_Problems_to_Customer_Users',
            label: 'Known problems to customer users',
            accessLevel: 'Read',
            sharedTo: { allCustomerPortalUsers: '' },
            criteriaItems: [{ field: 'Type', operation: 'equals', value: 'Known Problem' }],
            includeRecordsOwnedByAll: true
        },
        {
            object: 'Invoice__c',
            kind: 'criteria',
            fullName: 'Invoice__c.Issued_Invoices_to_Sales',
            label: 'Issued invoices to Sales',
            accessLevel: 'Read',
            sharedTo: { roleAndSubordinatesInternal: 'VP_Sales' },
            criteriaItems: [{ field: 'Status__c', operation: 'equals', value: 'Issued' }],
            includeRecordsOwnedByAll: true
        },
        {
            object: 'Product_Line__c',
            kind: 'guest',
            fullName: 'Product_Line__c.Published_Product_Lines_to_Guests',
            label: 'Published product lines to site guests',
            accessLevel: 'Read',
            sharedTo: { guestUser: 'Kestrel_Support' },
            criteriaItems: [{ field: 'Published__c', operation: 'equals', value: 'True' }],
            includeRecordsOwnedByAll: true
        }
    ];
    const sharingSets: SharingSetDefinition[] = [
        {
            fullName: 'Customer_Community_Account_Cases',
            name: 'Customer Community: cases of my account',
            description: 'High-volume customer users read every case of their own account.',
            profiles: [pCc.name],
            accessMappings: [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }],
            shareGroupMembers: [gCustomerSuccess]
        }
    ];

    // -- Settings with provenance ------------------------------------------------------------------
    const settings: Record<string, Setting> = {
        'grantAccessUsingHierarchies.Compensation_Plan__c': {
            value: false,
            provenance: 'admin',
            source: 'Setup → Sharing Settings, "Grant Access Using Hierarchies" (not readable through the API; entered by the admin)'
        },
        'grantAccessUsingHierarchies.Invoice__c': {
            value: true,
            provenance: 'admin',
            source: 'Setup → Sharing Settings, "Grant Access Using Hierarchies" (not readable through the API; entered by the admin)'
        },
        'grantAccessUsingHierarchies.Product_Line__c': {
            value: true,
            provenance: 'admin',
            source: 'Setup → Sharing Settings, "Grant Access Using Hierarchies" (not readable through the API; entered by the admin)'
        },
        'sharingSettings.enableExternalSharingModel': {
            value: true,
            provenance: 'org',
            source: 'Metadata API SharingSettings.enableExternalSharingModel'
        },
        'experienceCloud.grantSiteUsersAccessToRelatedCases': {
            value: true,
            provenance: 'org',
            source: 'Metadata API SharingSettings.enablePortalUserCaseSharing (Setup → Sharing Settings, "Grant site users access to related cases")'
        },
        'experienceCloud.seeContactsNotEnabled': {
            value: false,
            provenance: 'org',
            source: 'Metadata API CommunitiesSettings.enableCspContactVisibilityPref (Digital Experiences → Settings, "Allow users to see contacts that have not been enabled")'
        }
    };

    // -- Describe (the fields the engine and the gates need) ----------------------------------------
    const f = (
        name: string,
        type: string,
        extra: Partial<NonNullable<ObjectDescribe['fields']>[number]> = {}
    ): NonNullable<ObjectDescribe['fields']>[number] => ({
        name,
        type,
        permissionable: !['Id', 'Name', 'OwnerId', 'CaseNumber', 'CreatedDate'].includes(name),
        nillable: true,
        ...extra
    });
    const describe: Record<string, ObjectDescribe> = {
        Account: {
            name: 'Account',
            label: 'Account',
            keyPrefix: '001',
            custom: false,
            fields: [
                f('Id', 'id'),
                f('Name', 'string'),
                f('OwnerId', 'reference', { referenceTo: ['User'] }),
                f('Type', 'picklist'),
                f('BillingCountry', 'string')
            ]
        },
        Contact: {
            name: 'Contact',
            label: 'Contact',
            keyPrefix: '003',
            custom: false,
            fields: [
                f('Id', 'id'),
                f('Name', 'string'),
                f('AccountId', 'reference', { referenceTo: ['Account'], relationshipName: 'Account' }),
                f('OwnerId', 'reference', { referenceTo: ['User'] })
            ]
        },
        Opportunity: {
            name: 'Opportunity',
            label: 'Opportunity',
            keyPrefix: '006',
            custom: false,
            fields: [
                f('Id', 'id'),
                f('Name', 'string'),
                f('AccountId', 'reference', { referenceTo: ['Account'], relationshipName: 'Account' }),
                f('OwnerId', 'reference', { referenceTo: ['User'] }),
                f('StageName', 'picklist', { permissionable: false, nillable: false }),
                f('Amount', 'currency')
            ]
        },
        Case: {
            name: 'Case',
            label: 'Case',
            keyPrefix: '500',
            custom: false,
            fields: [
                f('Id', 'id'),
                f('CaseNumber', 'string'),
                f('Subject', 'string'),
                f('AccountId', 'reference', { referenceTo: ['Account'], relationshipName: 'Account' }),
                f('ContactId', 'reference', { referenceTo: ['Contact'], relationshipName: 'Contact' }),
                f('OwnerId', 'reference', { referenceTo: ['User', 'Group'] }),
                f('Origin', 'picklist'),
                f('Type', 'picklist')
            ]
        },
        Compensation_Plan__c: {
            name: 'Compensation_Plan__c',
            label: 'Compensation Plan',
            keyPrefix: KEY_PREFIX.Compensation_Plan__c,
            custom: true,
            fields: [
                f('Id', 'id'),
                f('Name', 'string'),
                f('OwnerId', 'reference', { referenceTo: ['User'] }),
                f('Plan_Year__c', 'string'),
                f('Quota__c', 'currency')
            ]
        },
        Invoice__c: {
            name: 'Invoice__c',
            label: 'Invoice',
            keyPrefix: KEY_PREFIX.Invoice__c,
            custom: true,
            fields: [
                f('Id', 'id'),
                f('Name', 'string'),
                f('OwnerId', 'reference', { referenceTo: ['User', 'Group'] }),
                f('Account__c', 'reference', { referenceTo: ['Account'], relationshipName: 'Account__r' }),
                f('Region__c', 'picklist'),
                f('Status__c', 'picklist'),
                f('Amount__c', 'currency'),
                f('Margin__c', 'percent')
            ]
        },
        Product_Line__c: {
            name: 'Product_Line__c',
            label: 'Product Line',
            keyPrefix: KEY_PREFIX.Product_Line__c,
            custom: true,
            fields: [
                f('Id', 'id'),
                f('Name', 'string'),
                f('OwnerId', 'reference', { referenceTo: ['User', 'Group'] }),
                f('Published__c', 'boolean', { nillable: false })
            ]
        }
    };

    // -- External account hierarchy: Nordlicht Partners GmbH ← Nordlicht Partners Austria GmbH ----
    // (Experience Cloud, API 49.0+; docs/experience-cloud.md "External account hierarchy".)
    // The child partner account is owned by Ana Alves; the platform created its three portal roles
    // under Ana's role (EMEA Sales Rep) when the account was enabled, so UserRole.ParentRoleId of its
    // executive still points at EMEA Sales Rep as collected. The two ExternalAccountHierarchy rows
    // make the child's top role report to Nordlicht's top role (Partner Executive) instead: the
    // engine follows the hierarchy, not the collected parent. Everything here is allocated after the
    // rest of the org so no existing id moves.
    o.add('Account', {
        Id: accountIds.austria,
        Name: 'Nordlicht Partners Austria GmbH',
        Type: 'Partner',
        BillingCountry: 'Austria',
        OwnerId: U('ana'),
        IsPartner: true,
        IsCustomerPortal: false
    });
    accountOwnerRole.austria = 'EMEA_Sales_Rep';
    accountShare('austria', U('ana'), 'Owner', {
        account: 'All',
        opportunity: roleSpecs.find((r) => r.dev === 'EMEA_Sales_Rep')?.opportunityAccess ?? 'None',
        case: roleSpecs.find((r) => r.dev === 'EMEA_Sales_Rep')?.caseAccess ?? 'None',
        contact: 'Edit'
    });
    portalAccountOwner.austria = U('ana');
    const austriaRoles = portalRoleSpecs({ key: 'austria', name: 'Nordlicht Partners Austria GmbH', dev: 'NordlichtPartnersAustriaGmbH' }, 'Partner', 'EMEA_Sales_Rep', ['Executive', 'Manager', 'User']);
    for (const spec of austriaRoles) {
        roleIds[spec.dev] = o.id('UserRole');
        roleSpecs.push(spec);
    }
    for (const spec of austriaRoles) addRole(spec);
    const austriaUsers: UserSpec[] = [
        {
            key: 'tobias',
            first: 'Tobias',
            last: 'Wagner',
            profile: pPartner,
            role: 'NordlichtPartnersAustriaGmbHPartnerExecutive',
            title: 'Managing Director',
            contactKey: 'tobias',
            accountKey: 'austria'
        },
        {
            key: 'vera',
            first: 'Vera',
            last: 'Huber',
            profile: pPartner,
            role: 'NordlichtPartnersAustriaGmbHPartnerUser',
            title: 'Service Technician',
            contactKey: 'vera',
            accountKey: 'austria'
        }
    ];
    for (const spec of austriaUsers) {
        userIds[spec.key] = o.id('User');
        contactIds[spec.key] = o.id('Contact');
    }
    contact('tobias', 'Tobias', 'Wagner', 'austria', 'ana', 'Managing Director');
    contact('vera', 'Vera', 'Huber', 'austria', 'ana', 'Service Technician');
    for (const spec of austriaUsers) {
        userSpecs.push(spec);
        addUser(spec);
    }
    for (const k of ['tobias', 'vera']) accountShare('austria', U(k), 'PortalImplicit', { account: 'Read' });
    // Vera opened case 00001010 through the web form (Origin Web, so the rule "Partner portal cases
    // to Nordlicht" doesn't match it); Tobias registered a deal. Each owner reads the account.
    const c1010 = o.id('Case');
    recordIds.c1010 = c1010;
    o.add('Case', {
        Id: c1010,
        CaseNumber: '00001010',
        Subject: 'Raman probe misaligned after transport to Vienna',
        AccountId: accountIds.austria,
        ContactId: null,
        OwnerId: U('vera'),
        Origin: 'Web',
        Type: 'Problem',
        Status: 'New',
        Priority: 'Medium'
    });
    caseShare(c1010, U('vera'), 'Owner', 'All');
    const oAustria = opp(
        'oAustria',
        'Nordlicht Austria – Raman Spectrometers for TU Wien (deal registration)',
        'austria',
        'tobias',
        'Qualification',
        72000
    );
    accountShare('austria', U('vera'), 'ImplicitParent', { account: 'Read' }); // case 00001010
    accountShare('austria', U('tobias'), 'ImplicitParent', { account: 'Read' }); // deal registration
    // The hierarchy: Nordlicht is the root node, Nordlicht Partners Austria its child (both active,
    // the child shares its data with the parent: IsAccessibleToParent true, the default).
    const eahNordlicht = o.id('ExternalAccountHierarchy');
    o.add('ExternalAccountHierarchy', {
        Id: eahNordlicht,
        Name: 'Nordlicht Partners GmbH',
        AccountId: accountIds.nordlicht,
        ParentId: null,
        HierarchyType: 'Partner',
        IsActive: true,
        IsAccessibleToParent: true
    });
    o.add('ExternalAccountHierarchy', {
        Id: o.id('ExternalAccountHierarchy'),
        Name: 'Nordlicht Partners Austria GmbH',
        AccountId: accountIds.austria,
        ParentId: eahNordlicht,
        HierarchyType: 'Partner',
        IsActive: true,
        IsAccessibleToParent: true
    });

    // -- Scenarios ----------------------------------------------------------------------------------
    const scenarios: DemoScenario[] = [];
    const scenario = (s: Omit<DemoScenario, 'n'>): void => {
        scenarios.push({ n: scenarios.length + 1, ...s });
    };
    scenario({
        key: 'pat-case-1001',
        title: "Why can't Pat Partner see case 00001001?",
        userId: U('pat'),
        recordId: R('c1001'),
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'orgWideDefaults',
            decidingStatus: 'neutral',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'The case belongs to his partner account but is owned by the EMEA Support queue; the external OWD for Case is Private, the case contact (Lena Vogel) is not a site user, its origin is Phone so the partner-portal sharing rule does not match, and nothing else shares it with Pat.',
        source: 'Salesforce Help: External Organization-Wide Defaults Overview; Salesforce Help: Sharing Rules (criteria-based)',
        headline: true
    });
    scenario({
        key: 'pat-case-1002',
        title: 'Why can Pat Partner read case 00001002?',
        userId: U('pat'),
        recordId: R('c1002'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'sharingRules',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Criteria sharing rule "Partner portal cases to Nordlicht" (Origin = Partner Portal) shares it Read with the portal role "Nordlicht Partners GmbH Partner Executive" and its subordinates; Pat is in the Partner Manager role below it.',
        source: 'Salesforce Help: Sharing Rule Categories (Portal Roles and Subordinates); Salesforce Help: Sharing Rules'
    });
    scenario({
        key: 'paula-opp-nordlicht',
        title: 'Why does Paula Petersen have full access to the Nordlicht deal registration?',
        userId: U('paula'),
        recordId: R('oNordlicht'),
        expected: {
            maxAccessLevel: 'All',
            decidingLayer: 'roleHierarchy',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'All',
        why: 'Piet Janssen owns the opportunity; Paula is two levels above him in the partner account’s portal roles (Executive → Manager → User), and users above the owner get the owner’s access.',
        source: 'Salesforce Help: Controlling Access Using Hierarchies (portal roles below the partner account’s executive)'
    });
    scenario({
        key: 'carla-case-1003',
        title: 'Why can Carla Diaz (Customer Community Plus) edit case 00001003?',
        userId: U('carla'),
        recordId: R('c1003'),
        expected: {
            maxAccessLevel: 'Edit',
            decidingLayer: 'experienceCloud',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Edit',
        why: 'Carla is the contact on the case and "Grant site users access to related cases" is on: the platform wrote a CaseShare row with RowCause RelatedPortalUser, read/write.',
        source: 'Spring ’19 release notes: Restrict Community User Access to Cases; Salesforce Help: Built-in Sharing Behavior',
        headline: true
    });
    scenario({
        key: 'hugo-case-1007',
        title: 'Why can Hugo Hall (high-volume Customer Community) read case 00001007?',
        userId: U('hugo'),
        recordId: R('c1007'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'experienceCloud',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Sharing set "Customer Community: cases of my account" maps Case.Account to the user’s Account for his profile: every case of Initech Labs is readable. Sharing sets write no share rows.',
        source: 'Salesforce Help: Create a Sharing Set; Salesforce Help: About High-Volume Community or Site Users'
    });
    scenario({
        key: 'hugo-case-1008',
        title: "Why can't Hugo Hall see case 00001008, shared with all customer users?",
        userId: U('hugo'),
        recordId: R('c1008'),
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'sharingRules',
            decidingStatus: 'notApplicable',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'The rule "Known problems to customer users" shares it with All Customer Portal Users, but high-volume (Customer Community) users cannot be in groups or sharing rules; his sharing set only covers cases of his own account (Initech), and this case is Globex’s.',
        source: 'Salesforce Help: About High-Volume Community or Site Users (no roles, groups or sharing rules); Salesforce Help: Create a Sharing Set'
    });
    scenario({
        key: 'guest-product-raman',
        title: 'Why can the Kestrel Support site guest user read product line "Raman Spectrometers"?',
        userId: U('guest'),
        recordId: R('plRaman'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'experienceCloud',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Guest user sharing rule "Published product lines to site guests" (Published__c = True) grants read only; the external OWD of Product Line is Private.',
        source: 'Salesforce Help: Guest User Sharing Rules (read only); Salesforce Help: External Organization-Wide Defaults Overview'
    });
    scenario({
        key: 'pat-product-raman',
        title: 'Why can’t Pat Partner read product line "Raman Spectrometers" when every employee can?',
        userId: U('pat'),
        recordId: R('plRaman'),
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'orgWideDefaults',
            decidingStatus: 'neutral',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'The internal OWD is Public Read Only but the external OWD is Private, and it applies to every Experience Cloud user; no rule or share gives it to Pat.',
        source: 'Salesforce Help: External Organization-Wide Defaults Overview'
    });
    scenario({
        key: 'riley-product-raman',
        title: 'Why can Riley Ross read product line "Raman Spectrometers"?',
        userId: U('riley'),
        recordId: R('plRaman'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'orgWideDefaults',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'The internal org-wide default of Product Line is Public Read Only and Riley’s profile has Read on the object.',
        source: 'Salesforce Help: Organization-Wide Sharing Defaults; Salesforce Help: Object Permissions'
    });
    scenario({
        key: 'emma-account-fjord',
        title: 'Why does Emma Eriksen have full access to account Fjord Energy ASA?',
        userId: U('emma'),
        recordId: accountIds.fjord,
        expected: {
            maxAccessLevel: 'All',
            decidingLayer: 'roleHierarchy',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'All',
        why: 'Ana Alves owns the account; Emma’s role (EMEA Sales Manager) is directly above Ana’s (EMEA Sales Rep).',
        source: 'Salesforce Help: Controlling Access Using Hierarchies'
    });
    scenario({
        key: 'tara-case-1004',
        title: 'Why can Tara Nguyen edit and delete case 00001004?',
        userId: U('tara'),
        recordId: R('c1004'),
        expected: {
            maxAccessLevel: 'All',
            decidingLayer: 'ownership',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'All',
        why: 'The case is owned by the EMEA Support Queue and Tara is a member of the queue: queue members get the owner’s access.',
        source: 'Salesforce Help: Queues (members get owner access); Apex Developer Guide: Understanding Sharing (record ownership)'
    });
    scenario({
        key: 'riley-account-fjord',
        title: 'Why can Riley Ross read account Fjord Energy ASA?',
        userId: U('riley'),
        recordId: accountIds.fjord,
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'sharingRules',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Criteria rule "Key accounts to Global Key Accounts" (Type = Key Account) shares it Read with public group Global Key Accounts, which contains the group AMER Key Account Team, which contains Riley.',
        source: 'Salesforce Help: Sharing Rules (criteria-based); Object Reference: Group, GroupMember (nested public groups)'
    });
    scenario({
        key: 'elio-account-bergen',
        title: 'Why can Elio Russo edit account Bergen Shipping AS?',
        userId: U('elio'),
        recordId: accountIds.bergen,
        expected: {
            maxAccessLevel: 'Edit',
            decidingLayer: 'territories',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Edit',
        why: 'The account is assigned to territory Nordics of the active model FY27 Sales Territories, whose account access is Read/Write; Elio is assigned to Nordics.',
        source: 'Salesforce Help: Enterprise Territory Management (account access of a territory)'
    });
    scenario({
        key: 'marcus-account-alpine',
        title: "Why can't Marcus Miller see account Alpine Optics AG in his old territory?",
        userId: U('marcus'),
        recordId: accountIds.alpine,
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'territories',
            decidingStatus: 'neutral',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'Marcus and the account are both in territory "DACH (FY26)", but that territory belongs to the archived model FY26 Sales Territories; only the active model grants access. The owner (Victor Vance) is above Marcus, not below.',
        source: 'Salesforce Help: Enterprise Territory Management (only the active territory model gives access)'
    });
    scenario({
        key: 'marcus-opp-fjord',
        title: 'Why can Marcus Miller edit opportunity "Fjord Energy – Turbine Sensors"?',
        userId: U('marcus'),
        recordId: oFjord,
        expected: {
            maxAccessLevel: 'Edit',
            decidingLayer: 'teams',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Edit',
        why: 'Marcus is on the opportunity team as Sales Engineer with Read/Write access; he is not above the owner (Ana, EMEA).',
        source: 'Salesforce Help: Account Teams, Opportunity Teams, Case Teams'
    });
    scenario({
        key: 'fiona-opp-bergen',
        title: 'Why can Fiona Fischer read opportunity "Bergen Shipping – Fleet Retrofit"?',
        userId: U('fiona'),
        recordId: oBergen,
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'manualShares',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Ana shared the opportunity manually with Fiona, read only (OpportunityShare RowCause Manual).',
        source: 'Salesforce Help: Share Records Manually'
    });
    scenario({
        key: 'fiona-invoice-1',
        title: 'Why can Fiona Fischer edit draft invoice INV-0001?',
        userId: U('fiona'),
        recordId: inv1,
        expected: {
            maxAccessLevel: 'Edit',
            decidingLayer: 'manualShares',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Edit',
        why: 'Apex managed sharing with the reason Billing_Review__c shares the draft invoice read/write with her; the owner is the ERP integration user, who has no role.',
        source: 'Apex Developer Guide: Sharing a Record Using Apex'
    });
    scenario({
        key: 'sam-account-bergen',
        title: 'Why can Sam Okafor read account Bergen Shipping AS?',
        userId: U('sam'),
        recordId: accountIds.bergen,
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'implicitSharing',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Sam owns case 00001005 on this account; read access to a case gives read access to its parent account (AccountShare RowCause ImplicitParent).',
        source: 'Salesforce Help: Built-in Sharing Behavior (implicit parent access to the account)'
    });
    scenario({
        key: 'otto-comp-plan-1',
        title: 'Why can Otto Lindqvist (auditor) read compensation plan CP-0001?',
        userId: U('otto'),
        recordId: R('cp1'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'systemPermissions',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Permission set "Audit: View All Data" gives View All Data; his profile already has Read on the object. Nothing else shares the plan with him.',
        source: 'Salesforce Help: View All Data and Modify All Data'
    });
    scenario({
        key: 'emma-comp-plan-1',
        title: "Why can't Emma Eriksen see her report Ana's compensation plan CP-0001?",
        userId: U('emma'),
        recordId: R('cp1'),
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'roleHierarchy',
            decidingStatus: 'neutral',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'Emma is above the owner in the role hierarchy, but "Grant Access Using Hierarchies" is off for Compensation Plan, so the hierarchy gives nothing; the OWD is Private.',
        source: 'Salesforce Help: Controlling Access Using Hierarchies (Grant Access Using Hierarchies, custom objects only)',
        headline: true
    });
    scenario({
        key: 'riley-invoice-2',
        title: "Why can't Riley Ross open invoice INV-0002?",
        userId: U('riley'),
        recordId: inv2,
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'objectPermissions',
            decidingStatus: 'blocks',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'The rule "Issued invoices to Sales" shares it with his role, but his only source of Invoice Read — the Invoice Viewer permission set — expired on 15 November 2026; without object Read no share counts.',
        source: 'Salesforce Help: Object Permissions; Object Reference: PermissionSetAssignment (ExpirationDate)'
    });
    scenario({
        key: 'elio-invoice-3',
        title: "Why can't Elio Russo see invoice INV-0003 when UserRecordAccess says he can?",
        userId: U('elio'),
        recordId: inv3,
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'restrictionRules',
            decidingStatus: 'blocks',
            reconciliation: 'disagrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'The sharing rule gives him Read, but the active restriction rule "EMEA sales see EMEA invoices" applies to users with Department = EMEA Sales and keeps only Region = EMEA invoices visible; INV-0003 is AMER. UserRecordAccess ignores restriction rules, so it still says Read.',
        source: 'Restriction Rules Developer Guide; Object Reference: UserRecordAccess (restriction rules are not considered)',
        headline: true
    });
    scenario({
        key: 'elio-invoice-4',
        title: 'Why can Elio Russo read invoice INV-0004 but not its margin?',
        userId: U('elio'),
        recordId: inv4,
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'sharingRules',
            decidingStatus: 'grants',
            hiddenFields: ['Margin__c'],
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Rule "Issued invoices to Sales" shares it Read with VP Sales and internal subordinates; it is an EMEA invoice so the restriction rule keeps it visible. Field-level security: the Invoice Viewer permission set grants Amount, Region and Status but not Margin__c.',
        source: 'Salesforce Help: Sharing Rules; Salesforce Help: Field-Level Security'
    });
    scenario({
        key: 'ana-case-1006',
        title: 'Why can Ana Alves read case 00001006 on her account?',
        userId: U('ana'),
        recordId: R('c1006'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'implicitSharing',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Ana owns Fjord Energy ASA; her role gives account owners Read on the account’s cases (UserRole.CaseAccessForAccountOwner = Read). Child implicit rows are not stored, so the engine derives it.',
        source: 'Salesforce Help: Built-in Sharing Behavior (implicit child access for the account owner); Object Reference: UserRole (CaseAccessForAccountOwner)'
    });

    scenario({
        key: 'sofia-case-1009',
        title: 'Why can Sofia Santos read case 00001009, opened by high-volume user Hugo Hall?',
        userId: U('sofia'),
        recordId: R('c1009'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'experienceCloud',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Hugo owns the case. The share group of his profile’s sharing set lists the public group Customer Success, which contains the VP Customer Support role, Sofia’s role: share group members can access records owned by the sharing set’s high-volume users. (Salesforce documents the access, not its level; the demo assumes Read.)',
        source: 'Salesforce Help: Use Share Groups to Share Records Owned by High-Volume Experience Cloud Site Users'
    });

    scenario({
        key: 'gus-case-1003',
        title: 'Why can Gus Grant edit case 00001003 although Carla Diaz is its contact?',
        userId: U('gus'),
        recordId: R('c1003'),
        expected: {
            maxAccessLevel: 'Edit',
            decidingLayer: 'experienceCloud',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Edit',
        why: 'Related-case access reaches the case contact’s user and everyone above them in the portal role hierarchy: Gus (Globex Customer Manager) is above Carla (Customer User).',
        source: 'Spring ’19 release notes: Restrict Community User Access to Cases (the case contact and users above them in the role hierarchy)'
    });
    scenario({
        key: 'carla-case-1008',
        title: 'Why can Carla Diaz read case 00001008 when Hugo Hall cannot?',
        userId: U('carla'),
        recordId: R('c1008'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'sharingRules',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'The rule "Known problems to customer users" shares it with All Customer Portal Users; Carla has a Customer Community Plus licence and is in that group, unlike the high-volume Hugo (scenario 6).',
        source: 'Salesforce Help: Sharing Rules; Object Reference: Group (Type AllCustomerPortal); Salesforce Help: About High-Volume Community or Site Users'
    });
    scenario({
        key: 'elio-case-1006',
        title: 'Why can Elio Russo read case 00001006?',
        userId: U('elio'),
        recordId: R('c1006'),
        expected: {
            maxAccessLevel: 'Read',
            decidingLayer: 'teams',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Read',
        why: 'Elio is on the case team as Technical Advisor, a case team role with Read Only access (CaseTeamRole.AccessLevel); the case is Tara’s and the account is Ana’s, his peer.',
        source: 'Salesforce Help: Account Teams, Opportunity Teams, Case Teams; Object Reference: CaseTeamRole (AccessLevel)'
    });
    scenario({
        key: 'paula-case-1010',
        title: 'Why does Paula Petersen have the owner’s access to case 00001010 of the child account Nordlicht Partners Austria GmbH?',
        userId: U('paula'),
        recordId: R('c1010'),
        expected: {
            maxAccessLevel: 'Transfer',
            decidingLayer: 'roleHierarchy',
            decidingStatus: 'grants',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'Transfer',
        platformHasDeleteAccess: false,
        platformHasAllAccess: true,
        why: 'Vera Huber (Nordlicht Partners Austria GmbH, Partner User) owns the case. The external account hierarchy Nordlicht Partners GmbH ← Nordlicht Partners Austria GmbH makes the child account’s top role (its Partner Executive) report to Nordlicht’s top role, Paula’s Partner Executive, so Paula is above the owner and gets the owner’s access: read, edit, transfer and share, but not delete, which her profile doesn’t have on Case (maximum Transfer).',
        source: 'Object Reference: ExternalAccountHierarchy ("works like a role-based hierarchy"); Salesforce Help: Configure an External Account Hierarchy; Salesforce Help: External Account Hierarchies Considerations ("shared with the highest role at each level"); Salesforce Help: Transfer Records (users above the owner)'
    });
    scenario({
        key: 'pat-case-1010',
        title: "Why can't Pat Partner see case 00001010 when Paula Petersen can?",
        userId: U('pat'),
        recordId: R('c1010'),
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'roleHierarchy',
            decidingStatus: 'neutral',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'Child account data rolls up only to the highest role of each account in the hierarchy: the Austrian account’s top role reports to Nordlicht’s Partner Executive (Paula), not to Pat’s Partner Manager role below it. The case’s origin is Web, so the partner-portal sharing rule doesn’t share it either.',
        source: 'Salesforce Help: External Account Hierarchies Considerations ("Child account data is shared with the highest role at each level")'
    });
    scenario({
        key: 'ana-opp-austria',
        title: "Why can't Ana Alves see the deal registration of Nordlicht Partners Austria GmbH, the account she owns?",
        userId: U('ana'),
        recordId: oAustria,
        expected: {
            maxAccessLevel: 'None',
            decidingLayer: 'roleHierarchy',
            decidingStatus: 'neutral',
            reconciliation: 'agrees'
        },
        platformMaxAccessLevel: 'None',
        why: 'Tobias Wagner, the child account’s Partner Executive, owns the opportunity. The account’s portal roles were created under Ana’s role, but in the external account hierarchy its top role reports to Nordlicht’s Partner Executive instead, so Ana, the internal owner of the child account, loses the role-hierarchy access to records its partner users own; her role gives account owners no opportunity access.',
        source: 'Salesforce Help: External Account Hierarchies Considerations ("Internal owners of child accounts … lose access to the records owned by those users"); Object Reference: UserRole (OpportunityAccessForAccountOwner)'
    });

    // The platform's verdicts (UserRecordAccess), one row per scenario pair.
    for (const s of scenarios) {
        const rank = ACCESS_ORDER.indexOf(s.platformMaxAccessLevel);
        o.add('UserRecordAccess', {
            UserId: s.userId,
            RecordId: s.recordId,
            HasReadAccess: rank >= 1,
            HasEditAccess: rank >= 2,
            HasDeleteAccess: s.platformHasDeleteAccess ?? rank >= 3,
            HasTransferAccess: rank >= 4,
            HasAllAccess: s.platformHasAllAccess ?? rank >= 5,
            MaxAccessLevel: s.platformMaxAccessLevel
        });
    }

    const snapshot: Snapshot = {
        schemaVersion: 1,
        meta: {
            collectedAt: COLLECTED_AT,
            source: 'demo',
            orgId,
            orgName: 'Kestrel Instruments (demo)',
            apiVersion: '65.0',
            collector: 'access-xray demo-org generator (scripts/demo-org)',
            description:
                'Kestrel Instruments, a fictional maker of laboratory spectrometers: internal sales/support/finance roles, nested public groups, support queues, an active and an archived territory model, account/opportunity/case teams, a partner account with three portal roles, Customer Community Plus and high-volume Customer Community users with a sharing set and share group, a site guest user, and custom objects with and without Grant Access Using Hierarchies plus a restriction rule.'
        },
        tables: o.tables,
        describe,
        metadata: {
            SharingRules: sharingRules,
            SharingSet: sharingSets,
            RestrictionRule: [
                {
                    Id: o.id('RestrictionRule'),
                    DeveloperName: 'EMEA_Sales_See_EMEA_Invoices',
                    MasterLabel: 'EMEA sales see EMEA invoices',
                    EnforcementType: 'Restrict',
                    TargetEntity: 'Invoice__c',
                    UserCriteria: "$User.Department = 'EMEA Sales'",
                    RecordFilter: "Region__c = 'EMEA'",
                    IsActive: true,
                    Description: 'EMEA sales users only see invoices of their own region.'
                }
            ],
            LayoutAssignment: [
                {
                    profileId: pSales.id,
                    profileName: pSales.name,
                    recordTypeId: null,
                    layoutName: 'Invoice__c-Invoice Layout',
                    fields: ['Name', 'Account__c', 'Region__c', 'Status__c', 'Amount__c', 'Margin__c']
                }
            ]
        },
        settings,
        subjects: scenarios.map((s) => ({ userId: s.userId, recordId: s.recordId, title: s.title }))
    };
    return { snapshot, scenarios };
}

let cache: Built | undefined;

/** The demo snapshot (a fresh deep copy each call, so callers may mutate it). */
export function buildDemoSnapshot(): Snapshot {
    cache ??= build();
    return JSON.parse(JSON.stringify(cache.snapshot)) as Snapshot;
}

/** The named scenarios with their expected verdicts. */
export function demoScenarios(): DemoScenario[] {
    cache ??= build();
    return JSON.parse(JSON.stringify(cache.scenarios)) as DemoScenario[];
}
