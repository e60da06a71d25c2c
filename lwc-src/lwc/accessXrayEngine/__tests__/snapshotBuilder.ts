/**
 * A fixture builder for engine tests (usable by every engineer): builds a Snapshot the way a
 * collector would dump it — Salesforce API table and field names, 18-character ids — with
 * one call per fact. Ids are deterministic (prefix + counter), so tests are reproducible.
 *
 *   const b = new SnapshotBuilder();
 *   const sales = b.profile('Sales', { objects: { Account: 'CRED' } });
 *   const ana = b.user('Ana Agent', { profileId: sales });
 *   b.owd('Account', 'Private');
 *   const acme = b.record('Account', { Name: 'Acme', OwnerId: ana });
 *   const snap = b.build();
 */
import { toId18 } from '../ids';
import { shareTableFor } from '../shareTables';
import type { AccessLevel, Provenance, Row, SharingRuleDefinition, Snapshot } from '../types';

const PREFIX: Record<string, string> = {
    User: '005',
    Profile: '00e',
    UserLicense: '100',
    PermissionSet: '0PS',
    MutingPermissionSet: '0QM',
    PermissionSetGroup: '0PG',
    PermissionSetGroupComponent: '0PR',
    PermissionSetAssignment: '0Pa',
    ObjectPermissions: '110',
    FieldPermissions: '01k',
    UserRole: '00E',
    Group: '00G',
    GroupMember: '011',
    Account: '001',
    Contact: '003',
    Case: '500',
    Opportunity: '006',
    Lead: '00Q',
    Contract: '800',
    Order: '801',
    Campaign: '701',
    RecordType: '012',
    Territory2Model: '0MA',
    Territory2: '0MI',
    UserTerritory2Association: '0R0',
    ObjectTerritory2Association: '0R1',
    AccountTeamMember: '01M',
    OpportunityTeamMember: '00q',
    CaseTeamMember: '0B6',
    CaseTeamRole: '0B7',
    CaseTeamTemplate: '0B4',
    CaseTeamTemplateMember: '0B5',
    CaseTeamTemplateRecord: '0B8',
    EntityDefinition: '01I',
    Organization: '00D',
    UserRecordAccess: '0Ux'
};

/** Object permission letters: C create, R read, E edit, D delete, V view all, M modify all. */
export type PermLetters = string;

export interface ProfileOptions {
    objects?: Record<string, PermLetters>;
    system?: SystemPerms;
    licence?: string;
}

export interface SystemPerms {
    viewAllData?: boolean;
    modifyAllData?: boolean;
    viewAllUsers?: boolean;
    manageUsers?: boolean;
    manageExternalUsers?: boolean;
    /** "Transfer Record", "Transfer Cases", "Transfer Leads". */
    transferRecord?: boolean;
    transferCases?: boolean;
    transferLeads?: boolean;
}

export interface UserOptions {
    profileId: string;
    roleId?: string;
    userType?: string;
    managerId?: string;
    isActive?: boolean;
    contactId?: string;
    accountId?: string;
}

export type ShareLevel = 'Read' | 'Edit' | 'All' | 'None';

export class SnapshotBuilder {
    private counters = new Map<string, number>();
    private tables: Record<string, Row[]> = {};
    private settings: NonNullable<Snapshot['settings']> = {};
    private metadata: NonNullable<Snapshot['metadata']> = {};
    private describeSection: NonNullable<Snapshot['describe']> = {};
    private licences = new Map<string, string>();
    collectedAt = '2026-01-15T12:00:00.000Z';

    /** A fresh 18-character id for a table (or a 3-character key prefix). */
    id(tableOrPrefix: string): string {
        const prefix = PREFIX[tableOrPrefix] ?? (tableOrPrefix.length === 3 ? tableOrPrefix : 'a0' + String.fromCharCode(65 + (tableOrPrefix.length % 26)));
        const n = (this.counters.get(prefix) ?? 0) + 1;
        this.counters.set(prefix, n);
        return toId18(`${prefix}${String(n).padStart(12, '0')}`);
    }

    /** Append a row (an Id is generated when missing). Returns the row's Id. */
    row(table: string, fields: Row): string {
        const id = typeof fields.Id === 'string' ? fields.Id : this.id(table);
        (this.tables[table] ??= []).push({ Id: id, ...fields });
        return id;
    }

