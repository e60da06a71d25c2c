/**
 * A small Experience Cloud org for the external-user cases, built as the collectors would
 * dump it (API field names, Metadata-style values). Every case starts from `acmeOrg()` and
 * changes only what its rule is about, so each case shows one documented behaviour.
 *
 * Cast (ids are stable; `ids.*`):
 * - Internal: Olivia Owner (role Channel Sales Manager, owns Acme and Globex), Ian Internal
 *   (role Support Agent), Ada Admin (View All Data).
 * - Acme Corp (partner account): portal roles Acme Partner Executive > Manager > User under
 *   Channel Sales Manager. Users Eve Exec (Executive), Max Manager (Manager), Pat Partner (User).
 *   Contacts: Eve, Max, Pat (enabled) and Nora Notenabled (no user).
 * - Globex (customer account): portal roles Globex Customer Executive > User. CC+ users
 *   Gus Globex (Executive) and Cleo Customer (User); Customer Community (high-volume) user
 *   Hank Highvolume; High Volume Customer Portal user Sam Service; Authenticated Website user
 *   Ava Website. Contacts for each.
 * - Guest: Gia Guest (site guest user).
 * - Records: cases 00001001 (Acme, contact Nora, owner Ian), 00001002 (Acme, contact Pat),
 *   00001003 (Acme, contact Max), 00002001 (Globex, contact Cleo), 00002002 (Globex, contact Hank);
 *   Invoice__c INV-1 (Globex, owner Hank), Opportunity Acme Deal, Lead Lee Lead.
 * OWD: every object Private internally and externally (Contact too, so portal implicit
 * contact sharing is visible). Object permissions: each profile reads/edits
 * Account, Contact, Case, Opportunity, Lead, Invoice__c, Confidential_Doc__c unless a case removes it.
 */
import { toId18 } from '../../ids';
import type { Row, Setting, SharingSetDefinition, Snapshot } from '../../types';

const PREFIX: Record<string, string> = {
    User: '005',
    Profile: '00e',
    PermissionSet: '0PS',
    PermissionSetAssignment: '0Pa',
    ObjectPermissions: '110',
    UserLicense: '100',
    UserRole: '00E',
    Group: '00G',
    GroupMember: '011',
    Account: '001',
    Contact: '003',
    Case: '500',
    Opportunity: '006',
    Lead: '00Q',
    Invoice__c: 'a01',
    Confidential_Doc__c: 'a02',
    CaseShare: '01n',
    AccountShare: '00r',
    ContactShare: '03s',
    OpportunityShare: '00t',
    Invoice__Share: '02c',
    Confidential_Doc__Share: '02d',
    AccountTeamMember: '01M',
    OpportunityTeamMember: '00q',
    CustomPermission: '0CP',
    SetupEntityAccess: '0J0',
    UserRecordAccess: '0Uu',
    AccountContactRelation: '07k'
};

let counter = 0;
/** A fresh 18-character id with the object's key prefix. */
export function newId(table: string): string {
    counter++;
    const prefix = PREFIX[table] ?? 'a0Z';
    return toId18(`${prefix}${'0'.repeat(12 - String(counter).length)}${counter}`.slice(0, 15));
}

export interface AcmeOrg {
    snapshot: Snapshot;
    ids: Record<string, string>;
    /** Add a row; returns its id. */
    add(table: string, row: Row): string;
    /** The first row of `table` with this id. */
    row(id: string): Row;
    /** Set a setting with provenance 'admin'. */
    setting(key: string, value: Setting['value']): void;
    /** Replace the object permissions of a profile's permission set. */
    objectPerms(profileKey: string, sobject: string, flags: Partial<Record<'read' | 'create' | 'edit' | 'delete' | 'viewAll' | 'modifyAll', boolean>>): void;
    /** Add a share row (table chooses the columns). */
    share(table: string, recordId: string, granteeId: string, level: string, rowCause: string, extra?: Row): string;
    /** Record the platform's UserRecordAccess verdict for a pair. */
    platform(userId: string, recordId: string, maxAccessLevel: string): void;
}

const SHARE_COLUMNS: Record<string, [string, string]> = {
    CaseShare: ['CaseId', 'CaseAccessLevel'],
    AccountShare: ['AccountId', 'AccountAccessLevel'],
    ContactShare: ['ContactId', 'ContactAccessLevel'],
    OpportunityShare: ['OpportunityId', 'OpportunityAccessLevel']
};