    /** Ensure a table exists (present but empty means "collected, nothing found"). */
    table(table: string): this {
        this.tables[table] ??= [];
        return this;
    }

    licence(name: string): string {
        let id = this.licences.get(name);
        if (!id) {
            id = this.row('UserLicense', { Name: name });
            this.licences.set(name, id);
        }
        return id;
    }

    /** A profile with its profile-owned permission set. Returns the Profile id; `profileSet(id)` gives the set. */
    profile(name: string, options: ProfileOptions = {}): string {
        const profileId = this.row('Profile', { Name: name, UserLicenseId: this.licence(options.licence ?? 'Salesforce') });
        const psId = this.row('PermissionSet', { Name: `X00_${name.replace(/\W/g, '')}`, Label: name, IsOwnedByProfile: true, ProfileId: profileId, ...systemFields(options.system) });
        for (const [object, letters] of Object.entries(options.objects ?? {})) {
            this.objectPerms(psId, object, letters);
        }
        this.table('PermissionSetAssignment');
        this.table('ObjectPermissions');
        return profileId;
    }

    profileSet(profileId: string): string {
        const ps = (this.tables.PermissionSet ?? []).find((p) => p.ProfileId === profileId);
        if (!ps || typeof ps.Id !== 'string') {
            throw new Error(`no profile permission set for ${profileId}`);
        }
        return ps.Id;
    }

    permissionSet(name: string, options: { objects?: Record<string, PermLetters>; system?: SystemPerms } = {}): string {
        const psId = this.row('PermissionSet', { Name: name.replace(/\W/g, '_'), Label: name, IsOwnedByProfile: false, ...systemFields(options.system) });
        for (const [object, letters] of Object.entries(options.objects ?? {})) {
            this.objectPerms(psId, object, letters);
        }
        return psId;
    }

    mutingSet(name: string, options: { objects?: Record<string, PermLetters>; system?: SystemPerms } = {}): string {
        const id = this.row('MutingPermissionSet', { DeveloperName: name.replace(/\W/g, '_'), MasterLabel: name, ...systemFields(options.system) });
        for (const [object, letters] of Object.entries(options.objects ?? {})) {
            this.objectPerms(id, object, letters);
        }
        return id;
    }

    permissionSetGroup(name: string, componentIds: string[], status = 'Updated'): string {
        const id = this.row('PermissionSetGroup', { DeveloperName: name.replace(/\W/g, '_'), MasterLabel: name, Status: status });
        for (const c of componentIds) {
            this.row('PermissionSetGroupComponent', { PermissionSetGroupId: id, PermissionSetId: c });
        }
        return id;
    }

    objectPerms(parentId: string, object: string, letters: PermLetters): string {
        return this.row('ObjectPermissions', {
            ParentId: parentId,
            SobjectType: object,
            PermissionsCreate: letters.includes('C'),
            PermissionsRead: letters.includes('R'),
            PermissionsEdit: letters.includes('E'),
            PermissionsDelete: letters.includes('D'),
            PermissionsViewAllRecords: letters.includes('V'),
            PermissionsModifyAllRecords: letters.includes('M')
        });
    }

    fieldPerms(parentId: string, object: string, field: string, read: boolean, edit: boolean): string {
        return this.row('FieldPermissions', { ParentId: parentId, SobjectType: object, Field: `${object}.${field}`, PermissionsRead: read, PermissionsEdit: edit });
    }

    assign(userId: string, permissionSetId: string, extra: Row = {}): string {
        return this.row('PermissionSetAssignment', { AssigneeId: userId, PermissionSetId: permissionSetId, ...extra });
    }

    assignGroup(userId: string, groupId: string, extra: Row = {}): string {
        return this.row('PermissionSetAssignment', { AssigneeId: userId, PermissionSetGroupId: groupId, PermissionSetId: null, ...extra });
    }

    /** A role with its Role / RoleAndSubordinates / RoleAndSubordinatesInternal groups. */
    role(name: string, parentRoleId: string | null = null, extra: Row = {}): string {
        const id = this.row('UserRole', { Name: name, DeveloperName: name.replace(/\W/g, '_'), ParentRoleId: parentRoleId, PortalType: 'None', ...extra });
        for (const type of ['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal']) {
            this.row('Group', { Name: '', DeveloperName: '', Type: type, RelatedId: id });
        }
        return id;
    }

    /** The derived group of a role (`Role`, `RoleAndSubordinates`, `RoleAndSubordinatesInternal`). */
    roleGroup(roleId: string, type: 'Role' | 'RoleAndSubordinates' | 'RoleAndSubordinatesInternal'): string {
        const g = (this.tables.Group ?? []).find((r) => r.RelatedId === roleId && r.Type === type);
        if (!g || typeof g.Id !== 'string') {
            throw new Error(`no ${type} group for ${roleId}`);
        }
        return g.Id;
    }

    user(name: string, options: UserOptions): string {
        return this.row('User', {
            Name: name,
            Username: `${name.toLowerCase().replace(/\W/g, '.')}@example.com`,
            UserType: options.userType ?? 'Standard',
            ProfileId: options.profileId,
            UserRoleId: options.roleId ?? null,
            ManagerId: options.managerId ?? null,
            IsActive: options.isActive ?? true,
            ContactId: options.contactId ?? null,
            AccountId: options.accountId ?? null
        });
    }

    /** A public group or queue; `doesIncludeBosses: null` leaves the field out (not collected). */
    group(name: string, options: { type?: string; members?: string[]; doesIncludeBosses?: boolean | null } = {}): string {
        const bosses = options.doesIncludeBosses === null ? {} : { DoesIncludeBosses: options.doesIncludeBosses ?? true };
        const id = this.row('Group', { Name: name, DeveloperName: name.replace(/\W/g, '_'), Type: options.type ?? 'Regular', ...bosses });
        for (const m of options.members ?? []) {
            this.addMember(id, m);
        }
        this.table('GroupMember');
        return id;
    }

    /** The Organization ("All Internal Users") group, created once. */
    orgGroup(): string {
        const existing = (this.tables.Group ?? []).find((g) => g.Type === 'Organization');
        if (existing && typeof existing.Id === 'string') {
            return existing.Id;
        }
        return this.row('Group', { Name: 'All Internal Users', DeveloperName: 'AllInternalUsers', Type: 'Organization' });
    }

    addMember(groupId: string, memberId: string): string {
        return this.row('GroupMember', { GroupId: groupId, UserOrGroupId: memberId });
    }

    /** Org-wide defaults through EntityDefinition (any vocabulary). */
    owd(object: string, internal: string, external: string = internal === 'ControlledByParent' ? 'ControlledByParent' : 'Private'): this {
        const list = (this.tables.EntityDefinition ??= []);
        const existing = list.find((e) => e.QualifiedApiName === object);
        if (existing) {
            existing.InternalSharingModel = internal;
            existing.ExternalSharingModel = external;
        } else {
            list.push({ Id: this.id('EntityDefinition'), QualifiedApiName: object, InternalSharingModel: internal, ExternalSharingModel: external });
        }
        return this;
    }

    record(object: string, fields: Row): string {
        return this.row(object, fields);
    }

    /** A share row in the object's share table, with the object-specific columns. */
    share(object: string, recordId: string, granteeId: string, level: ShareLevel, rowCause = 'Manual', extra: Row = {}): string {
        const info = shareTableFor(object);
        return this.row(info.table, { [info.parentField]: recordId, UserOrGroupId: granteeId, [info.accessField]: level, RowCause: rowCause, ...extra });
    }

    setting(key: string, value: boolean | string | number | null, provenance: Provenance = 'admin', source?: string): this {
        this.settings[key] = { value, provenance, ...(source ? { source } : {}) };
        return this;
    }

    /** A UserRecordAccess row as the platform would report it. */
    ura(userId: string, recordId: string, max: AccessLevel, flags?: Partial<Record<'read' | 'edit' | 'delete' | 'transfer' | 'all', boolean>>): string {
        const rank = ['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'].indexOf(max);
        return this.row('UserRecordAccess', {
            UserId: userId,
            RecordId: recordId,
            HasReadAccess: flags?.read ?? rank >= 1,
            HasEditAccess: flags?.edit ?? rank >= 2,
            HasDeleteAccess: flags?.delete ?? rank >= 3,
            HasTransferAccess: flags?.transfer ?? rank >= 4,
            HasAllAccess: flags?.all ?? rank >= 5,
            MaxAccessLevel: max
        });
    }