const LEVEL_FLAGS: Record<string, Row> = {
    None: { HasReadAccess: false, HasEditAccess: false, HasDeleteAccess: false, HasTransferAccess: false, HasAllAccess: false },
    Read: { HasReadAccess: true, HasEditAccess: false, HasDeleteAccess: false, HasTransferAccess: false, HasAllAccess: false },
    Edit: { HasReadAccess: true, HasEditAccess: true, HasDeleteAccess: false, HasTransferAccess: false, HasAllAccess: false },
    All: { HasReadAccess: true, HasEditAccess: true, HasDeleteAccess: true, HasTransferAccess: true, HasAllAccess: true }
};

export function acmeOrg(): AcmeOrg {
    counter = 0; // same ids for every fresh org
    const tables: Record<string, Row[]> = {};
    const ids: Record<string, string> = {};
    const add = (table: string, row: Row): string => {
        const id = typeof row.Id === 'string' ? row.Id : newId(table);
        (tables[table] ??= []).push({ ...row, Id: id });
        return id;
    };
    const rowOf = (id: string): Row => {
        for (const rows of Object.values(tables)) {
            const hit = rows.find((r) => r.Id === id);
            if (hit) return hit;
        }
        throw new Error(`no row ${id} in the Acme org`);
    };

    // Org-wide defaults (EntityDefinition, Metadata vocabulary).
    for (const object of ['Account', 'Contact', 'Case', 'Opportunity', 'Lead', 'Invoice__c', 'Confidential_Doc__c']) {
        tables.EntityDefinition ??= [];
        tables.EntityDefinition.push({ QualifiedApiName: object, InternalSharingModel: 'Private', ExternalSharingModel: 'Private' });
    }

    // Licences, profiles (with their owned permission sets).
    const licences: Record<string, string> = {
        salesforce: 'Salesforce',
        partner: 'Partner Community',
        ccplus: 'Customer Community Plus',
        cc: 'Customer Community',
        hvcp: 'High Volume Customer Portal',
        authweb: 'Authenticated Website',
        guest: 'Guest User License'
    };
    const userTypes: Record<string, string> = {
        salesforce: 'Standard',
        partner: 'PowerPartner',
        ccplus: 'PowerCustomerSuccess',
        cc: 'CspLitePortal',
        hvcp: 'CspLitePortal',
        authweb: 'CspLitePortal',
        guest: 'Guest'
    };
    const profileNames: Record<string, string> = {
        admin: 'System Administrator',
        internal: 'Acme Sales User',
        partner: 'Acme Partner Community User',
        ccplus: 'Acme Customer Community Plus User',
        cc: 'Acme Customer Community User',
        hvcp: 'Acme High Volume Portal User',
        authweb: 'Acme Authenticated Website User',
        guest: 'Acme Site Guest Profile'
    };
    const profileLicence: Record<string, string> = {
        admin: 'salesforce',
        internal: 'salesforce',
        partner: 'partner',
        ccplus: 'ccplus',
        cc: 'cc',
        hvcp: 'hvcp',
        authweb: 'authweb',
        guest: 'guest'
    };
    for (const [key, name] of Object.entries(licences)) {
        ids[`lic.${key}`] = add('UserLicense', { Name: name });
    }
    for (const [key, name] of Object.entries(profileNames)) {
        const lic = profileLicence[key] as string;
        const pid = add('Profile', { Name: name, UserType: userTypes[lic], UserLicenseId: ids[`lic.${lic}`], UserLicense: { Name: licences[lic] } });
        ids[`profile.${key}`] = pid;
        ids[`ps.${key}`] = add('PermissionSet', {
            Name: `X${pid.slice(0, 15)}`,
            Label: name,
            IsOwnedByProfile: true,
            ProfileId: pid,
            PermissionsViewAllData: key === 'admin',
            PermissionsModifyAllData: false
        });
        for (const sobject of ['Account', 'Contact', 'Case', 'Opportunity', 'Lead', 'Invoice__c', 'Confidential_Doc__c']) {
            add('ObjectPermissions', {
                ParentId: ids[`ps.${key}`],
                SobjectType: sobject,
                PermissionsRead: true,
                PermissionsCreate: key !== 'guest',
                PermissionsEdit: key !== 'guest',
                PermissionsDelete: key === 'admin',
                PermissionsViewAllRecords: false,
                PermissionsModifyAllRecords: false
            });
        }
    }

    // Roles (internal and portal) and their system groups.
    const role = (key: string, name: string, parent: string | null, portal?: { type: string; role: string; account: string }): void => {
        const rid = add('UserRole', {
            Name: name,
            DeveloperName: key,
            ParentRoleId: parent ? ids[`role.${parent}`] : null,
            PortalType: portal ? portal.type : 'None',
            PortalRole: portal ? portal.role : null,
            PortalAccountId: portal ? ids[`account.${portal.account}`] : null,
            CaseAccessForAccountOwner: 'None',
            OpportunityAccessForAccountOwner: 'None',
            ContactAccessForAccountOwner: 'None'
        });
        ids[`role.${key}`] = rid;
        ids[`group.role.${key}`] = add('Group', { Name: name, DeveloperName: key, Type: 'Role', RelatedId: rid });
        ids[`group.roleSub.${key}`] = add('Group', { Name: name, DeveloperName: key, Type: 'RoleAndSubordinates', RelatedId: rid });
        if (!portal) {
            ids[`group.roleSubInternal.${key}`] = add('Group', { Name: name, DeveloperName: key, Type: 'RoleAndSubordinatesInternal', RelatedId: rid });
        }
    };
    // Accounts first (portal roles point at them), owners set after users exist.
    ids['account.acme'] = add('Account', { Name: 'Acme Corp', IsPartner: true, OwnerId: null });
    ids['account.globex'] = add('Account', { Name: 'Globex', IsCustomerPortal: true, OwnerId: null });
    ids['account.initech'] = add('Account', { Name: 'Initech', OwnerId: null });
    role('ceo', 'CEO', null);
    role('channelManager', 'Channel Sales Manager', 'ceo');
    role('support', 'Support Agent', 'ceo');
    role('acmeExec', 'Acme Corp Partner Executive', 'channelManager', { type: 'Partner', role: 'Executive', account: 'acme' });
    role('acmeManager', 'Acme Corp Partner Manager', 'acmeExec', { type: 'Partner', role: 'Manager', account: 'acme' });
    role('acmeUser', 'Acme Corp Partner User', 'acmeManager', { type: 'Partner', role: 'User', account: 'acme' });
    role('globexExec', 'Globex Customer Executive', 'channelManager', { type: 'CustomerPortal', role: 'Executive', account: 'globex' });
    role('globexUser', 'Globex Customer User', 'globexExec', { type: 'CustomerPortal', role: 'User', account: 'globex' });

    // Users (and contacts for external users).
    const user = (key: string, name: string, profileKey: string, roleKey: string | null, account?: string): void => {
        const [first, ...rest] = name.split(' ');
        let contactId: string | null = null;
        if (account) {
            contactId = add('Contact', { FirstName: first, LastName: rest.join(' '), Name: name, AccountId: ids[`account.${account}`], OwnerId: null });
            ids[`contact.${key}`] = contactId;
        }
        const lic = profileLicence[profileKey] as string;
        const uid = add('User', {
            Name: name,
            IsActive: true,
            UserType: userTypes[lic],
            ProfileId: ids[`profile.${profileKey}`],
            Profile: { Name: profileNames[profileKey], UserLicense: { Name: licences[lic] } },
            UserRoleId: roleKey ? ids[`role.${roleKey}`] : null,
            ContactId: contactId,
            AccountId: account ? ids[`account.${account}`] : null,
            Department: profileKey === 'internal' ? 'Sales' : null,
            ManagerId: null
        });
        ids[`user.${key}`] = uid;
        add('PermissionSetAssignment', { AssigneeId: uid, PermissionSetId: ids[`ps.${profileKey}`], PermissionSetGroupId: null, IsActive: true });
    };
    user('olivia', 'Olivia Owner', 'internal', 'channelManager');
    user('ian', 'Ian Internal', 'internal', 'support');
    user('ada', 'Ada Admin', 'admin', 'ceo');
    user('eve', 'Eve Exec', 'partner', 'acmeExec', 'acme');
    user('max', 'Max Manager', 'partner', 'acmeManager', 'acme');
    user('pat', 'Pat Partner', 'partner', 'acmeUser', 'acme');
    user('gus', 'Gus Globex', 'ccplus', 'globexExec', 'globex');
    user('cleo', 'Cleo Customer', 'ccplus', 'globexUser', 'globex');
    user('hank', 'Hank Highvolume', 'cc', null, 'globex');
    user('sam', 'Sam Service', 'hvcp', null, 'globex');
    user('ava', 'Ava Website', 'authweb', null, 'globex');
    user('gia', 'Gia Guest', 'guest', null);
    ids['contact.nora'] = add('Contact', { FirstName: 'Nora', LastName: 'Notenabled', Name: 'Nora Notenabled', AccountId: ids['account.acme'], OwnerId: ids['user.olivia'] });
    for (const rows of [tables.Account ?? [], tables.Contact ?? []]) {
        for (const r of rows) {
            if (!r.OwnerId) r.OwnerId = ids['user.olivia'];
        }
    }
    rowOf(ids['account.initech'] as string).OwnerId = ids['user.ian'];

    // Records.
    const kase = (key: string, number: string, account: string, contactKey: string, ownerKey: string): void => {
        ids[`case.${key}`] = add('Case', {
            CaseNumber: number,
            Subject: `Case ${number}`,
            AccountId: ids[`account.${account}`],
            ContactId: ids[`contact.${contactKey}`],
            OwnerId: ids[`user.${ownerKey}`],
            Status: 'New'
        });
    };
    kase('c1001', '00001001', 'acme', 'nora', 'ian');
    kase('c1002', '00001002', 'acme', 'pat', 'ian');
    kase('c1003', '00001003', 'acme', 'max', 'ian');
    kase('c2001', '00002001', 'globex', 'cleo', 'ian');
    kase('c2002', '00002002', 'globex', 'hank', 'ian');
    ids['invoice.inv1'] = add('Invoice__c', { Name: 'INV-1', Account__c: ids['account.globex'], Contact__c: ids['contact.hank'], OwnerId: ids['user.hank'] });
    ids['invoice.inv2'] = add('Invoice__c', { Name: 'INV-2', Account__c: ids['account.initech'], Contact__c: null, OwnerId: ids['user.ian'] });
    ids['opportunity.acmeDeal'] = add('Opportunity', { Name: 'Acme Deal', AccountId: ids['account.acme'], OwnerId: ids['user.olivia'], StageName: 'Prospecting' });
    ids['lead.lee'] = add('Lead', { Name: 'Lee Lead', Company: 'Lee Co', OwnerId: ids['user.olivia'], Status: 'Open' });
    ids['doc.public'] = add('Confidential_Doc__c', { Name: 'DOC-public', Sensitivity__c: 'Public', Region__c: 'EMEA', OwnerId: ids['user.olivia'] });
    ids['doc.secret'] = add('Confidential_Doc__c', { Name: 'DOC-secret', Sensitivity__c: 'Secret', Region__c: 'EMEA', OwnerId: ids['user.olivia'] });

    const snapshot: Snapshot = {
        schemaVersion: 1,
        meta: { collectedAt: '2026-11-23T18:00:00.000Z', source: 'fixture', description: 'Acme Experience Cloud fixture (external-user cases)' },
        tables,
        metadata: { SharingRules: [], SharingSet: [], RestrictionRule: [], AccountRelationshipShareRule: [] },
        settings: {}
    };

    const org: AcmeOrg = {
        snapshot,
        ids,
        add,
        row: rowOf,
        setting(key, value) {
            (snapshot.settings ??= {})[key] = { value, provenance: 'admin', source: 'entered by the admin (test fixture)' };
        },
        objectPerms(profileKey, sobject, flags) {
            const ps = ids[`ps.${profileKey}`];
            const row = (tables.ObjectPermissions ?? []).find((r) => r.ParentId === ps && r.SobjectType === sobject);
            const target = row ?? (tables.ObjectPermissions ??= [])[tables.ObjectPermissions.push({ Id: newId('ObjectPermissions'), ParentId: ps, SobjectType: sobject }) - 1];
            if (!target) throw new Error('object permission row missing');
            const map: Record<string, string> = {
                read: 'PermissionsRead',
                create: 'PermissionsCreate',
                edit: 'PermissionsEdit',
                delete: 'PermissionsDelete',
                viewAll: 'PermissionsViewAllRecords',
                modifyAll: 'PermissionsModifyAllRecords'
            };
            for (const [flag, value] of Object.entries(flags)) {
                target[map[flag] as string] = value;
            }
        },
        share(table, recordId, granteeId, level, rowCause, extra = {}) {
            const [parentField, accessField] = SHARE_COLUMNS[table] ?? ['ParentId', 'AccessLevel'];
            return add(table, { [parentField]: recordId, UserOrGroupId: granteeId, [accessField]: level, RowCause: rowCause, ...extra });
        },
        platform(userId, recordId, maxAccessLevel) {
            add('UserRecordAccess', { UserId: userId, RecordId: recordId, MaxAccessLevel: maxAccessLevel, ...(LEVEL_FLAGS[maxAccessLevel] ?? {}) });
        }
    };
    return org;
}

/** A sharing set for a profile key of the Acme org. */
export function sharingSet(org: AcmeOrg, fullName: string, profileKeys: string[], mappings: SharingSetDefinition['accessMappings'], shareGroupMembers?: string[]): SharingSetDefinition {
    const profiles = profileKeys.map((k) => String(org.row(org.ids[`profile.${k}`] as string).Name));
    const set: SharingSetDefinition = { fullName, name: fullName.replace(/_/g, ' '), profiles, accessMappings: mappings, ...(shareGroupMembers ? { shareGroupMembers } : {}) };
    (org.snapshot.metadata ??= {}).SharingSet ??= [];
    org.snapshot.metadata.SharingSet?.push(set);
    return set;
}