    sharingRule(rule: SharingRuleDefinition): this {
        (this.metadata.SharingRules ??= []).push(rule);
        return this;
    }

    metadataList<K extends keyof NonNullable<Snapshot['metadata']>>(key: K, items: NonNullable<NonNullable<Snapshot['metadata']>[K]>): this {
        (this.metadata as Record<string, unknown>)[key] = items;
        return this;
    }

    describe(object: string, describe: NonNullable<Snapshot['describe']>[string]): this {
        this.describeSection[object] = describe;
        return this;
    }

    rowsOf(table: string): Row[] {
        return this.tables[table] ?? [];
    }

    build(): Snapshot {
        const snapshot: Snapshot = {
            schemaVersion: 1,
            meta: { collectedAt: this.collectedAt, source: 'fixture' },
            tables: clone(this.tables),
            settings: clone(this.settings)
        };
        if (Object.keys(this.metadata).length) {
            snapshot.metadata = clone(this.metadata);
        }
        if (Object.keys(this.describeSection).length) {
            snapshot.describe = clone(this.describeSection);
        }
        return snapshot;
    }
}

function systemFields(system: SystemPerms | undefined): Row {
    return {
        PermissionsViewAllData: system?.viewAllData ?? false,
        PermissionsModifyAllData: system?.modifyAllData ?? false,
        PermissionsViewAllUsers: system?.viewAllUsers ?? false,
        PermissionsManageUsers: system?.manageUsers ?? false,
        PermissionsManageExternalUsers: system?.manageExternalUsers ?? false,
        PermissionsTransferAnyEntity: system?.transferRecord ?? false,
        PermissionsTransferAnyCase: system?.transferCases ?? false,
        PermissionsTransferAnyLead: system?.transferLeads ?? false
    };
}

/**
 * A small internal org most corpus cases start from:
 * roles CEO > VP Sales > Rep (and CEO > Support); profile "Standard" with CRED on Account,
 * Contact, Opportunity, Case, Lead and Invoice__c; OWD Private everywhere (Contact Controlled
 * by Parent unless a case changes it); users ceo, vp, rep, rep2, support, other (no role).
 */
export function baseOrg(options: { objects?: Record<string, PermLetters> } = {}): {
    b: SnapshotBuilder;
    ids: Record<'ceoRole' | 'vpRole' | 'repRole' | 'supportRole' | 'standard' | 'ceo' | 'vp' | 'rep' | 'rep2' | 'support' | 'other', string>;
} {
    const b = new SnapshotBuilder();
    const objects = options.objects ?? { Account: 'CRED', Contact: 'CRED', Opportunity: 'CRED', Case: 'CRED', Lead: 'CRED', Invoice__c: 'CRED', Contract: 'CRED', Order: 'CRED' };
    const standard = b.profile('Standard User', { objects });
    const ceoRole = b.role('CEO');
    const vpRole = b.role('VP Sales', ceoRole);
    const repRole = b.role('Sales Rep', vpRole, { CaseAccessForAccountOwner: 'Edit', OpportunityAccessForAccountOwner: 'Edit', ContactAccessForAccountOwner: 'Edit' });
    const supportRole = b.role('Support', ceoRole);
    const ceo = b.user('Cora CEO', { profileId: standard, roleId: ceoRole });
    const vp = b.user('Vic VP', { profileId: standard, roleId: vpRole });
    const rep = b.user('Ana Rep', { profileId: standard, roleId: repRole, managerId: vp });
    const rep2 = b.user('Ben Rep', { profileId: standard, roleId: repRole, managerId: vp });
    const support = b.user('Sam Support', { profileId: standard, roleId: supportRole });
    const other = b.user('Olga Norole', { profileId: standard });
    for (const o of ['Account', 'Opportunity', 'Case', 'Lead', 'Invoice__c']) {
        b.owd(o, 'Private');
    }
    b.owd('Contact', 'ControlledByParent');
    b.owd('Contract', 'ControlledByParent');
    b.owd('Order', 'ControlledByParent');
    b.owd('User', 'Read', 'Private');
    b.table('GroupMember');
    b.orgGroup();
    // Restriction rules collected: none in this org.
    b.metadataList('RestrictionRule', []);
    return { b, ids: { ceoRole, vpRole, repRole, supportRole, standard, ceo, vp, rep, rep2, support, other } };
}

function clone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}
